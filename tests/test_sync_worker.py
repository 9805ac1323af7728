"""The outbox worker against the real server: delivery, 5xx, rejection, CLI, background restart."""
from __future__ import annotations

import json
import time

from sqlalchemy import select

import composition_root
from counter_app.storage.models import OutboxOp
from sync.state import load_state
from sync.status import sync_status
from sync.testing.counters import make_worker, receive, server_rows
from sync.testing.fault_proxy import Rule
from sync.testing.fixtures import proxy, server  # noqa: F401 (fixtures)
from sync.testing.server_process import ServerProcess, free_port
from tests.conftest import make_core


def ops_of(core) -> list[OutboxOp]:
    with core.workspace.db.read() as session:
        return list(session.scalars(select(OutboxOp).order_by(OutboxOp.id)))


def test_cli_delivers_dossiers_and_files_and_reports_status(tmp_path, server, capsys):
    core = make_core(tmp_path / "ws")
    codes = [receive(core, "Nguyễn Văn An", with_form=True), receive(core, "Lê Thị Bình")]
    core.dossiers.apply(codes[1], "transfer", transferred_to="Phòng Tư pháp")
    workspace = str(tmp_path / "ws")
    assert composition_root.main(["sync", "--once", "--server", server.url, "--workspace", workspace]) == 0
    assert server_rows(server.db_url, "SELECT code, status, counter_seq FROM dossiers ORDER BY code") == [
        (codes[0], 2, 1), (codes[1], 4, 2)]
    [(intake,)] = server_rows(server.db_url, "SELECT intake FROM dossiers WHERE code = ?", codes[0])
    [document] = json.loads(intake)["documents"]
    assert json.loads(intake)["applicant"]["name"] == "Nguyễn Văn An"
    assert server_rows(server.db_url, "SELECT complete FROM files WHERE sha256 = ?", document["sha256"]) == [(1,)]
    capsys.readouterr()
    assert composition_root.main(["sync", "status", "--json", "--workspace", workspace]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == 0 and status["delivered"] and status["registered"]
    assert status["last_success"] and not status["last_error"]
    # A second run has nothing to send and still exits 0: everything is delivered.
    assert composition_root.main(["sync", "--once", "--workspace", workspace]) == 0
    assert [op.attempts for op in ops_of(core)] == [1, 1, 1]


def test_server_error_keeps_ops_pending_with_the_error_then_delivers(tmp_path, server, proxy):
    core = make_core(tmp_path / "ws")
    code = receive(core)
    worker = make_worker(core, proxy.url)
    proxy.add(Rule("error", method="POST", path_prefix="/api/v1/ops", status=500, times=2))
    report = worker.run_once()
    assert not report.ok and "500" in report.error
    [op] = ops_of(core)
    assert (op.state, op.attempts) == ("pending", 1) and "500" in op.last_error
    assert "500" in sync_status(core.workspace).last_error
    assert server_rows(server.db_url, "SELECT count(*) FROM dossiers") == [(0,)]
    report = worker.run_once()
    [op] = ops_of(core)
    assert report.ok and (op.state, op.attempts, op.last_error) == ("sent", 2, "")
    assert server_rows(server.db_url, "SELECT code FROM dossiers") == [(code,)]


def test_503_with_retry_after_is_retried_within_the_round(tmp_path, server, proxy):
    core = make_core(tmp_path / "ws")
    receive(core)
    proxy.add(Rule("error", method="POST", path_prefix="/api/v1/ops", status=503, retry_after=0))
    report = make_worker(core, proxy.url).run_once()
    assert report.ok and report.push.sent == 1
    assert proxy.stats.faults == {"error": 1}


def test_rejected_op_is_parked_with_the_reason_and_its_dossier_waits(tmp_path, server):
    first, second = make_core(tmp_path / "a"), make_core(tmp_path / "b")  # same slot: a misconfiguration
    taken = receive(first, "Nguyễn Văn An")
    assert make_worker(first, server.url).run_once().ok
    clash, fine = receive(second, "Phạm Văn Cường"), receive(second, "Đỗ Thị Dung")
    assert clash == taken
    second.dossiers.apply(clash, "transfer", transferred_to="Phòng Tư pháp")
    worker = make_worker(second, server.url)
    report = worker.run_once()
    assert (report.push.sent, report.push.rejected) == (1, 1)
    states = [(op.payload["code"], op.payload["seq"], op.state) for op in ops_of(second)]
    assert states == [(clash, 1, "rejected"), (fine, 1, "sent"), (clash, 2, "pending")]
    status = sync_status(second.workspace)
    assert not status.delivered
    assert "already used by another dossier" in status.rejected_ops[0]["reason"]
    assert composition_root.main(["sync", "--once", "--workspace", str(tmp_path / "b")]) == 1
    # Put back in line, the op is judged again (not answered from a cache) and refused again.
    assert composition_root.main(["sync", "resend", status.rejected_ops[0]["op_id"],
                                  "--workspace", str(tmp_path / "b")]) == 0
    assert worker.run_once().push.rejected == 1
    assert server_rows(server.db_url, "SELECT count(*) FROM dossiers") == [(2,)]


def test_background_worker_syncs_by_itself_once_the_server_is_reachable(tmp_path):
    core = make_core(tmp_path / "ws")
    receive(core)
    port = free_port()
    worker = make_worker(core, f"http://127.0.0.1:{port}", interval=0.2, max_backoff=0.3)
    worker.start()
    province = None
    try:
        deadline = time.monotonic() + 5
        while not sync_status(core.workspace).last_error and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "Cannot reach" in sync_status(core.workspace).last_error
        province = ServerProcess(tmp_path / "province", port=port).start()
        deadline = time.monotonic() + 30
        while not sync_status(core.workspace).delivered and time.monotonic() < deadline:
            time.sleep(0.1)
        assert sync_status(core.workspace).delivered
        assert server_rows(province.db_url, "SELECT count(*) FROM dossiers") == [(1,)]
    finally:
        worker.stop()
        if province:
            province.stop()


def test_revoked_workstation_says_so_and_keeps_its_ops(tmp_path, server, capsys):
    core = make_core(tmp_path / "ws")
    receive(core)
    worker = make_worker(core, server.url)
    assert worker.run_once().ok
    receive(core, "Lê Thị Bình")
    with core.workspace.db.read() as session:
        workstation_id = load_state(session).workstation_id
    assert server.admin("revoke", str(workstation_id)).returncode == 0
    report = worker.run_once()
    assert report.error_code == "sync_credential" and "revoked" in report.error
    assert [op.state for op in ops_of(core)] == ["sent", "pending"]
    capsys.readouterr()
    assert composition_root.main(["sync", "--once", "--workspace", str(tmp_path / "ws")]) == 1
    assert "revoked" in capsys.readouterr().out
    assert "revoked" in sync_status(core.workspace).last_error


def test_sync_without_a_server_says_how_to_set_one(tmp_path, capsys):
    make_core(tmp_path / "ws").workspace.close()
    assert composition_root.main(["sync", "--once", "--json", "--workspace", str(tmp_path / "ws")]) == 1
    error = json.loads(capsys.readouterr().err)
    assert error["error"] == "sync_not_configured" and "--server" in error["message"]
