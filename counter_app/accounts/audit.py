"""The account event log: append-only and hash-chained, like the dossier events.

Each event's hash covers the previous hash and its own content, so editing, deleting or
reordering a stored event breaks the chain from there (``verify_account_chain``).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.hash_chain import GENESIS_HASH, broken_links, link_hash
from counter_app.storage.models import AccountEvent


# Event kinds.
CREATED, LOGIN, LOGIN_FAILED, LOCKED_OUT, LOGOUT, SCREEN_LOCKED = (
    "created", "login", "login_failed", "locked_out", "logout", "screen_locked")
PASSWORD_CHANGED, ROLES_CHANGED, REVOKED, RESTORED, PROVINCE_UPDATE = (
    "password_changed", "roles_changed", "revoked", "restored", "province_update")


def _body(event: AccountEvent) -> dict:
    return {"at": event.at.isoformat(timespec="microseconds"), "kind": event.kind, "username": event.username,
            "actor": event.actor, "detail": event.detail}


def append_account_event(session: Session, kind: str, username: str, *, at: datetime, actor: str = "",
                         detail: dict | None = None) -> AccountEvent:
    prev = session.scalar(select(AccountEvent.hash).order_by(AccountEvent.id.desc()).limit(1)) or GENESIS_HASH
    event = AccountEvent(at=at, kind=kind, username=username, actor=actor, detail=detail or {}, prev_hash=prev)
    event.hash = link_hash(prev, _body(event))
    session.add(event)
    session.flush()
    return event


def verify_account_chain(session: Session) -> list[int]:
    """Ids of account events whose hash or link does not match (empty when intact)."""
    return broken_links(session.scalars(select(AccountEvent).order_by(AccountEvent.id)), _body)[0]
