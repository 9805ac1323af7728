"""The background completion worker: B-B signatures wait while the TSA/OCSP are unreachable and
are completed to B-LT by the worker's own thread once the loopback services start ("the network
returns"); the dossier screen's "Signature" column follows (pytest-qt)."""
from __future__ import annotations

import threading

import pytest

from counter_app.signing import SigningJobs
from devices.signing.completion import CompletionConfig
from devices.signing.completion_worker import CompletionWorker
from devices.signing.verify import verify_pdf
from tests.signing_responders import Responders
from tests.softhsm import hsm  # noqa: F401  (fixture)
from tests.test_signing_completion import signed_receipt
from ui.application import create_main_window
from ui.qt import QCoreApplication

WAIT = 60.0  # bound for a background pass to land (not a speed requirement)


@pytest.fixture
def responders(hsm):  # noqa: F811
    running = Responders(hsm)
    yield running
    running.stop()


def make_worker(core, hsm, responders, **options):  # noqa: F811
    def config():
        return CompletionConfig(tsa_url=responders.tsa_url, trust_roots=[hsm.trust_root],
                                cache_dir=core.workspace.root / "signing" / "cache", timeout=3)
    options = {"interval": 0.05, "max_backoff": 0.2, "probe_timeout": 2, **options}
    return CompletionWorker(lambda: SigningJobs(core), config, **options)


class Passes:
    """Collects the worker's pass reports (from its thread) and lets the test wait for one."""

    def __init__(self, worker):
        self.reports, self.cond = [], threading.Condition()
        worker.on_pass = self.add

    def add(self, report):
        with self.cond:
            self.reports.append(report)
            self.cond.notify_all()

    def wait_for(self, predicate):
        with self.cond:
            assert self.cond.wait_for(lambda: any(predicate(r) for r in self.reports), WAIT), self.reports
        return next(r for r in self.reports if predicate(r))


def test_worker_waits_while_unreachable_then_completes_to_b_lt_when_the_network_returns(
        core, hsm, tmp_path, responders):  # noqa: F811
    code, job = signed_receipt(core, hsm, tmp_path)
    worker = make_worker(core, hsm, responders)
    passes = Passes(worker)
    worker.start()
    try:
        down = passes.wait_for(lambda r: r.pending_before == 1)
        assert not down.reachable and "Cannot reach the timestamp authority" in down.error and not down.changed
        assert SigningJobs(core).get(job.id).attempts == 0  # a probe, not an attempt: nothing is spent

        responders.start()  # the network returns after the worker began

        up = passes.wait_for(lambda r: r.reachable)
    finally:
        worker.stop()
    result, = up.results
    assert (result.state, result.level, result.error) == ("done", "B-LT", "")
    done = SigningJobs(core).get(job.id)
    assert (done.state, done.level) == ("done", "B-LT") and SigningJobs(core).pending() == []
    assert {"/tsa", "/ocsp"} <= set(responders.hits)
    completed = tmp_path / "completed.pdf"
    completed.write_bytes(core.document_bytes(done.sha256))
    responders.stop()
    report, = verify_pdf(completed, [hsm.trust_root])
    assert (report.level, report.revocation, report.trusted) == ("B-LT", "good", True)


def test_worker_with_no_tsa_configured_says_so_and_keeps_the_job(core, hsm, tmp_path):  # noqa: F811
    _, job = signed_receipt(core, hsm, tmp_path)
    worker = CompletionWorker(lambda: SigningJobs(core), lambda: CompletionConfig(tsa_url=""))

    report = worker.run_once()

    assert (report.reachable, report.results) == (False, ())
    assert "No timestamp authority" in report.error
    assert SigningJobs(core).get(job.id).state == "pending" and SigningJobs(core).get(job.id).attempts == 0


def test_a_worker_with_nothing_pending_sends_no_request(core, hsm, responders):  # noqa: F811
    responders.start()
    report = make_worker(core, hsm, responders).run_once()
    assert (report.pending_before, report.reachable) == (0, False) and responders.hits == []


def test_a_broken_pass_does_not_stop_the_worker(core, hsm, tmp_path, responders):  # noqa: F811
    _, job = signed_receipt(core, hsm, tmp_path)
    calls = []

    def flaky_jobs():
        calls.append(1)
        if len(calls) == 1:
            raise OSError("database busy")  # the next pass must still run
        return SigningJobs(core)

    worker = make_worker(core, hsm, responders)
    worker.jobs_factory = flaky_jobs
    passes = Passes(worker)
    responders.start()
    worker.start()
    try:
        passes.wait_for(lambda r: r.reachable)
    finally:
        worker.stop()
    assert len(calls) >= 2 and SigningJobs(core).get(job.id).state == "done"


def test_dossier_screen_shows_each_documents_signature_state_and_follows_the_worker(
        core, hsm, tmp_path, responders, qtbot):  # noqa: F811
    code, job = signed_receipt(core, hsm, tmp_path)
    worker = make_worker(core, hsm, responders, interval=0.1)
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.open_dossier(code)
    detail = window.detail
    detail.set_signing(object(), lambda path: [], worker=worker)
    tr = QCoreApplication.translate
    waiting = f"B-B — {tr('SigningActions', 'waiting for the network')}"
    complete = f"B-LT — {tr('SigningActions', 'complete')}"
    signed_row = next(n for n, d in enumerate(detail.view.documents) if d.sha256 == job.sha256)
    qtbot.waitUntil(lambda: detail.documents.item(signed_row, 3).text() == waiting, timeout=10_000)
    assert detail.documents.item(0, 3).text() == ""  # the unsigned form has no signature state
    assert detail.documents.horizontalHeaderItem(3).text() == tr("DossierDetail", "Signature")

    worker.start()
    try:
        responders.start()  # network back: the worker completes, the screen reloads by itself
        qtbot.waitUntil(lambda: complete in detail.signing.states.values(), timeout=int(WAIT * 1000))
    finally:
        worker.stop()
    row = next(n for n, d in enumerate(detail.view.documents) if d.kind == "signed_form_01")
    assert detail.documents.item(row, 3).text() == complete


def test_start_signing_services_runs_the_worker_and_watches_a_token_signers_module(core, hsm):  # noqa: F811
    from devices.signing.pkcs11_signer import TokenSigner
    from devices.signing.wiring import start_signing_services

    worker, watcher = start_signing_services(core, TokenSigner(hsm.module, "01"), interval=0.05)
    try:
        report = worker.run_once()  # nothing pending in a new workspace
        assert report.pending_before == 0 and worker._thread.is_alive()
        assert watcher.module.path == hsm.module and watcher._thread.is_alive()
    finally:
        worker.stop()
        watcher.stop()
    assert not worker._thread.is_alive() and not watcher._thread.is_alive()
