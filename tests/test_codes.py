"""Dossier codes: format, per-workstation ranges, no collision between offline counters."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.codes import format_code, slot_range
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import CodeSpaceExhausted, InvalidInput
from counter_app.settings import DEFAULT_CODE_PATTERN
from tests.conftest import make_core


def test_default_pattern_matches_the_national_shape():
    assert format_code(DEFAULT_CODE_PATTERN, "000.00.31.H41", date(2024, 1, 1), 1) == "000.00.31.H41-240101-0001"


def test_slot_ranges_do_not_overlap_and_leave_range_zero_to_the_province():
    ranges = [slot_range(s) for s in range(1, 10)]
    numbers = [n for first, last in ranges for n in range(first, last + 1)]
    assert len(numbers) == len(set(numbers)) == 9000
    assert min(numbers) == 1000 and max(numbers) == 9999
    with pytest.raises(InvalidInput):
        slot_range(0)


def test_bad_pattern_is_a_clear_error():
    with pytest.raises(InvalidInput, match="pattern"):
        format_code("{agency}-{unknown}", "X", date(2026, 1, 1), 1)


def _receive(core, when: datetime):
    return core.receive(IntakeRequest("1.001193", ApplicantInput(name="Vũ Thị Lan"), received_at=when)).code


DAYS = [date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=25))
def test_counters_working_offline_never_collide(tmp_path_factory, plan):
    """Three counters of one office, each with its own database, interleaving receptions."""
    base = tmp_path_factory.mktemp("office")
    cores = [make_core(base / f"counter{slot}", slot=slot, clock=lambda: datetime(2026, 11, 25, 17, 0))
             for slot in (1, 2, 3)]
    try:
        codes = [_receive(cores[counter], datetime.combine(DAYS[day], time(9, 0))) for counter, day in plan]
    finally:
        for core in cores:
            core.workspace.close()
    assert len(codes) == len(set(codes))
    for (counter, day), code in zip(plan, codes):
        agency, yymmdd, number = code.rsplit("-", 2)
        assert agency == "000.00.31.H41"
        assert yymmdd == DAYS[day].strftime("%y%m%d")
        assert int(number) // 1000 == counter + 1  # inside this counter's own range


def test_numbers_are_never_reused_after_a_failed_save(core):
    first = _receive(core, datetime(2026, 11, 25, 9, 0))
    with pytest.raises(InvalidInput):
        core.receive(IntakeRequest("1.001193", ApplicantInput(name=""), received_at=datetime(2026, 11, 25, 9, 1)))
    second = _receive(core, datetime(2026, 11, 25, 9, 2))
    assert int(second[-4:]) == int(first[-4:]) + 1


def test_a_new_day_starts_a_new_sequence(core):
    assert _receive(core, datetime(2026, 11, 24, 9, 0)).endswith("-261124-1000")
    assert _receive(core, datetime(2026, 11, 25, 9, 0)).endswith("-261125-1000")
    assert _receive(core, datetime(2026, 11, 24, 10, 0)).endswith("-261124-1001")


def test_exhausted_range_is_reported(core):
    from counter_app.storage.models import CodeCounter

    with core.workspace.db.write() as session:
        session.add(CodeCounter(agency_id="000.00.31.H41", day=date(2026, 11, 25), slot=1, last_value=1999))
    with pytest.raises(CodeSpaceExhausted):
        _receive(core, datetime(2026, 11, 25, 9, 0))
