"""The counter's own disk fills up while the province's updates arrive: the round says the
disk is full, nothing half-stored, the cursor stays; with space again everything arrives once.

The workspace lives on a real small tmpfs mount (the test command runs as root), so SQLite
meets the genuine ENOSPC.
"""
from __future__ import annotations

import errno

from sqlalchemy import select

from counter_app.storage.models import Dossier
from sync.status import sync_status
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.test_disk_faults import mount_point, mount_tmpfs  # noqa: F401 (fixture)
from tests.test_sync_pull import delivered_dossier, province_events, set_status


def fill(folder) -> int:
    """Write a filler file until the disk refuses; returns the bytes written."""
    written = 0
    with (folder / "filler.bin").open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
                written += 65536
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return written


def status_of(core, code: str) -> int:
    """Read without opening the dossier (opening is an audited view: a write)."""
    with core.workspace.db.read() as session:
        return session.scalar(select(Dossier.status).where(Dossier.code == code))


def test_a_full_counter_disk_keeps_the_cursor_and_later_takes_each_update_once(mount_point, server):
    mount_tmpfs(mount_point, "4m")
    core, code, worker = delivered_dossier(mount_point / "ws", server)
    set_status(server, code, 4, "Chuyển phòng Tư pháp")
    set_status(server, code, 9)
    assert fill(mount_point) > 0
    report = worker.run_once()
    assert not report.ok and report.error_code == "disk_full", report
    assert status_of(core, code) == 2 and not province_events(core)  # nothing half-stored
    assert sync_status(core.workspace).cursor == 0  # the cursor moves only with stored changes
    (mount_point / "filler.bin").unlink()
    report = worker.run_once()
    assert report.ok and report.merged == 2, report
    assert status_of(core, code) == 9 and len(province_events(core)) == 2
    assert worker.run_once().merged == 0  # nothing doubled
    core.workspace.close()
