"""PAdES B-B signing with pyHanko: one file, or a batch in one token session.

Every signature is an incremental update, so earlier signatures stay valid. Output is
written to a temporary file and renamed, so a failure never leaves half a PDF behind
and never touches the source.
"""
from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError as HankoPdfError
from pyhanko.sign import fields, signers

from counter_app.errors import CounterError, PdfDamaged, PdfEncrypted, PdfError, TokenNotFound
from counter_app.ports import SignatureSpec, SignJob, SignOutcome
from counter_app.storage.files_io import write_atomically
from devices.signing import certificates, stamp
from devices.signing.pkcs11_errors import device_error, pkcs11_cause

Clock = Callable[[], datetime]
STAMP_SIZE = (230.0, 72.0)  # points; bottom-right corner by default
MARGIN = 36.0


def local_now() -> datetime:
    return datetime.now().astimezone()


class _TimedPdfSigner(signers.PdfSigner):
    """Why: the stamp, /M and our outcome must show one and the same signing time."""

    def __init__(self, *args, signing_time: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self.signing_time
        return session


def open_pdf(data: bytes, name: str) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (HankoPdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise PdfDamaged(f"{name} is not a readable PDF ({exc}): scan or export it again.", file=name) from exc
    if writer.prev.encrypted:
        raise PdfEncrypted(f"{name} is password-protected: remove the protection before signing.", file=name)
    try:
        writer.root["/Pages"]  # a PDF whose catalogue cannot be resolved is damaged too
        writer.prev.root["/Pages"]["/Count"]
    except (HankoPdfError, KeyError, TypeError) as exc:
        raise PdfDamaged(f"{name} is damaged ({exc}): scan or export it again.", file=name) from exc
    return writer


def _field_spec(writer: IncrementalPdfFileWriter, spec: SignatureSpec, name: str) -> tuple[str, fields.SigFieldSpec | None]:
    existing = {fname: value for fname, value, _ in fields.enumerate_sig_fields(writer.prev)}
    if spec.field_name and spec.field_name in existing:
        if existing[spec.field_name] is not None:
            raise PdfError(f"The signature field {spec.field_name!r} of {name} is already signed.",
                           file=name, field=spec.field_name)
        return spec.field_name, None  # sign the prepared field where the form put it
    field_name = spec.field_name or _free_name(existing)
    box = spec.box or _default_box(writer, spec.page)
    return field_name, fields.SigFieldSpec(sig_field_name=field_name, on_page=spec.page,
                                           box=tuple(int(round(v)) for v in box))


def _free_name(existing) -> str:
    n = len(existing) + 1
    while f"ChuKy{n}" in existing:
        n += 1
    return f"ChuKy{n}"


def _default_box(writer: IncrementalPdfFileWriter, page: int) -> tuple[float, float, float, float]:
    count = int(writer.prev.root["/Pages"]["/Count"])
    page_obj = writer.prev.find_page_for_modification(page % count)[0].get_object()
    x0, y0, x1, _ = (float(v) for v in page_obj.get("/MediaBox", [0, 0, 595, 842]))
    width, height = STAMP_SIZE
    return (x1 - MARGIN - width, y0 + MARGIN, x1 - MARGIN, y0 + MARGIN + height)


def sign_pdf(signer: signers.Signer, job: SignJob, spec: SignatureSpec, *, clock: Clock = local_now) -> datetime:
    """Sign ``job.source`` into ``job.output``; returns the local signing time on the stamp."""
    source = Path(job.source)
    writer = open_pdf(source.read_bytes(), source.name)
    field_name, field_spec = _field_spec(writer, spec, source.name)
    cert_name = certificates.describe(signer.signing_cert).common_name
    lines, params = stamp.stamp_params(spec, cert_name)
    signed_at = clock()
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason=spec.reason or None, location=spec.location or None, name=params["signer"])
    pdf_signer = _TimedPdfSigner(meta, signer, stamp_style=stamp.stamp_style(lines),
                                 new_field_spec=field_spec, signing_time=signed_at)
    buffer = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=buffer, appearance_text_params=params)
    except HankoPdfError as exc:
        if pkcs11_cause(exc):
            raise
        raise PdfDamaged(f"{source.name} could not be signed ({exc}).", file=source.name) from exc
    write_atomically(Path(job.output), buffer.getbuffer())
    return signed_at


def sign_batch(signer: signers.Signer, jobs: Sequence[SignJob], spec: SignatureSpec, *,
               token_label: str = "", clock: Clock = local_now,
               progress: Callable[[int, int], None] | None = None) -> list[SignOutcome]:
    """Sign each job in turn; a bad file is skipped, a lost token stops the rest (resumable)."""
    outcomes: list[SignOutcome] = []
    for index, job in enumerate(jobs):
        try:
            signed_at = sign_pdf(signer, job, spec, clock=clock)
        except CounterError as exc:
            outcomes.append(SignOutcome(job.source, job.output, False, error=exc.code, message=exc.message))
            continue
        except Exception as exc:
            cause = pkcs11_cause(exc)
            if cause is None:
                raise
            lost = device_error(cause, token_label)
            outcomes.extend(SignOutcome(j.source, j.output, False, error=lost.code, message=lost.message)
                            for j in jobs[index:])
            break
        outcomes.append(SignOutcome(job.source, job.output, True, signed_at=signed_at))
        if progress:
            progress(index + 1, len(jobs))
    return outcomes


def not_done(outcomes: Sequence[SignOutcome]) -> list[SignJob]:
    """The jobs to run again after the token is back (or the file fixed)."""
    return [SignJob(o.source, o.output) for o in outcomes if not o.done]


def raise_first_failure(outcomes: Sequence[SignOutcome]) -> None:
    """For one-file callers (the CLI): turn a failed outcome back into its typed error."""
    from counter_app import errors

    for outcome in outcomes:
        if not outcome.done:
            kind = next((cls for cls in _error_classes(errors) if cls.code == outcome.error), TokenNotFound)
            raise kind(outcome.message, file=str(outcome.source))


def _error_classes(module):
    return [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, CounterError)]
