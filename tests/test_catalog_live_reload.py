"""A catalogue version (and a holiday calendar) brought by the sync pull is used by the app
that is already open: the same core, and the intake screen's procedure list, without restart."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

from counter_app.catalog.national_json import dump_national_json
from sync.testing.counters import make_worker
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import BIRTH, LAND, make_core
from ui.application import create_main_window
from ui.intake_wizard import PROCEDURE
from ui.qt import QApplication, Qt, QTest

MARRIAGE = replace(LAND, code="1.000894", name="Đăng ký kết hôn", field="Hộ tịch")


def publish(server, tmp_path, kind: str, name: str, content) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    done = server.admin(f"publish-{kind}", str(path))
    assert done.returncode == 0, done.stderr


def test_the_open_core_serves_the_pulled_catalogue_and_calendar(tmp_path, server):
    core = make_core(tmp_path / "ws")
    assert core.find_procedures("ket hon") == []
    assert core.scheduler().calendar.is_working_day(date(2027, 1, 4))  # a Monday
    before = core.due_date(LAND.code, datetime(2026, 12, 31, 9, 0))
    version = core.catalogue_version()

    renamed = replace(BIRTH, name="Đăng ký khai sinh (thủ tục mới)")
    publish(server, tmp_path, "catalog", "catalog-v2.json", dump_national_json([renamed, LAND, MARRIAGE]))
    publish(server, tmp_path, "calendar", "lich-2027.json", {"year": 2027, "overrides": [
        {"date": "2027-01-04", "kind": "off", "name": "Nghỉ bù Tết Dương lịch"}]})
    assert make_worker(core, server.url).run_once().ok  # the pull, in the same process and workspace

    assert core.catalogue_version() != version
    assert [p.code for p in core.find_procedures("ket hon")] == [MARRIAGE.code]
    assert core.procedure(BIRTH.code).name == renamed.name
    assert {p.code: p.name for p in core.procedures()}[BIRTH.code] == renamed.name
    assert not core.scheduler().calendar.is_working_day(date(2027, 1, 4))
    # LAND takes 10 working days: the new day off pushes the appointment one working day later.
    after = core.due_date(LAND.code, datetime(2026, 12, 31, 9, 0))
    assert after > before
    core.workspace.close()


def test_an_unchanged_catalogue_is_not_rebuilt(tmp_path):
    core = make_core(tmp_path / "ws")
    first = core.procedures()
    assert core.find_procedures("")  # answered from the same cached list
    assert core.procedures()[0] is first[0]  # same objects: nothing was reloaded
    core.import_procedures([MARRIAGE], source="tests")
    assert core.procedures()[0] is not first[0]
    core.workspace.close()


def test_the_intake_picker_shows_a_pulled_procedure_in_the_same_window(tmp_path, server, qtbot):
    core = make_core(tmp_path / "ws")
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    wizard = window.intake
    qtbot.waitUntil(lambda: wizard.catalogue_ready, timeout=10_000)
    assert wizard.current == PROCEDURE
    wizard.catalogue_watch.timer.setInterval(50)  # the test need not wait the usual few seconds
    page = wizard.procedure_page
    page.search.setFocus()
    QTest.keyClicks(page.search, "ho tich")
    assert [spec.code for spec in page._shown] == [BIRTH.code]

    publish(server, tmp_path, "catalog", "catalog-v2.json", dump_national_json([BIRTH, LAND, MARRIAGE]))
    assert make_worker(core, server.url).run_once().ok
    # Nobody types: the open list gains the new procedure, the chosen row stays chosen.
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    shown = {page.table.item(row, 0).text() for row in range(page.table.rowCount())}
    assert shown == {BIRTH.code, MARRIAGE.code}
    assert page.current().code == BIRTH.code
    # And it can be received at once: Enter goes on with the chosen procedure.
    QTest.keyClicks(page.search, " ket hon")  # narrows to the new one
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.current().code == MARRIAGE.code
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert wizard.draft.procedure.code == MARRIAGE.code
    window.close()
    core.workspace.close()
