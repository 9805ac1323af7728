"""Workspace data keys, wrapped by a key-encryption key (KEK) from the OS keyring or a passphrase.

``workspace.key.json`` in the workspace root holds, per data key, the key wrapped with
AES-256-GCM under the KEK, plus how to get the KEK back (Argon2id parameters and salt,
or the keyring entry's name). It holds no secret in the clear: a copy of the folder
without the passphrase or the keyring reveals nothing.

Several data keys live side by side only while a full rotation runs: ``current`` is the
key new data is written with, ``db_key`` the one the database was last known to use.
"""
from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Union

from counter_app.errors import KeyringUnavailable, WorkspaceError, WorkspaceLocked, WrongKey
from counter_app.storage.files_io import write_atomically

KEY_FILE = "workspace.key.json"
ENV_PASSPHRASE = "COUNTER_APP_PASSPHRASE"
ENV_NEW_PASSPHRASE = "COUNTER_APP_NEW_PASSPHRASE"
KEYRING_SERVICE = "QuayMotCua workspace key"
FORMAT_VERSION = 1
# Argon2id cost: about a quarter of a second on a counter PC, paid once per opening.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 2
MIN_PASSPHRASE = 8

PassphraseSource = Union[str, Callable[[], Union[str, None]], None]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class KeyFile:
    workspace_id: str
    protector: dict
    wrapped: dict[str, str]  # key id (hex) -> base64(nonce + AES-GCM(data key))
    current: str
    db_key: str | None  # None: the database is still plain (enabling not finished)
    pending: str | None = None  # "enable" or "rotate" while one runs
    version: int = FORMAT_VERSION

    def to_json(self) -> str:
        return json.dumps({"version": self.version, "workspace_id": self.workspace_id, "protector": self.protector,
                           "keys": self.wrapped, "current": self.current, "db_key": self.db_key,
                           "pending": self.pending}, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        raw = json.loads(text)
        if raw.get("version") != FORMAT_VERSION:
            raise ValueError(f"key file version {raw.get('version')!r} is not supported")
        kf = cls(workspace_id=str(raw["workspace_id"]), protector=dict(raw["protector"]),
                 wrapped={str(k): str(v) for k, v in raw["keys"].items()}, current=str(raw["current"]),
                 db_key=raw.get("db_key"), pending=raw.get("pending"))
        if kf.current not in kf.wrapped or (kf.db_key is not None and kf.db_key not in kf.wrapped):
            raise ValueError("key file names a key it does not hold")
        if kf.protector.get("type") not in ("passphrase", "keyring"):
            raise ValueError(f"unknown key protector {kf.protector.get('type')!r}")
        return kf


@dataclass
class DataKeys:
    """Unwrapped data keys of an open workspace (kept in memory only)."""

    keys: dict[str, bytes]
    current: str
    db_key: str | None
    key_file: KeyFile = field(repr=False)
    kek: bytes = field(repr=False, default=b"")

    def __repr__(self) -> str:  # never print key material by accident
        return f"DataKeys(ids={sorted(self.keys)}, current={self.current!r})"


def key_file_path(root: Path) -> Path:
    return Path(root) / KEY_FILE


def load_key_file(root: Path) -> KeyFile | None:
    path = key_file_path(root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WorkspaceError(f"The key file {path} cannot be read: {exc}") from exc
    try:
        return KeyFile.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise WorkspaceError(f"The key file {path} is damaged ({exc}): restore it from a backup.") from exc


def save_key_file(root: Path, key_file: KeyFile) -> None:
    write_atomically(key_file_path(root), key_file.to_json().encode("utf-8"))


def new_key_id() -> str:
    return secrets.token_hex(8)


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def wrap(kek: bytes, workspace_id: str, key_id: str, data_key: bytes) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return _b64(nonce + AESGCM(kek).encrypt(nonce, data_key, f"{workspace_id}/{key_id}".encode()))


def unwrap(kek: bytes, workspace_id: str, key_id: str, wrapped: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    blob = _unb64(wrapped)
    try:
        return AESGCM(kek).decrypt(blob[:12], blob[12:], f"{workspace_id}/{key_id}".encode())
    except InvalidTag as exc:
        raise WrongKey("The passphrase or keyring secret does not open this workspace; nothing was changed.") from exc


# --- key-encryption keys -------------------------------------------------------------------

def derive_kek(passphrase: str, protector: dict) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), _unb64(protector["salt"]),
                           time_cost=int(protector["time_cost"]), memory_cost=int(protector["memory_kib"]),
                           parallelism=int(protector["parallelism"]), hash_len=32, type=Type.ID)


def passphrase_protector(passphrase: str) -> tuple[dict, bytes]:
    check_new_passphrase(passphrase)
    protector = {"type": "passphrase", "kdf": "argon2id", "salt": _b64(secrets.token_bytes(16)),
                 "time_cost": ARGON2_TIME_COST, "memory_kib": ARGON2_MEMORY_KIB, "parallelism": ARGON2_PARALLELISM}
    return protector, derive_kek(passphrase, protector)


def check_new_passphrase(passphrase: str | None) -> str:
    from counter_app.errors import InvalidInput

    if not passphrase or len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    return passphrase


def default_keyring():
    import keyring

    return keyring.get_keyring()


def keyring_protector(workspace_id: str, backend=None) -> tuple[dict, bytes]:
    """A fresh random KEK stored in the OS keyring under a new entry (the old entry stays:
    a crash before the key file is rewritten, or an older backup, still needs it)."""
    backend = backend or default_keyring()
    kek = secrets.token_bytes(32)
    entry = f"{workspace_id}/{uuid.uuid4().hex[:12]}"
    try:
        backend.set_password(KEYRING_SERVICE, entry, _b64(kek))
    except Exception as exc:  # every backend has its own errors (D-Bus, locked collection, none)
        raise KeyringUnavailable(f"The OS keyring cannot store the workspace key: {exc}") from exc
    return {"type": "keyring", "service": KEYRING_SERVICE, "entry": entry}, kek


def resolve_passphrase(source: PassphraseSource, env: str = ENV_PASSPHRASE) -> str | None:
    if callable(source):
        source = source()
    if source:
        return source
    return os.environ.get(env) or None


def kek_for(key_file: KeyFile, passphrase: PassphraseSource = None, keyring_backend=None) -> bytes:
    protector = key_file.protector
    if protector["type"] == "passphrase":
        phrase = resolve_passphrase(passphrase)
        if not phrase:
            raise WorkspaceLocked(f"This workspace is encrypted: give its passphrase (environment variable "
                                  f"{ENV_PASSPHRASE} or the prompt).")
        return derive_kek(phrase, protector)
    try:
        secret = (keyring_backend or default_keyring()).get_password(protector["service"], protector["entry"])
    except Exception as exc:
        raise KeyringUnavailable(f"The OS keyring cannot be read: {exc}") from exc
    if not secret:
        raise WorkspaceLocked("This workspace is encrypted with a key kept in another user's or computer's "
                              "keyring: open it from that account, or restore its key.")
    return _unb64(secret)


def unlock(key_file: KeyFile, passphrase: PassphraseSource = None, keyring_backend=None) -> DataKeys:
    kek = kek_for(key_file, passphrase, keyring_backend)
    keys = {kid: unwrap(kek, key_file.workspace_id, kid, blob) for kid, blob in key_file.wrapped.items()}
    return DataKeys(keys=keys, current=key_file.current, db_key=key_file.db_key, key_file=key_file, kek=kek)


def rewrapped(key_file: KeyFile, keys: dict[str, bytes], protector: dict, kek: bytes) -> KeyFile:
    return KeyFile(workspace_id=key_file.workspace_id, protector=protector,
                   wrapped={kid: wrap(kek, key_file.workspace_id, kid, key) for kid, key in keys.items()},
                   current=key_file.current, db_key=key_file.db_key, pending=key_file.pending)
