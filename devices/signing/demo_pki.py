"""The demo's certificate services: the simulated CA's TSA and OCSP responder on 127.0.0.1.

With no real CA in a demo, "the network comes back" means these services start: the
simulated signer's CA (``<workspace>/signing/demo-ca``, made with the simulated key)
answers OCSP for the officer's certificate and a demo TSA (certificate from the same CA)
stamps documents, so ``counter-app sign --complete --simulated-network`` completes
demo signatures to B-LT. The demo CA's key is a plain file: demo only, never a real CA.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from devices.signing.loopback_pki import LoopbackPki

PORT_ENV = "COUNTER_APP_DEMO_PKI_PORT"
DEFAULT_PORT = 48379


def demo_port(folder: Path) -> int:
    stored = Path(folder) / "demo-ca" / "port"
    if stored.exists():
        return int(stored.read_text())
    return int(os.environ.get(PORT_ENV, DEFAULT_PORT))


def ocsp_url(folder: Path) -> str:
    return f"http://127.0.0.1:{demo_port(folder)}/ocsp"


def save_demo_ca(folder: Path, root: x509.Certificate, root_key) -> None:
    target = Path(folder) / "demo-ca"
    target.mkdir(parents=True, exist_ok=True)
    (target / "port").write_text(str(demo_port(folder)))
    (target / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    (target / "root.key").write_bytes(root_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


def ensure_demo_ca(folder: Path, make_root=None):
    """The workspace's demo CA (root certificate, key), made once and shared by the simulated
    key and the demo SoftHSM token; its root is trusted as ``trust/simulated-root.pem``."""
    target = Path(folder) / "demo-ca"
    if (target / "root.key").exists():
        root = x509.load_pem_x509_certificate((target / "root.pem").read_bytes())
        return root, serialization.load_pem_private_key((target / "root.key").read_bytes(), None)
    root, root_key = make_root()
    trust = Path(folder) / "trust" / "simulated-root.pem"
    trust.parent.mkdir(parents=True, exist_ok=True)
    trust.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    save_demo_ca(folder, root, root_key)
    return root, root_key


def demo_pki(folder: Path) -> LoopbackPki:
    """The services of this workspace's demo CA (not started)."""
    target = Path(folder) / "demo-ca"
    if not (target / "root.key").exists():
        raise FileNotFoundError(f"No demo CA in {target}: sign once with the simulated key first.")
    root = x509.load_pem_x509_certificate((target / "root.pem").read_bytes())
    root_key = serialization.load_pem_private_key((target / "root.key").read_bytes(), None)
    if not (target / "tsa.key").exists():
        _make_tsa(folder, root, root_key)
    tsa = x509.load_pem_x509_certificate((target / "tsa.pem").read_bytes())
    tsa_key = serialization.load_pem_private_key((target / "tsa.key").read_bytes(), None)
    return LoopbackPki(demo_port(folder), ocsp_cert=root, ocsp_key=root_key, tsa_cert=tsa, tsa_key=tsa_key,
                       tsa_chain=[root])


def _make_tsa(folder: Path, root: x509.Certificate, root_key) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's test TSA is RSA-only
    now = datetime.now(timezone.utc)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Quầy Một Cửa — TSA mô phỏng (demo)")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(root.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1825))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url(folder)))]),
                critical=False)
            .sign(root_key, hashes.SHA256()))
    target = Path(folder) / "demo-ca"
    (target / "tsa.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (target / "tsa.key").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
