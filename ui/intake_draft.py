"""What the officer has entered so far in the intake wizard (plain Python, no Qt).

The draft outlives page changes and failed saves, so nothing typed is ever lost; it
turns into the core's ``IntakeRequest`` only when the officer confirms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from counter_app.catalog.model import Channel, ProcedureSpec
from counter_app.documents import FORM_FOR_ACTION
from counter_app.dossiers.intake import (
    ApplicantInput,
    IntakeRequest,
    MissingComponent,
    applicant_problems,
    decide_outcome,
    normalised,
)
from counter_app.dossiers.lifecycle import Action

_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_COMPACT_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # 01011990, as on the ID card's QR

# The core's checks find the other problems; only reading the typed date is the page's own.
BIRTH_DATE_FORMAT = "birth_date_format"


def parse_date(text: str) -> date | None:
    """dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy, ddmmyyyy); None when empty; ValueError when unreadable."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text) or _COMPACT_DATE.match(text)
    if not match:
        raise ValueError(text)
    day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)


@dataclass
class IntakeDraft:
    procedure: ProcedureSpec | None = None
    name: str = ""
    id_number: str = ""
    birth_date_text: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    channel: Channel = Channel.DIRECT
    sets_count: int = 1
    received: dict[str, bool] = field(default_factory=dict)  # component code → handed in
    missing_reasons: dict[str, str] = field(default_factory=dict)
    refused: bool = False
    refusal_reason: str = ""

    @property
    def touched(self) -> bool:
        """Has the officer entered anything worth asking about before throwing it away?"""
        return bool(self.procedure or self.name or self.id_number or self.phone or self.address)

    # -- applicant ---------------------------------------------------------------------

    def applicant_problems(self, today: date) -> dict[str, str]:
        """Field name → problem code, every problem at once (empty when all is well)."""
        try:
            birth = parse_date(self.birth_date_text)
        except ValueError:
            birth = None
            unreadable = {"birth_date": BIRTH_DATE_FORMAT}
        else:
            unreadable = {}
        typed = ApplicantInput(name=self.name, id_number=self.id_number, birth_date=birth,
                               address=self.address, phone=self.phone, email=self.email)
        return {**applicant_problems(normalised(typed), today), **unreadable}

    def applicant(self) -> ApplicantInput:
        return ApplicantInput(name=self.name.strip(), id_number=self.id_number.strip(),
                              birth_date=parse_date(self.birth_date_text), address=self.address.strip(),
                              phone=self.phone.strip(), email=self.email.strip())

    # -- components and outcome ------------------------------------------------------------

    def reset_components(self) -> None:
        components = self.procedure.components if self.procedure else ()
        self.received = {c.code: False for c in components}
        self.missing_reasons = {}

    def missing_components(self):
        components = self.procedure.components if self.procedure else ()
        return [c for c in components if not self.received.get(c.code, False)]

    def missing_required(self):
        return [c for c in self.missing_components() if c.mandatory]

    def outcome(self) -> Action:
        return decide_outcome(self.refused, bool(self.missing_required()))

    def form_id(self) -> str:
        return FORM_FOR_ACTION[self.outcome()]

    def to_request(self) -> IntakeRequest:
        missing = tuple(MissingComponent(c.code, self.missing_reasons.get(c.code, "").strip())
                        for c in self.missing_components())
        return IntakeRequest(
            procedure_code=self.procedure.code,
            applicant=self.applicant(),
            missing=missing,
            channel=self.channel,
            sets_count=self.sets_count,
            refusal_reason=self.refusal_reason.strip() if self.refused else "",
        )
