"""The data of an emulated CCCD chip: a citizen's DG1, DG2, DG13 and an SOD signed by a
document signer made on the spot (test PKI: a CSCA and its DS, RSA-2048, SHA-256).

Used by the emulated card (tests, demo) and the simulated reader. Nothing here is a real
person or a real key.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from counter_app.idcard import tlv
from counter_app.idcard.chip import encode_dg1
from counter_app.idcard.dg2 import encode_dg2
from counter_app.idcard.dg13 import PersonalData, encode_dg13
from counter_app.idcard.mrz import BacKey, format_td1
from counter_app.idcard.sod import LDS_SECURITY_OBJECT_OID, SOD_TAG, DataGroupHash, LdsSecurityObject

FID_COM, FID_SOD = 0x011E, 0x011D
FID_BY_GROUP = {1: 0x0101, 2: 0x0102, 13: 0x010D}

DEMO_CITIZEN = PersonalData(
    id_number="001099012345", full_name="Nguyễn Văn An", birth_date="01/01/1999", sex="Nam",
    nationality="Việt Nam", ethnicity="Kinh", religion="Không", home_town="Xã Gia Viễn, Ninh Bình",
    residence="Số 1, Phường Hoa Lư, Ninh Bình", identifying_marks="Nốt ruồi C:2cm dưới sau cánh mũi phải",
    issue_date="15/08/2021", expiry_date="01/01/2024", father="Nguyễn Văn Bình", mother="Trần Thị Cúc",
    old_id="123456789")
# Document number (ID), birth, expiry as typed. The same citizen as the simulated QR
# (devices.qr.simulated.TEST_CARD), so a QR scan pre-fills exactly what opens the chip.
DEMO_KEY = ("001099012345", "990101", "240101")


@dataclass
class EmulatedCard:
    files: dict[int, bytes]  # file id → content
    key: BacKey
    csca: x509.Certificate
    groups: dict[int, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class _Pki:
    csca_key: rsa.RSAPrivateKey
    csca: x509.Certificate
    ds_key: rsa.RSAPrivateKey
    ds: x509.Certificate


@lru_cache(maxsize=1)
def card_pki() -> _Pki:
    """One CSCA and document signer per process (RSA key generation is the slow part)."""
    now = datetime.now(timezone.utc)
    csca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    csca_name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                           x509.NameAttribute(NameOID.COMMON_NAME, "TEST CSCA Viet Nam (not real)")])
    csca = (x509.CertificateBuilder().subject_name(csca_name).issuer_name(csca_name)
            .public_key(csca_key.public_key()).serial_number(1)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(csca_key, hashes.SHA256()))
    ds_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ds_name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.COMMON_NAME, "TEST Document Signer (not real)")])
    ds = (x509.CertificateBuilder().subject_name(ds_name).issuer_name(csca_name)
          .public_key(ds_key.public_key()).serial_number(2)
          .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
          .sign(csca_key, hashes.SHA256()))
    return _Pki(csca_key, csca, ds_key, ds)


def face_jpeg(text: str = "AN") -> bytes:
    """A small drawn face (JPEG), so the app has a picture to show."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 150), (225, 232, 240))
    draw = ImageDraw.Draw(image)
    draw.ellipse((25, 20, 95, 105), fill=(236, 200, 170), outline=(120, 90, 70))
    draw.ellipse((43, 50, 53, 58), fill=(40, 40, 40))
    draw.ellipse((67, 50, 77, 58), fill=(40, 40, 40))
    draw.arc((45, 70, 75, 90), 20, 160, fill=(150, 60, 60), width=3)
    draw.rectangle((20, 110, 100, 150), fill=(40, 70, 140))
    draw.text((50, 125), text, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def make_sod(groups: dict[int, bytes], *, pki: _Pki | None = None) -> bytes:
    pki = pki or card_pki()
    lds = LdsSecurityObject({
        "version": 0, "hash_algorithm": {"algorithm": "sha256"},
        "data_group_hash_values": [DataGroupHash({"data_group_number": n,
                                                  "data_group_hash_value": hashlib.sha256(d).digest()})
                                   for n, d in sorted(groups.items())]})
    content = lds.dump()
    attrs = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": [LDS_SECURITY_OBJECT_OID]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(content).digest()]}),
    ])
    signature = pki.ds_key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    ds_asn1 = asn1_x509.Certificate.load(pki.ds.public_bytes(serialization.Encoding.DER))
    signer = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber(
            {"issuer": ds_asn1.issuer, "serial_number": ds_asn1.serial_number})}),
        "digest_algorithm": {"algorithm": "sha256"}, "signed_attrs": attrs,
        "signature_algorithm": {"algorithm": "sha256_rsa"}, "signature": signature})
    signed = cms.SignedData({
        "version": "v3", "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": LDS_SECURITY_OBJECT_OID, "content": content},
        "certificates": [ds_asn1], "signer_infos": [signer]})
    return tlv.encode(SOD_TAG, cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def make_test_card(citizen: PersonalData = DEMO_CITIZEN, *, key: tuple[str, str, str] = DEMO_KEY,
                   face: bytes | None = None, with_face: bool = True) -> EmulatedCard:
    doc, birth, expiry = key
    surname, _, given = _ascii_name(citizen.full_name).partition(" ")
    mrz = format_td1(document_number=doc, birth=birth, sex="F" if citizen.sex == "Nữ" else "M", expiry=expiry,
                     surname=surname, given_names=given, optional1=citizen.id_number + "<" + doc[-1])
    groups = {1: encode_dg1(mrz), 13: encode_dg13(citizen)}
    if with_face:
        groups[2] = encode_dg2(face if face is not None else face_jpeg(), width=120, height=150)
    tags = bytes({1: 0x61, 2: 0x75, 13: 0x6D}[n] for n in sorted(groups))
    com = tlv.encode(0x60, tlv.encode(0x5F01, b"0107") + tlv.encode(0x5F36, b"040000") + tlv.encode(0x5C, tags))
    files = {FID_COM: com, FID_SOD: make_sod(groups)}
    files.update({FID_BY_GROUP[n]: data for n, data in groups.items()})
    return EmulatedCard(files, BacKey.from_input(doc, birth, expiry), card_pki().csca, groups)


def _ascii_name(name: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c)).upper()
