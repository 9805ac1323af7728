"""Listing tokens and certificates, vendor module table, PIN flags through SoftHSM2's module."""
from __future__ import annotations

import pytest
from pkcs11 import TokenFlag

from counter_app.errors import KeyNotFound, TokenLocked, TokenNotFound, WrongPin
from counter_app.ports import SignatureSpec, SignJob
from devices.signing import vendors
from devices.signing.pkcs11_errors import pin_state
from devices.signing.pkcs11_signer import TokenSigner
from devices.signing.pkcs11_tokens import Pkcs11Module
from tests.softhsm import LOCKABLE, OFFICER, hsm, make_pdf  # noqa: F401 (hsm is a fixture)


def token(hsm, label):
    return next(t for t in Pkcs11Module(hsm.module).tokens() if t.label == label)


def test_lists_tokens_with_certificates_by_key_id(hsm):
    labels = {t.label for t in Pkcs11Module(hsm.module).tokens()}
    assert labels == set(hsm.tokens)  # the empty SoftHSM slot is not listed as a token

    officer = token(hsm, OFFICER.label)
    assert officer.manufacturer == "SoftHSM project" and len(officer.serial) == 16
    certs = {c.key_id: c.info for c in officer.certificates}
    assert set(certs) == {"01", "02", "03", "04", "05", "ca01"}
    rsa, ec = certs["01"], certs["02"]
    assert rsa.common_name == "Nguyễn Thị Hồng Nhung" and rsa.key_algorithm == "rsa"
    assert ec.key_algorithm == "ec" and "Test Sub CA" in ec.issuer
    assert set(rsa.key_usage) == {"digital_signature", "non_repudiation"} and rsa.can_sign
    assert certs["04"].key_usage == ("key_encipherment",) and not certs["04"].can_sign
    assert not certs["ca01"].can_sign  # a CA certificate is never offered for signing
    assert certs["03"].not_after < rsa.not_after


def test_key_is_chosen_by_id_and_ambiguity_is_refused(hsm):
    module = Pkcs11Module(hsm.module)
    found = module.find_key(bytes.fromhex("02"))
    assert found.token_label == OFFICER.label and found.key_id == b"\x02"
    assert len(found.others) == 5  # the other certificates, the CA one among them, form the chain
    with pytest.raises(KeyNotFound) as caught:
        module.find_key(None)  # several signing keys are plugged in
    assert "01" in caught.value.details["key_ids"] and "b1" in caught.value.details["key_ids"]
    only = module.find_key(None, token_serial=token(hsm, LOCKABLE.label).serial)
    assert only.key_id.hex() == "d1"


def test_missing_module_is_a_clear_error(tmp_path):
    with pytest.raises(TokenNotFound, match="Cannot load the PKCS#11 module"):
        Pkcs11Module(str(tmp_path / "no-such-module.so")).tokens()


def test_vendor_table_covers_the_vietnamese_cas_on_both_platforms():
    for vendor in ("VNPT-CA", "Viettel-CA", "BKAV-CA", "FPT-CA", "Ban Cơ yếu Chính phủ"):
        platforms = {m.platform for m in vendors.KNOWN_MODULES if m.vendor == vendor}
        assert platforms == {"windows", "linux"}, vendor
    verified = [m for m in vendors.KNOWN_MODULES if m.verified]
    assert all(m.platform == "linux" and m.path.endswith(".so") for m in verified)
    assert vendors.SOFTHSM in [m.path for m in vendors.installed_modules("linux")]


def test_default_module_follows_the_environment(monkeypatch):
    monkeypatch.setenv(vendors.ENV_MODULE, "/opt/vendor/libtoken.so")
    assert vendors.default_module() == "/opt/vendor/libtoken.so"
    monkeypatch.delenv(vendors.ENV_MODULE)
    assert vendors.default_module() == vendors.installed_modules()[0].path


def test_pin_state_reads_the_pkcs11_flags():
    assert pin_state(TokenFlag.LOGIN_REQUIRED) == "ok"
    assert pin_state(TokenFlag.USER_PIN_COUNT_LOW) == "count_low"
    assert pin_state(TokenFlag.USER_PIN_COUNT_LOW | TokenFlag.USER_PIN_FINAL_TRY) == "final_try"
    assert pin_state(TokenFlag.USER_PIN_FINAL_TRY | TokenFlag.USER_PIN_LOCKED) == "locked"


@pytest.fixture
def lockable(hsm):
    """The token whose stored flags the test changes; restored afterwards."""
    yield LOCKABLE
    hsm.set_token_flags(LOCKABLE.label, remove=TokenFlag.USER_PIN_LOCKED | TokenFlag.USER_PIN_FINAL_TRY
                        | TokenFlag.USER_PIN_COUNT_LOW)
    assert Pkcs11Module(hsm.module).rescan()


def sign(hsm, tmp_path, pin):
    out = tmp_path / "signed.pdf"
    TokenSigner(hsm.module, "d1").sign_batch([SignJob(make_pdf(tmp_path / "in.pdf"), out)], SignatureSpec(), pin=pin)
    return out


def test_final_try_flag_gives_one_try_left(hsm, tmp_path, lockable):
    hsm.set_token_flags(lockable.label, add=TokenFlag.USER_PIN_FINAL_TRY)
    assert Pkcs11Module(hsm.module).rescan()  # what the UI's token poll does
    assert token(hsm, lockable.label).pin_state == "final_try"

    with pytest.raises(WrongPin) as caught:
        sign(hsm, tmp_path, "999999")
    assert caught.value.details["tries_left"] == 1 and "ONE try" in caught.value.message


def test_locked_token_is_refused_without_trying_the_pin(hsm, tmp_path, lockable):
    hsm.set_token_flags(lockable.label, add=TokenFlag.USER_PIN_LOCKED)
    assert Pkcs11Module(hsm.module).rescan()

    with pytest.raises(TokenLocked):
        sign(hsm, tmp_path, "999999")
    with pytest.raises(TokenLocked):  # even the right PIN: a locked token needs its PUK first
        sign(hsm, tmp_path, lockable.pin)
    assert not (tmp_path / "signed.pdf").exists()
    flags = next(t for t in Pkcs11Module(hsm.module).present_tokens() if t.label == lockable.label).flags
    assert not flags & TokenFlag.USER_PIN_COUNT_LOW  # no C_Login reached the token


def test_softhsm_itself_never_locks(hsm, tmp_path, lockable):
    """Documented limit: SoftHSM2 counts nothing; after many wrong PINs it still only says COUNT_LOW."""
    for _ in range(6):
        with pytest.raises(WrongPin):
            sign(hsm, tmp_path, "999999")
    assert token(hsm, lockable.label).pin_state == "count_low"
    assert sign(hsm, tmp_path, lockable.pin).exists()
