"""Property-based fuzzing of the CCCD chip's data parsers (TLV, DG1/MRZ, DG2, DG13, SOD).

A card (or a reader, or a forger) can answer anything: the parsers give a result or
``ChipDataInvalid``, never another exception. Inputs are arbitrary bytes and mutations
of a real test card's files (so the fuzzing reaches past the first tag).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from counter_app.errors import ChipDataInvalid, ChipError
from counter_app.idcard import tlv
from counter_app.idcard.chip import ChipRecord, build_record
from counter_app.idcard.dg2 import extract_face
from counter_app.idcard.dg13 import PersonalData, parse_dg13
from counter_app.idcard.mrz import parse_td1
from counter_app.idcard.sod import PassiveAuthResult, parse_sod, passive_authentication
from devices.idcard.demo_card import make_sod, make_test_card
from devices.idcard.emulator import EmrtdCard
from devices.idcard.protocol import FILES, read_chip
from devices.idcard.secure_messaging import encrypt, retail_mac

FUZZ = settings(max_examples=300, deadline=None, database=None, derandomize=True)
FILE_IDS = {fid for _label, fid, _number, _required in FILES}


@lru_cache(maxsize=1)
def card_files() -> tuple[dict[int, bytes], bytes]:
    card = make_test_card()
    groups = dict(card.groups)
    return groups, make_sod(groups)


@st.composite
def mutated(draw, original: bytes):
    """``original`` with a few bytes replaced, inserted or removed, maybe cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["replace", "insert", "delete", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "replace" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif kind == "delete" and data:
            del data[at]
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


def typed_or(result_type, call, *args):
    try:
        result = call(*args)
    except ChipDataInvalid as exc:
        assert exc.code == "chip_data_invalid" and exc.message
        return None
    assert isinstance(result, result_type)
    return result


@FUZZ
@given(st.binary(max_size=200))
@example(b"\x1f")
@example(b"\x1f\xff\xff")
@example(b"\x30\x80")
@example(b"\x30\x84\xff\xff\xff\xff")
@example(b"\x30\x83\xff\xff\xff")
def test_tlv_arbitrary_bytes(data):
    typed_or(list, tlv.parse_all, data)
    typed_or(type(None) if not data else (bytes, type(None)), tlv.find, data, 0x5F1F)
    try:
        tag, value, end = tlv.read_tlv(data)
    except ChipDataInvalid:
        return
    assert end <= len(data) and data[end - len(value):end] == value


def nested(depth: int) -> bytes:
    data = tlv.encode(0x0C, b"x")
    for _ in range(depth):
        data = tlv.encode(0x30, data)
    return data


@pytest.mark.parametrize("depth", [50, 5000])
def test_deeply_nested_objects_are_refused_or_read_not_a_crash(depth):
    typed_or((bytes, type(None)), tlv.find, nested(depth), 0x04)
    dg13 = tlv.encode(0x6D, tlv.encode(0x30, tlv.encode(0x02, b"\x02") + nested(depth)))
    typed_or(PersonalData, parse_dg13, dg13)
    typed_or(object, extract_face, tlv.encode(0x75, nested(depth)))


@FUZZ
@given(st.data())
def test_dg13_mutations(data):
    groups, _sod = card_files()
    typed_or(PersonalData, parse_dg13, data.draw(mutated(groups[13])))


@FUZZ
@given(st.binary(max_size=300))
def test_dg13_arbitrary_bytes(raw):
    typed_or(PersonalData, parse_dg13, tlv.encode(0x6D, raw))
    typed_or(PersonalData, parse_dg13, raw)


@FUZZ
@given(st.data())
def test_dg2_mutations(data):
    groups, _sod = card_files()
    typed_or(object, extract_face, data.draw(mutated(groups[2][:400])))


@FUZZ
@given(st.text(max_size=120))
@example("I" * 90)
@example("<" * 90)
def test_mrz_text(text):
    typed_or(object, parse_td1, text)


@FUZZ
@given(st.data())
def test_sod_mutations_never_raise_anything_but_chip_data_invalid(data):
    groups, sod = card_files()
    bad = data.draw(mutated(sod))
    typed_or(object, parse_sod, bad)
    result = typed_or(PassiveAuthResult, passive_authentication, bad, {n: d for n, d in groups.items()})
    if result is not None and result.ok:  # only an unchanged signed content passes (unsigned parts may vary)
        assert parse_sod(bad).encapsulated == parse_sod(sod).encapsulated


@FUZZ
@given(st.binary(max_size=300))
def test_sod_arbitrary_bytes(raw):
    groups, _sod = card_files()
    typed_or(PassiveAuthResult, passive_authentication, raw, groups)
    typed_or(PassiveAuthResult, passive_authentication, tlv.encode(0x77, raw), groups)


@FUZZ
@given(st.data(), st.sampled_from([1, 2, 13]))
def test_whole_record_from_a_mutated_group(data, number):
    groups, sod = card_files()
    bad = dict(groups)
    bad[number] = data.draw(mutated(groups[number][:600] if number == 2 else groups[number]))
    record = typed_or(ChipRecord, build_record, bad, sod)
    if record is not None:
        record.to_cccd()  # what the intake form reads must not fail either
        if bad[number] != groups[number]:
            assert not record.authentication.ok


# ---------------------------------------------------------------- the chip protocol (APDUs)


def transmit_to(chip: EmrtdCard):
    def transmit(apdu: bytes) -> tuple[bytes, int]:
        answer = chip.process(apdu)
        return answer[:-2], int.from_bytes(answer[-2:], "big")
    return transmit


def read_or_typed(chip: EmrtdCard, key) -> ChipRecord | None:
    try:
        record = read_chip(transmit_to(chip), key)
    except ChipError as exc:
        assert exc.code.startswith("chip") and exc.message
        return None
    assert isinstance(record, ChipRecord)
    record.to_cccd()
    return record


@FUZZ
@given(st.sampled_from(sorted(FILE_IDS)), st.data())
@example(0x0101, None)  # a one-byte file: no room for a length
def test_a_card_whose_files_hold_anything(fid, data):
    card = make_test_card(with_face=False)
    if data is None:
        content = b"\x61"
    else:
        content = data.draw(st.one_of(
            st.binary(max_size=300),
            mutated(card.files.get(fid, b"\x75\x03\x7f\x61\x00")[:600]),
            st.sampled_from([b"\x61\x83\xff\xff\xff", b"\x61\x82\x7f\xff", b"\x61\x84\x00\x00\x00\x10", b"\x61",
                             b"\x77\x82\x80\x00" + b"\x00" * 40, b"\x00\x00"])))
    bad = replace(card, files={**card.files, fid: content})
    read_or_typed(EmrtdCard(bad), card.key)


class _LyingChip(EmrtdCard):
    """A chip that knows the session keys but answers secure-messaging commands with
    whatever it likes (correctly MACed, so the terminal has to read it)."""

    def __init__(self, card, lies):
        super().__init__(card)
        self.lies = list(lies)

    def _secure(self, apdu: bytes) -> bytes:
        channel = self.channel
        if channel is None or not self.lies:
            return super()._secure(apdu)
        before = channel.ssc
        honest = super()._secure(apdu)
        lie = self.lies.pop(0)
        if lie is None or self.channel is None:
            return honest
        encrypted, plain, sw = lie
        channel.ssc = (before + 1) % (1 << 64)  # as after the command, before the answer
        body = b""
        if encrypted is not None:
            body += tlv.encode(0x87, encrypted)
        elif plain is not None:
            body += tlv.encode(0x87, b"\x01" + encrypt(channel.ks_enc, plain))
        body += tlv.encode(0x99, sw)
        body += tlv.encode(0x8E, retail_mac(channel.ks_mac, channel._next() + body))
        return body + b"\x90\x00"


LIE = st.one_of(
    st.none(),
    st.tuples(st.binary(max_size=40), st.none(), st.binary(min_size=0, max_size=3)),  # 0x87 not even a cipher text
    st.tuples(st.none(), st.binary(max_size=48).map(lambda b: b + bytes(-len(b) % 8)),  # any plain text, any padding
              st.sampled_from([b"\x90\x00", b"\x62\x82", b"\x6a\x82", b"\x69\x88", b"", b"\x90"])),
)


@FUZZ
@given(st.lists(LIE, min_size=1, max_size=12))
def test_a_chip_that_answers_anything_over_secure_messaging(lies):
    card = make_test_card(with_face=False)
    read_or_typed(_LyingChip(card, lies), card.key)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 30), st.binary(max_size=40)), min_size=1, max_size=4))
def test_answers_damaged_on_the_way_fail_the_checksum(damage):
    """Without the keys, a changed answer is caught by the MAC (or the protocol), never a crash."""
    card = make_test_card(with_face=False)
    chip = EmrtdCard(card)
    plan = dict(damage)
    count = [0]

    def transmit(apdu: bytes) -> tuple[bytes, int]:
        answer = chip.process(apdu)
        count[0] += 1
        if count[0] in plan:
            answer = plan[count[0]] + answer[-2:]
        return answer[:-2], int.from_bytes(answer[-2:], "big")

    try:
        read_chip(transmit, card.key)
    except ChipError:
        pass


@pytest.mark.parametrize("content", [b"\x61", b"\x61\x83\xff\xff\xff" + b"\x00" * 300, b"\x61\x83\x01\x00\x00"])
def test_files_too_short_or_too_long_for_a_card_are_refused(content):
    card = make_test_card(with_face=False)
    bad = replace(card, files={**card.files, 0x0101: content})
    with pytest.raises(ChipDataInvalid):
        read_chip(transmit_to(EmrtdCard(bad)), card.key)
