"""EF.SOD and passive authentication (ICAO 9303 part 10 §4.6.2, part 11 §5.1).

The SOD is a CMS SignedData whose content is the LDS security object: one hash per data
group. Passive authentication = (1) every data group read hashes to the value in the
SOD, (2) the CMS signature verifies with the document signer (DS) certificate inside,
(3) the DS certificate chains to a trusted country signing CA (CSCA). Step 3 needs the
CSCA certificates of Vietnam configured; without them the result says "chain not
checked" rather than pretending.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

from asn1crypto import algos, cms, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from counter_app.errors import ChipDataInvalid
from counter_app.idcard import tlv

SOD_TAG = 0x77
LDS_SECURITY_OBJECT_OID = "2.23.136.1.1.1"
_HASHES = {"sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
           "sha512": hashes.SHA512}


class DataGroupHash(core.Sequence):
    _fields = [("data_group_number", core.Integer), ("data_group_hash_value", core.OctetString)]


class DataGroupHashes(core.SequenceOf):
    _child_spec = DataGroupHash


class LdsSecurityObject(core.Sequence):
    _fields = [("version", core.Integer), ("hash_algorithm", algos.DigestAlgorithm),
               ("data_group_hash_values", DataGroupHashes), ("lds_version_info", core.Any, {"optional": True})]


class Chain(str, Enum):
    VALID = "valid"
    INVALID = "invalid"
    NOT_CHECKED = "not_checked"  # no CSCA configured


@dataclass(frozen=True)
class PassiveAuthResult:
    hashes_ok: bool
    signature_ok: bool
    chain: Chain
    checked_groups: tuple[int, ...]
    mismatched_groups: tuple[int, ...] = ()
    problems: tuple[str, ...] = field(default=())
    signer: str = ""  # the DS certificate's subject

    @property
    def ok(self) -> bool:
        """The data is what the issuer signed (the chain may still be unchecked: see ``chain``)."""
        return self.hashes_ok and self.signature_ok and self.chain is not Chain.INVALID


@dataclass(frozen=True)
class Sod:
    hash_algorithm: str
    hashes: dict[int, bytes]
    signed_data: cms.SignedData
    encapsulated: bytes


def parse_sod(data: bytes) -> Sod:
    try:
        info = cms.ContentInfo.load(tlv.unwrap(data, SOD_TAG))
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed = info["content"]
        encap = signed["encap_content_info"]
        if encap["content_type"].dotted != LDS_SECURITY_OBJECT_OID:
            raise ValueError("not an LDS security object")
        raw = encap["content"].native
        if not isinstance(raw, bytes):
            raw = encap["content"].parsed.dump()
        lds = LdsSecurityObject.load(bytes(raw))
        hashes_ = {int(h["data_group_number"].native): h["data_group_hash_value"].native
                   for h in lds["data_group_hash_values"]}
        return Sod(lds["hash_algorithm"]["algorithm"].native, hashes_, signed, bytes(raw))
    except ChipDataInvalid:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise ChipDataInvalid(f"The chip's security object (SOD) is damaged: {exc}") from None


def passive_authentication(sod_bytes: bytes, groups: dict[int, bytes],
                           csca: list[x509.Certificate] | None = None) -> PassiveAuthResult:
    """Check ``groups`` (number → the file as read) against the SOD; never raises for a bad card."""
    sod = parse_sod(sod_bytes)
    problems: list[str] = []
    algorithm = _HASHES.get(sod.hash_algorithm)
    if algorithm is None:
        raise ChipDataInvalid(f"The SOD uses an unknown hash algorithm {sod.hash_algorithm}.")
    mismatched = []
    for number, content in sorted(groups.items()):
        expected = sod.hashes.get(number)
        if expected is None:
            problems.append(f"DG{number} is not listed in the SOD")
            mismatched.append(number)
        elif hashlib.new(sod.hash_algorithm, content).digest() != expected:
            problems.append(f"DG{number} does not match its hash in the SOD")
            mismatched.append(number)
    try:
        signature_ok, signer, ds_cert = _verify_signature(sod, problems)
    except (ValueError, TypeError, KeyError, UnsupportedAlgorithm) as exc:  # damaged, parsed lazily
        problems.append(f"the SOD's signer data is damaged ({type(exc).__name__})")
        signature_ok, signer, ds_cert = False, "", None
    chain = Chain.NOT_CHECKED
    if csca and ds_cert is not None:
        chain = Chain.VALID if any(_issued_by(ds_cert, ca) for ca in csca) else Chain.INVALID
        if chain is Chain.INVALID:
            problems.append("the document signer is not issued by a configured CSCA")
    return PassiveAuthResult(not mismatched and bool(groups), signature_ok, chain, tuple(sorted(groups)),
                             tuple(mismatched), tuple(problems), signer)


def _verify_signature(sod: Sod, problems: list[str]) -> tuple[bool, str, x509.Certificate | None]:
    signed = sod.signed_data
    certs = [c.chosen for c in (signed["certificates"] or []) if c.name == "certificate"]
    infos = list(signed["signer_infos"])
    if not certs or not infos:
        problems.append("the SOD carries no document signer certificate")
        return False, "", None
    info = infos[0]
    cert_asn1 = _signer_cert(info, certs)
    if cert_asn1 is None:
        problems.append("the SOD's signer certificate is missing")
        return False, "", None
    cert = x509.load_der_x509_certificate(cert_asn1.dump())
    signer = cert.subject.rfc4514_string()
    digest_name = info["digest_algorithm"]["algorithm"].native
    if digest_name not in _HASHES:
        problems.append(f"unsupported digest {digest_name}")
        return False, signer, cert
    attrs = info["signed_attrs"]
    if attrs.native is None or not len(attrs):
        message = sod.encapsulated
    else:
        digest = next((a["values"][0].native for a in attrs if a["type"].native == "message_digest"), None)
        if digest != hashlib.new(digest_name, sod.encapsulated).digest():
            problems.append("the SOD's signed digest does not match its content")
            return False, signer, cert
        message = b"\x31" + attrs.dump()[1:]  # signed over as a SET, not the [0] IMPLICIT tag
    try:
        _verify(cert.public_key(), info["signature"].native, message, info["signature_algorithm"],
                _HASHES[digest_name]())
        return True, signer, cert
    except (InvalidSignature, ValueError, TypeError) as exc:
        problems.append(f"the SOD signature does not verify ({type(exc).__name__})")
        return False, signer, cert


def _signer_cert(info: cms.SignerInfo, certs: list[asn1_x509.Certificate]) -> asn1_x509.Certificate | None:
    sid = info["sid"]
    for cert in certs:
        if sid.name == "issuer_and_serial_number":
            if (cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native):
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    return certs[0] if len(certs) == 1 else None


def _verify(key, signature: bytes, message: bytes, algorithm, digest) -> None:
    name = algorithm.signature_algo
    if isinstance(key, rsa.RSAPublicKey):
        if name == "rsassa_pss":
            params = algorithm["parameters"]
            pss_hash = _HASHES[params["hash_algorithm"]["algorithm"].native]()
            key.verify(signature, message, padding.PSS(padding.MGF1(pss_hash), params["salt_length"].native),
                       pss_hash)
        else:
            key.verify(signature, message, padding.PKCS1v15(), digest)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, message, ec.ECDSA(digest))
    else:
        raise TypeError("unsupported key type")


def _issued_by(cert: x509.Certificate, ca: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(ca)
        return True
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False
