"""Configuring the queue: service groups (prefix, numbering, procedures) and counter profiles."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.catalog.repository import current_procedure
from counter_app.errors import InvalidInput, UnknownProcedure
from counter_app.queue import records
from counter_app.queue.selection import MODES
from counter_app.storage.models import QueueCounter, ServiceGroup
from counter_app.text import fold

PREFIX = re.compile(r"^[A-Z]{1,2}$")
RESETS = ("daily", "never")


@dataclass(frozen=True)
class ServiceSpec:
    code: str
    prefix: str
    name: str
    procedure_codes: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()  # catalogue fields (lĩnh vực) this service takes
    reset: str = "daily"
    carry_over: bool = False  # keep waiting tickets across the day boundary
    default_minutes: int = 10
    active: bool = True
    position: int | None = None


def define_service(session: Session, spec: ServiceSpec) -> ServiceGroup:
    """Add a service group or update the one with the same code."""
    code, prefix = spec.code.strip().upper(), spec.prefix.strip().upper()
    if not code:
        raise InvalidInput("A queue service needs a code.")
    if not PREFIX.match(prefix):
        raise InvalidInput(f"A ticket prefix is one or two letters A–Z, got {spec.prefix!r}.")
    if spec.reset not in RESETS:
        raise InvalidInput(f"Numbering resets 'daily' or 'never', not {spec.reset!r}.")
    if not spec.name.strip():
        raise InvalidInput("A queue service needs a name.")
    clash = session.scalar(select(ServiceGroup).where(ServiceGroup.prefix == prefix, ServiceGroup.code != code))
    if clash is not None:
        raise InvalidInput(f"Prefix {prefix} is already used by service {clash.code}.")
    row = session.scalar(select(ServiceGroup).where(ServiceGroup.code == code))
    if row is None:
        last = session.scalar(select(ServiceGroup.position).order_by(ServiceGroup.position.desc()).limit(1)) or 0
        row = ServiceGroup(code=code, position=last + 1)
        session.add(row)
    row.prefix, row.name, row.reset, row.carry_over = prefix, spec.name.strip(), spec.reset, spec.carry_over
    row.procedure_codes, row.fields = list(spec.procedure_codes), list(spec.fields)
    row.default_minutes, row.active = max(1, int(spec.default_minutes)), spec.active
    if spec.position is not None:
        row.position = spec.position
    session.flush()
    return row


def configure_counter(session: Session, number: int, *, label: str | None = None,
                      services: tuple[str, ...] | None = None, mode: str | None = None) -> QueueCounter:
    counter = records.ensure_counter(session, number)
    if label is not None:
        counter.label = label
    if services is not None:
        counter.services = [records.service_by_code(session, code).code for code in services]
    if mode is not None:
        if mode not in MODES:
            raise InvalidInput(f"Counter mode is one of {', '.join(MODES)}, not {mode!r}.")
        counter.mode = mode
    session.flush()
    return counter


def service_for_procedure(session: Session, procedure_code: str) -> ServiceGroup | None:
    """The queue a procedure belongs to: listed by code, else by its field, else the catch-all."""
    services = records.ordered_services(session)
    for service in services:
        if procedure_code in (service.procedure_codes or ()):
            return service
    try:
        field_name = fold(current_procedure(session, procedure_code).field)
    except UnknownProcedure:
        field_name = ""
    for service in services:
        if field_name and field_name in {fold(f) for f in service.fields or ()}:
            return service
    return next((s for s in services if not s.fields and not s.procedure_codes), None)
