"""After a power cut or kill -9 the next start says so, checks the database and removes
half-written files; a clean close or a second window open at the same time does not
count as a crash."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from counter_app.storage.startup_check import SESSIONS_DIR
from counter_app.workspace import open_workspace
from tests.conftest import REPO, make_core

# A counter that saves a dossier, is half-way through writing a file, and loses power.
CRASHING_COUNTER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
    from tests.conftest import NOW, make_core
    core = make_core(Path({root!r}))
    core.receive(IntakeRequest("1.004227", ApplicantInput(name="Nguyễn Văn An", id_number="001099012345"),
                               received_at=NOW))
    part = core.workspace.files.root / "ab" / "cd" / ".incoming-cut.part"
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_bytes(b"half a scan")
    os.kill(os.getpid(), signal.SIGKILL)
""")

# A second window on the same workspace, still running while the first one starts.
RUNNING_COUNTER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from counter_app.workspace import open_workspace
    workspace = open_workspace(Path({root!r}))
    print("open", flush=True)
    sys.stdin.readline()
    workspace.close()
""")


def crash_a_counter(root) -> None:
    process = subprocess.run([sys.executable, "-c", CRASHING_COUNTER.format(repo=str(REPO), root=str(root))],
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == -9, process.stderr  # killed, not a clean exit


def test_a_start_after_a_crash_checks_the_database_and_removes_half_written_files(tmp_path):
    root = tmp_path / "ws"
    crash_a_counter(root)
    workspace = open_workspace(root)
    try:
        check = workspace.startup_check
        assert check.unclean_shutdown and check.database_ok and check.incomplete_files_removed == 1
        assert not list(workspace.files.root.glob("??/??/.incoming-*"))
        assert "did not end normally" in check.summary()
        from counter_app.search import SearchQuery
        from counter_app.core import CounterCore

        found = CounterCore(workspace).search(SearchQuery(text="001099012345"))
        assert [d.applicant_name for d in found] == ["Nguyễn Văn An"]  # saved before the power cut
    finally:
        workspace.close()
    again = open_workspace(root)  # closed properly this time: nothing to report
    assert not again.startup_check.unclean_shutdown
    again.close()
    assert not list((root / SESSIONS_DIR).iterdir())


def test_a_damaged_database_after_a_crash_is_reported(tmp_path):
    root = tmp_path / "ws"
    crash_a_counter(root)
    database = root / "counter.sqlite3"
    open_workspace(root).close()  # folds the WAL in, so the damage below lands in the tables
    crash_marker = root / SESSIONS_DIR / "4242-deadbeef"
    crash_marker.write_bytes(b"")  # as a killed process leaves it
    data = bytearray(database.read_bytes())
    page = 4096
    start = data.index("Nguyễn Văn An".encode()) // page * page  # the dossiers table's page
    data[start:start + 12] = b"\x0d\xff\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00"  # its header, scribbled
    database.write_bytes(bytes(data))
    workspace = open_workspace(root)
    try:
        check = workspace.startup_check
        assert check.unclean_shutdown and not check.database_ok and check.database_problems
    finally:
        workspace.close()


def test_another_window_still_open_is_not_a_crash(tmp_path):
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    other = subprocess.Popen([sys.executable, "-c", RUNNING_COUNTER.format(repo=str(REPO), root=str(root))],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "open"
        workspace = open_workspace(root)
        assert not workspace.startup_check.unclean_shutdown  # its marker is held: it is alive
        assert len(list((root / SESSIONS_DIR).iterdir())) == 2
        workspace.close()
    finally:
        other.communicate("\n", timeout=60)
    assert other.returncode == 0
    assert not list((root / SESSIONS_DIR).iterdir())


def test_the_counter_window_tells_the_officer_what_the_start_repaired(tmp_path, qtbot):
    from counter_app.core import CounterCore
    from ui.main_window import MainWindow

    root = tmp_path / "ws"
    crash_a_counter(root)
    core = CounterCore(open_workspace(root))
    try:
        window = MainWindow(core, synchronous=True)
        qtbot.addWidget(window)
        assert window.intake.banner.kind == "info"
        text = window.intake.banner.text()
        assert "not closed properly" in text and "1 half-written" in text
    finally:
        core.workspace.close()


def test_a_database_damaged_beyond_opening_gives_a_clear_error_and_is_left_as_it_was(tmp_path):
    import pytest

    from counter_app.errors import WorkspaceError

    root = tmp_path / "ws"
    make_core(root).workspace.close()
    database = root / "counter.sqlite3"
    data = bytearray(database.read_bytes())
    data[16:24] = b"\xff" * 8  # page size and format bytes of the header
    database.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError, match="damaged"):
        open_workspace(root)
    assert database.read_bytes() == bytes(data)  # nothing written over it: a backup or expert can still help
