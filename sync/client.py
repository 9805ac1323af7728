"""HTTP client of the provincial sync API (requests).

Every call has a connect and a read timeout. Failures are classified — ``Offline``
(no answer), ``ServerFailed`` (5xx) and ``ServerRejected`` (4xx, with the server's
reason) — and the first two are retried with exponential backoff and full jitter,
honouring ``Retry-After``. Retrying is safe: ops carry their idempotency key, chunks
their byte range, code-block requests their request id.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

import requests

from sync import answers
from sync.errors import BadAnswer, CredentialRefused, Offline, ServerFailed, ServerRejected
from sync.tls import TlsConfig, TlsRequired, make_session, tls_failure

API = "/api/v1"


@dataclass
class RetryPolicy:
    attempts: int = 4
    base: float = 0.25  # seconds before the first retry (before jitter)
    cap: float = 8.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return min(retry_after, self.cap)
        return self.rng.uniform(0, min(self.cap, self.base * 2 ** attempt))  # full jitter


class SyncClient:
    def __init__(self, base_url: str, token: str | None = None, *, timeout: tuple[float, float] = (3.05, 30.0),
                 retry: RetryPolicy | None = None, tls: TlsConfig | None = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.tls = tls or TlsConfig()
        self.session = make_session(self.tls)  # CA and pin checked before any byte is sent (sync.tls)
        self.token = token

    def use_tls(self, tls: TlsConfig) -> None:
        """Trust ``tls`` (CA file, pin) from now on: a new session, the same credential."""
        self.session.close()
        self.tls = tls
        self.session = make_session(tls)
        self.token = self._token

    @property
    def token(self) -> str | None:
        return self._token

    @token.setter
    def token(self, value: str | None) -> None:
        self._token = value
        self.session.headers.pop("Authorization", None)
        if value:
            self.session.headers["Authorization"] = f"Bearer {value}"

    def close(self) -> None:
        self.session.close()

    def clone(self) -> "SyncClient":
        """The same server and credential on a session of its own (one per thread)."""
        return SyncClient(self.base_url, self.token, timeout=self.timeout, retry=self.retry, tls=self.tls)

    # -- transport ------------------------------------------------------------------------

    def request(self, method: str, path: str, *, retries: int | None = None, **kwargs) -> requests.Response:
        attempts = self.retry.attempts if retries is None else retries + 1
        for attempt in range(attempts):
            try:
                return self._once(method, path, **kwargs)
            except (Offline, ServerFailed) as exc:
                if attempt + 1 >= attempts:
                    raise
                time.sleep(self.retry.delay(attempt, exc.details.get("retry_after")))
        raise AssertionError("unreachable")

    def _once(self, method: str, path: str, **kwargs) -> requests.Response:
        url = f"{self.base_url}{API}{path}"
        if self.tls.pin and not url.lower().startswith("https://"):
            raise TlsRequired(f"This counter trusts only a pinned https server, but the address is {self.base_url}. "
                              "Use the https:// address, or remove the pin with `sync --pin off`.")
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.exceptions.SSLError as exc:
            # A certificate the counter does not trust is not "offline": retrying will not help.
            raise tls_failure(exc, self.base_url) or Offline(
                f"TLS with the provincial server at {self.base_url} failed: {exc}.") from exc
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            # A chunked answer cut mid-body is a broken connection too, not a program error.
            raise Offline(f"Cannot reach the provincial server at {self.base_url}: {type(exc).__name__}.") from exc
        except (requests.exceptions.ContentDecodingError, requests.exceptions.TooManyRedirects) as exc:
            # It answered, but with a body that does not unpack or redirects without end.
            raise BadAnswer(f"The provincial server at {self.base_url} sent an unusable answer: "
                            f"{type(exc).__name__}.") from exc
        if response.status_code >= 500:
            raise ServerFailed(f"The provincial server failed ({response.status_code}): {reason_of(response)}",
                               status=response.status_code, retry_after=retry_after(response))
        if response.status_code >= 400:
            if response.status_code in (401, 403):  # say what to do: retrying will not help
                raise CredentialRefused(f"{reason_of(response)} Ask the province IT team to enrol this counter "
                                        "again; its pending work stays saved on this computer.",
                                        status=response.status_code, error=error_code(response))
            raise ServerRejected(reason_of(response), status=response.status_code, error=error_code(response))
        return response

    # -- API ------------------------------------------------------------------------------

    def health(self) -> dict:
        """A real round trip: the reachability check."""
        return answers.health(self.request("GET", "/health", retries=0))

    def register(self, *, name: str, agency_id: str, slot: int, enrol_key: str | None = None) -> dict:
        headers = {"X-Enrol-Key": enrol_key} if enrol_key else {}
        body = {"name": name, "agency_id": agency_id, "slot": slot}
        return answers.registration(self.request("POST", "/workstations", json=body, headers=headers, retries=0))

    def me(self) -> dict:
        return answers.workstation(self.request("GET", "/workstations/me"))

    def known_ops(self, op_ids: list[str]) -> dict:
        return answers.known_ops(self.request("POST", "/known-ops", json={"op_ids": op_ids}))

    def send_ops(self, ops: list[dict]) -> list[dict]:
        response = self.request("POST", "/ops", json={"ops": ops})
        return answers.op_results(response, [op["op_id"] for op in ops])

    def file_state(self, sha256: str) -> dict | None:
        try:
            return answers.file_state(self.request("GET", f"/files/{sha256}"), sha256)
        except ServerRejected as exc:
            if exc.details.get("status") == 404:
                return None
            raise

    def put_chunk(self, sha256: str, start: int, data: bytes, total: int, *, body: bytes | None = None,
                  encoding: str = "") -> dict:
        """One chunk, not retried here: the uploader asks what arrived and sends the rest.

        ``body`` is ``data`` compressed with ``encoding`` (gzip) when that is smaller; the
        Content-Range always counts the file's own bytes."""
        headers = {"Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}",
                   "Content-Type": "application/octet-stream"}
        if encoding:
            headers["Content-Encoding"] = encoding
        payload = data if body is None else body
        return answers.file_state(self.request("PUT", f"/files/{sha256}", data=payload, headers=headers, retries=0),
                                  sha256, sent=(start, start + len(data)))

    def changes(self, cursor: int, limit: int = 100) -> dict:
        return answers.changes(self.request("GET", "/changes", params={"cursor": cursor, "limit": limit}), cursor)

    def code_block(self, day: str, size: int, request_id: str) -> dict:
        body = {"day": day, "size": size, "request_id": request_id}
        return answers.code_block(self.request("POST", "/code-blocks", json=body), day)


def _detail(response: requests.Response):
    try:
        body = response.json()
    except (ValueError, RecursionError):  # not JSON, or nested beyond reason
        return None
    return body.get("detail") if isinstance(body, dict) else body


def _short(value, limit: int = 300) -> str:
    try:
        return str(value)[:limit]
    except (ValueError, RecursionError):  # a structure too deep to print
        return type(value).__name__


def reason_of(response: requests.Response) -> str:
    detail = _detail(response)
    if detail is None:
        return response.text[:300] or response.reason
    if isinstance(detail, dict):
        return _short(detail.get("message", detail))
    return _short(detail)


def error_code(response: requests.Response) -> str:
    detail = _detail(response)
    return _short(detail.get("code", ""), 64) if isinstance(detail, dict) else "validation"


def retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    # ASCII digits only ("²".isdigit() is true too); an HTTP date is not honoured, the backoff applies.
    return float(value) if value.isascii() and value.isdigit() else None
