"""SQLAlchemy models of the workspace database.

Schema changes go through Alembic migrations in ``storage/migrations``; these models
must match the newest revision (a test compares them).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class Procedure(Base):
    """One version of a procedure (TTHC); a new import with changes adds a version."""

    __tablename__ = "procedures"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(Text, default="")
    receiving_agency: Mapped[str] = mapped_column(Text, default="")
    processing: Mapped[list] = mapped_column(JSON, default=list)
    fees: Mapped[list] = mapped_column(JSON, default=list)
    results: Mapped[list] = mapped_column(JSON, default=list)
    legal_basis: Mapped[list] = mapped_column(JSON, default=list)
    cutoff: Mapped[str | None] = mapped_column(String(5))
    effective_from: Mapped[date | None] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    extra: Mapped[dict] = mapped_column(JSON, default=dict)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime)

    components: Mapped[list[ProcedureComponent]] = relationship(
        back_populates="procedure", order_by="ProcedureComponent.position", cascade="all, delete-orphan"
    )


class ProcedureComponent(Base):
    __tablename__ = "procedure_components"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    copy_kind: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer, default=1)
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True)
    form_name: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")

    procedure: Mapped[Procedure] = relationship(back_populates="components")


class CalendarDay(Base):
    """An office-declared exception to the default calendar (extra day off, make-up day)."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # "off" | "work"
    name: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")


class CodeCounter(Base):
    """Last dossier number used per agency, day and workstation slot; only ever grows."""

    __tablename__ = "code_counters"

    agency_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        Index("ix_dossiers_status_received", "status", "received_at"),
        Index("ix_dossiers_procedure_received", "procedure_id", "received_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    channel: Mapped[int] = mapped_column(Integer, default=1)
    applicant_kind: Mapped[str] = mapped_column(String(16), default="person")
    applicant_name: Mapped[str] = mapped_column(Text)
    id_number: Mapped[str] = mapped_column(String(32), default="", index=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(Text, default="")
    sets_count: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    return_method: Mapped[str] = mapped_column(Text, default="")
    register_book: Mapped[str] = mapped_column(Text, default="")
    register_line: Mapped[int | None] = mapped_column(Integer)
    # Cache of the status derived from events, kept in the same transaction.
    status: Mapped[int] = mapped_column(Integer, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(Text, default="")
    counter: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    procedure: Mapped[Procedure] = relationship()
    components: Mapped[list[DossierComponent]] = relationship(
        back_populates="dossier", order_by="DossierComponent.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[DossierEvent]] = relationship(
        back_populates="dossier", order_by="DossierEvent.seq", cascade="all, delete-orphan"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="dossier", order_by="Document.id", cascade="all, delete-orphan"
    )


class DossierComponent(Base):
    __tablename__ = "dossier_components"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(Text)
    copy_kind: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer, default=1)
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True)
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    missing_reason: Mapped[str] = mapped_column(Text, default="")

    dossier: Mapped[Dossier] = relationship(back_populates="components")


class DossierEvent(Base):
    """Append-only history; ``id`` gives the global order, ``hash`` chains the trail."""

    __tablename__ = "dossier_events"
    __table_args__ = (UniqueConstraint("dossier_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    status: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    officer: Mapped[str] = mapped_column(Text, default="")
    counter: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(Text, default="")
    device_time: Mapped[datetime] = mapped_column(DateTime)
    monotonic_ns: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    dossier: Mapped[Dossier] = relationship(back_populates="events")


class Document(Base):
    """A file kept with a dossier (rendered form, scan); bytes live in the file store."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(Text)
    template_version: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    dossier: Mapped[Dossier] = relationship(back_populates="documents")


class OutboxOp(Base):
    """A change waiting to be sent to the province; written with the change itself."""

    __tablename__ = "outbox_ops"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    dossier_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    payload: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)


class ServiceGroup(Base):
    """A service group of the office queue: its letter prefix and own number sequence."""

    __tablename__ = "queue_services"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    prefix: Mapped[str] = mapped_column(String(4), unique=True)
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    reset: Mapped[str] = mapped_column(String(8), default="daily")  # "daily" | "never"
    carry_over: Mapped[bool] = mapped_column(Boolean, default=False)
    procedure_codes: Mapped[list] = mapped_column(JSON, default=list)
    fields: Mapped[list] = mapped_column(JSON, default=list)
    default_minutes: Mapped[int] = mapped_column(Integer, default=10)


class QueueCounter(Base):
    """A counter (quầy) and its work profile: which services it calls, in which order."""

    __tablename__ = "queue_counters"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(Text, default="")
    services: Mapped[list] = mapped_column(JSON, default=list)  # service codes; empty = all
    mode: Mapped[str] = mapped_column(String(16), default="in_order")  # "in_order" | "oldest"
    priority_streak: Mapped[int] = mapped_column(Integer, default=0)


class QueueSession(Base):
    """An officer's shift at a counter; ``open_counter_no`` is unique, so one open session per counter."""

    __tablename__ = "queue_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    counter_no: Mapped[int] = mapped_column(ForeignKey("queue_counters.number"), index=True)
    officer: Mapped[str] = mapped_column(Text)
    workstation: Mapped[str] = mapped_column(Text, default="")
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    open_counter_no: Mapped[int | None] = mapped_column(Integer, unique=True)


class QueueTicket(Base):
    """One visit at one service: a transfer finishes this row and adds a new one (``previous_id``)."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        UniqueConstraint("service_id", "day", "seq"),
        Index("ix_queue_tickets_state_service", "state", "service_id", "queued_at"),
        Index("ix_queue_tickets_counter_state", "counter_no", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("queue_services.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    seq: Mapped[int | None] = mapped_column(Integer)  # NULL for walk-ins and transfer rows
    number: Mapped[str] = mapped_column(String(8))
    priority: Mapped[str] = mapped_column(String(32), default="")
    state: Mapped[str] = mapped_column(String(16))
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("queue_tickets.id"))
    target_counter: Mapped[int | None] = mapped_column(Integer)
    lookup: Mapped[str | None] = mapped_column(String(16), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    called_at: Mapped[datetime | None] = mapped_column(DateTime)
    served_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    counter_no: Mapped[int | None] = mapped_column(Integer)
    officer: Mapped[str] = mapped_column(Text, default="")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("queue_sessions.id"))
    outcome: Mapped[str] = mapped_column(String(16), default="")
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    recycle_count: Mapped[int] = mapped_column(Integer, default=0)
    printed_at: Mapped[datetime | None] = mapped_column(DateTime)
    print_error: Mapped[str] = mapped_column(Text, default="")

    service: Mapped[ServiceGroup] = relationship()
    dossiers: Mapped[list[QueueTicketDossier]] = relationship(cascade="all, delete-orphan")


class QueueTicketDossier(Base):
    """A dossier received for a served ticket."""

    __tablename__ = "queue_ticket_dossiers"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("queue_tickets.id", ondelete="CASCADE"), primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), primary_key=True, index=True)

    dossier: Mapped[Dossier] = relationship()


class QueueRequest(Base):
    """The answer to one mutating LAN queue request, stored with the change it made."""

    __tablename__ = "queue_requests"

    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation: Mapped[str] = mapped_column(String(32))
    answer: Mapped[object] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class CodeBlock(Base):
    """Dossier numbers 0001–0999 the province allotted to this workstation for one day.

    Obtained while online; used before the workstation's own offline range (see codes.py).
    """

    __tablename__ = "code_blocks"
    __table_args__ = (UniqueConstraint("agency_id", "day", "first"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date, index=True)
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    next_value: Mapped[int] = mapped_column(Integer)  # above ``last`` once used up
    obtained_at: Mapped[datetime] = mapped_column(DateTime)


class SignatureJob(Base):
    """A PDF signed offline (PAdES B-B), to be completed to B-T and B-LT when online."""

    __tablename__ = "signature_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"), index=True)
    document_sha256: Mapped[str] = mapped_column(String(64), index=True)  # the PDF as it is now
    level: Mapped[str] = mapped_column(String(8), default="B-B")  # B-B | B-T | B-LT
    target_level: Mapped[str] = mapped_column(String(8), default="B-LT")
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)  # pending | done | failed
    signer: Mapped[str] = mapped_column(Text, default="")
    counter: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime] = mapped_column(DateTime)  # device time of the B-B signature
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Officer(Base):
    """An officer account of this office: local (made at the counter) or from the province.

    Passwords are kept only as Argon2id hashes; province records bring their own hashes.
    """

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(Text)
    roles: Mapped[list] = mapped_column(JSON, default=list)
    password_hash: Mapped[str] = mapped_column(Text, default="")
    token_id: Mapped[str] = mapped_column(Text, default="")  # the officer's token/card serial, if bound
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(16), default="local")  # local | province
    province_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AccountEvent(Base):
    """Append-only, hash-chained log of account events (logins, lock-outs, role changes…)."""

    __tablename__ = "account_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64), index=True)
    actor: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ViewEvent(Base):
    """Append-only, hash-chained log of views of citizens' personal data (who opened which
    dossier, printed its forms, read its files, searched by name/ID). Holds dossier codes and
    officer names, never the citizen's data itself."""

    __tablename__ = "view_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)  # the province stores each once
    at: Mapped[datetime] = mapped_column(DateTime)
    officer: Mapped[str] = mapped_column(String(64), index=True)
    roles: Mapped[list] = mapped_column(JSON, default=list)
    counter: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(Text, default="")
    view: Mapped[str] = mapped_column(String(32))
    dossier_code: Mapped[str | None] = mapped_column(String(64), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    synced_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # not hashed: set on delivery
