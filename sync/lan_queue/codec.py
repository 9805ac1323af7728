"""JSON shape of the queue's views on the wire: dataclasses as objects, dates in ISO."""
from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import lru_cache


def encode(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


@lru_cache(maxsize=None)
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def decode(kind, data):
    """Rebuild a value of type ``kind`` (a dataclass, ``X | None``, ``tuple[X, ...]``, …)."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        if len(options) == 1:
            return decode(options[0], data)
        return data  # e.g. ``int | str``: JSON keeps the type
    if origin in (tuple, list):
        args = typing.get_args(kind)
        item = args[0] if args else typing.Any
        items = [decode(item, v) for v in data]
        return tuple(items) if origin is tuple else items
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        known = {f.name for f in dataclasses.fields(kind) if f.init}
        return kind(**{name: decode(hints[name], value) for name, value in data.items() if name in known})
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is date:
        return date.fromisoformat(data)
    return data
