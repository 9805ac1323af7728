"""The reference provincial server: a FastAPI app over its own database and file folder."""
from __future__ import annotations

import os
import uuid
import zlib
from datetime import datetime
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import ClientDisconnect

from counter_app.errors import CodeSpaceExhausted, CounterError, ForbiddenTransition, UnknownDossier, WorkspaceError
from counter_app.storage.db import Database
from sync.national_export import export_page
from sync.server import auth, code_blocks, feed, ops
from sync.server.files import SHA_RE, FileProblem, ServerFiles, parse_content_range
from sync.server.models import StoredFile, Workstation
from sync.server.schemas import (
    API_PREFIX, ChangeOut, ChangesOut, CodeBlockIn, CodeBlockOut, ErrorBody, FileState, Health, KnownOpsIn,
    KnownOpsOut, NationalExportOut, OpsIn, OpsOut, WorkstationIn, WorkstationOut,
)

ERRORS = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}}
SHA_PARAM = PathParam(pattern=SHA_RE.pattern)
EXPORT_KEY_ENV = "COUNTER_APP_EXPORT_KEY"
STATUS_OF = {UnknownDossier: 404, ForbiddenTransition: 409, CodeSpaceExhausted: 409}


def fail(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message})


def create_app(db: Database, files_dir: Path, *, enrol_key: str | None = None,
               export_key: str | None = None) -> FastAPI:
    """``export_key`` (default: $COUNTER_APP_EXPORT_KEY) lets the province's integration job
    read the national export of every office; a workstation token reads its own office's."""
    export_key = export_key if export_key is not None else os.environ.get(EXPORT_KEY_ENV) or None
    app = FastAPI(title="Quầy Một Cửa — reference provincial sync server", version="1.0.0")
    files = ServerFiles(files_dir)
    bearer = HTTPBearer(auto_error=False)

    @app.exception_handler(CounterError)
    async def counter_error(_request, exc: CounterError):
        if isinstance(exc, WorkspaceError):
            # The server's own database failed (PostgreSQL restarting, disk full): not the
            # counter's fault, and worth retrying; nothing of the request was committed.
            return JSONResponse({"detail": {"code": exc.code, "message": exc.message}}, status_code=503,
                                headers={"Retry-After": "5"})
        status = next((s for cls, s in STATUS_OF.items() if isinstance(exc, cls)), 400)
        return JSONResponse({"detail": {"code": exc.code, "message": exc.message}}, status_code=status)

    def workstation(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Workstation:
        if credentials is None:
            raise fail(401, "unauthenticated", "A workstation token is required (Authorization: Bearer).")
        with db.read() as session:
            found = auth.authenticate(session, credentials.credentials)
        if found is None:
            raise fail(401, "unknown_token", "This workstation token is not known to the server.")
        if found.revoked:
            raise fail(403, "revoked", "This workstation's access was revoked by the province.")
        return found

    instance = uuid.uuid4().hex

    @app.get(f"{API_PREFIX}/health", response_model=Health)
    def health():
        return Health(ok=True, time=datetime.now().isoformat(timespec="seconds"), instance=instance)

    @app.post(f"{API_PREFIX}/workstations", response_model=WorkstationOut, status_code=201, responses=ERRORS)
    def register(body: WorkstationIn, x_enrol_key: str | None = Header(default=None)):
        if not auth.enrol_key_ok(enrol_key, x_enrol_key):
            raise fail(403, "enrolment_refused", "The enrolment key is missing or wrong.")
        with db.write() as session:
            ws, token = auth.register(session, name=body.name, agency_id=body.agency_id, slot=body.slot)
            return WorkstationOut(workstation_id=ws.id, name=ws.name, agency_id=ws.agency_id, token=token)

    @app.get(f"{API_PREFIX}/workstations/me", response_model=WorkstationOut, responses=ERRORS)
    def me(ws: Workstation = Depends(workstation)):
        return WorkstationOut(workstation_id=ws.id, name=ws.name, agency_id=ws.agency_id)

    @app.post(f"{API_PREFIX}/known-ops", response_model=KnownOpsOut, responses=ERRORS)
    def known_ops(body: KnownOpsIn, ws: Workstation = Depends(workstation)):
        """Which of these op ids the server holds: how a counter finds ops lost to a restore."""
        with db.read() as session:
            return KnownOpsOut(known=ops.known_op_ids(session, [str(op) for op in body.op_ids]),
                               latest_change=feed.latest_change(session, ws.agency_id))

    @app.post(f"{API_PREFIX}/ops", response_model=OpsOut, responses=ERRORS)
    def post_ops(body: OpsIn, ws: Workstation = Depends(workstation)):
        batch = [{**op.model_dump(), "op_id": str(op.op_id)} for op in body.ops]
        with db.write() as session:
            return OpsOut(results=ops.apply_batch(session, ws, batch))

    def known_state(sha256: str) -> FileState | None:
        with db.read() as session:
            stored = session.get(StoredFile, sha256)
            if stored is None:
                return None
            return FileState(sha256=sha256, size=stored.size, complete=stored.complete, ranges=stored.ranges)

    def file_state(sha256: str) -> FileState:
        state = known_state(sha256)
        if state is None:
            raise fail(404, "unknown_file", "The server holds no byte of this file.")
        return state

    @app.get(f"{API_PREFIX}/files/{{sha256}}", response_model=FileState, responses=ERRORS)
    def get_file(sha256: str = SHA_PARAM, _ws: Workstation = Depends(workstation)):
        return file_state(sha256)

    @app.head(f"{API_PREFIX}/files/{{sha256}}", responses=ERRORS)
    def head_file(sha256: str = SHA_PARAM, _ws: Workstation = Depends(workstation)):
        state = file_state(sha256)
        ranges = ",".join(f"{a}-{b - 1}" for a, b in state.ranges)
        return Response(headers={"X-File-Size": str(state.size), "X-File-Complete": str(state.complete).lower(),
                                 "X-File-Ranges": ranges})

    def record(sha256: str, total: int, start: int, end: int) -> tuple[FileState, str]:
        with db.write() as session:
            stored, problem = files.record(session, sha256, total, start, end)
            return FileState(sha256=sha256, size=total, complete=stored.complete, ranges=stored.ranges), problem

    @app.put(f"{API_PREFIX}/files/{{sha256}}", response_model=FileState, responses={**ERRORS, 422: {"model": ErrorBody}})
    async def put_file(request: Request, sha256: str = SHA_PARAM, content_range: str = Header(),
                       content_encoding: str = Header(default="", pattern=r"^(gzip|deflate|identity)?$"),
                       _ws: Workstation = Depends(workstation)):
        try:
            start, end, total = parse_content_range(content_range)
            known = await run_in_threadpool(known_state, sha256)
        except FileProblem as exc:
            raise fail(exc.status, "bad_range", exc.message) from exc
        if known is not None and known.size != total:
            raise fail(409, "bad_range", f"File {sha256} was announced with {known.size} bytes, not {total}.")
        if known is not None and known.complete:
            return known
        written, cut, too_long = await _receive(request, files, sha256, start, end, total, content_encoding)
        state, problem = await run_in_threadpool(record, sha256, total, start, start + written)
        if cut:
            return Response(status_code=400)  # nobody is listening; the bytes that came are kept
        if too_long:
            raise fail(400, "bad_range", "The body is longer than its Content-Range (or not validly compressed).")
        if problem:
            raise fail(422, "hash_mismatch", problem)
        return state

    @app.get(f"{API_PREFIX}/changes", response_model=ChangesOut, responses=ERRORS)
    def changes(cursor: int = Query(default=0, ge=0, le=2**62), limit: int = Query(default=100, ge=1, le=1000),
                ws: Workstation = Depends(workstation)):
        with db.read() as session:
            found = feed.changes_since(session, ws.agency_id, cursor, limit + 1)
        page = found[:limit]
        return ChangesOut(changes=[ChangeOut(id=c.id, kind=c.kind, dossier_uuid=c.dossier_uuid, body=c.body)
                                   for c in page],
                          next_cursor=page[-1].id if page else cursor, more=len(found) > limit)

    def export_scope(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> str | None:
        """None: every office (the export key); else the office of the calling workstation."""
        if export_key and credentials is not None and auth.enrol_key_ok(export_key, credentials.credentials):
            return None  # constant-time comparison
        return workstation(credentials).agency_id

    @app.get(f"{API_PREFIX}/export/dong-bo-ho-so", response_model=NationalExportOut, responses=ERRORS)
    def national_export(since: int = Query(default=0, ge=0, le=2**62),
                        cursor: int | None = Query(default=None, ge=0, le=2**62),
                        limit: int = Query(default=100, ge=1, le=500),
                        agency: str | None = Depends(export_scope)):
        """The national portal's DongBoHoSoMC bodies, paged by cursors (event ids).

        A sweep: ``since`` = 0 the first time, else the ``next_cursor`` that ended the
        previous sweep; page with ``cursor`` = each answer's ``next_cursor`` (same
        ``since``) while ``more``. Dossiers first seen in this sweep come with
        ``isUpdating: false``, the others as updates. Read-only: it records nothing."""
        with db.read() as session:
            bodies, next_cursor, more = export_page(session, since=since, cursor=since if cursor is None else cursor,
                                                    limit=limit, agency_id=agency)
        return NationalExportOut(bodies=bodies, since=since, next_cursor=next_cursor, more=more)

    @app.post(f"{API_PREFIX}/code-blocks", response_model=CodeBlockOut, responses={**ERRORS, 409: {"model": ErrorBody}})
    def post_code_block(body: CodeBlockIn, ws: Workstation = Depends(workstation)):
        with db.write() as session:
            block = code_blocks.allocate(session, ws, body.day, body.size, str(body.request_id))
            return CodeBlockOut(agency_id=block.agency_id, day=block.day, first=block.first, last=block.last)

    return app


def _decoder(encoding: str):
    """Streaming decompression of a gzip/deflate body (the bytes of a cut body's prefix
    decode to a prefix of the chunk, so they are kept like plain bytes)."""
    if encoding in ("", "identity"):
        return None
    return zlib.decompressobj(wbits=31 if encoding == "gzip" else 15)


async def _receive(request: Request, files: ServerFiles, sha256: str, start: int, end: int, total: int,
                   encoding: str = ""):
    """Write the body at its offset as it streams in; a cut keeps what arrived."""
    written, cut, too_long = 0, False, False
    decoder = _decoder(encoding)
    handle = files.open_for_write(sha256, total)
    try:
        handle.seek(start)
        async for raw in request.stream():
            room = end - start - written
            try:
                piece = decoder.decompress(raw, room + 1) if decoder else raw
            except zlib.error:
                return 0, False, True  # not gzip/deflate: keep none of this request's bytes
            if decoder and decoder.unconsumed_tail:
                too_long = True  # decodes to more than the Content-Range allows (or a bomb)
            if len(piece) > room:
                piece, too_long = piece[:room], True
            handle.write(piece)
            written += len(piece)
            if too_long:
                break
    except ClientDisconnect:
        cut = True
    finally:
        handle.flush()
        os.fsync(handle.fileno())  # before the DB says these bytes are here
        handle.close()
    return written, cut, too_long
