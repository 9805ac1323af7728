"""The sync worker: register once, then push the outbox and pull the change feed.

``run_once()`` does one full round (the CLI and tests call it). ``start()`` runs rounds
on a background thread — never the UI thread — waking every ``interval`` seconds or on
``wake()`` ("sync now"); after a failure it waits with exponential backoff and jitter,
so sync restarts by itself once a real request reaches the server again. All progress
is in SQLite, so a restart or kill -9 resumes where it stopped.
"""
from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from counter_app.errors import CounterError
from counter_app.settings import load_settings
from counter_app.workspace import Workspace
from sync import code_blocks
from sync.client import SyncClient
from sync.errors import NotConfigured, SyncError
from sync.pull import Hook, pull
from sync.push import PushReport, push
from sync.restore_check import check_after_restart
from sync.state import SyncState, load_state, save_state
from sync.tls import load_tls
from sync.uploads import Uploader
from sync.view_push import push_view_events

log = logging.getLogger(__name__)


@dataclass
class RoundReport:
    push: PushReport = field(default_factory=PushReport)
    merged: int = 0
    error: str = ""
    error_code: str = ""
    bytes_sent: int = 0
    code_blocks: int = 0  # dossier-code blocks obtained this round
    requeued: int = 0  # sent ops put back in line because the server lost them (restored backup)
    views: int = 0  # personal-data view events delivered (counter_app.view_audit)

    @property
    def ok(self) -> bool:
        return not self.error


class OutboxWorker:
    def __init__(self, workspace: Workspace, *, server_url: str | None = None, enrol_key: str | None = None,
                 client_factory: Callable[[str], SyncClient] = SyncClient, uploader_options: dict | None = None,
                 batch_size: int = 100, hook: Hook | None = None, interval: float = 30.0, max_backoff: float = 300.0,
                 clock: Callable[[], datetime] = datetime.now, code_block_size: int = 50,
                 code_block_low_water: int = 10):
        self.workspace = workspace
        self.enrol_key = enrol_key
        self.batch_size = batch_size
        self.hook = hook
        self.interval, self.max_backoff = interval, max_backoff
        self.clock = clock
        self.code_block_size, self.code_block_low_water = code_block_size, code_block_low_water
        state = self._state()
        url = server_url or state.server_url
        if not url:
            raise NotConfigured("No provincial server is set: run `counter-app sync --once --server URL` once.")
        if state.server_url and server_url and state.server_url.rstrip("/") != server_url.rstrip("/"):
            self._update(lambda s: _switch_server(s, server_url))
        self.client = client_factory(url)
        with workspace.db.read() as session:
            tls = load_tls(session)
        if tls.active:  # the province's CA and/or pinned key (sync --ca / --pin)
            self.client.use_tls(tls)
        self.client.token = self._state().token or None
        self.uploader = Uploader(self.client, workspace.files, **(uploader_options or {}))
        self._lock = threading.Lock()  # one round at a time, whichever thread asks
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.on_round: Callable[[RoundReport], None] | None = None  # e.g. a Qt signal's emit

    # -- one round ------------------------------------------------------------------------

    def run_once(self) -> RoundReport:
        with self._lock:
            report = RoundReport()
            sent_before = self.uploader.bytes_sent
            try:
                self._update(lambda s: setattr(s, "last_attempt", self._now()))
                health = self.client.health()  # reachability: a real request
                self._ensure_registered()
                report.requeued = check_after_restart(self.workspace, self.client, health.get("instance", ""),
                                                      self.clock())
                report.push = push(self.workspace, self.client, self.uploader, batch_size=self.batch_size)
                report.views = push_view_events(self.workspace, self.client, clock=self.clock)
                report.merged = pull(self.workspace, self.client, hook=self.hook)
                if report.merged:  # the counter's copies of province events go back as echoes
                    again = push(self.workspace, self.client, self.uploader, batch_size=self.batch_size)
                    report.push.sent += again.sent
                    report.push.rejected += again.rejected
                report.code_blocks = code_blocks.refill(self.workspace, self.client, self.clock().date(),
                                                        size=self.code_block_size,
                                                        low_water=self.code_block_low_water, now=self.clock())
            except (SyncError, CounterError) as exc:  # CounterError: e.g. the local disk is full
                report.error, report.error_code = exc.message, exc.code
            report.bytes_sent = self.uploader.bytes_sent - sent_before
            try:
                self._update(lambda s: _finish(s, report, self._now()))
            except CounterError as exc:  # the local disk is still full: the report says so
                if not report.error:
                    report.error, report.error_code = exc.message, exc.code
            if self.on_round:
                self.on_round(report)
            return report

    def _ensure_registered(self) -> None:
        state = self._state()
        if state.token:
            return
        with self.workspace.db.read() as session:
            settings = load_settings(session)
        answer = self.client.register(name=settings.workstation.name, agency_id=settings.office.agency_id,
                                      slot=settings.workstation.slot, enrol_key=self.enrol_key)
        self.client.token = answer["token"]

        def remember(s: SyncState) -> None:
            s.token, s.workstation_id, s.server_url = answer["token"], answer["workstation_id"], self.client.base_url

        self._update(remember)

    # -- background thread ----------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="sync-worker", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        failures = 0
        rng = random.Random()
        while not self._stop.is_set():
            try:
                ok = self.run_once().ok
            except Exception:  # never let the thread die: the next round tries again
                log.exception("sync round failed")
                ok = False
            failures = 0 if ok else failures + 1
            delay = self.interval if not failures else rng.uniform(0, min(self.max_backoff, 2.0 * 2 ** failures))
            self._wake.wait(delay)
            self._wake.clear()

    # -- state ----------------------------------------------------------------------------

    def _state(self) -> SyncState:
        with self.workspace.db.read() as session:
            return load_state(session)

    def _update(self, change: Callable[[SyncState], None]) -> None:
        with self.workspace.db.write() as session:
            state = load_state(session)
            change(state)
            save_state(session, state)

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")


def _finish(state: SyncState, report: RoundReport, now: str) -> None:
    state.last_error, state.last_error_code = report.error, report.error_code
    if report.ok:
        state.last_success = now


def _switch_server(state: SyncState, url: str) -> None:
    """Another server knows nothing of this counter: enrol again and read its feed from 0."""
    state.server_url, state.token, state.workstation_id, state.cursor = url.rstrip("/"), "", None, 0
