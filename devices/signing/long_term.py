"""Offline reading of B-T/B-LT evidence: document timestamps and the PDF's DSS.

A signature gets a trusted time from a valid document timestamp made after it (from a
TSA that chains to a configured root), and a revocation status from the OCSP responses
and CRLs stored in the PDF's Document Security Store: no network is used.
"""
from __future__ import annotations

import dataclasses
import logging

from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from devices.signing import certificates

log = logging.getLogger(__name__)


def upgrade(report, sig, reader, roots, now, other_certs=()):
    """The report of ``sig`` with trusted time, revocation status and level from B-T/B-LT data."""
    trusted_time = report.trusted_time or _document_time(sig, reader, roots, now, other_certs)
    revocation = _revocation(sig, reader, roots, now, other_certs) if report.trusted else report.revocation
    level = "B-LT" if trusted_time and revocation == "good" else ("B-T" if trusted_time else "B-B")
    trusted = report.trusted and revocation != "revoked"
    problem = "the signer's certificate is revoked" if revocation == "revoked" else report.problem
    return dataclasses.replace(report, trusted_time=trusted_time, revocation=revocation, level=level,
                               trusted=trusted, problem=problem)


def _dss_context(reader, roots, now, other_certs, mode: str) -> ValidationContext:
    kwargs = dict(trust_roots=roots, other_certs=list(other_certs), moment=now, allow_fetching=False,
                  revocation_mode=mode)
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except Exception:  # no DSS
        return ValidationContext(**kwargs)
    return dss.as_validation_context(kwargs)


def _document_time(sig, reader, roots, now, other_certs):
    times = []
    for ts in reader.embedded_timestamp_signatures:
        if ts.signed_revision <= sig.signed_revision:
            continue  # a timestamp made before the signature proves nothing about it
        try:
            status = validate_pdf_timestamp(ts, _dss_context(reader, roots, now, other_certs, "soft-fail"))
        except Exception as exc:
            log.info("document timestamp %s not usable: %s", ts.field_name, exc)
            continue
        if status.valid and status.intact and status.trusted:
            times.append(status.timestamp)
    return min(times) if times else None


def _revocation(sig, reader, roots, now, other_certs) -> str:
    """"good" when the DSS answers for every certificate of the chain, "revoked", else unchanged."""
    usage = KeyUsageConstraints(key_usage=set(certificates.SIGNING_USAGES), match_all_key_usages=False)
    context = _dss_context(reader, roots, now, [*sig.other_embedded_certs, *other_certs], "hard-fail")
    try:
        status = validate_pdf_signature(sig, context, key_usage_settings=usage)
    except Exception as exc:
        log.info("revocation of %s not established: %s", sig.field_name, exc)
        return "not_checked_offline"
    if status.revoked:
        return "revoked"
    return "good" if status.trusted else "not_checked_offline"
