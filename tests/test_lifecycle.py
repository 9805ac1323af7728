"""Lifecycle rules: allowed and forbidden moves, status derived from events, audit chain."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select, text

from counter_app.dossiers.events import verify_chain
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.dossiers.lifecycle import TERMINAL, Action, Status, allowed_actions, next_status, replay
from counter_app.errors import ForbiddenTransition
from counter_app.storage.models import Dossier, DossierEvent


@pytest.mark.parametrize("actions, expected", [
    ([Action.RECEIVE], Status.RECEIVED),
    ([Action.RECEIVE_INCOMPLETE], Status.SUPPLEMENT_REQUESTED),
    ([Action.RECEIVE_INCOMPLETE, Action.SUPPLEMENT_RECEIVED], Status.RECEIVED),
    ([Action.REFUSE], Status.REFUSED),
    ([Action.REGISTER, Action.RECEIVE, Action.TRANSFER], Status.PROCESSING),
    ([Action.RECEIVE, Action.TRANSFER, Action.REQUEST_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED], Status.PROCESSING),
    ([Action.RECEIVE, Action.TRANSFER, Action.REQUEST_FINANCIAL], Status.FINANCIAL_OBLIGATION),
    ([Action.RECEIVE, Action.TRANSFER, Action.REQUEST_FINANCIAL, Action.FINANCIAL_DONE], Status.PROCESSING),
    ([Action.RECEIVE, Action.TRANSFER, Action.STOP], Status.STOPPED),
    ([Action.RECEIVE, Action.WITHDRAW], Status.WITHDRAWN),
    ([Action.RECEIVE, Action.TRANSFER, Action.RESULT_READY], Status.PROCESSED),
    ([Action.RECEIVE, Action.TRANSFER, Action.RESULT_READY, Action.RETURN_RESULT], Status.RETURNED),
])
def test_replay_derives_the_national_status(actions, expected):
    assert replay(actions) == expected


@pytest.mark.parametrize("actions", [
    [Action.TRANSFER],
    [Action.RECEIVE, Action.RECEIVE],
    [Action.RECEIVE, Action.RETURN_RESULT],
    [Action.RECEIVE, Action.RESULT_READY],
    [Action.REFUSE, Action.SUPPLEMENT_RECEIVED],
    [Action.RECEIVE, Action.TRANSFER, Action.RESULT_READY, Action.WITHDRAW],
    [Action.RECEIVE, Action.TRANSFER, Action.RESULT_READY, Action.RETURN_RESULT, Action.TRANSFER],
])
def test_forbidden_sequences_raise(actions):
    with pytest.raises(ForbiddenTransition):
        replay(actions)


def test_terminal_statuses_allow_nothing():
    for status in TERMINAL:
        assert allowed_actions(status) == []
    assert Action.RETURN_RESULT in allowed_actions(Status.PROCESSED)


def test_every_non_terminal_status_has_a_way_forward():
    for status in set(Status) - TERMINAL:
        assert allowed_actions(status), status


def test_next_status_names_the_problem():
    with pytest.raises(ForbiddenTransition, match="return_result"):
        next_status(Status.RECEIVED, Action.RETURN_RESULT)


def _receive_two(core):
    for name in ("Lê Văn Bình", "Phạm Thị Hoa"):
        view = core.receive(IntakeRequest("1.001193", ApplicantInput(name=name),
                                          received_at=datetime(2026, 11, 25, 8, 0)))
        core.dossiers.apply(view.code, Action.TRANSFER)


def test_cached_status_equals_replayed_events(core):
    _receive_two(core)
    with core.workspace.db.read() as session:
        for dossier in session.scalars(select(Dossier)):
            assert dossier.status == replay([Action(e.action) for e in dossier.events])


def test_audit_chain_is_intact_and_detects_tampering(core):
    _receive_two(core)
    with core.workspace.db.read() as session:
        assert verify_chain(session) == []
        second = session.scalars(select(DossierEvent).order_by(DossierEvent.id)).all()[1]
    with core.workspace.db.engine.begin() as connection:
        connection.execute(text("UPDATE dossier_events SET officer = 'Người khác' WHERE id = :id"),
                           {"id": second.id})
    with core.workspace.db.read() as session:
        assert verify_chain(session) == [second.id]


def test_audit_chain_detects_a_deleted_event(core):
    _receive_two(core)
    with core.workspace.db.engine.begin() as connection:
        connection.execute(text("DELETE FROM dossier_events WHERE id = 2"))
    with core.workspace.db.read() as session:
        assert verify_chain(session) == [3]
