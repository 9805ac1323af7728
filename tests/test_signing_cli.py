"""``counter-app sign | verify | tokens`` as real processes against SoftHSM2 and a workspace."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from pkcs11 import TokenFlag

from devices.signing.pkcs11_tokens import Pkcs11Module
from tests.conftest import REPO, make_core
from tests.softhsm import LOCKABLE, OFFICER, hsm, make_pdf, stamp_text  # noqa: F401 (hsm is a fixture)

COUNTER_APP = str(REPO / ".venv" / "bin" / "counter-app")


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    return root


def run(hsm, ws, *args, pin=None):
    env = hsm.env()
    if pin is not None:
        env["OFFICER_PIN"] = pin
    return subprocess.run([COUNTER_APP, "--workspace", str(ws), *map(str, args)], capture_output=True,
                          text=True, timeout=120, env=env)


def sign_args(source, out, *extra):
    return ("sign", source, "--out", out, "--pin-env", "OFFICER_PIN", "--json", *extra)


def test_tokens_lists_certificates_with_key_ids(hsm, ws):
    result = run(hsm, ws, "tokens", "--module", hsm.module, "--json")
    assert result.returncode == 0, result.stderr
    tokens = json.loads(result.stdout)["modules"][0]["tokens"]
    officer = next(t for t in tokens if t["label"] == OFFICER.label)
    rsa = next(c for c in officer["certificates"] if c["key_id"] == "01")
    assert rsa["info"]["common_name"] == "Nguyễn Thị Hồng Nhung" and officer["pin_state"] == "ok"
    text = run(hsm, ws, "tokens", "--module", hsm.module).stdout
    assert "key 04: Phạm Thị Mã Hoá" in text and "not for signing" in text


def test_sign_then_verify_round_trip(hsm, ws, tmp_path):
    source, out = make_pdf(tmp_path / "receipt.pdf"), tmp_path / "signed.pdf"
    result = run(hsm, ws, *sign_args(source, out, "--module", hsm.module, "--key-id", "01",
                                     "--role", "Công chức Một cửa"), pin=OFFICER.pin)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["done"] is True
    assert "Cơ quan: UBND phường Hoa Lư" in stamp_text(out)  # the office's name from the settings

    verified = run(hsm, ws, "verify", out, "--trust", hsm.trust_root, "--json")
    assert verified.returncode == 0, verified.stderr
    sig, = json.loads(verified.stdout)["signatures"]
    assert sig["ok"] and sig["signer"] == "Nguyễn Thị Hồng Nhung" and sig["revocation"] == "not_checked_offline"
    assert "Traceback" not in verified.stderr

    untrusted = run(hsm, ws, "verify", out)
    assert untrusted.returncode == 1 and "chain NOT trusted" in untrusted.stdout

    data = out.read_bytes()
    stamp = re.search(rb"/CreationDate \(D:(\d{14})", data)
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:stamp.start(1)] + b"19990101000000" + data[stamp.end(1):])
    broken = run(hsm, ws, "verify", tampered, "--trust", hsm.trust_root, "--json")
    assert broken.returncode == 1
    assert json.loads(broken.stdout)["signatures"][0]["intact"] is False


def test_wrong_pin_exits_1_with_a_typed_error_and_never_echoes_the_pin(hsm, ws, tmp_path):
    out = tmp_path / "signed.pdf"
    result = run(hsm, ws, *sign_args(make_pdf(tmp_path / "r.pdf"), out, "--module", hsm.module,
                                     "--key-id", "01"), pin="31415926")
    assert result.returncode == 1 and not out.exists()
    assert json.loads(result.stderr)["error"] == "wrong_pin"
    assert "31415926" not in result.stdout + result.stderr
    assert run(hsm, ws, *sign_args(tmp_path / "r.pdf", out, "--module", hsm.module, "--key-id", "01"),
               pin=OFFICER.pin).returncode == 0  # and the right PIN clears SoftHSM's COUNT_LOW again


def test_locked_token_in_a_fresh_process(hsm, ws, tmp_path):
    hsm.set_token_flags(LOCKABLE.label, add=TokenFlag.USER_PIN_LOCKED)
    try:
        listed = json.loads(run(hsm, ws, "tokens", "--module", hsm.module, "--json").stdout)
        locked = next(t for t in listed["modules"][0]["tokens"] if t["label"] == LOCKABLE.label)
        assert locked["pin_state"] == "locked"
        result = run(hsm, ws, *sign_args(make_pdf(tmp_path / "r.pdf"), tmp_path / "s.pdf", "--module",
                                         hsm.module, "--key-id", "d1"), pin=LOCKABLE.pin)
        assert result.returncode == 1 and json.loads(result.stderr)["error"] == "token_locked"
    finally:
        hsm.set_token_flags(LOCKABLE.label, remove=TokenFlag.USER_PIN_LOCKED)
        Pkcs11Module(hsm.module).rescan()


def test_expired_certificate_and_missing_pin_variable(hsm, ws, tmp_path):
    source = make_pdf(tmp_path / "r.pdf")
    expired = run(hsm, ws, *sign_args(source, tmp_path / "s.pdf", "--module", hsm.module, "--key-id", "03"),
                  pin=OFFICER.pin)
    assert json.loads(expired.stderr)["error"] == "certificate_expired"
    no_pin = run(hsm, ws, *sign_args(source, tmp_path / "s.pdf", "--module", hsm.module, "--key-id", "01"))
    assert no_pin.returncode == 1 and json.loads(no_pin.stderr)["error"] == "invalid_input"


def test_simulated_signer_round_trip_in_the_workspace(hsm, ws, tmp_path):
    out = tmp_path / "demo.pdf"
    result = run(hsm, ws, *sign_args(make_pdf(tmp_path / "r.pdf"), out, "--simulated", "--field", "LanhDao",
                                     "--box", "300,600,540,680", "--page", "0"), pin="2468")
    assert result.returncode == 0, result.stderr
    assert (ws / "signing" / "simulated.p12").exists()
    assert b"2468" not in (ws / "signing" / "simulated.p12").read_bytes()

    verified = json.loads(run(hsm, ws, "verify", out, "--json").stdout)  # trusts <ws>/signing/trust
    sig, = verified["signatures"]
    assert sig["ok"] and sig["field"] == "LanhDao" and "mô phỏng" in sig["signer"]

    again = run(hsm, ws, *sign_args(out, tmp_path / "again.pdf", "--simulated"), pin="0000")
    assert json.loads(again.stderr)["error"] == "wrong_pin"
