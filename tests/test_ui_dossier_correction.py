"""Correcting a saved dossier from its screen (Ctrl+E), by keyboard, in Vietnamese: the correction
is stored with before/after and reason, shown in the history, and the form can be printed again;
a correction with nothing changed or no reason stores nothing."""
from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from counter_app.search import SearchQuery
from tests.conftest import NOW, make_core
from tests.test_ui_intake import focused, press, pdf_text, type_text
from tests.test_ui_list_detail import open_window, receive
from ui.qt import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
TYPO, RIGHT = "Nguyễn Văn Ann", "Nguyễn Văn An"


def open_dossier(core, qtbot, code):
    window = open_window(core, qtbot)
    panel, detail = window.dossier_list, window.detail
    qtbot.keyClicks(panel.search, code)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.search_stack.currentWidget() is detail and detail.view.code == code
    return window, detail


def ctrl_e(detail, qtbot):
    qtbot.keyClick(detail, Qt.Key.Key_E, CTRL)
    dialog = detail.correction
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: focused() is dialog.applicant.name)
    return dialog


@pytest.fixture
def ticking_core(tmp_path):
    """A clock that moves on a second each time it is read, as the officer's does."""
    seconds = itertools.count()
    core = make_core(tmp_path / "ws", clock=lambda: NOW + timedelta(seconds=next(seconds)))
    yield core
    core.workspace.close()


def test_f2_corrects_a_mistyped_name_and_the_form_is_printed_again(ticking_core, qtbot):
    core = ticking_core
    code = receive(core, TYPO)
    core.issue_form(code, "01")
    _window, detail = open_dossier(core, qtbot, code)
    assert not detail.make_form_button.isVisible()  # the receipt exists and nothing was corrected
    dialog = ctrl_e(detail, qtbot)
    assert dialog.applicant.name.text() == TYPO
    dialog.applicant.name.selectAll()
    type_text(RIGHT)
    dialog.reason.setFocus()
    type_text("Gõ sai họ tên")
    press(Qt.Key.Key_Return, CTRL)

    assert not dialog.isVisible()
    view = core.dossier(code)
    assert view.applicant_name == RIGHT and view.status == 2
    assert view.events[-1].payload["applicant"] == {"applicant_name": [TYPO, RIGHT]}
    row = detail.events.rowCount() - 1
    assert detail.events.item(row, 1).text() == "Đính chính"
    note = detail.events.item(row, 4).text()
    assert "Gõ sai họ tên" in note and f"{TYPO} → {RIGHT}" in note and "Họ tên" in note
    assert detail.banner.kind == "ok" and "Mẫu 01" in detail.banner.text()
    assert detail.make_form_button.isVisible()  # the receipt on file still has the old name
    detail.make_form_button.click()
    newest = [d for d in core.dossier(code).documents if d.kind == "form_01"][-1]
    text = pdf_text(core.document_bytes(newest.sha256))
    assert RIGHT in text and TYPO not in text
    assert not detail.make_form_button.isVisible()


def test_unticking_a_paper_says_the_dossier_becomes_incomplete_before_saving(core, qtbot):
    code = receive(core, RIGHT)
    _window, detail = open_dossier(core, qtbot, code)
    dialog = ctrl_e(detail, qtbot)
    tick, reason = dialog.paper_boxes["TP2"]
    tick.setFocus()
    press(Qt.Key.Key_Space)
    assert not tick.isChecked() and reason.isVisible()
    assert dialog.outcome.kind == "warn" and "CHƯA ĐẦY ĐỦ" in dialog.outcome.text().upper()
    reason.setFocus()
    type_text("Mang bản chính giấy chứng sinh")
    dialog.reason.setFocus()
    type_text("Đánh dấu nhầm")
    press(Qt.Key.Key_Return, CTRL)
    view = core.dossier(code)
    assert view.status == 5 and view.due_at is None
    assert "Mẫu 02" in detail.make_form_button.text()


def test_nothing_changed_or_no_reason_stores_nothing(core, qtbot):
    code = receive(core, RIGHT)
    _window, detail = open_dossier(core, qtbot, code)
    dialog = ctrl_e(detail, qtbot)
    press(Qt.Key.Key_Return, CTRL)  # nothing changed
    assert dialog.isVisible() and dialog.error.isVisible() and "Chưa có gì thay đổi" in dialog.error.text()
    dialog.applicant.name.selectAll()
    type_text(TYPO)
    press(Qt.Key.Key_Return, CTRL)  # no reason
    assert dialog.isVisible() and focused() is dialog.reason
    assert "lý do" in dialog.error.text()
    dialog.applicant.id_number.setFocus()
    dialog.applicant.id_number.selectAll()
    type_text("123")
    dialog.reason.setFocus()
    type_text("Sai số")
    press(Qt.Key.Key_Return, CTRL)  # a bad ID number is explained at the field, as at intake
    assert dialog.isVisible() and dialog.applicant.errors["id_number"].isVisible()
    assert len(core.dossier(code).events) == 1
    press(Qt.Key.Key_Escape)
    assert not dialog.isVisible() and core.search(SearchQuery(text="Ann")) == []


def test_a_transferred_dossiers_papers_are_shown_but_not_editable(core, qtbot):
    code = receive(core, RIGHT)
    core.dossiers.apply(code, "transfer", transferred_to="Công chức tư pháp")
    _window, detail = open_dossier(core, qtbot, code)
    dialog = ctrl_e(detail, qtbot)
    assert all(not tick.isEnabled() for tick, _reason in dialog.paper_boxes.values())
