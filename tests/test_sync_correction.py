"""A correction reaches the province: its event once, the corrected intake (also after the
dossier was transferred), and the status a paper correction leads to; a correction claiming a
status the rules do not give is refused."""
from __future__ import annotations

import json
import uuid

from counter_app.dossiers.correction import Correction, PaperCorrection
from sync.testing.counters import make_worker, new_op, receive, server_rows
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import make_core
from tests.test_sync_server import registered


def server_dossier(server, code):
    [(intake, status)] = server_rows(server.db_url, "SELECT intake, status FROM dossiers WHERE code = ?", code)
    return (json.loads(intake) if isinstance(intake, str) else intake), status


def test_corrections_reach_the_province_with_the_corrected_intake(tmp_path, server):
    core = make_core(tmp_path / "ws")
    transferred = receive(core, "Nguyễn Văn Ann")
    at_counter = receive(core, "Lê Thị Bình")
    core.dossiers.apply(transferred, "transfer", transferred_to="Công chức tư pháp")
    worker = make_worker(core, server.url)
    assert worker.run_once().ok
    core.dossiers.correct(transferred, Correction(reason="Gõ sai họ tên", name="Nguyễn Văn An"))
    core.dossiers.correct(at_counter, Correction(reason="Đánh dấu nhầm",
                                                 papers={"TP2": PaperCorrection(False, "Mang giấy chứng sinh")}))
    assert worker.run_once().ok

    intake, status = server_dossier(server, transferred)
    assert intake["applicant"]["name"] == "Nguyễn Văn An" and status == 4
    intake, status = server_dossier(server, at_counter)
    assert status == 5
    assert [c["received"] for c in intake["components"] if c["code"] == "TP2"] == [False]
    events = server_rows(server.db_url, "SELECT e.action, e.status FROM events e JOIN dossiers d "
                                        "ON d.uuid = e.dossier_uuid WHERE d.code = ? ORDER BY e.counter_seq",
                         at_counter)
    assert events == [("receive", 2), ("correct", 5)]
    assert worker.run_once().ok  # nothing sent twice
    assert server_rows(server.db_url, "SELECT count(*) FROM events WHERE action = 'correct'") == [(2,)]


def test_a_correction_claiming_a_status_the_rules_do_not_give_is_refused(server):
    client, _ = registered(server.url)
    dossier, code = str(uuid.uuid4()), "000.00.31.H41-261125-0001"
    assert client.send_ops([new_op(1, dossier, code)])[0]["outcome"] == "applied"
    silent = new_op(2, dossier, code, "correct", 5)  # says incomplete without a paper correction
    [result] = client.send_ops([silent])
    assert result["outcome"] == "rejected" and "leads to status 2, not 5" in result["reason"]
    papers = new_op(2, dossier, code, "correct", 5)
    papers["payload"]["payload"] = {"reason": "x", "papers": {"TP2": {"received": [True, False]}}, "complete": False}
    assert client.send_ops([papers])[0]["outcome"] == "applied"
    assert server_rows(server.db_url, "SELECT status FROM dossiers") == [(5,)]
