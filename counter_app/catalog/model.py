"""Procedure (TTHC) records as plain, immutable domain objects.

Importers produce them, the repository persists them, intake and forms read them.
They carry no database or Qt types so every layer can share them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum, IntEnum


class Channel(IntEnum):
    """Submission channel, numbered as the national portal numbers them."""

    DIRECT = 1
    ONLINE = 2
    POSTAL = 3


class TimeUnit(str, Enum):
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    # The national catalogue also publishes plain "Ngày" (calendar days), e.g. land
    # dispute mediation (30 days); counting those as working days would be wrong.
    CALENDAR_DAYS = "calendar_days"


class CopyKind(str, Enum):
    """How a component must be supplied."""

    ORIGINAL = "original"  # bản chính
    COPY = "copy"  # bản sao
    CERTIFIED_COPY = "certified_copy"  # bản sao chứng thực
    ORIGINAL_OR_COPY = "original_or_copy"  # bản chính hoặc bản sao
    PRESENT_ORIGINAL = "present_original"  # xuất trình bản chính


@dataclass(frozen=True)
class ProcessingTime:
    channel: Channel
    amount: float  # 0 working days means "within the day"
    unit: TimeUnit = TimeUnit.WORKING_DAYS
    note: str = ""


@dataclass(frozen=True)
class Fee:
    channel: Channel
    amount_vnd: int
    description: str = ""


@dataclass(frozen=True)
class ComponentSpec:
    code: str  # stable within the procedure version, e.g. "TP1"
    name: str
    copy_kind: CopyKind = CopyKind.ORIGINAL
    count: int = 1
    mandatory: bool = True
    form_name: str | None = None  # the published form (mẫu tờ khai), if any
    note: str = ""


@dataclass(frozen=True)
class ProcedureSpec:
    code: str  # national code, e.g. "1.001193"
    name: str
    field: str  # lĩnh vực
    level: str = ""  # cấp thực hiện, e.g. "Cấp xã"
    receiving_agency: str = ""
    processing_times: tuple[ProcessingTime, ...] = ()
    fees: tuple[Fee, ...] = ()
    components: tuple[ComponentSpec, ...] = ()
    results: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()
    # Received after this time of day, counting starts one working day later.
    cutoff: time | None = None
    effective_from: date | None = None
    effective_to: date | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def processing_time(self, channel: Channel = Channel.DIRECT) -> ProcessingTime | None:
        for item in self.processing_times:
            if item.channel == channel:
                return item
        return self.processing_times[0] if self.processing_times else None

    def fee(self, channel: Channel = Channel.DIRECT) -> Fee | None:
        for item in self.fees:
            if item.channel == channel:
                return item
        return None


# Labels printed on the forms (domain text, not UI text).
COPY_KIND_LABELS_VI = {
    CopyKind.ORIGINAL: "Bản chính",
    CopyKind.COPY: "Bản sao",
    CopyKind.CERTIFIED_COPY: "Bản sao chứng thực",
    CopyKind.ORIGINAL_OR_COPY: "Bản chính hoặc bản sao",
    CopyKind.PRESENT_ORIGINAL: "Xuất trình bản chính",
}
