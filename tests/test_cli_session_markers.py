"""Every CLI command ends its session cleanly: it leaves no session marker behind, so the next
window start does not say "not closed properly after a power cut or crash". A process killed
from outside still leaves its marker (tests/test_startup_check.py)."""
from __future__ import annotations

import pytest

from counter_app.storage.startup_check import SESSIONS_DIR
from counter_app.workspace import open_workspace
from tests.test_cli import run, ws  # noqa: F401

COMMANDS = [
    ("settings", "show"), ("settings", "set", "rules.idle_minutes", "abc"),  # a refused value too
    ("catalog", "list"), ("calendar", "show", "2026"), ("due-date", "1.001193", "2026-12-01 09:00"),
    ("dossier", "search"), ("dossier", "show", "{code}"), ("dossier", "show", "NO-SUCH-CODE"),
    ("dossier", "set-status", "{code}", "transfer", "--to", "Tư pháp"),
    ("dossier", "correct", "{code}", "--reason", "sai tên", "--name", "Nguyễn Văn Bình"),
    ("form", "01", "{code}", "--out", "{tmp}/f.pdf"), ("audit", "verify"), ("audit", "views"), ("doctor",),
    ("users", "list"), ("sync", "status"), ("queue", "status"), ("queue", "services"), ("voice", "show"),
    ("signatures",), ("backup", "--to", "{tmp}/backup"), ("backup", "schedule"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_each_command_leaves_no_session_marker(ws, tmp_path, command):
    code = run("dossier", "receive", "--procedure", "1.001193", "--name", "Nguyễn Văn An", "--id-number",
               "001099012345", workspace=ws).stdout.strip()
    run(*(part.format(code=code, tmp=tmp_path) for part in command), workspace=ws, check=False)
    assert list((ws / SESSIONS_DIR).iterdir()) == []
    workspace = open_workspace(ws)
    try:
        assert not workspace.startup_check.unclean_shutdown
    finally:
        workspace.close()
