"""PKCS#11 modules and tokens: list slots, tokens and certificates; find a key by its ID.

Keys are selected by CKA_ID (hex), never by label: labels are not unique and some
Vietnamese tokens (Viettel-CA) fail a lookup by label. Certificates are public objects,
so listing and the certificate checks need no PIN.
"""
from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

import pkcs11
from pkcs11 import Attribute, ObjectClass, TokenFlag

from counter_app.errors import KeyNotFound, TokenNotFound
from devices.signing import certificates
from devices.signing.certificates import CertificateInfo
from devices.signing.pkcs11_errors import pin_state

_open_sessions: dict[str, int] = {}  # module path → sessions we hold (guards rescans)
_guard = Lock()


@dataclass(frozen=True)
class TokenCertificate:
    key_id: str  # hex CKA_ID shared by the certificate and its private key
    label: str
    info: CertificateInfo


@dataclass(frozen=True)
class TokenEntry:
    slot_id: int
    slot_description: str
    label: str
    manufacturer: str
    model: str
    serial: str
    pin_state: str  # ok | count_low | final_try | locked
    certificates: tuple[TokenCertificate, ...]


@dataclass(frozen=True)
class FoundKey:
    token: object  # pkcs11.Token
    token_label: str
    key_id: bytes
    certificate: bytes  # DER
    others: tuple[bytes, ...]  # the other certificates on the token (CA chain)


class Pkcs11Module:
    def __init__(self, path: str):
        self.path = str(path)

    def lib(self):
        try:
            return pkcs11.lib(self.path)
        except pkcs11.PKCS11Error as exc:
            raise TokenNotFound(f"Cannot load the PKCS#11 module {self.path}: install the token's "
                                f"software or give the right module path ({exc}).", module=self.path) from exc

    def rescan(self) -> bool:
        """Re-initialise the module so tokens plugged in since are seen (SoftHSM and some
        vendor modules enumerate only at C_Initialize). Skipped while we hold a session."""
        with _guard:
            if _open_sessions.get(self.path):
                return False
            self.lib().reinitialize()
            return True

    def present_tokens(self) -> list:
        try:
            # Why the flag: empty slots of some modules report a nameless, uninitialised token.
            return [t for t in self.lib().get_tokens() if t.flags & TokenFlag.TOKEN_INITIALIZED]
        except pkcs11.PKCS11Error:
            return []  # a token pulled out mid-call makes some modules fail the whole list

    def tokens(self, *, rescan: bool = True) -> list[TokenEntry]:
        if rescan:
            self.rescan()
        return [self._describe(token) for token in self.present_tokens()]

    def _describe(self, token) -> TokenEntry:
        slot = token.slot
        return TokenEntry(
            slot_id=slot.slot_id, slot_description=slot.slot_description, label=token.label,
            manufacturer=token.manufacturer_id, model=token.model, serial=_text(token.serial),
            pin_state=pin_state(token.flags),
            certificates=tuple(TokenCertificate(kid.hex(), label, certificates.describe(der))
                               for kid, label, der in _certificates(token)))

    def find_key(self, key_id: bytes | None, *, token_serial: str | None = None) -> FoundKey:
        """The signing certificate with ``key_id`` (or the only signing one), on any token."""
        found = self._search(key_id, token_serial)
        if not found and self.rescan():
            found = self._search(key_id, token_serial)
        if not found:
            if not self.present_tokens():
                raise TokenNotFound("No token is plugged in: insert the signing token and try again.",
                                    module=self.path)
            wanted = f"ID {key_id.hex()}" if key_id else "a signing certificate"
            raise KeyNotFound(f"No key with {wanted} on the token(s).", key_id=key_id.hex() if key_id else None)
        if len(found) > 1:
            ids = ", ".join(f"{f.key_id.hex()} ({certificates.describe(f.certificate).common_name})" for f in found)
            raise KeyNotFound(f"Several signing keys are on the token(s): choose one by ID ({ids}).",
                              key_ids=[f.key_id.hex() for f in found])
        return found[0]

    def _search(self, key_id: bytes | None, token_serial: str | None) -> list[FoundKey]:
        found = []
        for token in self.present_tokens():
            if token_serial and _text(token.serial) != token_serial:
                continue
            certs = _certificates(token)
            for kid, _, der in certs:
                if key_id is not None and kid != key_id:
                    continue
                if key_id is None and not certificates.describe(der).can_sign:
                    continue
                others = tuple(d for k, _, d in certs if k != kid)
                found.append(FoundKey(token, token.label, kid, der, others))
        return found

    def login(self, token, pin: str):
        """A logged-in session, counted so a rescan never pulls it from under us."""
        session = token.open(user_pin=pin)
        with _guard:
            _open_sessions[self.path] = _open_sessions.get(self.path, 0) + 1
        return session

    def logout(self, session) -> None:
        with _guard:
            _open_sessions[self.path] = max(0, _open_sessions.get(self.path, 0) - 1)
        try:
            session.close()
        except pkcs11.PKCS11Error:
            pass  # the token is gone: the session died with it


def _certificates(token) -> list[tuple[bytes, str, bytes]]:
    """(CKA_ID, label, DER) of every certificate object, read in a public session."""
    try:
        with token.open() as session:
            return [(obj[Attribute.ID], obj[Attribute.LABEL], obj[Attribute.VALUE])
                    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})]
    except pkcs11.PKCS11Error:
        return []  # token went away while we looked


def _text(value) -> str:
    return value.decode("ascii", "replace").strip() if isinstance(value, bytes) else str(value).strip()
