"""Batch signing from the dossier screen: every unsigned document, one PIN, one progress bar,
through the real SoftHSM2 token (pytest-qt)."""
from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.signing import SigningJobs
from devices.signing.pkcs11_signer import TokenSigner
from devices.signing.verify import verify_pdf
from tests.softhsm import BATCH, hsm, make_pdf  # noqa: F401  (fixture)
from ui.application import create_main_window
from ui.qt import QCoreApplication, Qt
from ui.signing_actions import unsigned_documents
from ui.signing_dialog import SigningProgress


def new_dossier(core, name: str, tmp_path) -> str:
    code = core.receive(IntakeRequest(procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 5),
                                      applicant=ApplicantInput(name=name, phone="0912345678"))).code
    core.issue_form(code, "01")
    view = core.dossier(code)
    core.attach_scan(code, view.components[0].code, make_pdf(tmp_path / f"{code}.pdf", "Bản sao").read_bytes(), 1)
    return code


@pytest.fixture
def screen(core, hsm, qtbot, tmp_path):  # noqa: F811
    first, second = new_dossier(core, "Nguyễn Văn An", tmp_path), new_dossier(core, "Lê Thị Bình", tmp_path)
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.open_dossier(first)
    detail = window.detail
    detail.set_signing(TokenSigner(hsm.module, "b1"), lambda path: verify_pdf(path, [hsm.trust_root]),
                       pin_minutes=0)
    return detail, first, second


def type_pin(qtbot, dialog, pin):
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.pin_edit, pin)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)


def test_sign_all_unsigned_asks_the_pin_once_and_fills_one_progress_bar(core, screen, qtbot):
    detail, first, _ = screen
    assert detail.sign_all_button.isVisible() and "&" in detail.sign_all_button.text()

    qtbot.mouseClick(detail.sign_all_button, Qt.MouseButton.LeftButton)
    dialog = detail.signing.pin_dialog
    assert "2" in dialog.findChildren(type(dialog.message))[0].text()  # "Sign 2 document(s) with …"
    type_pin(qtbot, dialog, BATCH.pin)

    qtbot.waitUntil(lambda: len(SigningJobs(core).list()) == 2)
    bar = detail.findChildren(SigningProgress)[-1].bar
    assert (bar.maximum(), bar.value()) == (2, 2)
    kinds = sorted(d.kind for d in core.dossier(first).documents)
    assert kinds == ["form_01", "scan", "signed_form_01", "signed_scan"]
    assert {j.dossier_code for j in SigningJobs(core).list()} == {first}
    assert unsigned_documents(core, [first]) == []

    qtbot.mouseClick(detail.sign_all_button, Qt.MouseButton.LeftButton)  # nothing left: no PIN asked

    assert detail.banner.text() == QCoreApplication.translate("SigningActions", "Every document is already signed.")
    assert len(SigningJobs(core).list()) == 2


def test_unsigned_documents_of_several_dossiers_are_signed_in_one_batch(core, screen, qtbot, tmp_path):
    detail, first, second = screen

    detail.signing.sign_unsigned([first, second])
    type_pin(qtbot, detail.signing.pin_dialog, BATCH.pin)

    qtbot.waitUntil(lambda: len(SigningJobs(core).list()) == 4)
    assert detail.findChildren(SigningProgress)[-1].bar.maximum() == 4
    for code in (first, second):
        signed = [d for d in core.dossier(code).documents if d.kind.startswith("signed_")]
        assert len(signed) == 2
        for document in signed:
            path = tmp_path / f"check-{document.id}.pdf"
            path.write_bytes(core.document_bytes(document.sha256))
            report, = verify_pdf(path, [])
            assert report.valid and report.intact and report.signer == "Vũ Thị Lô"


def test_a_wrong_pin_signs_nothing_and_asks_again_for_the_same_batch(core, screen, qtbot):
    detail, first, second = screen
    detail.signing.sign_unsigned([first, second])
    dialog = detail.signing.pin_dialog

    type_pin(qtbot, dialog, "000000")

    assert dialog.isVisible() and dialog.message.isVisible() and SigningJobs(core).list() == []
    type_pin(qtbot, dialog, BATCH.pin)
    qtbot.waitUntil(lambda: len(SigningJobs(core).list()) == 4)
