"""The encrypted file format: any size and chunking round-trips; any change is caught."""
from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.errors import WorkspaceError, WorkspaceLocked
from counter_app.security.filecrypt import HEADER, DecryptingReader, FileCipher

CIPHER = FileCipher({"a1a2a3a4a5a6a7a8": b"\x11" * 32}, "a1a2a3a4a5a6a7a8")


@settings(max_examples=120, deadline=None)
@given(data=st.binary(max_size=5000), chunk=st.integers(min_value=1, max_value=700))
def test_round_trip_at_any_size_and_chunk(data, chunk):
    blob = CIPHER.encrypt(data, chunk=chunk)
    assert CIPHER.decrypt(blob) == data
    assert len(blob) == HEADER.size + len(data) + 16 * -(-len(data) // chunk)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(min_size=1, max_size=3000), chunk=st.integers(min_value=16, max_value=512),
       position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_any_flipped_byte_is_detected(data, chunk, position, flip):
    blob = bytearray(CIPHER.encrypt(data, chunk=chunk))
    blob[position % len(blob)] ^= flip
    with pytest.raises((WorkspaceError, WorkspaceLocked)):
        CIPHER.decrypt(bytes(blob))


@settings(max_examples=100, deadline=None)
@given(data=st.binary(min_size=1, max_size=3000), cut=st.integers(min_value=1))
def test_truncated_or_extended_file_is_detected(data, cut):
    blob = CIPHER.encrypt(data, chunk=256)
    with pytest.raises(WorkspaceError):
        CIPHER.decrypt(blob[:len(blob) - 1 - cut % len(blob)])
    with pytest.raises(WorkspaceError):
        CIPHER.decrypt(blob + b"\0")


def test_chunks_cannot_be_swapped_and_other_keys_are_refused():
    data = bytes(range(256)) * 4
    blob = CIPHER.encrypt(data, chunk=256)
    size = 256 + 16
    chunks = [blob[HEADER.size + i * size:HEADER.size + (i + 1) * size] for i in range(4)]
    swapped = blob[:HEADER.size] + chunks[1] + chunks[0] + chunks[2] + chunks[3]
    with pytest.raises(WorkspaceError):
        CIPHER.decrypt(swapped)
    other = FileCipher({"b1b2b3b4b5b6b7b8": b"\x22" * 32}, "b1b2b3b4b5b6b7b8")
    with pytest.raises(WorkspaceLocked):
        other.decrypt(blob)
    stolen_key_id = FileCipher({"a1a2a3a4a5a6a7a8": b"\x22" * 32}, "a1a2a3a4a5a6a7a8")
    with pytest.raises(WorkspaceError, match="damaged"):
        stolen_key_id.decrypt(blob)
    with DecryptingReader(io.BytesIO(blob), CIPHER) as reader:
        reader.seek(300)
        assert reader.read(10) == data[300:310]
