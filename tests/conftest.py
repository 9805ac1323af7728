"""Shared fixtures: a real workspace (SQLite file + file store) with a small catalogue."""
from __future__ import annotations

import os
import sys
from datetime import datetime, time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counter_app.catalog.model import (  # noqa: E402
    Channel,
    ComponentSpec,
    CopyKind,
    Fee,
    ProcedureSpec,
    ProcessingTime,
    TimeUnit,
)
from counter_app.core import CounterCore  # noqa: E402
from counter_app.settings import Settings  # noqa: E402
from counter_app.workspace import open_workspace  # noqa: E402
from tests.pg_cluster import pg_cluster  # noqa: E402,F401 (one private PostgreSQL per test session)

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 12, 1, 17, 0)  # the tests' "now": after every reception they make

BIRTH = ProcedureSpec(
    code="1.001193",
    name="Đăng ký khai sinh",
    field="Hộ tịch",
    level="Cấp xã",
    receiving_agency="UBND cấp xã",
    processing_times=(ProcessingTime(Channel.DIRECT, 0, TimeUnit.WORKING_DAYS),),
    fees=(Fee(Channel.DIRECT, 0, "Miễn lệ phí đăng ký khai sinh đúng hạn"),),
    components=(
        ComponentSpec("TP1", "Tờ khai đăng ký khai sinh", CopyKind.ORIGINAL, 1, True, "Mẫu tờ khai khai sinh"),
        ComponentSpec("TP2", "Giấy chứng sinh", CopyKind.ORIGINAL, 1, True),
        ComponentSpec("TP3", "Giấy tờ chứng minh nơi cư trú", CopyKind.PRESENT_ORIGINAL, 1, False),
    ),
    results=("Giấy khai sinh",),
    legal_basis=("Luật Hộ tịch 2014",),
    cutoff=time(15, 0),
)
LAND = ProcedureSpec(
    code="1.004227",
    name="Đăng ký biến động quyền sử dụng đất",
    field="Đất đai",
    processing_times=(ProcessingTime(Channel.DIRECT, 10, TimeUnit.WORKING_DAYS),
                      ProcessingTime(Channel.ONLINE, 8, TimeUnit.WORKING_DAYS)),
    components=(
        ComponentSpec("TP1", "Đơn đăng ký biến động", CopyKind.ORIGINAL),
        ComponentSpec("TP2", "Giấy chứng nhận quyền sử dụng đất", CopyKind.ORIGINAL),
        ComponentSpec("TP3", "Hợp đồng chuyển nhượng", CopyKind.CERTIFIED_COPY, 2),
    ),
)
SAMPLE_PROCEDURES = [BIRTH, LAND]


def make_settings(slot: int = 1) -> Settings:
    settings = Settings()
    settings.office.agency_id = "000.00.31.H41"
    settings.office.agency_name = "UBND phường Hoa Lư"
    settings.office.parent_name = "UBND TỈNH NINH BÌNH"
    settings.office.place_name = "Hoa Lư"
    settings.workstation.slot = slot
    settings.workstation.name = f"Máy {slot}"
    settings.workstation.counter_label = f"Quầy {slot}"
    settings.workstation.officer_name = "Trần Thị Mai"
    return settings


def make_core(root: Path, *, slot: int = 1, clock=lambda: NOW) -> CounterCore:
    core = CounterCore(open_workspace(root), clock=clock)
    core.save_settings(make_settings(slot))
    core.import_procedures(SAMPLE_PROCEDURES, source="tests", allow_unchanged=True)
    return core


@pytest.fixture
def core(tmp_path):
    core = make_core(tmp_path / "ws")
    yield core
    core.workspace.close()


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a failing test here: the test command installs and starts what
    every test needs, so a skip can only mean something is missing."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and session.exitstatus == 0:
        reporter.write_sep("=", f"{len(skipped)} test(s) skipped: failing the run", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A test that switched the interface to Vietnamese must not change the next test's texts
    or locale (date parsing): every test starts in English unless it installs a language."""
    yield
    i18n = sys.modules.get("ui.i18n")
    qt = sys.modules.get("PySide6.QtCore")
    if i18n is not None and qt is not None and qt.QCoreApplication.instance() is not None:
        i18n.install("en")
        widgets = sys.modules["PySide6.QtWidgets"]
        for window in widgets.QApplication.topLevelWidgets():  # a dialog left open would catch the next keys
            if window.isVisible():
                window.close()
