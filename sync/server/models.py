"""Tables of the reference provincial server (its own database, not the counter's).

Created with ``create_all`` at start: this is a reference/test server whose schema is
versioned with its API, not a store that must survive upgrades in place.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Workstation(Base):
    __tablename__ = "workstations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[str] = mapped_column(String(32), index=True)
    slot: Mapped[int] = mapped_column(Integer, default=0)
    # SHA-256 of a 256-bit random token: a stolen database reveals no usable credential.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AppliedOp(Base):
    """The first result of every applied op: a repeat is answered from here."""

    __tablename__ = "applied_ops"

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id"))
    kind: Mapped[str] = mapped_column(String(32))
    dossier_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    result: Mapped[dict] = mapped_column(JSON)
    applied_at: Mapped[datetime] = mapped_column(DateTime)


class ServerDossier(Base):
    __tablename__ = "dossiers"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    agency_id: Mapped[str] = mapped_column(String(32), index=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id"))
    intake: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[int] = mapped_column(Integer)
    counter_seq: Mapped[int] = mapped_column(Integer, default=0)  # last counter event applied
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ServerEvent(Base):
    """Merged history: counter events (with their counter seq) and province events."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("dossier_uuid", "counter_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    origin: Mapped[str] = mapped_column(String(16))  # "counter" | "province"
    counter_seq: Mapped[int | None] = mapped_column(Integer)
    op_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32))
    status: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    actor: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime)  # when the server merged it (the server's clock)
    # The counter's own clock when the officer did it: kept as reported, even if that PC's clock is wrong.
    device_time: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Change(Base):
    """The change feed; ``id`` is the cursor a counter reads from."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    agency_id: Mapped[str] = mapped_column(String(32), index=True)
    dossier_uuid: Mapped[str | None] = mapped_column(String(36))
    body: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class StoredFile(Base):
    __tablename__ = "files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    ranges: Mapped[list] = mapped_column(JSON, default=list)  # [[start, end_exclusive], ...]
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CodeBlock(Base):
    __tablename__ = "code_blocks"
    __table_args__ = (UniqueConstraint("agency_id", "day", "first"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id"))
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)


class NationalExport(Base):
    """Which dossiers were already sent to the national portal (``isUpdating`` after the first)."""

    __tablename__ = "national_exports"

    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), primary_key=True)
    first_sent_at: Mapped[datetime] = mapped_column(DateTime)
    last_sent_at: Mapped[datetime] = mapped_column(DateTime)
    last_status: Mapped[int] = mapped_column(Integer)
