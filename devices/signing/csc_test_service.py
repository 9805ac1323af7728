"""A small remote-signing service shaped like the Cloud Signature Consortium API v2, for
tests and demos on 127.0.0.1 only: it holds one software key with a certificate from the
demo CA, like a Vietnamese CA's cloud signing (remote signing) offer.

Endpoints (POST, JSON, under ``/csc/v2``): ``info``; ``auth/login`` (HTTP Basic → bearer
token); ``credentials/list``; ``credentials/info`` (certificate chain, key algorithm, auth
needs); ``credentials/authorize`` (signing PIN + one-time code → SAD for N signatures);
``signatures/signHash`` (SAD + hashes → raw signatures). Errors are CSC-style
``{"error": ..., "error_description": ...}`` with 400/401. Never use it with a real key.
"""
from __future__ import annotations

import base64
import secrets
import socket
import threading
from dataclasses import dataclass, field

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

HASHES = {"2.16.840.1.101.3.4.2.1": hashes.SHA256, "2.16.840.1.101.3.4.2.2": hashes.SHA384,
          "2.16.840.1.101.3.4.2.3": hashes.SHA512}
EC_ALGOS = {"1.2.840.10045.2.1", "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4"}
RSA_ALGOS = {"1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13"}


@dataclass
class CscAccount:
    username: str
    password: str
    pin: str
    otp: str  # the one-time code this test service accepts (an SMS/app code in real services)
    credential_id: str = "cred-1"


@dataclass
class _State:
    tokens: dict[str, str] = field(default_factory=dict)  # bearer token → username
    sads: dict[str, list] = field(default_factory=dict)  # SAD → [credential ID, signatures left]
    signed: int = 0


class CscTestService:
    def __init__(self, key, chain: list[x509.Certificate], accounts: list[CscAccount]):
        self.key, self.chain = key, chain
        self.accounts = {a.username: a for a in accounts}
        self.state = _State()
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()
        state = self.state

        def fail(status: int, error: str, description: str) -> JSONResponse:
            return JSONResponse({"error": error, "error_description": description}, status_code=status)

        def account_of(request: Request) -> CscAccount | None:
            header = request.headers.get("authorization", "")
            user = state.tokens.get(header.removeprefix("Bearer ").strip()) if header.startswith("Bearer ") else None
            return self.accounts.get(user) if user else None

        @app.post("/csc/v2/info")
        async def info():
            return {"specs": "2.0.0.2", "name": "Quầy Một Cửa — ký số từ xa (thử nghiệm)",
                    "region": "VN",
                    "lang": "vi-VN", "authType": ["basic"],
                    "methods": ["auth/login", "credentials/list", "credentials/info", "credentials/authorize",
                                "signatures/signHash"]}

        @app.post("/csc/v2/auth/login")
        async def login(request: Request):
            header = request.headers.get("authorization", "")
            try:
                user, _, password = base64.b64decode(header.removeprefix("Basic ")).decode().partition(":")
            except ValueError:
                return fail(401, "invalid_request", "Basic authentication required")
            account = self.accounts.get(user)
            if account is None or not secrets.compare_digest(account.password, password):
                return fail(401, "authentication_error", "Invalid user name or password")
            token = secrets.token_urlsafe(24)
            state.tokens[token] = user
            return {"access_token": token, "expires_in": 3600}

        @app.post("/csc/v2/credentials/list")
        async def credentials_list(request: Request):
            account = account_of(request)
            if account is None:
                return fail(401, "invalid_token", "Missing or expired access token")
            return {"credentialIDs": [account.credential_id]}

        @app.post("/csc/v2/credentials/info")
        async def credentials_info(request: Request):
            account, body = account_of(request), await request.json()
            if account is None:
                return fail(401, "invalid_token", "Missing or expired access token")
            if body.get("credentialID") != account.credential_id:
                return fail(400, "invalid_request", "Invalid parameter credentialID")
            is_ec = isinstance(self.key, ec.EllipticCurvePrivateKey)
            return {"key": {"status": "enabled", "algo": ["1.2.840.10045.2.1" if is_ec else "1.2.840.113549.1.1.1"],
                            "len": self.key.key_size},
                    "cert": {"status": "valid", "certificates": [
                        base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode() for c in self.chain]},
                    "authMode": "explicit", "SCAL": "1", "multisign": 100,
                    "PIN": {"presence": "true", "format": "N", "label": "PIN"},
                    "OTP": {"presence": "true", "type": "offline", "format": "N", "label": "OTP"}}

        @app.post("/csc/v2/credentials/authorize")
        async def authorize(request: Request):
            account, body = account_of(request), await request.json()
            if account is None:
                return fail(401, "invalid_token", "Missing or expired access token")
            if body.get("credentialID") != account.credential_id:
                return fail(400, "invalid_request", "Invalid parameter credentialID")
            if not secrets.compare_digest(str(body.get("PIN", "")), account.pin):
                return fail(400, "invalid_pin", "The PIN is invalid")
            if not secrets.compare_digest(str(body.get("OTP", "")), account.otp):
                return fail(400, "invalid_otp", "The OTP is invalid")
            count = int(body.get("numSignatures", 1))
            if not 1 <= count <= 100:
                return fail(400, "invalid_request", "Invalid parameter numSignatures")
            sad = secrets.token_urlsafe(24)
            state.sads[sad] = [account.credential_id, count]
            return {"SAD": sad, "expiresIn": 300}

        @app.post("/csc/v2/signatures/signHash")
        async def sign_hash(request: Request):
            account, body = account_of(request), await request.json()
            if account is None:
                return fail(401, "invalid_token", "Missing or expired access token")
            granted = state.sads.get(body.get("SAD", ""))
            digests = body.get("hashes") or []
            if granted is None or granted[0] != body.get("credentialID") or granted[1] < len(digests):
                return fail(400, "invalid_request", "Invalid or used SAD")
            algorithm = HASHES.get(body.get("hashAlgo", ""))
            if algorithm is None or not digests:
                return fail(400, "invalid_request", "Invalid parameter hashAlgo or hashes")
            granted[1] -= len(digests)
            signatures = [base64.b64encode(self._sign(base64.b64decode(h), algorithm(), body.get("signAlgo", "")))
                          .decode() for h in digests]
            state.signed += len(signatures)
            return {"signatures": signatures}

        return app

    def _sign(self, digest: bytes, algorithm, sign_algo: str) -> bytes:
        prehashed = utils.Prehashed(algorithm)
        if isinstance(self.key, ec.EllipticCurvePrivateKey) and sign_algo in EC_ALGOS:
            return self.key.sign(digest, ec.ECDSA(prehashed))
        if isinstance(self.key, rsa.RSAPrivateKey) and sign_algo in RSA_ALGOS:
            return self.key.sign(digest, padding.PKCS1v15(), prehashed)
        raise ValueError(f"signAlgo {sign_algo} does not fit the key")


class RunningService:
    """The service on 127.0.0.1 (a free port) in a background thread; ``stop()`` ends it."""

    def __init__(self, service: CscTestService):
        self.service = service
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(service.app, log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/csc/v2"

    def start(self, timeout: float = 30.0) -> "RunningService":
        self.thread.start()
        ready = threading.Event()
        while not self.server.started and self.thread.is_alive() and not ready.wait(0.02):
            timeout -= 0.02
            if timeout <= 0:
                raise TimeoutError("the CSC test service did not start")
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)
        self.sock.close()


def demo_service(folder, accounts: list[CscAccount], *,
                 officer_name: str = "Cán bộ ký từ xa (demo)") -> CscTestService:
    """A service whose key has a certificate from the workspace's demo CA (``<workspace>/signing``)."""
    from devices.signing import demo_pki
    from devices.signing.simulated import make_demo_root, officer_certificate

    root, root_key = demo_pki.ensure_demo_ca(folder, make_demo_root)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = officer_certificate(folder, officer_name, key.public_key(), root, root_key)
    return CscTestService(key, [cert, root], accounts)


def main(argv=None) -> int:
    """Demo: ``python -m devices.signing.csc_test_service --workspace DIR`` serves a remote-signing
    account (user ``canbo``, password ``demo``, PIN ``1234``, OTP ``123456``) on 127.0.0.1."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    service = demo_service(args.workspace / "signing", [CscAccount("canbo", "demo", "1234", "123456")])
    sock = socket.socket()
    sock.bind(("127.0.0.1", args.port))
    print(f"CSC test service: http://127.0.0.1:{sock.getsockname()[1]}/csc/v2 (Ctrl+C stops it)", flush=True)
    uvicorn.Server(uvicorn.Config(service.app, log_level="warning", access_log=False)).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
