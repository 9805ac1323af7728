"""What the queue hands to the UI, the CLI and the printer: plain, frozen dataclasses."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum


class TicketState(str, Enum):
    WAITING = "waiting"
    CALLED = "called"  # announced; the citizen is walking to the counter
    SERVING = "serving"
    PARKED = "parked"  # on hold at a counter (e.g. gone to make a copy)
    FINISHED = "finished"


class Outcome(str, Enum):
    SERVED = "served"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    EXPIRED = "expired"  # still waiting when the day closed, in a service that does not carry over


OPEN_STATES = (TicketState.WAITING.value, TicketState.CALLED.value, TicketState.SERVING.value,
               TicketState.PARKED.value)
ACTIVE_STATES = (TicketState.CALLED.value, TicketState.SERVING.value)


@dataclass(frozen=True)
class ServiceView:
    code: str
    prefix: str
    name: str
    procedure_codes: tuple[str, ...]
    fields: tuple[str, ...]
    reset: str
    carry_over: bool
    active: bool
    default_minutes: int
    waiting: int = 0


@dataclass(frozen=True)
class TicketView:
    id: int
    number: str
    service_code: str
    service_name: str
    priority: str
    priority_name: str
    state: str
    day: date
    issued_at: datetime
    called_at: datetime | None
    served_at: datetime | None
    finished_at: datetime | None
    counter: int | None
    target_counter: int | None
    officer: str
    outcome: str
    walk_in: bool
    call_count: int
    recycle_count: int
    previous_id: int | None
    printed: bool
    print_error: str
    dossier_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CounterView:
    number: int
    label: str
    services: tuple[str, ...]
    mode: str
    officer: str | None  # the open session's officer; None when closed
    current: TicketView | None
    parked: tuple[TicketView, ...] = ()


@dataclass(frozen=True)
class QueueStatus:
    day: date
    services: tuple[ServiceView, ...]
    counters: tuple[CounterView, ...]
    recent_calls: tuple[TicketView, ...]
    notice: str = ""  # the display's scrolling line (QueuePolicy.notice); "" = the display's default


@dataclass(frozen=True)
class TicketPrint:
    """Everything printed on a ticket; the devices layer turns it into a raster image."""

    office_unit: str
    office_name: str
    service_name: str
    number: str
    priority_name: str
    issued_at: datetime
    waiting_ahead: int
    estimated_wait_minutes: int
    lookup_text: str  # the QR content: the status page link, or the plain ticket number
    ticket_id: int = 0
    lookup_is_link: bool = False  # a phone can open the QR (the office publishes a status page)
