"""Dossier list and detail against a real workspace: search as you type, filters, and the
lifecycle steps from the detail screen (transfer → result ready → result returned)."""
from __future__ import annotations

import threading
from datetime import datetime

import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from ui.application import create_main_window
from ui.dossier_list import DUE, STATUS
from ui.labels import status_name
from ui.main_window import SEARCH
from ui.qt import QApplication, Qt
from ui.theme import color
from ui.workers import LatestOnly, TaskRunner


def receive(core, name, procedure="1.001193", *, missing=(), refusal="", received_at=None):
    applicant = ApplicantInput(name, "001099012345", phone="0912345678")
    request = IntakeRequest(procedure_code=procedure, applicant=applicant,
                            missing=tuple(MissingComponent(code, "Chưa mang") for code in missing),
                            refusal_reason=refusal, received_at=received_at)
    return core.receive(request).code


@pytest.fixture
def codes(core):
    return {
        "an": receive(core, "Nguyễn Văn An"),
        "binh": receive(core, "Trần Thị Bình", "1.004227", missing=("TP3",)),
        "cuong": receive(core, "Lê Văn Cường", refusal="Không thuộc thẩm quyền"),
        "late": receive(core, "Phạm Thị Dung", "1.004227", received_at=datetime(2026, 10, 1, 9, 0)),
    }


def open_window(core, qtbot, *, synchronous=True):
    window = create_main_window(core, language="vi", synchronous=synchronous)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # keys go to the active window
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+2: find dossiers
    assert window.pages.currentIndex() == SEARCH
    return window


def names(panel) -> list[str]:
    return [panel.model.summary(row).applicant_name for row in range(panel.model.rowCount())]


def test_search_as_you_type_ignores_accents(core, codes, qtbot):
    panel = open_window(core, qtbot).dossier_list
    everyone = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]
    assert sorted(names(panel)) == sorted(everyone)
    assert QApplication.focusWidget() is panel.search
    qtbot.keyClicks(panel.search, "nguyen van an")
    assert names(panel) == ["Nguyễn Văn An"]
    assert panel.model.summary(0).code == codes["an"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, codes["binh"][-4:])  # the end of a dossier code
    assert codes["binh"] in [panel.model.summary(r).code for r in range(panel.model.rowCount())]


def test_filters_by_status_procedure_and_date(core, codes, qtbot):
    panel = open_window(core, qtbot).dossier_list
    panel.status.setCurrentIndex(panel.status.findData(5))
    assert names(panel) == ["Trần Thị Bình"]
    assert panel.status.currentText() == "5 · Yêu cầu bổ sung giấy tờ"
    panel.status.setCurrentIndex(panel.status.findData(3))
    assert names(panel) == ["Lê Văn Cường"]
    panel.status.setCurrentIndex(0)
    panel.procedure.setCurrentIndex(panel.procedure.findData("1.004227"))
    assert sorted(names(panel)) == ["Phạm Thị Dung", "Trần Thị Bình"]
    panel.use_dates.setChecked(True)  # the last 30 days: the October dossier drops out
    assert names(panel) == ["Trần Thị Bình"]
    panel.clear_filters()
    assert panel.model.rowCount() == 4


def test_overdue_dossier_is_highlighted(core, codes, qtbot):
    panel = open_window(core, qtbot).dossier_list
    row = [panel.model.summary(r).code for r in range(panel.model.rowCount())].index(codes["late"])
    assert panel.model.is_overdue(row)
    brush = panel.model.data(panel.model.index(row, DUE), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == color("error")
    on_time = [panel.model.summary(r).code for r in range(panel.model.rowCount())].index(codes["an"])
    assert not panel.model.is_overdue(on_time)
    assert panel.model.data(panel.model.index(on_time, DUE), Qt.ItemDataRole.ForegroundRole) is None


def confirm_action(detail, qtbot, action: str, answer: str = "") -> None:
    detail.action_buttons[action].click()
    dialog = detail.dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.answer)  # the cursor waits in the answer
    if answer:
        qtbot.keyClicks(dialog.answer, answer)
    qtbot.keyClick(dialog.answer, Qt.Key.Key_Return)


def test_detail_actions_move_the_dossier_on(core, codes, qtbot):
    window = open_window(core, qtbot)
    panel, detail = window.dossier_list, window.detail
    qtbot.keyClicks(panel.search, "nguyen van an")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)  # into the list
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # open
    assert window.search_stack.currentWidget() is detail
    assert detail.view.code == codes["an"] and detail.code.text() == codes["an"]
    assert set(detail.action_buttons) == {"transfer", "start_processing", "withdraw"}

    confirm_action(detail, qtbot, "transfer", "Cong chuc Tu phap")
    assert detail.view.status == 4
    assert detail.events.item(1, 1).text() == "Chuyển xử lý"
    assert "Cong chuc Tu phap" in detail.events.item(1, 4).text()

    confirm_action(detail, qtbot, "result_ready")
    assert detail.view.status == 9

    confirm_action(detail, qtbot, "return_result")  # no receiver's name: refused
    dialog = detail.dialog
    assert dialog.isVisible() and dialog.error.isVisible() and "không được để trống" in dialog.error.text()
    assert core.dossier(codes["an"]).status == 9
    qtbot.keyClicks(dialog.answer, "Nguyen Van An")
    qtbot.keyClick(dialog.answer, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    view = core.dossier(codes["an"])
    assert view.status == 10 and view.events[-1].payload["receiver"] == "Nguyen Van An"
    assert detail.status.text().strip() == status_name(10) == "Đã trả kết quả"
    assert detail.events.rowCount() == 4
    assert "Nguyen Van An" in detail.events.item(3, 4).text()
    assert detail.action_buttons == {}  # nothing more to do with a returned dossier
    assert detail.banner.kind == "ok"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.back_button)  # once the dialog has gone
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # back to the list, with the new status
    assert window.search_stack.currentWidget() is panel
    row = [panel.model.summary(r).code for r in range(panel.model.rowCount())].index(codes["an"])
    assert panel.model.data(panel.model.index(row, STATUS)) == "Đã trả kết quả"


def test_detail_makes_a_missing_form_and_saves_it(core, codes, qtbot, tmp_path):
    window = open_window(core, qtbot)
    window.open_dossier(codes["binh"])  # received without its form (as if rendering had failed)
    detail = window.detail
    assert detail.make_form_button.isVisible() and "Mẫu 02" in detail.make_form_button.text()
    assert not any(button.isEnabled() for button in detail.document_buttons)
    detail.make_form_button.click()
    assert detail.documents.rowCount() == 1 and not detail.make_form_button.isVisible()
    assert detail.documents.item(0, 0).text() == "Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
    assert [d.kind for d in core.dossier(codes["binh"]).documents] == ["form_02"]
    detail._with_document(lambda pdf, name: detail.pdf_actions.write(pdf, tmp_path / name))
    saved = tmp_path / f"02_{codes['binh']}.pdf"
    assert saved.read_bytes().startswith(b"%PDF") and str(saved) in detail.banner.text()


def test_real_thread_pool_delivers_on_the_ui_thread(core, codes, qtbot):
    window = open_window(core, qtbot, synchronous=False)
    panel = window.dossier_list
    assert not panel._runner.synchronous
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=5000)
    qtbot.keyClicks(panel.search, "tran thi")
    assert panel._search.pending  # debounced: nothing asked yet
    qtbot.waitUntil(lambda: names(panel) == ["Trần Thị Bình"], timeout=5000)
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.detail.view is not None, timeout=5000)
    assert window.detail.view.code == codes["binh"]
    assert window.detail.components.item(2, 2).text().startswith("Thiếu")
    window.runner.wait(5000)


def test_search_as_you_type_drops_stale_answers(qtbot):
    """A slow answer to an older query never overwrites the newer one (real thread pool)."""
    release = threading.Event()
    runner = TaskRunner(threads=2)
    answers = []

    def search(text):
        if text == "ng":
            release.wait(5)  # the first, shorter query is slow to answer
        return f"results for {text}"

    latest = LatestOnly(runner, search, answers.append, delay_ms=150)
    latest.request("ng")
    assert latest.pending and answers == []  # waits for the officer to pause typing
    latest.flush()
    latest.request("nguyen")
    latest.flush()
    qtbot.waitUntil(lambda: answers == ["results for nguyen"], timeout=5000)
    release.set()
    assert runner.wait(5000)
    qtbot.wait(50)  # let the stale answer arrive: it must be dropped
    assert answers == ["results for nguyen"]
