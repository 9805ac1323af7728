"""Workspace keys in a real OS keyring: gnome-keyring's Secret Service on a private D-Bus."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess

import pytest

from counter_app.errors import KeyringUnavailable, WorkspaceLocked
from counter_app.security import keys as keystore
from counter_app.security import rotation
from counter_app.workspace import open_workspace
from tests.conftest import REPO
from tests.encryption_support import CITIZEN, SCAN_TEXT, populate, raw_contents, workspace_bytes
from tests.secret_service import private_secret_service


@pytest.fixture
def secret_service(tmp_path, monkeypatch):
    with private_secret_service(tmp_path / "keyring") as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


@pytest.fixture
def backend(secret_service):
    from keyring.backends.SecretService import Keyring

    return Keyring()


def test_keyring_key_opens_without_a_passphrase(tmp_path, backend, monkeypatch):
    monkeypatch.delenv(keystore.ENV_PASSPHRASE, raising=False)
    root = tmp_path / "ws"
    known = populate(root)
    state = rotation.enable(root, protector="keyring", keyring_backend=backend)
    assert state.complete and state.protector == "keyring"
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        with sqlite3.connect(root / "counter.sqlite3") as db:
            db.execute("SELECT 1 FROM dossiers").fetchone()
    assert CITIZEN.encode() not in raw_contents(root) and SCAN_TEXT not in raw_contents(root)
    key_file = keystore.load_key_file(root)
    assert backend.get_password(key_file.protector["service"], key_file.protector["entry"])
    workspace = open_workspace(root, keyring_backend=backend)
    assert workspace.files.get(known["scan_sha"]) == SCAN_TEXT
    workspace.close()


def test_keyring_rotation_and_full_rotation(tmp_path, backend):
    root = tmp_path / "ws"
    known = populate(root)
    rotation.enable(root, protector="keyring", keyring_backend=backend)
    first_entry = keystore.load_key_file(root).protector["entry"]
    rotation.rewrap(root, protector="keyring", keyring_backend=backend)
    second = keystore.load_key_file(root).protector
    assert second["entry"] != first_entry
    rotation.rotate_data_key(root, keyring_backend=backend)
    workspace = open_workspace(root, keyring_backend=backend)
    assert workspace.files.get(known["scan_sha"]) == SCAN_TEXT
    workspace.close()


def test_missing_keyring_entry_is_a_typed_error_and_changes_nothing(tmp_path, backend):
    root = tmp_path / "ws"
    populate(root, dossiers=1)
    rotation.enable(root, protector="keyring", keyring_backend=backend)
    protector = keystore.load_key_file(root).protector
    backend.delete_password(protector["service"], protector["entry"])
    before = workspace_bytes(root)
    with pytest.raises(WorkspaceLocked, match="keyring"):
        open_workspace(root, keyring_backend=backend)
    assert workspace_bytes(root) == before


def test_unreachable_keyring_is_a_typed_error(tmp_path, backend, monkeypatch):
    root = tmp_path / "ws"
    populate(root, dossiers=1)
    rotation.enable(root, protector="keyring", keyring_backend=backend)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus-here'}")
    from keyring.backends.SecretService import Keyring

    with pytest.raises(KeyringUnavailable):
        open_workspace(root, keyring_backend=Keyring())


def test_cli_enable_keyring_then_commands_need_no_passphrase(tmp_path, secret_service):
    root = tmp_path / "ws"
    known = populate(root, dossiers=1)
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": secret_service,
           "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"}
    env.pop(keystore.ENV_PASSPHRASE, None)

    def run(*args):
        return subprocess.run([str(REPO / ".venv" / "bin" / "counter-app"), "--workspace", str(root), *args,
                               "--json"], capture_output=True, text=True, timeout=120, env=env,
                              stdin=subprocess.DEVNULL)

    enabled = run("encryption", "enable", "--keyring")
    assert enabled.returncode == 0, enabled.stderr
    assert json.loads(enabled.stdout)["protector"] == "keyring"
    shown = run("dossier", "show", known["codes"][0])
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["applicant_name"] == CITIZEN
    rotated = run("encryption", "rotate")
    assert rotated.returncode == 0, rotated.stderr
    checks = {check["name"]: check for check in json.loads(run("doctor").stdout)}
    assert checks["at rest"]["ok"] and "keyring" in checks["at rest"]["detail"]
    assert checks["integrity"]["ok"] and checks["file store"]["ok"]


def test_backup_from_before_a_keyring_rotation_still_restores(tmp_path, backend):
    from counter_app.backup import create_backup, restore_backup, verify_backup
    from tests.conftest import NOW

    root = tmp_path / "ws"
    known = populate(root, dossiers=1)
    rotation.enable(root, protector="keyring", keyring_backend=backend)
    workspace = open_workspace(root, keyring_backend=backend)
    report = create_backup(workspace, tmp_path / "usb", now=NOW)
    workspace.close()
    rotation.rewrap(root, protector="keyring", keyring_backend=backend)
    assert verify_backup(report.path, keyring_backend=backend) == []
    restore_backup(report.path, tmp_path / "restored", now=NOW, keyring_backend=backend)
    restored = open_workspace(tmp_path / "restored", keyring_backend=backend)
    assert restored.files.get(known["pdf_sha"]).startswith(b"%PDF")  # backups hold the dossiers' documents
    restored.close()
