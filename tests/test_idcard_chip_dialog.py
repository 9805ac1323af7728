"""The chip dialog (pytest-qt, offscreen): reading the emulated card through pcscd + vpcd on a worker."""
from __future__ import annotations

from datetime import date

import pytest

from counter_app.idcard import parse_cccd
from devices.idcard.demo_card import make_test_card
from devices.idcard.pcsc_reader import PcscChipReader
from devices.idcard.simulated import SimulatedChipReader
from devices.qr.simulated import TEST_CARD
from tests.pcsc_stack import pcsc_stack
from ui.chip_dialog import ChipDialog, to_yymmdd
from ui.messages import text_for
from ui.qt import QDialog, Qt, QTest
from ui.workers import TaskRunner

READ_TIMEOUT_MS = 30_000  # a bound, not a speed check: the read normally takes a few seconds


@pytest.fixture(scope="module")
def card():
    return make_test_card()


def open_dialog(qtbot, reader, **kwargs) -> ChipDialog:
    dialog = ChipDialog(reader, runner=TaskRunner(), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_key(dialog, doc: str, birth: str, expiry: str) -> None:
    for edit, text in ((dialog.doc_number, doc), (dialog.birth, birth), (dialog.expiry, expiry)):
        edit.clear()
        QTest.keyClicks(edit, text)


def wait_read(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.reading, timeout=READ_TIMEOUT_MS)


def test_reads_the_virtual_chip_shows_face_and_authenticity_and_returns_the_applicant(qtbot, card):
    stack = pcsc_stack()
    with stack.inserted(card):
        dialog = open_dialog(qtbot, PcscChipReader(stack.reader), card=parse_cccd(TEST_CARD))
        # The QR gave the ID and the birth date; the expiry is suggested from the issue date.
        assert (dialog.doc_number.text(), dialog.birth.text(), dialog.expiry.text()) == \
               ("001099012345", "01/01/1999", "01/01/2024")
        dialog.read_button.click()
        assert dialog.reading
        wait_read(qtbot, dialog)
    assert dialog.banner.kind == "ok" and "not checked" in dialog.banner.text()
    assert not dialog.face.pixmap().isNull() and dialog.face.pixmap().width() > 0
    assert "Nguyễn Văn An" in dialog.details.text() and "Trần Thị Cúc" in dialog.details.text()
    assert dialog.use_button.isEnabled()
    QTest.keyClick(dialog.use_button, Qt.Key.Key_Space)
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.card()
    assert (chosen.full_name, chosen.id_number, chosen.birth_date, chosen.address) == \
           ("Nguyễn Văn An", "001099012345", date(1999, 1, 1), "Số 1, Phường Hoa Lư, Ninh Bình")


def test_wrong_details_and_no_card_show_what_to_do(qtbot, card):
    stack = pcsc_stack()
    dialog = open_dialog(qtbot, PcscChipReader(stack.reader))
    type_key(dialog, "001099012345", "01/01/1999", "01/01/2034")
    with stack.inserted(card):
        dialog.read_button.click()
        wait_read(qtbot, dialog)
        assert dialog.banner.kind == "error"
        assert text_for("chip_access_denied") in dialog.banner.text()
        assert not dialog.use_button.isEnabled() and dialog.card() is None
    dialog.read_button.click()
    wait_read(qtbot, dialog)
    assert text_for("chip_card_absent") in dialog.banner.text() and not dialog.use_button.isEnabled()


def test_bad_input_is_caught_before_the_reader_and_marks_the_field(qtbot):
    reader = SimulatedChipReader()
    dialog = open_dialog(qtbot, reader)
    type_key(dialog, "0010990123", "01/01/1999", "01/01/2024")  # 10 digits
    dialog.read_button.click()
    assert not dialog.reading and dialog.banner.kind == "error"
    assert dialog.doc_number.property("invalid") == "true" and dialog.focusWidget() is dialog.doc_number
    type_key(dialog, "001099012345", "31/02/1999", "01/01/2024")
    dialog.read_button.click()
    assert dialog.birth.property("invalid") == "true" and "birth date" in dialog.banner.text()


def test_a_chip_failing_passive_authentication_cannot_be_used(qtbot):
    card = make_test_card()
    card.files[0x010D] = card.files[0x010D].replace("Nguyễn Văn An".encode(), "Nguyễn Văn Em".encode())
    dialog = open_dialog(qtbot, SimulatedChipReader(card))
    type_key(dialog, "001099012345", "990101", "240101")
    dialog.read_button.click()
    wait_read(qtbot, dialog)
    assert dialog.banner.kind == "error" and "Not authentic" in dialog.banner.text() and "DG13" in dialog.banner.text()
    assert not dialog.use_button.isEnabled() and dialog.card() is None


def test_dates_typed_as_on_the_card_or_as_in_the_mrz():
    assert to_yymmdd("01/01/1999") == "990101"
    assert to_yymmdd("5-3-2040") == "400305"
    assert to_yymmdd("990101") == "990101"


def test_open_chip_dialog_hands_the_card_to_the_form(qtbot):
    from ui.chip_dialog import open_chip_dialog
    from ui.qt import QWidget

    form = QWidget()
    qtbot.addWidget(form)
    received = []
    dialog = open_chip_dialog(form, SimulatedChipReader(), TaskRunner(synchronous=True), received.append,
                              card=parse_cccd(TEST_CARD))
    dialog.read_button.click()  # synchronous runner: read at once
    assert dialog.use_button.isEnabled()
    QTest.keyClick(dialog.use_button, Qt.Key.Key_Space)
    assert [c.full_name for c in received] == ["Nguyễn Văn An"]
    cancelled = open_chip_dialog(form, SimulatedChipReader(), TaskRunner(synchronous=True), received.append)
    QTest.keyClick(cancelled, Qt.Key.Key_Escape)
    assert len(received) == 1
