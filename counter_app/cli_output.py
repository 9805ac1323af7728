"""Printing CLI results: JSON for scripts, short readable lines for people."""
from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time
from enum import Enum
from pathlib import PurePath


def to_jsonable(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if hasattr(value, "status_name"):
            data["status_name"] = value.status_name
        return data
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    return value


def emit(args, data, text: str | list[str]) -> int:
    """Print ``data`` as JSON with --json, else ``text``; returns exit code 0."""
    if args.json:
        print(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2))
    else:
        print(text if isinstance(text, str) else "\n".join(text))
    return 0


def dmy_hm(value: datetime | None) -> str:
    return value.strftime("%H:%M %d/%m/%Y") if value else "-"
