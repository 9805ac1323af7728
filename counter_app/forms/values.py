"""Turn form contexts into the flat text fields that templates refer to by name.

Templates only see strings keyed by the names below, so a province can reword or
reorder a form without touching code, and a typo in a template is caught when the
template is loaded (see ``templates.py``) instead of at the counter.
"""
from __future__ import annotations

import unicodedata
from datetime import datetime

from counter_app.forms.context import DossierFormContext, OfficeInfo, RegisterContext

OFFICE_FIELDS = frozenset(
    {"agency_id", "agency_name", "parent_name", "unit_name", "place", "office_phone",
     "day", "month", "year", "issued_date"}
)
DOSSIER_FIELDS = OFFICE_FIELDS | {
    "dossier_code", "applicant_name", "applicant_id_number", "applicant_address",
    "applicant_phone", "applicant_email", "procedure_code", "procedure_name",
    "officer_name", "officer_phone", "sets_count", "processing_time",
    "received_at", "received_date", "received_time", "due_at", "due_date", "due_time",
    "return_method", "register_book", "register_line", "refusal_reason", "missing_count",
}
REGISTER_FIELDS = OFFICE_FIELDS | {"title_period", "row_count"}
PAGE_FIELDS = frozenset({"page", "pages"})
# Per-row fields of each table or list a template can show, by source name.
ROW_FIELDS: dict[str, frozenset[str]] = {
    "components": frozenset({"no", "name", "copy_kind", "count"}),
    "missing": frozenset({"no", "name", "reason"}),
    "rows": frozenset({
        "no", "dossier_code", "procedure_name", "sets_count", "applicant_name",
        "applicant_contact", "processing_agency", "received_date", "received_time",
        "due_date", "due_time", "transferred_to", "result_date", "result_time",
        "returned_date", "returned_time", "receiver_name", "note",
    }),
}


def text(value: object) -> str:
    """NFC, stripped text: decomposed input (NFD from some keyboards and scanners)
    would otherwise print stacked combining marks and defeat text search."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def date_text(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y") if moment else ""


def clock_text(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def moment_text(moment: datetime | None) -> str:
    """The official forms' "hh giờ mm phút, ngày dd/mm/yyyy"."""
    if moment is None:
        return ""
    return f"{moment:%H} giờ {moment:%M} phút, ngày {moment:%d/%m/%Y}"


def _office_fields(office: OfficeInfo, issued: datetime | None) -> dict[str, str]:
    return {
        "agency_id": text(office.agency_id),
        "agency_name": text(office.agency_name),
        "parent_name": text(office.parent_name),
        "unit_name": text(office.unit_name),
        "place": text(office.place_name),
        "office_phone": text(office.phone),
        "day": f"{issued:%d}" if issued else "",
        "month": f"{issued:%m}" if issued else "",
        "year": f"{issued:%Y}" if issued else "",
        "issued_date": date_text(issued),
    }


def issued_moment(ctx: DossierFormContext) -> datetime | None:
    return ctx.issued_at or ctx.received_at


def dossier_fields(ctx: DossierFormContext) -> dict[str, str]:
    applicant = ctx.applicant
    fields = _office_fields(ctx.office, issued_moment(ctx))
    fields.update(
        dossier_code=text(ctx.dossier_code),
        applicant_name=text(applicant.name),
        applicant_id_number=text(applicant.id_number),
        applicant_address=text(applicant.address),
        applicant_phone=text(applicant.phone),
        applicant_email=text(applicant.email),
        procedure_code=text(ctx.procedure_code),
        procedure_name=text(ctx.procedure_name),
        officer_name=text(ctx.officer_name),
        officer_phone=text(ctx.officer_phone),
        sets_count=f"{ctx.sets_count:02d}" if ctx.sets_count else "",
        processing_time=text(ctx.processing_time_text),
        received_at=moment_text(ctx.received_at),
        received_date=date_text(ctx.received_at),
        received_time=clock_text(ctx.received_at),
        due_at=moment_text(ctx.due_at),
        due_date=date_text(ctx.due_at),
        due_time=clock_text(ctx.due_at),
        return_method=text(ctx.return_method),
        register_book=text(ctx.register_book),
        register_line="" if ctx.register_line is None else str(ctx.register_line),
        refusal_reason=text(ctx.refusal_reason),
        missing_count=str(len(ctx.missing)),
    )
    return fields


def component_rows(ctx: DossierFormContext) -> list[dict[str, str]]:
    return [
        {"no": str(no), "name": text(line.name), "copy_kind": text(line.copy_kind_label),
         "count": str(line.count)}
        for no, line in enumerate(ctx.components, start=1)
    ]


def missing_rows(ctx: DossierFormContext) -> list[dict[str, str]]:
    return [
        {"no": str(no), "name": text(item.name), "reason": text(item.reason)}
        for no, item in enumerate(ctx.missing, start=1)
    ]


def register_fields(ctx: RegisterContext) -> dict[str, str]:
    fields = _office_fields(ctx.office, ctx.printed_at)
    fields.update(title_period=text(ctx.title_period), row_count=str(len(ctx.rows)))
    return fields


def register_rows(ctx: RegisterContext) -> list[dict[str, str]]:
    rows = []
    for row in ctx.rows:
        rows.append({
            "no": str(row.number),
            "dossier_code": text(row.dossier_code),
            "procedure_name": text(row.procedure_name),
            "sets_count": str(row.sets_count),
            "applicant_name": text(row.applicant_name),
            "applicant_contact": text(row.applicant_contact),
            "processing_agency": text(row.processing_agency),
            "transferred_to": text(row.transferred_to),
            "receiver_name": text(row.receiver_name),
            "note": text(row.note),
        })
        for key, moment in (("received", row.received_at), ("due", row.due_at),
                            ("result", row.result_at), ("returned", row.returned_at)):
            rows[-1][f"{key}_date"] = date_text(moment)
            rows[-1][f"{key}_time"] = clock_text(moment)
    return rows
