"""MRZ arithmetic of ICAO Doc 9303: check digits, the BAC key seed and keys, and TD1 parsing.

The CCCD chip is an ICAO eMRTD with a TD1 (3 × 30) MRZ. Its BAC "document number" is the
last 9 digits of the 12-digit ID number (DOMAIN.md), so either may be given.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from counter_app.errors import ChipDataInvalid, InvalidInput

_WEIGHTS = (7, 3, 1)
_YYMMDD = re.compile(r"^\d{6}$")
KEY_ENC = 1  # counter appended to the seed for the encryption key (part 11, 9.7.1)
KEY_MAC = 2


def char_value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == "<":
        return 0
    raise InvalidInput(f"{char!r} cannot appear in an MRZ.")


def check_digit(field: str) -> str:
    return str(sum(char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


def bac_document_number(text: str) -> str:
    """The BAC document number: a CCCD's 12-digit ID gives its last 9 digits; padded with '<'."""
    cleaned = re.sub(r"\s", "", text).upper()
    if re.fullmatch(r"\d{12}", cleaned):
        cleaned = cleaned[3:]
    if not re.fullmatch(r"[0-9A-Z<]{1,9}", cleaned):
        raise InvalidInput("The document number must be the card's 12-digit ID number or its last 9 digits.",
                           field="doc_number")
    return cleaned.ljust(9, "<")


def check_yymmdd(text: str, field: str) -> str:
    if not _YYMMDD.match(text or ""):
        raise InvalidInput(f"The {field} must be six digits YYMMDD.", field=field)
    if yymmdd_to_date(text, past=False) is None and yymmdd_to_date(text, past=True, today=date(1999, 1, 1)) is None:
        raise InvalidInput(f"The {field} {text} is not a valid date (YYMMDD).", field=field)
    return text


@dataclass(frozen=True)
class BacKey:
    """What the officer reads off the card to open the chip (the 'MRZ information')."""

    document_number: str
    birth: str  # YYMMDD
    expiry: str  # YYMMDD

    @classmethod
    def from_input(cls, document_number: str, birth: str, expiry: str) -> "BacKey":
        return cls(bac_document_number(document_number), check_yymmdd(birth.strip(), "birth"),
                   check_yymmdd(expiry.strip(), "expiry"))

    def mrz_information(self) -> str:
        return "".join(f + check_digit(f) for f in (self.document_number, self.birth, self.expiry))

    def seed(self) -> bytes:
        return hashlib.sha1(self.mrz_information().encode("ascii")).digest()[:16]

    def keys(self) -> tuple[bytes, bytes]:
        """(K_enc, K_mac) of the BAC handshake."""
        seed = self.seed()
        return derive_key(seed, KEY_ENC), derive_key(seed, KEY_MAC)


def _with_parity(key: bytes) -> bytes:
    # DES keys carry odd parity in each byte's low bit.
    return bytes((b & 0xFE) | ((bin(b >> 1).count("1") + 1) % 2) for b in key)


def derive_key(seed: bytes, counter: int) -> bytes:
    """A 16-byte two-key 3DES key from a seed (ICAO 9303 part 11, 9.7.1)."""
    digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()
    return _with_parity(digest[:16])


@dataclass(frozen=True)
class Mrz:
    document_code: str
    issuer: str
    document_number: str
    optional1: str
    birth: str
    sex: str  # M, F or <
    expiry: str
    nationality: str
    optional2: str
    surname: str
    given_names: str
    checks_ok: bool

    @property
    def id_number(self) -> str:
        """A CCCD's 12-digit number sits in the first optional field (before its check digit)."""
        digits = self.optional1.replace("<", "")
        return digits[:12] if re.fullmatch(r"\d{12,13}", digits) else ""

    def birth_date(self, today: date | None = None) -> date | None:
        return yymmdd_to_date(self.birth, past=True, today=today)


def yymmdd_to_date(text: str, *, past: bool, today: date | None = None) -> date | None:
    try:
        yy, month, day = int(text[:2]), int(text[2:4]), int(text[4:6])
        year = 2000 + yy
        if past and year > (today or date.today()).year:
            year -= 100
        return date(year, month, day)
    except ValueError:
        return None


def parse_td1(text: str) -> Mrz:
    """Parse a TD1 MRZ (90 characters, with or without line breaks)."""
    mrz = re.sub(r"\s", "", text)
    if len(mrz) != 90 or not re.fullmatch(r"[0-9A-Z<]+", mrz):
        raise ChipDataInvalid("The chip's MRZ (DG1) is not a 3-line ID-card MRZ.", length=len(mrz))
    l1, l2, l3 = mrz[:30], mrz[30:60], mrz[60:]
    number, number_cd = l1[5:14], l1[14]
    birth, birth_cd, expiry, expiry_cd = l2[0:6], l2[6], l2[8:14], l2[14]
    composite = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
    ok = (check_digit(number) == number_cd and check_digit(birth) == birth_cd
          and check_digit(expiry) == expiry_cd and check_digit(composite) == l2[29])
    surname, _, given = l3.partition("<<")
    return Mrz(l1[0:2].replace("<", ""), l1[2:5], number.rstrip("<"), l1[15:30], birth, l2[7], expiry,
               l2[15:18], l2[18:29], surname.replace("<", " ").strip(), given.replace("<", " ").strip(), ok)


def format_td1(*, document_number: str, birth: str, sex: str, expiry: str, surname: str, given_names: str,
               optional1: str = "", issuer: str = "VNM", nationality: str = "VNM", code: str = "ID") -> str:
    """Build a TD1 MRZ (used by the test card and the demo twin)."""
    number = bac_document_number(document_number)
    l1 = (code.ljust(2, "<") + issuer + number + check_digit(number) + optional1.ljust(15, "<"))[:30]
    l2 = birth + check_digit(birth) + sex + expiry + check_digit(expiry) + nationality + "<" * 11
    l2 += check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
    name = (surname.upper().replace(" ", "<") + "<<" + given_names.upper().replace(" ", "<"))
    return l1 + "\n" + l2 + "\n" + name.ljust(30, "<")[:30]
