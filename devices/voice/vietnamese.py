"""What the voice says: a called ticket read out the way a Vietnamese speaker reads it.

Choice (documented for the office): the letter is said by its Vietnamese name and the
three digits as one number that keeps its hundreds, so "A012" is "A không trăm mười
hai", "B105" is "bê một trăm linh năm", "C021" is "xê không trăm hai mươi mốt". That is
how a number is read aloud at a counter; digit by digit ("không một hai") sounds like a
phone number, and espeak-ng reads "012" as "không mười hai", dropping the hundreds. The
counter is a plain number: "quầy số ba". Longer numbers fall back to digit by digit.
"""
from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
LETTERS = {
    "A": "a", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "F": "ép", "G": "giê", "H": "hát",
    "I": "i", "J": "gi", "K": "ca", "L": "e lờ", "M": "em mờ", "N": "en nờ", "O": "o", "P": "pê",
    "Q": "quy", "R": "e rờ", "S": "ét", "T": "tê", "U": "u", "V": "vê", "W": "vê kép", "X": "ích",
    "Y": "i dài", "Z": "dét",
}


def _tens(tens: int, units: int, *, after_hundreds: bool) -> list[str]:
    if tens == 0:
        if units == 0:
            return []
        return (["linh"] if after_hundreds else []) + [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def number_words(digits: str) -> str:
    """ "012" → "không trăm mười hai"; "3" → "ba"; "21" → "hai mươi mốt"."""
    if not digits.isdigit():
        raise ValueError(f"not a number: {digits!r}")
    if len(digits) > 3:
        return " ".join(DIGITS[int(d)] for d in digits)
    value = int(digits)
    if len(digits) < 3:
        return "không" if value == 0 else " ".join(_tens(value // 10, value % 10, after_hundreds=False))
    hundreds, rest = divmod(value, 100)
    return " ".join([DIGITS[hundreds], "trăm", *_tens(rest // 10, rest % 10, after_hundreds=True)])


def ticket_words(number: str) -> str:
    """ "A012" → "a không trăm mười hai" (letters by name, then the number)."""
    letters = "".join(ch for ch in number if not ch.isdigit()).upper()
    digits = "".join(ch for ch in number if ch.isdigit())
    words = [LETTERS.get(ch, ch.lower()) for ch in letters if ch.strip()]
    if digits:
        words.append(number_words(digits))
    return " ".join(words)


def call_sentence(number: str, counter: int) -> str:
    """The sentence spoken when a ticket is called to a counter."""
    return f"Mời số {ticket_words(number)} đến quầy số {number_words(str(counter))}"
