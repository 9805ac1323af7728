"""Simulated signer twin: a software key in a PKCS#12 file, for demos with no token.

At first use it makes a small demo CA and an officer certificate in
``<workspace>/signing/``: ``simulated.p12`` (key + certificates, encrypted with the
PIN given then, which is NOT stored anywhere) and ``trust/simulated-root.pem`` so
``counter-app verify`` trusts the demo signatures of this workspace. A wrong PIN fails
to decrypt the file, exactly like a token refusing a login.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Sequence

from asn1crypto import keys as asn1_keys, x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from counter_app.errors import WrongPin
from counter_app.ports import DeviceState, DeviceStatus, SignatureSpec, SignJob, SignOutcome
from counter_app.storage.files_io import write_atomically
from devices.signing import certificates, demo_pki, pades

DEMO_NAME = "Cán bộ Một cửa (mô phỏng)"


class SimulatedSigner:
    name = "simulated"

    def __init__(self, folder: Path, *, officer_name: str = DEMO_NAME,
                 clock: Callable[[], datetime] = pades.local_now):
        self.folder = Path(folder)
        self.officer_name = officer_name
        self.clock = clock

    @property
    def p12_path(self) -> Path:
        return self.folder / "simulated.p12"

    @property
    def root_path(self) -> Path:
        return self.folder / "trust" / "simulated-root.pem"

    def status(self) -> DeviceStatus:
        made = "ready" if self.p12_path.exists() else "made at first use (the PIN given then)"
        return DeviceStatus(DeviceState.READY, f"software key {self.p12_path} — {made}")

    def load(self, pin: str) -> SimpleSigner:
        if not self.p12_path.exists():
            self._create(pin)
        try:
            key, cert, chain = pkcs12.load_key_and_certificates(self.p12_path.read_bytes(), pin.encode())
        except ValueError:
            raise WrongPin("Wrong PIN for the simulated signer.", token="simulated", tries_left=None,
                           pin_state="ok") from None
        der = lambda c: c.public_bytes(serialization.Encoding.DER)  # noqa: E731
        certificates.check_can_sign(der(cert), self.clock())
        chain_certs = [asn1_x509.Certificate.load(der(c)) for c in chain]
        key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        return SimpleSigner(signing_cert=asn1_x509.Certificate.load(der(cert)),
                            signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
                            cert_registry=SimpleCertificateStore.from_certs(chain_certs))

    def sign_batch(self, jobs: Sequence[SignJob], spec: SignatureSpec, *, pin: str | None,
                   progress: Callable[[int, int], None] | None = None) -> list[SignOutcome]:
        signer = self.load(pin or "")
        return pades.sign_batch(signer, list(jobs), spec, token_label="simulated", clock=self.clock,
                                progress=progress)

    def _create(self, pin: str) -> None:
        if not pin:
            raise WrongPin("Choose a PIN for the simulated signer (it encrypts its key file).",
                           token="simulated", tries_left=None, pin_state="ok")
        now = datetime.now(timezone.utc)
        # The demo CA (and its TSA/OCSP, the demo's "network") may exist already: the demo token uses it too.
        root, root_key = demo_pki.ensure_demo_ca(self.folder, make_demo_root)
        officer_key = ec.generate_private_key(ec.SECP256R1())
        officer = officer_certificate(self.folder, self.officer_name, officer_key.public_key(), root, root_key, now)
        blob = pkcs12.serialize_key_and_certificates(
            b"simulated", officer_key, officer, [root],
            serialization.BestAvailableEncryption(pin.encode()))
        write_atomically(self.p12_path, blob)


def make_demo_root():
    """A new demo root CA (EC P-256): certificate and key."""
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name("Quầy Một Cửa — CA mô phỏng (demo)")
    return _cert(root_name, root_name, root_key.public_key(), root_key, datetime.now(timezone.utc), ca=True), root_key


def officer_certificate(folder: Path, officer_name: str, public_key, root, root_key, now=None) -> x509.Certificate:
    """An officer's signing certificate from the demo CA; its OCSP URL is the demo responder."""
    return _cert(_name(officer_name), root.subject, public_key, root_key, now or datetime.now(timezone.utc),
                 ca=False, ocsp=demo_pki.ocsp_url(folder))


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject, issuer, public_key, signing_key, now, *, ca: bool, ocsp: str = "") -> x509.Certificate:
    usage = dict(digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
                 data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                 encipher_only=False, decipher_only=False)
    builder = x509.CertificateBuilder()
    if ocsp:
        builder = builder.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
            x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp))]), critical=False)
    return (builder.subject_name(subject).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650 if ca else 1825))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
            .add_extension(x509.KeyUsage(**usage), critical=True)
            .sign(signing_key, hashes.SHA256()))
