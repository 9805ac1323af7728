"""Complete offline PAdES B-B signatures when the network is back: B-T, then B-LT.

One step at a time, each an incremental update that keeps every earlier signature valid:
B-B → B-T adds a document timestamp from the configured TSA (RFC 3161);
B-T → B-LT fetches OCSP responses / CRLs for the signer's and the TSA's chains and stores
them with the certificates in the PDF's Document Security Store (DSS).
The certificates and revocation data are also cached under ``<workspace>/signing/cache``
so the counter can validate later with no network.

Network faults (refused, timeout, DNS) raise ``NetworkUnavailable``: the job stays pending
and is retried. A TSA that answers garbage, a revoked or untrusted certificate raise
``CompletionRejected``: the job fails with that reason.
"""
from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import requests
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko.sign.validation import add_validation_info
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import RevokedError

from devices.signing.verify import load_trust_roots

log = logging.getLogger(__name__)
LEVELS = ("B-B", "B-T", "B-LT")
NETWORK_ERRORS: tuple[type[BaseException], ...] = (requests.ConnectionError, requests.Timeout, ConnectionError,
                                                   TimeoutError)
try:  # pyhanko_certvalidator fetches revocation data with aiohttp when it is installed
    import aiohttp

    NETWORK_ERRORS += (aiohttp.ClientConnectionError, aiohttp.ServerTimeoutError)
except ImportError:  # pragma: no cover - requests backend then
    pass


class NetworkUnavailable(Exception):
    """The TSA or a revocation server could not be reached: try again later."""


class CompletionRejected(Exception):
    """The answer was wrong or says no (garbage TSA reply, revoked certificate): do not retry blindly."""


@dataclass(frozen=True)
class CompletionConfig:
    tsa_url: str
    trust_roots: Sequence[Path] = ()
    cache_dir: Path | None = None
    timeout: float = 10.0
    extra_certs: Sequence = field(default_factory=tuple)


def next_level(level: str) -> str:
    return LEVELS[min(LEVELS.index(level) + 1, len(LEVELS) - 1)]


def complete_step(data: bytes, level: str, config: CompletionConfig) -> tuple[bytes, str]:
    """Take ``data`` (a PDF signed at ``level``) one level up; returns the new bytes and level."""
    if level == "B-B":
        return add_document_timestamp(data, config), "B-T"
    if level == "B-T":
        return add_revocation_info(data, config), "B-LT"
    return data, level


def add_document_timestamp(data: bytes, config: CompletionConfig) -> bytes:
    if not config.tsa_url:
        raise NetworkUnavailable("No timestamp authority (TSA) is configured.")
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    stamper = signers.PdfTimeStamper(RequestsHTTPTimeStamper(config.tsa_url, timeout=config.timeout))
    try:
        out = stamper.timestamp_pdf(writer, "sha256")
    except Exception as exc:
        raise _classify(exc, f"the timestamp authority {config.tsa_url}") from exc
    return out.getvalue()


def add_revocation_info(data: bytes, config: CompletionConfig) -> bytes:
    """Add OCSP/CRL answers for every signature and document timestamp (one update each)."""
    context = _online_context(config)
    count = len(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
    for index in range(count):
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signature = reader.embedded_signatures[index]
        try:
            out = add_validation_info(signature, context, output=io.BytesIO())
        except Exception as exc:
            raise _classify(exc, "the revocation servers (OCSP/CRL)") from exc
        data = out.getvalue()
    if config.cache_dir:
        cache_validation_data(data, Path(config.cache_dir))
    return data


def _online_context(config: CompletionConfig) -> ValidationContext:
    # Why "require": B-LT means revocation data for every certificate; a missing answer must not pass.
    return ValidationContext(trust_roots=load_trust_roots(config.trust_roots), other_certs=list(config.extra_certs),
                             allow_fetching=True, revocation_mode="require")


def _classify(exc: BaseException, what: str) -> Exception:
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        chain.append(exc)
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    if any(isinstance(e, RevokedError) for e in chain):
        return CompletionRejected(f"A certificate is revoked: {chain[0]}")
    network = any(isinstance(e, NETWORK_ERRORS) for e in chain) or _unreachable(chain)
    if network:
        return NetworkUnavailable(f"Cannot reach {what}: {type(chain[-1]).__name__}: {chain[-1]}")
    return CompletionRejected(f"{what[0].upper()}{what[1:]} gave an unusable answer "
                              f"({type(chain[0]).__name__}: {chain[0]}); check the configured address.")


def _unreachable(chain) -> bool:
    # pyhanko_certvalidator reports a failed fetch as a path error whose text names the failure.
    text = " ".join(str(e).lower() for e in chain)
    return any(word in text for word in ("connection refused", "cannot connect", "timed out",
                                         "fetch", "failed to retrieve", "no revocation info"))


def cache_validation_data(data: bytes, cache_dir: Path) -> int:
    """Keep the DSS's certificates, CRLs and OCSP responses as files named by their hash."""
    dss = DocumentSecurityStore.read_dss(PdfFileReader(io.BytesIO(data), strict=False))
    written = 0
    groups: list[tuple[str, str, Callable]] = [
        ("certs", ".der", lambda: [c.dump() for c in dss.load_certs()]),
        ("crls", ".crl", lambda: [s.get_object().data for s in dss.crls]),
        ("ocsp", ".ocsp", lambda: [s.get_object().data for s in dss.ocsps]),
    ]
    for folder, suffix, blobs in groups:
        target = cache_dir / folder
        target.mkdir(parents=True, exist_ok=True)
        for blob in blobs():
            path = target / (hashlib.sha256(blob).hexdigest()[:32] + suffix)
            if not path.exists():
                path.write_bytes(blob)
                written += 1
    return written


def cached_certificates(cache_dir: Path) -> list:
    from asn1crypto import x509

    folder = Path(cache_dir) / "certs"
    return [x509.Certificate.load(p.read_bytes()) for p in sorted(folder.glob("*.der"))] if folder.is_dir() else []


@dataclass(frozen=True)
class CompletionResult:
    job_id: int
    filename: str
    level: str
    state: str  # pending | done | failed
    error: str = ""


def run_completion(jobs, config: CompletionConfig) -> list[CompletionResult]:
    """One pass over the pending jobs (``counter_app.signing.SigningJobs``): each goes as far as it can."""
    results = []
    for job in jobs.pending():
        data, level = jobs.pdf(job.id), job.level
        try:
            while LEVELS.index(level) < LEVELS.index(job.target_level):
                data, level = complete_step(data, level, config)
                jobs.advance(job.id, data, level)
        except NetworkUnavailable as exc:
            view = jobs.mark(job.id, "pending", error=str(exc))
        except CompletionRejected as exc:
            view = jobs.mark(job.id, "failed", error=str(exc))
        else:
            view = jobs.mark(job.id, "done")
        # The dossier code, never the file name: an officer may name a file after the citizen.
        log.info("signature job %s (%s): %s at %s", view.id, view.dossier_code, view.state, view.level)
        results.append(CompletionResult(view.id, view.filename, view.level, view.state, view.last_error))
    return results
