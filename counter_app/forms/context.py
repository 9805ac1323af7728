"""What a one-stop form needs to know, as plain data.

The dossier service builds these from the database; the renderer turns them into PDF.
Keeping them separate lets forms be rendered (and tested) without a database.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class OfficeInfo:
    agency_id: str  # electronic id, e.g. "000.00.31.H41"
    agency_name: str  # e.g. "UBND xã Gia Viễn"
    parent_name: str  # line above, e.g. "UBND TỈNH NINH BÌNH"
    unit_name: str = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    place_name: str = ""  # used in "<place>, ngày ... tháng ... năm ..."
    phone: str = ""


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ComponentLine:
    name: str
    copy_kind_label: str  # "Bản chính", "Bản sao", ...
    count: int = 1


@dataclass(frozen=True)
class MissingItem:
    name: str
    reason: str = ""


@dataclass(frozen=True)
class DossierFormContext:
    """Forms 01, 02 and 03."""

    office: OfficeInfo
    dossier_code: str
    applicant: Applicant
    procedure_code: str
    procedure_name: str
    officer_name: str
    officer_phone: str = ""
    issued_at: datetime | None = None  # when the form is issued (defaults to received_at)
    # Form 01
    components: tuple[ComponentLine, ...] = ()
    sets_count: int = 1
    processing_time_text: str = ""  # e.g. "03 ngày làm việc"
    received_at: datetime | None = None
    due_at: datetime | None = None
    return_method: str = "Tại Bộ phận Một cửa"
    register_book: str = ""
    register_line: int | None = None
    # Form 02
    missing: tuple[MissingItem, ...] = ()
    # Form 03
    refusal_reason: str = ""
    template_version: str | None = None  # None: newest


@dataclass(frozen=True)
class RegisterRow:
    number: int
    dossier_code: str
    procedure_name: str
    sets_count: int
    applicant_name: str
    applicant_contact: str  # address / phone
    processing_agency: str
    received_at: datetime | None
    due_at: datetime | None
    transferred_to: str = ""
    result_at: datetime | None = None
    returned_at: datetime | None = None
    receiver_name: str = ""
    note: str = ""


@dataclass(frozen=True)
class RegisterContext:
    office: OfficeInfo
    title_period: str  # e.g. "Tháng 11 năm 2026"
    rows: tuple[RegisterRow, ...] = field(default_factory=tuple)
    template_version: str | None = None
    # Printed on the date line and used as the PDF creation date, so the same
    # register prints to the same bytes (None: blank date line, fixed PDF date).
    printed_at: datetime | None = None
