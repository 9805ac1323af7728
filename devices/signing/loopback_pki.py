"""A timestamp authority, an OCSP responder and CRLs served on 127.0.0.1 only.

The demo's "network coming back" (``demo_pki.py``) and the tests' responders both use it:
the TSA builds RFC 3161 tokens with pyHanko's ``DummyTimeStamper``; OCSP answers are
signed by the issuing CA (``ocsp_cert``/``ocsp_key``) for any serial it is asked about
("good" unless in ``revoked``); ``crls`` maps GET paths to functions returning DER CRLs.
``mode = "garbage"`` makes the TSA answer nonsense, for fault tests.
"""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

from asn1crypto import keys as asn1_keys, tsp, x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper


def asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def asn1_key(key) -> asn1_keys.PrivateKeyInfo:
    return asn1_keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))


class LoopbackPki:
    def __init__(self, port: int, *, ocsp_cert, ocsp_key, tsa_cert, tsa_key, tsa_chain=(),
                 crls: dict[str, Callable[[], bytes]] | None = None):
        self.port = port
        self.ocsp_cert, self.ocsp_key = ocsp_cert, ocsp_key
        self.stamper = DummyTimeStamper(asn1_cert(tsa_cert), asn1_key(tsa_key),
                                        certs_to_embed=[asn1_cert(c) for c in tsa_chain])
        self.crls = dict(crls or {})
        self.mode = "ok"  # ok | garbage
        self.revoked: set[int] = set()
        self.hits: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def tsa_url(self) -> str:
        return f"{self.url}/tsa"

    def start(self):
        pki = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                pki.hits.append(self.path)
                answers = {"/tsa": (pki.tsa_answer, "application/timestamp-reply"),
                           "/ocsp": (pki.ocsp_answer, "application/ocsp-response")}
                if self.path not in answers:
                    return self.send_error(404)
                answer, kind = answers[self.path]
                self._reply(answer(body), kind)

            def do_GET(self):  # noqa: N802
                pki.hits.append(self.path)
                if self.path not in pki.crls:
                    return self.send_error(404)
                self._reply(pki.crls[self.path](), "application/pkix-crl")

            def _reply(self, data: bytes, kind: str):
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *_):
        self.stop()

    def tsa_answer(self, body: bytes) -> bytes:
        if self.mode == "garbage":
            return b"<html>503 gateway says hello</html>"
        return self.stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()

    def ocsp_answer(self, body: bytes) -> bytes:
        request = ocsp.load_der_ocsp_request(body)
        now = datetime.now(timezone.utc)
        revoked = request.serial_number in self.revoked
        builder = ocsp.OCSPResponseBuilder().add_response_by_hash(
            issuer_name_hash=request.issuer_name_hash, issuer_key_hash=request.issuer_key_hash,
            serial_number=request.serial_number, algorithm=request.hash_algorithm,
            cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
            this_update=now - timedelta(minutes=5), next_update=now + timedelta(days=1),
            revocation_time=now - timedelta(days=1) if revoked else None,
            revocation_reason=x509.ReasonFlags.key_compromise if revoked else None)
        builder = builder.responder_id(ocsp.OCSPResponderEncoding.HASH, self.ocsp_cert)
        return builder.sign(self.ocsp_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def crl_of(issuer_cert, issuer_key) -> bytes:
    """An empty, fresh CRL from ``issuer_cert`` (nothing revoked)."""
    now = datetime.now(timezone.utc)
    crl = (x509.CertificateRevocationListBuilder().issuer_name(issuer_cert.subject)
           .last_update(now - timedelta(minutes=5)).next_update(now + timedelta(days=7))
           .add_extension(x509.CRLNumber(1), critical=False)
           .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
           .sign(issuer_key, hashes.SHA256()))
    return crl.public_bytes(serialization.Encoding.DER)
