"""The first run of a new counter, in Vietnamese on a workspace made by ``counter-app init``: the
administrator is led from the placeholder office to a named office, counter and printer (with a
test slip reaching the simulated printer) and an imported catalogue; "Later" changes nothing and
the wizard opens again from the menu; a counter officer is never led through it."""
from __future__ import annotations

import subprocess

import pytest

from counter_app.core import CounterCore
from counter_app.settings import load_settings
from counter_app.workspace import open_workspace
from tests.conftest import NOW
from tests.test_accounts import PASSWORDS, add_role_accounts
from tests.test_accounts_ui import log_in
from tests.test_cli import COUNTER_APP
from tests.test_ui_settings import close_now, retype, tools_for
from ui.application import create_main_window
from ui.first_run import CATALOGUE, COUNTER, OFFICE, PRINTER, FirstRunWizard, offer_first_run
from ui.qt import QApplication, Qt
from ui.queue_launch import gate


@pytest.fixture
def fresh(tmp_path):
    root = tmp_path / "new-counter"
    subprocess.run([COUNTER_APP, "init", "--workspace", str(root)], check=True, capture_output=True, timeout=120)
    core = CounterCore(open_workspace(root, create=False), clock=lambda: NOW)
    yield core
    core.workspace.close()


def stored(core):
    with core.workspace.db.read() as session:
        return load_settings(session)


@pytest.fixture
def windows():  # after the workspace: closed before it
    opened = []
    yield opened
    for window in opened:
        close_now(window)


def open_counter(core, qtbot, opened):
    """The counter window as the app opens it: login gate, then the first-run offer."""
    window = create_main_window(core, language="vi", synchronous=True)
    opened.append(window)
    window.set_device_tools(tools_for(core))
    gate(core, window)
    offer_first_run(core, window)
    window.show()
    qtbot.waitExposed(window)
    return window


def wizard_of(window):
    shown = [w for w in window.findChildren(FirstRunWizard) if w.isVisible()]
    return shown[0] if shown else None


def test_a_fresh_workspace_is_led_to_a_named_office_with_its_catalogue(fresh, qtbot, windows):
    assert fresh.settings().office.agency_id == "000.00.00.H00" and not fresh.procedures()
    window = open_counter(fresh, qtbot, windows)
    setup = window.session_lock.setup_dialog
    qtbot.waitUntil(setup.isVisible)
    setup.reject()  # the administrator account "later": set-up mode, everything allowed
    wizard = wizard_of(window)
    assert wizard is not None and wizard.step.text() == "Bước 1/4: cơ quan"

    retype(qtbot, wizard.office.name, "UBND xã Gia Viễn")
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)  # the placeholder code is nobody's code
    assert wizard.pages.currentIndex() == OFFICE
    assert "mã tạm" in wizard.office.errors["office.agency_id"].text()
    retype(qtbot, wizard.office.agency_id, "000.00.07.H40")
    retype(qtbot, wizard.office.parent_name, "UBND TỈNH NINH BÌNH")
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)
    assert wizard.pages.currentIndex() == COUNTER

    retype(qtbot, wizard.counter.counter_label, "Quầy 2")
    wizard.counter.slot.setValue(2)
    retype(qtbot, wizard.counter.officer, "Trần Thị Mai")
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)
    assert wizard.pages.currentIndex() == PRINTER and wizard.step.text() == "Bước 3/4: máy in phiếu"
    assert stored(fresh).office.agency_id == "000.00.00.H00"  # nothing saved before the printer step

    qtbot.keyClick(wizard.printer.test_button, Qt.Key.Key_Space)
    assert len(list((fresh.workspace.root / "printed").glob("*.png"))) == 1
    assert wizard.printer.result.text().startswith("Đã in phiếu thử")
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)
    assert wizard.pages.currentIndex() == CATALOGUE
    settings = stored(fresh)
    assert (settings.office.agency_name, settings.office.agency_id) == ("UBND xã Gia Viễn", "000.00.07.H40")
    assert (settings.workstation.counter_label, settings.workstation.slot) == ("Quầy 2", 2)
    assert window.windowTitle().endswith("UBND xã Gia Viễn") and window.office_label.text() == "Cơ quan: UBND xã Gia Viễn"
    assert wizard.catalogue.result.text() == "Danh mục thủ tục đang trống."

    qtbot.keyClick(wizard.catalogue.demo_button, Qt.Key.Key_Space)
    count = len(fresh.procedures())
    assert count >= 30 and f"Danh mục có {count} thủ tục." in wizard.catalogue.result.text()
    assert wizard.next_button.text() == "&Hoàn tất"
    qtbot.keyClick(wizard.next_button, Qt.Key.Key_Space)
    assert not wizard.isVisible()


def test_later_changes_nothing_and_the_menu_opens_the_wizard_again(fresh, qtbot, windows):
    window = open_counter(fresh, qtbot, windows)
    qtbot.waitUntil(window.session_lock.setup_dialog.isVisible)
    window.session_lock.setup_dialog.reject()
    wizard = wizard_of(window)
    retype(qtbot, wizard.office.name, "UBND xã Gia Viễn")
    qtbot.keyClick(wizard.later_button, Qt.Key.Key_Space)
    assert wizard_of(window) is None
    assert stored(fresh).office.agency_name == "UBND xã"
    entry = next(a for a in window.tools_menu.actions() if a.text() == "Thiết lập ba&n đầu…")
    entry.trigger()
    assert wizard_of(window) is not None and wizard_of(window).office.name.text() == "UBND xã"


def test_the_officer_is_not_led_through_it_the_administrator_is(fresh, qtbot, windows):
    add_role_accounts(fresh)
    window = open_counter(fresh, qtbot, windows)
    session = window.session_lock
    with qtbot.waitSignal(session.unlocked, timeout=5000):
        log_in(qtbot, session, "officer", PASSWORDS["officer"])
    QApplication.processEvents()
    assert wizard_of(window) is None
    session.lock()
    with qtbot.waitSignal(session.unlocked, timeout=5000):
        log_in(qtbot, session, "admin", PASSWORDS["admin"])
    assert wizard_of(window) is not None


def test_a_set_up_office_is_not_offered_the_wizard(core, qtbot, windows):
    window = open_counter(core, qtbot, windows)  # the test office: named, with procedures
    QApplication.processEvents()
    assert wizard_of(window) is None
