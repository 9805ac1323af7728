"""Read-only views of dossiers handed to the UI and the CLI (no ORM objects leak out)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from counter_app.dossiers.lifecycle import STATUS_NAMES_VI, Action, Status, allowed_actions
from counter_app.storage.models import Dossier


@dataclass(frozen=True)
class ComponentView:
    code: str
    name: str
    copy_kind: str
    count: int
    mandatory: bool
    received: bool
    missing_reason: str


@dataclass(frozen=True)
class EventView:
    seq: int
    action: str
    status: int
    officer: str
    counter: str
    at: datetime
    payload: dict


@dataclass(frozen=True)
class DocumentView:
    id: int
    kind: str
    sha256: str
    filename: str
    size: int
    created_at: datetime


@dataclass(frozen=True)
class DossierSummary:
    id: int
    code: str
    status: int
    applicant_name: str
    id_number: str
    phone: str
    procedure_code: str
    procedure_name: str
    received_at: datetime
    due_at: datetime | None
    sync_state: str = ""  # badge from ``counter_app.dossiers.sync_badges``; "" = nothing to send

    @property
    def status_name(self) -> str:
        return STATUS_NAMES_VI[Status(self.status)]


@dataclass(frozen=True)
class DossierView(DossierSummary):
    uuid: str = ""
    channel: int = 1
    birth_date: date | None = None
    address: str = ""
    email: str = ""
    sets_count: int = 1
    return_method: str = ""
    register_line: int | None = None
    note: str = ""
    components: tuple[ComponentView, ...] = ()
    events: tuple[EventView, ...] = ()
    documents: tuple[DocumentView, ...] = ()
    allowed_actions: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        data = asdict(self)
        data["status_name"] = self.status_name
        return data


def summary_of(dossier: Dossier) -> DossierSummary:
    return DossierSummary(
        id=dossier.id,
        code=dossier.code,
        status=dossier.status,
        applicant_name=dossier.applicant_name,
        id_number=dossier.id_number,
        phone=dossier.phone,
        procedure_code=dossier.procedure.code,
        procedure_name=dossier.procedure.name,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
    )


def view_of(dossier: Dossier, sync_state: str = "") -> DossierView:
    base = asdict(summary_of(dossier)) | {"sync_state": sync_state}
    return DossierView(
        **base,
        uuid=dossier.uuid,
        channel=dossier.channel,
        birth_date=dossier.birth_date,
        address=dossier.address,
        email=dossier.email,
        sets_count=dossier.sets_count,
        return_method=dossier.return_method,
        register_line=dossier.register_line,
        note=dossier.note,
        components=tuple(
            ComponentView(c.code, c.name, c.copy_kind, c.count, c.mandatory, c.received, c.missing_reason)
            for c in dossier.components
        ),
        events=tuple(
            EventView(e.seq, e.action, e.status, e.officer, e.counter, e.device_time, e.payload)
            for e in dossier.events
        ),
        documents=tuple(
            DocumentView(d.id, d.kind, d.sha256, d.filename, d.size, d.created_at) for d in dossier.documents
        ),
        allowed_actions=tuple(a.value for a in allowed_actions(Status(dossier.status))),
    )


__all__ = ["Action", "ComponentView", "DocumentView", "DossierSummary", "DossierView", "EventView"]
