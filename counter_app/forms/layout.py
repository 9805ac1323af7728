"""Drawing primitives shared by every form: page set-up, the two-column official
header, title, paragraphs with filled-in values, signatures, notes and the QR code.

All texts come from the template; this module only knows how official Vietnamese
administrative papers are laid out (Decree 30/2020/NĐ-CP style header).
"""
from __future__ import annotations

import string
from datetime import datetime, timedelta, timezone
from collections.abc import Iterable, Mapping
from typing import Any

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from counter_app.forms.templates import FormTemplate
from counter_app.resources import resource_path

FONT_FAMILY = "NotoSerif"
_FONT_FILES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}
# Counter clocks are Vietnam local time; naive datetimes get +07:00 so the PDF
# dates (and so the bytes) do not depend on the machine's time zone.
VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")
_NO_DATE = datetime(2000, 1, 1, tzinfo=VIETNAM_TZ)
_FORMATTER = string.Formatter()


def segments(text: str, fields: Mapping[str, str], blank: str = "") -> list[tuple[str, bool]]:
    """Split a template text into (text, is_value) runs, values filled in.

    Templates are validated on load, so every placeholder has a field."""
    runs = []
    for literal, name, spec, _conversion in _FORMATTER.parse(text):
        if literal:
            runs.append((literal, False))
        if name is not None:
            value = format(fields[name], spec or "")
            runs.append((value or blank, True))
    return runs


def fill(text: str, fields: Mapping[str, str], blank: str = "") -> str:
    return "".join(run for run, _ in segments(text, fields, blank))


class FormDocument(FPDF):
    """One A4 document laid out from a template and a flat field mapping."""

    def __init__(self, template: FormTemplate, fields: Mapping[str, str], *,
                 subject: str, when: datetime | None):
        page = template.section("page")
        super().__init__(orientation=page.get("orientation", "portrait"), unit="mm", format="A4")
        self.template = template
        self.fields = fields
        left, top, right, bottom = page.get("margins_mm", (20, 15, 15, 15))
        self.set_margins(left, top, right)
        self.set_auto_page_break(True, margin=bottom)
        # fpdf2 replaces its page-total alias ("{nb}") inside any text, citizen
        # data included; page numbers are stamped at the end instead.
        self.alias_nb_pages("")
        self.base_size = page.get("font_size", 12)
        self.line_factor = page.get("line_height", 1.35)
        self.blank = page.get("blank", "…………")
        fonts = resource_path("fonts")
        for style, name in _FONT_FILES.items():
            self.add_font(FONT_FAMILY, style, fonts / f"NotoSerif-{name}.ttf")
        self.set_font(FONT_FAMILY, "", self.base_size)
        self._set_metadata(subject, when)

    # -- document-level -------------------------------------------------
    def _set_metadata(self, subject: str, when: datetime | None) -> None:
        self.set_title(fill(self.template.get("document_title"), self.fields))
        self.set_subject(subject)
        self.set_author(self.fields.get("agency_name", ""))
        self.set_creator("Quầy Một Cửa")
        self.set_lang("vi-VN")
        moment = when.replace(tzinfo=VIETNAM_TZ) if when and not when.tzinfo else when
        self.set_creation_date(moment or _NO_DATE)

    def number_pages(self) -> None:
        """Stamp "Trang x/y" once the page count is known (forms only from
        ``page_footer_min_pages`` pages on: a one-page receipt needs no number)."""
        text = self.template.get("page_footer")
        if not text or self.pages_count < self.template.get("page_footer_min_pages", 1):
            return
        last, total = self.page, str(self.pages_count)
        y = self.h - self.b_margin + 3
        self.set_auto_page_break(False)  # writing in the bottom margin is the point
        for number in range(1, self.pages_count + 1):
            self.page = number
            # fpdf2 tracks the selected font per document, not per page: force it
            # to be selected again in this page's content stream.
            self.current_font_is_set_on_page = False
            self.set_xy(self.l_margin, y)
            self.set_font(FONT_FAMILY, "I", self.base_size - 3)
            self.cell(self.epw, 5, fill(text, {"page": str(number), "pages": total}), align="C")
        self.page = last

    def line_height(self, size: float | None = None) -> float:
        return (size or self.base_size) / self.k * self.line_factor

    def ensure_space(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit (keeps blocks whole)."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    # -- header ---------------------------------------------------------
    def draw_header(self, qr_text: str | None) -> None:
        header = self.template.section("header")
        left_w = self.epw * header.get("left_ratio", 0.42)
        size = header.get("font_size", self.base_size)
        left_x, right_x = self.l_margin, self.l_margin + left_w
        y_left = self._column(header.get("agency_lines", ()), left_x, left_w, size)
        y_right = self._column(header.get("national_lines", ()), right_x, self.epw - left_w, size)
        qr = self.template.section("qr")
        if qr_text and qr.get("enabled", True):
            side = qr.get("size_mm", 22)
            draw_qr(self, qr_text, left_x + (left_w - side) / 2, y_left + 1, side)
            y_left += side + 2
        if header.get("date_line"):
            self.set_xy(right_x, y_right + 1)
            self.set_font(FONT_FAMILY, "I", size)
            text = fill(header["date_line"], self.fields, blank="……")
            self.multi_cell(self.epw - left_w, self.line_height(size), text, align="C")
            y_right = self.get_y()
        self.set_xy(self.l_margin, max(y_left, y_right) + header.get("gap_mm", 4))

    def _column(self, lines: Iterable[Any], x: float, width: float, size: float) -> float:
        y = self.t_margin
        for line in lines:
            spec = line if isinstance(line, Mapping) else {"text": line}
            text = fill(spec["text"], self.fields)
            if spec.get("upper"):
                text = text.upper()
            if not text:
                continue
            line_size = spec.get("size", size)
            self.set_font(FONT_FAMILY, spec.get("style", ""), line_size)
            self.set_xy(x, y)
            self.multi_cell(width, self.line_height(line_size), text, align="C")
            y = self.get_y()
            rule = spec.get("rule")
            if rule:
                y = self._rule(text, x, width, y, third=(rule == "third"))
        return y

    def _rule(self, text: str, x: float, width: float, y: float, third: bool) -> float:
        # Decree 30: a short centred rule under the agency (1/3 of it), a rule as long
        # as the motto under "Độc lập - Tự do - Hạnh phúc".
        length = min(self.get_string_width(text), width)
        length = length / 3 if third else length
        self.set_line_width(0.3)
        self.line(x + (width - length) / 2, y + 0.6, x + (width + length) / 2, y + 0.6)
        return y + 1.6

    # -- title and body text -------------------------------------------
    def draw_title(self) -> None:
        size = self.template.section("page").get("title_size", self.base_size + 2)
        self.set_font(FONT_FAMILY, "B", size)
        for line in self.template.get("title", ()):
            self.multi_cell(0, self.line_height(size), fill(line, self.fields), align="C",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        subtitles = self.template.get("subtitle", ())
        if subtitles:
            with self.text_columns(text_align="CENTER") as cols:
                for line in subtitles:
                    self.paragraph(cols, line, self.fields, align="C")
        self.ln(2)

    def paragraph(self, cols, text: str, fields: Mapping[str, str], *, align: str = "L",
                  style: str = "", value_style: str | None = None, size: float | None = None,
                  indent: float = 0, bullet: str = "", top: float = 0) -> None:
        """One paragraph: template words in ``style``, filled-in values in ``value_style``
        (bold by default, so the officer sees at a glance what was entered)."""
        size = size or self.base_size
        if value_style is None:
            value_style = self.template.section("page").get("value_style", "B")
        with cols.paragraph(text_align=align, line_height=self.line_factor, top_margin=top,
                            indent=indent, bullet_string=bullet) as par:
            for run, is_value in segments(text, fields, self.blank):
                self.set_font(FONT_FAMILY, value_style if is_value else style, size)
                par.write(run)
        self.set_font(FONT_FAMILY, "", self.base_size)

    # -- closing blocks -------------------------------------------------
    def draw_signatures(self, block: Mapping[str, Any]) -> None:
        sigs = block["signatures"]
        space = block.get("space_mm", 24)
        line_h = self.line_height()
        self.ensure_space(line_h * 3 + space + 4)
        # A single signer signs on the right, as on official papers.
        width = self.epw / max(len(sigs), 2)
        first_x = self.l_margin + (self.epw - width if len(sigs) == 1 else 0)
        top = self.get_y() + block.get("top_mm", 4)
        bottom = top
        for index, sig in enumerate(sigs):
            x = first_x + index * width
            self.set_xy(x, top)
            for key, style, gap in (("title", "B", 0), ("hint", "I", 0), ("name", "B", space)):
                text = fill(sig.get(key, ""), self.fields)
                self.set_xy(x, self.get_y() + gap)
                self.set_font(FONT_FAMILY, style, self.base_size)
                self.multi_cell(width, line_h, text, align="C")
            bottom = max(bottom, self.get_y())
        self.set_xy(self.l_margin, bottom + 2)

    def draw_notes(self, block: Mapping[str, Any]) -> None:
        size = block.get("font_size", self.base_size - 2)
        self.ln(block.get("top_mm", 2))
        with self.text_columns(text_align="JUSTIFY") as cols:
            if block.get("heading"):
                self.paragraph(cols, block["heading"], self.fields, style="BI", size=size)
            for note in block["notes"]:
                self.paragraph(cols, note, self.fields, style="I", value_style="I", size=size)


def draw_qr(pdf: FPDF, data: str, x: float, y: float, side: float) -> None:
    """The dossier code as a vector QR (always full QR, scanners at the return desk
    do not all read micro QR); one filled rectangle per run of dark modules."""
    matrix = segno.make_qr(data, error="m").matrix
    quiet = 4  # the standard quiet zone, kept white so the code scans next to text
    module = side / (len(matrix) + 2 * quiet)
    for row_index, row in enumerate(matrix):
        top = y + (row_index + quiet) * module
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            pdf.rect(x + (start + quiet) * module, top, (col - start) * module, module, style="F")
