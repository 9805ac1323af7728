"""Keys of the queue host, kept in the host workspace's settings table.

Two kinds of credential sign requests (``auth``):

* per workstation (``counter-app queue key --workstation NAME``): each counter, kiosk or
  display PC gets its own key id and secret, given to it once as ``KEYID.SECRET``;
  ``queue revoke NAME`` cuts that PC off at once (the host reads the list on every
  request), the others keep working;
* the legacy office key (``counter-app queue key``): one key for every PC, as before,
  so set-ups made before per-workstation keys keep running. It can be revoked too
  (``queue revoke office``) once every PC has its own key; ``queue key --new`` makes a
  new office key and lifts that revocation.

The secrets are kept as written (an HMAC check needs them); the database is the
host's own and encrypted at rest with the workspace.
"""
from __future__ import annotations

import re
import secrets
from datetime import datetime

from counter_app.errors import InvalidInput
from counter_app.storage.db import Database
from counter_app.storage.models import Setting
from sync.lan_queue.auth import OFFICE_KEY_ID, Credential, new_office_key

KEY_SETTING = "lan_queue_host_key"
WORKSTATIONS_SETTING = "lan_queue_workstations"
NAME_PATTERN = re.compile(r"[\w][\w .\-]{0,39}")


def host_key(db: Database, *, create: bool = False) -> str | None:
    """The host's key; with ``create`` a new random one is made (and kept) if none exists."""
    with db.write() if create else db.read() as session:
        row = session.get(Setting, KEY_SETTING)
        if row is not None and row.value:
            return str(row.value)
        if not create:
            return None
        key = new_office_key()
        session.add(Setting(key=KEY_SETTING, value=key))
        return key


def replace_host_key(db: Database) -> str:
    """A new key: every client must be given it again (e.g. after a key leaked)."""
    key = new_office_key()
    with db.write() as session:
        row = session.get(Setting, KEY_SETTING)
        if row is None:
            session.add(Setting(key=KEY_SETTING, value=key))
        else:
            row.value = key
        registry = _registry(session)
        if registry.get("office_revoked"):
            registry["office_revoked"] = False
            _save(session, registry)
    return key


# -- per-workstation credentials ---------------------------------------------------------

def _registry(session) -> dict:
    row = session.get(Setting, WORKSTATIONS_SETTING)
    value = row.value if row is not None and isinstance(row.value, dict) else {}
    return {"workstations": dict(value.get("workstations") or {}), "office_revoked": bool(value.get("office_revoked"))}


def _save(session, registry: dict) -> None:
    row = session.get(Setting, WORKSTATIONS_SETTING)
    if row is None:
        session.add(Setting(key=WORKSTATIONS_SETTING, value=registry))
    else:
        row.value = registry  # a new dict: the JSON column sees the change


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_PATTERN.fullmatch(name):
        raise InvalidInput(f"A workstation name is 1–40 letters, digits, spaces, dots or dashes, not {name!r}.")
    if name.lower() == OFFICE_KEY_ID:
        raise InvalidInput('"office" is the shared office key: give the workstation another name.')
    return name


def issue_key(db: Database, name: str, *, now: datetime | None = None) -> str:
    """A new credential ``KEYID.SECRET`` for workstation ``name`` (its earlier key stops working)."""
    name = _check_name(name)
    key_id, secret = "w" + secrets.token_hex(5), secrets.token_hex(16)
    with db.write() as session:
        registry = _registry(session)
        registry["workstations"][name] = {"key_id": key_id, "secret": secret,
                                          "issued_at": (now or datetime.now()).isoformat(timespec="seconds"),
                                          "revoked_at": None}
        _save(session, registry)
    return f"{key_id}.{secret}"


def revoke(db: Database, name: str, *, now: datetime | None = None) -> dict:
    """Cut ``name`` (or "office": the shared key) off; takes effect on its next request."""
    with db.write() as session:
        registry = _registry(session)
        if (name or "").strip().lower() == OFFICE_KEY_ID:
            registry["office_revoked"] = True
            _save(session, registry)
            return {"workstation": OFFICE_KEY_ID, "revoked": True}
        entry = registry["workstations"].get(name)
        if entry is None:
            known = ", ".join(sorted(registry["workstations"])) or "none"
            raise InvalidInput(f"No workstation {name!r} has a queue key (known: {known}).")
        entry["revoked_at"] = entry.get("revoked_at") or (now or datetime.now()).isoformat(timespec="seconds")
        _save(session, registry)
    return {"workstation": name, "revoked": True}


def workstations(db: Database) -> list[dict]:
    """Every credential, secrets left out: the office key first, then workstations by name."""
    with db.read() as session:
        registry = _registry(session)
        has_office = bool((row := session.get(Setting, KEY_SETTING)) is not None and row.value)
    rows = [{"workstation": OFFICE_KEY_ID, "key_id": OFFICE_KEY_ID, "issued_at": None, "revoked_at": None,
             "revoked": registry["office_revoked"], "legacy": True}] if has_office else []
    for name, entry in sorted(registry["workstations"].items()):
        rows.append({"workstation": name, "key_id": entry["key_id"], "issued_at": entry.get("issued_at"),
                     "revoked_at": entry.get("revoked_at"), "revoked": bool(entry.get("revoked_at")),
                     "legacy": False})
    return rows


def credential(db: Database, key_id: str, office_key: str | None = None) -> Credential | None:
    """The credential a request names (read fresh each time, so a revocation needs no restart)."""
    with db.read() as session:
        registry = _registry(session)
        if key_id == OFFICE_KEY_ID:
            row = session.get(Setting, KEY_SETTING)
            secret = str(row.value) if row is not None and row.value else office_key
            return Credential(OFFICE_KEY_ID, secret, OFFICE_KEY_ID, registry["office_revoked"]) if secret else None
    for name, entry in registry["workstations"].items():
        if entry.get("key_id") == key_id:
            return Credential(key_id, entry["secret"], name, bool(entry.get("revoked_at")))
    return None
