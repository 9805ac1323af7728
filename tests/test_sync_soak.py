"""Randomized, seeded soak: several counters × dossiers × faults, then both sides compared.

The proxy drops responses after the server committed, cuts requests and responses
mid-way and injects 5xx at random (seeded, so a failure replays). The server is also
killed with SIGKILL and restarted once. Afterwards every counter event, file and
province status must be on both sides exactly once.
"""
from __future__ import annotations

import random

from sqlalchemy import text

from sync.server import admin
from sync.status import sync_status
from sync.testing.counters import make_worker, receive, server_rows
from sync.testing.fault_proxy import FaultProxy
from sync.testing.server_process import ServerProcess
from tests.conftest import make_core

FAULTS = {"drop_response": 0.08, "cut_request": 0.06, "cut_response": 0.06, "error": 0.06}
SMALL_CHUNKS = {"chunk": 16 * 1024, "min_chunk": 16 * 1024, "max_chunk": 32 * 1024}


def list_views(core):
    from counter_app.view_audit import list_views as stored_views

    with core.workspace.db.read() as session:
        return stored_views(session, limit=10_000)


def counter_history(core) -> list[tuple]:
    with core.workspace.db.read() as session:
        return [tuple(row) for row in session.execute(text(
            "SELECT d.code, e.seq, e.action, e.status FROM dossier_events e "
            "JOIN dossiers d ON d.id = e.dossier_id ORDER BY d.code, e.seq"))]


def stored_hashes(core) -> set[str]:
    with core.workspace.db.read() as session:
        return {row[0] for row in session.execute(text("SELECT sha256 FROM documents"))}


def test_counters_converge_through_faults_with_nothing_lost_or_doubled(tmp_path):
    rng = random.Random(2026)
    province = ServerProcess(tmp_path / "province").start()
    proxy = FaultProxy(province.port, seed=2026, rates=dict(FAULTS))
    proxy.start()
    cores = [make_core(tmp_path / f"counter{slot}", slot=slot) for slot in (1, 2, 3)]
    workers = [make_worker(core, proxy.url, uploader_options=SMALL_CHUNKS) for core in cores]
    province_set: set[str] = set()
    try:
        for round_ in range(6):
            for index, (core, worker) in enumerate(zip(cores, workers)):
                for n in range(2):
                    code = receive(core, f"Công dân {round_}-{index}-{n}", with_form=rng.random() < 0.5)
                    if rng.random() < 0.5:
                        core.dossiers.apply(code, "transfer", transferred_to="Phòng Tư pháp")
                worker.run_once()  # may fail at any point: that is the test
            for (code,) in server_rows(province.db_url, "SELECT code FROM dossiers WHERE status = 4"):
                if code not in province_set and rng.random() < 0.7:
                    admin.set_status(province.db_url, code, 9, note="Đã có kết quả")
                    province_set.add(code)
            if round_ == 2:
                province.stop(kill=True)  # SIGKILL mid-run, then back on the same port
                province.start()
        proxy.rates = {}
        for _ in range(4):
            for worker in workers:
                worker.run_once()
    finally:
        proxy.stop()
        province.stop()

    assert sum(proxy.stats.faults.values()) >= 10, proxy.stats.faults
    local = sorted(row for core in cores for row in counter_history(core))
    remote = sorted(server_rows(province.db_url, "SELECT d.code, e.counter_seq, e.action, e.status FROM events e "
                                                 "JOIN dossiers d ON d.uuid = e.dossier_uuid"))
    assert local == remote  # every event once, in the same place of the same dossier
    assert len(local) == len(set(local))
    assert province_set and all(row in remote for row in local if row[2] == "result_ready")
    assert len([r for r in local if r[2] == "result_ready"]) == len(province_set)
    applied = server_rows(province.db_url, "SELECT count(*) FROM applied_ops WHERE kind = 'dossier.event'")[0][0]
    assert applied == len(local)
    # The officers' views (forms printed) travel too, each once.
    local_views = sum(len(list_views(core)) for core in cores)
    remote_views = server_rows(province.db_url, "SELECT count(*) FROM view_events")[0][0]
    assert remote_views == local_views
    for core in cores:
        status = sync_status(core.workspace)
        assert status.delivered and not status.conflicts
        for sha in stored_hashes(core):
            assert server_rows(province.db_url, "SELECT complete FROM files WHERE sha256 = ?", sha) == [(1,)]
