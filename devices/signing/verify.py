"""Verify every signature of a PDF, offline, with pyHanko's validator.

The result says who signed, when (the time the signer's computer claimed, and whether
a trusted timestamp confirms it), whether the signed bytes are intact, whether the
certificate chains to a configured root, and that revocation was not checked (offline).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

from asn1crypto import pem, x509
from pyhanko.pdf_utils.misc import PdfError as HankoPdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from counter_app.errors import PdfDamaged, PdfEncrypted
from devices.signing import certificates, long_term

CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}
COVERAGE = {SignatureCoverageLevel.ENTIRE_FILE: "whole_document",
            SignatureCoverageLevel.ENTIRE_REVISION: "earlier_revision"}


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str  # common name
    signer_subject: str
    issuer: str
    claimed_time: datetime | None  # what the signing computer said: not proof
    trusted_time: datetime | None  # from a timestamp token (B-T and later), if any
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the cryptographic signature checks out
    coverage: str  # whole_document | earlier_revision (later signatures added) | unclear
    changes_after: str  # what was changed after signing: none | form_filling | lta_updates | ...
    trusted: bool  # chains to a configured root
    chain: tuple[str, ...]  # signer → root when trusted
    problem: str  # why not trusted/valid, in English for logs
    revocation: str = "not_checked_offline"  # | good (from the PDF's DSS) | revoked
    level: str = "B-B"  # B-B | B-T (trusted time) | B-LT (and revocation data inside the PDF)

    @property
    def time_trusted(self) -> bool:
        return self.trusted_time is not None

    @property
    def ok(self) -> bool:
        """Intact, valid, trusted, and nothing but signatures/form filling added since."""
        return (self.intact and self.valid and self.trusted and self.coverage != "unclear"
                and self.changes_after in ("none", "form_filling", "lta_updates"))


def load_trust_roots(paths: Sequence[Path]) -> list[x509.Certificate]:
    """Certificates from PEM/DER files, or from every certificate file in a folder."""
    roots = []
    for path in map(Path, paths):
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in CERT_SUFFIXES) if path.is_dir() else [path]
        for file in files:
            data = file.read_bytes()
            blobs = [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
            roots.extend(x509.Certificate.load(der) for der in blobs)
    return roots


def verify_pdf(path: Path, trust_roots: Sequence[Path] = (), *, now: datetime | None = None,
               other_certs: Sequence[x509.Certificate] = ()) -> list[SignatureReport]:
    """``other_certs``: e.g. the workspace's cache of certificates met while completing signatures."""
    path = Path(path)
    roots = load_trust_roots(trust_roots)
    with path.open("rb") as stream:
        try:
            reader = PdfFileReader(stream, strict=False)
            if reader.encrypted:
                raise PdfEncrypted(f"{path.name} is password-protected: its signatures cannot be read.",
                                   file=path.name)
            embedded = list(reader.embedded_regular_signatures)
        except (HankoPdfError, ValueError, KeyError, TypeError) as exc:
            raise PdfDamaged(f"{path.name} is not a readable PDF ({exc}).", file=path.name) from exc
        reports = [_report(sig, roots, now, other_certs) for sig in embedded]
        if reader.embedded_timestamp_signatures or _has_dss(reader):
            reports = [long_term.upgrade(r, sig, reader, roots, now, other_certs) for r, sig in zip(reports, embedded)]
        return reports


def _has_dss(reader) -> bool:
    return "/DSS" in reader.root


def _report(sig, roots, now, other_certs=()) -> SignatureReport:
    # Why soft-fail and no fetching: the counter is offline; revocation is completed later (B-LT).
    context = ValidationContext(trust_roots=roots, other_certs=[*sig.other_embedded_certs, *other_certs], moment=now,
                                allow_fetching=False, revocation_mode="soft-fail")
    usage = KeyUsageConstraints(key_usage=set(certificates.SIGNING_USAGES), match_all_key_usages=False)
    who = certificates.describe(sig.signer_cert)
    try:
        status = validate_pdf_signature(sig, context, key_usage_settings=usage)
    except Exception as exc:  # a malformed signature must not hide the others
        return SignatureReport(sig.field_name, who.common_name, who.subject, who.issuer, sig.self_reported_timestamp,
                               None, False, False, "unclear", "", False, (), f"{type(exc).__name__}: {exc}")
    timestamp = status.timestamp_validity
    path = status.validation_path if status.trusted else None
    return SignatureReport(
        field=sig.field_name, signer=who.common_name, signer_subject=who.subject, issuer=who.issuer,
        claimed_time=status.signer_reported_dt,
        trusted_time=timestamp.timestamp if timestamp is not None and timestamp.valid else None,
        intact=status.intact, valid=status.valid,
        coverage=COVERAGE.get(status.coverage, "unclear"),
        changes_after=status.modification_level.name.lower() if status.modification_level else "",
        trusted=status.trusted,
        chain=tuple(reversed([c.subject.human_friendly for c in path.iter_certs(include_root=True)])) if path else (),
        problem="" if status.trusted else str(status.trust_problem_indic or "no configured root CA"),
        level="B-T" if timestamp is not None else "B-B",
    )
