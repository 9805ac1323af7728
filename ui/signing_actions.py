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

from counter_app.errors import CounterError, RemoteSigningRejected, TokenLocked, WrongPin
from counter_app.ports import SignatureSpec, SignJob
from counter_app.signing import SigningJobs
from ui.labels import signature_level_name
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from ui.signing_dialog import PinCache, PinDialog, SigningProgress
from ui.signing_verify import SignatureView


# What the PIN dialog calls the signer: its adapter code ("pkcs11") means nothing to an officer.
SIGNER_NAMES = {
    "pkcs11": QT_TRANSLATE_NOOP("SigningActions", "USB signing token or signing card"),
    "remote-csc": QT_TRANSLATE_NOOP("SigningActions", "remote signing service"),
    "simulated": QT_TRANSLATE_NOOP("SigningActions", "simulated signing token (training)"),
}


class _Progress(QObject):
    moved = Signal(int, int)  # emitted from the worker thread, delivered in the GUI thread


class _PassRelay(QObject):
    passed = Signal(object)  # a completion pass report, from the completion worker's thread


class _TokenRelay(QObject):
    changed = Signal(object)  # a TokenEvent, from the token watcher's thread


class SigningActions:
    def __init__(self, detail, signer, verifier, completer=None, *, pin_minutes: float = 0, worker=None):
        self.detail, self.signer, self.verifier, self.completer = detail, signer, verifier, completer
        self.core, self.runner = detail._core, detail._runner
        self.pins = PinCache(pin_minutes)
        self.pin_dialog: PinDialog | None = None
        self.progress: SigningProgress | None = None
        self.view: SignatureView | None = None
        self.states: dict[str, str] = {}  # document sha256 → shown signature state (for tests and a11y)
        self.worker = worker
        if worker is not None:
            self._relay = _PassRelay()
            self._relay.passed.connect(self._worker_pass)
            worker.on_pass = self._relay.passed.emit

    @property
    def _asks_otp(self) -> bool:
        return bool(getattr(self.signer, "asks_otp", False))

    def _use_otp(self, otp: str) -> None:
        self.signer.otp = lambda: otp  # read once by the remote signer's authorisation

    def forget_pin(self) -> None:
        """Drop the cached PIN (idle lock, token removed): the next signing asks again."""
        self.pins.clear()

    # -- the signing token ------------------------------------------------------------------

    def watch_tokens(self, watcher) -> None:
        """Show the token's state; a token pulled out forgets the cached PIN."""
        self._token_relay = _TokenRelay()
        self._token_relay.changed.connect(self.token_changed)
        watcher.on_event = self._token_relay.changed.emit

    def token_changed(self, event) -> None:
        if event.kind == "removed":
            self.forget_pin()  # whoever plugs a token in next types its PIN
            text = QCoreApplication.translate("SigningActions", "Signing token removed: {label}. Plug it in again to sign.").format(
                label=event.label)
        elif event.kind == "inserted":
            text = QCoreApplication.translate("SigningActions", "Signing token plugged in: {label}").format(label=event.label)
        elif event.present:
            text = QCoreApplication.translate("SigningActions", "Signing token: {labels}").format(labels=", ".join(event.present))
        else:
            text = QCoreApplication.translate("SigningActions", "No signing token is plugged in.")
        self.detail.token_state.setText(text)
        self.detail.token_state.show()

    # -- signature state per document -----------------------------------------------------

    def show_states(self, view) -> None:
        """Fill the documents' "Signature" column from the signature jobs (off the UI thread)."""
        code = view.code
        self.runner.submit(lambda: SigningJobs(self.core).list(dossier_code=code),
                           on_result=lambda jobs: self._fill_states(code, jobs), owner=self.detail)

    def _fill_states(self, code: str, jobs) -> None:
        view = self.detail.view
        if view is None or view.code != code:
            return  # another dossier is shown by now
        by_sha = {job.sha256: job for job in jobs}
        table = self.detail.documents
        for row, document in enumerate(view.documents[: table.rowCount()]):
            job = by_sha.get(document.sha256)
            text = state_text(job) if job is not None else ""
            self.states[document.sha256] = text
            item = table.item(row, 3)
            if item is not None:
                item.setText(text)
                item.setToolTip(state_tip(job) if job is not None else "")
        table.fit()

    def _worker_pass(self, report) -> None:
        if report.changed and self.detail.view is not None:
            self.detail.reload()

    # -- signing --------------------------------------------------------------------------

    def sign(self, documents) -> None:
        """Sign documents of the open dossier, or ``(dossier code, document)`` pairs of any dossiers."""
        code = self.detail.view.code if self.detail.view is not None else ""
        documents = [d if isinstance(d, tuple) else (code, d) for d in documents]
        try:  # a role that may not sign these hears it now, before typing a PIN for nothing
            for _code, document in documents:
                SigningJobs(self.core).check_may_sign(document.kind)
        except CounterError as error:
            self.detail.show_error_of(error)
            return
        pin = None if self._asks_otp else self.pins.get()  # a one-time code is new for every batch
        if pin is not None:
            self._sign_with(documents, pin)
            return
        self.pin_dialog = None  # a new session: a fresh dialog
        self.ask_pin(documents)

    def ask_pin(self, documents, error: BaseException | None = None) -> PinDialog:
        """Open the PIN dialog (again, with ``error``'s reason, after a refused PIN)."""
        dialog = self.pin_dialog
        if dialog is None:
            dialog = PinDialog(signer_name(self.signer), len(documents), self.detail, ask_otp=self._asks_otp)
            dialog.otp_entered.connect(self._use_otp)
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
        self.runner.submit(lambda: self._sign_and_record(documents, pin, relay.moved.emit),
                           on_result=lambda result: self._signed(pin, result),
                           on_error=lambda exc: self._failed(documents, exc),
                           on_finished=self._close_progress, owner=self.detail)

    def sign_unsigned(self, codes) -> None:
        """One PIN, one progress bar: every document of these dossiers that has no signed copy yet
        (after a token was pulled out mid-batch, this signs the rest)."""
        codes = list(codes)
        self.runner.submit(lambda: unsigned_documents(self.core, codes), on_result=self._sign_found,
                           on_error=self.detail.show_error_of, owner=self.detail)

    def _sign_found(self, found) -> None:
        if found:
            self.sign(found)
        else:
            self.detail.show_info(QCoreApplication.translate(
                "SigningActions", "Every document is already signed."))

    def _sign_and_record(self, documents, pin, progress):
        settings = self.core.settings()
        spec = SignatureSpec(agency=settings.office.agency_name)
        recorder = SigningJobs(self.core)
        with tempfile.TemporaryDirectory(prefix="ky-so-") as tmp:
            jobs = []
            for n, (_code, document) in enumerate(documents):
                source = Path(tmp) / f"{n}-{document.filename}"
                source.write_bytes(self.core.document_bytes(document.sha256))
                jobs.append(SignJob(source, Path(tmp) / "out" / f"{n}-{document.filename}"))
            outcomes = self.signer.sign_batch(jobs, spec, pin=pin, progress=progress)
            for (code, document), outcome in zip(documents, outcomes):
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
        if isinstance(error, (WrongPin, TokenLocked, RemoteSigningRejected)):
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


def unsigned_documents(core, codes) -> list:
    """(code, document) of each document with no signed copy in its dossier yet."""
    found = []
    for code in codes:
        documents = core.dossier(code).documents
        names = {d.filename for d in documents}
        found += [(code, d) for d in documents
                  if not d.kind.startswith("signed_") and _signed_name(d.filename) not in names]
    return found


def state_text(job) -> str:
    """"B-B — waiting for the network", "B-LT — complete", … in the UI language."""
    if job.state == "done":
        what = QCoreApplication.translate("SigningActions", "complete")
    elif job.state == "failed":
        what = QCoreApplication.translate("SigningActions", "completion failed")
    else:
        what = QCoreApplication.translate("SigningActions", "waiting for the network")
    return f"{job.level} — {what}"


def state_tip(job) -> str:
    """What the level code in the "Signature" column means, and the last completion problem."""
    lines = [signature_level_name(job.level)]
    if job.level != job.target_level:
        lines.append(QCoreApplication.translate("SigningActions", "When the network is back: {target}").format(
            target=signature_level_name(job.target_level)))
    if job.last_error:
        lines.append(job.last_error)
    return "\n".join(lines)


def signer_name(signer) -> str:
    name = getattr(signer, "name", "")
    if name in SIGNER_NAMES:
        return QCoreApplication.translate("SigningActions", SIGNER_NAMES[name])
    return QCoreApplication.translate("SigningActions", "signing token")


def _signed_name(filename: str) -> str:
    stem = filename.removesuffix(".pdf")
    return filename if stem.endswith("_ky") else f"{stem}_ky.pdf"
