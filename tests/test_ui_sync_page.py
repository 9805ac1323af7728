"""The main window's sync page: reachable by Ctrl+4, shows what waits to be sent."""
from __future__ import annotations

from datetime import datetime

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from ui.application import create_main_window
from ui.main_window import SYNC
from ui.qt import QApplication, Qt


def test_ctrl_4_opens_the_sync_page_with_the_pending_changes(qtbot, core):
    core.receive(IntakeRequest("1.001193", ApplicantInput(name="Lý Thị Nga"),
                               received_at=datetime(2026, 11, 25, 9, 0)))
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # keys go to the active window
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == SYNC
    assert window.pages.currentWidget() is window.sync_panel
    window.sync_panel.refresh()
    assert window.sync_panel.pending_label.text().startswith("1 ")
    assert not window.sync_panel.sync_button.isEnabled()  # no server set up: nothing to press
    assert window.sidebar.item(SYNC).text().startswith("Đồng bộ")
