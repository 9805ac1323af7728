"""The statistics dashboard and the counter panel's set-up pieces against a real workspace
(pytest-qt, offscreen): figures and charts for a constructed history, Enter/Ctrl+E from the
keyboard, the XLSX export and its failure; calling a ticket out of turn (F5), the work
profile editor, and the display notice reaching the display screen."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from counter_app.errors import ForbiddenQueueAction, InvalidDate, InvalidInput, StatsExportFailed
from counter_app.queue.policy import NOTICE_MAX
from tests.queue_stats_support import DAY1, DAY2, HUNG, MAI, two_days  # noqa: F401 (fixture)
from tests.queue_support import clock, queue_ws  # noqa: F401 (fixtures)
from ui.application import create_main_window
from ui.bar_chart import BAR, labelled_bars
from ui.display_window import DisplayWindow
from ui.main_window import QUEUE
from ui.messages import describe
from ui.qt import QApplication, QDate, Qt
from ui.queue_dialogs import NoticeDialog, TicketPickDialog, WorkProfileDialog
from ui.queue_stats import QueueStatsPage
from ui.workers import TaskRunner


def stats_page(core, qtbot):
    runner = TaskRunner(synchronous=True)
    page = QueueStatsPage(core, runner)
    page.runner_keep = runner  # the runner lives as long as the page
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def bar_pixels(chart) -> int:
    image = chart.grab().toImage()
    colour = BAR.rgb()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixel(x, y) == colour)


def test_dashboard_shows_figures_charts_and_tables(two_days, qtbot):
    page = stats_page(two_days, qtbot)
    assert page.period() == (DAY2, DAY2)  # opens on today (the clock is on day 2)
    assert page.tiles["citizens"].value.text() == "1" and page.tiles["wait_mean"].value.text() == "45.0"
    page.start.setDate(QDate(2026, 12, 1))
    page.start.setFocus()
    qtbot.keyClick(page.start, Qt.Key.Key_Return)  # Enter in a date field shows that period
    assert page.stats.start == DAY1
    figures = {key: tile.value.text() for key, tile in page.tiles.items()}
    assert figures == {"citizens": "6", "served": "4", "no_show": "1", "transferred": "1", "wait_mean": "15.8",
                       "wait_p90": "45.0", "service_mean": "19.4", "service_p90": "70.0"}
    assert page.service_counts.bars == (("Hộ tịch", 3.0), ("Đất đai", 1.0), ("Chứng thực", 2.0),
                                        ("Lao động, người có công và xã hội", 1.0))  # names, not codes
    assert len(page.wait_chart.bars) == 16 and page.wait_chart.bars[0] == ("0–3", 2.0)
    assert page.service_chart.bars[-1] == ("≥60", 1.0)
    assert bar_pixels(page.wait_chart) > 50 and bar_pixels(page.service_counts) > 50
    rows = [[page.counters.item(r, c).text() for c in range(9)] for r in range(page.counters.rowCount())]
    assert rows == [["Quầy 1", "4", "3", "1", "0", "22.3", "45.0", "26.3", "70.0"],
                    ["Quầy 2", "2", "1", "0", "1", "6.0", "10.0", "9.0", "10.0"]]
    assert [page.officers.item(r, 0).text() for r in range(page.officers.rowCount())] == [HUNG, MAI]
    assert [page.service_table.item(r, 3).text() for r in range(4)] == ["1", "0", "0", "0"]  # no-shows
    assert [page.days.item(r, 0).text() for r in range(page.days.rowCount())] == ["01/12/2026", "02/12/2026"]
    page.tables.setFocus()
    qtbot.keyClick(page.tables, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tables.currentWidget() is page.officers


def test_chart_labels_skip_bars_but_keep_the_last():
    assert labelled_bars(5, 1) == {0, 1, 2, 3, 4}
    assert labelled_bars(21, 3) == {0, 3, 6, 9, 12, 15, 20}  # 18 gives way to the open bucket
    assert labelled_bars(7, 3) == {0, 3, 6} and labelled_bars(0, 2) == set()


def test_dashboard_empty_period_draws_no_bars(two_days, qtbot):
    page = stats_page(two_days, qtbot)
    page.show_range(DAY1.replace(month=11), DAY1.replace(month=11, day=30))
    assert page.tiles["citizens"].value.text() == "0" and page.tiles["wait_mean"].value.text() == "—"
    assert page.counters.rowCount() == 0 and bar_pixels(page.wait_chart) == 0


def test_dashboard_backwards_period_shows_a_typed_error(two_days, qtbot):
    page = stats_page(two_days, qtbot)
    page.show_range(DAY2, DAY1)
    assert page.banner.isVisibleTo(page) and page.stats.start == DAY2  # the last good figures stay
    assert page.banner.text() == describe(InvalidDate("x")).text


def test_dashboard_exports_the_figures_on_screen_with_ctrl_e(two_days, qtbot, tmp_path):
    page = stats_page(two_days, qtbot)
    page.show_range(DAY1, DAY2)
    asked = []
    page.ask_path = lambda suggested: asked.append(suggested) or str(tmp_path / "bao-cao")
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["thong-ke-hang-doi_20261201-20261202.xlsx"]
    assert page.last_export == tmp_path / "bao-cao.xlsx"
    book = load_workbook(page.last_export)
    values = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    assert values["Đã phục vụ"] == 4 and values["Thời gian chờ TB (phút)"] == 15.8
    assert "bao-cao.xlsx" in page.banner.text() and page.export_button.isEnabled()


def test_dashboard_export_failure_says_what_to_do(two_days, qtbot, tmp_path):
    page = stats_page(two_days, qtbot)
    page.ask_path = lambda _suggested: str(tmp_path / "missing" / "x.xlsx")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.banner.text() == describe(StatsExportFailed("x")).text
    assert not (tmp_path / "missing").exists() and page.last_export is None and page.export_button.isEnabled()


# -- the counter panel ------------------------------------------------------------------------


def open_panel(core, qtbot):
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == QUEUE
    return window, window.queue_panel


def test_f5_calls_a_chosen_ticket_out_of_turn(queue_ws, clock, qtbot):
    for service in ("HT", "HT", "DD"):
        queue_ws.queue.issue(service)
        clock.advance(1)
    _window, panel = open_panel(queue_ws, qtbot)
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    dialog = panel.findChild(TicketPickDialog)
    assert dialog.list.count() == 3 and dialog.ticket_id == queue_ws.queue.ticket("A001").id
    qtbot.keyClicks(dialog.filter, "b")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert panel.number.text() == "B001"
    called = queue_ws.queue.ticket("B001")
    assert (called.state, called.counter) == ("called", 1)
    assert queue_ws.queue.ticket("A001").state == "waiting"
    assert not panel.call_ticket_button.isEnabled()
    qtbot.waitUntil(lambda: panel.findChild(TicketPickDialog) is None)
    qtbot.keyClick(panel, Qt.Key.Key_F5)  # busy with B001: F5 does nothing
    assert panel.findChild(TicketPickDialog) is None


def test_f5_with_a_number_nobody_holds_calls_nobody(queue_ws, qtbot):
    queue_ws.queue.issue("HT")
    _window, panel = open_panel(queue_ws, qtbot)
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    dialog = panel.findChild(TicketPickDialog)
    qtbot.keyClicks(dialog.filter, "C9")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.ticket_id is None  # stays open: nothing to call
    dialog.reject()
    assert panel.number.text() == "—" and queue_ws.queue.ticket("A001").state == "waiting"


def test_call_ticket_raced_by_another_counter_shows_a_typed_error(queue_ws, qtbot):
    queue_ws.queue.issue("HT")
    _window, panel = open_panel(queue_ws, qtbot)
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    dialog = panel.findChild(TicketPickDialog)
    queue_ws.queue.open_session(2, HUNG)
    queue_ws.queue.call_next(2)  # another counter takes A001 while the list is open
    dialog.accept()
    assert panel.number.text() == "—" and panel.banner.isVisibleTo(panel)
    assert panel.banner.text() == describe(ForbiddenQueueAction("x")).text
    assert queue_ws.queue.ticket("A001").counter == 2


def test_work_profile_editor_sets_services_order_mode_and_name(queue_ws, qtbot):
    _window, panel = open_panel(queue_ws, qtbot)
    qtbot.mouseClick(panel.profile_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(WorkProfileDialog)
    codes = [dialog.services.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.services.count())]
    assert codes == ["HT", "DD", "CT", "XH", "KHAC"] and dialog.service_codes == ()
    for row in (1, 2):  # DD and CT
        dialog.services.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.services.setCurrentRow(2)
    dialog.services.setFocus()
    qtbot.keyClick(dialog.services, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # CT before DD
    dialog.mode.setCurrentIndex(dialog.mode.findData("oldest"))
    dialog.label.setText("Quầy tiếp nhận 1")
    assert dialog.service_codes == ("CT", "DD")
    dialog.accept()
    [counter] = [c for c in queue_ws.queue.status().counters if c.number == 1]
    assert (counter.services, counter.mode, counter.label) == (("CT", "DD"), "oldest", "Quầy tiếp nhận 1")
    queue_ws.queue.issue("HT")
    queue_ws.queue.issue("DD")
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    assert panel.number.text() == "B001"  # HT is no longer this counter's work
    qtbot.waitUntil(lambda: panel.findChild(WorkProfileDialog) is None)
    qtbot.mouseClick(panel.profile_button, Qt.MouseButton.LeftButton)
    again = panel.findChild(WorkProfileDialog)  # opens on what was saved
    assert again.service_codes == ("CT", "DD") and again.calling_mode == "oldest"
    again.reject()


def test_notice_set_at_a_counter_scrolls_on_the_display(queue_ws, qtbot):
    display = DisplayWindow(queue_ws, synchronous=True)
    qtbot.addWidget(display)
    default = display.marquee.text()
    _window, panel = open_panel(queue_ws, qtbot)
    qtbot.mouseClick(panel.notice_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(NoticeDialog)
    assert dialog.text.maxLength() == NOTICE_MAX
    dialog.text.setText("  Chiều nay   nghỉ từ 16 giờ  ")
    dialog.accept()
    assert queue_ws.queue.status().notice == "Chiều nay nghỉ từ 16 giờ"
    display.refresh()
    assert display.marquee.text() == "Chiều nay nghỉ từ 16 giờ"
    qtbot.waitUntil(lambda: panel.findChild(NoticeDialog) is None)
    qtbot.mouseClick(panel.notice_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(NoticeDialog)
    assert dialog.text.text() == "Chiều nay nghỉ từ 16 giờ"
    dialog.text.clear()
    dialog.accept()
    display.refresh()
    assert display.marquee.text() == default  # empty: back to the usual greeting


def test_a_too_long_notice_is_refused_and_the_old_one_kept(queue_ws):
    queue_ws.queue.set_notice("Giờ làm việc: 7h30–17h")
    with pytest.raises(InvalidInput):
        queue_ws.queue.set_notice("x" * (NOTICE_MAX + 1))
    assert queue_ws.queue.status().notice == "Giờ làm việc: 7h30–17h"
    assert queue_ws.queue.policy().fairness_cap == 3  # the rest of the policy is untouched
