"""The procedure catalogue: importers, exporter, demo data and content fingerprints.

``load_national_json`` reads records shaped like the national catalogue's ``LayThuTuc``
(and our own export), ``load_xlsx`` the sheet officers fill in by hand; both return
``ProcedureSpec`` objects or raise ``CatalogFormatError`` without a partial result.
"""
from __future__ import annotations

from ..resources import resource_path
from .fingerprint import fingerprint
from .model import ProcedureSpec
from .national_json import dump_national_json, load_national_json

DEMO_CATALOG = ("catalog", "demo_catalog.json")

__all__ = [
    "dump_national_json", "fingerprint", "load_demo_catalog", "load_national_json", "load_xlsx",
    "write_xlsx_template",
]


def load_demo_catalog() -> list[ProcedureSpec]:
    """Real commune-level procedures for demos and tests (``resources/catalog``)."""
    return load_national_json(resource_path(*DEMO_CATALOG))


def load_xlsx(path):
    """Procedures from the officers' XLSX sheet (openpyxl is loaded only when needed)."""
    from .xlsx_import import load_xlsx as load

    return load(path)


def write_xlsx_template(path, specs=()):
    from .xlsx_import import write_xlsx_template as write

    return write(path, specs)
