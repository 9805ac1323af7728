"""SoftHSM2 tokens and a test CA chain for the signing tests (real module, no mocks).

Made once per test process in a temp dir: ``SOFTHSM2_CONF`` points at a config with its
own ``tokendir`` (system tokens are never touched) and stays set for the whole process,
because SoftHSM reads it at C_Initialize. Keys are generated ON the token with
pkcs11-tool; certificates are issued in Python by a root → intermediate CA chain and
written next to their keys under the same CKA_ID.

SoftHSM never locks a PIN: it only raises CKF_USER_PIN_COUNT_LOW after a wrong PIN.
It keeps the token flags in ``<tokendir>/<uuid>/token.object`` (attribute
CKA_OS_TOKENFLAGS, 0x8000534B), so ``set_token_flags`` writes the flags a real
token's firmware would set (FINAL_TRY, LOCKED); the module then reports them through
C_GetTokenInfo to a process that (re)initialises it.
"""
from __future__ import annotations

import atexit
import os
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
SO_PIN = "87654321"
FLAGS_ATTR = bytes.fromhex("000000008000534b")
NOW = datetime.now(timezone.utc)
SIGNING_USAGE = dict(digital_signature=True, content_commitment=True, key_encipherment=False,
                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                     crl_sign=False, encipher_only=False, decipher_only=False)


@dataclass(frozen=True)
class KeySpec:
    key_id: str
    key_type: str  # pkcs11-tool --key-type
    name: str
    not_before: datetime = NOW - timedelta(days=30)
    not_after: datetime = NOW + timedelta(days=365)
    usage: dict = field(default_factory=lambda: dict(SIGNING_USAGE))


@dataclass(frozen=True)
class TokenSpec:
    label: str
    pin: str
    keys: tuple[KeySpec, ...]


WRONG_USAGE = dict(SIGNING_USAGE, digital_signature=False, content_commitment=False, key_encipherment=True)
OFFICER = TokenSpec("CANBO-MOTCUA", "123456", (
    KeySpec("01", "rsa:2048", "Nguyễn Thị Hồng Nhung"),
    KeySpec("02", "EC:prime256v1", "Trần Văn Bình"),
    KeySpec("03", "rsa:2048", "Lê Văn Hết Hạn", NOW - timedelta(days=800), NOW - timedelta(days=5)),
    KeySpec("04", "rsa:2048", "Phạm Thị Mã Hoá", usage=WRONG_USAGE),
    KeySpec("05", "rsa:2048", "Đỗ Văn Chưa Tới", NOW + timedelta(days=10), NOW + timedelta(days=400)),
))
BATCH = TokenSpec("LO-KY", "111111", (KeySpec("b1", "rsa:2048", "Vũ Thị Lô"),))
LOCKABLE = TokenSpec("BI-KHOA", "222222", (KeySpec("d1", "rsa:2048", "Hoàng Văn Khoá"),))
TOKENS = (OFFICER, BATCH, LOCKABLE)


@dataclass
class HsmEnv:
    root: Path
    module: str
    trust_root: Path  # PEM of the test root CA
    intermediate: Path  # PEM
    tokens: dict[str, TokenSpec]
    ca: "TestCa" = None  # the keys, so tests/signing_responders.py can answer for this chain
    responder_port: int = 0  # 127.0.0.1 port named in the certificates' OCSP/CRL URLs

    @property
    def responder_url(self) -> str:
        return f"http://127.0.0.1:{self.responder_port}"

    @property
    def tokendir(self) -> Path:
        return self.root / "tokens"

    def env(self) -> dict[str, str]:
        return dict(os.environ, SOFTHSM2_CONF=str(self.root / "softhsm2.conf"))

    def token_dir(self, label: str) -> Path:
        """The token's folder: SoftHSM stores the label, space-padded, in token.object."""
        needle = label.encode().ljust(32)
        for path in self.tokendir.glob("*/token.object"):
            if needle in path.read_bytes():
                return path.parent
        raise LookupError(label)

    def set_token_flags(self, label: str, *, add: int = 0, remove: int = 0) -> None:
        path = self.token_dir(label) / "token.object"
        data = bytearray(path.read_bytes())
        at = data.index(FLAGS_ATTR) + 16  # attribute type (8) + value kind (8), then the value
        value = (struct.unpack(">Q", data[at:at + 8])[0] | add) & ~remove
        data[at:at + 8] = struct.pack(">Q", value)
        path.write_bytes(bytes(data))


_ENV: HsmEnv | None = None


@pytest.fixture(scope="module")
def hsm() -> HsmEnv:
    """Fixture for the signing tests: ``from tests.softhsm import hsm``."""
    return environment()


def environment() -> HsmEnv:
    """The process-wide SoftHSM environment (built on first use, removed at exit)."""
    global _ENV
    if _ENV is None:
        root = Path(tempfile.mkdtemp(prefix="softhsm-test-"))
        atexit.register(shutil.rmtree, root, True)
        _ENV = _build(root)
    return _ENV


def _build(root: Path) -> HsmEnv:
    (root / "tokens").mkdir()
    (root / "softhsm2.conf").write_text(
        f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
        "slots.removable = true\n")
    os.environ["SOFTHSM2_CONF"] = str(root / "softhsm2.conf")  # before any in-process C_Initialize
    ca = TestCa(free_port())
    (root / "root.pem").write_bytes(ca.root.public_bytes(serialization.Encoding.PEM))
    (root / "intermediate.pem").write_bytes(ca.intermediate.public_bytes(serialization.Encoding.PEM))
    for token in TOKENS:
        _run("softhsm2-util", "--init-token", "--free", "--label", token.label, "--pin", token.pin,
             "--so-pin", SO_PIN)
        _write_object(root, token, "ca01", "Test Sub CA", ca.intermediate)
        for key in token.keys:
            _tool(token, "--keypairgen", "--key-type", key.key_type, "--id", key.key_id, "--label", key.name)
            pub = root / f"{token.label}-{key.key_id}.pub"
            _tool(token, "--read-object", "--type", "pubkey", "--id", key.key_id, "-o", str(pub))
            public_key = serialization.load_der_public_key(pub.read_bytes())
            _write_object(root, token, key.key_id, key.name, ca.issue(key, public_key))
    return HsmEnv(root, MODULE, root / "root.pem", root / "intermediate.pem", {t.label: t for t in TOKENS},
                  ca, ca.port)


def free_port() -> int:
    """A loopback port for the test responders, reserved now because certificates name it."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_object(root: Path, token: TokenSpec, key_id: str, label: str, cert: x509.Certificate) -> None:
    der = root / f"{token.label}-{key_id}.der"
    der.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    _tool(token, "--write-object", str(der), "--type", "cert", "--id", key_id, "--label", label)


def _tool(token: TokenSpec, *args: str) -> None:
    _run("pkcs11-tool", "--module", MODULE, "--token-label", token.label, "--login", "--pin", token.pin, *args)


def _run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Quầy Một Cửa test PKI"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


class TestCa:
    """Root → intermediate, software keys; issues officer certificates for token keys."""

    __test__ = False  # not a pytest test class

    def __init__(self, port: int = 0):
        self.port = port
        self.root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.root = self._ca_cert(_name("Test Root CA"), self.root_key.public_key(), _name("Test Root CA"),
                                  self.root_key, path_length=1)
        self.intermediate_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.intermediate = self._ca_cert(_name("Test Sub CA"), self.intermediate_key.public_key(),
                                          _name("Test Root CA"), self.root_key, path_length=0,
                                          crl_url=f"http://127.0.0.1:{port}/crl/root.crl" if port else None)

    @staticmethod
    def _ca_cert(subject, public_key, issuer, signing_key, path_length, crl_url=None):
        usage = dict(SIGNING_USAGE, digital_signature=False, content_commitment=False, key_cert_sign=True,
                     crl_sign=True)
        builder = x509.CertificateBuilder()
        if crl_url:
            builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                [x509.UniformResourceIdentifier(crl_url)], None, None, None)]), critical=False)
        return (builder.subject_name(subject).issuer_name(issuer).public_key(public_key)
                .serial_number(x509.random_serial_number())
                .not_valid_before(NOW - timedelta(days=3650)).not_valid_after(NOW + timedelta(days=3650))
                .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
                .add_extension(x509.KeyUsage(**usage), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
                .sign(signing_key, hashes.SHA256()))

    def issue(self, key: KeySpec, public_key, *, extra=()) -> x509.Certificate:
        """An end-entity certificate from the Sub CA; its OCSP URL points at the test responder."""
        builder = x509.CertificateBuilder()
        if self.port:
            builder = builder.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                x509.AuthorityInformationAccessOID.OCSP,
                x509.UniformResourceIdentifier(f"http://127.0.0.1:{self.port}/ocsp"))]), critical=False)
        for ext, critical in extra:
            builder = builder.add_extension(ext, critical=critical)
        return (builder.subject_name(_name(key.name)).issuer_name(self.intermediate.subject)
                .public_key(public_key).serial_number(x509.random_serial_number())
                .not_valid_before(key.not_before).not_valid_after(key.not_after)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(**key.usage), critical=True)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                    self.intermediate_key.public_key()), critical=False)
                .sign(self.intermediate_key, hashes.SHA256()))


# -- PDFs to sign ----------------------------------------------------------------------


def make_pdf(path: Path, text: str = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", *, pages: int = 1,
             field: str | None = None) -> Path:
    """A small A4 PDF with Vietnamese text; optionally an empty signature field (a form's box)."""
    from fpdf import FPDF

    from counter_app.resources import resource_path

    pdf = FPDF()
    pdf.add_font("Noto", "", str(resource_path("fonts", "NotoSerif-Regular.ttf")))
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("Noto", size=14)
        pdf.cell(text=f"{text} — trang {n + 1}")
    data = bytes(pdf.output())
    if field:
        data = _with_field(data, field)
    path.write_bytes(data)
    return path


def _with_field(data: bytes, name: str) -> bytes:
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    fields.append_signature_field(writer, fields.SigFieldSpec(name, on_page=0, box=(320, 500, 560, 580)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_copy(source: Path, target: Path, password: str = "matkhau") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(password)
    with target.open("wb") as out:
        writer.write(out)
    return target


def stamp_text(path: Path, page_index: int = -1) -> str:
    """Text of a signature's visible stamp, read back through its ToUnicode map.

    Annotation appearances are not page text, so pdfium flattens them into the page
    first (as printing does) and then extracts the page's text.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    try:
        index = page_index % len(doc)
        page = doc[index]
        raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY)
        page.close()
        return doc[index].get_textpage().get_text_range()
    finally:
        doc.close()
