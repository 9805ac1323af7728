"""Turning encryption on, rotating keys and changing the passphrase — each crash-safe.

Run them while the app is closed on this workspace (the CLI commands say so).

* ``enable``: a new data key is wrapped and written to the key file first, marked
  ``pending: enable``; then every stored file is encrypted in place (one atomic rename
  each; a half-done store mixes plain and encrypted files, both readable); then the
  database is exported into a new SQLCipher file that atomically replaces the old one;
  only then is the key file marked finished.
* ``rotate_data_key``: the same with a second data key; both keys stay in the key file
  (each file's header and the database probe say which one applies) until everything
  uses the new one, then the old key is dropped, so the old key no longer opens anything.
* ``rewrap``: the data keys are wrapped again under a new passphrase or keyring secret;
  one atomic write of the key file.

A kill -9 at any point leaves a workspace that opens; running the command again finishes it.
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from counter_app.errors import InvalidInput, WorkspaceError
from counter_app.security import keys as keystore
from counter_app.security.filecrypt import FileCipher
from counter_app.storage.db import is_plain_database, key_opens, key_pragma
from counter_app.storage.files_io import fsync_dir
from counter_app.storage.filestore import FileStore

DB_NAME = "counter.sqlite3"
EXPORT_SUFFIX = ".rekey-part"
BUSY_MS = 3000  # how long to wait for another connection before saying the app is open


@dataclass(frozen=True)
class EncryptionStatus:
    encrypted: bool
    protector: str | None  # "passphrase" | "keyring"
    database_encrypted: bool
    files_total: int
    files_plain: int
    keys: int
    pending: str | None

    @property
    def complete(self) -> bool:
        return self.encrypted and self.database_encrypted and not self.files_plain and not self.pending


def status(root: Path) -> EncryptionStatus:
    """What is encrypted, read without any key (the key file and headers are not secret)."""
    root = Path(root)
    key_file = keystore.load_key_file(root)
    store = FileStore(root / "files")
    hashes = store.hashes()
    plain = sum(1 for sha in hashes if store.key_id_of(sha) is None)
    return EncryptionStatus(encrypted=key_file is not None,
                            protector=key_file.protector["type"] if key_file else None,
                            database_encrypted=not is_plain_database(root / DB_NAME),
                            files_total=len(hashes), files_plain=plain,
                            keys=len(key_file.wrapped) if key_file else 0,
                            pending=key_file.pending if key_file else None)


def _new_protector(kind: str, workspace_id: str, passphrase: str | None, keyring_backend) -> tuple[dict, bytes]:
    if kind == "passphrase":
        return keystore.passphrase_protector(keystore.check_new_passphrase(passphrase))
    if kind == "keyring":
        return keystore.keyring_protector(workspace_id, keyring_backend)
    raise InvalidInput(f"Unknown key protection {kind!r}: use 'passphrase' or 'keyring'.")


def enable(root: Path, *, protector: str, new_passphrase: str | None = None, keyring_backend=None,
           passphrase: keystore.PassphraseSource = None, progress=None) -> EncryptionStatus:
    """Encrypt a plain workspace (or finish an enabling cut short: then the existing key
    file is unlocked with ``passphrase``/keyring, and ``protector`` is not used)."""
    from counter_app.workspace import open_workspace

    root = Path(root)
    key_file = keystore.load_key_file(root)
    if key_file is not None and key_file.pending == "rotate":
        raise InvalidInput("A key rotation was cut short: finish it with 'encryption rotate --data-key'.")
    if key_file is not None and key_file.pending != "enable" and status(root).complete:
        raise InvalidInput("This workspace is already encrypted. Use 'encryption rotate' to change its keys.")
    if key_file is None:
        open_workspace(root, create=False).close()  # schema up to date, leftovers cleaned, plain DB exists
        claim_database(root / DB_NAME, {})
        workspace_id = uuid.uuid4().hex
        wrap_spec, kek = _new_protector(protector, workspace_id, new_passphrase, keyring_backend)
        key_id, data_key = keystore.new_key_id(), keystore.new_data_key()
        key_file = keystore.KeyFile(workspace_id=workspace_id, protector=wrap_spec,
                                    wrapped={key_id: keystore.wrap(kek, workspace_id, key_id, data_key)},
                                    current=key_id, db_key=None, pending="enable")
        keystore.save_key_file(root, key_file)  # from here on the key is recoverable
        data_keys = keystore.DataKeys({key_id: data_key}, key_id, None, key_file, kek)
    else:
        data_keys = keystore.unlock(key_file, passphrase, keyring_backend)
        claim_database(root / DB_NAME, data_keys.keys)
    _encrypt_files(root, data_keys, progress)
    _encrypt_database(root, data_keys)
    key_file.db_key, key_file.pending = data_keys.current, None
    keystore.save_key_file(root, key_file)
    return status(root)


def rotate_data_key(root: Path, *, passphrase: keystore.PassphraseSource = None, keyring_backend=None,
                    progress=None) -> EncryptionStatus:
    """Full rotation: a new data key for the database and every file; the old one is dropped."""
    root = Path(root)
    key_file = _require_key_file(root)
    data_keys = keystore.unlock(key_file, passphrase, keyring_backend)
    if key_file.pending not in (None, "rotate"):
        raise InvalidInput(f"Finish '{key_file.pending}' first: run 'encryption {key_file.pending}' again.")
    claim_database(root / DB_NAME, data_keys.keys)
    if key_file.pending is None:
        key_id, data_key = keystore.new_key_id(), keystore.new_data_key()
        key_file.wrapped[key_id] = keystore.wrap(data_keys.kek, key_file.workspace_id, key_id, data_key)
        key_file.current, key_file.pending = key_id, "rotate"
        keystore.save_key_file(root, key_file)  # both keys kept until the end
        data_keys.keys[key_id] = data_key
        data_keys.current = key_id
    _encrypt_files(root, data_keys, progress)
    _encrypt_database(root, data_keys)
    key_file.wrapped = {key_file.current: key_file.wrapped[key_file.current]}
    key_file.db_key, key_file.pending = key_file.current, None
    keystore.save_key_file(root, key_file)
    return status(root)


def rewrap(root: Path, *, protector: str, new_passphrase: str | None = None,
           passphrase: keystore.PassphraseSource = None, keyring_backend=None) -> EncryptionStatus:
    """New passphrase or new keyring secret (or a switch between them); data keys unchanged."""
    root = Path(root)
    key_file = _require_key_file(root)
    data_keys = keystore.unlock(key_file, passphrase, keyring_backend)
    wrap_spec, kek = _new_protector(protector, key_file.workspace_id, new_passphrase, keyring_backend)
    keystore.save_key_file(root, keystore.rewrapped(key_file, data_keys.keys, wrap_spec, kek))
    # An older keyring entry is kept: backups made before hold key files that need it.
    # To retire old secrets for good, rotate the data key (old backups keep their own keys).
    return status(root)


def _require_key_file(root: Path) -> keystore.KeyFile:
    key_file = keystore.load_key_file(root)
    if key_file is None:
        raise InvalidInput("This workspace is not encrypted. Turn encryption on with 'encryption enable'.")
    return key_file


def _encrypt_files(root: Path, data_keys: keystore.DataKeys, progress=None) -> None:
    store = FileStore(root / "files", FileCipher(data_keys.keys, data_keys.current))
    store.remove_incomplete()
    hashes = store.hashes()
    for done, sha256 in enumerate(hashes, 1):
        store.reencrypt(sha256)  # atomic per file: a crash leaves it old-keyed or new-keyed
        if progress:
            progress(done, len(hashes))


def _encrypt_database(root: Path, data_keys: keystore.DataKeys) -> None:
    db_path = root / DB_NAME
    target_key = data_keys.keys[data_keys.current]
    if not is_plain_database(db_path) and key_opens(db_path, target_key):
        return  # done before a crash
    if is_plain_database(db_path):
        source_key = None
    else:
        source_key = next((key for key in data_keys.keys.values() if key_opens(db_path, key)), None)
        if source_key is None:
            raise WorkspaceError("None of the workspace's keys opens its database: nothing was changed.")
    export_database(db_path, source_key, target_key)


def export_database(db_path: Path, source_key: bytes | None, target_key: bytes) -> None:
    """Copy the database into a new file under ``target_key`` and swap it in atomically."""
    from sqlcipher3 import dbapi2 as sqlcipher

    part = db_path.with_name(db_path.name + EXPORT_SUFFIX)
    for leftover in (part, part.with_name(part.name + "-journal")):
        leftover.unlink(missing_ok=True)
    source = sqlcipher.connect(str(db_path), isolation_level=None)
    try:
        if source_key is not None:
            source.execute(key_pragma(source_key))
        _leave_wal(source)
        source.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{target_key.hex()}'\"", (str(part),))
        source.execute("SELECT sqlcipher_export('rekeyed')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        source.execute("DETACH DATABASE rekeyed")
    except sqlcipher.OperationalError as exc:
        part.unlink(missing_ok=True)
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use() from exc
        raise WorkspaceError(f"The database could not be re-encrypted ({exc}); it was left as it was.") from exc
    finally:
        source.close()
    _check_export(part, target_key)
    with part.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(part, db_path)
    fsync_dir(db_path.parent)
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)


def _in_use() -> WorkspaceError:
    return WorkspaceError("The workspace is open in the app (or another program): close it, then run the "
                          "command again. Nothing was lost; the database was left as it was.")


def _leave_wal(connection) -> None:
    """Fold the WAL into the database and switch to a rollback journal. That needs the
    only connection to the file, which is how an app still open on it is noticed; and
    with no -wal file left, no stale log can ever meet a swapped-in database."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise _in_use()


def claim_database(db_path: Path, keys: dict[str, bytes]) -> None:
    """Refuse (``WorkspaceError``) before changing anything if the app has the workspace open."""
    from sqlcipher3 import dbapi2 as sqlcipher

    if not db_path.exists():
        return
    key = None
    if not is_plain_database(db_path):
        key = next((k for k in keys.values() if key_opens(db_path, k)), None)
        if key is None:
            raise WorkspaceError("None of the workspace's keys opens its database: nothing was changed.")
    connection = sqlcipher.connect(str(db_path), isolation_level=None)
    try:
        if key is not None:
            connection.execute(key_pragma(key))
        _leave_wal(connection)
    except sqlcipher.OperationalError as exc:
        raise _in_use() from exc
    finally:
        connection.close()


def _check_export(part: Path, key: bytes) -> None:
    from sqlcipher3 import dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(part))
    try:
        connection.execute(key_pragma(key))
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    if result != "ok":
        part.unlink(missing_ok=True)
        raise WorkspaceError(f"The encrypted copy of the database failed its check ({result}); nothing was changed.")
