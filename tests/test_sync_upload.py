"""Files by hash: chunked, resumable after a cut mid-body, verified by SHA-256."""
from __future__ import annotations

import hashlib
import random
import time

import pytest

from counter_app.storage.filestore import FileStore
from sync.errors import Offline, ServerRejected
from sync.testing.counters import fast_client
from sync.testing.fault_proxy import Rule
from sync.testing.fixtures import proxy, server  # noqa: F401 (fixtures)
from sync.uploads import Uploader, gaps

CHUNK = 64 * 1024


def client_for(url):
    client = fast_client(url)
    client.token = client.register(name="Máy 1", agency_id="000.00.31.H41", slot=1)["token"]
    return client


def stored_file(tmp_path, size: int) -> tuple[FileStore, str, bytes]:
    store = FileStore(tmp_path / "files")
    data = random.Random(size).randbytes(size)
    return store, store.put(data), data


def fixed_uploader(client, store) -> Uploader:
    return Uploader(client, store, chunk=CHUNK, min_chunk=CHUNK, max_chunk=CHUNK)


def test_gaps_are_the_uncovered_spans():
    assert gaps([], 10) == [(0, 10)]
    assert gaps([[0, 3], [5, 7]], 10) == [(3, 5), (7, 10)]
    assert gaps([[0, 10]], 10) == []


def test_cut_mid_body_resends_only_what_the_server_did_not_keep(tmp_path, server, proxy):
    store, sha, data = stored_file(tmp_path, 10 * CHUNK)
    client = client_for(proxy.url)
    # The 4th chunk's request is cut 20 000 bytes in: the server keeps what arrived.
    proxy.add(Rule("cut_request", method="PUT", path_prefix="/api/v1/files/", skip=3, after_bytes=20_000))
    uploader = fixed_uploader(client, store)
    assert uploader.upload(sha, len(data)) is True
    state = client.file_state(sha)
    assert state["complete"] and state["ranges"] == [[0, len(data)]]
    resent = uploader.bytes_sent - len(data)
    assert proxy.stats.faults == {"cut_request": 1}
    assert 0 < resent < CHUNK  # only the bytes lost with the cut travel twice, not the whole file
    assert (server.folder / "province-files" / sha[:2] / sha).read_bytes() == data


def test_upload_resumes_across_uploaders_after_a_cut(tmp_path, server, proxy):
    store, sha, data = stored_file(tmp_path, 6 * CHUNK)
    client = client_for(proxy.url)
    first = fixed_uploader(client, store)
    first.max_cuts = 0  # gives up at the first cut, like a process that died
    proxy.add(Rule("cut_request", method="PUT", path_prefix="/api/v1/files/", skip=1, after_bytes=20_000))
    with pytest.raises(Offline):
        first.upload(sha, len(data))
    held = client.file_state(sha)["ranges"]
    assert len(held) == 1 and held[0][0] == 0 and CHUNK < held[0][1] < CHUNK + 20_000
    second = fixed_uploader(client, store)
    second.upload(sha, len(data))
    assert second.bytes_sent == len(data) - held[0][1]  # exactly the missing bytes
    assert client.file_state(sha)["complete"]


def test_a_file_the_server_has_is_not_sent_again(tmp_path, server):
    store, sha, data = stored_file(tmp_path, 3 * CHUNK)
    client = client_for(server.url)
    fixed_uploader(client, store).upload(sha, len(data))
    again = fixed_uploader(client, store)
    assert again.upload(sha, len(data)) is False
    assert again.bytes_sent == 0


def test_bytes_that_do_not_match_the_hash_are_refused_and_discarded(tmp_path, server):
    data = b"x" * 1000
    sha = hashlib.sha256(b"something else").hexdigest()
    client = client_for(server.url)
    with pytest.raises(ServerRejected) as refused:
        client.put_chunk(sha, 0, data, len(data))
    assert refused.value.details["status"] == 422
    assert client.file_state(sha) == {"sha256": sha, "size": 1000, "complete": False, "ranges": []}


def test_chunk_size_follows_the_link(tmp_path, server):
    store, sha, data = stored_file(tmp_path, 40 * CHUNK)
    uploader = Uploader(client_for(server.url), store, chunk=CHUNK, min_chunk=CHUNK, max_chunk=16 * CHUNK)
    uploader.upload(sha, len(data))
    assert uploader.chunk == 16 * CHUNK  # a fast loopback link: chunks grew to the cap


def test_files_uploaded_side_by_side_survive_cuts_and_arrive_whole(tmp_path, server, proxy):
    store = FileStore(tmp_path / "files")
    originals = {}
    for index in range(5):
        data = random.Random(index).randbytes((index + 2) * CHUNK + 123)
        originals[store.put(data)] = data
    # Two chunk uploads out of every five are cut mid-body, whichever transfer they belong to.
    for _ in range(4):
        proxy.add(Rule("cut_request", method="PUT", path_prefix="/api/v1/files/", skip=2, after_bytes=10_000))
    uploader = Uploader(client_for(proxy.url), store, chunk=CHUNK, min_chunk=CHUNK, max_chunk=CHUNK, parallel=3)
    sent = uploader.upload_all([{"sha256": sha, "size": len(data)} for sha, data in originals.items()])
    assert sent == 5 and proxy.stats.faults["cut_request"] >= 2
    for sha, data in originals.items():
        assert (server.folder / "province-files" / sha[:2] / sha).read_bytes() == data
    assert uploader.upload_all([{"sha256": sha, "size": len(data)} for sha, data in originals.items()]) == 0


def test_a_failing_transfer_is_reported_after_the_others_stop(tmp_path, server, proxy):
    store = FileStore(tmp_path / "files")
    files = [{"sha256": store.put(random.Random(i).randbytes(3 * CHUNK)), "size": 3 * CHUNK} for i in range(3)]
    for _ in range(20):  # every chunk upload is cut: no transfer can finish
        proxy.add(Rule("cut_request", method="PUT", path_prefix="/api/v1/files/", after_bytes=1_000))
    uploader = Uploader(client_for(proxy.url), store, chunk=CHUNK, min_chunk=CHUNK, max_chunk=CHUNK, max_cuts=1)
    with pytest.raises(Offline):
        uploader.upload_all(files)
    requests_then = proxy.stats.requests
    time.sleep(0.5)
    assert proxy.stats.requests == requests_then  # nothing still sending after the error came back
