"""Key sequences that used to save a dossier the officer did not mean (issue: wrong data must be
impossible). Each test drives the real wizard by keyboard in Vietnamese against a real workspace."""
from __future__ import annotations

import pytest

from counter_app.search import SearchQuery
from tests.test_ui_intake import (  # noqa: F401 (window: fixture)
    choose_procedure,
    enter_applicant,
    focused,
    press,
    receive_complete_birth,
    tick_papers,
    type_text,
    window,
)
from ui.intake_wizard import APPLICANT, CHECKLIST, DONE, PROCEDURE, REVIEW
from ui.qt import Qt

CTRL = Qt.KeyboardModifier.ControlModifier




def assert_checklist_untouched(page) -> None:
    """Nothing but the procedure's defaults: no box ticked, no reason, no refusal."""
    assert [row.box.isChecked() for row in page._rows] == [False] * len(page._rows)
    assert [row.reason.text() for row in page._rows] == [""] * len(page._rows)
    assert not page.refuse.isChecked() and page.refusal_reason.text() == ""
    assert page.indicator.kind == "warn"


def next_birth_on_the_checklist(wizard) -> None:
    press(Qt.Key.Key_N, CTRL)
    assert wizard.current == PROCEDURE
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    assert wizard.current == CHECKLIST


def test_the_next_dossier_of_the_same_procedure_starts_with_no_paper_ticked(window, core):
    wizard = window.intake
    first = receive_complete_birth(wizard).code.text()
    next_birth_on_the_checklist(wizard)
    assert_checklist_untouched(wizard.checklist_page)
    press(Qt.Key.Key_Return)  # on to the review without ticking: the citizen brought nothing
    press(Qt.Key.Key_Return, CTRL)
    second = core.dossier(wizard.done_page.code.text())
    assert second.code != first and second.status == 5  # incomplete: form 02, not a receipt
    assert not any(c.received for c in second.components)


def test_a_missing_papers_reason_does_not_reach_the_next_citizen(window, core):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # paper 2 missing: its reason
    type_text("Chưa có giấy chứng sinh")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return, CTRL)
    assert wizard.current == DONE
    next_birth_on_the_checklist(wizard)
    assert_checklist_untouched(wizard.checklist_page)


def test_a_refusal_does_not_reach_the_next_citizen(window, core, qtbot):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    page = wizard.checklist_page
    page.refuse.setFocus()
    press(Qt.Key.Key_Space)  # ticked: the cursor goes to the reason
    type_text("Không thuộc thẩm quyền")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return, CTRL)
    assert core.dossier(wizard.done_page.code.text()).status == 3
    next_birth_on_the_checklist(wizard)
    assert_checklist_untouched(page)


def test_going_back_and_forth_keeps_what_this_officer_ticked(window):
    """The reset is for a new dossier only: the current one keeps its ticks across pages."""
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    tick_papers(2, wizard)
    press(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert wizard.current == APPLICANT
    press(Qt.Key.Key_Return)
    assert [row.box.isChecked() for row in wizard.checklist_page._rows] == [True, True, False]


def dossiers(core) -> list:
    return core.search(SearchQuery())


@pytest.mark.parametrize("step", [APPLICANT, CHECKLIST])
def test_ctrl_enter_before_the_review_saves_nothing(window, core, step):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    if step == CHECKLIST:
        enter_applicant()
    else:
        type_text("Nguyễn Văn An")
    assert wizard.current == step
    press(Qt.Key.Key_Return, CTRL)
    assert dossiers(core) == []
    assert wizard.current == step  # the officer stays where they were, and is told how to confirm
    assert wizard.banner.kind == "info" and "Ctrl+Enter" in wizard.banner.text()


def test_alt_c_refusal_puts_the_cursor_in_the_reason_so_typing_does_not_untick_it(window, qtbot):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    page = wizard.checklist_page
    mnemonic = page.refuse.text().split("&")[1][0].upper()
    press(Qt.Key(ord(mnemonic)), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.refuse.isChecked, timeout=2000)
    qtbot.waitUntil(lambda: focused() is page.refusal_reason, timeout=2000)
    type_text("Không thuộc thẩm quyền")  # a space here used to toggle the refusal off
    assert page.refuse.isChecked() and page.refusal_reason.text() == "Không thuộc thẩm quyền"
