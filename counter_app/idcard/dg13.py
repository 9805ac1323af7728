"""DG13 of the Vietnamese CCCD chip: the holder's personal data in Vietnamese.

DG13 (tag 6D) is national, not ICAO: a list of SEQUENCE { INTEGER field-number, value }
where the value is a UTF8String (or a SEQUENCE of them, e.g. the parents' names).
The field numbers below follow what public CCCD readers agree on; DOMAIN.md asks to
verify the order on real cards, so it is data: a province that finds a different
order passes its own ``field_map`` (number → field name) without touching the parser.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields

from counter_app.errors import ChipDataInvalid
from counter_app.idcard import tlv
from counter_app.idcard.cccd_qr import parse_ddmmyyyy as parse_date

DG13_TAG = 0x6D
_STRING_TAGS = {0x0C, 0x13, 0x16, 0x1A, 0x1E}  # UTF8, Printable, IA5, Visible, BMP strings

# field number → attribute of PersonalData (parents: father then mother in one field).
DEFAULT_FIELD_MAP: dict[int, str] = {
    1: "id_number", 2: "full_name", 3: "birth_date", 4: "sex", 5: "nationality", 6: "ethnicity",
    7: "religion", 8: "home_town", 9: "residence", 10: "identifying_marks", 11: "issue_date",
    12: "expiry_date", 13: "parents", 14: "spouse", 16: "old_id",
}


@dataclass(frozen=True)
class PersonalData:
    id_number: str = ""
    full_name: str = ""
    birth_date: str = ""  # as on the chip (dd/mm/yyyy); see dates()
    sex: str = ""
    nationality: str = ""
    ethnicity: str = ""
    religion: str = ""
    home_town: str = ""
    residence: str = ""
    identifying_marks: str = ""
    issue_date: str = ""
    expiry_date: str = ""
    father: str = ""
    mother: str = ""
    spouse: str = ""
    old_id: str = ""
    unknown: tuple[tuple[int, str], ...] = ()  # fields the map does not name, kept as read


def parse_dg13(data: bytes, field_map: dict[int, str] | None = None) -> PersonalData:
    mapping = DEFAULT_FIELD_MAP if field_map is None else field_map
    body = tlv.unwrap(data, DG13_TAG)
    values: dict[str, str] = {}
    unknown: list[tuple[int, str]] = []
    for tag, value in tlv.parse_all(body):
        if tag != 0x30:
            continue  # version numbers, OIDs: not personal data
        items = tlv.parse_all(value)
        if not items or items[0][0] != 0x02:
            continue
        number = int.from_bytes(items[0][1], "big")
        texts = [t for t in _strings(items[1:]) if t]
        name = mapping.get(number)
        if name == "parents":
            values["father"] = texts[0] if texts else ""
            values["mother"] = texts[1] if len(texts) > 1 else ""
        elif name in _NAMES:
            values[name] = " ".join(texts)
        elif texts:
            unknown.append((number, " ".join(texts)))
    if not values:
        raise ChipDataInvalid("DG13 holds no personal data fields.")
    return PersonalData(unknown=tuple(unknown), **values)


_NAMES = {f.name for f in fields(PersonalData)} - {"unknown"}


def _strings(items: list[tuple[int, bytes]], depth: int = 0) -> list[str]:
    tlv.check_depth(depth)
    out: list[str] = []
    for tag, value in items:
        if tag in _STRING_TAGS:
            text = value.decode("utf-16-be" if tag == 0x1E else "utf-8", errors="replace")
            out.append(re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip())
        elif tag in (0x30, 0x31):
            out += _strings(tlv.parse_all(value), depth + 1)
    return out


def normalise_sex(text: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return {"nam": "Nam", "nu": "Nữ", "m": "Nam", "f": "Nữ"}.get(folded.strip(), text)


def encode_dg13(data: PersonalData, field_map: dict[int, str] | None = None) -> bytes:
    """DG13 bytes for a test card or the demo (the inverse of parse_dg13)."""
    mapping = DEFAULT_FIELD_MAP if field_map is None else field_map
    body = b""
    for number, name in sorted(mapping.items()):
        number_tlv = tlv.encode(0x02, bytes([number]))
        if name == "parents":
            inner = tlv.encode(0x0C, data.father.encode()) + tlv.encode(0x0C, data.mother.encode())
            body += tlv.encode(0x30, number_tlv + tlv.encode(0x30, inner))
        else:
            body += tlv.encode(0x30, number_tlv + tlv.encode(0x0C, getattr(data, name).encode()))
    return tlv.encode(DG13_TAG, body)


__all__ = ["DEFAULT_FIELD_MAP", "PersonalData", "encode_dg13", "normalise_sex", "parse_date", "parse_dg13"]
