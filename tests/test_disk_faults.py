"""A full disk and a read-only workspace: a clear error and nothing half-written.

Both use a real small tmpfs mount (the test command runs as root), so SQLite and the
file store meet the genuine ENOSPC / EROFS errors.
"""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

import pytest
from sqlalchemy import func, select

from counter_app.core import CounterCore
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import DiskFull, WorkspaceReadOnly
from counter_app.storage.models import Dossier
from counter_app.workspace import open_workspace
from tests.conftest import NOW, make_core


@pytest.fixture
def mount_point(tmp_path):
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def mount_tmpfs(point, size: str, *options: str):
    opts = ",".join((f"size={size}", *options))
    subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(point)], check=True)


def dossier_count(core) -> int:
    with core.workspace.db.read() as session:
        return session.scalar(select(func.count()).select_from(Dossier))


def receive(core, name="Hoàng Văn Long"):
    return core.receive(IntakeRequest("1.004227", ApplicantInput(name=name, address="x" * 4000),
                                      received_at=datetime(2026, 11, 25, 9, 0)))


def test_full_disk_gives_disk_full_and_keeps_earlier_dossiers(mount_point):
    mount_tmpfs(mount_point, "1200k")
    core = make_core(mount_point / "ws")
    saved = 0
    with pytest.raises(DiskFull) as caught:
        for index in range(2000):
            receive(core, name=f"Người thứ {index}")
            saved += 1
    assert "disk is full" in caught.value.message
    assert saved > 0
    assert dossier_count(core) == saved  # the failed one left nothing behind
    with pytest.raises(DiskFull):
        core.workspace.files.put(b"\0" * 2_000_000)
    assert not list((mount_point / "ws" / "files").glob("??/??/.incoming-*"))
    core.workspace.close()


def test_read_only_workspace_refuses_writes_but_still_reads(mount_point, tmp_path):
    mount_tmpfs(mount_point, "20m")
    core = make_core(mount_point / "ws")
    code = receive(core).code
    core.workspace.close()
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    core = CounterCore(open_workspace(mount_point / "ws"), clock=lambda: NOW)
    assert core.dossier(code).applicant_name == "Hoàng Văn Long"
    with pytest.raises(WorkspaceReadOnly):
        receive(core, name="Bùi Thị Yến")
    assert dossier_count(core) == 1
    core.workspace.close()
    assert shutil.disk_usage(mount_point).total > 0
