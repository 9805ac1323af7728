"""Tools ▸ Settings… in Vietnamese, through the real main window and the real simulated devices:
a wrong field is said under it and nothing is saved; a good change is saved and shown at once;
the test print reaches the simulated printer's folder; the test scan brings a page from the
simulated scanner; only the administrator is offered the set-up entries."""
from __future__ import annotations

import pytest

from composition_root import check_devices, installed_adapters
from counter_app.settings import load_settings
from devices.scanners.simulated import SimulatedScanner
from devices.setup_tools import DeviceTools
from tests.softhsm import hsm  # noqa: F401 (fixture)
from tests.test_accounts import PASSWORDS, add_role_accounts
from tests.test_accounts_ui import log_in, open_window as open_gated
from ui.application import create_main_window
from ui.qt import QApplication, QEvent, QLabel, QPushButton, Qt

ALLOWED_MNEMONICS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # not Đ, Ư, Ơ, Ă, Â, Ê, Ô


def stored(core):
    with core.workspace.db.read() as session:
        return load_settings(session)


def tools_for(core) -> dict:
    return DeviceTools(core.workspace.root, adapters=installed_adapters(),
                       scanners={"simulated": lambda: SimulatedScanner(pages=1)}, checks=check_devices).as_dict()


@pytest.fixture
def window(core, qtbot):
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.set_device_tools(tools_for(core))
    window.show()
    yield window
    close_now(window)


def close_now(window) -> None:
    """Deleted now, not at some later event: a half-dead window restyled by the next test's
    ``prepare_app`` can crash it."""
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    if not text:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    elif text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest has no key codes for Vietnamese letters: typed as an input method would
        field.insert(text)


def test_a_bad_agency_code_is_said_at_the_field_and_nothing_is_saved(core, window, qtbot):
    before = stored(core)
    dialog = window.show_settings()
    office = dialog.office
    retype(qtbot, office.agency_id, "31.H41")
    error = office.errors["office.agency_id"]
    assert error.isVisible() and "000.00.31.H41" in error.text() and "chữ in hoa" in error.text()
    retype(qtbot, office.name, "UBND xã Gia Viễn")
    dialog.tabs.setCurrentIndex(2)
    dialog.save_button.click()
    assert dialog.isVisible() and "Chưa lưu" in dialog.banner.text()
    assert dialog.tabs.currentWidget() is office and dialog.focusWidget() is office.agency_id
    assert stored(core) == before  # not even the good office name
    retype(qtbot, office.agency_id, "000.00.31.H41")
    assert not error.isVisible()


def test_a_good_change_is_saved_and_named_in_the_title_and_status_bar(core, window, qtbot):
    dialog = window.show_settings()
    retype(qtbot, dialog.office.name, "UBND xã Gia Viễn")
    retype(qtbot, dialog.office.agency_id, "000.00.07.H40")
    dialog.tabs.setCurrentWidget(dialog.counter)
    retype(qtbot, dialog.counter.counter_label, "Quầy Tư pháp")
    dialog.counter.slot.setValue(4)
    dialog.tabs.setCurrentWidget(dialog.rules)
    retype(qtbot, dialog.rules.cutoff, "15:30")
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    settings = stored(core)
    assert (settings.office.agency_name, settings.office.agency_id) == ("UBND xã Gia Viễn", "000.00.07.H40")
    assert (settings.workstation.counter_label, settings.workstation.slot) == ("Quầy Tư pháp", 4)
    assert settings.rules.default_cutoff == "15:30"
    assert settings.office.parent_name == "UBND TỈNH NINH BÌNH"  # untouched fields kept
    assert window.windowTitle().endswith("UBND xã Gia Viễn")
    assert window.office_label.text() == "Cơ quan: UBND xã Gia Viễn"
    assert window.counter_label.text() == "Quầy: Quầy Tư pháp"


def test_a_bad_cutoff_and_an_uninstalled_printer_are_refused(core, window, qtbot):
    settings = core.settings()
    settings.devices.printer = "epson"  # left by an older version: the core alone cannot know
    core.save_settings(settings)
    dialog = window.show_settings()
    devices = dialog.devices
    assert devices.kind.currentText() == "Thiết bị khác (epson)"
    assert "chưa được cài" in devices.errors["devices.printer"].text()
    retype(qtbot, dialog.rules.cutoff, "15h30")
    assert dialog.rules.errors["rules.default_cutoff"].text().startswith("Nhập giờ")
    dialog.save()
    assert dialog.isVisible() and stored(core).rules.default_cutoff is None


def test_a_network_printer_needs_its_address(core, window, qtbot):
    dialog = window.show_settings()
    devices = dialog.devices
    dialog.tabs.setCurrentWidget(devices)
    devices.kind.setCurrentIndex(devices.kind.findData("escpos-network"))
    assert devices.kind.currentText() == "Máy in nhiệt qua mạng (ESC/POS)"
    assert devices.host.isVisibleTo(dialog) and not devices.devfile.isVisibleTo(dialog)
    assert devices.errors["devices.printer_options.host"].text() == "Cần điền mục này."
    retype(qtbot, devices.host, "192.168.1.50")
    dialog.save()
    assert not dialog.isVisible()
    assert stored(core).devices.printer_options == {"host": "192.168.1.50", "port": 9100}


def test_the_test_print_reaches_the_simulated_printers_folder(core, window, qtbot):
    dialog = window.show_settings()
    devices = dialog.devices
    assert devices.kind.currentData() == "simulated"
    qtbot.keyClick(devices.test_button, Qt.Key.Key_Space)
    printed = list((core.workspace.root / "printed").glob("*.png"))
    assert len(printed) == 1
    assert devices.result.text().startswith("Đã in phiếu thử") and str(printed[0]) in devices.result.text()


def test_the_test_scan_brings_a_page_from_the_simulated_scanner(core, window, qtbot):
    dialog = window.show_settings()
    devices = dialog.devices
    qtbot.keyClick(devices.find_button, Qt.Key.Key_Space)
    assert devices.scanner.count() == 1 and devices.scanner.currentText().startswith("Máy quét tập")
    qtbot.keyClick(devices.scan_button, Qt.Key.Key_Space)
    assert devices.scan_result.text() == "Máy quét đã cho một trang (200 dpi)."
    assert dialog.tests.last["scanner"][1] is True


def test_every_field_has_a_label_with_a_typeable_mnemonic_unique_on_its_tab(core, window):
    dialog = window.show_settings()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        tab = dialog.tabs.currentWidget()
        buddies = {lab.buddy() for lab in tab.findChildren(QLabel) if lab.buddy() is not None}
        assert set(tab.fields.values()) <= buddies, dialog.tabs.tabText(index)
        widgets = {*tab.findChildren(QLabel), *tab.findChildren(QPushButton), *dialog.findChildren(QPushButton)}
        texts = [w.text() for w in widgets if w.isVisibleTo(dialog) and "&" in w.text()]
        letters = [t[t.index("&") + 1].upper() for t in texts]
        assert set(letters) <= ALLOWED_MNEMONICS, texts
        assert len(letters) == len(set(letters)), texts


@pytest.fixture
def roles_core(core):
    add_role_accounts(core)
    return core


def test_only_the_administrator_is_offered_settings_devices_and_first_run(roles_core, qtbot):
    window, session = open_gated(roles_core, qtbot)
    setup = ["Cài đặt…", "Thiết bị…", "Thiết lập ban đầu…"]

    def offered() -> list[str]:
        return [a.text().replace("&", "") for a in window.tools_menu.actions() if a.isVisible()]

    with qtbot.waitSignal(session.unlocked, timeout=5000):
        log_in(qtbot, session, "officer", PASSWORDS["officer"])
    assert not set(setup) & set(offered())
    session.lock()
    with qtbot.waitSignal(session.unlocked, timeout=5000):
        log_in(qtbot, session, "admin", PASSWORDS["admin"])
    assert set(setup) <= set(offered())


def test_the_devices_dialog_tests_the_printer_and_checks_the_system_in_words(core, window, qtbot):
    dialog = window.show_devices()
    assert dialog.states["printer"].text() == "Sẵn sàng."  # the printer's state when the dialog opens
    qtbot.keyClick(dialog.buttons["printer"], Qt.Key.Key_Space)
    assert len(list((core.workspace.root / "printed").glob("*.png"))) == 1
    assert dialog.states["printer"].text().startswith("Đã in phiếu thử")
    assert not dialog.buttons["camera"].isEnabled()  # this counter has no camera set up
    qtbot.keyClick(dialog.check_button, Qt.Key.Key_Space)
    lines = [dialog.report.item(row).text() for row in range(dialog.report.count())]
    assert "✔ Cơ sở dữ liệu: tính toàn vẹn — ổn" in lines
    assert any(line.startswith("✔ Máy in: Máy in tập") for line in lines)
    for key in ("database", "integrity", "simulated", "event chain", "agency id"):
        assert not any(key in line for line in lines), key
    assert "database: integrity" in dialog.details  # the doctor's own words, for support


def test_the_signing_token_is_set_up_tested_and_used_by_the_counter(core, window, qtbot, hsm):
    """The token's library is a setting now (it was an environment variable only): checked as a
    file, tested against the real SoftHSM module, and what the counter window signs with."""
    from composition_root import build_signing

    dialog = window.show_settings()
    devices = dialog.signing
    dialog.tabs.setCurrentWidget(devices)
    retype(qtbot, devices.signing_module, "/no/such/libpkcs11.so")
    retype(qtbot, devices.signing_key, "zz")
    dialog.save()  # refused: nothing stored
    assert devices.errors["devices.signing_module"].isVisible()
    assert devices.errors["devices.signing_key_id"].isVisible()
    assert stored(core).devices.signing_module == ""
    retype(qtbot, devices.signing_module, hsm.module)
    retype(qtbot, devices.signing_key, "")
    qtbot.keyClick(devices.token_button, Qt.Key.Key_Space)
    assert any(label in devices.token_result.text() for label in hsm.tokens), devices.token_result.text()
    dialog.save()
    assert stored(core).devices.signing_module == hsm.module
    signing = build_signing(core, simulated=False)
    assert signing is not None  # the counter window signs with this token from now on


def test_the_call_out_voice_is_switched_and_its_volume_set_from_the_settings(core, window, qtbot):
    from composition_root import device_tools
    from devices.voice import load_voice_settings

    window.set_device_tools(device_tools(core, {"scanners": {}}))  # the app's own tools: voice included
    dialog = window.show_settings()
    signing = dialog.signing
    dialog.tabs.setCurrentWidget(signing)
    assert signing.voice_on.isChecked() and signing.volume.value() == 80  # the office's defaults
    signing.voice_on.setFocus()
    qtbot.keyClick(signing.voice_on, Qt.Key.Key_Space)
    retype(qtbot, signing.volume.lineEdit(), "35")
    dialog.save()
    voice = load_voice_settings(core.workspace.db)
    assert (voice.enabled, voice.volume) == (False, 35)
