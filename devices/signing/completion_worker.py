"""Complete B-B signatures in the background when the network returns (never on the UI thread).

Every ``interval`` seconds (or on ``wake()``), if signatures wait, the worker first asks the
TSA with a real HTTP request; only when it answers (any HTTP status: the server is there)
does it run a completion pass, which takes each job to B-T then B-LT. While the network is
down no attempt is counted and the wait grows (backoff with jitter, capped). Progress is in
SQLite (``counter_app.signing.SigningJobs``), so a restart resumes where it stopped.
"""
from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, field
from typing import Callable

import requests

from devices.signing.completion import CompletionConfig, CompletionResult, run_completion

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PassReport:
    pending_before: int
    reachable: bool
    results: tuple[CompletionResult, ...] = field(default_factory=tuple)
    error: str = ""

    @property
    def changed(self) -> bool:
        """Something moved (a level or a state): the screens showing it should reload."""
        return bool(self.results)


class CompletionWorker:
    def __init__(self, jobs_factory: Callable[[], object], config_factory: Callable[[], CompletionConfig], *,
                 interval: float = 60.0, max_backoff: float = 900.0, probe_timeout: float = 5.0):
        """``jobs_factory()``: a ``SigningJobs``; ``config_factory()``: the TSA and trust, read
        at each pass so a TSA set meanwhile is used."""
        self.jobs_factory, self.config_factory = jobs_factory, config_factory
        self.interval, self.max_backoff, self.probe_timeout = interval, max_backoff, probe_timeout
        self.on_pass: Callable[[PassReport], None] | None = None  # e.g. a Qt signal's emit
        self.last: PassReport | None = None
        self._lock = threading.Lock()  # one pass at a time, whichever thread asks
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def for_workspace(cls, core, **options) -> "CompletionWorker":
        from counter_app.signing import SigningJobs
        from devices.signing.cli_completion import completion_config

        return cls(lambda: SigningJobs(core), lambda: completion_config(core.workspace.root), **options)

    # -- one pass ---------------------------------------------------------------------------

    def run_once(self) -> PassReport:
        with self._lock:
            jobs = self.jobs_factory()
            pending = len(jobs.pending())
            if not pending:
                report = PassReport(0, reachable=False)
            else:
                config = self.config_factory()
                problem = self.probe(config.tsa_url)
                if problem:
                    report = PassReport(pending, reachable=False, error=problem)
                else:
                    report = PassReport(pending, reachable=True, results=tuple(run_completion(jobs, config)))
            self.last = report
        if self.on_pass is not None:
            self.on_pass(report)
        return report

    def probe(self, url: str) -> str:
        """'' when the TSA answers at all; else why not (no attempt is spent on the jobs)."""
        if not url:
            return "No timestamp authority (TSA) is configured."
        try:
            requests.get(url, timeout=self.probe_timeout)
        except requests.RequestException as exc:
            return f"Cannot reach the timestamp authority {url}: {type(exc).__name__}"
        return ""

    # -- background thread ------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="signature-completion", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        """Try now (e.g. the officer pressed "complete now" or the sync worker got through)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                report = self.run_once()
                waiting = report.pending_before and not report.reachable
            except Exception:  # a bad pass must not kill the worker; the jobs keep their state
                log.exception("signature completion pass failed")
                waiting = True
            failures = failures + 1 if waiting else 0
            delay = self.interval if not failures else min(self.max_backoff, self.interval * 2 ** (failures - 1))
            self._wake.wait(delay * (0.9 + 0.2 * random.random()) if failures else delay)
            self._wake.clear()
