"""The personal-data view log reaches the province exactly once (real server process, real
HTTP, a fault proxy that loses the answer), and the server stores each op id once.

The server learns the op kind ``audit.view`` in ``sync/server/ops.py`` (dispatch to
``sync.server.view_events.apply_view``); the end-to-end tests need that registration."""
from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from counter_app import view_audit
from sync.server.db import open_server_db
from sync.server.models import Workstation
from sync.server.view_events import Invalid, apply_view, views_of
from sync.testing.counters import fast_client, receive, server_rows
from sync.testing.fault_proxy import Rule
from sync.testing.fixtures import proxy, server  # noqa: F401 (fixtures)
from sync.view_push import push_view_events
from tests.conftest import make_core


def registered(url: str):
    client = fast_client(url)
    client.token = client.register(name="Máy 1", agency_id="000.00.31.H41", slot=1)["token"]
    return client


def pending(core) -> int:
    with core.workspace.db.read() as session:
        return len(view_audit.pending_for_sync(session))


@pytest.fixture
def counter(tmp_path):
    core = make_core(tmp_path / "counter")
    core.create_first_admin("mai", "Trần Thị Mai", "officer-pass-1")
    code = receive(core, "Nguyễn Văn Riêng Tư")
    core.dossier(code)
    core.issue_form(code, "01")
    yield core, code
    core.workspace.close()


def test_view_events_reach_the_province_exactly_once(counter, server, proxy):
    core, code = counter
    client = registered(proxy.url)
    proxy.add(Rule("drop_response", method="POST", path_prefix="/api/v1/ops"))  # the first answer is lost
    assert push_view_events(core.workspace, client) == 2
    assert proxy.stats.faults == {"drop_response": 1}
    assert pending(core) == 0
    rows = server_rows(server.db_url, "SELECT officer, view, dossier_code FROM view_events ORDER BY id")
    assert rows == [("mai", "dossier_detail", code), ("mai", "form", code)]
    core.dossier(code)
    assert push_view_events(core.workspace, client) == 1  # only the new one travels
    assert server_rows(server.db_url, "SELECT count(*) FROM view_events") == [(3,)]
    everything = str(server_rows(server.db_url, "SELECT * FROM view_events"))
    assert "Riêng Tư" not in everything and "001099012345" not in everything


def test_an_unreachable_server_keeps_the_events(counter, server):
    core, _code = counter
    client = registered(server.url)
    server.stop()
    from sync.errors import SyncError

    with pytest.raises(SyncError):
        push_view_events(core.workspace, client)
    assert pending(core) == 2


def test_server_stores_each_op_id_once_and_refuses_bad_events(tmp_path):
    database = open_server_db(f"sqlite:///{tmp_path / 'province.sqlite3'}")
    op = {"op_id": str(uuid.uuid4()), "kind": "audit.view",
          "payload": {"at": datetime(2026, 12, 1, 9).isoformat(), "officer": "mai", "roles": ["officer"],
                      "counter": "Quầy 1", "workstation": "Máy 1", "view": "file",
                      "dossier_code": "000.00.31.H41-261201-1000", "detail": {"kind": "scan"}, "hash": "ab" * 32}}
    with database.write() as session:
        station = Workstation(name="Máy 1", agency_id="000.00.31.H41", slot=1, token_hash="0" * 64,
                              revoked=False, created_at=datetime(2026, 12, 1))
        session.add(station)
        session.flush()
        first = apply_view(session, station, op)
        assert apply_view(session, station, op) == first
        for bad in ({"view": "everything"}, {"officer": None}, {"officer": "x" * 65}, {"roles": "admin"},
                    {"detail": "text"}):
            with pytest.raises(Invalid):
                apply_view(session, station, {**op, "op_id": str(uuid.uuid4()), "payload": {**op["payload"], **bad}})
    with database.read() as session:
        assert [(v.officer, v.view, v.detail) for v in views_of(session)] == [("mai", "file", {"kind": "scan"})]
    database.dispose()
