"""Every PAdES signature made at the counter, and its completion state (pure core, no devices).

``record`` keeps the signed PDF with its dossier as a document of kind ``signed_<kind>``
and queues a ``SignatureJob`` (B-B, target B-LT, ``pending``) with the signer, the counter
and the local signing time. The completion worker (``devices/signing/completion.py``)
reads ``pending()``, and after each step calls ``advance`` with the new bytes (the
document row then points at the completed PDF), then ``mark`` done / failed / still
pending with the reason.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from counter_app.documents import attach_document
from counter_app.dossiers.service import load_dossier
from counter_app.errors import InvalidInput
from counter_app.storage.models import Document, SignatureJob

STATES = ("pending", "done", "failed")


@dataclass(frozen=True)
class JobView:
    id: int
    dossier_code: str
    document_id: int | None
    filename: str
    sha256: str
    level: str
    target_level: str
    state: str
    signer: str
    counter: str
    signed_at: datetime
    attempts: int
    last_error: str
    updated_at: datetime


class SigningJobs:
    def __init__(self, core):
        self.core = core
        self.db = core.workspace.db
        self.files = core.workspace.files

    def check_may_sign(self, kind: str) -> None:
        """Raise the typed permission error before a PIN is asked, not after the token signed."""
        from counter_app.accounts.roles import Permission

        # The receiving officer signs the intake papers (forms 01–03, scans); anything else,
        # such as a result, is signed by the office leader.
        kind = kind.removeprefix("signed_")
        intake_paper = kind.startswith("form_") or kind == "scan"
        self.core.require(Permission.PRINT if intake_paper else Permission.SIGN_RESULT)

    def record(self, dossier_code: str, kind: str, signed_pdf: bytes, *, filename: str, signer: str,
               signed_at: datetime, counter: str | None = None, level: str = "B-B") -> JobView:
        """Keep a freshly signed PDF with its dossier and queue its completion."""
        self.check_may_sign(kind)  # checked again here: the core never trusts the screen
        if not signed_pdf.startswith(b"%PDF"):
            raise InvalidInput(f"{filename} is not a PDF.")
        counter = counter if counter is not None else self.core.settings().workstation.counter_label
        sha256 = self.files.put(signed_pdf)  # bytes first: the row never points at nothing
        now = self.core.clock()
        with self.db.write() as session:
            dossier = load_dossier(session, dossier_code)
            document = attach_document(session, dossier, kind=f"signed_{kind}"[:32], sha256=sha256,
                                       size=len(signed_pdf), filename=filename, now=now)
            job = SignatureJob(dossier_id=dossier.id, document_sha256=sha256, level=level, target_level="B-LT",
                               state="done" if level == "B-LT" else "pending", signer=signer, counter=counter,
                               signed_at=signed_at.astimezone().replace(tzinfo=None) if signed_at.tzinfo else signed_at,
                               attempts=0, last_error="", updated_at=now)
            session.add(job)
            session.flush()
            return _view(job, dossier.code, document)

    def pending(self) -> list[JobView]:
        return self.list(state="pending")

    def list(self, *, state: str | None = None, dossier_code: str | None = None) -> list[JobView]:
        with self.db.read() as session:
            query = select(SignatureJob).order_by(SignatureJob.id)
            if state:
                query = query.where(SignatureJob.state == state)
            views = []
            for job in session.scalars(query):
                code, document = _document_of(session, job)
                if dossier_code is None or code == dossier_code:
                    views.append(_view(job, code, document))
            return views

    def for_document(self, sha256: str) -> JobView | None:
        found = [v for v in self.list() if v.sha256 == sha256]
        return found[-1] if found else None

    def pdf(self, job_id: int) -> bytes:
        return self.files.get(self.get(job_id).sha256)

    def get(self, job_id: int) -> JobView:
        with self.db.read() as session:
            job = session.get(SignatureJob, job_id)
            if job is None:
                raise InvalidInput(f"No signature job {job_id}.")
            return _view(job, *_document_of(session, job))

    def advance(self, job_id: int, completed_pdf: bytes, level: str) -> JobView:
        """A completion step succeeded: keep the new PDF; the dossier's document now points at it."""
        sha256 = self.files.put(completed_pdf)
        with self.db.write() as session:
            job = session.get(SignatureJob, job_id)
            _, document = _document_of(session, job)
            if document is not None:
                document.sha256, document.size = sha256, len(completed_pdf)
            job.document_sha256, job.level, job.last_error = sha256, level, ""
            job.updated_at = self.core.clock()
            session.flush()
            return _view(job, *_document_of(session, job))

    def mark(self, job_id: int, state: str, *, error: str = "") -> JobView:
        """Record an attempt: ``pending`` (retry later, with why), ``done`` or ``failed``."""
        if state not in STATES:
            raise InvalidInput(f"Unknown signature job state {state!r}.")
        with self.db.write() as session:
            job = session.get(SignatureJob, job_id)
            job.state, job.last_error = state, error
            job.attempts = (job.attempts or 0) + 1
            job.updated_at = self.core.clock()
            session.flush()
            return _view(job, *_document_of(session, job))

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        for view in self.list():
            counts[view.state] = counts.get(view.state, 0) + 1
        return counts


def _document_of(session, job: SignatureJob) -> tuple[str, Document | None]:
    document = session.scalar(select(Document).where(Document.dossier_id == job.dossier_id,
                                                     Document.sha256 == job.document_sha256))
    code = document.dossier.code if document is not None else ""
    if document is None and job.dossier_id is not None:
        from counter_app.storage.models import Dossier

        dossier = session.get(Dossier, job.dossier_id)
        code = dossier.code if dossier else ""
    return code, document


def _view(job: SignatureJob, code: str, document: Document | None) -> JobView:
    return JobView(job.id, code, document.id if document else None, document.filename if document else "",
                   job.document_sha256, job.level, job.target_level, job.state, job.signer, job.counter,
                   job.signed_at, job.attempts or 0, job.last_error or "", job.updated_at)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
