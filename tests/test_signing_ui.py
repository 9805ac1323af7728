"""Signing from the dossier screen with pytest-qt: PIN by keyboard, wrong PIN, verification view."""
from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.signing import SigningJobs
from devices.signing.simulated import SimulatedSigner
from devices.signing.wiring import gui_signing
from ui.application import create_main_window
from ui.qt import QApplication, Qt
from tests.softhsm import free_port
from ui.signing_dialog import PinCache

PIN = "2468"


@pytest.fixture
def screen(core, qtbot, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_DEMO_PKI_PORT", str(free_port()))  # the demo CA's TSA/OCSP port
    code = core.receive(IntakeRequest(procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 5),
                                      applicant=ApplicantInput(name="Nguyễn Văn An", phone="0912345678"))).code
    core.issue_form(code, "01")
    signer, verifier, completer = gui_signing(core)  # what the composition root hands the GUI (demo key)
    assert isinstance(signer, SimulatedSigner)
    signer.load(PIN)  # the demo key exists, protected by PIN
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.open_dossier(code)
    detail = window.detail
    detail.set_signing(signer, verifier, completer)
    detail.documents.selectRow(0)
    return detail, code


def type_pin(qtbot, dialog, pin: str) -> None:
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.keyClicks(dialog.pin_edit, pin)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)


def sign_then_check(detail, qtbot):
    """Sign the form with the PIN, then open the verification view of the signed copy."""
    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    type_pin(qtbot, detail.signing.pin_dialog, PIN)
    qtbot.waitUntil(lambda: len(detail.view.documents) == 2)
    detail.documents.selectRow(1)
    qtbot.mouseClick(detail.check_button, Qt.MouseButton.LeftButton)
    view = detail.signing.view
    qtbot.waitUntil(view.isVisible)
    return view


def test_wrong_pin_says_so_in_vietnamese_and_signs_nothing_then_the_right_pin_signs(core, screen, qtbot):
    detail, code = screen
    assert detail.sign_button.text() == "&Ký số…" and detail.check_button.isVisible()
    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    dialog = detail.signing.pin_dialog
    assert dialog.pin_edit.echoMode() == dialog.pin_edit.EchoMode.Password

    type_pin(qtbot, dialog, "0000")

    assert dialog.isVisible() and dialog.message.isVisible()
    assert "Sai mã PIN" in dialog.message.text() and "Chưa ký" in dialog.message.text()
    assert [d.kind for d in core.dossier(code).documents] == ["form_01"]
    assert SigningJobs(core).list() == []

    type_pin(qtbot, dialog, PIN)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [d.kind for d in core.dossier(code).documents] == ["form_01", "signed_form_01"]
    job, = SigningJobs(core).pending()
    assert (job.level, job.signer, job.counter, job.filename) == ("B-B", "Trần Thị Mai", "Quầy 1",
                                                                  f"01_{code}_ky.pdf")
    assert "Đã ký 1" in detail.banner.text()
    assert PIN not in "".join(p.read_text(errors="ignore") for p in core.workspace.root.rglob("*.log"))


def test_verification_view_lists_the_signature_in_plain_vietnamese(core, screen, qtbot):
    detail, code = screen

    view = sign_then_check(detail, qtbot)

    row, = view.rows
    assert row[0] == "Hợp lệ" and row[1] == "Trần Thị Mai"
    assert row[3] == "chưa được chứng thực (chưa có dấu thời gian)"
    assert row[4] == "toàn vẹn" and row[6] == "chưa kiểm tra (ngoại tuyến)" and row[7] == "B-B"
    assert view.table.item(6, 0).text() == "chưa kiểm tra (ngoại tuyến)"
    assert view.table.verticalHeaderItem(6).text() == "Thu hồi"
    assert QApplication.translate("SignatureView", "Level") == "Mức"


def test_pin_cache_keeps_the_pin_in_memory_for_its_minutes_only():
    now = [0.0]
    cache = PinCache(minutes=5, clock=lambda: now[0])
    cache.put(PIN)
    now[0] = 299
    assert cache.get() == PIN
    now[0] = 301
    assert cache.get() is None
    off = PinCache(minutes=0)
    off.put(PIN)
    assert off.get() is None
    cache.put(PIN)
    cache.clear()  # idle lock
    assert cache.get() is None


def test_pin_dialog_shows_the_last_try_and_a_locked_token(qtbot):
    from counter_app.errors import TokenLocked, WrongPin
    from ui.i18n import install
    from ui.signing_dialog import PinDialog

    install("vi")
    dialog = PinDialog("CANBO-MOTCUA", 2)
    qtbot.addWidget(dialog)
    dialog.show_error(WrongPin("Wrong PIN", token="CANBO-MOTCUA", tries_left=1, pin_state="final_try"))
    assert dialog.message.text() == "Sai mã PIN. Chỉ còn MỘT lần thử trước khi thiết bị bị khoá."
    assert dialog.pin_edit.isEnabled()
    dialog.show_error(TokenLocked("locked", token="CANBO-MOTCUA"))
    assert "BỊ KHOÁ" in dialog.message.text() and not dialog.pin_edit.isEnabled()
    assert not dialog.buttons.buttons()[0].isEnabled() or not dialog.buttons.buttons()[1].isEnabled()


def test_network_back_in_the_demo_completes_the_signature_from_the_verification_view(core, screen, qtbot):
    detail, code = screen
    pending = sign_then_check(detail, qtbot)
    assert pending.complete_button.isVisible() and pending.complete_button.text() == "Thêm dấu thời gian ngay"
    assert "đang chờ có mạng, hiện ở mức B-B, mục tiêu B-LT" in pending.completion_label.text()

    qtbot.mouseClick(pending.complete_button, Qt.MouseButton.LeftButton)  # the demo CA's services start

    view = detail.signing.view
    assert view is not pending
    qtbot.waitUntil(view.isVisible)
    row, = view.rows
    assert (row[0], row[6], row[7]) == ("Hợp lệ", "chưa bị thu hồi (đã kiểm tra)", "B-LT")
    assert row[3] != "chưa được chứng thực (chưa có dấu thời gian)" and not view.complete_button.isVisible()
    assert "đã hoàn tất, hiện ở mức B-LT" in view.completion_label.text()
    job, = SigningJobs(core).list()
    assert (job.state, job.level) == ("done", "B-LT")
    assert [d.sha256 for d in core.dossier(code).documents][-1] == job.sha256


def test_an_officer_hears_a_result_is_for_the_leader_before_typing_a_pin(core, screen, qtbot):
    from counter_app.documents import attach_document
    from counter_app.dossiers.service import load_dossier

    detail, code = screen
    result_pdf = b"%PDF-1.7\n% the province's result\n"
    sha256 = core.workspace.files.put(result_pdf)
    with core.workspace.db.write() as session:
        attach_document(session, load_dossier(session, code), kind="result", sha256=sha256, size=len(result_pdf),
                        filename="ket_qua.pdf", now=datetime(2026, 11, 26, 9, 0))
    core.accounts.create("mai", "Trần Thị Mai", "officer-pass-1", ["officer"])
    core.login("mai", "officer-pass-1")
    detail.reload()
    row = [d.kind for d in detail.view.documents].index("result")
    detail.documents.selectRow(row)
    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    assert detail.signing.pin_dialog is None  # no PIN asked for a signature the core would refuse
    assert detail.banner.kind == "error" and detail.banner.text()
    assert [d.kind for d in core.dossier(code).documents].count("signed_result") == 0
    detail.documents.selectRow([d.kind for d in detail.view.documents].index("form_01"))
    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    assert detail.signing.pin_dialog is not None  # the intake paper is hers to sign
