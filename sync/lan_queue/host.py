"""The office queue host: this PC's ``QueueService`` served to the other counters over HTTP.

Host time is the only time that counts: clients send no times, so PCs whose clocks
disagree cannot reorder or mis-date tickets. Each changing request carries the client's
request id; its answer is stored in ``queue_requests`` in the same transaction as the
change, so a retry (after a lost answer, or after the host was killed) gets the first
answer back and never a second ticket.
"""
from __future__ import annotations

import asyncio
import json
import secrets
import socket
from contextlib import contextmanager
from datetime import timedelta

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import delete
from starlette.concurrency import run_in_threadpool

from counter_app.errors import CounterError
from counter_app.queue.changes import ChangeWatch
from counter_app.queue.service import QueueService
from counter_app.storage.models import QueueRequest
from sync.lan_queue import codec, keys
from sync.lan_queue.auth import Verdict, Verifier
from sync.lan_queue.operations import OPERATIONS


API = 1
KEEP_REQUESTS = timedelta(days=3)  # retries come within seconds; days is ample
MAX_WAIT_S = 25.0
CHECK_EVERY_S = 0.04
MAX_BODY = 64 * 1024


class _InTransaction:
    """A ``Database`` look-alike whose reads and writes all join one open transaction."""

    def __init__(self, session):
        self.session = session

    @contextmanager
    def read(self):
        yield self.session

    write = read


class QueueHost:
    def __init__(self, core, key: str, *, epoch: str | None = None):
        self.core, self.db = core, core.workspace.db
        # Credentials are read from the settings table per request: issuing or revoking a
        # workstation key works without restarting the host.
        self.verifier = Verifier(lambda key_id: keys.credential(self.db, key_id, office_key=key),
                                 epoch or secrets.token_hex(8))
        self.queue = QueueService(self.db, core.settings, core.clock)
        self.watch = ChangeWatch(self.db)

    @property
    def epoch(self) -> str:
        return self.verifier.epoch

    def prune(self) -> None:
        with self.db.write() as session:
            session.execute(delete(QueueRequest).where(QueueRequest.created_at < self.core.clock() - KEEP_REQUESTS))

    def run(self, name: str, args: dict, request_id: str | None):
        operation = OPERATIONS[name]
        if not operation.mutating:
            return codec.encode(operation.call(self.queue, args))
        if not request_id or len(request_id) > 64:
            raise _BadRequest("A changing request needs a request id.")
        with self.db.write() as session:
            done = session.get(QueueRequest, request_id)
            if done is not None:
                if done.operation != name:
                    raise _BadRequest("This request id was already used for another operation.")
                return done.answer["result"]
            service = QueueService(_InTransaction(session), self.core.settings, self.core.clock)
            answer = codec.encode(operation.call(service, args))
            session.add(QueueRequest(request_id=request_id, operation=name, answer={"result": answer},
                                     created_at=self.core.clock()))
            return answer

    def version(self) -> str:
        return f"{self.epoch}.{self.watch.version()}"


class _BadRequest(Exception):
    pass


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def build_app(host: QueueHost) -> FastAPI:
    app = FastAPI(title="Quầy Một Cửa office queue", docs_url=None, redoc_url=None, openapi_url=None)

    async def denied(request: Request, body: bytes) -> JSONResponse | None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        verdict = await run_in_threadpool(host.verifier.check, request.method, path, body, request.headers)
        if verdict == Verdict.OK:
            return None
        if verdict == Verdict.REVOKED:
            return _error(403, "queue_access_revoked", "This counter's access to the queue host was revoked.")
        messages = {Verdict.BAD_MAC: "Wrong office key.", Verdict.REPLAY: "This request was already received.",
                    Verdict.STALE_EPOCH: "The queue host was restarted; ask for its new epoch.",
                    Verdict.UNKNOWN_KEY: "The queue host does not know this counter's key (never issued, or "
                                         "replaced by a newer one)."}
        return _error(401, verdict, messages[verdict])

    @app.get("/v1/hello")
    async def hello():
        office = host.core.settings().office
        return {"api": API, "epoch": host.epoch, "agency_id": office.agency_id, "agency_name": office.agency_name}

    @app.post("/v1/op/{name}")
    async def operation(name: str, request: Request):
        body = await request.body()
        if len(body) > MAX_BODY:
            return _error(413, "queue_host", "Request too large.")
        refused = await denied(request, body)
        if refused is not None:
            return refused
        if name not in OPERATIONS:
            return _error(404, "queue_host", f"Unknown queue operation {name!r}.")
        try:
            payload = json.loads(body or b"{}")
            args, request_id = dict(payload.get("args") or {}), payload.get("request_id")
        except (ValueError, AttributeError, TypeError):
            return _error(400, "queue_host", "The request is not valid JSON.")
        try:
            result = await run_in_threadpool(host.run, name, args, request_id)
        except CounterError as exc:
            return _error(422, exc.code, exc.message)
        except _BadRequest as exc:
            return _error(400, "queue_host", str(exc))
        except (KeyError, TypeError, ValueError) as exc:
            return _error(400, "invalid_input", f"Bad arguments for {name}: {exc!r}")
        return {"result": result}

    @app.get("/v1/changes")
    async def changes(request: Request, after: str = "", wait: float = 0.0):
        refused = await denied(request, b"")
        if refused is not None:
            return refused
        deadline = asyncio.get_running_loop().time() + max(0.0, min(wait, MAX_WAIT_S))
        current = host.version()
        while current == after and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(CHECK_EVERY_S)
            current = host.version()
        return {"version": current}

    return app


def listening_socket(bind: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart at once on the same port
    sock.bind((bind, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(core, key: str, sock: socket.socket) -> None:
    """Serve until SIGINT/SIGTERM on an already bound socket."""
    import uvicorn

    host = QueueHost(core, key)
    host.prune()
    config = uvicorn.Config(build_app(host), log_level="warning", access_log=False, timeout_keep_alive=30)
    uvicorn.Server(config).run(sockets=[sock])
