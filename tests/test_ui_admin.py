"""The Tools menu: register book, catalogue and calendar imports, system check."""
from __future__ import annotations

import json
import subprocess
from datetime import date, datetime

from counter_app.catalog import dump_national_json
from counter_app.catalog.model import Channel, ComponentSpec, ProcedureSpec, ProcessingTime
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from tests.conftest import SAMPLE_PROCEDURES
from ui.application import create_main_window

CERTIFY = ProcedureSpec(code="2.000815", name="Chứng thực bản sao từ bản chính", field="Chứng thực",
                        processing_times=(ProcessingTime(Channel.DIRECT, 0),),
                        components=(ComponentSpec("TP1", "Bản chính giấy tờ"),))


def window_for(core, qtbot):
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    return window


def test_register_of_the_period_is_rendered_and_saved(core, qtbot, tmp_path):
    code = core.receive(IntakeRequest("1.004227", ApplicantInput(name="Hồ Thị Thảo"),
                                      received_at=datetime(2026, 11, 25, 9, 0))).code
    window = window_for(core, qtbot)
    dialog = window.show_register()
    dialog.start_edit.setDate(date(2026, 11, 1))
    dialog.end_edit.setDate(date(2026, 11, 30))
    dialog.render()
    assert dialog.last_pdf.startswith(b"%PDF")
    out = tmp_path / "so.pdf"
    assert dialog.pdf_actions.write(dialog.last_pdf, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert code in text and "Hồ Thị Thảo" in text


def test_catalogue_import_reports_what_changed_and_refuses_a_repeat(core, qtbot, tmp_path):
    source = tmp_path / "catalog.json"
    source.write_text(json.dumps(dump_national_json([*SAMPLE_PROCEDURES, CERTIFY]), ensure_ascii=False),
                      encoding="utf-8")
    window = window_for(core, qtbot)
    window.admin.import_catalog(source)
    kind, text = window.admin.last_message
    assert kind == "info" and "1 thủ tục mới" in text and "2 không thay đổi" in text
    assert "2.000815" in {p.code for p in core.procedures()}
    window.admin.import_catalog(source)
    kind, text = window.admin.last_message
    assert kind == "error" and "đã được nhập trước đó" in text


def test_calendar_import_changes_working_days(core, qtbot, tmp_path):
    source = tmp_path / "2026.json"
    source.write_text(json.dumps({"year": 2026, "overrides": [
        {"date": "2026-11-26", "kind": "off", "name": "Nghỉ đột xuất"}]}, ensure_ascii=False), encoding="utf-8")
    window = window_for(core, qtbot)
    window.admin.import_calendar(source)
    assert window.admin.last_message[0] == "info"
    assert not core.scheduler().calendar.is_working_day(date(2026, 11, 26))


def test_system_check_lists_every_check(core, qtbot):
    window = window_for(core, qtbot)
    window.admin.check_system()
    kind, text = window.admin.last_message
    assert kind == "info"
    assert "database: integrity" in text and "audit: event chain" in text
