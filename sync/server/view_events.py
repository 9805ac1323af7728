"""The province's copy of the counters' personal-data view log (op kind ``audit.view``).

Each op carries one view event (who, counter, when, which view, dossier code, the
counter's chain hash) and is stored once: the batch machinery answers a repeated op id
with the first result, and this table's unique op id holds even if that is bypassed.
No citizen data travels: only what ``counter_app.view_audit`` records.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from sync.server.models import Base, Workstation

KIND = "audit.view"
VIEWS = {"dossier_detail", "form", "file", "search", "register"}
_LIMITS = {"officer": 64, "counter": 200, "workstation": 200, "dossier_code": 64, "hash": 64, "view": 32}


class ServerViewEvent(Base):
    __tablename__ = "view_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id"), index=True)
    at: Mapped[datetime | None] = mapped_column(DateTime)  # the counter's clock, as reported
    officer: Mapped[str] = mapped_column(String(64), index=True)
    roles: Mapped[list] = mapped_column(JSON, default=list)
    counter: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(Text, default="")
    view: Mapped[str] = mapped_column(String(32))
    dossier_code: Mapped[str | None] = mapped_column(String(64), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    chain_hash: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime)


class Invalid(ValueError):
    """The op cannot be stored; the message says which field is wrong."""


def _text(body: dict, name: str, *, required: bool = False) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or len(value) > _LIMITS[name] or "\x00" in value:
        raise Invalid(f"Field {name!r} is missing, not text or too long.")
    return value


def apply_view(session: Session, workstation: Workstation, op: dict) -> dict:
    """Store one view event; a repeat of the same op id returns the stored row's result."""
    stored = session.scalar(select(ServerViewEvent).where(ServerViewEvent.op_id == op["op_id"]))
    if stored is not None:
        return {"view_event": stored.id}
    body = op.get("payload") if isinstance(op.get("payload"), dict) else {}
    view = _text(body, "view", required=True)
    if view not in VIEWS:
        raise Invalid(f"Unknown view {view!r}.")
    roles, detail = body.get("roles", []), body.get("detail", {})
    if not isinstance(roles, list) or not all(isinstance(r, str) and len(r) <= 32 for r in roles[:10]):
        raise Invalid("Field 'roles' must be a short list of role names.")
    if not isinstance(detail, dict) or len(str(detail)) > 2000:
        raise Invalid("Field 'detail' must be a small object.")
    try:
        at = datetime.fromisoformat(body["at"]) if isinstance(body.get("at"), str) else None
    except ValueError:
        at = None  # a counter's bad clock string must not lose the event
    row = ServerViewEvent(op_id=op["op_id"], workstation_id=workstation.id, at=at,
                          officer=_text(body, "officer", required=True), roles=roles[:10],
                          counter=_text(body, "counter") or "", workstation=_text(body, "workstation") or "",
                          view=view, dossier_code=_text(body, "dossier_code"), detail=detail,
                          chain_hash=_text(body, "hash") or "", received_at=datetime.now())
    session.add(row)
    session.flush()
    return {"view_event": row.id}


def views_of(session: Session, *, dossier_code: str | None = None) -> list[ServerViewEvent]:
    statement = select(ServerViewEvent).order_by(ServerViewEvent.id)
    if dossier_code:
        statement = statement.where(ServerViewEvent.dossier_code == dossier_code)
    return list(session.scalars(statement))
