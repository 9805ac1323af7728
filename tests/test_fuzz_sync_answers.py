"""Property-based fuzzing of the provincial server's answers, as the sync client reads them.

A tiny ``http.server`` on 127.0.0.1 answers one API call with a hypothesis-generated
answer (status, headers, body: arbitrary bytes, arbitrary JSON, or the right answer with
keys dropped, values of the wrong type, extra or repeated entries) and every other call
correctly. Whatever it sends, the counter raises a typed sync error or carries on; it
never crashes, never marks an op delivered that the answer did not validly report as
applied, never moves its feed cursor on a malformed page, and keeps its pending ops.
"""
from __future__ import annotations

import copy
import gzip
import json
import threading
import uuid
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from counter_app.errors import CounterError
from counter_app.storage.models import CodeBlock, DossierEvent, OutboxOp
from sync import code_blocks
from sync.client import RetryPolicy, SyncClient
from sync.errors import BadAnswer, SyncError
from sync.outbox_worker import OutboxWorker
from sync.pull import pull
from sync.push import PENDING, REJECTED, SENT, push
from sync.restore_check import check_after_restart
from sync.state import SyncState, load_state, save_state
from sync.testing.counters import receive
from sync.uploads import Uploader
from tests.conftest import make_core
from tests.fuzz_support import paths

FUZZ = settings(max_examples=150, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
AGENCY = "000.00.31.H41"
TODAY = date(2026, 12, 1)

# ---------------------------------------------------------------- the fake province


class Answer:
    def __init__(self, status: int = 200, body: bytes = b"", headers: dict | None = None):
        self.status, self.body, self.headers = status, body, headers or {}

    def __repr__(self):
        return f"Answer({self.status}, {self.body[:80]!r}, {self.headers})"


def as_json(value, status: int = 200) -> Answer:
    return Answer(status, json.dumps(value).encode(), {"Content-Type": "application/json"})


class Province(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fuzzed: dict[str, list[Answer]] = {}  # route → answers to give, in order, before the correct one
        self.calls: dict[str, int] = {}
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def plan(self, route: str, *answers: Answer) -> None:
        with self.lock:
            self.fuzzed, self.calls = {route: list(answers)}, {}

    def next_fuzzed(self, route: str) -> Answer | None:
        with self.lock:
            self.calls[route] = self.calls.get(route, 0) + 1
            queue = self.fuzzed.get(route)
            return queue.pop(0) if queue else None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args):  # keep the test output clean
        pass

    def do_GET(self):
        self._answer()

    do_POST = do_PUT = do_GET

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        url = urlparse(self.path)
        route = _route(self.command, url.path)
        answer = self.server.next_fuzzed(route) or _correct(route, raw, url, self.headers)  # type: ignore[attr-defined]
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if "Content-Length" not in answer.headers:
            self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Connection", "close")  # a lying Content-Length must end in EOF, not a wait
        self.end_headers()
        self.wfile.write(answer.body)
        self.close_connection = True


def _route(method: str, path: str) -> str:
    path = path.removeprefix("/api/v1")
    if path.startswith("/files/"):
        return f"files_{method.lower()}"
    return {"/health": "health", "/workstations": "register", "/workstations/me": "me", "/known-ops": "known_ops",
            "/ops": "ops", "/changes": "changes", "/code-blocks": "code_blocks"}.get(path, "unknown")


def _correct(route: str, raw: bytes, url, headers) -> Answer:
    request = json.loads(raw) if raw and route != "files_put" else {}
    if route == "health":
        return as_json({"ok": True, "time": "2026-12-01T09:00:00", "instance": "fuzz"})
    if route == "register":
        return as_json({"workstation_id": 7, "name": "Máy 1", "agency_id": AGENCY, "token": "fuzz-token"}, 201)
    if route == "known_ops":
        return as_json({"known": request.get("op_ids", []), "latest_change": 0})
    if route == "ops":
        return as_json({"results": [{"op_id": op["op_id"], "outcome": "applied", "duplicate": False, "reason": "",
                                     "result": {}} for op in request["ops"]]})
    if route == "changes":
        cursor = int(parse_qs(url.query)["cursor"][0])
        return as_json({"changes": [], "next_cursor": cursor, "more": False})
    if route == "code_blocks":
        return as_json({"agency_id": AGENCY, "day": request["day"], "first": 1, "last": 50})
    if route == "files_get":
        return as_json({"detail": {"code": "unknown_file", "message": "no byte"}}, 404)
    if route == "files_put":  # the whole file arrives in one chunk in these tests
        total = int(headers["Content-Range"].rsplit("/", 1)[1])
        return as_json({"sha256": url.path.rsplit("/", 1)[1], "size": total, "complete": True,
                        "ranges": [[0, total]]})
    return as_json({"detail": {"code": "not_found", "message": route}}, 404)


@pytest.fixture(scope="module")
def province():
    server = Province()
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="fuzz-province")
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def client_for(province, attempts: int = 2) -> SyncClient:
    """A client with quick retries; ``attempts=1`` when one planned answer must be the only one read."""
    import random

    return SyncClient(province.url, "fuzz-token", timeout=(2.0, 5.0),
                      retry=RetryPolicy(attempts=attempts, base=0.001, cap=0.005, rng=random.Random(3)))


@pytest.fixture(scope="module")
def counter(tmp_path_factory):
    core = make_core(tmp_path_factory.mktemp("fuzz-sync") / "ws")
    receive(core, "Nguyễn Văn An")
    receive(core, "Trần Thị Bình")
    yield core
    core.workspace.close()


# ---------------------------------------------------------------- answers

ODD = st.one_of(st.none(), st.booleans(), st.integers(-(2**65), 2**65), st.floats(), st.text(max_size=12),
                st.sampled_from(["applied", "rejected", "deferred", "2026-12-01", "2026-12-01T09:00:00+07:00",
                                 "receive", "transfer", "dossier.status", ""]),
                st.lists(st.integers(-5, 5), max_size=3),
                st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))


@st.composite
def mutated(draw, valid):
    """``valid`` with a few values changed, dropped, duplicated or added."""
    value = copy.deepcopy(valid)
    for _ in range(draw(st.integers(0, 4))):
        places = list(paths(value))[1:]
        if not places:
            break
        where = draw(st.sampled_from(places))
        parent = value
        for step in where[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["set", "set", "delete", "extra", "duplicate"]))
        if action == "set":
            parent[where[-1]] = draw(ODD)
        elif action == "delete":
            del parent[where[-1]]
        elif action == "extra" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(ODD)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[where[-1]]))
    return value


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                       max_size=3), max_leaves=12)
STATUS = st.sampled_from([200, 200, 200, 200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503])
RETRY_AFTER = st.sampled_from(["", "0", "1", "²", "-1", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT", "9" * 30])


@st.composite
def answers(draw, valid):
    """An answer to one call: mostly shaped like ``valid`` (near misses), sometimes anything at all."""
    kind = draw(st.sampled_from(["near", "near", "near", "json", "bytes", "deep", "gzip_lie", "short", "html"]))
    status = draw(STATUS) if draw(st.booleans()) else 200
    content_types = ["application/json", "text/html", "application/json; charset=latin-1"]
    headers = {"Content-Type": draw(st.sampled_from(content_types))}
    if status in (429, 500, 502, 503) or draw(st.booleans()):
        retry = draw(RETRY_AFTER)
        if retry:
            headers["Retry-After"] = retry
    if kind == "near":
        body = json.dumps(draw(mutated(valid)), allow_nan=True).encode()
    elif kind == "json":
        body = json.dumps(draw(JSON_VALUES)).encode()
    elif kind == "bytes":
        body = draw(st.binary(max_size=200))
    elif kind == "deep":
        body = b'{"detail": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    elif kind == "gzip_lie":
        body = json.dumps(valid).encode()
        headers["Content-Encoding"] = draw(st.sampled_from(["gzip", "deflate", "br"]))
    elif kind == "short":  # a Content-Length that promises more than comes
        body = json.dumps(valid).encode()
        headers["Content-Length"] = str(len(body) + draw(st.integers(1, 1000)))
    else:
        body = b"<html><body>Captive portal: please log in</body></html>"
    if status == 301:
        headers["Location"] = draw(st.sampled_from(["/api/v1/health", "/nowhere", "http://127.0.0.1:1/x"]))
    return Answer(status, body, headers)


def parsed(answer: Answer):
    """The answer's JSON as the client could read it (None when it is not readable JSON)."""
    if answer.status >= 300 or "Content-Length" in answer.headers:
        return None  # (a Content-Encoding some libraries read through when the body is not compressed)
    try:
        return json.loads(answer.body)
    except (ValueError, RecursionError):
        return None


def outbox(core) -> dict[str, str]:
    with core.workspace.db.read() as session:
        return {op.op_id: op.state for op in session.scalars(select(OutboxOp))}


def reset_outbox(core) -> None:
    with core.workspace.db.write() as session:
        for op in session.scalars(select(OutboxOp)):
            op.state = PENDING


def typed(call, *args, **kwargs):
    """Run ``call``: its result, or the typed error it raised (anything else fails the test)."""
    try:
        return call(*args, **kwargs), None
    except SyncError as exc:
        assert exc.code and exc.message
        return None, exc
    except CounterError as exc:  # e.g. a full disk: still a typed error the worker reports
        return None, exc


# ---------------------------------------------------------------- push: op results


@st.composite
def ops_answers(draw, op_ids):
    results = [{"op_id": op_id, "outcome": draw(st.sampled_from(["applied", "rejected", "deferred"])),
                "duplicate": False, "reason": "", "result": {}} for op_id in op_ids]
    results += [{"op_id": str(uuid.UUID(int=draw(st.integers(0, 2**128 - 1)))), "outcome": "applied",
                 "duplicate": False, "reason": "", "result": {}} for _ in range(draw(st.integers(0, 1)))]
    return draw(answers({"results": draw(st.permutations(results))}))


@FUZZ
@given(st.data())
def test_push_never_marks_an_op_delivered_on_a_bad_answer(province, counter, data):
    reset_outbox(counter)
    before = outbox(counter)
    answer = data.draw(ops_answers(sorted(before)))
    province.plan("ops", *([answer] * 10))  # the same answer to every batch of this push
    client = client_for(province)
    report, error = typed(push, counter.workspace, client, Uploader(client, counter.workspace.files))
    after = outbox(counter)
    assert set(after) == set(before), "an op was lost or made up"
    body = parsed(answer)
    results = body.get("results") if isinstance(body, dict) else None
    entries = results if isinstance(results, list) else []
    claimed = {r["op_id"]: r.get("outcome") for r in entries if isinstance(r, dict) and isinstance(r.get("op_id"), str)}
    for op_id, state in after.items():
        if state == SENT:
            assert claimed.get(op_id) == "applied", f"{op_id} marked sent without a valid 'applied' answer"
        elif state == REJECTED:
            assert claimed.get(op_id) == "rejected"
    if error is None:
        assert report.sent + report.rejected == sum(state != PENDING for state in after.values())


# ---------------------------------------------------------------- pull: feed pages


def feed_state(core):
    with core.workspace.db.read() as session:
        state = load_state(session)
        events = session.scalar(select(DossierEvent.id).order_by(DossierEvent.id.desc()).limit(1))
        return state.cursor, events, len(state.conflicts)


def set_cursor(core, cursor: int) -> None:
    with core.workspace.db.write() as session:
        state = load_state(session)
        state.cursor = cursor
        save_state(session, state)


def dossier_uuid(core) -> str:
    with core.workspace.db.read() as session:
        return session.scalar(select(OutboxOp.dossier_uuid).where(OutboxOp.dossier_uuid.is_not(None)).limit(1))


@st.composite
def feed_pages(draw, cursor: int, uuid_: str):
    count = draw(st.integers(0, 3))
    changes = []
    for offset in range(1, count + 1):
        kind = draw(st.sampled_from(["dossier.status", "dossier.status", "catalog.version", "calendar.overrides",
                                     "officer.accounts", "something.new"]))
        body = {"dossier.status": {"dossier": uuid_, "code": "X", "action": draw(st.sampled_from(
                    ["transfer", "start_processing", "result_ready", "receive", "fly"])), "status": 4, "note": "",
                    "actor": "Sở", "at": "2026-12-01T10:00:00"},
                "catalog.version": {"version": 2, "source": "fuzz", "records": draw(st.sampled_from([[], [{}], "x"]))},
                "calendar.overrides": {"source": "fuzz", "text": draw(st.sampled_from(["", "{}", "[1]", "x"]))},
                "officer.accounts": {"records": draw(st.sampled_from([[], [{}], [{"user": 1}], "x", None]))},
                "something.new": {}}[kind]
        changes.append({"id": cursor + offset * draw(st.integers(1, 3)), "kind": kind,
                        "dossier_uuid": uuid_ if kind == "dossier.status" else None, "body": body})
    next_cursor = changes[-1]["id"] if changes else cursor
    return draw(answers({"changes": changes, "next_cursor": next_cursor, "more": False}))


@FUZZ
@given(st.data())
def test_pull_never_moves_the_cursor_on_a_malformed_page(province, counter, data):
    cursor = data.draw(st.integers(0, 50))
    set_cursor(counter, cursor)
    answer = data.draw(feed_pages(cursor, dossier_uuid(counter)))
    province.plan("changes", answer)
    before = feed_state(counter)
    merged, error = typed(pull, counter.workspace, client_for(province, attempts=1))
    after = feed_state(counter)
    if error is not None:
        assert after == before, "a failed pull changed the cursor, the events or the conflicts"
        return
    page = parsed(answer)
    assert isinstance(page, dict) and after[0] == page["next_cursor"]
    assert merged >= 0


# ---------------------------------------------------------------- code blocks


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A second counter whose sync state and code blocks each example starts again from nothing."""
    core = make_core(tmp_path_factory.mktemp("fresh") / "ws")
    receive(core)
    yield core
    core.workspace.close()


def forget_sync(core) -> None:
    with core.workspace.db.write() as session:
        for block in session.scalars(select(CodeBlock)):
            session.delete(block)
        for op in session.scalars(select(OutboxOp)):
            op.state = PENDING
        save_state(session, SyncState())


@FUZZ
@given(st.data())
def test_code_block_answers_store_a_sane_block_or_nothing(province, fresh, data):
    core = fresh
    forget_sync(core)
    day = TODAY.isoformat()
    answer = data.draw(answers({"agency_id": AGENCY, "day": day, "first": 1, "last": 50}))
    province.plan("code_blocks", answer)
    stored, error = typed(code_blocks.refill, core.workspace, client_for(province, attempts=1), TODAY)
    with core.workspace.db.read() as session:
        blocks = list(session.scalars(select(CodeBlock)))
        pending = load_state(session).code_blocks
    for block in blocks:
        assert 1 <= block.first <= block.last <= 9999 and block.next_value == block.first
    first_day = [b for b in blocks if b.day == TODAY]
    if error is not None:
        assert not first_day and any(r["day"] == day for r in pending), "the request id must be kept"
    else:
        assert stored == len(blocks) and len(first_day) == 1


# ---------------------------------------------------------------- restore check (known ops)


@FUZZ
@given(st.data())
def test_known_ops_answers_never_lose_or_invent_ops(province, counter, data):
    with counter.workspace.db.write() as session:
        for op in session.scalars(select(OutboxOp)):
            op.state = SENT
    before, cursor = outbox(counter), feed_state(counter)[0]
    asked = sorted(before)
    answer = data.draw(answers({"known": data.draw(st.lists(st.sampled_from(asked), unique=True)),
                                "latest_change": data.draw(st.integers(0, 100))}))
    province.plan("known_ops", answer)
    requeued, error = typed(check_after_restart, counter.workspace, client_for(province, attempts=1), "new-run",
                            datetime(2026, 12, 1, 9))
    after = outbox(counter)
    assert set(after) == set(before)
    if error is not None:
        assert after == before and feed_state(counter)[0] == cursor
    else:
        assert requeued == sum(state == PENDING for state in after.values())


# ---------------------------------------------------------------- the whole round


@settings(FUZZ, max_examples=90)
@given(st.sampled_from(["health", "register", "ops", "changes", "code_blocks", "known_ops"]), st.data())
def test_a_sync_round_reports_any_bad_answer_and_never_crashes(province, fresh, route, data):
    core = fresh
    forget_sync(core)
    valid = {"health": {"ok": True, "time": "t", "instance": "i"},
             "register": {"workstation_id": 1, "name": "n", "agency_id": AGENCY, "token": "t"},
             "ops": {"results": []}, "changes": {"changes": [], "next_cursor": 0, "more": False},
             "code_blocks": {"agency_id": AGENCY, "day": TODAY.isoformat(), "first": 1, "last": 9},
             "known_ops": {"known": [], "latest_change": 0}}[route]
    province.plan(route, data.draw(answers(valid)))
    pending = sum(state == PENDING for state in outbox(core).values())
    worker = OutboxWorker(core.workspace, server_url=province.url, client_factory=client_for_url,
                          clock=lambda: datetime(2026, 12, 1, 9))
    report = worker.run_once()  # raises nothing: a bad answer is a report with an error
    assert report.ok or report.error_code
    if not report.ok:
        assert report.error
    states = outbox(core)
    assert len(states) >= pending
    if route == "ops" and not report.ok:
        assert sum(state == PENDING for state in states.values()) == pending


def client_for_url(url: str) -> SyncClient:
    import random

    return SyncClient(url, timeout=(2.0, 5.0), retry=RetryPolicy(attempts=2, base=0.001, cap=0.005,
                                                                  rng=random.Random(5)))


# ---------------------------------------------------------------- file uploads


@FUZZ
@given(st.sampled_from(["files_get", "files_put"]), st.data())
def test_upload_answers_end_in_a_typed_error_or_a_complete_file(province, counter, route, data):
    digest = "a" * 64
    path = counter.workspace.files.path_for(digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * 1000)
    valid = {"sha256": digest, "size": 1000, "complete": route == "files_put", "ranges": [[0, 1000]]}
    answer = data.draw(answers(valid))
    province.plan(route, *([answer] * 8))  # then 404/"complete" answers end the transfer
    client = client_for(province)
    sent, error = typed(Uploader(client, counter.workspace.files, max_cuts=2).upload, digest, 1000)
    assert error is not None or sent in (True, False)
    assert province.calls.get("files_put", 0) <= 8 + 3, "the upload must end, not send for ever"


def test_a_server_that_acknowledges_chunks_but_keeps_nothing_ends_the_upload(province, counter):
    digest = "b" * 64
    path = counter.workspace.files.path_for(digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"y" * 1000)
    lie = as_json({"sha256": digest, "size": 1000, "complete": False, "ranges": []})
    province.plan("files_put", *([lie] * 100))
    with pytest.raises(BadAnswer, match="does not hold them"):
        Uploader(client_for(province), counter.workspace.files, max_cuts=3).upload(digest, 1000)
    assert province.calls["files_put"] == 4  # the first try and three more, then it gives up


# ---------------------------------------------------------------- transport oddities (examples)


@pytest.mark.parametrize("answer", [
    Answer(503, b"busy", {"Retry-After": "²"}),
    Answer(503, b"busy", {"Retry-After": "9" * 30}),
    Answer(400, b'{"detail": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", {"Content-Type": "application/json"}),
    Answer(200, b"not gzip at all", {"Content-Encoding": "gzip", "Content-Type": "application/json"}),
    Answer(200, gzip.compress(b'{"ok": true}')[:10], {"Content-Encoding": "gzip"}),
    Answer(301, b"", {"Location": "/api/v1/health"}),
    Answer(204, b""),
    Answer(200, b"\xff\xfe\x00{", {"Content-Type": "application/json"}),
    Answer(200, b'{"ok": true, "instance": 7}', {"Content-Type": "application/json"}),
    Answer(200, b"[" * 100_000, {"Content-Type": "application/json"}),
])
def test_transport_oddities_are_typed(province, answer):
    province.plan("health", *([answer] * 80))  # every retry and redirect sees it
    with pytest.raises(SyncError) as info:
        client_for(province).health()
    assert info.value.code in ("sync_bad_answer", "sync_server_error", "server_rejected", "sync_offline")


def test_results_for_ops_never_sent_are_refused(province, counter):
    reset_outbox(counter)
    stranger = str(uuid.uuid4())
    province.plan("ops", as_json({"results": [{"op_id": stranger, "outcome": "applied", "duplicate": False,
                                               "reason": "", "result": {}}]}))
    with pytest.raises(BadAnswer, match="not in the batch"):
        client_for(province).send_ops([{"op_id": str(uuid.uuid4()), "kind": "x", "payload": {}}])


def test_a_feed_page_that_says_more_but_stands_still_is_refused(province):
    province.plan("changes", as_json({"changes": [], "next_cursor": 5, "more": True}))
    with pytest.raises(BadAnswer, match="more"):
        client_for(province).changes(5)
