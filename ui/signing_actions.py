"""The "Sign…" and "Check signatures" actions of the dossier screen.

Signing: PIN (from the in-memory cache or the PIN dialog) → the signer's batch in a worker
with a progress dialog → each signed PDF kept with the dossier (``SigningJobs.record``,
B-B, completion pending). A wrong PIN signs nothing and asks again with the reason.
The signer (a ``counter_app.ports.Signer``) and the verifier (``path -> reports``) are
given by the composition root: this module imports no device code.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from counter_app.errors import TokenLocked, WrongPin
from counter_app.ports import SignatureSpec, SignJob
from counter_app.signing import SigningJobs
from ui.qt import QCoreApplication, QObject, Signal
from ui.signing_dialog import PinCache, PinDialog, SigningProgress
from ui.signing_verify import SignatureView


class _Progress(QObject):
    moved = Signal(int, int)  # emitted from the worker thread, delivered in the GUI thread


class SigningActions:
    def __init__(self, detail, signer, verifier, completer=None, *, pin_minutes: float = 0):
        self.detail, self.signer, self.verifier, self.completer = detail, signer, verifier, completer
        self.core, self.runner = detail._core, detail._runner
        self.pins = PinCache(pin_minutes)
        self.pin_dialog: PinDialog | None = None
        self.progress: SigningProgress | None = None
        self.view: SignatureView | None = None

    # -- signing --------------------------------------------------------------------------

    def sign(self, documents) -> None:
        documents = list(documents)
        pin = self.pins.get()
        if pin is not None:
            self._sign_with(documents, pin)
            return
        self.pin_dialog = None  # a new session: a fresh dialog
        self.ask_pin(documents)

    def ask_pin(self, documents, error: BaseException | None = None) -> PinDialog:
        """Open the PIN dialog (again, with ``error``'s reason, after a refused PIN)."""
        dialog = self.pin_dialog
        if dialog is None:
            dialog = PinDialog(getattr(self.signer, "name", "token"), len(documents), self.detail)
            dialog.pin_entered.connect(lambda pin: self._sign_with(documents, pin))
            self.pin_dialog = dialog
        if error is not None:
            dialog.show_error(error)
        dialog.open()
        return dialog

    def _sign_with(self, documents, pin: str) -> None:
        self.progress = SigningProgress(len(documents), self.detail)
        self.progress.show()
        relay = _Progress()
        relay.moved.connect(self.progress.advance)
        code = self.detail.view.code
        self.runner.submit(lambda: self._sign_and_record(code, documents, pin, relay.moved.emit),
                           on_result=lambda result: self._signed(pin, result),
                           on_error=lambda exc: self._failed(documents, exc),
                           on_finished=self._close_progress, owner=self.detail)

    def _sign_and_record(self, code, documents, pin, progress):
        settings = self.core.settings()
        spec = SignatureSpec(agency=settings.office.agency_name)
        recorder = SigningJobs(self.core)
        with tempfile.TemporaryDirectory(prefix="ky-so-") as tmp:
            jobs = []
            for n, document in enumerate(documents):
                source = Path(tmp) / f"{n}-{document.filename}"
                source.write_bytes(self.core.document_bytes(document.sha256))
                jobs.append(SignJob(source, Path(tmp) / "out" / document.filename))
            outcomes = self.signer.sign_batch(jobs, spec, pin=pin, progress=progress)
            for document, outcome in zip(documents, outcomes):
                if outcome.done:
                    recorder.record(code, document.kind.removeprefix("signed_"), outcome.output.read_bytes(),
                                    filename=_signed_name(document.filename),
                                    signer=settings.workstation.officer_name, signed_at=outcome.signed_at)
        return outcomes

    def _signed(self, pin: str, outcomes) -> None:
        self.pins.put(pin)
        done = sum(1 for o in outcomes if o.done)
        self.detail.reload()
        if done == len(outcomes):
            self.detail.show_info(QCoreApplication.translate(
                "SigningActions", "Signed {done} document(s); the timestamp is added when the network is back."
            ).format(done=done))
        else:
            self.detail.show_info(QCoreApplication.translate(
                "SigningActions",
                "Signed {done} of {total} document(s); sign the others again after fixing the problem."
            ).format(done=done, total=len(outcomes)))

    def _failed(self, documents, error: BaseException) -> None:
        if isinstance(error, (WrongPin, TokenLocked)):
            self.pins.clear()
            self.ask_pin(documents, error)
        else:
            self.detail.show_error_of(error)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    # -- verification ---------------------------------------------------------------------

    def verify(self, document) -> None:
        def check():
            with tempfile.TemporaryDirectory(prefix="kiem-tra-") as tmp:
                path = Path(tmp) / document.filename
                path.write_bytes(self.core.document_bytes(document.sha256))
                reports = self.verifier(path)
            return reports, SigningJobs(self.core).for_document(document.sha256)

        self.runner.submit(check, on_result=lambda result: self._show(document, *result),
                           on_error=self.detail.show_error_of, owner=self.detail)

    def _show(self, document, reports, job) -> None:
        if self.view is not None:
            self.view.close()
        offer = self.completer is not None and job is not None and job.state == "pending"
        self.view = SignatureView(document.filename, reports, job, self.detail, can_complete=offer)
        self.view.complete_requested.connect(lambda: self.complete(job))
        self.view.open()

    def complete(self, job) -> None:
        """Add the timestamp and revocation data now (network back), then show the result again."""
        def run():
            self.completer()
            return SigningJobs(self.core).get(job.id)

        self.runner.submit(run, on_result=self._completed, on_error=self.detail.show_error_of, owner=self.detail)

    def _completed(self, job) -> None:
        self.detail.reload()
        document = next((d for d in self.detail.view.documents if d.sha256 == job.sha256), None)
        if document is not None:
            self.verify(document)


def _signed_name(filename: str) -> str:
    stem = filename.removesuffix(".pdf")
    return filename if stem.endswith("_ky") else f"{stem}_ky.pdf"
