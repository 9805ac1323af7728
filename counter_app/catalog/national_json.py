"""Procedure records shaped like the national TTHC catalogue's ``LayThuTuc`` answer.

The service answers ``{"result": [record, ...]}`` (some provincial gateways wrap it in
``{"data": ...}`` or a JSON string under ``"message"``); keys are upper-case Vietnamese
without diacritics and are matched case-insensitively here. Fields read::

    MATTHC, TENTTHC                      code ("1.001193", an instance suffix
                                         ".000.00.00.H38" is split off), name
    LINHVUCTHUCHIEN [{MALINHVUC, TENLINHVUC}]
    CAPTHUCHIEN [{CAPTHUCHIEN: "3"}]     0 ministry, 1 province, 2 district, 3 commune
    COQUANTHUCHIEN [{MADONVI, TENDONVI}]
    CACHTHUCTHUCHIEN [{KENH: 1|2|3, THOIGIAN: [{THOIGIANGIAIQUYET, DONVITINH, MOTA,
                      PHILEPHI: [{MAPHILEPHI, SOTIEN, DONVI, MOTA, URL}]}]}]
    THANHPHANHOSO [{TRUONGHOP, GIAYTO: [{MAGIAYTO, TENGIAYTO, SOBANCHINH, SOBANSAO,
                    TENMAUDON, URL}]}]
    KETQUATHUCHIEN [{MAKETQUA, TENKETQUA}], CANCUPHAPLY [{SOVANBAN, TENVANBAN}]

Our export adds what the service leaves implicit (absent keys keep service defaults):
GIOCHOTTIEPNHAN ("15:00"; else read from a "sau 15 giờ" time note), NGAYHIEULUC,
NGAYHETHIEULUC (ISO dates), PHIENBAN, GhiChu, and per paper LOAIBAN, SOLUONG, BATBUOC, GHICHU.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import CatalogFormatError
from .model import ComponentSpec, CopyKind, Fee, ProcedureSpec, ProcessingTime, TimeUnit
from .values import (
    COPY_KIND_LABELS, LEVEL_LABELS, UNIT_LABELS, convert_cell, duplicate_codes, fold, infer_cutoff,
    parse_amount, parse_bool, parse_channel, parse_code, parse_copy_kind, parse_count, parse_cutoff,
    parse_date, parse_money, parse_unit, raise_if_problems, text,
)

# ---------------------------------------------------------------- reading

class _Record:
    """One raw record; reports problems as "record #i (code), field PATH: problem"."""

    def __init__(self, where: str, problems: list[str]):
        self.where, self.problems = where, problems

    def fail(self, path: str, problem: str) -> None:
        self.problems.append(f"{self.where}, field {path}: {problem}")

    def get(self, obj: dict, key: str, path: str, convert, default=None):
        return convert_cell(obj.get(key), convert, lambda problem: self.fail(path + key, problem), default)

    def objects(self, obj: dict, key: str, path: str) -> list[tuple[str, dict]]:
        raw = obj.get(key)
        if raw is None or raw == "":
            return []
        if isinstance(raw, dict):
            raw = [raw]
        if not isinstance(raw, list):
            self.fail(path + key, f"expected a list, got {type(raw).__name__}")
            return []
        items = []
        for i, item in enumerate(raw):
            if isinstance(item, dict):
                items.append((f"{path}{key}[{i}].", _upper(item)))
            else:
                self.fail(f"{path}{key}[{i}]", f"expected an object, got {type(item).__name__}")
        return items


def _label(value) -> str:
    """Codes and versions may arrive as numbers (3, 2) where text is meant."""
    return text(str(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else text(value)


def _upper(obj: dict) -> dict:
    return {str(k).upper(): v for k, v in obj.items()}


def _parse_record(raw, index: int, problems: list[str]) -> ProcedureSpec | None:
    if not isinstance(raw, dict):
        problems.append(f"record #{index}: expected an object, got {type(raw).__name__}")
        return None
    rec, before = _upper(raw), len(problems)
    probe = rec.get("MATTHC")
    r = _Record(f"record #{index}" + (f" ({probe})" if isinstance(probe, str) and probe.strip() else ""), problems)
    code, instance = r.get(rec, "MATTHC", "", parse_code, ("", ""))
    name = r.get(rec, "TENTTHC", "", text, "")
    for key in ("MATTHC", "TENTTHC"):
        if rec.get(key) is None or (isinstance(rec[key], str) and not rec[key].strip()):
            r.fail(key, "missing")
    fields = r.objects(rec, "LINHVUCTHUCHIEN", "")
    levels = [r.get(o, "CAPTHUCHIEN", p, _label, "") for p, o in r.objects(rec, "CAPTHUCHIEN", "")] \
        if isinstance(rec.get("CAPTHUCHIEN"), (list, dict)) else [r.get(rec, "CAPTHUCHIEN", "", _label, "")]
    times, fees, notes = _channels(r, rec)
    explicit_cutoff = "GIOCHOTTIEPNHAN" in rec
    start, end = r.get(rec, "NGAYHIEULUC", "", parse_date), r.get(rec, "NGAYHETHIEULUC", "", parse_date)
    if start and end and end < start:
        r.fail("NGAYHETHIEULUC", f"{end} is before NGAYHIEULUC {start}")
    extra = {"version": r.get(rec, "PHIENBAN", "", _label, ""), "note": r.get(rec, "GHICHU", "", text, ""),
             "field_code": fields and r.get(fields[0][1], "MALINHVUC", fields[0][0], _label, ""),
             "instance_code": instance and f"{code}.{instance}"}
    spec = ProcedureSpec(
        code=code, name=name,
        field="; ".join(filter(None, (r.get(o, "TENLINHVUC", p, text, "") for p, o in fields))),
        level=", ".join(LEVEL_LABELS.get(v, v) for v in levels if v),
        receiving_agency="; ".join(filter(None, (r.get(o, "TENDONVI", p, text, "")
                                                 for p, o in r.objects(rec, "COQUANTHUCHIEN", "")))),
        processing_times=tuple(times), fees=tuple(fees), components=_components(r, rec),
        results=tuple(filter(None, (r.get(o, "TENKETQUA", p, text, "")
                                    for p, o in r.objects(rec, "KETQUATHUCHIEN", "")))),
        legal_basis=tuple(filter(None, (_legal(r, p, o) for p, o in r.objects(rec, "CANCUPHAPLY", "")))),
        cutoff=r.get(rec, "GIOCHOTTIEPNHAN", "", parse_cutoff) if explicit_cutoff else infer_cutoff(notes),
        effective_from=start, effective_to=end, extra={k: v for k, v in extra.items() if v},
    )
    return spec if len(problems) == before else None


def _channels(r: _Record, rec: dict):
    times, fees, notes = [], [], []
    for path, way in r.objects(rec, "CACHTHUCTHUCHIEN", ""):
        channel = r.get(way, "KENH", path, parse_channel)
        if channel is None:
            if way.get("KENH") in (None, ""):
                r.fail(path + "KENH", "missing")
            continue
        for tpath, slot in r.objects(way, "THOIGIAN", path):
            note = r.get(slot, "MOTA", tpath, text, "")
            notes.append(note)
            amount = r.get(slot, "THOIGIANGIAIQUYET", tpath, parse_amount)
            unit = r.get(slot, "DONVITINH", tpath, parse_unit, TimeUnit.WORKING_DAYS)
            if amount is not None:
                times.append(ProcessingTime(channel, amount, unit, note))
            for fpath, fee in r.objects(slot, "PHILEPHI", tpath):
                currency = fold(fee.get("DONVI") or "dong")
                if currency not in ("dong", "vnd", "d", "vn d"):
                    continue  # USD fees are charged by embassies, never at a commune counter
                amount_vnd = r.get(fee, "SOTIEN", fpath, parse_money, 0)
                fees.append(Fee(channel, amount_vnd, r.get(fee, "MOTA", fpath, text, "")))
    return times, fees, notes


def _components(r: _Record, rec: dict) -> tuple[ComponentSpec, ...]:
    found: dict[str, ComponentSpec] = {}
    for gpath, group in r.objects(rec, "THANHPHANHOSO", ""):
        for path, doc in r.objects(group, "GIAYTO", gpath):
            code = r.get(doc, "MAGIAYTO", path, _label, "") or f"TP{len(found) + 1}"
            name = r.get(doc, "TENGIAYTO", path, text, "")
            if not name:
                r.fail(path + "TENGIAYTO", "missing")
            originals = r.get(doc, "SOBANCHINH", path, parse_count, 0)
            copies = r.get(doc, "SOBANSAO", path, parse_count, 0)
            kind = r.get(doc, "LOAIBAN", path, parse_copy_kind) or _kind_from_counts(originals, copies)
            count = r.get(doc, "SOLUONG", path, parse_count) or max(originals, copies, 1)
            found.setdefault(code, ComponentSpec(  # one paper listed under several cases is one paper
                code, name, kind, count, r.get(doc, "BATBUOC", path, parse_bool, True),
                r.get(doc, "TENMAUDON", path, text) or None, r.get(doc, "GHICHU", path, text, "")))
    return tuple(found.values())


def _kind_from_counts(originals: int, copies: int) -> CopyKind:
    if originals and copies:
        return CopyKind.ORIGINAL_OR_COPY
    if copies:
        return CopyKind.COPY
    return CopyKind.ORIGINAL if originals else CopyKind.PRESENT_ORIGINAL


def _legal(r: _Record, path: str, obj: dict) -> str:
    number = r.get(obj, "SOVANBAN", path, _label, "")
    title = r.get(obj, "TENVANBAN", path, text, "")
    return f"{title} ({number})" if number and title else number or title


def _load_source(source):
    if isinstance(source, (dict, list)):
        return source, "catalogue"
    if isinstance(source, bytes) or (isinstance(source, str) and source.lstrip()[:1] in ("{", "[")):
        raw, name = source, "catalogue"
    else:
        name = str(source)
        try:
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise CatalogFormatError(f"{name}: cannot read file: {exc.strerror or exc}") from exc
    try:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8-sig")
        return json.loads(raw), name
    except UnicodeDecodeError as exc:
        raise CatalogFormatError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise CatalogFormatError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from exc
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits, nesting beyond any catalogue
        raise CatalogFormatError(f"{name}: not a usable JSON catalogue ({type(exc).__name__})") from None


def _unwrap(data, name: str) -> list:
    for _ in range(4):  # {"data": {"result": [...]}}, {"message": "<json>"} ...
        if isinstance(data, list):
            return data
        if not isinstance(data, dict) or "MATTHC" in _upper(data):
            break
        inner = _upper(data)
        key = next((k for k in ("RESULT", "DATA", "ITEMS", "MESSAGE") if inner.get(k) not in (None, "")), None)
        if key is None:
            break
        data = inner[key]
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
                raise CatalogFormatError(f"{name}: '{key.lower()}' holds no JSON catalogue") from None
    if isinstance(data, dict) and "MATTHC" in _upper(data):
        return [data]
    raise CatalogFormatError(f"{name}: expected a procedure record, a list of them or {{\"data\": [...]}}")


def load_national_json(source) -> list[ProcedureSpec]:
    """Parse a file path, JSON text/bytes or already-decoded data; all or nothing."""
    data, name = _load_source(source)
    records = _unwrap(data, name)
    if not records:
        raise CatalogFormatError(f"{name}: contains no procedures")
    problems: list[str] = []
    specs = [_parse_record(raw, i, problems) for i, raw in enumerate(records, 1)]
    if not problems:
        problems = duplicate_codes(specs, lambda i: f"record #{i}")
    raise_if_problems(problems, name)
    return specs


# ---------------------------------------------------------------- writing

def dump_national_json(specs) -> list[dict]:
    """Records in the shape above; ``load_national_json`` reads them back unchanged."""
    return [_dump_spec(spec) for spec in specs]


def _dump_spec(spec: ProcedureSpec) -> dict:
    extra = spec.extra or {}
    record = {
        "MATTHC": extra.get("instance_code") or spec.code, "TENTTHC": spec.name,
        "LINHVUCTHUCHIEN": [{"MALINHVUC": extra.get("field_code", ""), "TENLINHVUC": spec.field}] if spec.field else [],
        "CAPTHUCHIEN": _dump_level(spec.level),
        "COQUANTHUCHIEN": [{"MADONVI": "", "TENDONVI": spec.receiving_agency}] if spec.receiving_agency else [],
        "CACHTHUCTHUCHIEN": _dump_channels(spec),
        "THANHPHANHOSO": [{"TRUONGHOP": "", "GIAYTO": [_dump_component(c) for c in spec.components]}]
        if spec.components else [],
        "KETQUATHUCHIEN": [{"MAKETQUA": "", "TENKETQUA": result} for result in spec.results],
        "CANCUPHAPLY": [_dump_legal(item) for item in spec.legal_basis],
        # Written even when empty, so a reader does not guess a cutoff from the time notes.
        "GIOCHOTTIEPNHAN": spec.cutoff.strftime("%H:%M") if spec.cutoff else "",
        "NGAYHIEULUC": spec.effective_from.isoformat() if spec.effective_from else "",
        "NGAYHETHIEULUC": spec.effective_to.isoformat() if spec.effective_to else "",
    }
    if extra.get("version"):
        record["PHIENBAN"] = extra["version"]
    if extra.get("note"):
        record["GhiChu"] = extra["note"]
    return record


def _dump_level(level: str) -> list | str:
    codes = {fold(label): code for code, label in LEVEL_LABELS.items()}
    parts = [fold(part) for part in level.split(",") if part.strip()]
    if parts and all(part in codes for part in parts):
        return [{"CAPTHUCHIEN": codes[part]} for part in parts]
    return level


def _dump_channels(spec: ProcedureSpec) -> list[dict]:
    channels = list(dict.fromkeys([t.channel for t in spec.processing_times] + [f.channel for f in spec.fees]))
    ways = []
    for channel in channels:
        slots = [{"THOIGIANGIAIQUYET": _number(t.amount), "DONVITINH": UNIT_LABELS[t.unit], "MOTA": t.note,
                  "PHILEPHI": []} for t in spec.processing_times if t.channel == channel] or [{"PHILEPHI": []}]
        slots[0]["PHILEPHI"] = [{"MAPHILEPHI": "", "SOTIEN": f.amount_vnd, "DONVI": "Đồng", "MOTA": f.description}
                                for f in spec.fees if f.channel == channel]
        ways.append({"KENH": str(int(channel)), "THOIGIAN": slots})
    return ways


def _number(amount: float) -> int | float:
    return int(amount) if float(amount).is_integer() else amount


def _dump_component(component: ComponentSpec) -> dict:
    count, kind = component.count, component.copy_kind
    originals = count if kind in (CopyKind.ORIGINAL, CopyKind.ORIGINAL_OR_COPY) else 0
    copies = count if kind in (CopyKind.COPY, CopyKind.CERTIFIED_COPY, CopyKind.ORIGINAL_OR_COPY) else 0
    return {"MAGIAYTO": component.code, "TENGIAYTO": component.name, "SOBANCHINH": originals, "SOBANSAO": copies,
            "LOAIBAN": COPY_KIND_LABELS[kind], "SOLUONG": count, "BATBUOC": component.mandatory,
            "TENMAUDON": component.form_name or "", "URL": "", "GHICHU": component.note}


def _dump_legal(item: str) -> dict:
    match = re.fullmatch(r"(.*\S)\s+\(([^()]*/[^()]*)\)", item)  # "Luật Hộ tịch (60/2014/QH13)"
    return {"SOVANBAN": match.group(2), "TENVANBAN": match.group(1)} if match else {"SOVANBAN": "", "TENVANBAN": item}
