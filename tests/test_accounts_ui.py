"""Login, first-run set-up, idle and on-demand lock, switching officer and the users
dialog, through the real main window (offscreen, pytest-qt)."""
from __future__ import annotations

import json

import pytest

from tests.conftest import make_core
from tests.test_accounts import NAMES, PASSWORDS, add_role_accounts
from ui.application import create_main_window
from ui.messages import text_for
from ui.qt import QKeySequence, Qt, QTest
from ui.session_lock import LOCK_KEYS, gate_with_login
from ui.users_dialog import UsersDialog


@pytest.fixture
def accounts_core(tmp_path):
    core = make_core(tmp_path / "ws")
    add_role_accounts(core)
    yield core
    core.workspace.close()


def open_window(core, qtbot, *, idle_ms: int = 0):
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    session = gate_with_login(core, window, runner=window.runner, idle_ms=idle_ms)
    window.show()
    qtbot.waitExposed(window)
    return window, session


def log_in(qtbot, session, user: str, password: str) -> None:
    panel = session.panel
    panel.user_edit.setText("")
    QTest.keyClicks(panel.user_edit, user)
    QTest.keyClick(panel.user_edit, Qt.Key.Key_Return)  # Enter moves on to the password
    QTest.keyClicks(panel.password_edit, password)
    QTest.keyClick(panel.password_edit, Qt.Key.Key_Return)


def test_the_window_opens_locked_and_a_login_unlocks_it(accounts_core, qtbot):
    window, session = open_window(accounts_core, qtbot)
    assert session.is_locked and not window.centralWidget().isEnabled()
    assert not window.new_action.isEnabled()  # the window's shortcuts are off too
    log_in(qtbot, session, "officer", "wrong-password")
    assert session.is_locked and accounts_core.principal is None
    assert text_for("login_failed") in session.panel.banner.text()
    assert session.panel.password_edit.text() == ""
    with qtbot.waitSignal(session.unlocked, timeout=5000) as unlocked:
        log_in(qtbot, session, "officer", PASSWORDS["officer"])
    assert unlocked.args[0].username == "officer"
    assert not session.is_locked and window.centralWidget().isEnabled() and window.new_action.isEnabled()
    assert NAMES["officer"] in window.officer_label.text()


def test_tries_left_and_lock_out_are_told(accounts_core, qtbot):
    _window, session = open_window(accounts_core, qtbot)
    for _ in range(3):
        log_in(qtbot, session, "leader", "wrong-password")
    assert "2" in session.panel.banner.text()  # "2 tries left before the account is locked"
    log_in(qtbot, session, "leader", "wrong-password")
    log_in(qtbot, session, "leader", "wrong-password")
    assert text_for("account_locked") in session.panel.banner.text()
    assert "17:05" in session.panel.banner.text()  # when to try again (the tests' clock says 17:00)
    log_in(qtbot, session, "leader", PASSWORDS["leader"])
    assert session.is_locked and accounts_core.principal is None


def test_empty_fields_are_asked_for_without_a_login_attempt(accounts_core, qtbot):
    _window, session = open_window(accounts_core, qtbot)
    session.panel.submit()
    assert session.panel.banner.isVisibleTo(session.panel) and session.is_locked
    assert accounts_core.accounts.get("officer").locked_until is None


def test_revoked_officer_is_told_so(accounts_core, qtbot):
    accounts_core.accounts.revoke("officer")
    _window, session = open_window(accounts_core, qtbot)
    log_in(qtbot, session, "officer", PASSWORDS["officer"])
    assert text_for("account_revoked") in session.panel.banner.text() and session.is_locked


def test_first_run_offers_to_create_the_administrator(tmp_path, qtbot):
    core = make_core(tmp_path / "ws")
    window, session = open_window(core, qtbot)
    dialog = session.setup_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert not session.is_locked  # set-up mode: the window works as before meanwhile
    QTest.keyClicks(dialog.user_edit, "quantri")
    dialog.name_edit.setText("Lê Văn Quản")  # QTest types ASCII only
    QTest.keyClicks(dialog.password_edit, "admin-pass-1")
    QTest.keyClicks(dialog.confirm_edit, "admin-pass-2")
    dialog.create_button.click()
    assert core.setup_mode() and dialog.isVisible()  # passwords differ: nothing created
    QTest.keyClicks(dialog.password_edit, "admin-pass-1")
    QTest.keyClicks(dialog.confirm_edit, "admin-pass-1")
    dialog.create_button.click()
    assert not dialog.isVisible() and not core.setup_mode()
    assert core.principal.username == "quantri" and "Lê Văn Quản" in window.officer_label.text()


def test_first_run_later_keeps_set_up_mode(tmp_path, qtbot):
    core = make_core(tmp_path / "ws")
    _window, session = open_window(core, qtbot)
    qtbot.waitUntil(session.setup_dialog.isVisible, timeout=5000)
    session.setup_dialog.later_button.click()
    assert core.setup_mode() and not session.is_locked
    session.lock()  # nobody could log in: locking is a no-op in set-up mode
    assert not session.is_locked


def test_idle_time_locks_the_counter(accounts_core, qtbot):
    _window, session = open_window(accounts_core, qtbot, idle_ms=40)
    log_in(qtbot, session, "officer", PASSWORDS["officer"])
    assert not session.is_locked
    with qtbot.waitSignal(session.locked, timeout=5000):
        pass
    assert session.is_locked and accounts_core.locked
    assert session.panel.user_edit.text() == "officer"  # ready for the same officer's password


def test_lock_shortcut_and_switching_officer(accounts_core, qtbot):
    window, session = open_window(accounts_core, qtbot)
    log_in(qtbot, session, "officer", PASSWORDS["officer"])
    shortcuts = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert shortcuts.count(QKeySequence(LOCK_KEYS).toString()) == 1  # no clash in the window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(session.locked, timeout=5000):
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert session.is_locked
    log_in(qtbot, session, "leader", PASSWORDS["leader"])  # another officer, same running app
    assert accounts_core.principal.username == "leader" and NAMES["leader"] in window.officer_label.text()
    assert not session.is_locked


def test_a_forbidden_action_says_so_clearly(accounts_core, qtbot, tmp_path):
    source = tmp_path / "2026.json"
    source.write_text(json.dumps({"year": 2026, "overrides": [
        {"date": "2026-11-26", "kind": "off", "name": "Nghỉ đột xuất"}]}, ensure_ascii=False), encoding="utf-8")
    window, session = open_window(accounts_core, qtbot)
    log_in(qtbot, session, "officer", PASSWORDS["officer"])
    window.admin.import_calendar(source)
    kind, text = window.admin.last_message
    assert kind == "error" and text_for("permission_denied") in text
    log_in_admin = session.lock
    log_in_admin()
    log_in(qtbot, session, "admin", PASSWORDS["admin"])
    window.admin.import_calendar(source)
    assert window.admin.last_message[0] == "info"


def test_users_dialog_for_the_administrator(accounts_core, qtbot):
    window, session = open_window(accounts_core, qtbot)
    log_in(qtbot, session, "admin", PASSWORDS["admin"])
    dialog = UsersDialog(accounts_core, window.runner, window)
    qtbot.addWidget(dialog)
    assert [v.username for v in dialog.officers] == ["admin", "leader", "officer"]
    QTest.keyClicks(dialog.user_edit, "hoa.nt")
    dialog.name_edit.setText("Nguyễn Thị Hoa")
    QTest.keyClicks(dialog.password_edit, "hoa-pass-01")
    dialog.role_boxes["officer"].setChecked(True)
    dialog.add_button.click()
    assert dialog.banner.kind == "success" and dialog.table.rowCount() == 4
    dialog.table.selectRow(1)  # hoa.nt, in name order
    assert dialog.user_edit.text() == "hoa.nt"
    dialog.revoke_button.click()
    assert accounts_core.accounts.get("hoa.nt").revoked
    dialog.add_button.click()  # the same name again
    assert dialog.banner.kind == "error"


def test_users_dialog_refuses_an_officer(accounts_core, qtbot):
    window, session = open_window(accounts_core, qtbot)
    log_in(qtbot, session, "officer", PASSWORDS["officer"])
    dialog = UsersDialog(accounts_core, window.runner, window)
    qtbot.addWidget(dialog)
    assert dialog.banner.kind == "error" and text_for("permission_denied") in dialog.banner.text()
    assert dialog.table.rowCount() == 0


def test_switching_officer_hands_the_queue_counter_over(accounts_core, qtbot):
    from sqlalchemy import select

    from counter_app.storage.models import QueueSession

    window, session = open_window(accounts_core, qtbot)
    log_in(qtbot, session, "officer", PASSWORDS["officer"])
    counter = window.queue_panel.counter
    assert window.queue_panel.officer == NAMES["officer"]
    accounts_core.queue.open_session(counter, window.queue_panel.officer)
    window.detail.set_signing(None, None, pin_minutes=5)  # the real PIN cache (no token needed for it)
    window.detail.signing.pins.put("123456")
    session.lock()
    assert window.detail.signing.pins.get() is None  # a cached token PIN does not outlive the officer's turn
    log_in(qtbot, session, "leader", PASSWORDS["leader"])
    assert window.queue_panel.officer == NAMES["leader"]
    with accounts_core.workspace.db.read() as db:
        shifts = [(s.officer, s.closed_at is not None) for s in db.scalars(select(QueueSession))]
    assert shifts == [(NAMES["officer"], True)]
    accounts_core.queue.open_session(counter, window.queue_panel.officer)  # the leader's own shift


def test_a_ticket_being_served_is_parked_for_the_next_officer_and_the_heading_names_them(accounts_core, qtbot):
    window, session = open_window(accounts_core, qtbot)
    log_in(qtbot, session, "officer", PASSWORDS["officer"])
    panel = window.queue_panel
    accounts_core.queue.issue("HT")
    panel.call_next()
    assert panel.current is not None and NAMES["officer"] in panel.title.text()
    session.lock()
    log_in(qtbot, session, "leader", PASSWORDS["leader"])
    assert NAMES["leader"] in panel.title.text() and NAMES["officer"] not in panel.title.text()
    assert panel.current is None  # the leader does not serve the officer's citizen in the officer's name
    assert [t.number for t in panel.parked] == ["A001"]
    panel.park_or_resume()  # the leader takes the citizen on, in their own shift
    assert panel.current is not None and panel.current.number == "A001"
    shift = accounts_core.queue.status()
    assert next(c for c in shift.counters if c.number == panel.counter).officer == NAMES["leader"]
