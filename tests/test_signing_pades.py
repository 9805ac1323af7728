"""PAdES B-B signing through SoftHSM2's real PKCS#11 module, checked by pyHanko and pdfsig."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from counter_app.errors import (CertificateExpired, CertificateNotYetValid, KeyNotFound, KeyUsageNotSigning,
                                WrongPin)
from counter_app.ports import SignatureSpec, Signer, SignJob
from devices.signing.pkcs11_signer import TokenSigner
from devices.signing.pkcs11_tokens import Pkcs11Module
from devices.signing.verify import verify_pdf
from tests.softhsm import OFFICER, hsm, make_pdf, stamp_text  # noqa: F401 (hsm is a fixture)

SPEC = SignatureSpec(role="Công chức Bộ phận Một cửa", agency="UBND phường Hoa Lư")


def pdfsig(path: Path) -> list[str]:
    """Poppler's validator, independent of pyHanko: one block of lines per signature."""
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=True).stdout
    return out.split("Signature #")[1:]


def sign_one(hsm, key_id, source, output, spec=SPEC, pin=OFFICER.pin):
    outcome, = TokenSigner(hsm.module, key_id).sign_batch([SignJob(source, output)], spec, pin=pin)
    return outcome


@pytest.mark.parametrize("key_id, name", [("01", "Nguyễn Thị Hồng Nhung"), ("02", "Trần Văn Bình")],
                         ids=["rsa2048", "ec-p256"])
def test_sign_verifies_with_pyhanko_and_pdfsig(hsm, tmp_path, key_id, name):
    signed = tmp_path / "signed.pdf"
    outcome = sign_one(hsm, key_id, make_pdf(tmp_path / "receipt.pdf"), signed)

    assert outcome.done and outcome.signed_at.tzinfo is not None
    report, = verify_pdf(signed, [hsm.trust_root])
    assert (report.signer, report.intact, report.valid, report.trusted) == (name, True, True, True)
    assert report.coverage == "whole_document" and report.ok
    assert report.chain[-1].startswith("Common Name: Test Root CA") and len(report.chain) == 3
    assert report.level == "B-B" and not report.time_trusted and report.revocation == "not_checked_offline"
    assert abs((report.claimed_time - outcome.signed_at).total_seconds()) < 1
    block, = pdfsig(signed)
    assert "Signature Validation: Signature is Valid." in block
    assert "Total document signed" in block and "ETSI.CAdES.detached" in block
    assert f"Common Name: {name}" in block


def test_stamp_shows_vietnamese_name_role_agency_and_local_time(hsm, tmp_path):
    signed = tmp_path / "signed.pdf"
    outcome = sign_one(hsm, "01", make_pdf(tmp_path / "receipt.pdf"), signed)

    text = stamp_text(signed)
    assert "Ký bởi: Nguyễn Thị Hồng Nhung" in text
    assert "Chức vụ: Công chức Bộ phận Một cửa" in text and "Cơ quan: UBND phường Hoa Lư" in text
    assert f"Thời gian ký: {outcome.signed_at:%H:%M %d/%m/%Y}" in text


def test_the_token_adapter_is_a_signer_port(hsm):
    assert isinstance(TokenSigner(hsm.module, "01"), Signer)
    assert TokenSigner(hsm.module, "01").status().ready


def test_second_signature_keeps_the_first_valid(hsm, tmp_path):
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    sign_one(hsm, "01", make_pdf(tmp_path / "receipt.pdf"), first)
    leader = SignatureSpec(role="Phó Chủ tịch", agency="UBND phường Hoa Lư", box=(40, 40, 270, 112), page=0)
    sign_one(hsm, "02", first, second, spec=leader)

    assert second.read_bytes().startswith(first.read_bytes())  # an incremental update
    one, two = verify_pdf(second, [hsm.trust_root])
    assert one.ok and one.coverage == "earlier_revision" and one.changes_after == "form_filling"
    assert two.ok and two.coverage == "whole_document"
    blocks = pdfsig(second)
    assert all("Signature is Valid." in b for b in blocks)
    assert "Not total document signed" in blocks[0] and "Total document signed" in blocks[1]


def test_named_field_of_a_form_is_filled(hsm, tmp_path):
    source = make_pdf(tmp_path / "form.pdf", field="CanBoTiepNhan")
    signed = tmp_path / "signed.pdf"
    sign_one(hsm, "01", source, signed, spec=SignatureSpec(field_name="CanBoTiepNhan", role="Công chức"))

    report, = verify_pdf(signed, [hsm.trust_root])
    assert report.field == "CanBoTiepNhan" and report.ok
    assert "Chức vụ: Công chức" in stamp_text(signed, 0)


def test_real_receipt_form_01_signs(hsm, tmp_path, core):
    from counter_app.dossiers.intake import ApplicantInput, IntakeRequest

    view = core.receive(IntakeRequest(procedure_code="1.001193",
                                      applicant=ApplicantInput(name="Nguyễn Văn An", id_number="037099012345")))
    receipt = tmp_path / "01.pdf"
    receipt.write_bytes(core.issue_form(view.code, "01"))
    sign_one(hsm, "01", receipt, tmp_path / "01-signed.pdf")

    report, = verify_pdf(tmp_path / "01-signed.pdf", [hsm.trust_root])
    assert report.ok and "Signature is Valid." in pdfsig(tmp_path / "01-signed.pdf")[0]


def test_wrong_pin_raises_and_writes_nothing(hsm, tmp_path):
    out = tmp_path / "signed.pdf"
    with pytest.raises(WrongPin) as caught:
        sign_one(hsm, "01", make_pdf(tmp_path / "receipt.pdf"), out, pin="000000")

    assert caught.value.details["pin_state"] == "count_low"  # SoftHSM raises CKF_USER_PIN_COUNT_LOW
    assert "000000" not in caught.value.message
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "receipt.pdf"]
    officer = next(t for t in Pkcs11Module(hsm.module).tokens() if t.label == OFFICER.label)
    assert officer.pin_state == "count_low"
    sign_one(hsm, "01", tmp_path / "receipt.pdf", out)  # the right PIN clears the flag
    officer = next(t for t in Pkcs11Module(hsm.module).tokens() if t.label == OFFICER.label)
    assert officer.pin_state == "ok" and out.exists()


@pytest.mark.parametrize("key_id, error", [("03", CertificateExpired), ("05", CertificateNotYetValid),
                                           ("04", KeyUsageNotSigning)], ids=["expired", "not-yet", "usage"])
def test_unusable_certificate_refused_before_the_pin_is_tried(hsm, tmp_path, key_id, error):
    out = tmp_path / "signed.pdf"
    with pytest.raises(error):
        sign_one(hsm, key_id, make_pdf(tmp_path / "receipt.pdf"), out, pin="wrong-pin")

    assert not out.exists()
    officer = next(t for t in Pkcs11Module(hsm.module).tokens() if t.label == OFFICER.label)
    assert officer.pin_state == "ok"  # no login was attempted with the wrong PIN


def test_unknown_key_id_is_reported(hsm, tmp_path):
    with pytest.raises(KeyNotFound):
        sign_one(hsm, "7f", make_pdf(tmp_path / "receipt.pdf"), tmp_path / "signed.pdf")
