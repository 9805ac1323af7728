"""Receiving a dossier at the counter: check it once, decide, number it, save it.

The whole intake — dossier, components, first event, code counter and outbox op — is
one transaction: after a crash or power cut there is either the whole dossier or none.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from counter_app.catalog.model import Channel
from counter_app.dossiers.lifecycle import Action
from counter_app.errors import InvalidDate, InvalidInput
from counter_app.text import fold, nfc

ID_NUMBER = re.compile(r"^(\d{12}|\d{9})$")
PHONE = re.compile(r"^\+?\d{8,15}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EARLIEST = datetime(2000, 1, 1)
CLOCK_TOLERANCE = timedelta(minutes=10)


@dataclass(frozen=True)
class ApplicantInput:
    name: str
    id_number: str = ""
    birth_date: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    kind: str = "person"  # "person" | "organisation"


@dataclass(frozen=True)
class MissingComponent:
    """A required component the citizen did not bring, and why it is needed."""

    code: str
    reason: str = ""


@dataclass(frozen=True)
class IntakeRequest:
    procedure_code: str
    applicant: ApplicantInput
    missing: tuple[MissingComponent, ...] = ()
    channel: Channel = Channel.DIRECT
    sets_count: int = 1
    received_at: datetime | None = None  # None: now
    return_method: str = "Tại Bộ phận Một cửa"
    refusal_reason: str = ""  # set: refuse (form 03)
    note: str = ""
    extra: dict = field(default_factory=dict)


def decide_outcome(refused: bool, missing_mandatory: bool) -> Action:
    """Refused (form 03), incomplete (form 02) or received (form 01): one rule for all callers."""
    if refused:
        return Action.REFUSE
    return Action.RECEIVE_INCOMPLETE if missing_mandatory else Action.RECEIVE


def clean_applicant(applicant: ApplicantInput, today: date) -> ApplicantInput:
    """Normalise and check the applicant; every problem is reported at once."""
    name = nfc(applicant.name)
    id_number = re.sub(r"\s", "", applicant.id_number or "")
    phone = re.sub(r"[\s.\-()]", "", applicant.phone or "")
    email = (applicant.email or "").strip()
    problems = []
    if not name:
        problems.append("the applicant's name is empty")
    if id_number and not ID_NUMBER.match(id_number):
        problems.append(f"ID number {id_number!r} must have 12 digits (or 9 for an old ID card)")
    if phone and not PHONE.match(phone):
        problems.append(f"phone {applicant.phone!r} is not a phone number")
    if email and not EMAIL.match(email):
        problems.append(f"email {email!r} is not an e-mail address")
    if applicant.birth_date and not date(1900, 1, 1) <= applicant.birth_date <= today:
        problems.append(f"birth date {applicant.birth_date:%d/%m/%Y} is not plausible")
    if applicant.kind not in ("person", "organisation"):
        problems.append(f"applicant kind {applicant.kind!r} is unknown")
    if problems:
        raise InvalidInput("Cannot receive the dossier: " + "; ".join(problems) + ".", problems=problems)
    return ApplicantInput(name, id_number, applicant.birth_date, nfc(applicant.address), phone, email,
                          applicant.kind)


def check_received_at(received_at: datetime, now: datetime) -> datetime:
    if received_at < EARLIEST:
        raise InvalidDate(f"Reception time {received_at:%d/%m/%Y %H:%M} is too far in the past.")
    if received_at > now + CLOCK_TOLERANCE:
        raise InvalidDate(
            f"Reception time {received_at:%d/%m/%Y %H:%M} is in the future; check the computer's clock."
        )
    return received_at.replace(microsecond=0)


def resolve_missing(requested: tuple[MissingComponent, ...], components) -> dict[str, str]:
    """Map each missing item (by code, or by name typed without accents) to its component code."""
    by_code = {c.code: c for c in components}
    by_name = {fold(c.name): c for c in components}
    resolved: dict[str, str] = {}
    unknown = []
    for item in requested:
        match = by_code.get(item.code) or by_name.get(fold(item.code))
        if match is None:
            unknown.append(item.code)
        else:
            resolved[match.code] = item.reason
    if unknown:
        known = ", ".join(f"{c.code} ({c.name})" for c in components)
        raise InvalidInput(f"Unknown component(s): {', '.join(unknown)}. This procedure needs: {known}.")
    return resolved


def search_text_for(code: str, applicant: ApplicantInput, procedure_code: str, procedure_name: str) -> str:
    parts = [code, applicant.name, applicant.id_number, applicant.phone, applicant.email,
             procedure_code, procedure_name]
    return fold(" ".join(p for p in parts if p))


def new_uuid() -> str:
    return str(uuid.uuid4())
