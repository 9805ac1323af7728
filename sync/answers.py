"""Checks on the provincial server's answers before the counter acts on them.

A server (or a proxy, or a province's own implementation of the API) can answer
anything: HTML from a captive portal, truncated JSON, the right keys with wrong types,
results for ops that were never sent, a feed cursor from another universe. The counter
must not crash on that, must not mark an op delivered, and must not move its feed
cursor: every answer is checked here against what the API promises (``sync/server/
schemas.py``) and anything else raises ``BadAnswer``, which the worker treats like a
server failure (try again later; everything stays pending).
"""
from __future__ import annotations

from datetime import date, datetime

import requests

from sync.errors import BadAnswer

OUTCOMES = ("applied", "rejected", "deferred")
MAX_CURSOR = 2**62  # the API's bound on feed cursors
MAX_BLOCK_NUMBER = 9999  # dossier codes end in four digits


def body_of(response: requests.Response, what: str):
    """The decoded JSON body, or BadAnswer (not JSON, not UTF-8, nested beyond reason)."""
    try:
        return response.json()
    except (ValueError, RecursionError) as exc:  # requests' JSONDecodeError is a ValueError
        raise BadAnswer(f"The provincial server's answer to {what} is not valid JSON "
                        f"(HTTP {response.status_code}).", what=what, status=response.status_code) from exc


def fail(what: str, problem: str):
    raise BadAnswer(f"The provincial server's answer to {what} is malformed: {problem}.", what=what,
                    problem=problem)


def mapping(value, what: str, where: str = "the body") -> dict:
    if not isinstance(value, dict):
        fail(what, f"{where} is {type(value).__name__}, not an object")
    return value


def field(obj: dict, key: str, kind, what: str, *, optional: bool = False, where: str = ""):
    """``obj[key]`` if it has type ``kind`` (bool is not an int here); BadAnswer otherwise."""
    if key not in obj:
        if optional:
            return None
        fail(what, f"{where}{key} is missing")
    value = obj[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        fail(what, f"{where}{key} is {type(value).__name__}")
    return value


def whole(obj: dict, key: str, what: str, low: int = 0, high: int = MAX_CURSOR, where: str = "") -> int:
    value = field(obj, key, int, what, where=where)
    if not low <= value <= high:
        fail(what, f"{where}{key} {value} is outside {low}..{high}")
    return value


# -- one check per API call ---------------------------------------------------------------


def health(response: requests.Response) -> dict:
    body = mapping(body_of(response, "health"), "health")
    field(body, "instance", str, "health", optional=True)
    return body


def registration(response: requests.Response) -> dict:
    what = "the registration"
    body = mapping(body_of(response, what), what)
    if not field(body, "token", str, what):
        fail(what, "token is empty")
    field(body, "workstation_id", int, what)
    return body


def workstation(response: requests.Response) -> dict:
    what = "workstations/me"
    body = mapping(body_of(response, what), what)
    field(body, "workstation_id", int, what)
    return body


def known_ops(response: requests.Response) -> dict:
    what = "known-ops"
    body = mapping(body_of(response, what), what)
    known = field(body, "known", list, what)
    if not all(isinstance(op_id, str) for op_id in known):
        fail(what, "known holds something other than op ids")
    whole(body, "latest_change", what)
    return body


def op_results(response: requests.Response, sent: list[str]) -> list[dict]:
    """One result per op at most, each about an op of this batch, with a known outcome."""
    what = "ops"
    results = field(mapping(body_of(response, what), what), "results", list, what)
    expected, seen = set(sent), set()
    for index, result in enumerate(results):
        where = f"results[{index}]."
        mapping(result, what, where[:-1])
        op_id = field(result, "op_id", str, what, where=where)
        if op_id not in expected:
            fail(what, f"{where}op_id {op_id[:40]!r} was not in the batch sent")
        if op_id in seen:
            fail(what, f"{where}op_id {op_id[:40]!r} is answered twice")
        seen.add(op_id)
        if field(result, "outcome", str, what, where=where) not in OUTCOMES:
            fail(what, f"{where}outcome {result['outcome'][:40]!r} is not one of {', '.join(OUTCOMES)}")
        reason = field(result, "reason", (str, type(None)), what, where=where, optional=True)
        result["reason"] = reason or ""
    return results


def file_state(response: requests.Response, sha256: str, sent: tuple[int, int] | None = None) -> dict:
    """What the server holds of a file: sorted, non-overlapping [start, end) byte ranges within its size.

    ``sent``: the [start, end) a chunk upload just delivered. An answer to it that is not
    complete must hold those bytes; otherwise the uploader would send them for ever."""
    what = f"files/{sha256[:12]}"
    body = mapping(body_of(response, what), what)
    if field(body, "sha256", str, what, optional=True) not in (None, sha256):
        fail(what, "it is about another file")
    size = field(body, "size", int, what, optional=True)
    field(body, "complete", bool, what)
    position = 0
    for index, item in enumerate(field(body, "ranges", list, what)):
        if (not isinstance(item, list) or len(item) != 2
                or not all(isinstance(n, int) and not isinstance(n, bool) for n in item)):
            fail(what, f"ranges[{index}] is not a [start, end] pair")
        start, end = item
        if not position <= start < end or (size is not None and end > size):
            fail(what, f"ranges[{index}] {start}-{end} is out of order or beyond the file")
        position = end
    if sent is not None and not body["complete"] and sent[1] > sent[0] and not any(
            start <= sent[0] and sent[1] <= end for start, end in body["ranges"]):
        fail(what, f"it acknowledges bytes {sent[0]}-{sent[1]} but does not hold them")
    return body


def changes(response: requests.Response, cursor: int) -> dict:
    """A feed page: changes after ``cursor`` in id order, and a cursor that covers exactly them."""
    what = "changes"
    body = mapping(body_of(response, what), what)
    items = field(body, "changes", list, what)
    last = cursor
    for index, change in enumerate(items):
        where = f"changes[{index}]."
        mapping(change, what, where[:-1])
        change_id = whole(change, "id", what, low=last + 1, where=where)
        last = change_id
        kind = field(change, "kind", str, what, where=where)
        field(change, "dossier_uuid", (str, type(None)), what, where=where, optional=True)
        change_body = mapping(field(change, "body", dict, what, where=where), what, where + "body")
        if kind == "dossier.status":
            _status_change(change, change_body, what, where)
    next_cursor = whole(body, "next_cursor", what, low=last)
    more = field(body, "more", bool, what)
    if more and next_cursor <= cursor:
        fail(what, "it says there is more but the cursor does not move")
    return body


def _status_change(change: dict, body: dict, what: str, where: str) -> None:
    if not isinstance(change.get("dossier_uuid"), str):
        fail(what, f"{where}dossier_uuid is missing")
    field(body, "action", str, what, where=where + "body.")
    at = field(body, "at", str, what, where=where + "body.")
    try:
        datetime.fromisoformat(at)
    except ValueError:
        fail(what, f"{where}body.at {at[:40]!r} is not a date and time")
    for key in ("actor", "note", "code"):
        field(body, key, (str, type(None)), what, where=where + "body.", optional=True)


def code_block(response: requests.Response, day: str) -> dict:
    """A block of dossier numbers for ``day``: first..last within 1..9999."""
    what = "code-blocks"
    body = mapping(body_of(response, what), what)
    if not field(body, "agency_id", str, what).strip():
        fail(what, "agency_id is empty")
    answered = field(body, "day", str, what)
    try:
        if date.fromisoformat(answered) != date.fromisoformat(day):
            fail(what, f"the block is for {answered[:20]}, not {day}")
    except ValueError:
        fail(what, f"day {answered[:20]!r} is not a date")
    first = whole(body, "first", what, low=1, high=MAX_BLOCK_NUMBER)
    whole(body, "last", what, low=first, high=MAX_BLOCK_NUMBER)
    return body
