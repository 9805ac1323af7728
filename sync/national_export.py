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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.dossiers.lifecycle import Status
from counter_app.errors import InvalidInput
from sync.server.lifecycle import TRANSFER_ACTIONS
from sync.server.locks import event_horizon, lock
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
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        return moment.strftime(DATE_FORMAT)
    except (ValueError, TypeError, AttributeError):
        return ""  # a counter's unreadable date: left empty rather than failing the export


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
    # Intake is what a counter sent: anything malformed maps to empty fields, never a crash.
    intake = _mapping(dossier.intake)
    applicant = _mapping(intake.get("applicant"))
    documents = _mappings(intake.get("documents"))
    submitted = [{"MaThanhPhanHoSo": c.get("code", ""), "TenTaiLieu": c.get("name", ""),
                  "LoaiBan": c.get("copy_kind", ""), "SoLuong": c.get("count", 1)}
                 for c in _mappings(intake.get("components")) if c.get("received")]
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
        "HinhThuc": _channel(intake.get("channel", 1)),
        "DonViXuLy": processing_unit(session, dossier),
        "TaiLieuNop": submitted,
        "DanhSachGiayToKetQua": [_file(d) for d in documents if str(d.get("kind", "")).startswith("result")],
    }


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _mappings(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _channel(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1  # direct, the counter's own channel


def _file(document: dict) -> dict:
    return {"TenTepDinhKem": document.get("filename", ""), "MaTepDinhKem": document.get("sha256", ""),
            "DungLuong": document.get("size", 0), "LoaiTaiLieu": document.get("kind", "")}


def export(session: Session, *, since: datetime | None = None, mark: bool = True,
           now: datetime | None = None) -> list[dict]:
    """Bodies for the dossiers changed since ``since`` (default: since each one's last export).

    With ``mark`` the export is recorded, so the next one says ``isUpdating: true``."""
    now = now or datetime.now()
    if mark:
        lock(session, "national-export")  # two exports must not both record a first send
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


MAX_EVENT_ID = 2**31 - 1  # event ids are 32-bit on PostgreSQL


def export_page(session: Session, *, since: int, cursor: int, limit: int,
                agency_id: str | None = None) -> tuple[list[dict], int, bool]:
    """One page of the export in the order dossiers changed (what the HTTP endpoint serves).

    Cursors are event ids. A sweep starts at ``since`` (0, or where the previous sweep
    ended) and pages on with ``cursor`` until there is no more: a page holds the dossiers
    whose latest event is after ``cursor``, oldest change first, each as the CLI export
    maps it. A finished sweep ending at S delivered every dossier with an event at or
    before S, so in the next sweep (``since`` = S) a dossier whose first event is at or
    before S is an update (``isUpdating``), any other is new. Nothing is recorded: reading
    a page twice is harmless. ``agency_id`` limits it to one office.
    Returns (bodies, next_cursor, more).
    """
    event_horizon(session)  # no event with a smaller id may commit after this read
    since = min(since, MAX_EVENT_ID)
    cursor = min(max(cursor, since), MAX_EVENT_ID)
    first_id, last_id = func.min(ServerEvent.id), func.max(ServerEvent.id)
    query = (select(ServerDossier, first_id, last_id)
             .join(ServerEvent, ServerEvent.dossier_uuid == ServerDossier.uuid)
             .where(ServerDossier.status > 0)
             .group_by(ServerDossier.uuid).having(last_id > cursor).order_by(last_id).limit(limit + 1))
    if agency_id is not None:
        query = query.where(ServerDossier.agency_id == agency_id)
    rows = session.execute(query).all()
    page = rows[:limit]
    new = [dossier_record(session, d) for d, first, _last in page if first > since]
    updates = [dossier_record(session, d) for d, first, _last in page if first <= since]
    bodies = [{"service": SERVICE, "isUpdating": updating, "data": data}
              for updating, data in ((False, new), (True, updates)) if data]
    return bodies, (page[-1][2] if page else cursor), len(rows) > limit
