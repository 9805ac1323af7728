"""The CCCD chip's core: ICAO 9303 arithmetic, data group parsing and passive authentication.

Worked values come from ICAO Doc 9303 part 11, appendix D (BAC and secure messaging).
"""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from counter_app.errors import ChipAccessDenied, ChipCardAbsent, ChipDataInvalid, InvalidInput
from counter_app.idcard import parse_cccd, tlv
from counter_app.idcard.chip import bac_prefill, build_record, suggest_expiry
from counter_app.idcard.dg2 import encode_dg2, extract_face
from counter_app.idcard.dg13 import DEFAULT_FIELD_MAP, parse_dg13
from counter_app.idcard.mrz import BacKey, check_digit, format_td1, parse_td1
from counter_app.idcard.sod import Chain, passive_authentication
from counter_app.ports import ChipReader
from devices.idcard.demo_card import DEMO_KEY, FID_SOD, card_pki, make_sod, make_test_card
from devices.idcard.emulator import EmrtdCard
from devices.idcard.pcsc_reader import PcscChipReader
from devices.idcard.protocol import bac, read_file
from devices.idcard.secure_messaging import SecureChannel, encrypt, retail_mac
from devices.idcard.simulated import SimulatedChipReader
from devices.qr.simulated import TEST_CARD

ICAO = BacKey.from_input("L898902C", "690806", "940623")


def test_icao_worked_example_key_seed_and_keys():
    assert ICAO.mrz_information() == "L898902C<369080619406236"
    assert ICAO.seed().hex().upper() == "239AB9CB282DAF66231DC5A4DF6BFBAE"
    k_enc, k_mac = ICAO.keys()
    assert k_enc.hex().upper() == "AB94FDECF2674FDFB9B391F85D7F76F2"
    assert k_mac.hex().upper() == "7962D9ECE03D1ACD4C76089DCE131543"


def test_icao_worked_example_mutual_authentication_and_secure_messaging():
    k_enc, k_mac = ICAO.keys()
    s = bytes.fromhex("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B")
    e_ifd = encrypt(k_enc, s)
    assert e_ifd.hex().upper() == "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
    assert retail_mac(k_mac, e_ifd).hex().upper() == "5F1448EEA8AD90A7"
    channel = SecureChannel.after_bac(rnd_icc=bytes.fromhex("4608F91988702212"),
                                      rnd_ifd=bytes.fromhex("781723860C06C226"),
                                      k_icc=bytes.fromhex("0B4F80323EB3191CB04970CB4052790B"),
                                      k_ifd=bytes.fromhex("0B795240CB7049B01C19B33E32804F0B"))
    assert channel.ks_enc.hex().upper() == "979EC13B1CBFE9DCD01AB0FED307EAE5"
    assert channel.ks_mac.hex().upper() == "F1CB1F1FB5ADF208806B89DC579DC1F8"
    assert channel.ssc == 0x887022120C06C226
    select = channel.protect_command(0x00, 0xA4, 0x02, 0x0C, bytes.fromhex("011E"))
    assert select.hex().upper() == "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"
    assert channel.unprotect_response(bytes.fromhex("990290008E08FA855A5D4C50A8ED")) == (b"", 0x9000)
    read = channel.protect_command(0x00, 0xB0, 0x00, 0x00, le=4)
    assert read.hex().upper() == "0CB000000D9701048E08ED6705417E96BA5500"
    data, sw = channel.unprotect_response(bytes.fromhex("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED"))
    assert (data.hex().upper(), sw) == ("60145F01", 0x9000)


def test_a_response_with_a_wrong_mac_is_refused():
    channel = SecureChannel(bytes(16), bytes(16), 0)
    with pytest.raises(ChipDataInvalid):
        channel.unprotect_response(bytes.fromhex("990290008E080000000000000000"))


def test_check_digits_and_document_number_forms():
    assert [check_digit(f) for f in ("L898902C<", "690806", "940623", "520727")] == ["3", "1", "6", "3"]
    assert BacKey.from_input("001 099 012 345", "990101", "240101").document_number == "099012345"
    assert BacKey.from_input("099012345", "990101", "240101").mrz_information().startswith("0990123459")
    for bad in (("12345678901", "990101", "240101"), ("001099012345", "99011", "240101"),
                ("001099012345", "991301", "240101"), ("001099012345", "990101", "24010a")):
        with pytest.raises(InvalidInput):
            BacKey.from_input(*bad)


def test_td1_round_trip_and_damage():
    text = format_td1(document_number="001099012345", birth="990101", sex="F", expiry="240101",
                      surname="TRAN", given_names="THI MAI", optional1="001099012345<4")
    mrz = parse_td1(text)
    assert mrz.checks_ok and mrz.document_number == "099012345" and mrz.id_number == "001099012345"
    assert (mrz.surname, mrz.given_names, mrz.sex) == ("TRAN", "THI MAI", "F")
    assert mrz.birth_date(date(2026, 1, 1)) == date(1999, 1, 1)
    assert not parse_td1(text.replace("990101", "990102", 1)).checks_ok  # a check digit no longer matches
    with pytest.raises(ChipDataInvalid):
        parse_td1(text[:80])


def _field(number: int, *values: bytes) -> bytes:
    return tlv.encode(0x30, tlv.encode(0x02, bytes([number])) + b"".join(values))


def _utf8(text: str) -> bytes:
    return tlv.encode(0x0C, text.encode())


def test_dg13_parsed_by_field_number_with_unknown_fields_kept():
    body = (tlv.encode(0x02, b"\x01") + tlv.encode(0x06, bytes.fromhex("2B0601"))  # version, an OID
            + _field(2, _utf8("Trần  Thị Mai")) + _field(1, _utf8("001199000001"))
            + _field(3, _utf8("05/03/1999")) + _field(4, _utf8("Nữ")) + _field(9, _utf8("Thôn 2, xã Yên Mô"))
            + _field(13, tlv.encode(0x30, _utf8("Trần Văn Hùng") + _utf8("Lê Thị Hoa")))
            + _field(16, _utf8("163000111")) + _field(21, _utf8("mới")))
    data = parse_dg13(tlv.encode(0x6D, body))
    assert (data.id_number, data.full_name, data.birth_date, data.sex) == \
           ("001199000001", "Trần Thị Mai", "05/03/1999", "Nữ")
    assert (data.residence, data.father, data.mother, data.old_id) == \
           ("Thôn 2, xã Yên Mô", "Trần Văn Hùng", "Lê Thị Hoa", "163000111")
    assert data.unknown == ((21, "mới"),)
    # A province that finds fields 8 and 9 swapped on its cards corrects the map, not the code.
    corrected = {**DEFAULT_FIELD_MAP, 8: "residence", 9: "home_town"}
    assert parse_dg13(tlv.encode(0x6D, body), corrected).home_town == "Thôn 2, xã Yên Mô"


def test_dg13_damaged_or_empty_is_a_typed_error():
    good = tlv.encode(0x6D, _field(2, _utf8("Trần Thị Mai")))
    for bad in (good[:-3], tlv.encode(0x6D, b""), tlv.encode(0x61, b"")):
        with pytest.raises(ChipDataInvalid):
            parse_dg13(bad)


def test_face_image_found_as_jpeg_or_jpeg2000():
    jpeg = b"\xff\xd8\xff\xe0" + bytes(range(200)) + b"\xff\xd9"
    face = extract_face(encode_dg2(jpeg, width=10, height=12))
    assert (face.data, face.mime, face.extension) == (jpeg, "image/jpeg", ".jpg")
    jp2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(100)
    assert extract_face(encode_dg2(jp2)).mime == "image/jp2"
    with pytest.raises(ChipDataInvalid):
        extract_face(encode_dg2(b"no picture here"))


def test_passive_authentication_passes_and_chains_to_the_configured_csca():
    card = make_test_card()
    sod = card.files[FID_SOD]
    result = passive_authentication(sod, card.groups)
    assert result.ok and result.hashes_ok and result.signature_ok
    assert result.chain is Chain.NOT_CHECKED and result.checked_groups == (1, 2, 13)
    assert passive_authentication(sod, card.groups, [card.csca]).chain is Chain.VALID
    other_ca = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    stranger = (x509.CertificateBuilder().subject_name(card.csca.subject).issuer_name(card.csca.subject)
                .public_key(other_ca.public_key()).serial_number(9).not_valid_before(card.csca.not_valid_before_utc)
                .not_valid_after(card.csca.not_valid_after_utc).sign(other_ca, hashes.SHA256()))
    wrong_chain = passive_authentication(sod, card.groups, [stranger])
    assert wrong_chain.chain is Chain.INVALID and not wrong_chain.ok


def test_passive_authentication_fails_on_a_changed_data_group_or_signature():
    card = make_test_card()
    sod = card.files[FID_SOD]
    tampered = dict(card.groups)
    tampered[13] = tampered[13].replace("Nguyễn Văn An".encode(), "Nguyễn Văn Em".encode())
    result = passive_authentication(sod, tampered)
    assert not result.ok and not result.hashes_ok and result.mismatched_groups == (13,)
    assert result.signature_ok  # the SOD itself is intact: only DG13 changed
    forged = bytearray(sod)
    forged[-5] ^= 0x01  # inside the signature value
    bad_signature = passive_authentication(bytes(forged), card.groups)
    assert not bad_signature.signature_ok and not bad_signature.ok
    # A data group the SOD does not list does not pass either.
    assert not passive_authentication(make_sod({1: card.groups[1]}), card.groups).ok
    with pytest.raises(ChipDataInvalid):
        passive_authentication(tlv.encode(0x77, b"\x30\x03\x02\x01\x00"), card.groups)
    record = build_record(tampered, sod)
    assert not record.authentication.ok and record.personal.full_name == "Nguyễn Văn Em"


def test_qr_prefills_the_bac_key_and_suggests_the_expiry():
    card = parse_cccd(TEST_CARD)
    assert bac_prefill(card) == ("099012345", "990101", "240101")
    assert BacKey.from_input(*bac_prefill(card)) == BacKey.from_input(*DEMO_KEY)
    assert suggest_expiry(date(1990, 5, 2), date(2021, 1, 1)) == date(2030, 5, 2)  # issued at 30 → 40
    assert suggest_expiry(date(1990, 5, 2), date(2014, 1, 1)) == date(2030, 5, 2)  # issued at 23½ → 40
    assert suggest_expiry(date(1990, 5, 2), date(2012, 1, 1)) == date(2015, 5, 2)  # issued at 21 → 25
    assert suggest_expiry(date(1950, 5, 2), date(2021, 1, 1)) is None  # over 58: no expiry
    assert suggest_expiry(None, date(2021, 1, 1)) is None


def test_simulated_reader_runs_bac_and_fills_the_applicant():
    reader = SimulatedChipReader()
    assert isinstance(reader, ChipReader) and isinstance(PcscChipReader(), ChipReader)
    steps = []
    record = reader.read(BacKey.from_input(*DEMO_KEY), progress=lambda step, *_: steps.append(step))
    assert steps == ["COM", "DG1", "DG13", "DG2", "SOD", "PA"]
    assert record.authentication.ok and record.authentication.chain is Chain.VALID
    applicant = record.to_applicant()
    assert (applicant.name, applicant.id_number, applicant.birth_date) == \
           ("Nguyễn Văn An", "001099012345", date(1999, 1, 1))
    assert record.to_cccd().address == "Số 1, Phường Hoa Lư, Ninh Bình" and record.face.mime == "image/jpeg"
    with pytest.raises(ChipAccessDenied):
        reader.read(BacKey.from_input("001099012345", "990101", "250101"))
    reader.card_present = False
    with pytest.raises(ChipCardAbsent):
        reader.read(BacKey.from_input(*DEMO_KEY))


def test_emulated_card_status_words():
    chip = EmrtdCard(make_test_card(with_face=False))

    def transmit(apdu):
        answer = chip.process(apdu)
        return answer[:-2], int.from_bytes(answer[-2:], "big")

    assert transmit(bytes.fromhex("00A4040C07A0000002471002"))[1] == 0x6A82  # another applet
    assert transmit(bytes.fromhex("00A4040C07A0000002471001"))[1] == 0x9000
    assert transmit(bytes.fromhex("00B0000004"))[1] == 0x6982  # no reading before BAC
    channel = bac(transmit, BacKey.from_input(*DEMO_KEY))
    assert read_file(transmit, channel, 0x0102) is None  # no DG2 on this card: 6A82
    assert hashlib.sha256(read_file(transmit, channel, 0x0101)).digest() == \
           hashlib.sha256(chip.card.groups[1]).digest()
    wrong = SecureChannel(channel.ks_enc, bytes(16), channel.ssc)
    assert transmit(wrong.protect_command(0x00, 0xB0, 0, 0, le=4))[1] == 0x6988  # bad MAC ends SM
    assert transmit(channel.protect_command(0x00, 0xB0, 0, 0, le=4))[1] == 0x6982
    assert card_pki() is card_pki()
