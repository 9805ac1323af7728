"""A mistyped --workspace is refused with a clear error and creates nothing; `init` (and `demo`)
are the commands that create a workspace."""
from __future__ import annotations

import pytest

from tests.test_cli import run, run_json, ws  # noqa: F401


@pytest.mark.parametrize("command", [("dossier", "search"), ("settings", "show"), ("catalog", "list"),
                                     ("queue", "status"), ("sync", "status"), ("users", "list"),
                                     ("settings", "set", "office.agency_id", "000.00.31.H41")])
def test_a_workspace_that_is_not_there_is_refused_and_not_created(ws, command):
    typo = ws.with_name(ws.name + "x")
    result = run(*command, workspace=typo, check=False)
    assert result.returncode == 1
    assert f"No workspace at {typo}" in result.stderr and "counter-app init" in result.stderr
    assert not typo.exists()


def test_init_creates_a_workspace_once(tmp_path):
    root = tmp_path / "xa-gia-vien"
    first = run_json("init", workspace=root)
    assert first == {"workspace": str(root), "created": True}
    assert run_json("dossier", "search", workspace=root) == []
    assert run_json("init", workspace=root)["created"] is False


def test_init_refuses_a_place_it_cannot_create(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("init", workspace=blocker / "ws", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
