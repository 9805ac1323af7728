"""Power cut during a save: kill -9 a process that is receiving dossiers, many times.

After each kill the workspace must hold only whole dossiers (components, first event,
outbox op), a code counter at least as far as the codes issued, and an intact chain.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from counter_app.dossiers.events import verify_chain
from counter_app.workspace import open_workspace
from tests.conftest import REPO, make_core

WRITER = """
import sys
from datetime import datetime
sys.path.insert(0, {repo!r})
from counter_app.core import CounterCore
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from counter_app.workspace import open_workspace
core = CounterCore(open_workspace({root!r}), clock=lambda: datetime(2026, 11, 25, 17, 0))
print("ready", flush=True)
i = 0
while True:
    i += 1
    missing = (MissingComponent("TP2"),) if i % 3 == 0 else ()
    core.receive(IntakeRequest("1.004227", ApplicantInput(name=f"Lê Văn Nam {{i}}"),
                               missing=missing, received_at=datetime(2026, 11, 25, 9, 0)))
"""


def check_consistent(root) -> int:
    with sqlite3.connect(root / "counter.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        dossiers = db.execute("SELECT id, code FROM dossiers").fetchall()
        for dossier_id, _code in dossiers:
            assert db.execute("SELECT count(*) FROM dossier_components WHERE dossier_id=?",
                              (dossier_id,)).fetchone()[0] == 3
            assert db.execute("SELECT count(*) FROM dossier_events WHERE dossier_id=?",
                              (dossier_id,)).fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM outbox_ops").fetchone()[0] == len(dossiers)
        indexed = db.execute("SELECT count(*) FROM dossier_search WHERE dossier_search MATCH 'nam'").fetchone()[0]
        assert indexed == len(dossiers)
        last = db.execute("SELECT max(last_value) FROM code_counters").fetchone()[0]
        numbers = [int(code[-4:]) for _id, code in dossiers]
        assert not numbers or last >= max(numbers)
        assert len(numbers) == len(set(numbers))
    workspace = open_workspace(root)
    with workspace.db.read() as session:
        assert verify_chain(session) == []
    workspace.close()
    return len(dossiers)


def test_kill_9_during_saves_leaves_whole_dossiers_only(tmp_path):
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    rng = random.Random(9)
    total = 0
    for _round in range(6):
        script = WRITER.format(repo=str(REPO), root=str(root))
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        count = check_consistent(root)
        assert count >= total  # nothing committed before is ever lost
        total = count
    assert total > 0
