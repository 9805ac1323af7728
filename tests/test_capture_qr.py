"""The CCCD QR: parsing real-shaped payloads defensively, and decoding camera-like photos with zxing-cpp."""
from __future__ import annotations

import io
from datetime import date

import pytest

from counter_app.errors import ImageUnreadable, QrNotCccd, QrUnreadable
from counter_app.idcard import cccd_qr, parse_cccd
from devices.qr.simulated import TEST_CARD, SimulatedQrReader
from devices.qr.synthetic import camera_frame
from devices.qr.zxing_reader import ZxingQrReader, adaptive_threshold

DOMAIN_VECTOR = "001099012345|123456789|Nguyễn Văn An|01011990|Nam|Số 1, Phường Hoa Lư, Ninh Bình|15082021"
# Consistent with its number: 0 = male born 19xx, "99" = 1999.
CONSISTENT = "001099012345|123456789|Nguyễn Văn An|01011999|Nam|Số 1, Phường Hoa Lư, Ninh Bình|15082021"


def test_domain_vector_is_parsed_and_its_birth_year_mismatch_is_flagged():
    data = parse_cccd(DOMAIN_VECTOR)
    assert (data.id_number, data.old_id, data.full_name) == ("001099012345", "123456789", "Nguyễn Văn An")
    assert (data.birth_date, data.sex, data.issue_date) == (date(1990, 1, 1), "Nam", date(2021, 8, 15))
    assert data.address == "Số 1, Phường Hoa Lư, Ninh Bình"
    # The shape vector's number says born 1999 ("99"): the officer is told to check.
    assert data.warnings == (cccd_qr.YEAR_MISMATCH,)


def test_consistent_card_maps_to_the_applicant():
    data = parse_cccd(CONSISTENT)
    assert data.warnings == ()
    applicant = data.to_applicant()
    assert (applicant.name, applicant.id_number, applicant.birth_date) == ("Nguyễn Văn An", "001099012345",
                                                                            date(1999, 1, 1))
    assert applicant.address == "Số 1, Phường Hoa Lư, Ninh Bình"


def test_empty_old_id_and_woman_born_in_the_2000s():
    data = parse_cccd("036305001234||Trần Thị Bình|15062005|Nữ|Xóm 2, xã Hải Hậu, Nam Định|01022022")
    assert data.old_id == "" and data.sex == "Nữ" and data.birth_date == date(2005, 6, 15)
    assert data.warnings == ()  # 3 = female, 2000s; "05" = 2005


def test_sex_digit_mismatch_is_a_warning():
    data = parse_cccd("036205001234||Trần Thị Bình|15062005|Nữ|Nam Định|01022022")  # 2 = male
    assert cccd_qr.SEX_MISMATCH in data.warnings


def test_extra_fields_of_newer_cards_are_kept():
    data = parse_cccd(CONSISTENT + "|Nguyễn Văn Ba|Lê Thị Cúc|")
    assert data.full_name == "Nguyễn Văn An" and data.issue_date == date(2021, 8, 15)
    assert data.extra == ("Nguyễn Văn Ba", "Lê Thị Cúc", "")
    assert cccd_qr.EXTRA_FIELDS in data.warnings


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_utf8_read_as_latin1_or_cp1252_is_repaired(codec):
    # Bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d) arrive as the matching C1 code points.
    garbled = "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in CONSISTENT.encode("utf-8"))
    assert "Nguyá»" in garbled and "Bình" not in garbled
    data = parse_cccd(garbled)
    assert data.full_name == "Nguyễn Văn An" and data.address == "Số 1, Phường Hoa Lư, Ninh Bình"
    assert data.warnings == (cccd_qr.TEXT_REPAIRED,)


def test_raw_bytes_and_nfd_text_are_accepted():
    assert parse_cccd(CONSISTENT.encode("utf-8")).full_name == "Nguyễn Văn An"
    import unicodedata
    assert parse_cccd(unicodedata.normalize("NFD", CONSISTENT)).full_name == "Nguyễn Văn An"


@pytest.mark.parametrize("payload", ["", "   ", b"\xff\xfe\x00\x01\x02garbage", "001099012345|12\x01\x02|x"])
def test_garbage_is_unreadable(payload):
    with pytest.raises(QrUnreadable) as caught:
        parse_cccd(payload)
    assert caught.value.code == "qr_unreadable" and "scan" in caught.value.message


def test_cut_short_scan_is_unreadable_and_other_codes_are_not_a_cccd():
    with pytest.raises(QrUnreadable, match="3 of 7 fields"):
        parse_cccd("001099012345|123456789|Nguyễn Văn An")
    with pytest.raises(QrNotCccd) as caught:
        parse_cccd("00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA5303704")
    assert caught.value.code == "qr_not_cccd" and "front" in caught.value.message
    with pytest.raises(QrNotCccd):
        parse_cccd("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html")


# -- decoding images -------------------------------------------------------------------------


@pytest.mark.parametrize("variation", [
    dict(angle=0, qr_px=260),
    dict(angle=17, noise=12, qr_px=150, seed=1),  # tilted, noisy, small
    dict(angle=-28, blur=0.8, noise=6, qr_px=170, jpeg_quality=50, seed=2),
    dict(angle=8, contrast=0.45, brightness=25, glare=110, qr_px=200, seed=3),  # low contrast with glare
    dict(angle=5, contrast=0.35, brightness=-10, noise=4, qr_px=220, seed=4),  # low light
    dict(angle=-6, perspective=0.2, noise=5, qr_px=240, seed=5),  # card leaning back
])
def test_segno_card_qr_in_a_photo_like_frame_is_decoded(variation):
    frame = camera_frame(CONSISTENT, **variation)
    assert frame.size == (1280, 720)
    reader = ZxingQrReader()
    data = parse_cccd(reader.decode(frame))
    assert data.full_name == "Nguyễn Văn An" and data.id_number == "001099012345"
    assert reader.last_pass  # which preprocessing found it


def test_decode_from_jpeg_file_bytes_and_path(tmp_path):
    buffer = io.BytesIO()
    camera_frame(CONSISTENT, angle=12, qr_px=200).save(buffer, "JPEG", quality=70)
    path = tmp_path / "card.jpg"
    path.write_bytes(buffer.getvalue())
    reader = ZxingQrReader()
    assert reader.decode(buffer.getvalue()) == reader.decode(path) == CONSISTENT.encode("utf-8")


def test_no_code_and_damaged_files_give_typed_errors(tmp_path):
    from PIL import Image

    with pytest.raises(QrUnreadable):
        ZxingQrReader().decode(Image.new("L", (640, 360), 200))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with pytest.raises(ImageUnreadable):
        ZxingQrReader().decode(broken)


def test_adaptive_threshold_evens_out_a_shadow():
    import numpy as np

    gradient = np.tile(np.linspace(60, 240, 200, dtype=np.float32), (100, 1))
    gradient[40:60, 20:180] -= 50  # a dark bar across the shadow
    binary = adaptive_threshold(np.clip(gradient, 0, 255).astype(np.uint8), window=31, offset=8)
    assert (binary[50, 30:170] == 0).all() and (binary[5, :] == 255).all()


def test_simulated_reader_returns_a_consistent_test_card():
    data = parse_cccd(SimulatedQrReader().decode())
    assert data.full_name == "Nguyễn Văn An"
    assert data.warnings == () and TEST_CARD.startswith(data.id_number)
