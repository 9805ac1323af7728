"""Correcting a saved dossier: an event of its own with before/after and a reason, reflected
in the dossier, its search and its reprinted forms; bad corrections change nothing."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from counter_app.dossiers.correction import Correction, PaperCorrection
from counter_app.dossiers.events import verify_chain
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from counter_app.dossiers.lifecycle import Action, Status, replay
from counter_app.errors import InvalidInput
from counter_app.search import SearchQuery
from tests.test_cli import run, run_json, ws  # noqa: F401
from tests.test_ui_intake import pdf_text

TYPO = "Nguyễn Văn Ann"
RIGHT = "Nguyễn Văn An"


def receive(core, *, missing=()) -> str:
    request = IntakeRequest("1.001193", ApplicantInput(TYPO, "001099012345", date(1990, 1, 1), "Hoa Lư", "0912345678"),
                            missing=tuple(MissingComponent(code, "Chưa mang") for code in missing))
    return core.receive(request).code


def snapshot(core, code):
    """Everything a failed correction must leave as it was."""
    view = core.dossier(code)
    return dataclasses.replace(view, sync_state=""), len(view.events)


def test_a_name_typo_is_corrected_as_an_event_with_before_after_and_reason(core):
    code = receive(core)
    view = core.dossiers.correct(code, Correction(reason="Gõ sai họ tên", name=RIGHT, id_number="001099012346"))
    assert view.applicant_name == RIGHT and view.id_number == "001099012346"
    assert view.status == Status.RECEIVED  # a correction of the applicant keeps the status
    event = view.events[-1]
    assert event.action == Action.CORRECT.value and event.seq == 2
    assert event.officer == "Trần Thị Mai"
    assert event.payload == {"reason": "Gõ sai họ tên",
                             "applicant": {"applicant_name": [TYPO, RIGHT],
                                           "id_number": ["001099012345", "001099012346"]}}
    assert verify_chain_ok(core)
    found = core.search(SearchQuery(text="Van An"))
    assert [d.code for d in found] == [code]
    assert core.search(SearchQuery(text="Ann")) == []


def verify_chain_ok(core) -> bool:
    with core.workspace.db.read() as session:
        return verify_chain(session) == []


def test_a_reprinted_receipt_shows_the_corrected_name(core):
    code = receive(core)
    assert TYPO in pdf_text(core.issue_form(code, "01"))
    core.dossiers.correct(code, Correction(reason="Gõ sai họ tên", name=RIGHT))
    text = pdf_text(core.issue_form(code, "01"))
    assert RIGHT in text and TYPO not in text


def test_a_paper_ticked_by_mistake_makes_the_dossier_incomplete_with_form_02(core):
    code = receive(core)
    assert core.dossier(code).due_at is not None
    view = core.dossiers.correct(code, Correction(
        reason="Đánh dấu nhầm giấy chứng sinh",
        papers={"TP2": PaperCorrection(received=False, missing_reason="Mang bản chính giấy chứng sinh")}))
    assert view.status == Status.SUPPLEMENT_REQUESTED and view.due_at is None
    paper = next(c for c in view.components if c.code == "TP2")
    assert not paper.received and paper.missing_reason == "Mang bản chính giấy chứng sinh"
    assert view.events[-1].payload["papers"] == {
        "TP2": {"received": [True, False], "missing_reason": ["", "Mang bản chính giấy chứng sinh"]}}
    assert view.events[-1].payload["complete"] is False
    assert "Mang bản chính giấy chứng sinh" in pdf_text(core.issue_form(code, "02"))
    assert view.status == replay([Action(e.action) for e in view.events], [e.payload for e in view.events])


def test_a_paper_left_unticked_by_mistake_makes_the_dossier_complete_from_its_reception(core):
    code = receive(core, missing=("TP2",))
    before = core.dossier(code)
    assert before.status == Status.SUPPLEMENT_REQUESTED and before.due_at is None
    view = core.dossiers.correct(code, Correction(reason="Quên đánh dấu", papers={"TP2": PaperCorrection(True)}))
    assert view.status == Status.RECEIVED
    assert view.due_at == core.due_date("1.001193", before.received_at)  # counted from the reception
    assert all(c.received and not c.missing_reason for c in view.components)


def test_an_optional_paper_corrected_keeps_the_outcome(core):
    code = receive(core)
    view = core.dossiers.correct(code, Correction(reason="Không nộp giấy cư trú",
                                                  papers={"TP3": PaperCorrection(False, "Không bắt buộc")}))
    assert view.status == Status.RECEIVED and view.due_at is not None


@pytest.mark.parametrize("correction, words", [
    (Correction(reason="  ", name=RIGHT), "reason"),
    (Correction(reason="x", id_number="12345"), "12 digits"),
    (Correction(reason="x", name=""), "name is empty"),
    (Correction(reason="x", birth_date=date(2999, 1, 1)), "birth date"),
    (Correction(reason="x", papers={"TP9": PaperCorrection(True)}), "Unknown paper"),
    (Correction(reason="x", name=TYPO), "Nothing to correct"),
    (Correction(reason="x"), "Nothing to correct"),
])
def test_a_bad_correction_is_refused_and_changes_nothing(core, correction, words):
    code = receive(core)
    before = snapshot(core, code)
    with pytest.raises(InvalidInput, match=words):
        core.dossiers.correct(code, correction)
    assert snapshot(core, code) == before


def test_papers_cannot_be_corrected_once_the_dossier_left_the_counter(core):
    code = receive(core)
    core.dossiers.apply(code, Action.TRANSFER, transferred_to="Công chức tư pháp")
    before = snapshot(core, code)
    with pytest.raises(InvalidInput, match="left the counter"):
        core.dossiers.correct(code, Correction(reason="x", papers={"TP2": PaperCorrection(False, "y")}))
    assert snapshot(core, code) == before
    view = core.dossiers.correct(code, Correction(reason="Sai tên", name=RIGHT))  # the applicant still can
    assert view.applicant_name == RIGHT and view.status == Status.PROCESSING


def test_a_correction_is_not_a_lifecycle_step(core):
    code = receive(core)
    with pytest.raises(InvalidInput, match="correct"):
        core.dossiers.apply(code, Action.CORRECT)
    assert len(core.dossier(code).events) == 1


def test_the_cli_corrects_and_refuses_bad_arguments(ws):
    code = run("dossier", "receive", "--procedure", "1.001193", "--name", TYPO, "--id-number", "001099012345",
               workspace=ws).stdout.strip()
    view = run_json("dossier", "correct", code, "--reason", "Gõ sai", "--name", RIGHT, "--missing", "TP2=Mang bản chính",
                    workspace=ws)
    assert view["applicant_name"] == RIGHT and view["status"] == 5
    assert view["events"][-1]["payload"]["papers"]["TP2"]["received"] == [True, False]
    for bad, needle in ((("--birth-date", "31/02/2020"), "date"), (("--received", "TP2", "--missing", "TP2"), "both"),
                        (("--id-number", "123"), "12 digits"), ((), "Nothing to correct")):
        result = run("dossier", "correct", code, "--reason", "x", *bad, workspace=ws, check=False)
        assert result.returncode != 0 and needle in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert len(run_json("dossier", "show", code, workspace=ws)["events"]) == 2
    refused = run("dossier", "set-status", code, "correct", workspace=ws, check=False)
    assert refused.returncode == 2 and "invalid choice" in refused.stderr
