"""Reading officer certificates: who, issued by whom, valid when, allowed to sign or not."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from asn1crypto import x509

from counter_app.errors import CertificateExpired, CertificateNotYetValid, KeyUsageNotSigning

# A document signature needs one of these (RFC 5280 keyUsage; Vietnamese CAs set both).
SIGNING_USAGES = frozenset({"digital_signature", "non_repudiation"})


@dataclass(frozen=True)
class CertificateInfo:
    common_name: str
    subject: str
    issuer: str
    serial: str  # hex
    not_before: datetime
    not_after: datetime
    key_usage: tuple[str, ...]
    key_algorithm: str  # "rsa" | "ec" | ...
    is_ca: bool = False

    @property
    def can_sign(self) -> bool:
        """An end-entity certificate allowed to sign documents (a CA cert never is)."""
        return not self.is_ca and bool(SIGNING_USAGES & set(self.key_usage))


def load(data: bytes | x509.Certificate) -> x509.Certificate:
    return data if isinstance(data, x509.Certificate) else x509.Certificate.load(data)


def describe(cert: bytes | x509.Certificate) -> CertificateInfo:
    cert = load(cert)
    subject = cert.subject.native
    usage = cert.key_usage_value.native if cert.key_usage_value is not None else set()
    return CertificateInfo(
        common_name=str(subject.get("common_name", "")),
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before,
        not_after=cert.not_valid_after,
        key_usage=tuple(sorted(usage)),
        key_algorithm=cert.public_key.algorithm,
        is_ca=bool(cert.ca),
    )


def check_can_sign(cert: bytes | x509.Certificate, now: datetime | None = None) -> CertificateInfo:
    """Refuse, before any PIN is used, a certificate that cannot make a valid signature now."""
    info = describe(cert)
    now = now or datetime.now(timezone.utc)
    if now > info.not_after:
        raise CertificateExpired(
            f"The certificate of {info.common_name} expired on {info.not_after:%d/%m/%Y}: "
            "ask the CA to renew it.", common_name=info.common_name, not_after=info.not_after)
    if now < info.not_before:
        raise CertificateNotYetValid(
            f"The certificate of {info.common_name} is valid only from {info.not_before:%d/%m/%Y}: "
            "check the computer's clock.", common_name=info.common_name, not_before=info.not_before)
    if not info.can_sign:
        raise KeyUsageNotSigning(
            f"The certificate of {info.common_name} is not for signing (key usage: "
            f"{', '.join(info.key_usage) or 'none'}): choose the signing key of the token.",
            common_name=info.common_name, key_usage=info.key_usage)
    return info
