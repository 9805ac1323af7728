"""Dossier use cases: receive, move through the lifecycle, read."""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from counter_app.catalog.repository import current_procedure, spec_of
from counter_app.codes import next_code
from counter_app.dossiers.correction import Correction, applicant_of, apply_correction
from counter_app.dossiers.events import Actor, append_event
from counter_app.dossiers.intake import (
    IntakeRequest,
    check_received_at,
    clean_applicant,
    decide_outcome,
    new_uuid,
    resolve_missing,
    search_text_for,
)
from counter_app.dossiers.lifecycle import AT_THE_COUNTER, Action, Status, transferred_by
from counter_app.dossiers.sync_badges import badges_by_uuid
from counter_app.dossiers.views import DossierView, view_of
from counter_app.errors import InvalidInput, UnknownDossier
from counter_app.scheduling import Scheduler
from counter_app.settings import Settings
from counter_app.storage.db import Database
from counter_app.storage.models import Dossier, DossierComponent

Clock = Callable[[], datetime]


class DossierService:
    def __init__(self, db: Database, settings: Callable[[], Settings], scheduler: Callable[[], Scheduler],
                 clock: Clock = datetime.now):
        self._db = db
        self._settings = settings
        self._scheduler = scheduler
        self._clock = clock

    def actor(self) -> Actor:
        ws = self._settings().workstation
        return Actor(officer=ws.officer_name, counter=ws.counter_label, workstation=ws.name)

    # -- intake -------------------------------------------------------------------------

    def receive(self, request: IntakeRequest, actor: Actor | None = None) -> DossierView:
        """Receive a dossier: complete (form 01), incomplete (form 02) or refused (form 03)."""
        actor = actor or self.actor()
        settings = self._settings()
        now = self._clock()
        applicant = clean_applicant(request.applicant, now.date())
        received_at = check_received_at(request.received_at or now, now)
        if request.sets_count < 1:
            raise InvalidInput("The number of sets must be at least 1.")
        with self._db.write() as session:
            procedure = current_procedure(session, request.procedure_code)
            missing = resolve_missing(request.missing, procedure.components)
            refusal = request.refusal_reason.strip()
            action = decide_outcome(bool(refusal), any(c.mandatory for c in procedure.components if c.code in missing))
            office = settings.office
            code = next_code(session, agency_id=office.agency_id, day=received_at.date(),
                             slot=settings.workstation.slot, pattern=settings.rules.code_pattern)
            due_at = None
            if action is Action.RECEIVE:
                due_at = self._scheduler().due_at(spec_of(procedure), received_at, request.channel)
            dossier = Dossier(
                uuid=new_uuid(), code=code, procedure=procedure, channel=int(request.channel),
                applicant_kind=applicant.kind, applicant_name=applicant.name, id_number=applicant.id_number,
                birth_date=applicant.birth_date, address=applicant.address, phone=applicant.phone,
                email=applicant.email, sets_count=request.sets_count, received_at=received_at, due_at=due_at,
                return_method=request.return_method, register_book=settings.rules.register_book,
                register_line=self._next_register_line(session, received_at.year), status=0,
                search_text=search_text_for(code, applicant, procedure.code, procedure.name),
                officer=actor.officer, counter=actor.counter, workstation=actor.workstation,
                note=request.note.strip(),
            )
            for position, component in enumerate(procedure.components, start=1):
                dossier.components.append(DossierComponent(
                    position=position, code=component.code, name=component.name,
                    copy_kind=component.copy_kind, count=component.count, mandatory=component.mandatory,
                    received=component.code not in missing, missing_reason=missing.get(component.code, ""),
                ))
            session.add(dossier)
            payload = {"missing": sorted(missing)} if missing else {}
            if refusal:
                payload["reason"] = refusal
            if due_at:
                payload["due_at"] = due_at.isoformat(timespec="minutes")
            append_event(session, dossier, action, actor, at=received_at, payload=payload)
            return view_of(dossier)

    def _next_register_line(self, session: Session, year: int) -> int:
        start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
        used = session.scalar(select(func.max(Dossier.register_line)).where(
            Dossier.received_at >= start, Dossier.received_at < end))
        return (used or 0) + 1

    # -- lifecycle ----------------------------------------------------------------------

    def apply(self, code: str, action: Action | str, *, actor: Actor | None = None, note: str = "",
              receiver_name: str = "", transferred_to: str = "", at: datetime | None = None) -> DossierView:
        """Move a dossier on by ``action``; forbidden moves raise and change nothing."""
        action = Action(action)
        if action is Action.CORRECT:
            raise InvalidInput("A correction says what changes: use correct(), not a lifecycle step.")
        actor = actor or self.actor()
        when = (at or self._clock()).replace(microsecond=0)
        if action is Action.RETURN_RESULT and not receiver_name.strip():
            raise InvalidInput("Returning a result needs the name of the person who received it.")
        if action is Action.REFUSE and not note.strip():
            raise InvalidInput("Refusing a dossier needs a reason.")
        with self._db.write() as session:
            dossier = load_dossier(session, code)
            payload = {key: value.strip() for key, value in
                       (("note", note), ("receiver", receiver_name), ("to", transferred_to)) if value.strip()}
            if action is Action.SUPPLEMENT_RECEIVED:
                for component in dossier.components:
                    component.received = True
                if dossier.due_at is None:
                    # Complete only now: the processing time starts now.
                    dossier.due_at = self._scheduler().due_at(spec_of(dossier.procedure), when, dossier.channel)
                    payload["due_at"] = dossier.due_at.isoformat(timespec="minutes")
            append_event(session, dossier, action, actor, at=when, payload=payload)
            return view_of(dossier)

    def correct(self, code: str, correction: Correction, *, actor: Actor | None = None,
                at: datetime | None = None) -> DossierView:
        """Correct what was typed or ticked wrong, as an event of its own (before/after, reason).
        A paper correction at the counter may make the dossier complete (form 01 now applies and
        the appointment date is set from its reception) or incomplete (form 02, no date)."""
        actor = actor or self.actor()
        when = (at or self._clock()).replace(microsecond=0)
        with self._db.write() as session:
            dossier = load_dossier(session, code)
            transferred = transferred_by(e.action for e in dossier.events)
            payload = apply_correction(dossier, correction, today=when.date(), transferred=transferred)
            complete = payload.get("complete")
            if complete is not None and Status(dossier.status) in AT_THE_COUNTER and not transferred:
                if complete and dossier.due_at is None:
                    dossier.due_at = self._scheduler().due_at(spec_of(dossier.procedure), dossier.received_at,
                                                              dossier.channel)
                    payload["due_at"] = dossier.due_at.isoformat(timespec="minutes")
                elif not complete:
                    dossier.due_at = None  # no appointment until the dossier is complete
            applicant = applicant_of(dossier)
            dossier.search_text = search_text_for(dossier.code, applicant, dossier.procedure.code,
                                                  dossier.procedure.name)
            append_event(session, dossier, Action.CORRECT, actor, at=when, payload=payload)
            return view_of(dossier)

    # -- reading ------------------------------------------------------------------------

    def get(self, code: str) -> DossierView:
        with self._db.read() as session:
            dossier = load_dossier(session, code)
            return view_of(dossier, badges_by_uuid(session, [dossier.uuid])[dossier.uuid])


def load_dossier(session: Session, code: str) -> Dossier:
    dossier = session.scalar(
        select(Dossier).where(Dossier.code == code.strip()).options(
            selectinload(Dossier.components), selectinload(Dossier.events),
            selectinload(Dossier.documents), selectinload(Dossier.procedure))
    )
    if dossier is None:
        raise UnknownDossier(f"No dossier with code {code!r}.")
    return dossier
