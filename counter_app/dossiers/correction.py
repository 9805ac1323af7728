"""Correcting a saved dossier: a name or ID number typed wrong, a paper ticked by mistake.

Nothing is overwritten silently: a correction is an event of its own (who, when, why, and
each field's value before and after), hash-chained and synced like every other step. The
dossier's columns then hold the corrected values, so forms printed afterwards show them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from counter_app.dossiers.intake import ApplicantInput, clean_applicant
from counter_app.dossiers.lifecycle import AT_THE_COUNTER, Status
from counter_app.errors import InvalidInput
from counter_app.storage.models import Dossier

APPLICANT_FIELDS = ("name", "id_number", "birth_date", "address", "phone", "email")
# ApplicantInput field → Dossier column
COLUMNS = {"name": "applicant_name", "id_number": "id_number", "birth_date": "birth_date",
           "address": "address", "phone": "phone", "email": "email"}


@dataclass(frozen=True)
class PaperCorrection:
    received: bool
    missing_reason: str = ""


@dataclass(frozen=True)
class Correction:
    """What the officer corrects; a field left None stays as it is."""

    reason: str
    name: str | None = None
    id_number: str | None = None
    birth_date: date | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    papers: dict[str, PaperCorrection] = field(default_factory=dict)  # component code → corrected state


def applicant_of(dossier: Dossier) -> ApplicantInput:
    return ApplicantInput(name=dossier.applicant_name, id_number=dossier.id_number, birth_date=dossier.birth_date,
                          address=dossier.address, phone=dossier.phone, email=dossier.email,
                          kind=dossier.applicant_kind)


def _shown(value) -> str:
    return value.isoformat() if isinstance(value, date) else (value or "")


def corrected_applicant(dossier: Dossier, correction: Correction, today: date) -> tuple[ApplicantInput, dict]:
    """The applicant after the correction (checked as at intake), and each changed field's
    ``[before, after]``."""
    before = applicant_of(dossier)
    typed = {name: getattr(correction, name) for name in APPLICANT_FIELDS if getattr(correction, name) is not None}
    after = clean_applicant(replace(before, **typed), today, doing="correct the dossier") if typed else before
    changes = {COLUMNS[name]: [_shown(getattr(before, name)), _shown(getattr(after, name))]
               for name in APPLICANT_FIELDS if getattr(before, name) != getattr(after, name)}
    return after, changes


def paper_changes(dossier: Dossier, papers: dict[str, PaperCorrection], *, status: Status,
                  transferred: bool) -> dict:
    """Each changed paper's ``{"received": [before, after], "missing_reason": [before, after]}``.
    Papers are corrected only while the dossier is still at the counter."""
    by_code = {c.code: c for c in dossier.components}
    unknown = [code for code in papers if code not in by_code]
    if unknown:
        known = ", ".join(f"{c.code} ({c.name})" for c in dossier.components)
        raise InvalidInput(f"Unknown paper(s): {', '.join(unknown)}. This dossier has: {known}.")
    changes = {}
    for code, wanted in papers.items():
        component = by_code[code]
        reason = "" if wanted.received else wanted.missing_reason.strip()
        change = {}
        if component.received != wanted.received:
            change["received"] = [component.received, wanted.received]
        if component.missing_reason != reason:
            change["missing_reason"] = [component.missing_reason, reason]
        if change:
            changes[code] = change
    if changes and (transferred or status not in AT_THE_COUNTER):
        raise InvalidInput(f"The papers of dossier {dossier.code} can no longer be corrected: it has left the "
                           "counter. Correct the applicant's details only, or ask the processing unit.")
    return changes


def apply_correction(dossier: Dossier, correction: Correction, *, today: date, transferred: bool) -> dict:
    """Change the dossier's columns and papers; returns the event's payload (reason, changes
    and, when the papers changed, whether the dossier is now complete)."""
    reason = correction.reason.strip()
    if not reason:
        raise InvalidInput("A correction needs a reason (what was wrong).")
    after, applicant = corrected_applicant(dossier, correction, today)
    papers = paper_changes(dossier, correction.papers, status=Status(dossier.status), transferred=transferred)
    if not applicant and not papers:
        raise InvalidInput(f"Nothing to correct: the values given are those of dossier {dossier.code} already.")
    for name in APPLICANT_FIELDS:
        setattr(dossier, COLUMNS[name], getattr(after, name))
    for component in dossier.components:
        if component.code in papers:
            wanted = correction.papers[component.code]
            component.received = wanted.received
            component.missing_reason = "" if wanted.received else wanted.missing_reason.strip()
    payload: dict = {"reason": reason}
    if applicant:
        payload["applicant"] = applicant
    if papers:
        payload["papers"] = papers
        payload["complete"] = not any(c.mandatory and not c.received for c in dossier.components)
    return payload

