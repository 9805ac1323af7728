"""Workstation credentials: one random bearer token each, stored only as its hash."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.models import Workstation


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def register(session: Session, *, name: str, agency_id: str, slot: int) -> tuple[Workstation, str]:
    """A new workstation and its token (shown once; the server keeps only the hash)."""
    token = secrets.token_urlsafe(32)
    workstation = Workstation(name=name, agency_id=agency_id, slot=slot, token_hash=hash_token(token),
                              created_at=datetime.now())
    session.add(workstation)
    session.flush()
    return workstation, token


def authenticate(session: Session, token: str) -> Workstation | None:
    """The workstation owning ``token``, revoked ones included (the caller says why it refuses)."""
    return session.scalar(select(Workstation).where(Workstation.token_hash == hash_token(token)))


def enrol_key_ok(expected: str | None, given: str | None) -> bool:
    if not expected:
        return True  # open enrolment: the reference server on a test/demo machine
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def revoke(session: Session, workstation_id: int) -> bool:
    workstation = session.get(Workstation, workstation_id)
    if workstation is None:
        return False
    workstation.revoked = True
    return True
