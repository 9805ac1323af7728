"""Queue windows against a real workspace (pytest-qt, offscreen): the kiosk issues and prints,
the counter panel calls (priority first) and links dossiers, the display shows calls made by
another core on the same workspace file and speaks them."""
from __future__ import annotations

import subprocess
import sys

from PIL import Image

from counter_app.core import CounterCore
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.workspace import open_workspace
from devices.printers.ticket_job import TicketSender
from devices.simulated_printer import SimulatedPrinter
from devices.voice import SimulatedVoice, call_sentence
from tests.conftest import REPO
from tests.queue_support import clock, queue_ws  # noqa: F401 (fixtures)
from ui import i18n
from ui.application import create_main_window
from ui.display_window import DisplayWindow
from ui.kiosk_window import KioskWindow
from ui.main_window import QUEUE
from ui.qt import QApplication, Qt


def kiosk(core, qtbot, printer):
    i18n.install("vi")
    window = KioskWindow(core, TicketSender(printer), synchronous=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_kiosk_touch_issues_a_ticket_and_prints_it(queue_ws, qtbot, tmp_path):
    printer = SimulatedPrinter(tmp_path / "printed")
    window = kiosk(queue_ws, qtbot, printer)
    assert set(window.service_buttons) == {"HT", "DD", "CT", "XH", "KHAC"}
    assert window.service_buttons["HT"].text().startswith("A · Hộ tịch")
    qtbot.mouseClick(window.service_buttons["HT"], Qt.MouseButton.LeftButton)
    assert window.number.text() == "A001"
    assert "Hộ tịch" in window.result.text()
    [png] = list((tmp_path / "printed").glob("*.png"))
    image = Image.open(png)
    assert image.width == printer.width_dots and image.height > 300
    assert queue_ws.queue.ticket("A001").printed
    assert "1 người đang chờ" in window.service_buttons["HT"].text()


def test_kiosk_priority_choice_applies_to_one_ticket(queue_ws, qtbot, tmp_path):
    window = kiosk(queue_ws, qtbot, SimulatedPrinter(tmp_path / "printed"))
    elderly = next(b for b in window.priority_group.buttons() if b.property("code") == "elderly")
    assert elderly.text() == "Người cao tuổi"
    qtbot.mouseClick(elderly, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.service_buttons["DD"], Qt.MouseButton.LeftButton)
    assert queue_ws.queue.ticket("B001").priority == "elderly"
    assert window.priority == ""  # back to "no priority" for the next citizen


def test_kiosk_printer_fault_keeps_the_ticket_and_shows_the_number(queue_ws, qtbot, tmp_path):
    window = kiosk(queue_ws, qtbot, SimulatedPrinter(tmp_path / "printed", paper=False))
    qtbot.mouseClick(window.service_buttons["CT"], Qt.MouseButton.LeftButton)
    assert window.number.text() == "C001"
    assert "máy in" in window.result.text().lower() and window.result.property("fault") == "true"
    ticket = queue_ws.queue.ticket("C001")
    assert ticket.state == "waiting" and ticket.print_error == "paper_out"


def receive(core, name):
    request = IntakeRequest(procedure_code="1.001193", applicant=ApplicantInput(name, "001099012345"))
    return core.receive(request).code


def open_queue_page(core, qtbot):
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == QUEUE
    assert window.sidebar.item(QUEUE).text().startswith("Hàng đợi")
    return window, window.queue_panel


def test_counter_panel_calls_priority_first_and_finish_links_the_dossier(queue_ws, clock, qtbot):
    queue_ws.queue.issue("HT")
    clock.advance(1)
    queue_ws.queue.issue("HT", "pregnant")
    window, panel = open_queue_page(queue_ws, qtbot)
    assert panel.counter == 1 and panel.number.text() == "—"
    assert panel.waiting.item(0, 1).text() == "2"
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    assert panel.number.text() == "A002"  # the priority ticket, though issued later
    assert "Phụ nữ mang thai" in panel.details.text()
    assert not panel.call_button.isEnabled() and panel.recall_button.isEnabled()
    qtbot.keyClick(panel, Qt.Key.Key_F3)
    assert queue_ws.queue.ticket("A002").call_count == 2
    code = receive(queue_ws, "Nguyễn Văn An")
    window.intake.dossier_received.emit(code)  # what the wizard says when it receives a dossier
    assert code in panel.linked.text()
    qtbot.keyClick(panel, Qt.Key.Key_F6)
    finished = queue_ws.queue.ticket("A002")
    assert finished.state == "finished" and finished.outcome == "served" and finished.dossier_codes == (code,)
    assert panel.number.text() == "—" and panel.waiting.item(0, 1).text() == "1"


def test_counter_panel_no_show_park_and_resume(queue_ws, clock, qtbot):
    for _ in range(2):
        queue_ws.queue.issue("HT")
        clock.advance(1)
    _window, panel = open_queue_page(queue_ws, qtbot)
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    qtbot.keyClick(panel, Qt.Key.Key_F4)  # no-show: back to the end of the line
    assert queue_ws.queue.ticket("A001").state == "waiting"
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    assert panel.number.text() == "A002"
    qtbot.keyClick(panel, Qt.Key.Key_F7)  # park
    assert panel.number.text() == "—" and panel.parked_list.count() == 1
    qtbot.keyClick(panel, Qt.Key.Key_F7)  # resume
    assert panel.number.text() == "A002" and queue_ws.queue.ticket("A002").state == "serving"


def test_counter_panel_says_when_nobody_waits(queue_ws, qtbot):
    _window, panel = open_queue_page(queue_ws, qtbot)
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    assert panel.banner.isVisibleTo(panel) and "Không có ai" in panel.banner.text()


def test_display_shows_and_speaks_a_call_made_by_another_core(queue_ws, clock, qtbot):
    voice = SimulatedVoice()
    i18n.install("vi")
    display = DisplayWindow(queue_ws, lambda number, counter: voice.say(call_sentence(number, counter)),
                            synchronous=True)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    other = CounterCore(open_workspace(queue_ws.workspace.root), clock=clock)  # another counter's process
    try:
        other.queue.issue("HT")
        other.queue.issue("DD")
        other.queue.open_session(2, "Lê Văn Hùng")
        other.queue.call_next(2)
    finally:
        other.workspace.close()
    display.refresh()
    assert display.cards[2].number.text() == "A001"
    assert "A001 → quầy 2" in display.recent.text()
    assert "B · Đất đai: 1" in display.waiting.text()
    assert display.announced == [("A001", 2)]
    assert voice.said == ["Mời số a không trăm linh một đến quầy số hai"]
    assert display.cards[2].property("flash") == "true"
    display.refresh()  # the same call is not announced twice
    assert len(voice.said) == 1


def test_display_sees_a_call_made_by_another_process(queue_ws, qtbot):
    root = queue_ws.workspace.root
    viewer = CounterCore(open_workspace(root))  # today's clock, like the counter-app process below
    try:
        display = DisplayWindow(viewer, synchronous=True)
        qtbot.addWidget(display)
        for args in (("issue", "CT", "--no-print"), ("call", "--counter", "4")):
            subprocess.run([sys.executable, "-m", "composition_root", "--workspace", str(root), "queue", *args],
                           check=True, capture_output=True, timeout=120, cwd=REPO)
        display.refresh()
        assert display.cards[4].number.text() == "C001" and display.announced == [("C001", 4)]
    finally:
        viewer.workspace.close()


def test_counter_panel_transfer_and_walk_in_through_their_dialogs(queue_ws, qtbot):
    from ui.queue_dialogs import QueueChoiceDialog

    queue_ws.queue.issue("HT")
    _window, panel = open_queue_page(queue_ws, qtbot)
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    qtbot.keyClick(panel, Qt.Key.Key_F8)
    dialog = panel.findChild(QueueChoiceDialog)
    dialog.service.setCurrentIndex(dialog.service.findData("DD"))
    dialog.accept()
    assert panel.number.text() == "—"
    moved = queue_ws.queue.ticket("A001")  # the newest A001: the citizen's place in the land queue
    assert moved.service_code == "DD" and moved.state == "waiting"
    qtbot.waitUntil(lambda: panel.findChild(QueueChoiceDialog) is None)  # deleted once closed
    qtbot.keyClick(panel, Qt.Key.Key_F9)
    dialog = panel.findChild(QueueChoiceDialog)
    dialog.service.setCurrentIndex(dialog.service.findData("CT"))
    dialog.priority.setCurrentIndex(dialog.priority.findData("elderly"))
    dialog.accept()
    assert panel.number.text() == "Không có phiếu" and "Chứng thực" in panel.details.text()


def test_counter_panel_reprints_a_ticket_the_kiosk_could_not_print(queue_ws, qtbot, tmp_path):
    printer = SimulatedPrinter(tmp_path / "printed", paper=False)
    window = create_main_window(queue_ws, language="vi", synchronous=True)
    qtbot.addWidget(window)
    from ui.queue_panel import QueuePanel

    panel = QueuePanel(queue_ws, window.runner, 1, TicketSender(printer))
    qtbot.addWidget(panel)
    ticket, error = queue_ws.queue.issue_and_print("HT", TicketSender(printer))
    assert error is not None and queue_ws.queue.ticket(ticket.id).print_error == "paper_out"
    qtbot.keyClicks(panel.reprint_number, "a001")
    qtbot.mouseClick(panel.reprint_button, Qt.MouseButton.LeftButton)
    assert "hết giấy" in panel.banner.text().lower()  # still no paper: says what to do
    printer.paper = True
    qtbot.mouseClick(panel.reprint_button, Qt.MouseButton.LeftButton)
    assert len(list((tmp_path / "printed").glob("*.png"))) == 1
    assert queue_ws.queue.ticket("A001").printed and panel.reprint_number.text() == ""
