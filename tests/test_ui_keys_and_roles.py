"""The counter's keyboard and roles through the real main window in Vietnamese: each next step
of a dossier has its own shortcut and comes right after "back" in the tab order with the ending
steps last; only what the officer's role allows is offered; the queue's F-keys serve the citizen
from any page; F1 lists every shortcut from the actions themselves."""
from __future__ import annotations

import pytest

from tests.queue_support import clock, queue_ws  # noqa: F401 (fixtures)
from tests.test_accounts import PASSWORDS, add_role_accounts
from tests.test_accounts_ui import log_in, open_window as open_gated
from tests.test_ui_list_detail import open_window, receive
from ui.main_window import INTAKE, STATS
from ui.qt import QApplication, Qt

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_detail(window, qtbot, code):
    window.open_dossier(code)
    qtbot.waitUntil(lambda: window.detail.view is not None and window.detail.view.code == code)
    return window.detail


def test_next_steps_have_their_own_keys_main_step_first_and_withdraw_last(core, qtbot):
    code = receive(core, "Nguyễn Văn An")
    detail = open_detail(open_window(core, qtbot), qtbot, code)
    assert list(detail.action_buttons) == ["transfer", "start_processing", "withdraw"]
    assert detail.action_buttons["transfer"].text().endswith("(Ctrl+Shift+C)")
    detail.back_button.setFocus()
    qtbot.keyClick(detail.back_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is detail.action_buttons["transfer"], QApplication.focusWidget().text()
    qtbot.keyClick(detail, Qt.Key.Key_T, SHIFT_CTRL)  # return the result: not a step from "received"
    assert detail.dialog is None
    qtbot.keyClick(detail, Qt.Key.Key_C, SHIFT_CTRL)
    assert detail.dialog is not None and detail.dialog.action == "transfer" and detail.dialog.isVisible()
    qtbot.keyClicks(detail.dialog.answer, "Cong chuc tu phap")
    qtbot.keyClick(detail.dialog.answer, Qt.Key.Key_Return)
    assert core.dossier(code).status == 4


@pytest.fixture
def roles_core(core):
    code = receive(core, "Nguyễn Văn An")
    core.dossiers.apply(code, "transfer", transferred_to="Tư pháp")  # before the accounts: set-up mode
    add_role_accounts(core)
    core.transferred_code = code
    return core


def test_an_officer_is_offered_only_the_officers_steps_menus_and_pages(roles_core, qtbot):
    code = roles_core.transferred_code
    window, session = open_gated(roles_core, qtbot)
    with qtbot.waitSignal(session.unlocked, timeout=5000):
        log_in(qtbot, session, "officer", PASSWORDS["officer"])
    detail = open_detail(window, qtbot, code)
    assert "result_ready" not in detail.action_buttons and "stop" not in detail.action_buttons
    assert detail.role_note is not None and "Đã có kết quả" in detail.role_note.text()
    visible = [a for a in window.tools_menu.actions() if a.isVisible() and not a.isSeparator()]
    assert [a.shortcut().toString() for a in visible] == ["Ctrl+R"]  # the register only: no admin tools
    assert window.sidebar.item(STATS).isHidden()
    window.show_page(INTAKE)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == INTAKE  # Ctrl+5 leads nowhere for an officer

    session.lock()
    with qtbot.waitSignal(session.unlocked, timeout=5000):
        log_in(qtbot, session, "leader", PASSWORDS["leader"])
    assert "result_ready" in detail.action_buttons and detail.role_note is None
    assert not window.sidebar.item(STATS).isHidden()


def test_queue_keys_work_while_receiving_a_dossier(queue_ws, qtbot):
    queue_ws.queue.issue("HT")
    window = open_window(queue_ws, qtbot)
    window.show_page(INTAKE)
    assert window.pages.currentIndex() == INTAKE
    qtbot.keyClick(window.intake.procedure_page.search, Qt.Key.Key_F2)  # call the next citizen
    assert window.queue_panel.number.text() == "A001"
    qtbot.keyClick(window.intake.procedure_page.search, Qt.Key.Key_F6)  # and finish them, still on intake
    assert queue_ws.queue.ticket("A001").state == "finished"
    assert window.pages.currentIndex() == INTAKE


def test_f1_lists_every_shortcut_from_the_actions_themselves(core, qtbot):
    window = open_window(core, qtbot)
    box = window.show_shortcuts()
    text = box.text()
    for keys in ("Ctrl+N", "Ctrl+E", "Ctrl+Shift+C", "Ctrl+Shift+R", "Ctrl+G", "F2", "F6", "F9", "F12",
                 "Ctrl+F12", "Ctrl+P", "Ctrl+5", "Ctrl+R", "Ctrl+F5"):
        assert f"<b>{keys}</b>" in text, keys
    assert "Gọi" in text and "Chuyển xử lý" in text and "Đính chính" in text
    box.close()
