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


# Problems an applicant's fields can have (field name → code); the UI words them for
# the officer, ``clean_applicant`` for the CLI and logs.
NAME_EMPTY = "name_empty"
ID_NUMBER_FORMAT = "id_number_format"
BIRTH_DATE_RANGE = "birth_date_range"
PHONE_FORMAT = "phone_format"
EMAIL_FORMAT = "email_format"
KIND_UNKNOWN = "kind_unknown"
EARLIEST_BIRTH = date(1900, 1, 1)


def normalised(applicant: ApplicantInput) -> ApplicantInput:
    """NFC text, no spaces in the ID number, no separators in the phone number."""
    return ApplicantInput(nfc(applicant.name), re.sub(r"\s", "", applicant.id_number or ""), applicant.birth_date,
                          nfc(applicant.address), re.sub(r"[\s.\-()]", "", applicant.phone or ""),
                          (applicant.email or "").strip(), applicant.kind)


def applicant_problems(applicant: ApplicantInput, today: date) -> dict[str, str]:
    """Field name → problem code for a normalised applicant, every problem at once."""
    problems: dict[str, str] = {}
    if not applicant.name:
        problems["name"] = NAME_EMPTY
    if applicant.id_number and not ID_NUMBER.match(applicant.id_number):
        problems["id_number"] = ID_NUMBER_FORMAT
    if applicant.phone and not PHONE.match(applicant.phone):
        problems["phone"] = PHONE_FORMAT
    if applicant.email and not EMAIL.match(applicant.email):
        problems["email"] = EMAIL_FORMAT
    if applicant.birth_date and not EARLIEST_BIRTH <= applicant.birth_date <= today:
        problems["birth_date"] = BIRTH_DATE_RANGE
    if applicant.kind not in ("person", "organisation"):
        problems["kind"] = KIND_UNKNOWN
    return problems


def clean_applicant(applicant: ApplicantInput, today: date, *, doing: str = "receive the dossier") -> ApplicantInput:
    """Normalise and check the applicant; every problem is reported at once (``doing`` names
    what the problems stop, for the message)."""
    clean = normalised(applicant)
    found = applicant_problems(clean, today)
    words = {
        NAME_EMPTY: lambda: "the applicant's name is empty",
        ID_NUMBER_FORMAT: lambda: f"ID number {clean.id_number!r} must have 12 digits (or 9 for an old ID card)",
        PHONE_FORMAT: lambda: f"phone {applicant.phone!r} is not a phone number",
        EMAIL_FORMAT: lambda: f"email {clean.email!r} is not an e-mail address",
        BIRTH_DATE_RANGE: lambda: f"birth date {clean.birth_date:%d/%m/%Y} is not plausible",
        KIND_UNKNOWN: lambda: f"applicant kind {clean.kind!r} is unknown",
    }
    problems = [words[code]() for code in found.values()]
    if problems:
        raise InvalidInput(f"Cannot {doing}: " + "; ".join(problems) + ".", problems=problems)
    return clean


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
