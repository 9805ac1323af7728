"""Dossier search: accents and case ignored, any field, filters, newest first."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.dossiers.lifecycle import Action, Status
from counter_app.errors import InvalidInput
from counter_app.search import SearchQuery, fts_expression
from counter_app.text import fold, sort_key

PEOPLE = [
    ("Nguyễn Văn An", "037099012345", "0912345678", "1.001193", datetime(2026, 11, 23, 9, 0)),
    ("Nguyễn Thị Ánh", "037199054321", "0987654321", "1.004227", datetime(2026, 11, 24, 9, 0)),
    ("Đặng Văn Đức", "036090000111", "0355000111", "1.001193", datetime(2026, 11, 25, 9, 0)),
    ("Trần Văn Ân", "035080000222", "", "1.004227", datetime(2026, 11, 25, 10, 0)),
]


@pytest.fixture
def populated(core):
    codes = []
    for name, id_number, phone, procedure, when in PEOPLE:
        view = core.receive(IntakeRequest(procedure, ApplicantInput(name=name, id_number=id_number, phone=phone),
                                          received_at=when))
        codes.append(view.code)
    core.dossiers.apply(codes[0], Action.TRANSFER)
    return core, codes


def names(core, **query):
    return [d.applicant_name for d in core.search(SearchQuery(**query))]


def test_fold_strips_vietnamese_diacritics():
    assert fold("Nguyễn Văn ĐỨC") == "nguyen van duc"
    assert fold("  Trần\tThị   Ánh ") == "tran thi anh"


def test_vietnamese_collation_orders_letters_then_tones():
    words = ["Đức", "Dung", "Ân", "Ăn", "An", "Bình", "Ấn", "Án"]
    assert sorted(words, key=sort_key) == ["An", "Án", "Ăn", "Ân", "Ấn", "Bình", "Dung", "Đức"]


def test_name_without_accents_finds_the_accented_name(populated):
    core, _ = populated
    assert names(core, text="nguyen van an") == ["Nguyễn Văn An"]
    assert names(core, text="NGUYEN") == ["Nguyễn Thị Ánh", "Nguyễn Văn An"]  # newest first
    assert names(core, text="duc dang") == ["Đặng Văn Đức"]  # any word order


def test_prefixes_match_as_the_officer_types(populated):
    core, _ = populated
    assert names(core, text="ngu v") == ["Nguyễn Văn An"]
    assert set(names(core, text="an")) == {"Nguyễn Văn An", "Nguyễn Thị Ánh", "Trần Văn Ân"}


def test_search_by_id_number_phone_and_code(populated):
    core, codes = populated
    assert names(core, text="037199054321") == ["Nguyễn Thị Ánh"]
    assert names(core, text="0355") == ["Đặng Văn Đức"]
    assert names(core, text=codes[2]) == ["Đặng Văn Đức"]
    assert names(core, text="khai sinh") == ["Đặng Văn Đức", "Nguyễn Văn An"]


def test_filters_status_procedure_and_dates(populated):
    core, _ = populated
    assert names(core, statuses=(Status.PROCESSING,)) == ["Nguyễn Văn An"]
    assert names(core, procedure_code="1.004227") == ["Trần Văn Ân", "Nguyễn Thị Ánh"]
    assert names(core, received_from=date(2026, 11, 24), received_to=date(2026, 11, 24)) == ["Nguyễn Thị Ánh"]
    assert names(core, text="van", received_from=date(2026, 11, 25)) == ["Trần Văn Ân", "Đặng Văn Đức"]


def test_nothing_matches_and_odd_input_is_harmless(populated):
    core, _ = populated
    assert names(core, text="xyz") == []
    assert len(names(core, text='" OR * NEAR(')) == 0
    assert fts_expression("  ,.;  ") is None
    assert len(names(core, text="")) == 4


def test_reversed_date_range_is_an_error(populated):
    core, _ = populated
    with pytest.raises(InvalidInput):
        core.search(SearchQuery(received_from=date(2026, 11, 25), received_to=date(2026, 11, 1)))
