"""Argon2id password hashes, sized for a low-end office PC.

Parameters follow the OWASP minimum for Argon2id (19 MiB, 2 passes, 1 lane): a login
costs tens of milliseconds on an old dual-core, and each guess costs an attacker the same.
"""
from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 8
HASH_PREFIX = "$argon2id$"

_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16,
                         type=Type.ID)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _HASHER.hash("no such officer: the same work as a real check")


def burn_verification(password: str) -> None:
    """Spend the time of a real check, so an unknown user name answers as slowly as a known one."""
    verify_password(_dummy_hash(), password)


def is_argon2id_hash(text: str) -> bool:
    return isinstance(text, str) and text.startswith(HASH_PREFIX) and text.count("$") == 5
