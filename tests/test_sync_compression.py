"""Compressed uploads: fewer bytes on the wire for compressible files, same bytes stored."""
from __future__ import annotations

import random

import pytest

from counter_app.storage.filestore import FileStore
from sync.errors import ServerRejected
from sync.testing.counters import fast_client
from sync.testing.fault_proxy import Rule
from sync.testing.fixtures import proxy, server  # noqa: F401 (fixtures)
from sync.uploads import Uploader, compressed

CHUNK = 64 * 1024


def client_for(url):
    client = fast_client(url)
    client.token = client.register(name="Máy 1", agency_id="000.00.31.H41", slot=1)["token"]
    return client


def text_like(size: int, seed: int = 3) -> bytes:
    """Compressible like a scanned form's text layer or an XML/JSON attachment."""
    rng = random.Random(seed)
    words = ["Ủy ban", "nhân dân", "xã", "hộ tịch", "khai sinh", "công dân", "số", "ngày", "tháng", "năm"]
    out = bytearray()
    while len(out) < size:
        out += f"{rng.choice(words)} {rng.randint(0, 9999)} ".encode()
    return bytes(out[:size])


def server_copy(server, sha: str) -> bytes:
    return (server.folder / "province-files" / sha[:2] / sha).read_bytes()


def test_a_compressible_file_travels_in_fewer_bytes_and_arrives_intact(tmp_path, server, proxy):
    store = FileStore(tmp_path / "files")
    data = text_like(8 * CHUNK)
    sha = store.put(data)
    uploader = Uploader(client_for(proxy.url), store, chunk=CHUNK, min_chunk=CHUNK, max_chunk=CHUNK)
    before = proxy.stats.bytes_up
    assert uploader.upload(sha, len(data)) is True
    on_wire = proxy.stats.bytes_up - before
    assert uploader.bytes_sent < len(data) / 2  # body bytes
    assert on_wire < len(data) / 2  # everything the proxy forwarded, headers included
    assert uploader.bytes_saved == len(data) - uploader.bytes_sent
    assert server_copy(server, sha) == data  # verified by SHA-256 on the server, and byte for byte here


def test_incompressible_and_already_compressed_files_are_sent_as_they_are(tmp_path, server):
    store = FileStore(tmp_path / "files")
    noise = random.Random(5).randbytes(3 * CHUNK)
    jpeg = b"\xff\xd8\xff\xe0" + text_like(3 * CHUNK - 4)  # would shrink, but its magic says "already packed"
    assert compressed(noise) is None and compressed(jpeg) is not None
    client = client_for(server.url)
    for data in (noise, jpeg):
        sha = store.put(data)
        uploader = Uploader(client, store, chunk=CHUNK, min_chunk=CHUNK, max_chunk=CHUNK)
        uploader.upload(sha, len(data))
        assert (uploader.bytes_sent, uploader.bytes_saved) == (len(data), 0)
        assert server_copy(server, sha) == data


def test_a_compressed_chunk_cut_mid_body_resumes_and_keeps_integrity(tmp_path, server, proxy):
    store = FileStore(tmp_path / "files")
    data = text_like(6 * CHUNK, seed=9)
    sha = store.put(data)
    client = client_for(proxy.url)
    proxy.add(Rule("cut_request", method="PUT", path_prefix="/api/v1/files/", skip=2, after_bytes=9_000))
    uploader = Uploader(client, store, chunk=CHUNK, min_chunk=CHUNK, max_chunk=CHUNK)
    assert uploader.upload(sha, len(data)) is True
    assert proxy.stats.faults == {"cut_request": 1}
    assert uploader.bytes_saved > 0  # the cut chunk was a compressed one
    assert client.file_state(sha)["ranges"] == [[0, len(data)]]
    assert server_copy(server, sha) == data


def test_a_body_that_is_not_valid_gzip_is_refused_and_nothing_kept(tmp_path, server):
    client = client_for(server.url)
    data = text_like(1000)
    sha = FileStore(tmp_path / "files").put(data)
    with pytest.raises(ServerRejected) as refused:
        client.put_chunk(sha, 0, data, len(data), body=b"not gzip at all" * 10, encoding="gzip")
    assert refused.value.details["status"] == 400
    assert client.file_state(sha)["ranges"] == []
