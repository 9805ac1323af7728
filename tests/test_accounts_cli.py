"""``counter-app users …`` and ``--user`` as a real process on a real workspace."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, make_core

COUNTER_APP = str(REPO / ".venv" / "bin" / "counter-app")


def run(*args, workspace: Path, password: str | None = None, new_password: str | None = None):
    env = {k: v for k, v in os.environ.items() if k not in ("COUNTER_APP_PASSWORD", "COUNTER_APP_NEW_PASSWORD")}
    if password is not None:
        env["COUNTER_APP_PASSWORD"] = password
    if new_password is not None:
        env["COUNTER_APP_NEW_PASSWORD"] = new_password
    return subprocess.run([COUNTER_APP, "--workspace", str(workspace), *map(str, args)], capture_output=True,
                          text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def ok_json(result):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(result) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    return json.loads(result.stderr)["error"]


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    return root


RECEIVE = ("dossier", "receive", "--procedure", "1.004227", "--name", "Nguyễn Văn An", "--id-number",
           "037099012345", "--received-at", "2026-11-25 09:00", "--json")


def test_users_commands_and_logging_in(ws):
    # Set-up mode: the first account must be an administrator.
    assert refused(run("users", "add", "mai", "--name", "Mai", "--role", "officer", "--json", workspace=ws,
                       new_password="officer-pass-1")) == "invalid_input"
    admin = ok_json(run("users", "add", "quantri", "--name", "Lê Văn Quản", "--role", "admin", "--json",
                        workspace=ws, new_password="admin-pass-1"))
    assert admin == {"username": "quantri", "display_name": "Lê Văn Quản", "roles": ["admin"], "revoked": False,
                     "source": "local", "locked_until": None}
    # Set-up mode is over: managing users now needs an admin's login.
    assert refused(run("users", "list", "--json", workspace=ws)) == "login_required"
    assert refused(run("users", "list", "--json", "--user", "quantri", workspace=ws,
                       password="wrong-pass")) == "login_failed"
    ok_json(run("users", "add", "mai", "--name", "Trần Thị Mai", "--role", "officer", "--json", "--user", "quantri",
                workspace=ws, password="admin-pass-1", new_password="officer-pass-1"))
    listed = ok_json(run("users", "list", "--json", "--user", "quantri", workspace=ws, password="admin-pass-1"))
    assert [(u["username"], u["roles"]) for u in listed] == [("mai", ["officer"]), ("quantri", ["admin"])]
    # The officer receives dossiers but may not manage users.
    received = ok_json(run(*RECEIVE, "--user", "mai", workspace=ws, password="officer-pass-1"))
    assert received["events"][-1]["officer"] == "Trần Thị Mai"
    assert refused(run("users", "list", "--json", "--user", "mai", workspace=ws,
                       password="officer-pass-1")) == "permission_denied"
    assert refused(run(*RECEIVE, workspace=ws)) == "login_required"
    # Reading stays open.
    shown = ok_json(run("dossier", "show", received["code"], "--json", workspace=ws))
    assert shown["code"] == received["code"]
    # A new password replaces the old one.
    ok_json(run("users", "passwd", "mai", "--json", "--user", "quantri", workspace=ws, password="admin-pass-1",
                new_password="officer-pass-2"))
    assert refused(run(*RECEIVE, "--user", "mai", workspace=ws, password="officer-pass-1")) == "login_failed"
    ok_json(run(*RECEIVE, "--user", "mai", workspace=ws, password="officer-pass-2"))
    # Revoked: no more logging in.
    revoked = ok_json(run("users", "revoke", "mai", "--json", "--user", "quantri", workspace=ws,
                          password="admin-pass-1"))
    assert revoked["revoked"] is True
    assert refused(run(*RECEIVE, "--user", "mai", workspace=ws, password="officer-pass-2")) == "account_revoked"


def test_no_password_anywhere_is_a_clear_refusal(ws):
    ok_json(run("users", "add", "quantri", "--name", "Quản", "--role", "admin", "--json", workspace=ws,
                new_password="admin-pass-1"))
    result = run("users", "list", "--json", "--user", "quantri", workspace=ws)  # stdin closed: no prompt answer
    assert refused(result) == "invalid_input" and "COUNTER_APP_PASSWORD" in json.loads(result.stderr)["message"]


def test_audit_verify_checks_the_account_log_too(tmp_path):
    from sqlalchemy import update

    from counter_app.storage.models import AccountEvent

    root = tmp_path / "ws"
    core = make_core(root)
    core.accounts.create("quantri", "Quản", "admin-pass-1", ["admin"])
    core.login("quantri", "admin-pass-1")
    ok = ok_json(run("audit", "verify", "--json", workspace=root))
    assert ok == {"intact": True, "broken_events": [], "broken_account_events": [], "broken_view_events": []}
    with core.workspace.db.write() as session:
        session.execute(update(AccountEvent).where(AccountEvent.kind == "login").values(username="someone"))
    core.workspace.close()
    broken = run("audit", "verify", "--json", workspace=root)
    assert broken.returncode == 1 and json.loads(broken.stdout)["broken_account_events"] == [2]
    doctor = run("doctor", "--json", workspace=root)
    assert doctor.returncode == 1
    account_log, = [c for c in json.loads(doctor.stdout) if c["name"] == "account log"]
    assert account_log["ok"] is False and "[2]" in account_log["detail"]
