"""Export adapter: the reference server's dossiers in the national portal's sync shape.

The national dossier sync service (``DongBoHoSoMC``) takes a body
``{"service": "DongBoHoSoMC", "isUpdating": bool, "data": [dossier, ...]}``;
``isUpdating`` is false the first time a dossier is sent and true afterwards, so one
export gives at most two bodies (new dossiers, then updates). Field names are the
portal's (DOMAIN.md); dates are ``yyyyMMddHHmmss`` local time; ``TrangThaiHoSo`` is the
national status code 1–10, ``HinhThuc`` the channel (1 direct, 2 online, 3 postal).

Choices where the public material is silent (kept in one place so a province can
change them): ``SoBienNhan`` is the dossier code (our receipt form 01 carries it);
``LoaiDoiTuong`` 1 = citizen, 2 = organisation; ``DonViXuLy`` is the unit of the last
transfer, else the receiving agency; documents whose kind starts with ``result`` are
result papers, every other document and each received component is a submitted paper.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.dossiers.lifecycle import Status
from counter_app.errors import InvalidInput
from sync.server.lifecycle import TRANSFER_ACTIONS
from sync.server.models import NationalExport, ServerDossier, ServerEvent

SERVICE = "DongBoHoSoMC"
DATE_FORMAT = "%Y%m%d%H%M%S"
APPLICANT_KINDS = {"person": 1, "organisation": 2}
# Our lifecycle already uses the national codes; the table makes the mapping explicit
# and refuses anything else (e.g. 0, a dossier the server has not seen received yet).
STATUS_CODES = {status: int(status) for status in Status}


def national_date(value: str | datetime | None) -> str:
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.strftime(DATE_FORMAT)


def status_code(status: int) -> int:
    try:
        return STATUS_CODES[Status(status)]
    except ValueError as exc:
        raise InvalidInput(f"Status {status} has no national code (1–10).") from exc


def processing_unit(session: Session, dossier: ServerDossier) -> str:
    events = session.scalars(select(ServerEvent).where(ServerEvent.dossier_uuid == dossier.uuid,
                                                       ServerEvent.action.in_(TRANSFER_ACTIONS))
                             .order_by(ServerEvent.at.desc(), ServerEvent.id.desc())).all()
    for event in events:
        if (event.payload or {}).get("to"):
            return event.payload["to"]
    return dossier.agency_id


def dossier_record(session: Session, dossier: ServerDossier) -> dict:
    intake = dossier.intake or {}
    applicant = intake.get("applicant") or {}
    documents = intake.get("documents") or []
    submitted = [{"MaThanhPhanHoSo": c.get("code", ""), "TenTaiLieu": c.get("name", ""),
                  "LoaiBan": c.get("copy_kind", ""), "SoLuong": c.get("count", 1)}
                 for c in intake.get("components") or [] if c.get("received")]
    submitted += [_file(d) for d in documents if not str(d.get("kind", "")).startswith("result")]
    return {
        "MaHoSo": dossier.code,
        "SoBienNhan": dossier.code,
        "MaTTHC": intake.get("procedure_code", ""),
        "TenTTHC": intake.get("procedure_name", ""),
        "MaLinhVuc": intake.get("procedure_field", ""),
        "ChuHoSo": applicant.get("name", ""),
        "LoaiDoiTuong": APPLICANT_KINDS.get(applicant.get("kind", "person"), 1),
        "MaDoiTuong": applicant.get("id_number", ""),
        "NgayTiepNhan": national_date(intake.get("received_at")),
        "NgayHenTra": national_date(intake.get("due_at")),
        "TrangThaiHoSo": status_code(dossier.status),
        "HinhThuc": int(intake.get("channel", 1)),
        "DonViXuLy": processing_unit(session, dossier),
        "TaiLieuNop": submitted,
        "DanhSachGiayToKetQua": [_file(d) for d in documents if str(d.get("kind", "")).startswith("result")],
    }


def _file(document: dict) -> dict:
    return {"TenTepDinhKem": document.get("filename", ""), "MaTepDinhKem": document.get("sha256", ""),
            "DungLuong": document.get("size", 0), "LoaiTaiLieu": document.get("kind", "")}


def export(session: Session, *, since: datetime | None = None, mark: bool = True,
           now: datetime | None = None) -> list[dict]:
    """Bodies for the dossiers changed since ``since`` (default: since each one's last export).

    With ``mark`` the export is recorded, so the next one says ``isUpdating: true``."""
    now = now or datetime.now()
    sent = {row.dossier_uuid: row for row in session.scalars(select(NationalExport))}
    query = select(ServerDossier).where(ServerDossier.status > 0).order_by(ServerDossier.code)
    if since is not None:
        query = query.where(ServerDossier.updated_at >= since)
    new, updates = [], []
    for dossier in session.scalars(query):
        previous = sent.get(dossier.uuid)
        if since is None and previous is not None and dossier.updated_at <= previous.last_sent_at \
                and dossier.status == previous.last_status:
            continue  # unchanged since it was last sent
        (updates if previous else new).append(dossier_record(session, dossier))
        if mark:
            if previous is None:
                session.add(NationalExport(dossier_uuid=dossier.uuid, first_sent_at=now, last_sent_at=now,
                                           last_status=dossier.status))
            else:
                previous.last_sent_at, previous.last_status = now, dossier.status
    session.flush()
    return [{"service": SERVICE, "isUpdating": updating, "data": data}
            for updating, data in ((False, new), (True, updates)) if data]
