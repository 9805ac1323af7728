"""The intake data a dossier's ops carry to the province (the counter owns it until transfer)."""
from __future__ import annotations

from datetime import date, datetime

from counter_app.storage.models import Dossier


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def intake_of(dossier: Dossier) -> dict:
    return {
        "procedure_code": dossier.procedure.code,
        "procedure_version": dossier.procedure.version,
        "procedure_name": dossier.procedure.name,
        "procedure_field": dossier.procedure.field,
        "channel": dossier.channel,
        "applicant": {"kind": dossier.applicant_kind, "name": dossier.applicant_name,
                      "id_number": dossier.id_number, "birth_date": _iso(dossier.birth_date),
                      "address": dossier.address, "phone": dossier.phone, "email": dossier.email},
        "sets_count": dossier.sets_count,
        "received_at": _iso(dossier.received_at),
        "due_at": _iso(dossier.due_at),
        "components": [{"code": c.code, "name": c.name, "copy_kind": c.copy_kind, "count": c.count,
                        "received": c.received, "missing_reason": c.missing_reason}
                       for c in dossier.components],
        "documents": [{"sha256": d.sha256, "size": d.size, "kind": d.kind, "mime": d.mime,
                       "filename": d.filename} for d in dossier.documents],
    }
