"""The reference server on PostgreSQL: the key server tests again, plus concurrency on both backends.

The tests imported below are the SQLite suite's own; here the ``server`` fixture they
ask for is a server process on a fresh database of a private PostgreSQL cluster
(``tests.pg_cluster``), so they run unchanged against PostgreSQL.
"""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from sqlalchemy.engine import make_url

from counter_app.errors import InvalidInput
from sync.errors import ServerFailed
from sync.server.db import open_server_db
from sync.testing.counters import fast_client, new_op, server_rows
from sync.testing.fixtures import proxy  # noqa: F401 (fixture; its `server` is the one below)
from sync.testing.server_process import ServerProcess
# The key server behaviours, run here against PostgreSQL:
from tests.test_sync_api_fuzz import test_no_generated_request_makes_the_server_fail  # noqa: F401
from tests.test_sync_export import test_export_maps_every_field_and_says_isupdating_after_the_first_send  # noqa: F401
from tests.test_sync_feed import test_a_catalogue_version_is_applied_with_a_visible_diff_and_the_cursor  # noqa: F401
from tests.test_sync_pull import test_province_status_becomes_one_event_by_the_province  # noqa: F401
from tests.test_sync_server import (  # noqa: F401
    test_a_counter_enrolled_again_keeps_its_dossiers_but_others_cannot_touch_them,
    test_code_blocks_never_overlap_and_a_repeat_returns_the_same_block,
    test_invalid_step_is_rejected_with_the_reason_and_stores_nothing,
    test_lost_response_then_retry_applies_once,
    test_ops_apply_in_order_per_dossier,
    test_revoked_workstation_is_refused_with_a_reason,
    test_same_batch_twice_is_applied_once_and_repeats_the_first_result,
    test_token_is_stored_hashed_and_required,
)
from tests.test_sync_upload import (  # noqa: F401
    test_a_file_the_server_has_is_not_sent_again,
    test_bytes_that_do_not_match_the_hash_are_refused_and_discarded,
    test_cut_mid_body_resends_only_what_the_server_did_not_keep,
    test_files_uploaded_side_by_side_survive_cuts_and_arrive_whole,
    test_upload_resumes_across_uploaders_after_a_cut,
)
from tests.test_sync_worker import test_cli_delivers_dossiers_and_files_and_reports_status  # noqa: F401

AGENCY = "000.00.31.H41"
WORKERS = 12


@pytest.fixture
def server(tmp_path, pg_cluster):
    """The reference server process on a fresh PostgreSQL database."""
    process = ServerProcess(tmp_path / "province", db_url=pg_cluster.new_database()).start()
    yield process
    process.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_server(request, tmp_path):
    """The reference server on each supported database."""
    url = request.getfixturevalue("pg_cluster").new_database() if request.param == "postgresql" else None
    process = ServerProcess(tmp_path / "province", db_url=url).start()
    yield process
    process.stop()


def workstations(url: str, count: int) -> list:
    clients = []
    for index in range(count):
        client = fast_client(url)
        client.token = client.register(name=f"Máy {index + 1}", agency_id=AGENCY, slot=index % 9 + 1)["token"]
        clients.append(client)
    return clients


def all_at_once(calls: list) -> list:
    """Run the calls in threads released together, so they really race on the server."""
    start = threading.Barrier(len(calls), timeout=30)

    def run(call):
        start.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls, timeout=120))


def test_the_same_op_sent_at_once_by_many_connections_is_stored_exactly_once(any_server):
    clients = workstations(any_server.url, 1) * WORKERS  # one counter retrying on many connections
    dossier, code = str(uuid.uuid4()), f"{AGENCY}-261125-0001"
    op = new_op(1, dossier, code)
    answers = all_at_once([lambda c=c: c.send_ops([op])[0] for c in clients])
    assert {a["outcome"] for a in answers} == {"applied"}
    assert sorted(a["duplicate"] for a in answers) == [False] + [True] * (WORKERS - 1)
    assert len({repr(a["result"]) for a in answers}) == 1  # every repeat got the first answer
    assert server_rows(any_server.db_url, "SELECT count(*) FROM applied_ops") == [(1,)]
    assert server_rows(any_server.db_url, "SELECT count(*) FROM events") == [(1,)]
    assert server_rows(any_server.db_url, "SELECT code, counter_seq FROM dossiers") == [(code, 1)]


def test_two_workstations_claiming_one_dossier_at_once_leave_exactly_one_owner(any_server):
    clients = workstations(any_server.url, WORKERS)
    dossier, code = str(uuid.uuid4()), f"{AGENCY}-261125-0002"
    # Different op ids for the same new dossier: only one can create it, the others are refused.
    answers = all_at_once([lambda c=c: c.send_ops([new_op(1, dossier, code)])[0] for c in clients])
    outcomes = sorted(a["outcome"] for a in answers)
    assert outcomes == ["applied"] + ["rejected"] * (WORKERS - 1)
    assert server_rows(any_server.db_url, "SELECT count(*) FROM dossiers") == [(1,)]
    assert server_rows(any_server.db_url, "SELECT count(*) FROM events") == [(1,)]


def test_many_dossiers_from_many_workstations_at_once_all_arrive(any_server):
    clients = workstations(any_server.url, WORKERS)
    batches = []
    for index, client in enumerate(clients):
        dossier, code = str(uuid.uuid4()), f"{AGENCY}-261125-{index + 10:04d}"
        batches.append((client, [new_op(1, dossier, code), new_op(2, dossier, code, "transfer", 4)]))
    answers = all_at_once([lambda c=c, b=b: c.send_ops(b) for c, b in batches])
    assert {r["outcome"] for rows in answers for r in rows} == {"applied"}
    assert server_rows(any_server.db_url, "SELECT count(*), sum(counter_seq) FROM dossiers") == [
        (WORKERS, 2 * WORKERS)]


def test_code_blocks_asked_at_once_never_overlap(any_server):
    clients = workstations(any_server.url, WORKERS)
    blocks = all_at_once([lambda c=c: c.code_block("2026-11-25", 40, str(uuid.uuid4())) for c in clients])
    numbers = [n for b in blocks for n in range(b["first"], b["last"] + 1)]
    assert len(numbers) == len(set(numbers)) == 40 * WORKERS
    assert (min(numbers), max(numbers)) == (1, 40 * WORKERS)


def test_a_reader_following_the_feed_while_changes_commit_at_once_misses_none(any_server):
    """Province changes made at once while a counter reads: its cursor never jumps past one
    that commits later (feed ids are handed out in commit order)."""
    client = workstations(any_server.url, 1)[0]
    codes = []
    for index in range(8):
        dossier, code = str(uuid.uuid4()), f"{AGENCY}-261125-{index + 100:04d}"
        assert client.send_ops([new_op(1, dossier, code), new_op(2, dossier, code, "transfer", 4)])[1][
            "outcome"] == "applied"
        codes.append(code)
    seen: list[tuple[int, str]] = []
    state = {"cursor": 0}
    writing = threading.Event()
    writing.set()

    def read_until_written():
        while True:
            still_writing = writing.is_set()
            page = client.changes(state["cursor"], 1000)
            seen.extend((c["id"], c["body"]["code"]) for c in page["changes"])
            state["cursor"] = page["next_cursor"]
            if not still_writing and not page["more"]:
                return

    with ThreadPoolExecutor(1) as pool:
        reader = pool.submit(read_until_written)
        done = all_at_once([lambda c=c: any_server.admin("set-status", c, "9") for c in codes])
        writing.clear()
        reader.result(timeout=120)
    assert [d.returncode for d in done] == [0] * len(codes), [d.stderr for d in done]
    assert sorted(code for _id, code in seen) == sorted(codes)
    assert [i for i, _code in seen] == sorted(i for i, _code in seen)


def test_while_postgresql_refuses_connections_the_server_answers_503_and_then_applies_once(server, pg_cluster):
    client = workstations(server.url, 1)[0]
    client.retry.attempts = 1  # see the answer itself, not the retries
    name = make_url(server.db_url).database

    def admin(sql: str) -> None:
        with psycopg.connect(host="127.0.0.1", port=pg_cluster.port, user="postgres", dbname="postgres",
                             autocommit=True, connect_timeout=10) as connection:
            connection.execute(sql)

    dossier, code = str(uuid.uuid4()), f"{AGENCY}-261125-0300"
    batch = [new_op(1, dossier, code)]
    admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
    try:
        with pytest.raises(ServerFailed) as failed:
            client.send_ops(batch)
        assert failed.value.details["status"] == 503 and failed.value.details["retry_after"] == 5
    finally:
        admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    [answer] = client.send_ops(batch)  # the counter's retry, once the database is back
    assert (answer["outcome"], answer["duplicate"]) == ("applied", False)
    assert client.send_ops(batch)[0]["duplicate"] is True
    assert server_rows(server.db_url, "SELECT count(*) FROM events") == [(1,)]


def test_a_postgresql_database_from_before_device_times_gets_the_column(pg_cluster):
    url = pg_cluster.new_database()
    open_server_db(url).dispose()
    column_type = ("SELECT data_type FROM information_schema.columns "
                   "WHERE table_name = 'events' AND column_name = 'device_time'")
    parsed = make_url(url)
    with psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database,
                         autocommit=True, connect_timeout=10) as connection:
        connection.execute("ALTER TABLE events DROP COLUMN device_time")  # as the first release made it
    assert server_rows(url, column_type) == []
    open_server_db(url).dispose()
    assert server_rows(url, column_type) == [("timestamp without time zone",)]


def test_a_database_url_the_server_cannot_use_is_refused_clearly():
    with pytest.raises(InvalidInput) as refused:
        open_server_db("mysql://root@127.0.0.1/province")
    assert "postgresql+psycopg://" in refused.value.message
