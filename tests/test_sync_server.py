"""The reference provincial server over real HTTP: auth, exactly-once ops, code blocks, OpenAPI."""
from __future__ import annotations

import uuid

import pytest
import requests

from sync.errors import CredentialRefused, Offline, ServerRejected
from sync.testing.counters import fast_client, new_op, server_rows
from sync.testing.fault_proxy import Rule
from sync.testing.fixtures import proxy, server  # noqa: F401 (fixtures)

CODE = "000.00.31.H41-261125-0001"


def registered(url: str, agency: str = "000.00.31.H41", name: str = "Máy 1"):
    client = fast_client(url)
    answer = client.register(name=name, agency_id=agency, slot=1)
    client.token = answer["token"]
    return client, answer


def test_openapi_document_describes_the_api(server):
    document = requests.get(f"{server.url}/openapi.json", timeout=5).json()
    paths = document["paths"]
    for path in ("/api/v1/ops", "/api/v1/files/{sha256}", "/api/v1/changes", "/api/v1/code-blocks",
                 "/api/v1/workstations"):
        assert path in paths
    assert {"get", "head", "put"} <= set(paths["/api/v1/files/{sha256}"])


def test_token_is_stored_hashed_and_required(server):
    client, answer = registered(server.url)
    assert client.me()["workstation_id"] == answer["workstation_id"]
    [(stored,)] = server_rows(server.db_url, "SELECT token_hash FROM workstations")
    assert answer["token"] not in stored and len(stored) == 64
    client.token = "not-a-token"
    with pytest.raises(CredentialRefused) as refused:
        client.me()
    assert refused.value.details["status"] == 401


def test_revoked_workstation_is_refused_with_a_reason(server):
    client, answer = registered(server.url)
    done = server.admin("revoke", str(answer["workstation_id"]))
    assert done.returncode == 0, done.stderr
    with pytest.raises(CredentialRefused) as refused:
        client.send_ops([new_op(1, str(uuid.uuid4()), CODE)])
    assert refused.value.details["status"] == 403
    assert "revoked" in refused.value.message
    assert server_rows(server.db_url, "SELECT count(*) FROM applied_ops") == [(0,)]


def test_same_batch_twice_is_applied_once_and_repeats_the_first_result(server):
    client, _ = registered(server.url)
    dossier = str(uuid.uuid4())
    batch = [new_op(1, dossier, CODE), new_op(2, dossier, CODE, "transfer", 4)]
    first = client.send_ops(batch)
    second = client.send_ops(batch)
    assert [r["outcome"] for r in first] == ["applied", "applied"]
    assert [r["duplicate"] for r in first] == [False, False]
    assert [r["duplicate"] for r in second] == [True, True]
    assert [r["result"] for r in second] == [r["result"] for r in first]
    assert server_rows(server.db_url, "SELECT counter_seq, action FROM events ORDER BY id") == [
        (1, "receive"), (2, "transfer")]


def test_lost_response_then_retry_applies_once(server, proxy):
    client, _ = registered(proxy.url)
    proxy.add(Rule("drop_response", method="POST", path_prefix="/api/v1/ops"))
    dossier = str(uuid.uuid4())
    results = client.send_ops([new_op(1, dossier, CODE)])  # first answer lost, retry answered
    assert proxy.stats.faults == {"drop_response": 1}
    assert proxy.stats.by_path["/api/v1/ops"] == 2
    assert results[0]["outcome"] == "applied" and results[0]["duplicate"] is True
    assert server_rows(server.db_url, "SELECT count(*) FROM events") == [(1,)]
    assert server_rows(server.db_url, "SELECT count(*) FROM applied_ops") == [(1,)]


def test_ops_apply_in_order_per_dossier(server):
    client, _ = registered(server.url)
    dossier = str(uuid.uuid4())
    second, first = new_op(2, dossier, CODE, "transfer", 4), new_op(1, dossier, CODE)
    early = client.send_ops([second])
    assert early[0]["outcome"] == "deferred" and "Waiting for event 1" in early[0]["reason"]
    assert [r["outcome"] for r in client.send_ops([first, second])] == ["applied", "applied"]


def test_invalid_step_is_rejected_with_the_reason_and_stores_nothing(server):
    client, _ = registered(server.url)
    dossier = str(uuid.uuid4())
    [result] = client.send_ops([new_op(1, dossier, CODE, "result_ready", 9)])
    assert result["outcome"] == "rejected"
    assert "not allowed for a new dossier" in result["reason"]
    assert server_rows(server.db_url, "SELECT count(*) FROM dossiers") == [(0,)]
    # The same op, once fixed, is accepted (a rejection is not a stored result).
    fixed = new_op(1, dossier, CODE)
    fixed["op_id"] = result["op_id"]
    assert client.send_ops([fixed])[0]["outcome"] == "applied"


def test_code_blocks_never_overlap_and_a_repeat_returns_the_same_block(server):
    first_ws, _ = registered(server.url, name="Máy 1")
    second_ws, _ = registered(server.url, name="Máy 2")
    blocks, request_ids = [], []
    for index in range(4):
        client = first_ws if index % 2 else second_ws
        request_ids.append(str(uuid.uuid4()))
        blocks.append(client.code_block("2026-11-25", 300, request_ids[-1]))
    assert first_ws.code_block("2026-11-25", 300, request_ids[1]) == blocks[1]
    numbers = [n for b in blocks for n in range(b["first"], b["last"] + 1)]
    assert len(numbers) == len(set(numbers)) == 999
    assert min(numbers) == 1 and max(numbers) == 999
    with pytest.raises(ServerRejected) as exhausted:
        second_ws.code_block("2026-11-25", 1, str(uuid.uuid4()))
    assert exhausted.value.details["status"] == 409
    other_day = first_ws.code_block("2026-11-26", 10, str(uuid.uuid4()))
    assert (other_day["first"], other_day["last"]) == (1, 10)


def test_unreachable_server_is_reported_as_offline(server):
    client = fast_client(f"http://127.0.0.1:{server.port}")
    server.stop()
    with pytest.raises(Offline):
        client.health()


def test_a_counter_enrolled_again_keeps_its_dossiers_but_others_cannot_touch_them(server):
    old, _ = registered(server.url, name="Máy 1")
    dossier = str(uuid.uuid4())
    assert old.send_ops([new_op(1, dossier, CODE)])[0]["outcome"] == "applied"
    stranger = fast_client(server.url)
    stranger.token = stranger.register(name="Máy 2", agency_id="000.00.31.H41", slot=2)["token"]
    [refused] = stranger.send_ops([new_op(2, dossier, CODE, "transfer", 4)])
    assert refused["outcome"] == "rejected" and "another workstation" in refused["reason"]
    again, _ = registered(server.url, name="Máy 1 (cài lại)")  # same office and slot, new token
    assert again.send_ops([new_op(2, dossier, CODE, "transfer", 4)])[0]["outcome"] == "applied"


def test_a_server_database_from_before_device_times_gets_the_column(tmp_path):
    import sqlite3

    from sync.server.db import open_server_db

    path = tmp_path / "old.sqlite3"
    open_server_db(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as db:  # what a database made by the first release looks like
        db.execute("ALTER TABLE events DROP COLUMN device_time")
        assert "device_time" not in {row[1] for row in db.execute("PRAGMA table_info(events)")}
    open_server_db(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as db:
        assert "device_time" in {row[1] for row in db.execute("PRAGMA table_info(events)")}
