"""What a read of the CCCD chip gives the counter, and how it becomes the applicant.

The reader (``devices/idcard``) fills a ``ChipRecord`` from the raw data groups; the
record turns into the same ``CccdData`` the QR path gives, so the intake form's
fill code takes either.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counter_app.dossiers.intake import ApplicantInput
from counter_app.errors import ChipDataInvalid
from counter_app.idcard import tlv
from counter_app.idcard.cccd_qr import CccdData
from counter_app.idcard.dg2 import FaceImage, extract_face
from counter_app.idcard.dg13 import PersonalData, normalise_sex, parse_date, parse_dg13
from counter_app.idcard.mrz import Mrz, parse_td1
from counter_app.idcard.sod import PassiveAuthResult, passive_authentication

DG1_TAG = 0x61
MRZ_TAG = 0x5F1F
# Ages at which the card must be renewed (Law on Citizen Identification 2014 art. 21: 25, 40,
# 60; Law on Identification 2023 art. 21 adds 14). A card issued within two years before one
# of them stays valid until the next; none after 60. Only a suggestion: the officer checks it.
_RENEWAL_AGES = (14, 25, 40, 60)


@dataclass(frozen=True)
class ChipRecord:
    mrz: Mrz
    personal: PersonalData
    face: FaceImage | None
    authentication: PassiveAuthResult
    raw: dict[int, bytes]  # data group number → file as read (0 = EF.COM, 29 = SOD)

    @property
    def id_number(self) -> str:
        return self.personal.id_number or self.mrz.id_number

    def to_cccd(self) -> CccdData:
        p = self.personal
        birth = parse_date(p.birth_date) or self.mrz.birth_date()
        sex = normalise_sex(p.sex) if p.sex else {"M": "Nam", "F": "Nữ"}.get(self.mrz.sex, "")
        name = p.full_name or f"{self.mrz.surname} {self.mrz.given_names}".strip()
        return CccdData(self.id_number, p.old_id, name, birth, sex, p.residence, parse_date(p.issue_date))

    def to_applicant(self) -> ApplicantInput:
        return self.to_cccd().to_applicant()


def build_record(groups: dict[int, bytes], sod: bytes, csca=None, field_map=None) -> ChipRecord:
    """Parse what was read (DG1 required; DG2, DG13 optional; 0 = EF.COM, not hashed) and run
    passive authentication over every data group read."""
    if 1 not in groups:
        raise ChipDataInvalid("The chip gave no MRZ (DG1).")
    mrz = parse_td1(tlv.unwrap(tlv.unwrap(groups[1], DG1_TAG), MRZ_TAG).decode("ascii", errors="replace"))
    personal = parse_dg13(groups[13], field_map) if 13 in groups else PersonalData()
    face = extract_face(groups[2]) if 2 in groups else None
    authentication = passive_authentication(sod, {n: d for n, d in groups.items() if n >= 1}, csca)
    return ChipRecord(mrz, personal, face, authentication, {**groups, 29: sod})


def encode_dg1(mrz_text: str) -> bytes:
    return tlv.encode(DG1_TAG, tlv.encode(MRZ_TAG, mrz_text.replace("\n", "").encode("ascii")))


def bac_prefill(card: CccdData) -> tuple[str, str, str]:
    """(document number, birth YYMMDD, expiry YYMMDD or a guess, or "") from a scanned CCCD QR.

    The QR has no expiry date; it is suggested from the birth and issue dates, and the
    officer checks it against the card.
    """
    birth = f"{card.birth_date:%y%m%d}" if card.birth_date else ""
    expiry = suggest_expiry(card.birth_date, card.issue_date)
    return card.id_number[3:] if len(card.id_number) == 12 else card.id_number, birth, \
        f"{expiry:%y%m%d}" if expiry else ""


def suggest_expiry(birth: date | None, issued: date | None) -> date | None:
    if birth is None or issued is None:
        return None
    for age in _RENEWAL_AGES:
        milestone = _birthday(birth, age)
        if issued < _birthday(birth, age - 2):
            return milestone
    return None


def _birthday(birth: date, age: int) -> date:
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:  # 29 February
        return birth.replace(year=birth.year + age, day=28)


__all__ = ["ChipRecord", "bac_prefill", "build_record", "encode_dg1", "suggest_expiry"]
