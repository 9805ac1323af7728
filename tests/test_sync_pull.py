"""The change feed: province status updates become counter events exactly once."""
from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from sqlalchemy import select

from counter_app.storage.models import DossierEvent
from sync.pull import PROVINCE_WORKSTATION
from sync.status import sync_status
from sync.testing.counters import make_worker, receive, server_rows
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import REPO, make_core

# A client process that dies by SIGKILL at a given point of the pull.
KILLED_CLIENT = """
import os, signal, sys
sys.path.insert(0, {repo!r})
from counter_app.core import CounterCore
from counter_app.workspace import open_workspace
from sync.testing.counters import make_worker

def hook(point):
    if point == {point!r}:
        os.kill(os.getpid(), signal.SIGKILL)

core = CounterCore(open_workspace({root!r}))
make_worker(core, {url!r}, hook=hook).run_once()
print("survived")
"""


def events_of(core, code):
    return core.dossier(code).events


def province_events(core) -> list[DossierEvent]:
    with core.workspace.db.read() as session:
        return list(session.scalars(select(DossierEvent).where(DossierEvent.workstation == PROVINCE_WORKSTATION)))


def set_status(server, code, status, note=""):
    done = server.admin("set-status", code, str(status), "--note", note)
    assert done.returncode == 0, done.stderr


def delivered_dossier(root, server):
    """A counter with one dossier already on the server, and its worker."""
    core = make_core(root)
    code = receive(core)
    worker = make_worker(core, server.url)
    assert worker.run_once().ok
    return core, code, worker


def test_province_status_becomes_one_event_by_the_province(tmp_path, server):
    core, code, worker = delivered_dossier(tmp_path / "ws", server)
    set_status(server, code, 4, "Chuyển phòng Tư pháp")
    set_status(server, code, 9)
    report = worker.run_once()
    assert report.merged == 2
    view = core.dossier(code)
    assert view.status == 9
    [processing, processed] = province_events(core)
    assert (processing.action, processing.status, processing.payload["note"]) == (
        "start_processing", 4, "Chuyển phòng Tư pháp")
    assert processed.action == "result_ready" and processed.officer.startswith("Tỉnh")
    assert worker.run_once().merged == 0  # read again: nothing new, nothing doubled
    assert len(province_events(core)) == 2
    assert sync_status(core.workspace).cursor == 2
    # The counter's copies went back as echoes: linked to the province events, not added.
    assert server_rows(server.db_url, "SELECT origin, counter_seq, action FROM events ORDER BY id") == [
        ("counter", 1, "receive"), ("province", 2, "start_processing"), ("province", 3, "result_ready")]
    assert sync_status(core.workspace).delivered


@pytest.mark.parametrize("point", ["fetched", "stored"])
def test_kill_9_between_fetch_and_store_loses_nothing_and_doubles_nothing(tmp_path, server, point):
    root = tmp_path / "ws"
    core, code, _worker = delivered_dossier(root, server)
    set_status(server, code, 4)
    script = KILLED_CLIENT.format(repo=str(REPO), root=str(root), url=server.url, point=point)
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr
    assert province_events(core) == [] and sync_status(core.workspace).cursor == 0
    report = make_worker(core, server.url).run_once()
    assert report.ok and report.merged == 1
    assert [e.status for e in events_of(core, code)] == [2, 4]
    assert sync_status(core.workspace).cursor == 1
    assert make_worker(core, server.url).run_once().merged == 0


def test_a_change_the_counter_cannot_apply_is_kept_as_a_conflict(tmp_path, server):
    core, code, worker = delivered_dossier(tmp_path / "ws", server)
    set_status(server, code, 4)
    core.dossiers.apply(code, "withdraw", note="Công dân rút hồ sơ")  # meanwhile, at the counter
    report = worker.run_once()
    assert report.merged == 0
    [conflict] = sync_status(core.workspace).conflicts
    assert (conflict["code"], conflict["status"], conflict["local_status"]) == (code, 4, 7)
    assert "not allowed" in conflict["reason"]
    assert core.dossier(code).status == 7  # nothing overwritten
    assert sync_status(core.workspace).cursor == 1  # stored (as a conflict): not fetched again
