"""TLS to the provincial server: CA verification and an optional public-key pin.

Trust: the CA file given with ``sync --ca FILE`` (only that CA), else the system store.
Pin: SHA-256 of the server certificate's SubjectPublicKeyInfo (``sha256/BASE64``, the
HPKP/curl form; 64 hex digits are accepted too). A pin on the key, not the whole
certificate, survives a renewal that keeps the key.

How the pin is checked: the session's HTTPS adapter uses an ``ssl.SSLContext`` whose
``wrap_socket`` compares the peer's key right after the handshake and closes the socket
on a mismatch, before urllib3 gets it — so not one byte of HTTP (no token, no dossier)
reaches a server that is not the pinned one. urllib3's ``assert_fingerprint`` was not
used: it pins the whole certificate, which changes at every renewal.

The settings live in the workspace's ``settings`` table under "sync_tls" (JSON).
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import re
import socket
import ssl
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

import requests
from requests.adapters import HTTPAdapter

from counter_app.errors import InvalidInput
from sync.errors import SyncError

SETTING_KEY = "sync_tls"
PIN_PREFIX = "sha256/"
PIN_ASK = "The server's certificate is not the one this counter trusts: ask the province IT team"


class ServerCertificateUntrusted(SyncError):
    """The server's certificate does not verify against the trusted CAs (unknown, self-signed,
    expired or for another name). Nothing was sent."""

    code = "sync_tls_untrusted"


class ServerPinMismatch(ServerCertificateUntrusted):
    """The server's public key is not the pinned one. Nothing was sent."""

    code = "sync_tls_pin_mismatch"


class TlsRequired(ServerCertificateUntrusted):
    """A pin is set but the server address is plain http: refused rather than sent unprotected."""

    code = "sync_tls_required"


@dataclass(frozen=True)
class TlsConfig:
    ca_file: str = ""  # PEM bundle of the CAs to trust; "" = the system store
    pin: str = ""  # "sha256/BASE64" of the server's SPKI; "" = no pin

    @property
    def active(self) -> bool:
        return bool(self.ca_file or self.pin)


# -- pins --------------------------------------------------------------------------------

def spki_pin(cert_der: bytes) -> str:
    """``sha256/BASE64`` of the certificate's SubjectPublicKeyInfo."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    try:
        cert = x509.load_der_x509_certificate(cert_der)
    except ValueError as exc:
        raise ServerCertificateUntrusted(f"The server sent a certificate that cannot be read: {exc}") from exc
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return PIN_PREFIX + base64.b64encode(hashlib.sha256(spki).digest()).decode()


def normalize_pin(text: str) -> str:
    """The canonical ``sha256/BASE64`` form of a pin given as that, or as 64 hex digits (colons allowed)."""
    raw = (text or "").strip()
    body = raw[len(PIN_PREFIX):] if raw.lower().startswith(PIN_PREFIX) else raw
    hex_digits = re.sub(r"[:\s]", "", body)
    if re.fullmatch(r"[0-9a-fA-F]{64}", hex_digits):
        digest = bytes.fromhex(hex_digits)
    else:
        try:
            digest = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            digest = b""
    if len(digest) != 32:
        raise InvalidInput(f"Not a certificate pin: {text!r}. Give sha256/BASE64 (44 characters) or 64 hex "
                           "digits, as printed by `counter-app sync pin --server URL`.")
    return PIN_PREFIX + base64.b64encode(digest).decode()


def check_ca_file(path: str) -> str:
    """The absolute path of a readable PEM CA file (``InvalidInput`` otherwise)."""
    file = Path(path).expanduser()
    try:
        ssl.create_default_context(cafile=str(file))
    except (OSError, ssl.SSLError) as exc:
        raise InvalidInput(f"Cannot use {path} as the CA certificate file: {exc}.") from exc
    return str(file.resolve())


# -- the pinned HTTPS session --------------------------------------------------------------

class _PinRefused(ssl.SSLError):
    """Raised inside urllib3 on a pin mismatch; turned into ``ServerPinMismatch`` by the client."""

    def __init__(self, expected: str, got: str):
        super().__init__(f"certificate pin mismatch: expected {expected}, got {got}")
        self.expected, self.got = expected, got


class _PinningContext(ssl.SSLContext):
    """An SSLContext that refuses, right after the handshake, a peer whose key is not pinned."""

    pin: str = ""

    def wrap_socket(self, sock, *args, **kwargs):
        wrapped = super().wrap_socket(sock, *args, **kwargs)
        if self.pin:
            got = spki_pin(wrapped.getpeercert(binary_form=True) or b"")
            if got != self.pin:
                wrapped.close()  # nothing was written to it
                raise _PinRefused(self.pin, got)
        return wrapped


def ssl_context(config: TlsConfig) -> ssl.SSLContext:
    context = _PinningContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies the chain and the host name
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if config.ca_file:
        context.load_verify_locations(cafile=config.ca_file)
    else:
        context.load_default_certs()
    context.pin = config.pin
    return context


class TlsAdapter(HTTPAdapter):
    """HTTPS through ``ssl_context(config)`` only: requests' own CA bundle is not added."""

    def __init__(self, config: TlsConfig, **kwargs):
        self.context = ssl_context(config)
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_context"] = self.context
        return super().init_poolmanager(*args, **kwargs)

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        pool_kwargs.pop("ca_certs", None)
        pool_kwargs.pop("ca_cert_dir", None)
        pool_kwargs["cert_reqs"] = "CERT_REQUIRED"  # never off, whatever ``verify`` says
        pool_kwargs["ssl_context"] = self.context
        return host_params, pool_kwargs

    def cert_verify(self, conn, url, verify, cert):
        super().cert_verify(conn, url, verify, cert)
        if url.lower().startswith("https"):
            conn.cert_reqs, conn.ca_certs, conn.ca_cert_dir = "CERT_REQUIRED", None, None


def make_session(config: TlsConfig | None = None) -> requests.Session:
    """A requests session whose HTTPS follows ``config`` (plain ``http://`` is untouched)."""
    session = requests.Session()
    session.mount("https://", TlsAdapter(config or TlsConfig()))
    return session


def tls_failure(exc: BaseException, base_url: str) -> ServerCertificateUntrusted | None:
    """The typed error for a requests failure caused by the server's certificate, else None."""
    found = _find_ssl_error(exc)
    if found is None:
        return None
    if isinstance(found, _PinRefused):
        return ServerPinMismatch(f"{PIN_ASK}. The server at {base_url} shows key {found.got}, "
                                 f"this counter trusts {found.expected}. Nothing was sent.",
                                 expected=found.expected, got=found.got)
    reason = getattr(found, "verify_message", "") or getattr(found, "reason", "") or str(found)
    return ServerCertificateUntrusted(f"{PIN_ASK}. The certificate of {base_url} could not be "
                                      f"verified ({reason}). Nothing was sent.", reason=str(reason))


def _find_ssl_error(exc: BaseException, depth: int = 0) -> ssl.SSLError | None:
    """Dig the ssl error out of requests' and urllib3's wrappers (args, reason, cause, context)."""
    if exc is None or depth > 8:
        return None
    if isinstance(exc, ssl.SSLError):
        return exc
    candidates = [getattr(exc, "reason", None), exc.__cause__, exc.__context__,
                  *[a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]]
    for candidate in candidates:
        if isinstance(candidate, BaseException):
            found = _find_ssl_error(candidate, depth + 1)
            if found is not None:
                return found
    return None


# -- set-up: what pin does a server show now? ----------------------------------------------

def fetch_server_pin(url: str, *, timeout: float = 5.0) -> dict:
    """Connect without trusting anything and report the server's certificate and pin (for set-up:
    compare the pin with the one the province IT team gives by another channel)."""
    from cryptography import x509

    parts = urlparse(url)
    if parts.scheme != "https" or not parts.hostname:
        raise InvalidInput(f"Give the server's https:// address, not {url!r}.")
    host, port = parts.hostname, parts.port or 443
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # only reading its certificate
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw, \
                context.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as exc:
        from sync.errors import Offline

        raise Offline(f"Cannot read the certificate of {host}:{port}: {exc}") from exc
    cert = x509.load_der_x509_certificate(der)
    return {"pin": spki_pin(der), "subject": cert.subject.rfc4514_string(), "issuer": cert.issuer.rfc4514_string(),
            "not_after": cert.not_valid_after_utc.isoformat(),
            "sha256_hex": hashlib.sha256(der).hexdigest()}


# -- stored settings ---------------------------------------------------------------------

def load_tls(session) -> TlsConfig:
    from counter_app.storage.models import Setting

    row = session.get(Setting, SETTING_KEY)
    raw = row.value if row is not None and isinstance(row.value, dict) else {}
    return TlsConfig(ca_file=str(raw.get("ca_file") or ""), pin=str(raw.get("pin") or ""))


def save_tls(session, config: TlsConfig) -> None:
    from counter_app.storage.models import Setting

    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=asdict(config)))
    else:
        row.value = {**(row.value or {}), **asdict(config)}
    session.flush()


def updated(config: TlsConfig, *, ca: str | None = None, pin: str | None = None) -> TlsConfig:
    """``config`` with the CLI's ``--ca`` / ``--pin`` applied ("system" / "off" clear them)."""
    ca_file, pinned = config.ca_file, config.pin
    if ca is not None:
        ca_file = "" if ca.strip().lower() == "system" else check_ca_file(ca)
    if pin is not None:
        pinned = "" if pin.strip().lower() in ("off", "none", "") else normalize_pin(pin)
    return TlsConfig(ca_file=ca_file, pin=pinned)
