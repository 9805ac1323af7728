"""Vietnamese text helpers: diacritic-insensitive folding and collation.

Officers type "nguyen van an" and expect "Nguyễn Văn An"; lists must sort the way a
Vietnamese reader expects (a < ă < â < b … d < đ …), with tone marks breaking ties.
"""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_COMBINING_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Letter order of the Vietnamese alphabet; modifier marks make distinct letters.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn


def fold(text: str | None) -> str:
    """Lower-case, strip every diacritic (đ → d) and collapse white space."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped).strip().lower()


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def _letters(text: str):
    """Yield (letter, tone) per base character, letters including ă â ê ô ơ ư đ."""
    for char in unicodedata.normalize("NFC", text.lower()):
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        tone = 0
        modifier = ""
        for mark in marks:
            if mark in _COMBINING_TONES:
                tone = _COMBINING_TONES[mark]
            elif mark in _MODIFIERS:
                modifier = mark
        yield unicodedata.normalize("NFC", base + modifier), tone


def sort_key(text: str | None) -> tuple:
    """Collation key: letters by the Vietnamese alphabet first, tones second."""
    if not text:
        return ((), ())
    primary = []
    tones = []
    for letter, tone in _letters(text):
        rank = _LETTER_RANK.get(letter)
        primary.append((0, rank) if rank is not None else (1, ord(letter)))
        tones.append(tone)
    return tuple(primary), tuple(tones)
