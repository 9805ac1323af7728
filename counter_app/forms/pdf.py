"""Render the one-stop forms (Mẫu 01, 02, 03) and the register to PDF bytes.

Pure functions of their context: same context, same bytes (the PDF dates come from
the context, never from the clock), so printed papers can be re-issued identically
and tests can compare output.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby
from typing import Any

from counter_app.errors import InvalidInput, UnknownFormTemplate
from counter_app.forms import values
from counter_app.forms.context import DossierFormContext, RegisterContext
from counter_app.forms.layout import FormDocument, fill
from counter_app.forms.tables import draw_table
from counter_app.forms.templates import block_kind, load_template, placeholders

DOSSIER_FORMS = ("01", "02", "03")
_FLOWING = ("text", "list", "space")  # blocks that share one flowing text region

Rows = Sequence[Mapping[str, str]]


def render_form(form_id: str, context: DossierFormContext) -> bytes:
    """Mẫu 01 (receipt and appointment), 02 (supplement request) or 03 (refusal)."""
    if form_id == "register":
        raise InvalidInput("the register is printed with render_register()", form_id=form_id)
    if form_id not in DOSSIER_FORMS:
        raise UnknownFormTemplate(f"unknown form {form_id!r}", form_id=form_id)
    if not isinstance(context, DossierFormContext):
        raise InvalidInput(f"form {form_id} needs a DossierFormContext", form_id=form_id)
    template = load_template(form_id, context.template_version)
    fields = values.dossier_fields(context)
    doc = FormDocument(template, fields, subject=fields["dossier_code"], when=values.issued_moment(context))
    sources = {"components": values.component_rows(context), "missing": values.missing_rows(context)}
    return _render(doc, qr_text=fields["dossier_code"] or None, sources=sources)


def render_register(context: RegisterContext) -> bytes:
    """Sổ theo dõi hồ sơ: landscape table, heading row repeated on every page."""
    if not isinstance(context, RegisterContext):
        raise InvalidInput("the register needs a RegisterContext")
    template = load_template("register", context.template_version)
    fields = values.register_fields(context)
    doc = FormDocument(template, fields, subject=fields["title_period"], when=context.printed_at)
    return _render(doc, qr_text=None, sources={"rows": values.register_rows(context)})


def _render(doc: FormDocument, qr_text: str | None, sources: Mapping[str, Rows]) -> bytes:
    doc.add_page()
    doc.draw_header(qr_text)
    doc.draw_title()
    _draw_body(doc, doc.template.get("body", ()), sources)
    doc.number_pages()
    return bytes(doc.output())


def _draw_body(doc: FormDocument, blocks: Sequence[Mapping[str, Any]], sources: Mapping[str, Rows]) -> None:
    for flowing, group in groupby(blocks, key=lambda block: block_kind(block) in _FLOWING):
        if flowing:
            # Consecutive text blocks share one text region: paragraphs then break
            # across pages naturally, and there are fewer layout passes.
            with doc.text_columns() as cols:
                for block in group:
                    _draw_flowing(doc, cols, block, sources)
            continue
        for block in group:
            kind = block_kind(block)
            if kind == "table":
                draw_table(doc, block, sources[block["table"]])
            elif kind == "signatures":
                doc.draw_signatures(block)
            elif kind == "notes":
                doc.draw_notes(block)


def _draw_flowing(doc: FormDocument, cols, block: Mapping[str, Any], sources: Mapping[str, Rows]) -> None:
    style = {
        "align": block.get("align", "L"),
        "style": block.get("style", ""),
        "indent": block.get("indent_mm", 0),
        "top": block.get("top_mm", 0),
    }
    kind = block_kind(block)
    if kind == "space":
        doc.paragraph(cols, " ", doc.fields, top=block["space"])
    elif kind == "text":
        doc.paragraph(cols, block["text"], doc.fields, value_style=block.get("value_style"), **style)
    else:
        _draw_list(doc, cols, block, sources[block["list"]], style)


def _draw_list(doc: FormDocument, cols, block: Mapping[str, Any], rows: Rows, style: dict) -> None:
    """Numbered items with a hanging indent; the optional detail line (the reason
    an item is missing) sits under its item."""
    indent = block.get("indent_mm", 8)
    if not rows and block.get("empty"):
        doc.paragraph(cols, block["empty"], doc.fields, **{**style, "indent": indent})
        return
    for row in rows:
        bullet = fill(block.get("number", "{no}."), row)
        doc.paragraph(cols, block["item"], row, **{**style, "indent": indent}, bullet=bullet)
        detail = block.get("detail")
        if detail and all(row[name] for name in placeholders(detail)):
            doc.paragraph(cols, detail, row, align=style["align"], indent=indent,
                          style="I", value_style=block.get("detail_value_style", "I"))
