"""The ``Signer`` port over a PKCS#11 token, signing through pyHanko's PKCS11Signer.

Order of checks, so nothing is written and no PIN try is spent in vain: find the
key by ID → check its certificate (validity, key usage) → refuse a locked token →
log in → check the private key exists → sign the batch.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from typing import Callable, Iterator, Sequence

import pkcs11
from asn1crypto import x509
from pkcs11 import ObjectClass
from pyhanko.sign.pkcs11 import PKCS11Signer

from counter_app.errors import KeyNotFound, TokenNotFound
from counter_app.ports import DeviceState, DeviceStatus, SignatureSpec, SignJob, SignOutcome
from devices.signing import certificates, pades
from devices.signing.pkcs11_errors import device_error, login_error, refuse_if_locked
from devices.signing.pkcs11_tokens import Pkcs11Module


class TokenSigner:
    """``Signer`` port: one token key, chosen by module path and key ID (hex)."""

    name = "pkcs11"

    def __init__(self, module_path: str, key_id: str | None = None, *, token_serial: str | None = None,
                 clock: Callable[[], datetime] = pades.local_now):
        self.module = Pkcs11Module(module_path)
        self.key_id = bytes.fromhex(key_id) if key_id else None
        self.token_serial = token_serial
        self.clock = clock

    def status(self) -> DeviceStatus:
        try:
            found = self.module.find_key(self.key_id, token_serial=self.token_serial)
        except TokenNotFound as exc:
            return DeviceStatus(DeviceState.OFFLINE, exc.message)
        name = certificates.describe(found.certificate).common_name
        return DeviceStatus(DeviceState.READY, f"{found.token_label}: {name} (key {found.key_id.hex()})")

    @contextmanager
    def session(self, pin: str) -> Iterator[tuple[PKCS11Signer, str]]:
        """A logged-in pyHanko signer and the token label, for one batch (one PIN entry)."""
        found = self.module.find_key(self.key_id, token_serial=self.token_serial)
        certificates.check_can_sign(found.certificate, self.clock())
        refuse_if_locked(found.token_label, found.token.flags)
        try:
            session = self.module.login(found.token, pin)
        except pkcs11.PKCS11Error as exc:
            raise login_error(exc, found.token_label, _flags_now(self.module, found)) from None
        try:
            _require_private_key(session, found)
            cert = x509.Certificate.load(found.certificate)
            signer = PKCS11Signer(
                session, key_id=found.key_id, cert_id=found.key_id,
                signing_cert=cert, ca_chain=[x509.Certificate.load(der) for der in found.others],
                other_certs_to_pull=(),
                # Why raw: many tokens (SoftHSM too) lack CKM_ECDSA_SHA256; hash here, sign raw.
                use_raw_mechanism=cert.public_key.algorithm == "ec")
            yield signer, found.token_label
        finally:
            self.module.logout(session)

    def sign_batch(self, jobs: Sequence[SignJob], spec: SignatureSpec, *, pin: str | None,
                   progress: Callable[[int, int], None] | None = None) -> list[SignOutcome]:
        with self.session(pin or "") as (signer, label):
            return pades.sign_batch(signer, list(jobs), spec, token_label=label, clock=self.clock,
                                    progress=progress)


def _flags_now(module: Pkcs11Module, found) -> int | None:
    """Token flags right after a failed login (the token updates its PIN counters)."""
    for token in module.present_tokens():
        if token.serial == found.token.serial:
            return token.flags
    return None


def _require_private_key(session, found) -> None:
    try:
        session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=found.key_id)
    except pkcs11.exceptions.NoSuchKey:
        raise KeyNotFound(f"The token {found.token_label!r} has the certificate {found.key_id.hex()} "
                          "but not its private key.", key_id=found.key_id.hex()) from None
    except pkcs11.exceptions.MultipleObjectsReturned:
        raise KeyNotFound(f"Several private keys share the ID {found.key_id.hex()}.",
                          key_id=found.key_id.hex()) from None
    except pkcs11.PKCS11Error as exc:
        raise device_error(exc, found.token_label) from exc
