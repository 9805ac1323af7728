"""HTTPS to the provincial server: CA verification and SPKI pinning against the real server.

Certificates are made at test time with ``cryptography``: a CA and a server certificate
for 127.0.0.1/localhost signed by it, plus a self-signed one nobody trusts.
"""
from __future__ import annotations

import ipaddress
import json
import socket
import ssl
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

import composition_root
from counter_app.errors import InvalidInput
from counter_app.storage.models import OutboxOp
from sync.testing.counters import fast_client, receive, server_rows
from sync.testing.server_process import ServerProcess
from sync.tls import (ServerCertificateUntrusted, ServerPinMismatch, TlsConfig, normalize_pin, spki_pin)
from tests.conftest import make_core


# -- certificates ---------------------------------------------------------------------------

@dataclass
class Pki:
    ca: Path
    cert: Path  # signed by ``ca`` for 127.0.0.1 and localhost
    key: Path
    rogue_cert: Path  # self-signed, same names, another key
    rogue_key: Path
    pin: str  # the pin of ``cert``
    rogue_pin: str


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _write_key(path: Path, key) -> None:
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))


def _server_cert(subject_key, issuer_name, issuer_key, *, ca: bool = False) -> x509.Certificate:
    now = datetime.now(timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name("Sở TT&TT (test) sync") if not ca else _name("Test CA"))
               .issuer_name(issuer_name).public_key(subject_key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=2)))
    if ca:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                                        critical=True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                                        critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = _server_cert(ca_key, _name("Test CA"), ca_key, ca=True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = _server_cert(server_key, ca_cert.subject, ca_key)
    rogue_key = ec.generate_private_key(ec.SECP256R1())
    rogue_cert = _server_cert(rogue_key, _name("Sở TT&TT (test) sync"), rogue_key)
    paths = Pki(folder / "ca.pem", folder / "server.pem", folder / "server.key", folder / "rogue.pem",
                folder / "rogue.key", "", "")
    paths.ca.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    paths.rogue_cert.write_bytes(rogue_cert.public_bytes(serialization.Encoding.PEM))
    _write_key(paths.key, server_key)
    _write_key(paths.rogue_key, rogue_key)
    paths.pin = spki_pin(server_cert.public_bytes(serialization.Encoding.DER))
    paths.rogue_pin = spki_pin(rogue_cert.public_bytes(serialization.Encoding.DER))
    return paths


# -- the real server over HTTPS ---------------------------------------------------------------

@pytest.fixture
def https_server(tmp_path, pki):
    process = ServerProcess(tmp_path / "province", tls=(pki.cert, pki.key)).start()
    yield process
    process.stop()


@pytest.fixture
def rogue_server(tmp_path, pki):
    process = ServerProcess(tmp_path / "rogue", tls=(pki.rogue_cert, pki.rogue_key)).start()
    yield process
    process.stop()


def ops_states(core) -> list[str]:
    with core.workspace.db.read() as session:
        return [op.state for op in session.scalars(select(OutboxOp).order_by(OutboxOp.id))]


def sync_once(workspace: Path, *extra: str) -> int:
    return composition_root.main(["sync", "--once", "--workspace", str(workspace), *extra])


# -- tests ------------------------------------------------------------------------------------

def test_sync_over_https_with_the_ca_and_the_pin(tmp_path, https_server, pki, capsys):
    core = make_core(tmp_path / "ws")
    code = receive(core, with_form=True)  # a file too: the uploader's own sessions are pinned as well
    assert sync_once(tmp_path / "ws", "--server", https_server.url, "--ca", str(pki.ca), "--pin", pki.pin) == 0
    assert server_rows(https_server.db_url, "SELECT code FROM dossiers") == [(code,)]
    assert server_rows(https_server.db_url, "SELECT count(*) FROM files WHERE complete = 1") == [(1,)]
    second = receive(core, "Lê Thị Bình")
    assert sync_once(tmp_path / "ws") == 0  # CA and pin were remembered
    assert (second,) in server_rows(https_server.db_url, "SELECT code FROM dossiers")
    capsys.readouterr()
    assert composition_root.main(["sync", "--json", "--pin", "off", "--workspace", str(tmp_path / "ws")]) == 0
    assert json.loads(capsys.readouterr().out) == {"ca_file": str(pki.ca.resolve()), "pin": ""}


def test_a_wrong_pin_is_refused_clearly_and_the_ops_stay(tmp_path, https_server, pki, capsys):
    core = make_core(tmp_path / "ws")
    receive(core)
    capsys.readouterr()
    assert sync_once(tmp_path / "ws", "--json", "--server", https_server.url, "--ca", str(pki.ca),
                     "--pin", pki.rogue_pin) == 1
    report = json.loads(capsys.readouterr().out)
    assert "not the one this counter trusts" in report["error"] and "province IT team" in report["error"]
    assert ops_states(core) == ["pending"]  # nothing lost, nothing sent
    assert server_rows(https_server.db_url, "SELECT count(*) FROM workstations") == [(0,)]
    from sync.status import sync_status

    assert sync_status(core.workspace).last_error_code == "sync_tls_pin_mismatch"
    assert sync_once(tmp_path / "ws", "--server", https_server.url, "--pin", pki.pin) == 0  # the right pin
    assert ops_states(core) == ["sent"]


def test_a_self_signed_unknown_certificate_is_refused(tmp_path, rogue_server, pki):
    for tls in (TlsConfig(ca_file=str(pki.ca)), TlsConfig()):  # our CA, then the system store
        client = fast_client(rogue_server.url)
        client.use_tls(tls)
        with pytest.raises(ServerCertificateUntrusted) as refused:
            client.health()
        assert not isinstance(refused.value, ServerPinMismatch)
        assert refused.value.code == "sync_tls_untrusted" and "province IT team" in refused.value.message
        client.close()
    # Even pinned to its own key, a certificate that does not verify is refused: the pin adds to the CA check.
    pinned = fast_client(rogue_server.url)
    pinned.use_tls(TlsConfig(ca_file=str(pki.ca), pin=pki.rogue_pin))
    with pytest.raises(ServerCertificateUntrusted):
        pinned.health()


def test_the_ca_alone_is_enough_and_the_system_store_does_not_know_the_test_ca(https_server, pki):
    trusted = fast_client(https_server.url)
    trusted.use_tls(TlsConfig(ca_file=str(pki.ca)))
    assert trusted.health()["ok"] is True
    system = fast_client(https_server.url)
    system.use_tls(TlsConfig())
    with pytest.raises(ServerCertificateUntrusted):
        system.health()


class RecordingTlsServer:
    """A bare TLS listener that records every byte the client sends after the handshake."""

    def __init__(self, cert: Path, key: Path):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.handshakes = 0
        self.thread = threading.Thread(target=self._serve_one, daemon=True)
        self.thread.start()

    def _serve_one(self) -> None:
        try:
            raw, _ = self.sock.accept()
            raw.settimeout(10)
            with self.context.wrap_socket(raw, server_side=True) as tls:
                self.handshakes += 1  # the client did connect and complete TLS
                tls.settimeout(5)
                data = b""
                try:
                    while chunk := tls.recv(4096):
                        data += chunk
                        if b"\r\n\r\n" in data:
                            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                        b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")
                            break
                except (OSError, ssl.SSLError):
                    pass
                self.received.append(data)
        except (OSError, ssl.SSLError):
            self.received.append(b"")
        finally:
            self.sock.close()

    def join(self) -> None:
        self.thread.join(timeout=15)


@pytest.mark.parametrize("right_pin", [True, False])
def test_nothing_is_sent_before_the_pin_is_checked(pki, right_pin):
    listener = RecordingTlsServer(pki.cert, pki.key)
    client = fast_client(f"https://127.0.0.1:{listener.port}", attempts=1)
    client.token = "secret-token-never-to-leak"
    client.use_tls(TlsConfig(ca_file=str(pki.ca), pin=pki.pin if right_pin else pki.rogue_pin))
    if right_pin:
        assert client.health() == {}
    else:
        with pytest.raises(ServerPinMismatch) as refused:
            client.health()
        assert refused.value.details == {"expected": pki.rogue_pin, "got": pki.pin}
    client.close()
    listener.join()
    [data] = listener.received
    assert listener.handshakes == 1
    if right_pin:  # the listener does see a request when the pin matches: the check below can fail
        assert data.startswith(b"GET /api/v1/health") and b"secret-token-never-to-leak" in data
    else:
        assert data == b""


def test_sync_pin_prints_the_pin_of_the_running_server(https_server, pki, capsys):
    assert composition_root.main(["sync", "pin", "--json", "--server", https_server.url]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["pin"] == pki.pin and "Test CA" in info["issuer"]
    assert composition_root.main(["sync", "pin", "--server", https_server.url]) == 0
    assert capsys.readouterr().out.splitlines()[0] == pki.pin


def test_pin_forms_and_bad_values(tmp_path, pki, capsys):
    import base64

    digest = base64.b64decode(pki.pin.removeprefix("sha256/"))
    assert normalize_pin(digest.hex()) == pki.pin
    assert normalize_pin(":".join(f"{b:02X}" for b in digest)) == pki.pin
    assert normalize_pin(pki.pin.removeprefix("sha256/")) == pki.pin
    for bad in ("sha256/abc", "nothex" * 11, "", "sha256/" + base64.b64encode(b"x" * 31).decode()):
        with pytest.raises(InvalidInput):
            normalize_pin(bad)
    make_core(tmp_path / "ws").workspace.close()
    ws = ["--workspace", str(tmp_path / "ws")]
    capsys.readouterr()
    assert composition_root.main(["sync", "--json", "--pin", "sha256/abc", *ws]) == 1
    assert "Not a certificate pin" in capsys.readouterr().err
    not_pem = tmp_path / "not-a-ca.pem"
    not_pem.write_text("hello")
    assert composition_root.main(["sync", "--json", "--ca", str(not_pem), *ws]) == 1
    assert "CA certificate file" in capsys.readouterr().err
    assert composition_root.main(["sync", "--json", "--ca", str(tmp_path / "missing.pem"), *ws]) == 1
    capsys.readouterr()
    assert composition_root.main(["sync", "--json", "--pin", "off", *ws]) == 0  # nothing bad was saved
    assert json.loads(capsys.readouterr().out) == {"ca_file": "", "pin": ""}
    assert composition_root.main(["sync", "pin", "--server", "http://127.0.0.1:9"]) == 1


def test_server_needs_both_tls_files(tmp_path, pki, capsys):
    db = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    assert composition_root.main(["server", "--db", db, "--tls-cert", str(pki.cert)]) == 1
    assert "--tls-key" in capsys.readouterr().err
    assert composition_root.main(["server", "--db", db, "--tls-cert", str(pki.cert),
                                  "--tls-key", str(tmp_path / "none.key")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_a_pin_is_never_used_over_plain_http(tmp_path, pki):
    with ServerProcess(tmp_path / "plain").start() as plain:
        core = make_core(tmp_path / "ws")
        receive(core)
        assert sync_once(tmp_path / "ws", "--server", plain.url) == 0  # plain http still works
        receive(core, "Lê Thị Bình")
        assert sync_once(tmp_path / "ws", "--pin", pki.pin) == 1  # pinned: http is refused, not silently used
        assert ops_states(core) == ["sent", "pending"]
        assert sync_once(tmp_path / "ws", "--pin", "off") == 0
        assert ops_states(core) == ["sent", "sent"]
        assert requests.get(f"{plain.url}/api/v1/health", timeout=5).ok
