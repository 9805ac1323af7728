"""The office key of the queue host, kept in the host workspace's settings table."""
from __future__ import annotations

from counter_app.storage.db import Database
from counter_app.storage.models import Setting
from sync.lan_queue.auth import new_office_key

KEY_SETTING = "lan_queue_host_key"


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
    return key
