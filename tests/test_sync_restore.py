"""The province restores its server database from an older backup: the counter notices the
new server run, re-sends what the server lost (dossiers, events, files) and re-reads the
feed from where the server now stands. Nothing lost, nothing doubled."""
from __future__ import annotations

import shutil
import sqlite3

from sync.status import sync_status
from sync.testing.counters import make_worker, receive, server_rows
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import make_core
from tests.test_sync_pull import events_of, set_status


def snapshot(server, folder):
    """A consistent online backup (SQLite backup API) of the database, and the file store."""
    folder.mkdir()
    with sqlite3.connect(server.folder / "province.sqlite3") as source, \
            sqlite3.connect(folder / "province.sqlite3") as target:
        source.backup(target)
    shutil.copytree(server.folder / "province-files", folder / "province-files")


def restore(server, folder):
    server.stop()
    for suffix in ("", "-wal", "-shm"):
        (server.folder / f"province.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.copy2(folder / "province.sqlite3", server.folder / "province.sqlite3")
    shutil.rmtree(server.folder / "province-files")
    shutil.copytree(folder / "province-files", server.folder / "province-files")
    server.start()


def test_a_server_restored_from_an_older_backup_gets_back_everything_it_lost(tmp_path, server):
    core = make_core(tmp_path / "ws")
    first = receive(core, "Nguyễn Văn An", with_form=True)
    worker = make_worker(core, server.url)
    assert worker.run_once().ok
    snapshot(server, tmp_path / "backup")  # the province's nightly backup

    second = receive(core, "Trần Thị Bình", with_form=True)
    core.dossiers.apply(first, "transfer")
    set_status(server, first, 4)  # a change the restore will lose too
    assert worker.run_once().ok
    assert sync_status(core.workspace).cursor >= 1
    province_before = [e.action for e in events_of(core, first)]

    restore(server, tmp_path / "backup")
    report = worker.run_once()
    assert report.ok, report.error
    assert report.requeued >= 2  # the second dossier's intake and the first one's transfer
    status = sync_status(core.workspace)
    assert status.pending == 0 and status.rejected == 0
    rows = dict(server_rows(server.db_url, "SELECT code, status FROM dossiers"))
    assert set(rows) == {first, second}
    second_file = core.dossier(second).documents[0]
    assert (server.folder / "province-files" / second_file.sha256[:2] / second_file.sha256).stat().st_size \
        == second_file.size
    [entry] = worker_state_restores(core)
    assert entry["requeued"] == report.requeued and entry["cursor_to"] == 0

    # After the restore the province publishes again; its change ids start over but are not skipped.
    set_status(server, second, 4)
    assert worker.run_once().ok
    assert events_of(core, second)[-1].status == 4
    assert [e.action for e in events_of(core, first)] == province_before  # nothing doubled
    assert worker.run_once().requeued == 0  # same server run: no new check


def worker_state_restores(core):
    from sync.state import load_state

    with core.workspace.db.read() as session:
        return load_state(session).restores
