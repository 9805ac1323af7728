"""Remote (cloud) signing over a Cloud Signature Consortium API v2 service: the second signing
path, for an officer with no token while the network is up.

Only the document's hash leaves the counter: pyHanko builds the PAdES CMS locally and asks
the service (``signatures/signHash``) for the raw signature of the signed attributes' hash.
One batch = one login, one authorisation (signing PIN + one-time code → SAD for N
signatures), then one signHash per document.

``RemoteCscSigner`` is a ``counter_app.ports.Signer`` like ``TokenSigner``: ``sign_batch(jobs,
spec, pin=…)``. Faults are typed: service unreachable or broken → RemoteSigningUnavailable;
account refused → RemoteSigningLoginFailed; PIN or OTP refused → RemoteSigningRejected.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Sequence

import requests
from asn1crypto import x509 as asn1_x509
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from counter_app.errors import (
    KeyNotFound,
    RemoteSigningLoginFailed,
    RemoteSigningRejected,
    RemoteSigningUnavailable,
)
from counter_app.ports import DeviceState, DeviceStatus, SignatureSpec, SignJob, SignOutcome
from devices.signing import certificates, pades

HASH_OIDS = {"sha256": "2.16.840.1.101.3.4.2.1", "sha384": "2.16.840.1.101.3.4.2.2",
             "sha512": "2.16.840.1.101.3.4.2.3"}
EC_SIGN_OIDS = {"sha256": "1.2.840.10045.4.3.2", "sha384": "1.2.840.10045.4.3.3", "sha512": "1.2.840.10045.4.3.4"}
RSA_SIGN_OIDS = {"sha256": "1.2.840.113549.1.1.11", "sha384": "1.2.840.113549.1.1.12",
                 "sha512": "1.2.840.113549.1.1.13"}
LOGIN_ERRORS = {"authentication_error", "invalid_grant", "invalid_client", "access_denied"}
AUTH_ERRORS = {"invalid_pin", "invalid_otp", "invalid_sad"}


@dataclass(frozen=True)
class CredentialInfo:
    credential_id: str
    certificates: tuple[bytes, ...]  # DER: the signer's first, then its chain
    key_algorithm: str  # ec | rsa
    key_bits: int
    needs_pin: bool
    needs_otp: bool


class CscClient:
    def __init__(self, base_url: str, *, timeout: float = 15.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.token: str | None = None
        self.http = requests.Session()

    def _post(self, method: str, body: dict, *, auth=None, what: str = "") -> dict:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token and auth is None else {}
        try:
            reply = self.http.post(f"{self.base_url}/{method}", json=body, auth=auth, headers=headers,
                                   timeout=self.timeout)
        except requests.RequestException as exc:
            raise RemoteSigningUnavailable(f"Cannot reach the remote signing service {self.base_url} "
                                           f"({type(exc).__name__}).", service=self.base_url) from None
        try:
            data = reply.json()
        except ValueError:
            data = None
        if reply.ok and isinstance(data, dict):
            return data
        error = data.get("error", "") if isinstance(data, dict) else ""
        said = data.get("error_description", "") if isinstance(data, dict) else ""
        details = dict(service=self.base_url, method=method, status=reply.status_code, csc_error=error)
        if method == "auth/login" and (reply.status_code == 401 or error in LOGIN_ERRORS):
            raise RemoteSigningLoginFailed(f"The remote signing service refused the account ({said or error}).",
                                           **details)
        if error in AUTH_ERRORS:
            raise RemoteSigningRejected(f"The remote signing service refused {what or 'the request'} "
                                        f"({said or error}).", **details)
        raise RemoteSigningUnavailable(f"The remote signing service failed on {method}: HTTP {reply.status_code} "
                                       f"{error} {said}".strip(), **details)

    def login(self, username: str, password: str) -> None:
        self.token = None
        self.token = self._post("auth/login", {}, auth=(username, password))["access_token"]

    def credential_ids(self) -> list[str]:
        return list(self._post("credentials/list", {}).get("credentialIDs", []))

    def credential_info(self, credential_id: str) -> CredentialInfo:
        data = self._post("credentials/info", {"credentialID": credential_id, "certificates": "chain",
                                                "certInfo": True, "authInfo": True})
        try:
            certs = tuple(base64.b64decode(c) for c in data["cert"]["certificates"])
            algo = data["key"]["algo"][0]
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise RemoteSigningUnavailable(f"The remote signing service sent an unusable credential ({exc}).",
                                           service=self.base_url) from None
        return CredentialInfo(credential_id, certs, "ec" if algo.startswith("1.2.840.10045") else "rsa",
                              int(data["key"].get("len", 0)),
                              str(data.get("PIN", {}).get("presence", "false")) == "true",
                              str(data.get("OTP", {}).get("presence", "false")) == "true")

    def authorize(self, credential_id: str, count: int, pin: str, otp: str | None) -> str:
        body = {"credentialID": credential_id, "numSignatures": count, "PIN": pin}
        if otp is not None:
            body["OTP"] = otp
        return self._post("credentials/authorize", body, what="the signing PIN or one-time code")["SAD"]

    def sign_hash(self, credential_id: str, sad: str, digest: bytes, hash_oid: str, sign_oid: str) -> bytes:
        data = self._post("signatures/signHash", {"credentialID": credential_id, "SAD": sad,
                                                   "hashes": [base64.b64encode(digest).decode()],
                                                   "hashAlgo": hash_oid, "signAlgo": sign_oid},
                          what="the signature authorisation")
        try:
            return base64.b64decode(data["signatures"][0])
        except (KeyError, IndexError, TypeError, ValueError):
            raise RemoteSigningUnavailable("The remote signing service sent no signature.",
                                           service=self.base_url) from None


class CscExternalSigner(signers.Signer):
    """pyHanko signer whose raw signature comes from the service; the CMS is built here."""

    def __init__(self, client: CscClient, info: CredentialInfo, sad: str):
        chain = [asn1_x509.Certificate.load(der) for der in info.certificates]
        super().__init__(signing_cert=chain[0], cert_registry=SimpleCertificateStore.from_certs(chain[1:]))
        self.client, self.info, self.sad = client, info, sad

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        if dry_run:  # pyHanko sizes the signature's placeholder: the largest value this key makes
            size = (self.info.key_bits + 7) // 8
            return bytes(2 * size + 9 if self.info.key_algorithm == "ec" else size)
        algorithm = digest_algorithm.lower()
        if algorithm not in HASH_OIDS:
            raise RemoteSigningUnavailable(f"The remote signing path does not sign with {digest_algorithm}.")
        digest = hashlib.new(algorithm, data).digest()
        sign_oid = (EC_SIGN_OIDS if self.info.key_algorithm == "ec" else RSA_SIGN_OIDS)[algorithm]
        return await asyncio.to_thread(self.client.sign_hash, self.info.credential_id, self.sad, digest,
                                       HASH_OIDS[algorithm], sign_oid)


class RemoteCscSigner:
    """``Signer`` port over a CSC v2 service: the officer's account, a credential, PIN + OTP."""

    name = "remote-csc"
    asks_otp = True  # the GUI's PIN dialog also asks the one-time code; it sets ``otp``

    def __init__(self, base_url: str, username: str, password: str, *, credential_id: str | None = None,
                 otp: Callable[[], str | None] = lambda: None, timeout: float = 15.0,
                 clock: Callable[[], datetime] = pades.local_now):
        self.base_url, self.username, self.password = base_url, username, password
        self.credential_id, self.otp, self.timeout, self.clock = credential_id, otp, timeout, clock

    def status(self) -> DeviceStatus:
        try:
            client, info = self._credential()
        except (RemoteSigningUnavailable, RemoteSigningLoginFailed, KeyNotFound) as exc:
            return DeviceStatus(DeviceState.OFFLINE, exc.message)
        name = certificates.describe(info.certificates[0]).common_name
        return DeviceStatus(DeviceState.READY, f"{self.base_url}: {name} ({info.credential_id})")

    def _credential(self) -> tuple[CscClient, CredentialInfo]:
        client = CscClient(self.base_url, timeout=self.timeout)
        client.login(self.username, self.password)
        credential_id = self.credential_id
        if credential_id is None:
            ids = client.credential_ids()
            if len(ids) != 1:
                raise KeyNotFound(f"The account has {len(ids)} signing credentials: choose one by ID "
                                  f"({', '.join(ids) or 'none'}).", credential_ids=ids)
            credential_id = ids[0]
        return client, client.credential_info(credential_id)

    def sign_batch(self, jobs: Sequence[SignJob], spec: SignatureSpec, *, pin: str | None,
                   progress: Callable[[int, int], None] | None = None) -> list[SignOutcome]:
        """One login and one authorisation for the whole batch, then one signHash per document."""
        jobs = list(jobs)
        if not jobs:
            return []
        client, info = self._credential()
        certificates.check_can_sign(info.certificates[0], self.clock())
        sad = client.authorize(info.credential_id, len(jobs), pin or "", self.otp() if info.needs_otp else None)
        signer = CscExternalSigner(client, info, sad)
        return pades.sign_batch(signer, jobs, spec, token_label=f"remote:{info.credential_id}", clock=self.clock,
                                progress=progress)
