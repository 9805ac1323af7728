"""Vietnamese lunar calendar (âm lịch), computed astronomically.

The rules are the published ones of the Chinese/Vietnamese calendar:

* a month starts on the local day of a new moon;
* month 11 is the month that contains the winter solstice;
* when 13 new moons start between two months 11, the first month (after
  month 11) that contains no major solar term (sun longitude a multiple of
  30°) is the leap month and repeats the number of the month before it.

Vietnam reckons days in UTC+7, China in UTC+8, so the two calendars disagree
whenever a new moon (or a solar term at a month boundary) falls between
midnight in Hanoi and midnight in Beijing, e.g. Tết 1985 and 2007.

Astronomy: new moons from Meeus, *Astronomical Algorithms* (2nd ed.) ch. 49,
sun longitude from ch. 25 (low accuracy, ~0.01°), ΔT from the Espenak–Meeus
polynomials. Days are handled as proleptic Gregorian ordinals
(``date.toordinal()``) so no Julian-day conversion leaks out.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from counter_app.errors import InvalidDate

VIETNAM_UTC_OFFSET = 7.0
MIN_YEAR = 1800
MAX_YEAR = 2199

_SYNODIC_MONTH = 29.530588861
_JD_AT_ORDINAL_ZERO = 1721424.5  # Julian date of 00:00 UT of ordinal 0
_NEW_MOON_K0 = 2451550.09766  # JDE of Meeus' lunation k = 0 (2000-01-06)

_STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")


@dataclass(frozen=True)
class LunarDate:
    year: int
    month: int  # 1..12; a leap month repeats the number of the month before it
    day: int  # 1..30
    leap: bool = False

    def __str__(self) -> str:
        leap = " nhuận" if self.leap else ""
        return f"{self.day:02d}/{self.month:02d}{leap}/{self.year}"


@dataclass(frozen=True)
class _Month:
    start: int  # ordinal of the first day
    number: int
    leap: bool


# --- astronomy -------------------------------------------------------------

def _sin_deg(angle: float) -> float:
    return math.sin(math.radians(angle % 360.0))


def _delta_t_seconds(year: float) -> float:
    """TT − UT (Espenak & Meeus polynomials); only seconds matter here."""
    if year < 1860:
        t = year - 1800
        return (13.72 - 0.332447 * t + 0.0068612 * t**2 + 0.0041116 * t**3
                - 0.00037436 * t**4 + 0.0000121272 * t**5
                - 0.0000001699 * t**6 + 0.000000000875 * t**7)
    if year < 1900:
        t = year - 1860
        return (7.62 + 0.5737 * t - 0.251754 * t**2 + 0.01680668 * t**3
                - 0.0004473624 * t**4 + t**5 / 233174)
    if year < 1920:
        t = year - 1900
        return -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    if year < 1941:
        t = year - 1920
        return 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    if year < 1961:
        t = year - 1950
        return 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    if year < 1986:
        t = year - 1975
        return 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    if year < 2005:
        t = year - 2000
        return (63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3
                + 0.000651814 * t**4 + 0.00002373599 * t**5)
    if year < 2050:
        t = year - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t**2
    u = (year - 1820) / 100
    if year < 2150:
        return -20 + 32 * u**2 - 0.5628 * (2150 - year)
    return -20 + 32 * u**2


def _jde_to_ut(jde: float) -> float:
    year = 2000.0 + (jde - 2451545.0) / 365.25
    return jde - _delta_t_seconds(year) / 86400.0


def _new_moon_jd(k: int) -> float:
    """Julian date (UT) of the true new moon of lunation k (Meeus ch. 49)."""
    t = k / 1236.85
    jde = (_NEW_MOON_K0 + _SYNODIC_MONTH * k + 0.00015437 * t**2
           - 0.000000150 * t**3 + 0.00000000073 * t**4)
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = 2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3
    mp = (201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3
          - 0.000000058 * t**4)
    f = (160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3
         + 0.000000011 * t**4)
    omega = 124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3
    s = _sin_deg
    jde += (-0.40720 * s(mp) + 0.17241 * e * s(m) + 0.01608 * s(2 * mp)
            + 0.01039 * s(2 * f) + 0.00739 * e * s(mp - m) - 0.00514 * e * s(mp + m)
            + 0.00208 * e * e * s(2 * m) - 0.00111 * s(mp - 2 * f)
            - 0.00057 * s(mp + 2 * f) + 0.00056 * e * s(2 * mp + m)
            - 0.00042 * s(3 * mp) + 0.00042 * e * s(m + 2 * f)
            + 0.00038 * e * s(m - 2 * f) - 0.00024 * e * s(2 * mp - m)
            - 0.00017 * s(omega) - 0.00007 * s(mp + 2 * m) + 0.00004 * s(2 * mp - 2 * f)
            + 0.00004 * s(3 * m) + 0.00003 * s(mp + m - 2 * f) + 0.00003 * s(2 * mp + 2 * f)
            - 0.00003 * s(mp + m + 2 * f) + 0.00003 * s(mp - m + 2 * f)
            - 0.00002 * s(mp - m - 2 * f) - 0.00002 * s(3 * mp + m) + 0.00002 * s(4 * mp))
    # Planetary perturbations: (amplitude, phase, rate per lunation).
    jde += 0.000325 * s(299.77 + 0.107408 * k - 0.009173 * t**2)
    for amplitude, phase, rate in _PLANETARY_TERMS:
        jde += amplitude * s(phase + rate * k)
    return _jde_to_ut(jde)


_PLANETARY_TERMS = (
    (0.000165, 251.88, 0.016321), (0.000164, 251.83, 26.651886),
    (0.000126, 349.42, 36.412478), (0.000110, 84.66, 18.206239),
    (0.000062, 141.74, 53.303771), (0.000060, 207.14, 2.453732),
    (0.000056, 154.84, 7.306860), (0.000047, 34.52, 27.261239),
    (0.000042, 207.19, 0.121824), (0.000040, 291.34, 1.844379),
    (0.000037, 161.72, 24.198154), (0.000035, 239.56, 25.513099),
    (0.000023, 331.55, 3.592518),
)


def _sun_longitude(jd_ut: float) -> float:
    """Apparent ecliptic longitude of the sun in degrees (Meeus ch. 25)."""
    year = 2000.0 + (jd_ut - 2451545.0) / 365.25
    t = (jd_ut + _delta_t_seconds(year) / 86400.0 - 2451545.0) / 36525.0
    mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t**2
    anomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t**2
    centre = ((1.914602 - 0.004817 * t - 0.000014 * t**2) * _sin_deg(anomaly)
              + (0.019993 - 0.000101 * t) * _sin_deg(2 * anomaly)
              + 0.000289 * _sin_deg(3 * anomaly))
    omega = 125.04 - 1934.136 * t
    return (mean_longitude + centre - 0.00569 - 0.00478 * _sin_deg(omega)) % 360.0


# --- days in a time zone ---------------------------------------------------

def _new_moon_day(k: int, tz: float) -> int:
    """Ordinal of the local day on which lunation k begins."""
    return math.floor(_new_moon_jd(k) + tz / 24.0 - _JD_AT_ORDINAL_ZERO)


def _major_term(day: int, tz: float) -> int:
    """Index 0..11 of the 30° sector the sun is in at the local midnight starting `day`."""
    return int(_sun_longitude(day + _JD_AT_ORDINAL_ZERO - tz / 24.0) // 30)


def _lunation_before(day: int, tz: float) -> int:
    """The last lunation k that begins on or before `day`."""
    k = math.floor((day + _JD_AT_ORDINAL_ZERO - _NEW_MOON_K0) / _SYNODIC_MONTH)
    while _new_moon_day(k + 1, tz) <= day:
        k += 1
    while _new_moon_day(k, tz) > day:
        k -= 1
    return k


@lru_cache(maxsize=1024)
def _month11_lunation(solar_year: int, tz: float) -> int:
    """Lunation that is month 11: the one containing the winter solstice of `solar_year`."""
    k = _lunation_before(date(solar_year, 12, 31).toordinal(), tz)
    # Sector 9 starts at 270° (the solstice): a month already past it at its
    # first midnight does not contain the solstice, the one before does.
    if _major_term(_new_moon_day(k, tz), tz) >= 9:
        k -= 1
    return k


@lru_cache(maxsize=1024)
def _months_between_solstices(solar_year: int, tz: float) -> tuple[tuple[_Month, ...], int]:
    """Months from month 11 of `solar_year - 1` up to (not incl.) month 11 of `solar_year`.

    Returns the months and the ordinal on which the next month 11 starts.
    """
    first = _month11_lunation(solar_year - 1, tz)
    last = _month11_lunation(solar_year, tz)
    starts = [_new_moon_day(k, tz) for k in range(first, last + 1)]
    leap_index = None
    if last - first == 13:
        terms = [_major_term(day, tz) for day in starts]
        # The first month whose both ends lie in the same sector has no major term.
        leap_index = next(i for i in range(1, 13) if terms[i] == terms[i + 1])
    months = []
    for i, start in enumerate(starts[:-1]):
        shift = 1 if leap_index is not None and i >= leap_index else 0
        months.append(_Month(start, (10 + i - shift) % 12 + 1, i == leap_index))
    return tuple(months), starts[-1]


# --- public API --------------------------------------------------------------

def _check_year(year: int, lowest: int = MIN_YEAR) -> None:
    if not lowest <= year <= MAX_YEAR:
        raise InvalidDate(
            f"year {year} is outside the supported lunar range {MIN_YEAR}-{MAX_YEAR}", year=year
        )


def solar_to_lunar(day: date, tz: float = VIETNAM_UTC_OFFSET) -> LunarDate:
    _check_year(day.year)
    ordinal = day.toordinal()
    months, next_month11 = _months_between_solstices(day.year, tz)
    cycle_year = day.year
    if ordinal >= next_month11:  # late December, already in month 11 or 12
        months, _ = _months_between_solstices(day.year + 1, tz)
        cycle_year += 1
    month = months[bisect_right([m.start for m in months], ordinal) - 1]
    # Months 11 and 12 open the cycle but belong to the previous lunar year.
    year = cycle_year - 1 if month.number >= 11 else cycle_year
    return LunarDate(year, month.number, ordinal - month.start + 1, month.leap)


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False,
                   tz: float = VIETNAM_UTC_OFFSET) -> date:
    _check_year(year, lowest=MIN_YEAR - 1)  # January 1800 is still in lunar year 1799
    if not 1 <= month <= 12:
        raise InvalidDate(f"lunar month {month} is not in 1..12", month=month)
    months, next_month11 = _months_between_solstices(year + 1 if month >= 11 else year, tz)
    ends = [m.start for m in months[1:]] + [next_month11]
    for item, end in zip(months, ends):
        if item.number == month and item.leap == leap:
            if not 1 <= day <= end - item.start:
                raise InvalidDate(
                    f"lunar month {month}/{year} has {end - item.start} days, not {day}",
                    day=day,
                )
            return date.fromordinal(item.start + day - 1)
    raise InvalidDate(f"lunar year {year} has no leap month {month}", year=year, month=month)


def _lunar_year_months(year: int, tz: float) -> list[_Month]:
    # Months 1..10 close one solstice cycle, months 11 and 12 open the next.
    head, _ = _months_between_solstices(year, tz)
    tail, _ = _months_between_solstices(year + 1, tz)
    return [m for m in head if m.number <= 10] + [m for m in tail if m.number >= 11]


def leap_month(year: int, tz: float = VIETNAM_UTC_OFFSET) -> int | None:
    """Number of the leap month of lunar `year`, or None in a common year."""
    _check_year(year)
    return next((m.number for m in _lunar_year_months(year, tz) if m.leap), None)


def lunar_new_year(year: int, tz: float = VIETNAM_UTC_OFFSET) -> date:
    """First day of Tết (1/1 lunar) of the lunar year that begins in solar `year`."""
    return lunar_to_solar(year, 1, 1, tz=tz)


def year_name(lunar_year: int) -> str:
    """Sexagenary name (can chi) of a lunar year, e.g. 2026 -> 'Bính Ngọ'."""
    return f"{_STEMS[(lunar_year + 6) % 10]} {_BRANCHES[(lunar_year + 8) % 12]}"
