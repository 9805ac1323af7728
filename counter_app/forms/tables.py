"""Bordered tables (form 01 components, the register) on top of fpdf2's table.

fpdf2 wraps long cell text (procedure names run to several lines) and repeats the
heading row on every page, which the register needs once it outgrows one sheet.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from fpdf.enums import TableHeadingsDisplay
from fpdf.fonts import FontFace

from counter_app.forms.layout import FONT_FAMILY, FormDocument, fill


def draw_table(doc: FormDocument, block: Mapping[str, Any], rows: Sequence[Mapping[str, str]]) -> None:
    columns = block["columns"]
    size = block.get("font_size", doc.base_size - 1)
    doc.set_font(FONT_FAMILY, "", size)
    line_h = size / doc.k * block.get("line_height", 1.25)
    heading = FontFace(emphasis="BOLD", size_pt=size, fill_color=block.get("heading_fill", 238))
    doc.ln(block.get("top_mm", 1))
    with doc.table(
        col_widths=tuple(c.get("width", 1) for c in columns),
        text_align=tuple(c.get("align", "L") for c in columns),
        headings_style=heading,
        line_height=line_h,
        padding=(0.8, 1.0),
        repeat_headings=TableHeadingsDisplay.ON_TOP_OF_EVERY_PAGE,
        width=doc.epw,
    ) as table:
        head = table.row()
        for column in columns:
            head.cell(fill(column.get("header", ""), doc.fields), align="C")
        # A column may set its own size, e.g. to keep dossier codes on one line.
        faces = [FontFace(size_pt=c["font_size"]) if "font_size" in c else None for c in columns]
        for values in rows:
            row = table.row()
            for column, face in zip(columns, faces):
                row.cell(fill(column["value"], values).strip(), style=face)
        if not rows and block.get("empty"):
            table.row().cell(fill(block["empty"], doc.fields), colspan=len(columns), align="C")
    doc.set_font(FONT_FAMILY, "", doc.base_size)
    doc.ln(block.get("bottom_mm", 2))
