"""Receiving dossiers through the core: outcomes, due dates, codes, and bad input."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from counter_app.dossiers.lifecycle import Action, Status
from counter_app.errors import ForbiddenTransition, InvalidDate, InvalidInput, UnknownProcedure
from counter_app.storage.models import CodeCounter, Dossier, DossierEvent, OutboxOp

AN = ApplicantInput(name="Nguyễn Văn An", id_number="037099012345", phone="0912 345 678",
                    address="Số 1, phường Hoa Lư, Ninh Bình", birth_date=date(1990, 1, 1))


def receive(core, **changes):
    base = dict(procedure_code="1.001193", applicant=AN, received_at=datetime(2026, 11, 25, 9, 0))
    base.update(changes)
    return core.receive(IntakeRequest(**base))


def counts(core):
    with core.workspace.db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Dossier, DossierEvent, OutboxOp))


def test_complete_dossier_is_received_with_code_and_due_date(core):
    view = receive(core)
    assert view.status == Status.RECEIVED
    assert view.code == "000.00.31.H41-261125-1000"
    # Birth registration: within the day, before the 15:00 cut-off.
    assert view.due_at.date() == date(2026, 11, 25)
    assert all(c.received for c in view.components)
    assert [e.action for e in view.events] == [Action.RECEIVE.value]
    assert view.events[0].officer == "Trần Thị Mai"
    assert view.applicant_name == "Nguyễn Văn An" and view.phone == "0912345678"


def test_after_cutoff_the_result_is_due_next_working_day(core):
    view = receive(core, received_at=datetime(2026, 11, 27, 15, 30))  # Friday afternoon
    assert view.due_at.date() == date(2026, 11, 30)  # Monday


def test_land_dossier_counts_ten_working_days(core):
    view = receive(core, procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 0))
    assert view.due_at.date() == date(2026, 12, 9)


def test_incomplete_dossier_lists_every_missing_item_and_has_no_due_date(core):
    view = receive(core, missing=(MissingComponent("TP2", "Chưa có giấy chứng sinh"),
                                  MissingComponent("giay to chung minh noi cu tru")))
    assert view.status == Status.SUPPLEMENT_REQUESTED
    assert view.due_at is None
    missing = {c.code: c.missing_reason for c in view.components if not c.received}
    assert missing == {"TP2": "Chưa có giấy chứng sinh", "TP3": ""}


def test_missing_only_optional_component_is_still_complete(core):
    view = receive(core, missing=(MissingComponent("TP3"),))
    assert view.status == Status.RECEIVED


def test_supplement_received_completes_the_dossier_and_starts_the_clock(core):
    view = receive(core, missing=(MissingComponent("TP2"),))
    done = core.dossiers.apply(view.code, Action.SUPPLEMENT_RECEIVED, at=datetime(2026, 11, 26, 10, 0))
    assert done.status == Status.RECEIVED
    assert done.due_at.date() == date(2026, 11, 26)
    assert all(c.received for c in done.components)


def test_refused_dossier_keeps_the_reason(core):
    view = receive(core, refusal_reason="Không thuộc thẩm quyền")
    assert view.status == Status.REFUSED
    assert view.events[0].payload["reason"] == "Không thuộc thẩm quyền"


def test_full_lifecycle_to_returned(core):
    code = receive(core).code
    for action, extra in [(Action.TRANSFER, {"transferred_to": "Tư pháp - Hộ tịch"}),
                          (Action.RESULT_READY, {}),
                          (Action.RETURN_RESULT, {"receiver_name": "Nguyễn Văn An"})]:
        view = core.dossiers.apply(code, action, **extra)
    assert view.status == Status.RETURNED
    assert view.events[-1].payload == {"receiver": "Nguyễn Văn An"}
    assert view.allowed_actions == ()


def test_forbidden_transition_changes_nothing(core):
    code = receive(core).code
    before = counts(core)
    with pytest.raises(ForbiddenTransition):
        core.dossiers.apply(code, Action.RETURN_RESULT, receiver_name="X")
    assert counts(core) == before
    assert core.dossier(code).status == Status.RECEIVED


def test_returning_a_result_needs_the_receivers_name(core):
    code = receive(core).code
    core.dossiers.apply(code, Action.TRANSFER)
    core.dossiers.apply(code, Action.RESULT_READY)
    with pytest.raises(InvalidInput, match="name"):
        core.dossiers.apply(code, Action.RETURN_RESULT, receiver_name="  ")


@pytest.mark.parametrize("changes, error", [
    ({"applicant": ApplicantInput(name="  ")}, InvalidInput),
    ({"applicant": ApplicantInput(name="An", id_number="12345")}, InvalidInput),
    ({"applicant": ApplicantInput(name="An", phone="abc")}, InvalidInput),
    ({"applicant": ApplicantInput(name="An", email="not-an-email")}, InvalidInput),
    ({"applicant": ApplicantInput(name="An", birth_date=date(1800, 1, 1))}, InvalidInput),
    ({"received_at": datetime(2031, 1, 1, 9, 0)}, InvalidDate),
    ({"received_at": datetime(1999, 1, 1, 9, 0)}, InvalidDate),
    ({"procedure_code": "9.999999"}, UnknownProcedure),
    ({"missing": (MissingComponent("TP9"),)}, InvalidInput),
    ({"sets_count": 0}, InvalidInput),
])
def test_bad_input_is_refused_and_nothing_is_written(core, changes, error):
    before = counts(core)
    with pytest.raises(error) as caught:
        receive(core, **changes)
    assert caught.value.message
    assert counts(core) == before
    with core.workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CodeCounter)) == 0


def test_all_problems_are_reported_at_once(core):
    with pytest.raises(InvalidInput) as caught:
        receive(core, applicant=ApplicantInput(name="", id_number="1", phone="x"))
    assert len(caught.value.details["problems"]) == 3


def test_outbox_op_is_written_with_every_event(core):
    code = receive(core).code
    core.dossiers.apply(code, Action.TRANSFER)
    with core.workspace.db.read() as session:
        ops = session.scalars(select(OutboxOp).order_by(OutboxOp.id)).all()
    assert [op.payload["action"] for op in ops] == ["receive", "transfer"]
    assert len({op.op_id for op in ops}) == 2
