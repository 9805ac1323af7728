"""Accounts and revocations sent by the province, applied by the sync feed.

Record shape (one dict per account; JSON from the change feed)::

    {"username": "mai.tt",                 # required; the account's key
     "version": 7,                         # required; grows with each change at the province
     "display_name": "Trần Thị Mai",       # required for a new account
     "roles": ["officer", "leader"],       # required for a new account; officer | leader | admin
     "password_hash": "$argon2id$v=19$…",  # Argon2id only, never a plain password; required for
                                           # a new account unless it arrives revoked
     "revoked": false}                     # true: this officer can no longer log in here

A record whose ``version`` is not newer than the one applied is skipped, so the feed can
be replayed. The whole batch is checked before anything is written: one bad record
raises ``InvalidInput`` and nothing is applied. The caller owns the transaction, so the
feed cursor can advance in the same one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.accounts import audit
from counter_app.accounts.passwords import is_argon2id_hash
from counter_app.accounts.service import check_roles, check_username, end_setup_mode
from counter_app.errors import InvalidInput
from counter_app.storage.models import Officer


@dataclass(frozen=True)
class ProvinceApplyReport:
    created: tuple[str, ...]
    updated: tuple[str, ...]
    revoked: tuple[str, ...]
    skipped: tuple[str, ...]  # not newer than what this counter already has


def _checked(record) -> dict:
    if not isinstance(record, dict):
        raise InvalidInput(f"A province account record must be an object, got {type(record).__name__}.")
    name = check_username(str(record.get("username", "")))
    version = record.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidInput(f"Province account {name}: version must be a whole number from 1, got {version!r}.")
    revoked = record.get("revoked", False)
    if not isinstance(revoked, bool):
        raise InvalidInput(f"Province account {name}: revoked must be true or false.")
    checked = {"username": name, "version": version, "revoked": revoked}
    if "roles" in record:
        if not isinstance(record["roles"], list):
            raise InvalidInput(f"Province account {name}: roles must be a list.")
        checked["roles"] = list(check_roles(record["roles"]))
    if record.get("display_name") is not None:
        checked["display_name"] = str(record["display_name"]).strip()
    if record.get("password_hash") is not None:
        if not is_argon2id_hash(record["password_hash"]):
            raise InvalidInput(f"Province account {name}: password_hash must be an Argon2id hash.")
        checked["password_hash"] = record["password_hash"]
    return checked


def apply_province_accounts(session: Session, records, *, now: datetime | None = None) -> ProvinceApplyReport:
    now = now or datetime.now()
    checked = [_checked(record) for record in records]  # all or nothing
    existing = {row.username: row for row in session.scalars(
        select(Officer).where(Officer.username.in_([c["username"] for c in checked])))}
    for record in checked:
        if record["username"] not in existing and not record["revoked"]:
            missing = [k for k in ("display_name", "roles", "password_hash") if not record.get(k)]
            if missing:
                raise InvalidInput(f"Province account {record['username']} is new here and lacks "
                                   f"{', '.join(missing)}.")
    created, updated, revoked, skipped = [], [], [], []
    for record in checked:
        name = record["username"]
        row = existing.get(name)
        if row is not None and record["version"] <= row.province_version:
            skipped.append(name)
            continue
        if row is None:
            row = Officer(username=name, display_name=record.get("display_name") or name,
                          roles=record.get("roles", []), password_hash=record.get("password_hash", ""),
                          token_id="", revoked=record["revoked"], failed_attempts=0, locked_until=None,
                          source="province", province_version=record["version"], created_at=now, updated_at=now)
            session.add(row)
            existing[name] = row
            created.append(name)
            audit.append_account_event(session, audit.CREATED, name, at=now, actor="province",
                                       detail={"roles": row.roles, "version": record["version"]})
        else:
            before_roles = list(row.roles or ())
            row.roles = record.get("roles", before_roles)
            row.display_name = record.get("display_name") or row.display_name
            row.password_hash = record.get("password_hash", row.password_hash)
            row.revoked, row.source, row.province_version, row.updated_at = (
                record["revoked"], "province", record["version"], now)
            updated.append(name)
            audit.append_account_event(session, audit.PROVINCE_UPDATE, name, at=now, actor="province",
                                       detail={"version": record["version"], "revoked": record["revoked"]})
            if row.roles != before_roles:
                audit.append_account_event(session, audit.ROLES_CHANGED, name, at=now, actor="province",
                                           detail={"from": before_roles, "to": row.roles})
        if record["revoked"]:
            revoked.append(name)
    if checked:
        end_setup_mode(session, now)
    session.flush()
    return ProvinceApplyReport(tuple(created), tuple(updated), tuple(revoked), tuple(skipped))


def check_province_accounts(records) -> None:
    """Raise ``InvalidInput`` for the first malformed record (the server checks before publishing)."""
    for record in records:
        _checked(record)
