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

from sync.errors import CredentialRefused, Offline, ServerFailed, ServerRejected

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
                 retry: RetryPolicy | None = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.session = requests.Session()
        self.token = token

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
        return SyncClient(self.base_url, self.token, timeout=self.timeout, retry=self.retry)

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
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            # A chunked answer cut mid-body is a broken connection too, not a program error.
            raise Offline(f"Cannot reach the provincial server at {self.base_url}: {type(exc).__name__}.") from exc
        if response.status_code >= 500:
            raise ServerFailed(f"The provincial server failed ({response.status_code}): {reason_of(response)}",
                               status=response.status_code, retry_after=retry_after(response))
        if response.status_code >= 400:
            cls = CredentialRefused if response.status_code in (401, 403) else ServerRejected
            raise cls(reason_of(response), status=response.status_code, error=error_code(response))
        return response

    # -- API ------------------------------------------------------------------------------

    def health(self) -> dict:
        """A real round trip: the reachability check."""
        return self.request("GET", "/health", retries=0).json()

    def register(self, *, name: str, agency_id: str, slot: int, enrol_key: str | None = None) -> dict:
        headers = {"X-Enrol-Key": enrol_key} if enrol_key else {}
        body = {"name": name, "agency_id": agency_id, "slot": slot}
        return self.request("POST", "/workstations", json=body, headers=headers, retries=0).json()

    def me(self) -> dict:
        return self.request("GET", "/workstations/me").json()

    def known_ops(self, op_ids: list[str]) -> dict:
        return self.request("POST", "/known-ops", json={"op_ids": op_ids}).json()

    def send_ops(self, ops: list[dict]) -> list[dict]:
        return self.request("POST", "/ops", json={"ops": ops}).json()["results"]

    def file_state(self, sha256: str) -> dict | None:
        try:
            return self.request("GET", f"/files/{sha256}").json()
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
        return self.request("PUT", f"/files/{sha256}", data=payload, headers=headers, retries=0).json()

    def changes(self, cursor: int, limit: int = 100) -> dict:
        return self.request("GET", "/changes", params={"cursor": cursor, "limit": limit}).json()

    def code_block(self, day: str, size: int, request_id: str) -> dict:
        body = {"day": day, "size": size, "request_id": request_id}
        return self.request("POST", "/code-blocks", json=body).json()


def _detail(response: requests.Response):
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("detail") if isinstance(body, dict) else body


def reason_of(response: requests.Response) -> str:
    detail = _detail(response)
    if detail is None:
        return response.text[:300] or response.reason
    if isinstance(detail, dict):
        return str(detail.get("message", detail))
    return str(detail)


def error_code(response: requests.Response) -> str:
    detail = _detail(response)
    return str(detail.get("code", "")) if isinstance(detail, dict) else "validation"


def retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None
