"""A real PKCS#11 token for the demo: SoftHSM2 inside the demo workspace.

``prepare_demo_token`` (run by ``counter-app demo`` when softhsm2 is installed) makes
``<workspace>/signing/softhsm/`` with its own ``softhsm2.conf`` and ``tokens/`` folder (the
system's tokens are never touched), initialises the token ``QMC-DEMO`` (user PIN
``123456``, documented in the README, demo only), generates an EC P-256 key ON the token
and stores next to it (same CKA_ID ``01``) a certificate from the workspace's demo CA,
whose TSA/OCSP are the demo's "network" (devices/signing/demo_pki.py).

``active_demo_token`` then points this process's SoftHSM at that folder, so the GUI and
``counter-app sign --simulated`` sign through the real PKCS#11 module.

Why a subprocess for key generation: SoftHSM reads SOFTHSM2_CONF at C_Initialize, once per
process, and the caller may already use another SoftHSM configuration (tests do).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from devices.signing.vendors import SOFTHSM

LABEL = "QMC-DEMO"
PIN = "123456"  # demo only: printed in the README and in the folder's README.txt
SO_PIN = "12345678"
KEY_ID = "01"
CONF_ENV = "SOFTHSM2_CONF"


@dataclass(frozen=True)
class DemoToken:
    folder: Path  # <workspace>/signing/softhsm
    module: str
    label: str = LABEL
    key_id: str = KEY_ID
    pin: str = PIN

    @property
    def conf(self) -> Path:
        return self.folder / "softhsm2.conf"

    def env(self) -> dict[str, str]:
        return dict(os.environ, **{CONF_ENV: str(self.conf)})


def softhsm_available(module: str = SOFTHSM) -> bool:
    return Path(module).exists() and shutil.which("softhsm2-util") is not None


def token_folder(signing_folder: Path) -> Path:
    return Path(signing_folder) / "softhsm"


def prepare_demo_token(signing_folder: Path, officer_name: str, *, module: str = SOFTHSM) -> DemoToken | None:
    """Make the demo token (again, from scratch); None when SoftHSM2 is not installed."""
    if not softhsm_available(module):
        return None
    folder = token_folder(signing_folder)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "tokens").mkdir(parents=True)
    token = DemoToken(folder, module)
    token.conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
                          "log.level = ERROR\nslots.removable = true\n", encoding="utf-8")
    _run(["softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN, "--so-pin", SO_PIN], token)
    root = Path(__file__).resolve().parents[2]
    env_path = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH", "")]))
    _run([sys.executable, "-m", "devices.signing.demo_token", str(signing_folder), officer_name], token,
         extra_env={"PYTHONPATH": env_path, "COUNTER_APP_SOFTHSM_MODULE": module})
    (folder / "README.txt").write_text(
        f"Demo signing token (SoftHSM2): label {LABEL}, user PIN {PIN}, key ID {KEY_ID}.\n"
        f"Token của bản demo (SoftHSM2): nhãn {LABEL}, mã PIN {PIN}. Chỉ dùng để trình diễn.\n",
        encoding="utf-8")
    (folder / "token.json").write_text(json.dumps({"label": LABEL, "key_id": KEY_ID, "module": module}),
                                       encoding="utf-8")
    return token


def demo_token(signing_folder: Path) -> DemoToken | None:
    """The workspace's demo token, when it was prepared and SoftHSM2 is installed."""
    folder = token_folder(signing_folder)
    marker = folder / "token.json"
    if not marker.exists():
        return None
    module = json.loads(marker.read_text(encoding="utf-8")).get("module", SOFTHSM)
    return DemoToken(folder, module) if Path(module).exists() else None


def active_demo_token(signing_folder: Path) -> DemoToken | None:
    """The demo token, with this process's SoftHSM pointed at it (re-initialised if it was elsewhere)."""
    token = demo_token(signing_folder)
    if token is None:
        return None
    if os.environ.get(CONF_ENV) != str(token.conf):
        os.environ[CONF_ENV] = str(token.conf)
        from devices.signing.pkcs11_tokens import Pkcs11Module

        Pkcs11Module(token.module).rescan()  # a module loaded before read the old configuration
    return token


def _run(cmd: list[str], token: DemoToken, extra_env: dict[str, str] | None = None) -> None:
    done = subprocess.run(cmd, env={**token.env(), **(extra_env or {})}, capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        from counter_app.errors import SigningFailed

        raise SigningFailed(f"Could not prepare the demo token ({Path(cmd[0]).name}): "
                            f"{(done.stderr or done.stdout).strip()[-400:]}", token=LABEL)


def _make_key_and_certificate(signing_folder: Path, officer_name: str) -> None:
    """In the subprocess (SOFTHSM2_CONF set): key pair on the token, certificate beside it."""
    import pkcs11
    from cryptography.hazmat.primitives import serialization
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters

    from devices.signing import demo_pki
    from devices.signing.simulated import make_demo_root, officer_certificate

    token = pkcs11.lib(os.environ.get("COUNTER_APP_SOFTHSM_MODULE", SOFTHSM)).get_token(token_label=LABEL)
    key_id = bytes.fromhex(KEY_ID)
    with token.open(rw=True, user_pin=PIN) as session:
        params = session.create_domain_parameters(
            KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
        public, _private = params.generate_keypair(store=True, id=key_id, label=officer_name)
        public_key = serialization.load_der_public_key(encode_ec_public_key(public))
        root, root_key = demo_pki.ensure_demo_ca(signing_folder, make_demo_root)
        for cert, cid, label in ((officer_certificate(signing_folder, officer_name, public_key, root, root_key),
                                  key_id, officer_name), (root, b"ca", "Demo CA")):
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.ID: cid, Attribute.LABEL: label,
                Attribute.SUBJECT: cert.subject.public_bytes(), Attribute.ISSUER: cert.issuer.public_bytes(),
                Attribute.SERIAL_NUMBER: cert.serial_number.to_bytes(20, "big").lstrip(b"\0") or b"\0",
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)})


def demo_step(workspace_root: Path, settings, *, module: str = SOFTHSM) -> None:
    """``counter-app demo`` step: the demo token, for the demo workspace's officer. If SoftHSM
    fails, the demo still works: it signs with the simulated software key instead."""
    from counter_app.errors import CounterError

    signing = Path(workspace_root) / "signing"
    try:
        prepare_demo_token(signing, settings.workstation.officer_name or "Cán bộ Một cửa", module=module)
    except (CounterError, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(token_folder(signing), ignore_errors=True)  # no half-made token is ever used
        print(f"warning: no demo signing token ({exc}); the demo signs with the simulated key.", file=sys.stderr)


if __name__ == "__main__":
    _make_key_and_certificate(Path(sys.argv[1]), sys.argv[2])
