"""Dossier lifecycle: actions, the national status codes they lead to, and what is allowed.

The current status is never stored on its own authority: it is the result of replaying
a dossier's events through ``next_status`` (the ``status`` column is a cache of that).
"""
from __future__ import annotations

from enum import Enum, IntEnum

from counter_app.errors import ForbiddenTransition


class Status(IntEnum):
    """National one-stop status codes (canonical for export and sync)."""

    REGISTERED = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    REFUSED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    FINANCIAL_OBLIGATION = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    PROCESSED = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả


STATUS_NAMES_VI = {
    Status.REGISTERED: "Mới đăng ký",
    Status.RECEIVED: "Được tiếp nhận",
    Status.REFUSED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    Status.FINANCIAL_OBLIGATION: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.PROCESSED: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}


class Action(str, Enum):
    REGISTER = "register"  # arrived online/by post, not yet checked
    RECEIVE = "receive"  # complete at the counter → form 01
    RECEIVE_INCOMPLETE = "receive_incomplete"  # form 02 lists what is missing
    REFUSE = "refuse"  # form 03 with the reason
    SUPPLEMENT_RECEIVED = "supplement_received"  # the citizen brought what was missing
    TRANSFER = "transfer"  # handed to the processing unit (control slip)
    START_PROCESSING = "start_processing"
    REQUEST_SUPPLEMENT = "request_supplement"  # asked during processing
    REQUEST_FINANCIAL = "request_financial"
    FINANCIAL_DONE = "financial_done"
    STOP = "stop"
    RESULT_READY = "result_ready"
    RETURN_RESULT = "return_result"  # with the receiver's name
    WITHDRAW = "withdraw"
    CORRECT = "correct"  # fix what was typed or ticked by mistake; see ``correction_status``


TERMINAL = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED})

# Action → (statuses it may start from, status it leads to). ``None`` as a start means
# "a new dossier". SUPPLEMENT_RECEIVED is resolved by history, see ``next_status``.
TRANSITIONS: dict[Action, tuple[frozenset, Status | None]] = {
    Action.REGISTER: (frozenset({None}), Status.REGISTERED),
    Action.RECEIVE: (frozenset({None, Status.REGISTERED}), Status.RECEIVED),
    Action.RECEIVE_INCOMPLETE: (frozenset({None, Status.REGISTERED}), Status.SUPPLEMENT_REQUESTED),
    Action.REFUSE: (frozenset({None, Status.REGISTERED, Status.SUPPLEMENT_REQUESTED}), Status.REFUSED),
    Action.SUPPLEMENT_RECEIVED: (frozenset({Status.SUPPLEMENT_REQUESTED}), None),
    Action.TRANSFER: (frozenset({Status.RECEIVED}), Status.PROCESSING),
    Action.START_PROCESSING: (frozenset({Status.RECEIVED}), Status.PROCESSING),
    Action.REQUEST_SUPPLEMENT: (frozenset({Status.PROCESSING}), Status.SUPPLEMENT_REQUESTED),
    Action.REQUEST_FINANCIAL: (frozenset({Status.PROCESSING}), Status.FINANCIAL_OBLIGATION),
    Action.FINANCIAL_DONE: (frozenset({Status.FINANCIAL_OBLIGATION}), Status.PROCESSING),
    Action.STOP: (
        frozenset({Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION}),
        Status.STOPPED,
    ),
    Action.RESULT_READY: (frozenset({Status.PROCESSING}), Status.PROCESSED),
    Action.RETURN_RESULT: (frozenset({Status.PROCESSED}), Status.RETURNED),
    Action.WITHDRAW: (frozenset(set(Status) - TERMINAL - {Status.PROCESSED}), Status.WITHDRAWN),
    Action.CORRECT: (frozenset(Status), None),
}
# Steps after which the dossier is with the processing unit, no longer at the counter.
TRANSFERRING = frozenset({Action.TRANSFER, Action.START_PROCESSING})


def transferred_by(actions) -> bool:
    """Has any of these actions (``Action`` or its value) handed the dossier on for processing?"""
    return any(Action(action) in TRANSFERRING for action in actions)


# While a dossier is still at the counter, correcting its papers may change whether it is
# complete: form 01 (received) or form 02 (supplement requested).
AT_THE_COUNTER = frozenset({Status.RECEIVED, Status.SUPPLEMENT_REQUESTED})


def correction_status(current: Status, *, complete: bool | None, was_transferred: bool) -> Status:
    """The status after a correction: unchanged, except for a paper correction at the counter
    (``complete`` given), which leads to received when every required paper is there, else to
    supplement requested."""
    if complete is None or was_transferred or current not in AT_THE_COUNTER:
        return current
    return Status.RECEIVED if complete else Status.SUPPLEMENT_REQUESTED


def next_status(current: Status | None, action: Action, *, was_transferred: bool = False,
                complete: bool | None = None) -> Status:
    """The status ``action`` leads to from ``current``; raises if it is not allowed.
    ``complete``: for a correction of the papers, whether every required paper is now there."""
    allowed_from, target = TRANSITIONS[action]
    if current not in allowed_from:
        shown = "a new dossier" if current is None else f"status {int(current)} ({current.name})"
        raise ForbiddenTransition(f"Action '{action.value}' is not allowed for {shown}.",
                                  action=action.value, status=None if current is None else int(current))
    if action is Action.SUPPLEMENT_RECEIVED:
        # Back to where the request came from: the counter (received) or the processing unit.
        return Status.PROCESSING if was_transferred else Status.RECEIVED
    if action is Action.CORRECT:
        return correction_status(current, complete=complete, was_transferred=was_transferred)
    return target


def replay(actions: list[Action], payloads: list[dict] | None = None) -> Status:
    """Derive the current status from a dossier's actions in order (with their events'
    payloads when a correction of the papers may be among them)."""
    status: Status | None = None
    transferred = False
    for index, action in enumerate(actions):
        complete = payloads[index].get("complete") if payloads else None
        status = next_status(status, action, was_transferred=transferred, complete=complete)
        transferred = transferred or transferred_by([action])
    if status is None:
        raise ForbiddenTransition("A dossier needs at least one event.")
    return status


def allowed_actions(current: Status) -> list[Action]:
    """The lifecycle steps from ``current``. A correction is possible in every status and is not
    a step forward, so it is not listed."""
    return [action for action, (starts, _target) in TRANSITIONS.items()
            if current in starts and action is not Action.CORRECT]
