"""The intake wizard driven by the keyboard alone, against a real workspace and core."""
from __future__ import annotations

import io
import unicodedata
from datetime import date

import pypdf
import pytest

from ui.application import create_main_window
from ui.intake_wizard import APPLICANT, CHECKLIST, DONE, PROCEDURE, REVIEW
from ui.messages import text_for
from devices.simulated_printer import SimulatedPrinter
from ui.qt import QApplication, QCheckBox, QPrinter, Qt, QTest

NAME = "Nguyễn Văn An"
ID_NUMBER = "001099012345"


@pytest.fixture
def window(core, qtbot):
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # keys go to the active window
    return window


def focused():
    return QApplication.focusWidget()


def type_text(text: str) -> None:
    """Type like a Vietnamese keyboard (IME) does: one key event per character, with its text."""
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return unicodedata.normalize("NFC", text)


def choose_procedure(wizard, query: str) -> None:
    assert wizard.current == PROCEDURE
    assert focused() is wizard.procedure_page.search  # focused on open: just type
    type_text(query)
    press(Qt.Key.Key_Return)
    assert wizard.current == APPLICANT


def enter_applicant(id_number: str = ID_NUMBER) -> None:
    for value in (NAME, id_number, "01/01/1990", "Số 1, phường Hoa Lư, Ninh Bình", "0912 345 678",
                  "an.nguyen@example.vn"):
        type_text(value)
        press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Return)


def tick_papers(count: int, wizard) -> None:
    """Space on each paper's box; Tab skips the (disabled) reason of a ticked paper."""
    for _ in range(count):
        assert isinstance(focused(), QCheckBox)
        press(Qt.Key.Key_Space)
        press(Qt.Key.Key_Tab)


def receive_complete_birth(wizard):
    """A complete "khai sinh" by keyboard, through the review; returns the done page."""
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    tick_papers(3, wizard)
    press(Qt.Key.Key_Return)  # the review
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current == DONE
    return wizard.done_page


def stored_form(core, code: str, form_id: str) -> bytes:
    dossier = core.dossier(code)
    documents = [d for d in dossier.documents if d.kind == f"form_{form_id}"]
    assert len(documents) == 1, dossier.documents
    return core.document_bytes(documents[0].sha256)


def test_complete_dossier_by_keyboard_only(window, core):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")  # no accents: finds "Đăng ký khai sinh"
    assert wizard.draft.procedure.code == "1.001193"
    assert wizard.current == APPLICANT and focused() is wizard.applicant_page.name
    enter_applicant()
    assert wizard.current == CHECKLIST
    tick_papers(3, wizard)
    assert wizard.checklist_page.indicator.kind == "ok"
    press(Qt.Key.Key_Return)
    assert wizard.current == REVIEW
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert wizard.current == DONE
    code = wizard.done_page.code.text()
    dossier = core.dossier(code)
    assert dossier.status == 2
    assert dossier.applicant_name == NAME
    assert dossier.id_number == ID_NUMBER
    assert dossier.birth_date == date(1990, 1, 1)
    assert dossier.phone == "0912345678"
    assert dossier.email == "an.nguyen@example.vn"
    assert all(c.received for c in dossier.components)
    assert dossier.due_at is not None
    assert wizard.review_page.appointment.text().endswith(dossier.due_at.strftime("%H:%M %d/%m/%Y"))
    text = pdf_text(stored_form(core, code, "01"))
    assert NAME in text and code in text
    assert wizard.done_page.pdf is not None and wizard.done_page.print_button.isEnabled()

    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # next citizen
    assert wizard.current == PROCEDURE and wizard.draft.procedure is None
    assert focused() is wizard.procedure_page.search


def test_incomplete_dossier_gets_form_02(window, core):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    press(Qt.Key.Key_Space)  # paper 1 received
    press(Qt.Key.Key_Tab)  # paper 2 (required) missing: leave it, give the reason
    press(Qt.Key.Key_Tab)
    type_text("Chưa có giấy chứng sinh")
    assert wizard.checklist_page.indicator.kind == "warn"
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)  # paper 3
    press(Qt.Key.Key_Return)
    assert wizard.current == REVIEW
    assert "02" in wizard.review_page.outcome.text()
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    code = wizard.done_page.code.text()
    dossier = core.dossier(code)
    assert dossier.status == 5
    missing = [c for c in dossier.components if not c.received]
    assert [(c.code, c.missing_reason) for c in missing] == [("TP2", "Chưa có giấy chứng sinh")]
    text = pdf_text(stored_form(core, code, "02"))
    assert NAME in text and "Giấy chứng sinh" in text


def test_refusal_gets_form_03(window, core, qtbot):
    wizard = window.intake
    choose_procedure(wizard, "bien dong")
    enter_applicant()
    page = wizard.checklist_page
    mnemonic = page.refuse.text().split("&")[1][0].upper()  # "Từ &chối…": Alt+C
    press(Qt.Key(ord(mnemonic)), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.refuse.isChecked, timeout=2000)  # a mnemonic clicks with a short animation
    press(Qt.Key.Key_Return)  # a refusal without a reason is stopped
    assert wizard.current == CHECKLIST and page.refusal_error.isVisible()
    assert focused() is page.refusal_reason
    type_text("Không thuộc thẩm quyền của UBND xã")
    press(Qt.Key.Key_Return)
    assert wizard.current == REVIEW
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    code = wizard.done_page.code.text()
    assert core.dossier(code).status == 3
    text = pdf_text(stored_form(core, code, "03"))
    assert "Không thuộc thẩm quyền" in text and NAME in text


def test_bad_id_number_is_explained_and_nothing_is_lost(window, core):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    enter_applicant(id_number="12345")
    page = wizard.applicant_page
    assert wizard.current == APPLICANT  # not accepted
    error = page.errors["id_number"]
    assert error.isVisible() and "12 chữ số" in error.text()
    assert focused() is page.id_number
    assert page.name.text() == NAME and page.id_number.text() == "12345"
    assert page.phone.text() == "0912 345 678"
    page.id_number.selectAll()
    type_text(ID_NUMBER)
    press(Qt.Key.Key_Return)
    assert wizard.current == CHECKLIST and not error.isVisible()
    press(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back: still all there
    assert wizard.current == APPLICANT and page.name.text() == NAME and page.id_number.text() == ID_NUMBER


def test_storage_failure_keeps_the_draft(window, core):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    enter_applicant()
    tick_papers(3, wizard)
    press(Qt.Key.Key_Return)
    # The database disappears under the app (USB disk pulled, folder wiped): saving must fail cleanly.
    core.workspace.db.dispose()
    core.workspace.db_path.unlink()
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current == REVIEW
    assert wizard.banner.kind == "error"
    assert text_for("workspace") in wizard.banner.text() and "thử lại" in wizard.banner.text()
    assert not wizard.saving and wizard.next_button.isEnabled()
    assert wizard.draft.name == NAME and wizard.draft.id_number == ID_NUMBER


def test_escape_asks_before_discarding(window, qtbot):
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    type_text(NAME)
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = QApplication.activeModalWidget()
    assert "hủy" in box.windowTitle().lower()
    QTest.keyClick(box, Qt.Key.Key_Return)  # the default answer is "Keep entering"
    qtbot.waitUntil(lambda: not box.isVisible())
    assert wizard.current == APPLICANT and wizard.applicant_page.name.text() == NAME
    qtbot.waitUntil(lambda: focused() is not None)
    press(Qt.Key.Key_Escape)  # asked again; this time discard
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = QApplication.activeModalWidget()
    discard = next(b for b in box.buttons() if "Bỏ" in b.text())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)  # mnemonics work in the active window
    QTest.keyClick(box, Qt.Key(ord(discard.text().split("&")[1][0].upper())), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.current == PROCEDURE)
    assert wizard.draft.procedure is None and wizard.draft.name == ""
    qtbot.waitUntil(lambda: focused() is wizard.procedure_page.search)
    choose_procedure(wizard, "khai sinh")  # the next citizen starts with empty fields
    assert wizard.applicant_page.name.text() == ""


def test_form_prints_through_qprinter_and_saves(window, core, tmp_path, qtbot):
    done = receive_complete_birth(window.intake)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the dialog's choice, here a PDF file
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    done.pdf_actions.send_to_printer(printer, done.pdf)
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == len(pypdf.PdfReader(io.BytesIO(done.pdf)).pages)
    assert done.message.kind == "info" and "trang tới máy in" in done.message.text()
    assert done.pdf_actions.write(done.pdf, tmp_path / "copy")
    assert (tmp_path / "copy.pdf").read_bytes() == done.pdf
    assert not done.pdf_actions.write(done.pdf, tmp_path / "no-such-folder" / "x.pdf")
    assert done.message.kind == "error" and "thư mục khác" in done.message.text()


def test_status_bar_names_office_counter_officer_and_printer(core, qtbot, tmp_path):
    printer = SimulatedPrinter(tmp_path / "printed", paper=False)
    window = create_main_window(core, printer, language="vi", synchronous=True)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Quầy Một Cửa — UBND phường Hoa Lư"
    assert window.counter_label.text() == "Quầy: Quầy 1"
    assert window.printer_label.text() == "Máy in phiếu: hết giấy"
    printer.paper = True
    window.check_printer()
    assert window.printer_label.text() == "Máy in phiếu: sẵn sàng"
