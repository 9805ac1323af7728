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
}


def next_status(current: Status | None, action: Action, *, was_transferred: bool = False) -> Status:
    """The status ``action`` leads to from ``current``; raises if it is not allowed."""
    allowed_from, target = TRANSITIONS[action]
    if current not in allowed_from:
        shown = "a new dossier" if current is None else f"status {int(current)} ({current.name})"
        raise ForbiddenTransition(f"Action '{action.value}' is not allowed for {shown}.",
                                  action=action.value, status=None if current is None else int(current))
    if action is Action.SUPPLEMENT_RECEIVED:
        # Back to where the request came from: the counter (received) or the processing unit.
        return Status.PROCESSING if was_transferred else Status.RECEIVED
    return target


def replay(actions: list[Action]) -> Status:
    """Derive the current status from a dossier's actions in order."""
    status: Status | None = None
    transferred = False
    for action in actions:
        status = next_status(status, action, was_transferred=transferred)
        transferred = transferred or action in (Action.TRANSFER, Action.START_PROCESSING)
    if status is None:
        raise ForbiddenTransition("A dossier needs at least one event.")
    return status


def allowed_actions(current: Status) -> list[Action]:
    return [action for action, (starts, _target) in TRANSITIONS.items() if current in starts]
