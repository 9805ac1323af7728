"""Helpers the property-based fuzz tests share."""
from __future__ import annotations


def paths(node, prefix=()):
    """Every place in a JSON tree (object keys and list indexes), the root first."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, prefix + (index,))
