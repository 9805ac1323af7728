"""The QR code on the citizen ID card (CCCD / thẻ căn cước): parse it defensively.

Shape (DOMAIN.md): ``id|old_id|full name|ddmmyyyy|Nam/Nữ|address|ddmmyyyy`` in UTF-8;
newer cards append fields, old-ID may be empty. Readers get things wrong in known ways:
a keyboard-wedge scanner or a decoder that guesses Latin-1/cp1252 turns "Nguyễn" into
"Nguyá»…n" — we re-encode and decode as UTF-8 when that gives cleaner text. Checks that
fail on an otherwise readable card become warnings for the officer, not errors.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from counter_app.dossiers.intake import ApplicantInput
from counter_app.errors import QrNotCccd, QrUnreadable

FIELD_COUNT = 7
# ASCII digits only: re's \d also takes Arabic-Indic and other scripts' digits.
_ID12 = re.compile(r"^[0-9]{12}$")
_ID9 = re.compile(r"^[0-9]{9}$")
# Characters that mojibake of Vietnamese UTF-8 produces (lead bytes Ã Ä Æ á º » seen as cp1252).
_MOJIBAKE = re.compile("[ÃÄÆÅ][\u0080-\u00ff\u0152-\u2122]|á[º»][\u0080-\u00ff\u0152-\u2122]?")
# Century from the sex/century digit: 0/1 → 1900s, 2/3 → 2000s … 8/9 → 1800s (Circular 59/2021).
_CENTURY = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}
_YEARS = (1800, 2299)

# Warning codes (the UI shows a translated sentence per code).
TEXT_REPAIRED = "text_repaired"
EXTRA_FIELDS = "extra_fields"
BIRTH_DATE_INVALID = "birth_date_invalid"
ISSUE_DATE_INVALID = "issue_date_invalid"
SEX_UNKNOWN = "sex_unknown"
SEX_MISMATCH = "id_sex_mismatch"
YEAR_MISMATCH = "id_year_mismatch"
OLD_ID_INVALID = "old_id_invalid"
NAME_EMPTY = "name_empty"


@dataclass(frozen=True)
class CccdData:
    id_number: str
    old_id: str
    full_name: str
    birth_date: date | None
    sex: str  # "Nam" | "Nữ" | "" when unreadable
    address: str
    issue_date: date | None
    warnings: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # fields after the seventh, kept as read

    def to_applicant(self) -> ApplicantInput:
        return ApplicantInput(name=self.full_name, id_number=self.id_number, birth_date=self.birth_date,
                              address=self.address)


def repair_text(raw: str | bytes) -> tuple[str, bool]:
    """Text as the card holds it; True when it had to be repaired from a wrong decoding."""
    if isinstance(raw, bytes):
        try:
            return raw.decode("utf-8"), False
        except UnicodeDecodeError:
            raw = raw.decode("cp1252", errors="replace")
    if not _MOJIBAKE.search(raw):
        return raw, False
    try:
        fixed = _as_bytes(raw).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return raw, False
    return (fixed, True) if len(_MOJIBAKE.findall(fixed)) < len(_MOJIBAKE.findall(raw)) else (raw, False)


def _as_bytes(text: str) -> bytes:
    """Undo a cp1252 (or Latin-1, for bytes cp1252 leaves undefined) decoding, char by char."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                raise ValueError(char) from None
            out.append(ord(char))
    return bytes(out)


def parse_cccd(raw: str | bytes) -> CccdData:
    """Parse a CCCD QR payload; raises QrUnreadable (scan again) or QrNotCccd (another code)."""
    text, repaired = repair_text(raw)
    text = unicodedata.normalize("NFC", text).strip().strip("\x00")
    if not text:
        raise QrUnreadable("The QR code is empty: scan the card's QR again.")
    if "\ufffd" in text or any(unicodedata.category(c) == "Cc" for c in text):
        raise QrUnreadable("The QR text is damaged (unreadable bytes): scan the card's QR again, "
                           "or type the details from the card.")
    fields = [f.strip() for f in text.split("|")]
    first = re.sub(r"\s", "", fields[0])
    if not _ID12.match(first):
        raise QrNotCccd("This QR code is not a citizen ID card (CCCD) QR: scan the QR on the card's front "
                        "(top right corner).", text=text[:80])
    if len(fields) < FIELD_COUNT:
        raise QrUnreadable(f"Only {len(fields)} of {FIELD_COUNT} fields were read: scan the card's QR again.",
                           fields=len(fields))
    warnings: list[str] = [TEXT_REPAIRED] if repaired else []
    old_id, name, birth_text, sex_text, address, issue_text = fields[1:FIELD_COUNT]
    extra = tuple(fields[FIELD_COUNT:])
    if extra:
        warnings.append(EXTRA_FIELDS)
    if old_id and not _ID9.match(old_id):
        warnings.append(OLD_ID_INVALID)
    name = re.sub(r"\s+", " ", name)
    if not name:
        warnings.append(NAME_EMPTY)
    birth = parse_ddmmyyyy(birth_text)
    if birth is None:
        warnings.append(BIRTH_DATE_INVALID)
    issue = parse_ddmmyyyy(issue_text)
    if issue is None and issue_text:
        warnings.append(ISSUE_DATE_INVALID)
    sex = _sex(sex_text)
    if not sex:
        warnings.append(SEX_UNKNOWN)
    warnings += _number_checks(first, sex, birth)
    return CccdData(first, old_id, name, birth, sex, re.sub(r"\s+", " ", address), issue,
                    tuple(warnings), extra)


def parse_ddmmyyyy(text: str) -> date | None:
    """A ddmmyyyy date as printed in the QR and the chip's DG13 (any separators); None if not a date."""
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) != 8:
        return None
    try:
        parsed = date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None
    # Outside the centuries the ID number can encode (1800s-2200s) it is a misread, not a date.
    return parsed if _YEARS[0] <= parsed.year <= _YEARS[1] else None


def _sex(text: str) -> str:
    folded = unicodedata.normalize("NFD", text).casefold()
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return {"nam": "Nam", "nu": "Nữ", "male": "Nam", "female": "Nữ"}.get(folded.strip(), "")


def _number_checks(id_number: str, sex: str, birth: date | None) -> list[str]:
    """Digit 4 encodes sex (even male, odd female) and century; digits 5–6 the year of birth."""
    digit = int(id_number[3])
    problems = []
    if sex and (sex == "Nữ") != bool(digit % 2):
        problems.append(SEX_MISMATCH)
    if birth and (_CENTURY[digit] + int(id_number[4:6]) != birth.year):
        problems.append(YEAR_MISMATCH)
    return problems
