"""Officer accounts and revocations come from the province through the change feed: once
the counter has synced, a revoked officer cannot log in."""
from __future__ import annotations

import json

import pytest

from counter_app.accounts.passwords import hash_password
from counter_app.core import CounterCore
from counter_app.errors import AccountRevoked
from sync.state import load_state
from sync.testing.counters import make_worker
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import make_core


def publish_accounts(server, tmp_path, agency: str, records, name="accounts.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return server.admin("publish-accounts", "--agency", agency, str(path), "--json")


def account_updates(core):
    with core.workspace.db.read() as session:
        return load_state(session).account_updates


def test_province_accounts_arrive_and_a_revocation_stops_the_login(tmp_path, server):
    core = make_core(tmp_path / "ws")
    agency = core.settings().office.agency_id
    mai = {"username": "mai.tt", "version": 1, "display_name": "Trần Thị Mai", "roles": ["officer"],
           "password_hash": hash_password("Mai@2026")}
    done = publish_accounts(server, tmp_path, agency, [mai])
    assert done.returncode == 0, done.stderr
    other_office = publish_accounts(server, tmp_path, "000.00.99.H99", [{**mai, "username": "khac.nv"}], "o.json")
    assert other_office.returncode == 0, other_office.stderr
    worker = make_worker(core, server.url)
    assert worker.run_once().ok
    assert [u["created"] for u in account_updates(core)] == [["mai.tt"]]  # not the other office's officer
    assert CounterCore(core.workspace).login("mai.tt", "Mai@2026").username == "mai.tt"

    assert publish_accounts(server, tmp_path, agency, [{"username": "mai.tt", "version": 2, "revoked": True}],
                            "revoke.json").returncode == 0
    assert worker.run_once().ok
    assert account_updates(core)[-1]["revoked"] == ["mai.tt"]
    with pytest.raises(AccountRevoked):
        CounterCore(core.workspace).login("mai.tt", "Mai@2026")
    assert worker.run_once().ok  # replaying the feed changes nothing
    assert len(account_updates(core)) == 2


def test_the_server_refuses_to_publish_plain_passwords(tmp_path, server):
    done = publish_accounts(server, tmp_path, "000.00.31.H41", [
        {"username": "an.nv", "version": 1, "display_name": "Nguyễn Văn An", "roles": ["officer"],
         "password_hash": "matkhau123"}])
    assert done.returncode != 0 and "Argon2id" in done.stderr
