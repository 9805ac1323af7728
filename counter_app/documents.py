"""Forms issued for a dossier: build their data, render them, keep them with the dossier."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from counter_app.calendar import format_processing_time
from counter_app.catalog.model import COPY_KIND_LABELS_VI, Channel, CopyKind
from counter_app.catalog.repository import spec_of
from counter_app.dossiers.lifecycle import Action
from counter_app.errors import InvalidInput
from counter_app.forms.context import (
    Applicant,
    ComponentLine,
    DossierFormContext,
    MissingItem,
    OfficeInfo,
    RegisterContext,
    RegisterRow,
)
from counter_app.settings import Settings
from counter_app.storage.models import Document, Dossier

FORM_IDS = ("01", "02", "03")
# Which form fits which way the dossier was received.
FORM_FOR_ACTION = {Action.RECEIVE: "01", Action.RECEIVE_INCOMPLETE: "02", Action.REFUSE: "03"}


def office_info(settings: Settings) -> OfficeInfo:
    office = settings.office
    return OfficeInfo(agency_id=office.agency_id, agency_name=office.agency_name,
                      parent_name=office.parent_name, unit_name=office.unit_name,
                      place_name=office.place_name, phone=office.phone)


def form_context(dossier: Dossier, form_id: str, settings: Settings) -> DossierFormContext:
    if form_id not in FORM_IDS:
        raise InvalidInput(f"Unknown form {form_id!r}; use one of {', '.join(FORM_IDS)} or 'register'.")
    spec = spec_of(dossier.procedure)
    processing = spec.processing_time(Channel(dossier.channel))
    first = dossier.events[0] if dossier.events else None
    refusal = next((e.payload.get("reason", "") for e in dossier.events if e.action == Action.REFUSE.value), "")
    if form_id == "03" and not refusal:
        raise InvalidInput(f"Dossier {dossier.code} was not refused: form 03 does not apply.")
    missing = tuple(MissingItem(c.name, c.missing_reason) for c in dossier.components if not c.received)
    if form_id == "02" and not missing:
        raise InvalidInput(f"Dossier {dossier.code} has nothing missing: form 02 does not apply.")
    return DossierFormContext(
        office=office_info(settings),
        dossier_code=dossier.code,
        applicant=Applicant(dossier.applicant_name, dossier.id_number, dossier.address, dossier.phone,
                            dossier.email),
        procedure_code=dossier.procedure.code,
        procedure_name=dossier.procedure.name,
        officer_name=first.officer if first else dossier.officer,
        officer_phone=settings.workstation.officer_phone or settings.office.phone,
        issued_at=dossier.received_at,
        components=tuple(ComponentLine(c.name, COPY_KIND_LABELS_VI[CopyKind(c.copy_kind)], c.count)
                         for c in dossier.components if c.received),
        sets_count=dossier.sets_count,
        processing_time_text=format_processing_time(processing) if processing else "",
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        return_method=dossier.return_method,
        register_book=dossier.register_book,
        register_line=dossier.register_line,
        missing=missing,
        refusal_reason=refusal,
    )


def register_context(session: Session, settings: Settings, start: date, end: date,
                     printed_at: datetime) -> RegisterContext:
    """The register (form 07 / Sổ theo dõi hồ sơ) for dossiers received in [start, end]."""
    if start > end:
        raise InvalidInput("The register's start date is after its end date.")
    rows = session.scalars(
        select(Dossier).where(Dossier.received_at >= datetime.combine(start, time.min),
                              Dossier.received_at < datetime.combine(end + timedelta(days=1), time.min))
        .order_by(Dossier.received_at, Dossier.id)
        .options(selectinload(Dossier.events), selectinload(Dossier.procedure))
    ).all()
    return RegisterContext(
        office=office_info(settings),
        title_period=f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
        rows=tuple(_register_row(number, d) for number, d in enumerate(rows, start=1)),
        printed_at=printed_at,
    )


def _register_row(number: int, dossier: Dossier) -> RegisterRow:
    def first_time(action: Action):
        return next((e.device_time for e in dossier.events if e.action == action.value), None)

    transfer = next((e for e in dossier.events if e.action == Action.TRANSFER.value), None)
    returned = next((e for e in dossier.events if e.action == Action.RETURN_RESULT.value), None)
    contact = ", ".join(p for p in (dossier.address, dossier.phone) if p)
    return RegisterRow(
        number=number, dossier_code=dossier.code, procedure_name=dossier.procedure.name,
        sets_count=dossier.sets_count, applicant_name=dossier.applicant_name, applicant_contact=contact,
        processing_agency=dossier.procedure.receiving_agency, received_at=dossier.received_at,
        due_at=dossier.due_at, transferred_to=transfer.payload.get("to", "") if transfer else "",
        result_at=first_time(Action.RESULT_READY), returned_at=returned.device_time if returned else None,
        receiver_name=returned.payload.get("receiver", "") if returned else "", note=dossier.note,
    )


def attach_document(session: Session, dossier: Dossier, *, kind: str, sha256: str, size: int,
                    filename: str, mime: str = "application/pdf", template_version: str = "",
                    now: datetime) -> Document:
    document = Document(kind=kind, sha256=sha256, size=size, mime=mime, filename=filename,
                        template_version=template_version, created_at=now)
    dossier.documents.append(document)
    session.flush()
    return document


SCAN_KIND = "scan"


def scan_filename(dossier_code: str, component_code: str, pages: int) -> str:
    """Page count in the name, so it survives any export: ``TP1_<code>_2p.pdf``."""
    return f"{component_code}_{dossier_code}_{pages}p.pdf"


def check_scan(dossier: Dossier, component_code: str, pdf: bytes, pages: int) -> None:
    codes = [c.code for c in dossier.components]
    if component_code not in codes:
        raise InvalidInput(f"Dossier {dossier.code} has no component {component_code!r} "
                           f"(it has: {', '.join(codes)}).")
    if not pdf.startswith(b"%PDF") or pages < 1:
        raise InvalidInput("A scan must be a PDF with at least one page.")
