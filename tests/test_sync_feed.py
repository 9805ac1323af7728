"""Change feed: catalogue versions and holiday calendars published by the province."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from sqlalchemy import select

import composition_root

from counter_app.catalog.national_json import dump_national_json
from counter_app.core import CounterCore
from counter_app.errors import InvalidInput
from counter_app.storage.models import Procedure
from sync.state import load_state
from sync.testing.counters import make_worker, server_rows
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import BIRTH, LAND, make_core

MARRIAGE = replace(LAND, code="1.000894", name="Đăng ký kết hôn", field="Hộ tịch")


def state_of(core):
    with core.workspace.db.read() as session:
        return load_state(session)


def versions(core) -> dict[str, tuple[int, str]]:
    with core.workspace.db.read() as session:
        return {p.code: (p.version, p.name) for p in session.scalars(select(Procedure).where(Procedure.is_current))}


def publish(server, tmp_path, kind: str, name: str, content) -> dict:
    path = tmp_path / name
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    done = server.admin(f"publish-{kind}", str(path), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_catalogue_version_is_applied_with_a_visible_diff_and_the_cursor(tmp_path, server, capsys):
    core = make_core(tmp_path / "ws")
    renamed = replace(BIRTH, name="Đăng ký khai sinh (thủ tục mới)")
    published = publish(server, tmp_path, "catalog", "catalog-v1.json", dump_national_json([renamed, LAND, MARRIAGE]))
    assert (published["kind"], published["version"], published["procedures"]) == ("catalog.version", 1, 3)
    worker = make_worker(core, server.url)
    assert worker.run_once().ok
    [diff] = state_of(core).catalog_updates
    assert (diff["version"], diff["source"]) == (1, "catalog-v1.json")
    assert (diff["added"], diff["new_versions"], diff["unchanged"]) == (["1.000894"], ["1.001193"], 1)
    assert "error" not in diff
    assert state_of(core).cursor == published["change_id"]
    assert versions(core) == {"1.001193": (2, "Đăng ký khai sinh (thủ tục mới)"), "1.004227": (1, LAND.name),
                              "1.000894": (1, "Đăng ký kết hôn")}
    # A fresh core (what the app sees after a restart) offers the new procedure for intake.
    reopened = CounterCore(core.workspace)
    assert {p.code for p in reopened.procedures()} == {"1.001193", "1.004227", "1.000894"}
    # The diff is visible to the officer / support: `counter-app sync status`.
    capsys.readouterr()
    assert composition_root.main(["sync", "status", "--workspace", str(tmp_path / "ws")]) == 0
    assert "Catalogue v1 (catalog-v1.json): added 1.000894; new versions 1.001193; unchanged 1" in capsys.readouterr().out
    # The same round again applies nothing twice.
    assert worker.run_once().ok
    assert len(state_of(core).catalog_updates) == 1 and versions(core)["1.001193"][0] == 2
    core.workspace.close()


def test_a_failed_store_moves_neither_catalogue_nor_cursor(tmp_path, server):
    core = make_core(tmp_path / "ws")
    publish(server, tmp_path, "catalog", "v1.json", dump_national_json([MARRIAGE]))

    def crash(point: str) -> None:
        if point == "stored":  # inside the transaction, after the catalogue was imported
            raise InvalidInput("simulated failure before commit")

    report = make_worker(core, server.url, hook=crash).run_once()
    assert not report.ok and "simulated" in report.error
    assert "1.000894" not in versions(core) and state_of(core).cursor == 0 and state_of(core).catalog_updates == []
    assert make_worker(core, server.url).run_once().ok
    assert versions(core)["1.000894"] == (1, "Đăng ký kết hôn")
    core.workspace.close()


def test_calendar_overrides_reach_every_counter_and_change_working_days(tmp_path, server):
    counters = [make_core(tmp_path / "ws1"), make_core(tmp_path / "ws2", slot=2)]
    overrides = {"year": 2027, "overrides": [
        {"date": "2027-01-04", "kind": "off", "name": "Nghỉ bù Tết Dương lịch"},
        {"date": "2027-01-09", "kind": "work", "name": "Làm bù"}]}
    published = publish(server, tmp_path, "calendar", "lich-2027.json", overrides)
    assert (published["kind"], published["count"]) == ("calendar.overrides", 2)
    for core in counters:
        assert make_worker(core, server.url).run_once().ok
        [applied] = state_of(core).calendar_updates
        assert (applied["source"], applied["overrides"]) == ("lich-2027.json", 2)
        calendar = CounterCore(core.workspace).scheduler().calendar  # a fresh core: no cached calendar
        assert not calendar.is_working_day(date(2027, 1, 4))  # a Monday, now a day off
        assert calendar.is_working_day(date(2027, 1, 9))  # a Saturday, now a working day
        core.workspace.close()


def test_a_file_the_counters_could_not_read_is_never_published(tmp_path, server):
    bad = tmp_path / "broken.json"
    bad.write_text('{"data": [{"MaTTHC": ', encoding="utf-8")
    done = server.admin("publish-catalog", str(bad))
    assert done.returncode != 0 and "broken.json" in done.stderr
    missing = server.admin("publish-calendar", str(tmp_path / "nope.json"))
    assert missing.returncode != 0 and "nope.json" in missing.stderr
    assert server_rows(server.db_url, "SELECT count(*) FROM changes") == [(0,)]
