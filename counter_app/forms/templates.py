"""Versioned form templates: the fixed texts and layout choices of each form.

A template is ``resources/forms/<form>/<version>.json``. The province ships a new
version (e.g. after a new circular) as a new file; dossiers keep printing with the
version they name, everything else takes the newest. Templates are checked when
loaded so that a broken file is reported by the admin tools, not at the counter.
"""
from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from collections.abc import Iterable, Mapping
from typing import Any

from counter_app.errors import InvalidFormTemplate, UnknownFormTemplate
from counter_app.forms import values
from counter_app.resources import resource_path

FORM_IDS = ("01", "02", "03", "register")
# Ids become path parts: keep them to a safe alphabet (no "..", no separators).
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
BLOCK_KINDS = ("text", "table", "list", "signatures", "notes", "space")
_SOURCES = {"register": ("rows",)}
_DOSSIER_SOURCES = ("components", "missing")


@dataclass(frozen=True)
class FormTemplate:
    form_id: str
    version: str
    spec: Mapping[str, Any]  # the validated JSON, read-only

    def get(self, key: str, default: Any = None) -> Any:
        return self.spec.get(key, default)

    def section(self, key: str) -> Mapping[str, Any]:
        return self.spec.get(key) or MappingProxyType({})


def available_templates(root: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Form id -> versions on disk, oldest first (the last one is the default)."""
    base = root or resource_path("forms")
    found = {}
    for form_id in FORM_IDS:
        folder = base / form_id
        names = [p.stem for p in folder.glob("*.json")] if folder.is_dir() else []
        found[form_id] = tuple(sorted((n for n in names if _SAFE_NAME.match(n)), key=_version_key))
    return found


def load_template(form_id: str, version: str | None = None, root: Path | None = None) -> FormTemplate:
    if form_id not in FORM_IDS:
        raise UnknownFormTemplate(f"unknown form {form_id!r}", form_id=form_id)
    versions = available_templates(root)[form_id]
    if version is None:
        if not versions:
            raise UnknownFormTemplate(f"no template for form {form_id}", form_id=form_id)
        version = versions[-1]
    elif version not in versions:
        raise UnknownFormTemplate(
            f"form {form_id} has no template version {version!r}",
            form_id=form_id, version=version, available=versions,
        )
    path = (root or resource_path("forms")) / form_id / f"{version}.json"
    return _load_file(path, path.stat().st_mtime_ns, form_id, version)


def block_kind(block: Any) -> str | None:
    """Which kind of body block this is ("text", "table", ...), None if unclear."""
    kinds = [k for k in BLOCK_KINDS if isinstance(block, Mapping) and k in block]
    return kinds[0] if len(kinds) == 1 else None


def placeholders(text: str) -> list[str]:
    """Field names a template text refers to, e.g. ["applicant_name"]."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def _version_key(version: str) -> tuple:
    # "2018-01" < "2025-03" < "2025-10": compare digit groups as numbers.
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", version) if p)


@lru_cache(maxsize=64)
def _load_file(path: Path, _mtime_ns: int, form_id: str, version: str) -> FormTemplate:
    # The mtime is part of the cache key so an edited or replaced file is re-read.
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _invalid(path, f"unreadable: {exc}") from exc
    _validate(spec, form_id, version, path)
    return FormTemplate(form_id, version, _freeze(spec))


def _freeze(value: Any) -> Any:
    """Templates are cached and shared: make them read-only."""
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _invalid(path: Path, problem: str) -> InvalidFormTemplate:
    return InvalidFormTemplate(f"form template {path}: {problem}", path=str(path))


def _validate(spec: Any, form_id: str, version: str, path: Path) -> None:
    if not isinstance(spec, dict):
        raise _invalid(path, "top level must be an object")
    if spec.get("form") != form_id or spec.get("version") != version:
        raise _invalid(path, "'form' and 'version' must match the file location")
    for key in ("document_title", "title", "body"):
        if key not in spec:
            raise _invalid(path, f"missing {key!r}")
    fields = values.REGISTER_FIELDS if form_id == "register" else values.DOSSIER_FIELDS
    sources = _SOURCES.get(form_id, _DOSSIER_SOURCES)
    check = _FieldChecker(path)
    check.texts(_header_texts(spec), fields)
    check.texts(_as_list(spec.get("title")) + _as_list(spec.get("subtitle")), fields)
    check.texts([spec.get("page_footer", "")], values.PAGE_FIELDS)
    if not isinstance(spec["body"], list):
        raise _invalid(path, "'body' must be a list of blocks")
    for block in spec["body"]:
        _validate_block(block, fields, sources, check, path)


def _header_texts(spec: dict) -> list[str]:
    header = spec.get("header") or {}
    lines = list(header.get("agency_lines", [])) + list(header.get("national_lines", []))
    return [line.get("text", "") if isinstance(line, dict) else line for line in lines] + [
        header.get("date_line", "")
    ]


def _validate_block(block: Any, fields, sources, check: "_FieldChecker", path: Path) -> None:
    kind = block_kind(block)
    if kind is None:
        raise _invalid(path, f"each body block needs exactly one of {BLOCK_KINDS}: {block!r}")
    if kind == "text":
        check.texts([block["text"]], fields)
    elif kind in ("table", "list"):
        source = block[kind]
        if source not in sources:
            raise _invalid(path, f"{kind} source {source!r} is not one of {sources}")
        row_fields = values.ROW_FIELDS[source]
        if kind == "table":
            columns = block.get("columns")
            if not columns or not all(isinstance(c, dict) and "value" in c for c in columns):
                raise _invalid(path, f"table {source!r} needs columns with a 'value'")
            check.texts([c["value"] for c in columns], row_fields)
            check.texts([c.get("header", "") for c in columns], fields)
        else:
            if "item" not in block:
                raise _invalid(path, f"list {source!r} needs an 'item' text")
            item_texts = [block["item"], block.get("detail", ""), block.get("number", "")]
            check.texts(item_texts, row_fields)
            check.texts([block.get("empty", "")], fields)
    elif kind == "signatures":
        for sig in block["signatures"]:
            check.texts([sig.get("title", ""), sig.get("hint", ""), sig.get("name", "")], fields)
    elif kind == "notes":
        check.texts(_as_list(block["notes"]) + [block.get("heading", "")], fields)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


class _FieldChecker:
    """Rejects placeholders that the renderer would not know how to fill."""

    def __init__(self, path: Path):
        self.path = path

    def texts(self, texts: Iterable[Any], allowed: frozenset[str]) -> None:
        for text in texts:
            if not isinstance(text, str):
                raise _invalid(self.path, f"expected text, got {text!r}")
            try:
                names = placeholders(text)
            except ValueError as exc:
                raise _invalid(self.path, f"bad placeholder in {text!r}: {exc}") from exc
            unknown = sorted(set(names) - allowed)
            if unknown:
                raise _invalid(self.path, f"unknown field(s) {unknown} in {text!r}")
