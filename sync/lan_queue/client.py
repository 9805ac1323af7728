"""``RemoteQueue``: the office queue hosted by another counter PC, as a ``QueuePort``.

Short timeouts, so a host that is off is reported in about a second. A changing
request keeps one request id over its retries: the host answers a repeat with the
first answer, so a retry never issues a second ticket or calls twice.
"""
from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Callable
from urllib.parse import urlencode

import requests

from counter_app import errors
from counter_app.errors import DeviceError, QueueHostError, QueueHostUnreachable, WrongOfficeKey
from counter_app.queue.printing import print_stored
from counter_app.queue.views import TicketPrint, TicketView
from sync.lan_queue import codec
from sync.lan_queue.auth import signed_headers
from sync.lan_queue.operations import OPERATIONS


CONNECT_TIMEOUT_S = 1.0
READ_TIMEOUT_S = 8.0
ATTEMPTS = 3
BACKOFF_S = (0.2, 0.5)


def _error_classes() -> dict[str, type]:
    found, todo = {}, [errors.CounterError]
    while todo:
        cls = todo.pop()
        found.setdefault(cls.__dict__.get("code", ""), cls)
        todo.extend(cls.__subclasses__())
    return found


def typed_error(code: str, message: str) -> errors.CounterError:
    """The host's typed error, rebuilt with the same class here (unknown codes: QueueHostError)."""
    cls = _error_classes().get(code, QueueHostError)
    return cls(message)


class RemoteQueue:
    def __init__(self, url: str | Callable[[], str], key: str, *, connect_timeout: float = CONNECT_TIMEOUT_S,
                 read_timeout: float = READ_TIMEOUT_S, attempts: int = ATTEMPTS, officer: str | None = None):
        """``url``: the host's base URL, or a function that finds it (mDNS), called again after a failure;
        ``officer``: who opens a counter when no name is given (this PC's settings, not the host's)."""
        self.officer = officer
        self._url_source = url
        self._url: str | None = url if isinstance(url, str) else None
        self.key = key
        self.timeouts = (connect_timeout, read_timeout)
        self.attempts = max(1, attempts)
        self._epoch: str | None = None
        self._local = threading.local()
        self._lock = threading.Lock()

    # -- plumbing ---------------------------------------------------------------------------

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

    def base_url(self) -> str:
        with self._lock:
            if self._url is None:
                self._url = self._url_source().rstrip("/")  # raises QueueHostUnreachable when none is found
            return self._url.rstrip("/")

    def _forget_host(self) -> None:
        with self._lock:
            self._epoch = None
            if not isinstance(self._url_source, str):
                self._url = None  # rediscover: the host may have moved to another PC

    def hello(self, timeout: float | None = None) -> dict:
        try:
            response = self._session().get(f"{self.base_url()}/v1/hello",
                                            timeout=(self.timeouts[0], timeout or self.timeouts[1]))
            response.raise_for_status()
            data = response.json()
        except (requests.RequestException, ValueError) as exc:
            self._forget_host()
            raise QueueHostUnreachable(f"The queue host does not answer: {exc}") from exc
        self._epoch = data["epoch"]
        return data

    def _signed(self, method: str, path: str, body: bytes, timeout: float) -> requests.Response:
        epoch = self._epoch or self.hello()["epoch"]
        headers = signed_headers(self.key, method, path, body, epoch)
        if body:
            headers["Content-Type"] = "application/json"
        return self._session().request(method, f"{self.base_url()}{path}", data=body or None, headers=headers,
                                       timeout=(self.timeouts[0], timeout))

    def _exchange(self, method: str, path: str, body: bytes, *, attempts: int, timeout: float) -> dict:
        last: Exception | None = None
        attempt, resigns = 0, 1
        while attempt < attempts:
            if attempt:
                time.sleep(BACKOFF_S[min(attempt - 1, len(BACKOFF_S) - 1)])
            attempt += 1
            try:
                response = self._signed(method, path, body, timeout)
            except QueueHostUnreachable as exc:
                last = exc
                continue
            except requests.RequestException as exc:
                last = exc
                self._forget_host()
                continue
            try:
                data = response.json()
            except ValueError:
                last = QueueHostError(f"The queue host answered HTTP {response.status_code} without data.")
                continue
            if response.status_code == 401:
                verdict = data.get("error")
                if verdict in ("stale_epoch", "replay"):
                    self._epoch = None  # the host restarted: fetch its epoch, sign again
                    last = QueueHostError(data.get("message", verdict))
                    if resigns:  # not a failed attempt: sign again at once
                        resigns, attempt = resigns - 1, attempt - 1
                    continue
                if verdict == "unknown_key":
                    raise WrongOfficeKey("The queue host does not know this computer's queue key: it was never "
                                         "issued there or was replaced by a newer one.")
                raise WrongOfficeKey("The queue host refused this computer's office key.")
            if response.status_code >= 400:
                raise typed_error(data.get("error", ""), data.get("message", f"HTTP {response.status_code}"))
            return data
        if isinstance(last, errors.CounterError) and not isinstance(last, QueueHostUnreachable):
            raise last
        raise QueueHostUnreachable(f"The queue host does not answer ({last}). Nothing was changed by "
                                   "this request unless the host received it; a retry is safe.")

    def _call(self, name: str, _request_id: str | None = None, **args):
        operation = OPERATIONS[name]
        payload = {"args": codec.encode(args)}
        if operation.mutating:
            payload["request_id"] = _request_id or uuid.uuid4().hex
        body = json.dumps(payload, ensure_ascii=False).encode()
        data = self._exchange("POST", f"/v1/op/{name}", body, attempts=self.attempts, timeout=self.timeouts[1])
        return codec.decode(operation.answer, data["result"]) if operation.answer is not None else None

    # -- QueuePort --------------------------------------------------------------------------

    def policy(self):
        return self._call("policy")

    def services(self):
        return self._call("services")

    def status(self):
        return self._call("status")

    def ticket(self, ref):
        return self._call("ticket", ref=ref)

    def waiting_tickets(self):
        return self._call("waiting_tickets")

    def ticket_print(self, ref) -> TicketPrint:
        return self._call("ticket_print", ref=ref)

    def estimate(self, ref):
        return self._call("estimate", ref=ref)

    def lookup(self, qr_text: str):
        return self._call("lookup", qr_text=qr_text)

    def statistics(self, start, end):
        return self._call("statistics", start=start, end=end)

    def set_notice(self, text: str):
        return self._call("set_notice", text=text)

    def issue(self, service_code: str, priority: str = "", *, request_id: str | None = None) -> TicketView:
        return self._call("issue", request_id, service_code=service_code, priority=priority)

    def print_ticket(self, ref, send: Callable[[TicketPrint], None]) -> DeviceError | None:
        """Prints on this PC's printer what the host says the ticket is; the outcome goes back to the host."""
        return print_stored(self, ref, send)

    def issue_and_print(self, service_code: str, send: Callable[[TicketPrint], None], priority: str = ""):
        ticket = self.issue(service_code, priority)
        return ticket, self.print_ticket(ticket.id, send)

    def record_print(self, ticket_id: int, error: str = "") -> None:
        self._call("record_print", ticket_id=ticket_id, error=error)

    def open_session(self, counter: int, officer: str | None = None) -> None:
        self._call("open_session", counter=counter, officer=officer or self.officer)

    def close_session(self, counter: int) -> None:
        self._call("close_session", counter=counter)

    def call_next(self, counter: int, *, request_id: str | None = None):
        return self._call("call_next", request_id, counter=counter)

    def recall(self, counter: int):
        return self._call("recall", counter=counter)

    def call_ticket(self, counter: int, ref):
        return self._call("call_ticket", counter=counter, ref=ref)

    def start(self, counter: int):
        return self._call("start", counter=counter)

    def no_show(self, counter: int, *, recycle: bool = True):
        return self._call("no_show", counter=counter, recycle=recycle)

    def park(self, counter: int):
        return self._call("park", counter=counter)

    def resume(self, counter: int, ref=None):
        return self._call("resume", counter=counter, ref=ref)

    def transfer(self, counter: int, *, service: str | None = None, to_counter: int | None = None):
        return self._call("transfer", counter=counter, service=service, to_counter=to_counter)

    def walk_in(self, counter: int, service: str, priority: str = ""):
        return self._call("walk_in", counter=counter, service=service, priority=priority)

    def finish(self, counter: int, outcome: str = "served", dossier_codes: tuple[str, ...] = ()):
        return self._call("finish", counter=counter, outcome=outcome, dossier_codes=list(dossier_codes))

    def link_dossiers(self, ref, dossier_codes: tuple[str, ...]):
        return self._call("link_dossiers", ref=ref, dossier_codes=list(dossier_codes))

    def changes(self, after: str | None, timeout: float) -> str:
        """Long-polls the host; a host restart gives a new version (its epoch changed)."""
        query = urlencode({"after": after or "", "wait": 0 if after is None else timeout})
        data = self._exchange("GET", f"/v1/changes?{query}", b"", attempts=2, timeout=timeout + self.timeouts[1])
        return data["version"]
