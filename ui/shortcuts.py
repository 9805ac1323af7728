"""Keyboard shortcuts made in one way, so the help (F1) lists them from their own definitions
and cannot drift from what the keys do."""
from __future__ import annotations

import re

from ui.qt import QAction, QKeySequence, QShortcut, Qt, QWidget

_KEYS_IN_TEXT = re.compile(r"\s*\([^()]*\)\s*$")  # "Gọi tiếp (F2)": the keys are shown in their own column


def bind_key(widget: QWidget, keys: str, slot, what: str,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QShortcut:
    """A shortcut on ``widget`` and its children, described by ``what`` for the help."""
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(context)
    shortcut.setWhatsThis(what)
    shortcut.activated.connect(slot)
    return shortcut


def _plain(text: str) -> str:
    return _KEYS_IN_TEXT.sub("", text.replace("&&", "\0").replace("&", "").replace("\0", "&")).rstrip("…").strip()


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action and described shortcut of ``window``, in key order."""
    rows: dict[str, list[str]] = {}
    actions = {*window.actions(), *window.findChildren(QAction)}
    found = [(a.shortcut(), _plain(a.text())) for a in actions if not a.shortcut().isEmpty() and a.text()]
    found += [(s.key(), s.whatsThis()) for s in window.findChildren(QShortcut) if s.whatsThis()]
    for sequence, what in found:
        keys = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if what not in rows.setdefault(keys, []):
            rows[keys].append(what)
    return sorted(((keys, " / ".join(whats)) for keys, whats in rows.items()), key=lambda row: (len(row[0]), row[0]))
