"""Link and clock faults: a 10 kbit/s line, and counters whose clocks are a day off."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from counter_app.documents import attach_document
from counter_app.dossiers.service import load_dossier
from sync.status import sync_status
from sync.testing.counters import make_worker, receive, server_rows
from sync.testing.fault_proxy import FaultProxy
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import make_core


@pytest.mark.parametrize("skew", [timedelta(days=1), timedelta(days=-1)], ids=["ahead", "behind"])
def test_a_counter_clock_a_day_off_still_delivers_everything_once(tmp_path, server, skew):
    def wrong_clock():
        return datetime.now().replace(microsecond=0) + skew

    core = make_core(tmp_path / "ws", clock=wrong_clock)
    codes = [receive(core, name, at=wrong_clock(), with_form=True) for name in ("Nguyễn Văn An", "Lê Thị Bình")]
    worker = make_worker(core, server.url, clock=wrong_clock)
    report = worker.run_once()
    assert report.ok, report.error
    assert worker.run_once().ok  # a second round sends nothing twice
    status = sync_status(core.workspace)
    assert (status.pending, status.rejected) == (0, 0)
    assert sorted(r[0] for r in server_rows(server.db_url, "SELECT code FROM dossiers")) == sorted(codes)
    # The counter's device time is kept as the counter said it (never "corrected"); the
    # server's own clock records when it applied the op.
    device_days = {r[0][:10] for r in server_rows(server.db_url, "SELECT device_time FROM events")}
    assert device_days == {wrong_clock().date().isoformat()}
    merged = [datetime.fromisoformat(r[0]) for r in server_rows(server.db_url, "SELECT at FROM events")]
    assert merged and all(abs(at - datetime.now()) < timedelta(hours=1) for at in merged)


def test_a_10_kbit_link_delivers_a_dossier_and_its_file(tmp_path, server):
    core = make_core(tmp_path / "ws")
    code = receive(core, "Trần Văn Cường")
    scan = random.Random(3).randbytes(4096)  # a small scan: at 10 kbit/s every byte counts
    with core.workspace.db.write() as session:
        attach_document(session, load_dossier(session, code), kind="scan", sha256=core.workspace.files.put(scan),
                        size=len(scan), filename="scan.pdf", now=datetime.now())
    slow = FaultProxy(server.port, seed=7, bytes_per_second=10_000 / 8, latency=0.3)
    slow.start()
    try:
        report = make_worker(core, slow.url).run_once()
    finally:
        slow.stop()
    assert report.ok, report.error
    assert server_rows(server.db_url, "SELECT code FROM dossiers") == [(code,)]
    assert server_rows(server.db_url, "SELECT size FROM files") == [(len(scan),)]
    assert slow.stats.bytes_up >= len(scan)  # it really went through the 10 kbit/s line
