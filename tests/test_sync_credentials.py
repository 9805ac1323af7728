"""Workstation credentials of the sync server as the counter sees them: unknown, revoked."""
from __future__ import annotations

import json

from sqlalchemy import select

import composition_root
from counter_app.storage.models import OutboxOp
from sync.state import load_state, save_state
from sync.testing.counters import make_worker, receive, server_rows
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import make_core


def states(core) -> list[str]:
    with core.workspace.db.read() as session:
        return [op.state for op in session.scalars(select(OutboxOp).order_by(OutboxOp.id))]


def test_an_unknown_or_expired_token_is_reported_by_sync_once_and_keeps_the_ops(tmp_path, server, capsys):
    core = make_core(tmp_path / "ws")
    receive(core)
    assert make_worker(core, server.url).run_once().ok
    receive(core, "Lê Thị Bình")
    with core.workspace.db.write() as session:  # e.g. the province reset its server: the token is gone
        state = load_state(session)
        state.token = "a-token-the-server-never-issued"
        save_state(session, state)
    capsys.readouterr()
    ws = ["--workspace", str(tmp_path / "ws")]
    assert composition_root.main(["sync", "--once", "--json", *ws]) == 1
    report = json.loads(capsys.readouterr().out)
    assert "not known to the server" in report["error"] and "province IT team" in report["error"]
    assert report["pending"] == 1 and not report["delivered"]
    assert composition_root.main(["sync", "--once", *ws]) == 1
    text = capsys.readouterr().out
    assert "not known to the server" in text and "Pending: 1 op(s)" in text
    assert states(core) == ["sent", "pending"]  # nothing lost
    assert server_rows(server.db_url, "SELECT count(*) FROM dossiers") == [(1,)]


def test_a_revoked_workstation_is_told_so_and_its_pending_ops_are_kept(tmp_path, server, capsys):
    core = make_core(tmp_path / "ws")
    receive(core)
    worker = make_worker(core, server.url)
    assert worker.run_once().ok
    receive(core, "Lê Thị Bình", with_form=True)
    with core.workspace.db.read() as session:
        workstation_id = load_state(session).workstation_id
    assert server.admin("revoke", str(workstation_id)).returncode == 0
    capsys.readouterr()
    assert composition_root.main(["sync", "--once", "--json", "--workspace", str(tmp_path / "ws")]) == 1
    report = json.loads(capsys.readouterr().out)
    assert "access was revoked by the province" in report["error"] and "enrol this counter again" in report["error"]
    assert states(core) == ["sent", "pending"]  # nothing lost: it goes once the counter is enrolled again
    assert server_rows(server.db_url, "SELECT count(*) FROM dossiers") == [(1,)]
    from sync.status import sync_status

    status = sync_status(core.workspace)
    assert status.last_error_code == "sync_credential" and status.pending == 1
