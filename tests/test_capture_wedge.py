"""A 2D scanner in keyboard-wedge mode "types" the CCCD QR fast, ending in Enter: the intake
wizard recognises the burst anywhere, fills the applicant and shows what was read."""
from __future__ import annotations


from tests.test_ui_intake import choose_procedure, focused, press, type_text, window  # noqa: F401
from ui.intake_wizard import APPLICANT, CHECKLIST, PROCEDURE
from ui.messages import text_for
from ui.qt import Qt

CARD = "036305001234||Trần Thị Bình|15062005|Nữ|Xóm 2, xã Hải Hậu, tỉnh Nam Định|01022022"


def scan(text: str) -> None:
    """What the scanner sends: one key event per character (Vietnamese included), then Enter."""
    type_text(text)
    press(Qt.Key.Key_Return)


def test_scan_on_the_applicant_step_fills_the_form_and_shows_what_was_read(window):  # noqa: F811
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    page = wizard.applicant_page
    page.phone.setText("0912345678")
    assert focused() is page.name
    scan(CARD)
    assert wizard.current == APPLICANT  # the scanner's Enter did not move on
    assert page.name.text() == "Trần Thị Bình"
    assert page.id_number.text() == "036305001234"
    assert page.birth_date.text() == "15/06/2005"
    assert page.address.text() == "Xóm 2, xã Hải Hậu, tỉnh Nam Định"
    assert page.phone.text() == "0912345678"  # kept
    assert page.card_summary.isVisible() and "036305001234" in page.card_summary.text()
    assert "Nữ" in page.card_summary.text() and "01/02/2022" in page.card_summary.text()
    assert wizard.banner.kind == "info"
    press(Qt.Key.Key_Return)  # the officer confirms
    assert wizard.current == CHECKLIST
    assert wizard.draft.to_request().applicant.id_number == "036305001234"


def test_scan_while_on_the_procedure_step_is_kept_for_the_applicant_step(window):  # noqa: F811
    wizard = window.intake
    assert wizard.current == PROCEDURE
    scan(CARD + "|extra")  # a newer card with one more field
    assert wizard.procedure_page.search.text() == ""  # the burst did not land in the search box
    choose_procedure(wizard, "khai sinh")
    page = wizard.applicant_page
    assert page.name.text() == "Trần Thị Bình" and page.birth_date.text() == "15/06/2005"
    assert "⚠" in page.card_summary.text()  # the extra field is mentioned


def test_garbled_scan_is_repaired_and_the_officer_is_warned(window):  # noqa: F811
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    garbled = "".join(bytes([b]).decode("latin-1") for b in CARD.encode("utf-8"))
    scan(garbled)
    page = wizard.applicant_page
    assert page.name.text() == "Trần Thị Bình"
    assert "sửa" in page.card_summary.text()  # "…đã sửa lại: hãy kiểm tra."


def test_cut_short_scan_explains_what_to_do_and_changes_nothing(window):  # noqa: F811
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    page = wizard.applicant_page
    type_text("Nguyễn Văn An")
    page.id_number.setFocus()
    scan("036305001234||Trần Thị Bình|1506")
    assert wizard.current == APPLICANT
    assert page.name.text() == "Nguyễn Văn An" and page.id_number.text() == ""
    assert wizard.banner.kind == "error" and text_for("qr_unreadable") in wizard.banner.text()


def test_ordinary_fast_typing_and_enter_still_moves_on(window):  # noqa: F811
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")  # "khai sinh" + Enter, as fast as a scanner
    type_text("Nguyễn Văn An có một tên rất dài không có dấu gạch")
    press(Qt.Key.Key_Return)
    assert wizard.current == CHECKLIST  # not taken for a scan: no "|" separators


def test_slow_keys_are_not_a_burst(window, qtbot):  # noqa: F811
    wizard = window.intake
    choose_procedure(wizard, "khai sinh")
    clock = iter(float(n) for n in range(1000))  # one second between keys: a person typing
    wizard.wedge._clock = lambda: next(clock)
    scan(CARD)
    assert wizard.current == CHECKLIST or wizard.applicant_page.card_summary.isHidden()
    assert not wizard.applicant_page.card_summary.isVisible()
    assert wizard.applicant_page.name.text().endswith("01022022")
