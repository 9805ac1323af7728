"""Encryption at rest: SQLCipher database and AES-GCM file store, keys, rotation, backups."""
from __future__ import annotations

import sqlite3

import pytest

from counter_app.backup import create_backup, restore_backup, verify_backup
from counter_app.core import CounterCore
from counter_app.errors import InvalidInput, WorkspaceError, WorkspaceLocked, WrongKey
from counter_app.search import SearchQuery
from counter_app.security import keys as keystore
from counter_app.security import rotation
from counter_app.storage.db import key_opens
from counter_app.workspace import open_workspace
from tests.conftest import NOW
from tests.encryption_support import (
    CITIZEN,
    CITIZEN_ID,
    PASSPHRASE,
    SCAN_TEXT,
    cheap_kdf,
    populate,
    raw_contents,
    workspace_bytes,
)


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    cheap_kdf(monkeypatch)
    monkeypatch.delenv(keystore.ENV_PASSPHRASE, raising=False)


@pytest.fixture
def encrypted(tmp_path):
    root = tmp_path / "ws"
    known = populate(root)
    rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE)
    return root, known


def open_core(root, passphrase=PASSPHRASE) -> CounterCore:
    return CounterCore(open_workspace(root, passphrase=passphrase), clock=lambda: NOW)


def assert_no_plaintext(root):
    blob = raw_contents(root)
    for secret in (CITIZEN.encode(), CITIZEN_ID.encode(), b"%PDF", SCAN_TEXT, "Trần Văn Thứ".encode()):
        assert secret not in blob


def test_enabled_workspace_reveals_nothing_without_its_key(encrypted):
    root, known = encrypted
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        with sqlite3.connect(root / "counter.sqlite3") as db:
            db.execute("SELECT count(*) FROM dossiers").fetchone()
    assert_no_plaintext(root)
    state = rotation.status(root)
    assert state.complete and state.files_total == 2 and state.protector == "passphrase"
    core = open_core(root)
    assert core.dossier(known["codes"][0]).applicant_name == CITIZEN
    assert core.document_bytes(known["pdf_sha"]).startswith(b"%PDF")
    assert core.workspace.files.get(known["scan_sha"]) == SCAN_TEXT
    assert [d.code for d in core.search(SearchQuery(text="bao ngoc"))] == [known["codes"][0]]
    assert core.workspace.files.verify() == []
    # New work is encrypted too.
    sha = core.workspace.files.put(b"new scan %PDF Le Thi Moi")
    core.workspace.close()
    assert b"Le Thi Moi" not in (root / "files" / sha[:2] / sha[2:4] / sha).read_bytes()
    assert_no_plaintext(root)


def test_wrong_or_missing_passphrase_is_a_typed_error_and_changes_nothing(encrypted):
    root, _known = encrypted
    before = workspace_bytes(root)
    with pytest.raises(WrongKey):
        open_workspace(root, passphrase="not the passphrase")
    with pytest.raises(WorkspaceLocked) as missing:
        open_workspace(root)
    assert keystore.ENV_PASSPHRASE in missing.value.message
    with pytest.raises(WorkspaceLocked):
        open_workspace(root, passphrase=lambda: None)  # the GUI dialog was cancelled
    assert workspace_bytes(root) == before


def test_passphrase_from_environment_and_callback(encrypted, monkeypatch):
    root, known = encrypted
    asked = []
    workspace = open_workspace(root, passphrase=lambda: asked.append(1) or PASSPHRASE)
    assert asked == [1] and workspace.encrypted
    workspace.close()
    monkeypatch.setenv(keystore.ENV_PASSPHRASE, PASSPHRASE)
    core = CounterCore(open_workspace(root), clock=lambda: NOW)
    assert core.dossier(known["codes"][1]).code == known["codes"][1]
    core.workspace.close()


def test_full_rotation_reencrypts_everything_and_retires_the_old_key(encrypted):
    root, known = encrypted
    old = open_workspace(root, passphrase=PASSPHRASE)
    old_key = old.db_key
    old.close()
    rotation.rotate_data_key(root, passphrase=PASSPHRASE)
    assert not key_opens(root / "counter.sqlite3", old_key)
    key_file = keystore.load_key_file(root)
    assert len(key_file.wrapped) == 1 and key_file.pending is None
    core = open_core(root)
    assert core.workspace.db_key != old_key
    assert {core.workspace.files.key_id_of(sha) for sha in core.workspace.files.hashes()} == {key_file.current}
    assert core.workspace.files.get(known["scan_sha"]) == SCAN_TEXT
    assert core.dossier(known["codes"][0]).id_number == CITIZEN_ID
    core.workspace.close()
    assert_no_plaintext(root)


def test_change_passphrase_rewraps_without_touching_data(encrypted):
    root, known = encrypted
    database_before = (root / "counter.sqlite3").read_bytes()
    rotation.rewrap(root, protector="passphrase", new_passphrase="mot mat khau moi", passphrase=PASSPHRASE)
    assert (root / "counter.sqlite3").read_bytes() == database_before
    with pytest.raises(WrongKey):
        open_workspace(root, passphrase=PASSPHRASE)
    core = open_core(root, "mot mat khau moi")
    assert core.dossier(known["codes"][0]).applicant_name == CITIZEN
    core.workspace.close()
    with pytest.raises(InvalidInput):
        rotation.rewrap(root, protector="passphrase", new_passphrase="short", passphrase="mot mat khau moi")


def test_enable_twice_is_refused_and_rotation_needs_encryption(encrypted, tmp_path):
    root, _known = encrypted
    with pytest.raises(InvalidInput, match="already encrypted"):
        rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE)
    plain = tmp_path / "plain"
    populate(plain, dossiers=1)
    with pytest.raises(InvalidInput, match="not encrypted"):
        rotation.rotate_data_key(plain)


def test_rotation_while_the_workspace_is_open_is_refused_and_loses_nothing(encrypted):
    root, known = encrypted
    busy = open_core(root)
    busy.dossier(known["codes"][0])  # the app holds a connection, as a running app does
    with pytest.raises(WorkspaceError, match="close it"):
        rotation.rotate_data_key(root, passphrase=PASSPHRASE)
    assert busy.dossier(known["codes"][0]).applicant_name == CITIZEN
    assert busy.workspace.files.get(known["scan_sha"]) == SCAN_TEXT  # refused before touching anything
    assert rotation.status(root).pending is None and rotation.status(root).keys == 1
    busy.workspace.close()
    assert rotation.rotate_data_key(root, passphrase=PASSPHRASE).complete


BUSY_APP = """
import sys
sys.path.insert(0, {repo!r})
from counter_app.workspace import open_workspace
workspace = open_workspace({root!r})
assert workspace.files.get({sha!r})
with workspace.db.read() as session:
    session.connection().exec_driver_sql("SELECT count(*) FROM dossiers").scalar()
print("ready", flush=True)
sys.stdin.read()  # stays open, as a running app does, until the test closes stdin
assert workspace.files.get({sha!r})
workspace.close()
"""


def test_enable_while_the_app_is_open_is_refused_before_any_change(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    root = tmp_path / "ws"
    known = populate(root, dossiers=1)
    before = workspace_bytes(root)
    app = subprocess.Popen([sys.executable, "-c", BUSY_APP.format(repo=str(REPO), root=str(root),
                                                                  sha=known["scan_sha"])],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "ready"
        with pytest.raises(WorkspaceError, match="close it"):
            rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE)
    finally:
        app.stdin.close()
        assert app.wait(timeout=60) == 0  # the app could still read everything it had
    assert not (root / keystore.KEY_FILE).exists()
    assert {k: v for k, v in workspace_bytes(root).items() if "files" in k} == \
        {k: v for k, v in before.items() if "files" in k}


def test_empty_database_file_counts_as_plain(tmp_path):
    from counter_app.storage.db import is_plain_database

    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert is_plain_database(tmp_path / "empty.sqlite3")
    assert is_plain_database(tmp_path / "absent.sqlite3")


def test_plain_file_left_in_an_encrypted_store_is_finished_by_enable(encrypted):
    from counter_app.storage.filestore import FileStore

    root, _known = encrypted
    stray = FileStore(root / "files").put(b"plain leftover %PDF of Tran Thi Sot")  # e.g. copied in by hand
    state = rotation.status(root)
    assert state.files_plain == 1 and not state.complete
    workspace = open_workspace(root, passphrase=PASSPHRASE)
    assert workspace.files.get(stray).startswith(b"plain leftover")  # still readable meanwhile
    workspace.close()
    assert rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE, passphrase=PASSPHRASE).complete
    assert_no_plaintext(root)
    assert b"Tran Thi Sot" not in raw_contents(root)
    workspace = open_workspace(root, passphrase=PASSPHRASE)
    assert workspace.files.get(stray).startswith(b"plain leftover")
    workspace.close()


def test_tampered_encrypted_file_is_reported_damaged(encrypted):
    root, known = encrypted
    path = root / "files" / known["scan_sha"][:2] / known["scan_sha"][2:4] / known["scan_sha"]
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0x01
    path.write_bytes(bytes(blob))
    workspace = open_workspace(root, passphrase=PASSPHRASE)
    assert workspace.files.verify() == [known["scan_sha"]]
    with pytest.raises(WorkspaceError, match="damaged"):
        workspace.files.get(known["scan_sha"])
    path.write_bytes(bytes(blob[:-20]))  # truncated
    with pytest.raises(WorkspaceError, match="damaged"):
        workspace.files.get(known["scan_sha"])
    workspace.close()


def test_encrypted_backup_stays_encrypted_and_restores_with_the_key(encrypted, tmp_path):
    root, known = encrypted
    core = open_core(root)
    report = create_backup(core.workspace, tmp_path / "usb", now=NOW, keep=3)
    core.workspace.close()
    assert report.files == 1 and report.dossiers == 3
    assert_no_plaintext(tmp_path / "usb")
    with pytest.raises(sqlite3.DatabaseError):
        with sqlite3.connect(report.path / "counter.sqlite3") as db:
            db.execute("SELECT count(*) FROM dossiers").fetchone()
    with pytest.raises(WorkspaceLocked):
        verify_backup(report.path)
    with pytest.raises(WrongKey):
        verify_backup(report.path, passphrase="not the passphrase")
    assert verify_backup(report.path, passphrase=PASSPHRASE) == []
    with pytest.raises(WrongKey):
        restore_backup(report.path, tmp_path / "restored", now=NOW, passphrase="wrong passphrase")
    assert not (tmp_path / "restored").exists()
    restore_backup(report.path, tmp_path / "restored", now=NOW, passphrase=PASSPHRASE)
    restored = open_core(tmp_path / "restored")
    assert restored.document_bytes(known["pdf_sha"]).startswith(b"%PDF")
    assert [d.code for d in restored.search(SearchQuery(text=CITIZEN_ID))] == [known["codes"][0]]
    restored.workspace.close()
    assert_no_plaintext(tmp_path / "restored")


def test_backup_after_rotation_is_restorable_next_to_older_ones(encrypted, tmp_path):
    root, known = encrypted
    core = open_core(root)
    first = create_backup(core.workspace, tmp_path / "usb", now=NOW.replace(hour=9))
    core.workspace.close()
    rotation.rotate_data_key(root, passphrase=PASSPHRASE)
    core = open_core(root)
    second = create_backup(core.workspace, tmp_path / "usb", now=NOW.replace(hour=10))
    core.workspace.close()
    for number, report in enumerate((first, second)):
        assert verify_backup(report.path, passphrase=PASSPHRASE) == []
        target = tmp_path / f"restored-{number}"
        restore_backup(report.path, target, now=NOW, passphrase=PASSPHRASE)
        restored = open_core(target)
        assert restored.document_bytes(known["pdf_sha"]).startswith(b"%PDF")
        restored.workspace.close()


def test_doctor_checks_an_encrypted_workspace(encrypted, monkeypatch):
    from counter_app.doctor import run_checks

    root, _known = encrypted
    locked = {c.name: c for c in run_checks(root)}
    assert not locked["workspace key"].ok and keystore.ENV_PASSPHRASE in locked["workspace key"].detail
    monkeypatch.setenv(keystore.ENV_PASSPHRASE, PASSPHRASE)
    checks = {c.name: c for c in run_checks(root)}
    assert checks["at rest"].ok and "encrypted" in checks["at rest"].detail
    assert checks["integrity"].ok and checks["file store"].ok


def test_cli_encryption_commands(tmp_path, monkeypatch, capsys):
    import gc
    import json

    from counter_app.cli import main

    root = tmp_path / "ws"
    known = populate(root, dossiers=1)
    assert main(["--workspace", str(root), "encryption", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["encrypted"] is False
    monkeypatch.setenv(keystore.ENV_NEW_PASSPHRASE, PASSPHRASE)
    assert main(["--workspace", str(root), "encryption", "enable", "--passphrase", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["complete"] is True
    # A reading command without the passphrase: a typed error, not a crash.
    assert main(["--workspace", str(root), "dossier", "show", known["codes"][0], "--json"]) == 1
    assert json.loads(capsys.readouterr().err)["error"] == "workspace_locked"
    monkeypatch.setenv(keystore.ENV_PASSPHRASE, "wrong passphrase!")
    assert main(["--workspace", str(root), "dossier", "show", known["codes"][0], "--json"]) == 1
    assert json.loads(capsys.readouterr().err)["error"] == "wrong_key"
    monkeypatch.setenv(keystore.ENV_PASSPHRASE, PASSPHRASE)
    assert main(["--workspace", str(root), "dossier", "show", known["codes"][0], "--json"]) == 0
    assert CITIZEN in capsys.readouterr().out
    gc.collect()  # main() leaves its workspace to the garbage collector; a real CLI process has exited
    assert main(["--workspace", str(root), "encryption", "rotate", "--data-key", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["keys"] == 1
    monkeypatch.setenv(keystore.ENV_NEW_PASSPHRASE, "passphrase number two")
    assert main(["--workspace", str(root), "encryption", "change-passphrase", "--json"]) == 0
    capsys.readouterr()
    monkeypatch.setenv(keystore.ENV_PASSPHRASE, "passphrase number two")
    assert main(["--workspace", str(root), "dossier", "show", known["codes"][0], "--json"]) == 0
    # Rotating a passphrase key "the keyring way" is refused with advice.
    assert main(["--workspace", str(root), "encryption", "rotate", "--json"]) == 1
    assert json.loads(capsys.readouterr().err)["error"] == "invalid_input"
    # Backup, verify and restore from the command line, passphrase from the environment.
    from counter_app.backup import list_backups

    assert main(["--workspace", str(root), "backup", "--to", str(tmp_path / "usb")]) == 0
    capsys.readouterr()
    backup_path = str(list_backups(tmp_path / "usb")[-1])
    assert main(["backup", "--verify", backup_path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []
    assert main(["--workspace", str(tmp_path / "restored"), "restore", backup_path, "--json"]) == 0
    capsys.readouterr()
    gc.collect()
    assert main(["--workspace", str(tmp_path / "restored"), "dossier", "show", known["codes"][0], "--json"]) == 0
    assert CITIZEN in capsys.readouterr().out
    monkeypatch.delenv(keystore.ENV_PASSPHRASE)
    assert main(["backup", "--verify", backup_path, "--json"]) == 1
    assert json.loads(capsys.readouterr().err)["error"] == "workspace_locked"


def test_encrypted_store_uploads_plaintext_with_its_hash(tmp_path, server):  # noqa: F811
    import hashlib
    import random

    from counter_app.security.filecrypt import FileCipher
    from counter_app.storage.filestore import FileStore
    from sync.testing.counters import fast_client
    from sync.uploads import Uploader

    store = FileStore(tmp_path / "files", FileCipher({"00112233aabbccdd": b"k" * 32}, "00112233aabbccdd"))
    data = random.Random(7).randbytes(5 * 64 * 1024 + 123)
    sha = store.put(data)
    assert data[:4096] not in store.path_for(sha).read_bytes()
    assert store.plain_size(sha) == len(data)
    client = fast_client(server.url)
    client.token = client.register(name="Máy 1", agency_id="000.00.31.H41", slot=1)["token"]
    uploader = Uploader(client, store, chunk=48 * 1024, min_chunk=16 * 1024, max_chunk=48 * 1024, compress=False)
    assert uploader.upload(sha, len(data)) is True
    delivered = (server.folder / "province-files" / sha[:2] / sha).read_bytes()
    assert delivered == data and hashlib.sha256(delivered).hexdigest() == sha


def test_reader_gives_any_byte_range_of_an_encrypted_file(tmp_path):
    import random

    from counter_app.security.filecrypt import FileCipher
    from counter_app.storage.filestore import FileStore

    store = FileStore(tmp_path / "files", FileCipher({"0102030405060708": b"q" * 32}, "0102030405060708"))
    data = random.Random(3).randbytes(200_000)
    sha = store.put(data)
    rng = random.Random(5)
    with store.open_plain(sha) as reader:
        for _ in range(50):
            start = rng.randrange(0, len(data))
            length = rng.randrange(0, 150_000)
            reader.seek(start)
            assert reader.read(length) == data[start:start + length]
    assert store.put(data) == sha
    assert store.get(store.put(b"")) == b""


from sync.testing.fixtures import server  # noqa: E402,F401 (fixture)
