"""Property-based fuzzing of the CCCD QR parser: a valid card or a typed QR error, nothing else."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from counter_app.errors import QrNotCccd, QrUnreadable
from counter_app.idcard import CccdData, parse_cccd, repair_text

FUZZ = settings(max_examples=400, deadline=None, database=None, derandomize=True)
TYPED = (QrUnreadable, QrNotCccd)

# Letters Vietnamese names and addresses use, plus digits and punctuation seen on cards.
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
LETTERS = VIETNAMESE + VIETNAMESE.upper()
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=12)
PHRASE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
ADDRESS = st.lists(st.one_of(WORD, st.integers(1, 999).map(str)), min_size=1, max_size=10).map(", ".join)
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def check(raw) -> CccdData | None:
    """Parse ``raw``: a CccdData or a typed QR error; anything else fails the test."""
    try:
        data = parse_cccd(raw)
    except TYPED as exc:
        assert exc.message and exc.code in ("qr_unreadable", "qr_not_cccd")
        return None
    assert isinstance(data, CccdData)
    assert len(data.id_number) == 12 and data.id_number.isascii() and data.id_number.isdigit()
    for day in (data.birth_date, data.issue_date):
        assert day is None or 1800 <= day.year <= 2299
    return data


@st.composite
def cards(draw):
    """A valid payload and the fields it holds (the ID's sex/century digit agrees with them)."""
    birth, sex = draw(DATES), draw(st.sampled_from(["Nam", "Nữ"]))
    century = {1800: 8, 1900: 0, 2000: 2}[birth.year // 100 * 100] + (sex == "Nữ")
    id_number = f"{draw(st.integers(0, 99)):03d}{century}{birth.year % 100:02d}{draw(st.integers(0, 999999)):06d}"
    old_id = draw(st.one_of(st.just(""), st.integers(0, 10**9 - 1).map(lambda n: f"{n:09d}")))
    issue = draw(st.one_of(st.none(), DATES))
    fields = {"id_number": id_number, "old_id": old_id, "full_name": draw(PHRASE), "birth_date": birth,
              "sex": sex, "address": draw(ADDRESS), "issue_date": issue}
    payload = "|".join([id_number, old_id, fields["full_name"], birth.strftime("%d%m%Y"), sex,
                        fields["address"], issue.strftime("%d%m%Y") if issue else ""])
    return payload, fields


@FUZZ
@given(cards())
def test_a_valid_payload_round_trips(card):
    payload, fields = card
    data = check(payload)
    assert data is not None
    for name, value in fields.items():
        assert getattr(data, name) == value, name
    assert data.warnings == ()
    assert check(payload.encode("utf-8")) == data  # bytes from a binary-mode reader: the same card


@FUZZ
@given(cards(), st.sampled_from(["cp1252", "latin-1"]))
def test_utf8_read_as_latin1_is_repaired_or_refused_never_crashes(card, codec):
    payload, fields = card
    garbled = payload.encode("utf-8").decode(codec, errors="replace")
    data = check(garbled)
    if data is not None:
        assert data.id_number == fields["id_number"]


@FUZZ
@given(st.text(max_size=300))
@example("")
@example("\x00" * 5)
@example("|" * 6)
@example("001099012345|||||")
@example("001099012345||||||")
@example("٠٠١٠٩٩٠١٢٣٤٥|||||||")  # Arabic-Indic digits are \d for re, not for a card
@example("001099012345|x|y|31022000|Nam|z|99999999")
def test_arbitrary_text_gives_a_card_or_a_typed_error(raw):
    check(raw)


@FUZZ
@given(st.binary(max_size=300))
@example(b"\xff\xfe\x00")
@example(b"001099012345|\xc3|\xe1\xba|01012000|N\xe1\xbb\xaf|a|")
def test_arbitrary_bytes_give_a_card_or_a_typed_error(raw):
    check(raw)
    text, _repaired = repair_text(raw)
    assert isinstance(text, str)


GARBAGE = st.text(st.characters(codec="utf-8"), max_size=40)


@FUZZ
@given(id_number=st.one_of(st.from_regex(r"\A\d{12}\Z"), st.from_regex(r"\A[0-9]{12}\Z"), GARBAGE),
       rest=st.lists(GARBAGE, min_size=0, max_size=12))
def test_near_valid_payloads_with_garbage_fields(id_number, rest):
    data = check("|".join([id_number, *rest]))
    if data is not None:
        assert len(rest) >= 6
        assert data.extra == tuple(f.strip() for f in rest[6:])


@FUZZ
@given(cards(), st.integers(0, 200), st.sampled_from(["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ufffd", "\u200b",
                                                     "\u202e", "\ud800"]))
def test_control_and_odd_characters_anywhere(card, position, odd):
    payload, _fields = card
    position %= len(payload) + 1
    check(payload[:position] + odd + payload[position:])


@FUZZ
@given(cards(), st.sampled_from(["00000000", "31022000", "29022001", "99999999", "1/1/1", "0101-0001", "ngày"]))
def test_impossible_dates_are_warnings_not_crashes(card, bad):
    payload, _fields = card
    parts = payload.split("|")
    parts[3] = parts[6] = bad
    data = check("|".join(parts))
    assert data is not None and data.birth_date is None and "birth_date_invalid" in data.warnings


def test_digits_of_other_scripts_are_not_an_id_number():
    with pytest.raises(QrNotCccd):
        parse_cccd("٠٠١٠٩٩٠١٢٣٤٥|x|Nguyễn Văn An|01012000|Nam|Hà Nội|")
    data = parse_cccd("001099012345||Nguyễn Văn An|٠١٠١٢٠٠٠|Nam|Hà Nội|01010001")
    assert data.birth_date is None and data.issue_date is None
    assert {"birth_date_invalid", "issue_date_invalid"} <= set(data.warnings)


@pytest.mark.parametrize("size", [10**5, 2 * 10**6])
def test_huge_payloads_are_refused_or_read_without_trouble(size):
    check("1" * size)
    check("001099012345|" + "A" * size + "|x|01012000|Nam|y|")
    check(("001099012345|" * (size // 13))[:size])
    check(b"\xe1" * size)
