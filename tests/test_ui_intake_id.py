"""The intake's ID card buttons, keyboard only: F12 reads the chip (simulated reader, and the
real PC/SC stack with the emulated CCCD), Ctrl+F12 reads the card's QR with the document
camera (simulated); no device, a wrong key or no card → a clear message, form unchanged."""
from __future__ import annotations

from datetime import date

import pytest

from composition_root import id_card_devices
from devices.camera.simulated import SimulatedCamera
from devices.idcard.demo_card import make_test_card
from devices.idcard.pcsc_reader import PcscChipReader
from devices.idcard.simulated import SimulatedChipReader
from tests.conftest import make_settings
from tests.pcsc_stack import pcsc_stack
from ui.camera_dialog import CameraQrDialog
from ui.chip_dialog import ChipDialog
from ui.intake_wizard import APPLICANT, CHECKLIST, PROCEDURE
from ui.messages import text_for
from tests.test_ui_intake import focused, press, type_text
from ui.qt import QApplication, Qt, QTest

NAME = "Nguyễn Văn An"
ADDRESS = "Số 1, Phường Hoa Lư, Ninh Bình"  # the demo card's residence (chip) and address (QR)
READ_TIMEOUT_MS = 30_000  # a bound for the real PC/SC read, not a speed check


def open_window(core, qtbot, *, synchronous: bool = True, **devices):
    from ui import i18n, theme
    from ui.application import ensure_app
    from ui.main_window import MainWindow

    app = ensure_app()
    i18n.install(i18n.chosen_language("vi"))
    theme.apply(app)
    window = MainWindow(core, synchronous=synchronous, **devices)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need the active window
    qtbot.waitUntil(lambda: window.intake.catalogue_ready, timeout=10_000)
    return window


def to_applicant(window, qtbot):
    wizard = window.intake
    assert wizard.current == PROCEDURE and focused() is wizard.procedure_page.search
    type_text("khai sinh")
    qtbot.waitUntil(lambda: wizard.procedure_page.current() is not None)
    press(Qt.Key.Key_Return)
    assert wizard.current == APPLICANT and focused() is wizard.applicant_page.name
    return wizard, wizard.applicant_page


def type_fields(page, **values) -> None:
    """Type into the applicant fields by keyboard (Tab order: name, ID, birth, address, phone)."""
    order = ["name", "id_number", "birth_date", "address", "phone"]
    page.name.setFocus()
    for key in order:
        assert focused() is getattr(page, key)
        if key in values:
            type_text(values[key])
        press(Qt.Key.Key_Tab)


def form(page) -> tuple[str, ...]:
    return (page.name.text(), page.id_number.text(), page.birth_date.text(), page.address.text(), page.phone.text())


def wait_dialog(qtbot, wizard, kind):
    qtbot.waitUntil(lambda: isinstance(wizard.id_bar.dialog, kind) and wizard.id_bar.dialog.isVisible())
    dialog = wizard.id_bar.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_key(dialog: ChipDialog, doc: str | None, birth: str | None, expiry: str) -> None:
    """Keyboard only: the fields in Tab order, each cleared (Ctrl+A, Backspace) and typed."""
    dialog.doc_number.setFocus()
    for edit, text in ((dialog.doc_number, doc), (dialog.birth, birth), (dialog.expiry, expiry)):
        assert focused() is edit
        if text is not None:
            press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            press(Qt.Key.Key_Backspace)
            type_text(text)
        if edit is not dialog.expiry:
            press(Qt.Key.Key_Tab)


def back_to(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


# -- simulated devices (the demo's) -------------------------------------------------------------------


def test_f12_reads_the_simulated_chip_and_fills_the_form_after_confirmation(core, qtbot):
    window = open_window(core, qtbot, chip_reader_factory=SimulatedChipReader)
    wizard, page = to_applicant(window, qtbot)
    assert page.isAncestorOf(wizard.id_bar) and wizard.id_bar.chip_button.isVisible()
    # Typed by hand so far: the number and birth date pre-fill the chip's key; the name lacks accents.
    type_fields(page, name="Nguyen Van An", id_number="001099012345", birth_date="01/01/1999", phone="0912345678")
    press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, wizard, ChipDialog)
    assert (dialog.doc_number.text(), dialog.birth.text(), dialog.expiry.text()) == ("001099012345", "01/01/1999", "")
    type_key(dialog, None, None, "01/01/2024")
    press(Qt.Key.Key_Return)  # Enter reads (synchronous device runner: at once)
    assert dialog.banner.kind == "ok" and dialog.use_button.isEnabled() and focused() is dialog.use_button
    assert form(page)[0] == "Nguyen Van An"  # nothing changes before the officer confirms
    press(Qt.Key.Key_Return)  # "Use these details"
    back_to(qtbot, window)
    assert wizard.id_bar.dialog is None
    assert form(page) == (NAME, "001099012345", "01/01/1999", ADDRESS, "0912345678")  # the phone is kept
    assert page.card_summary.isVisible() and "001099012345" in page.card_summary.text()
    assert "Nam" in page.card_summary.text()  # the sex is shown for checking
    assert wizard.banner.kind == "info" and wizard.current == APPLICANT
    press(Qt.Key.Key_Return)  # the officer checked the details against the card
    assert wizard.current == CHECKLIST
    applicant = wizard.draft.to_request().applicant
    assert (applicant.name, applicant.birth_date, applicant.address) == (NAME, date(1999, 1, 1), ADDRESS)


def test_ctrl_f12_reads_the_qr_with_the_camera_then_f12_has_the_chip_key_ready(core, qtbot):
    cameras = []

    def camera():
        cameras.append(SimulatedCamera(scene="card", seed=3))
        return cameras[-1]

    window = open_window(core, qtbot, chip_reader_factory=SimulatedChipReader, camera_factory=camera)
    wizard, page = to_applicant(window, qtbot)
    type_fields(page, phone="0912345678")
    press(Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_dialog(qtbot, wizard, CameraQrDialog)
    dialog.step()  # one frame (synchronous runner): the card's QR is in view
    back_to(qtbot, window)
    assert form(page) == (NAME, "001099012345", "01/01/1999", ADDRESS, "0912345678")
    assert page.card_summary.isVisible() and "15/08/2021" in page.card_summary.text()  # the QR's issue date
    assert dialog.stopped and not cameras[0]._opened  # the camera was closed with the dialog
    # The chip's key comes from that QR: ID number, birth date, expiry suggested from the issue date.
    press(Qt.Key.Key_F12)
    chip = wait_dialog(qtbot, wizard, ChipDialog)
    assert (chip.doc_number.text(), chip.birth.text(), chip.expiry.text()) == ("001099012345", "01/01/1999",
                                                                                "01/01/2024")
    press(Qt.Key.Key_Return)
    assert chip.use_button.isEnabled()
    press(Qt.Key.Key_Return)
    back_to(qtbot, window)
    assert form(page) == (NAME, "001099012345", "01/01/1999", ADDRESS, "0912345678")


def test_no_reader_and_no_camera_say_what_to_do_and_change_nothing(core, qtbot):
    window = open_window(core, qtbot)  # no factories: what an old caller or a bare counter passes
    wizard, page = to_applicant(window, qtbot)
    type_fields(page, name="Trần Thị Bình", phone="0912345678")
    before = form(page)
    bar = wizard.id_bar
    assert bar.chip_button.isVisible() and bar.camera_button.isVisible()
    assert bar.chip_button.toolTip() == text_for("chip_reader_not_configured")
    press(Qt.Key.Key_F12)
    assert bar.dialog is None and wizard.banner.kind == "error"
    assert text_for("chip_reader_not_configured") in wizard.banner.text()
    press(Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier)
    assert bar.dialog is None and text_for("camera_not_configured") in wizard.banner.text()
    assert form(page) == before and wizard.current == APPLICANT and not page.card_summary.isVisible()


def test_wrong_key_on_the_simulated_chip_shows_the_message_and_keeps_the_form(core, qtbot):
    window = open_window(core, qtbot, chip_reader_factory=SimulatedChipReader)
    wizard, page = to_applicant(window, qtbot)
    type_fields(page, name="Nguyen Van An", id_number="001099012345", birth_date="01/01/1999")
    before = form(page)
    press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, wizard, ChipDialog)
    type_key(dialog, None, None, "01/01/2034")  # not the card's expiry: BAC fails
    press(Qt.Key.Key_Return)
    assert dialog.banner.kind == "error" and text_for("chip_access_denied") in dialog.banner.text()
    assert not dialog.use_button.isEnabled()
    press(Qt.Key.Key_Escape)
    back_to(qtbot, window)
    assert wizard.id_bar.dialog is None
    assert form(page) == before and not page.card_summary.isVisible() and wizard.last_card is None


def test_a_qr_that_is_not_an_id_card_is_refused_and_the_form_is_kept(core, qtbot):
    window = open_window(core, qtbot, camera_factory=lambda: SimulatedCamera(
        scene="card", card_text="https://dichvucong.gov.vn/"))
    wizard, page = to_applicant(window, qtbot)
    type_fields(page, name="Trần Thị Bình")
    before = form(page)
    press(Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_dialog(qtbot, wizard, CameraQrDialog)
    dialog.step()
    assert text_for("qr_not_cccd") in dialog.banner.text() and dialog.isVisible()
    press(Qt.Key.Key_Escape)
    back_to(qtbot, window)
    assert dialog.stopped and wizard.id_bar.dialog is None and form(page) == before
    assert wizard.banner.kind != "info" and not page.card_summary.isVisible()


def test_a_device_the_settings_cannot_build_is_explained(core, qtbot):
    settings = make_settings()
    settings.devices.chip_reader = "no-such-reader"
    settings.devices.camera = "none"
    core.save_settings(settings)
    devices = id_card_devices(core, simulated=False)
    assert devices["camera_factory"] is None  # "none": switched off
    window = open_window(core, qtbot, **devices)
    wizard, page = to_applicant(window, qtbot)
    press(Qt.Key.Key_F12)
    assert wizard.id_bar.dialog is None and wizard.banner.kind == "error"
    assert "no-such-reader" in wizard.banner.text()  # the detail names the bad setting
    press(Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier)
    assert text_for("camera_not_configured") in wizard.banner.text()
    # The demo (simulated) has both, whatever the settings say.
    demo = id_card_devices(core, simulated=True)
    assert demo["chip_reader_factory"] is not None and demo["camera_factory"] is not None


# -- the real PC/SC stack (pcscd + vpcd) with the emulated CCCD -----------------------------------------


@pytest.fixture(scope="module")
def card():
    return make_test_card()


def test_f12_through_pcscd_reads_the_emulated_card_into_the_wizard(core, qtbot, card):
    stack = pcsc_stack()
    # Real threads here, as in the app: the read runs on the device worker.
    window = open_window(core, qtbot, synchronous=False, chip_reader_factory=lambda: PcscChipReader(stack.reader))
    wizard, page = to_applicant(window, qtbot)
    type_fields(page, id_number="001099012345", birth_date="01/01/1999", phone="0912345678")
    before = form(page)
    press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, wizard, ChipDialog)
    # No card on the reader yet: the dialog says so.
    type_key(dialog, None, None, "01/01/2024")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.reading and dialog.banner.kind == "error", timeout=READ_TIMEOUT_MS)
    assert text_for("chip_card_absent") in dialog.banner.text()
    with stack.inserted(card):
        type_key(dialog, None, None, "01/01/2034")  # wrong expiry: the chip refuses
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.reading, timeout=READ_TIMEOUT_MS)
        assert text_for("chip_access_denied") in dialog.banner.text() and not dialog.use_button.isEnabled()
        assert form(page) == before
        type_key(dialog, None, None, "01/01/2024")
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.reading, timeout=READ_TIMEOUT_MS)
    assert dialog.banner.kind == "ok" and not dialog.face.pixmap().isNull()
    assert form(page) == before  # not yet: the officer confirms first
    qtbot.waitUntil(lambda: focused() is dialog.use_button)
    press(Qt.Key.Key_Return)
    back_to(qtbot, window)
    assert form(page) == (NAME, "001099012345", "01/01/1999", ADDRESS, "0912345678")
    assert page.card_summary.isVisible()
    press(Qt.Key.Key_Return)
    assert wizard.current == CHECKLIST
    assert wizard.draft.to_request().applicant.name == NAME


# -- right after receiving: scan the papers into the new dossier (Ctrl+G) ------------------------------


def mnemonic(button) -> Qt.Key:
    """The Alt+letter of a button, in whatever language its text is."""
    letter = button.text().split("&")[1][0].upper()
    return Qt.Key(ord(letter))


def receive_by_keyboard(window, qtbot):
    """Name + ID by the chip, all three papers ticked, Enter, Ctrl+Enter: the dossier is saved."""
    from ui.intake_wizard import DONE

    wizard, page = to_applicant(window, qtbot)
    type_fields(page, name=NAME)
    press(Qt.Key.Key_Return)
    assert wizard.current == CHECKLIST
    for _ in range(3):
        press(Qt.Key.Key_Space)
        press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Return)  # the review
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current == DONE
    return wizard


def test_ctrl_g_after_receiving_scans_the_papers_into_the_new_dossier(core, qtbot):
    from devices.scanners.simulated import SimulatedScanner
    from ui.scan_dialog import ScanDialog

    window = open_window(core, qtbot)
    wizard = window.intake
    assert not wizard.scan_button.isVisible()  # only once the dossier exists
    press(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert wizard.scan_dialog is None  # nothing saved yet: nothing to scan into
    wizard.set_scanning({"scanners": {"simulated": lambda: SimulatedScanner(pages=2)}})
    wizard = receive_by_keyboard(window, qtbot)
    code = wizard.done_page.view.code
    assert wizard.scan_button.isVisible()
    press(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = wizard.scan_dialog
    assert isinstance(dialog, ScanDialog) and dialog.isVisible()
    assert dialog.dossier.code == code and dialog.current_code == "TP1"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.waitUntil(lambda: bool(dialog.devices), timeout=30_000)
    arrived = []
    dialog._events.page_added.connect(lambda component, position: arrived.append(component))
    QTest.keyClick(dialog, mnemonic(dialog.scan_button), Qt.KeyboardModifier.AltModifier)  # "Scan"
    qtbot.waitUntil(lambda: len(arrived) == 2, timeout=30_000)
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        QTest.keyClick(dialog, mnemonic(dialog.save_button), Qt.KeyboardModifier.AltModifier)  # keep the PDF
    scans = [d for d in core.dossier(code).documents if d.kind == "scan"]
    assert len(scans) == 1 and arrived == ["TP1", "TP1"]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    back_to(qtbot, window)
    assert wizard.scan_dialog is None


def test_ctrl_g_without_a_scanner_says_so_and_the_dossier_stays_saved(core, qtbot):
    window = open_window(core, qtbot)
    wizard = receive_by_keyboard(window, qtbot)
    code = wizard.done_page.view.code
    press(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert wizard.scan_dialog is None and wizard.banner.kind == "error"
    assert core.dossier(code).status == 2
