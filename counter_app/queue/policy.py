"""Queue policy the office configures: priority classes, the fairness cap, recycling.

Kept as one JSON value in the ``settings`` table (key ``queue_policy``) so it travels
with the database and its backups; absent keys fall back to the defaults below.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from sqlalchemy.orm import Session

from counter_app.errors import InvalidInput
from counter_app.storage.models import Setting

SETTING_KEY = "queue_policy"
NOTICE_MAX = 500  # one scrolling line: longer text would take minutes to pass


@dataclass(frozen=True)
class PriorityClass:
    code: str
    name: str
    rank: int = 1  # lower is called first; equal ranks keep arrival order


# Who is served first at a commune counter (DOMAIN.md, "Priority at the counter").
DEFAULT_CLASSES = (
    PriorityClass("elderly", "Người cao tuổi"),
    PriorityClass("disabled", "Người khuyết tật"),
    PriorityClass("pregnant", "Phụ nữ mang thai"),
    PriorityClass("small_child", "Người đi cùng trẻ nhỏ"),
    PriorityClass("merit", "Thương binh, người có công"),
    PriorityClass("appointment", "Khách đặt lịch hẹn"),
)


@dataclass(frozen=True)
class QueuePolicy:
    priority_classes: tuple[PriorityClass, ...] = DEFAULT_CLASSES
    # After this many priority calls in a row at a counter, one ordinary ticket is called
    # if any waits, so ordinary citizens are never starved. 0 switches the cap off.
    fairness_cap: int = 3
    # How many times a no-show may go back into the queue before it is closed for good.
    max_recycles: int = 1
    # Service times of this many recent tickets estimate the wait printed on a ticket.
    recent_sample: int = 20
    # Text of the QR on a ticket: ``{prefix}|{agency}|{token}``.
    lookup_prefix: str = "QMC1"
    # The office's public page of a ticket's turn, with ``{token}`` where the ticket goes, e.g.
    # "https://motcua.example.gov.vn/luot?ve={token}". Set: the ticket's QR is that link, which a
    # phone opens. Empty: the QR holds the plain ticket number (no promise of a page).
    status_page_url: str = ""
    # The display screen's scrolling line; empty: the display's own default text.
    notice: str = ""

    def priority_class(self, code: str) -> PriorityClass | None:
        return next((c for c in self.priority_classes if c.code == code), None)

    def rank_of(self, code: str) -> int:
        found = self.priority_class(code)
        return found.rank if found else 0


def validate_policy(policy: QueuePolicy) -> None:
    codes = [c.code for c in policy.priority_classes]
    if any(not code or not code.strip() for code in codes):
        raise InvalidInput("Every priority class needs a code.")
    if len(set(codes)) != len(codes):
        raise InvalidInput("Priority class codes must be unique.")
    if any(not isinstance(c.rank, int) or c.rank < 1 for c in policy.priority_classes):
        raise InvalidInput("A priority class rank is a whole number from 1 (called first).")
    if not isinstance(policy.fairness_cap, int) or policy.fairness_cap < 0:
        raise InvalidInput("The fairness cap must be 0 (off) or a positive number of calls.")
    if not isinstance(policy.max_recycles, int) or policy.max_recycles < 0:
        raise InvalidInput("The number of no-show recycles must be 0 or more.")
    if not isinstance(policy.recent_sample, int) or policy.recent_sample < 1:
        raise InvalidInput("The service-time sample must hold at least one ticket.")
    if not isinstance(policy.notice, str) or len(policy.notice) > NOTICE_MAX:
        raise InvalidInput(f"The display notice is at most {NOTICE_MAX} characters.")
    url = policy.status_page_url
    if url and not (isinstance(url, str) and url.startswith(("https://", "http://")) and "{token}" in url
                    and url.count("{") == 1 and url.count("}") == 1 and " " not in url):
        raise InvalidInput("The status page address must be an http(s) link with {token} where the ticket goes, "
                           "e.g. https://motcua.example.gov.vn/luot?ve={token}.")


def load_policy(session: Session) -> QueuePolicy:
    row = session.get(Setting, SETTING_KEY)
    raw = dict(row.value or {}) if row is not None else {}
    known = {f.name for f in fields(QueuePolicy)}
    values = {k: v for k, v in raw.items() if k in known}
    if "priority_classes" in values:
        values["priority_classes"] = tuple(PriorityClass(**c) for c in values["priority_classes"])
    return replace(QueuePolicy(), **values)


def save_policy(session: Session, policy: QueuePolicy) -> None:
    validate_policy(policy)
    value = asdict(policy)
    value["priority_classes"] = [asdict(c) for c in policy.priority_classes]
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        merged = dict(row.value or {})  # keep keys a newer version may have added
        merged.update(value)
        row.value = merged
