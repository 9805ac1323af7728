"""Officer accounts kept in the workspace: create, change password, roles, revoke, log in.

Set-up mode: a workspace where no account was ever created works as before accounts
existed (every action allowed, the officer named by ``workstation.officer_name``). The
first account created (locally or from the province) ends set-up mode for good: a flag
stored in the same transaction, so revoking or removing accounts never reopens it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.accounts import audit
from counter_app.accounts.passwords import (
    MIN_PASSWORD_LENGTH,
    burn_verification,
    hash_password,
    needs_rehash,
    verify_password,
)
from counter_app.accounts.roles import Permission, parse_roles, permissions_of
from counter_app.errors import AccountLocked, AccountRevoked, InvalidInput, LoginFailed
from counter_app.settings import SecuritySettings
from counter_app.storage.models import Officer, Setting

SETUP_KEY = "accounts_setup"  # settings-table row whose presence means set-up mode is over
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
WARN_TRIES = 2  # say how many tries are left only near the lock-out


@dataclass(frozen=True)
class OfficerView:
    username: str
    display_name: str
    roles: tuple[str, ...]
    revoked: bool
    source: str
    locked_until: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class Principal:
    """The officer logged in at this counter."""

    username: str
    display_name: str
    roles: tuple[str, ...]

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.roles)

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions


def normalise_username(text: str) -> str:
    return (text or "").strip().lower()


def _view(row: Officer) -> OfficerView:
    return OfficerView(row.username, row.display_name, tuple(row.roles or ()), bool(row.revoked), row.source,
                       row.locked_until, row.created_at)


def _principal(row: Officer) -> Principal:
    return Principal(row.username, row.display_name, tuple(row.roles or ()))


def end_setup_mode(session: Session, now: datetime) -> None:
    if session.get(Setting, SETUP_KEY) is None:
        session.add(Setting(key=SETUP_KEY, value={"ended_at": now.isoformat(timespec="seconds")}))


def check_username(username: str) -> str:
    name = normalise_username(username)
    if not USERNAME.match(name):
        raise InvalidInput(f"User name {username!r} is not valid: 2–64 characters, lower-case letters, digits, "
                           f"'.', '_' or '-', starting with a letter or digit.")
    return name


def check_roles(roles) -> tuple[str, ...]:
    try:
        parsed = parse_roles(roles)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    if not parsed:
        raise InvalidInput("An account needs at least one role (officer, leader or admin).")
    return parsed


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")


class AccountService:
    def __init__(self, db, clock: Callable[[], datetime], security: Callable[[], SecuritySettings]):
        self.db, self.clock, self._security = db, clock, security
        self._setup_over = False  # once over, over for good: no need to ask the database again

    # -- set-up mode ----------------------------------------------------------------------

    def setup_mode(self) -> bool:
        if not self._setup_over:
            with self.db.read() as session:
                self._setup_over = session.get(Setting, SETUP_KEY) is not None
        return not self._setup_over

    # -- reading --------------------------------------------------------------------------

    def list(self) -> list[OfficerView]:
        with self.db.read() as session:
            return [_view(row) for row in session.scalars(select(Officer).order_by(Officer.username))]

    def get(self, username: str) -> OfficerView:
        with self.db.read() as session:
            return _view(self._row(session, username))

    def principal(self, username: str) -> Principal | None:
        """The account as it is now, or None once revoked or gone (roles may have changed)."""
        with self.db.read() as session:
            row = session.scalar(select(Officer).where(Officer.username == normalise_username(username)))
            return None if row is None or row.revoked else _principal(row)

    @staticmethod
    def _row(session: Session, username: str) -> Officer:
        row = session.scalar(select(Officer).where(Officer.username == normalise_username(username)))
        if row is None:
            raise InvalidInput(f"No account is named {username!r}.")
        return row

    # -- changes --------------------------------------------------------------------------

    def create(self, username: str, display_name: str, password: str, roles, *, actor: str = "") -> OfficerView:
        name, roles = check_username(username), check_roles(roles)
        if not (display_name or "").strip():
            raise InvalidInput("The officer's full name is needed.")
        check_password(password)
        password_hash = hash_password(password)  # slow: before the write transaction
        now = self.clock()
        with self.db.write() as session:
            if session.scalar(select(Officer.id).where(Officer.username == name)) is not None:
                raise InvalidInput(f"An account named {name!r} already exists.")
            row = Officer(username=name, display_name=display_name.strip(), roles=list(roles),
                          password_hash=password_hash, token_id="", revoked=False, failed_attempts=0,
                          locked_until=None, source="local", province_version=0, created_at=now, updated_at=now)
            session.add(row)
            end_setup_mode(session, now)
            audit.append_account_event(session, audit.CREATED, name, at=now, actor=actor,
                                       detail={"roles": list(roles), "display_name": row.display_name})
            view = _view(row)
        self._setup_over = True
        return view

    def set_password(self, username: str, password: str, *, actor: str = "") -> None:
        check_password(password)
        password_hash = hash_password(password)
        now = self.clock()
        with self.db.write() as session:
            row = self._row(session, username)
            row.password_hash, row.failed_attempts, row.locked_until, row.updated_at = password_hash, 0, None, now
            audit.append_account_event(session, audit.PASSWORD_CHANGED, row.username, at=now, actor=actor)

    def change_own_password(self, username: str, old_password: str, new_password: str) -> None:
        self.login(username, old_password, record=False)
        self.set_password(username, new_password, actor=normalise_username(username))

    def set_roles(self, username: str, roles, *, actor: str = "") -> OfficerView:
        roles = check_roles(roles)
        now = self.clock()
        with self.db.write() as session:
            row = self._row(session, username)
            before = list(row.roles or ())
            row.roles, row.updated_at = list(roles), now
            audit.append_account_event(session, audit.ROLES_CHANGED, row.username, at=now, actor=actor,
                                       detail={"from": before, "to": list(roles)})
            return _view(row)

    def revoke(self, username: str, *, actor: str = "", revoked: bool = True) -> OfficerView:
        now = self.clock()
        with self.db.write() as session:
            row = self._row(session, username)
            row.revoked, row.updated_at = revoked, now
            audit.append_account_event(session, audit.REVOKED if revoked else audit.RESTORED, row.username,
                                       at=now, actor=actor)
            return _view(row)

    def record(self, kind: str, username: str, detail: dict | None = None) -> None:
        with self.db.write() as session:
            audit.append_account_event(session, kind, normalise_username(username), at=self.clock(),
                                       actor=normalise_username(username), detail=detail)

    # -- logging in -----------------------------------------------------------------------

    def login(self, username: str, password: str, *, record: bool = True) -> Principal:
        """The principal, or LoginFailed / AccountLocked / AccountRevoked. Failures are
        stored (attempt count, lock-out, audit event) before the error is raised."""
        name, now, policy = normalise_username(username), self.clock(), self._security()
        with self.db.write() as session:
            row = session.scalar(select(Officer).where(Officer.username == name)) if name else None
            outcome = self._check(session, row, name, password, now, policy)
            if isinstance(outcome, Principal) and record:
                audit.append_account_event(session, audit.LOGIN, name, at=now, actor=name)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def _check(self, session: Session, row: Officer | None, name: str, password: str, now: datetime,
               policy: SecuritySettings) -> Principal | Exception:
        if row is None:
            burn_verification(password)  # as slow as a real check: the answer does not tell who exists
            audit.append_account_event(session, audit.LOGIN_FAILED, name[:64], at=now, detail={"reason": "unknown"})
            return LoginFailed("Unknown user or wrong password.", tries_left=None)
        if row.locked_until is not None and now < row.locked_until:
            burn_verification(password)
            audit.append_account_event(session, audit.LOGIN_FAILED, name, at=now, detail={"reason": "locked"})
            return AccountLocked(f"Account {name} is locked until {row.locked_until:%H:%M}.", until=row.locked_until)
        if not verify_password(row.password_hash, password):
            row.failed_attempts = (row.failed_attempts or 0) + 1
            limit = policy.max_failed_logins
            if limit and row.failed_attempts >= limit:
                row.failed_attempts, row.locked_until = 0, now + timedelta(minutes=policy.lockout_minutes)
                audit.append_account_event(session, audit.LOCKED_OUT, name, at=now,
                                           detail={"until": row.locked_until.isoformat(timespec="seconds")})
                return AccountLocked(f"Account {name} is locked until {row.locked_until:%H:%M}.",
                                     until=row.locked_until)
            audit.append_account_event(session, audit.LOGIN_FAILED, name, at=now, detail={"reason": "password"})
            left = limit - row.failed_attempts if limit else None
            return LoginFailed("Unknown user or wrong password.",
                               tries_left=left if left is not None and left <= WARN_TRIES else None)
        if row.revoked:
            audit.append_account_event(session, audit.LOGIN_FAILED, name, at=now, detail={"reason": "revoked"})
            return AccountRevoked(f"Account {name} has been revoked.")
        row.failed_attempts, row.locked_until = 0, None
        if needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        return _principal(row)
