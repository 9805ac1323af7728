"""Bad input on the command line gets a clear error, exit 1 or 2, no traceback, and changes
nothing; the workspace database is readable by its owner only."""
from __future__ import annotations

import stat

import pytest

from tests.test_cli import run, run_json, ws  # noqa: F401


@pytest.mark.parametrize("args, needle", [
    (("calendar", "show", "99999"), "between 1900 and 2199"),
    (("calendar", "show", "0"), "between 1900 and 2199"),
    (("calendar", "show", "-5"), "between 1900 and 2199"),
    (("calendar", "show", "abc"), "four digits"),
    (("dossier", "search", "x", "--to", "31/12/9999"), "between 1900 and 2199"),
    (("dossier", "search", "--from", "01/01/0001"), "between 1900 and 2199"),
    (("due-date", "1.001193", "9999-12-31 23:00"), "between 1900 and 2199"),
])
def test_out_of_range_years_and_dates_are_refused_without_a_traceback(ws, args, needle):
    result = run(*args, workspace=ws, check=False)
    assert result.returncode in (1, 2) and needle in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_form_to_a_folder_that_cannot_be_written_is_neither_made_nor_stored(ws, tmp_path):
    code = run("dossier", "receive", "--procedure", "1.001193", "--name", "Nguyễn Văn An", "--id-number",
               "001099012345", workspace=ws).stdout.strip()
    result = run("form", "01", code, "--out", tmp_path / "no-such-folder" / "f.pdf", workspace=ws, check=False)
    assert result.returncode == 1 and "Nothing was made or stored" in result.stderr
    assert not [d for d in run_json("dossier", "show", code, workspace=ws)["documents"] if d["kind"] == "form_01"]


def test_the_database_is_owner_only_when_created_and_when_opened_again(tmp_path):
    root = tmp_path / "ws"
    run("init", workspace=root)
    database = root / "counter.sqlite3"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    database.chmod(0o644)  # a workspace made by an older version
    run("dossier", "search", workspace=root)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    for sidecar in root.glob("counter.sqlite3-*"):
        assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600, sidecar
