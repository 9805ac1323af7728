"""The log of views of citizens' personal data: each view kind appends one event in the
core (CLI and windows alike), with who/where/when and no personal data; tampering with the
log (edit, delete, reorder, cut the newest) is caught by ``counter-app audit verify``."""
from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date

import pytest

from counter_app import view_audit
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.search import SearchQuery
from counter_app.workspace import open_workspace
from tests.conftest import REPO, make_core

NAME, ID_NUMBER, PHONE = "Nguyễn Văn Bảo Mật", "037099012345", "0912345678"
COUNTER_APP = str(REPO / ".venv" / "bin" / "counter-app")


def receive(core, name=NAME, id_number=ID_NUMBER):
    return core.receive(IntakeRequest("1.004227", ApplicantInput(name=name, id_number=id_number,
                                                                  phone=PHONE))).code


def views(core, **filters):
    with core.workspace.db.read() as session:
        return list(reversed(view_audit.list_views(session, **filters)))


def officer_core(tmp_path):
    core = make_core(tmp_path / "ws")
    core.create_first_admin("admin", "Quản trị", "admin-pass-1")
    core.create_officer("mai", "Trần Thị Mai", "officer-pass-1", ["officer"])
    core.login("mai", "officer-pass-1")
    return core


@pytest.fixture
def logged_in(tmp_path):
    core = officer_core(tmp_path)
    yield core
    core.workspace.close()


def test_each_view_kind_appends_one_event_with_who_and_where(logged_in):
    core = logged_in
    code = receive(core)
    assert views(core) == []  # receiving is a state change (dossier events), not a view
    core.dossier(code)
    pdf = core.issue_form(code, "01")
    document = core.dossier(code).documents[0]
    assert core.document_bytes(document.sha256) == pdf
    core.render_register(date(2026, 12, 1), date(2026, 12, 1))
    recorded = views(core)
    assert [(v.view, v.dossier_code) for v in recorded] == [
        ("dossier_detail", code), ("form", code), ("dossier_detail", code), ("file", code), ("register", None)]
    assert recorded[1].detail == {"form": "01"} and recorded[3].detail == {"kind": "form_01"}
    first = recorded[0]
    assert (first.officer, first.roles, first.counter, first.workstation) == ("mai", ("officer",), "Quầy 1", "Máy 1")
    assert first.at == core.clock()


def test_listing_is_not_a_view_and_a_typed_search_is_one_event(logged_in):
    core = logged_in
    code = receive(core)
    receive(core, "Lê Thị Khác", "001199000111")
    assert len(core.search(SearchQuery())) == 2
    assert views(core) == []  # the plain list: no single citizen looked at
    for typed in ("0", "03", "0370", "037099012345"):  # one typing session ("0": both phones match)
        core.search(SearchQuery(text=typed))
    core.search(SearchQuery(text=""))
    core.search(SearchQuery(text="nguyen van"))
    core.search(SearchQuery(text="khong co ai"))  # nothing found: nothing seen
    core.search(SearchQuery(text=code))
    recorded = views(core)
    assert [(v.view, v.detail) for v in recorded] == [
        ("search", {"kind": "number", "results": 2}), ("search", {"kind": "name", "results": 1}),
        ("search", {"kind": "code", "results": 1})]


def test_the_log_holds_no_personal_data(logged_in):
    core = logged_in
    code = receive(core)
    core.search(SearchQuery(text=ID_NUMBER))
    core.search(SearchQuery(text="bao mat"))
    core.dossier(code)
    core.issue_form(code, "01")
    with sqlite3.connect(core.workspace.db_path) as connection:
        rows = json.dumps(connection.execute("SELECT * FROM view_events").fetchall(), ensure_ascii=False)
    assert code in rows
    for secret in (NAME, "Bảo Mật", "bao mat", ID_NUMBER, PHONE):
        assert secret not in rows


def test_cli_records_views_and_lists_them(tmp_path):
    root = tmp_path / "ws"
    core = make_core(root)
    code = receive(core)
    core.workspace.close()
    shown = subprocess.run([COUNTER_APP, "--workspace", str(root), "dossier", "show", code], capture_output=True,
                           text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    listed = subprocess.run([COUNTER_APP, "--workspace", str(root), "audit", "views", "--dossier", code, "--json"],
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    records = json.loads(listed.stdout)
    assert [(r["view"], r["dossier_code"], r["officer"]) for r in records] == [("dossier_detail", code, "")]
    assert records[0]["detail"]["os_user"]  # nobody logged in: the computer account is kept
    other = subprocess.run([COUNTER_APP, "--workspace", str(root), "audit", "views", "--officer", "mai", "--json"],
                           capture_output=True, text=True, timeout=120)
    assert json.loads(other.stdout) == []


def test_a_read_only_workspace_still_shows_dossiers(tmp_path):
    core = make_core(tmp_path / "ws")
    code = receive(core)
    core.workspace.close()
    (tmp_path / "ws").chmod(0o555)
    try:
        from counter_app.core import CounterCore

        copy = CounterCore(open_workspace(tmp_path / "ws"))
        if copy.workspace.read_only:  # root can write anywhere; then the view is simply recorded
            assert copy.dossier(code).code == code
        else:
            assert copy.dossier(code).code == code and len(views(copy)) == 1
        copy.workspace.close()
    finally:
        (tmp_path / "ws").chmod(0o755)


# -- tampering -------------------------------------------------------------------------------

def verify(root) -> tuple[int, dict]:
    result = subprocess.run([COUNTER_APP, "--workspace", str(root), "audit", "verify", "--json"],
                            capture_output=True, text=True, timeout=120)
    return result.returncode, json.loads(result.stdout)


@pytest.fixture
def logged_views(tmp_path):
    core = officer_core(tmp_path)
    code = receive(core)
    for _ in range(4):
        core.dossier(code)
    core.issue_form(code, "01")
    core.workspace.close()
    return tmp_path / "ws"


def tamper(root, *statements):
    with sqlite3.connect(root / "counter.sqlite3") as connection:
        for statement in statements:
            connection.execute(statement)


def test_intact_log_verifies(logged_views):
    code, report = verify(logged_views)
    assert code == 0 and report["intact"] and report["broken_view_events"] == []


@pytest.mark.parametrize("statements, broken", [
    (["UPDATE view_events SET officer = 'admin' WHERE id = 2"], [2]),  # who viewed: edited
    (["UPDATE view_events SET dossier_code = 'X' WHERE id = 3"], [3]),
    (["DELETE FROM view_events WHERE id = 2"], [3]),  # deleted: the next one no longer links
    # reordered: rows 2 and 3 swap their contents
    (["UPDATE view_events SET id = 100 WHERE id = 2", "UPDATE view_events SET id = 2 WHERE id = 3",
      "UPDATE view_events SET id = 3 WHERE id = 100"], [2, 3, 4]),
    (["DELETE FROM view_events WHERE id = 5"], [5]),  # the newest cut off: the head says 5
])
def test_tampering_is_reported_with_a_failing_exit(logged_views, statements, broken):
    tamper(logged_views, *statements)
    code, report = verify(logged_views)
    assert code == 1 and not report["intact"]
    assert report["broken_view_events"][:len(broken)] == broken


def test_rewriting_a_row_with_a_fresh_hash_still_breaks_the_link(logged_views):
    with sqlite3.connect(logged_views / "counter.sqlite3") as connection:
        prev = connection.execute("SELECT prev_hash FROM view_events WHERE id = 2").fetchone()[0]
    tamper(logged_views, "UPDATE view_events SET officer = 'admin' WHERE id = 2",
           f"UPDATE view_events SET hash = '{'f' * 64}' WHERE id = 2")
    assert prev  # the attacker cannot recompute later rows' prev_hash without redoing all of them
    code, report = verify(logged_views)
    assert code == 1 and report["broken_view_events"][:2] == [2, 3]


# -- the dossier screens record one view per opening -----------------------------------------

def test_opening_a_dossier_in_the_window_records_one_view(logged_in, qtbot):
    from ui.application import create_main_window
    from ui.main_window import SEARCH
    from ui.qt import QApplication, Qt

    core = logged_in
    code = receive(core)
    receive(core, "Lê Thị Khác", "001199000111")
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == SEARCH
    assert views(core) == []  # the list of every dossier is not a view of one citizen
    panel = window.dossier_list
    qtbot.keyClicks(panel.search, "bao mat")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # open the dossier
    assert window.detail.view.code == code
    recorded = views(core)
    assert [(v.view, v.dossier_code) for v in recorded] == [("search", None), ("dossier_detail", code)]
    assert recorded[1].officer == "mai" and recorded[0].detail["kind"] == "name"
