"""Full-screen touch kiosk: one large button per service, an optional priority choice,
and the ticket printed on the configured printer.

The core stores the ticket before printing, so a printer fault only changes what the
screen says: the number is shown big with a request to tell the officer, who reprints it.
Text sizes follow the window height, so the same layout works on a 10" panel and a TV.
When the office queue host (another PC on the LAN) cannot be reached, issuing pauses
with a clear notice and resumes by itself as soon as the host answers again.
"""
from __future__ import annotations

from counter_app.errors import QueueAccessRevoked, QueueHostError
from ui.display_common import add_staff_quit, pixel_font, timer
from ui.messages import describe
from ui.qt import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.workers import TaskRunner

RESULT_MS = 10_000  # how long the number stays on screen before the next citizen
POLL_MS = 5_000
PRIORITY_COLUMNS = 4
OFFLINE_POLL_MS = 2_000  # look for the host again soon: citizens are waiting
STYLE = """
QWidget#kiosk { background: #eaf1f8; }
QPushButton[kiosk="service"] { background: #1d5fa8; color: white; border: none; border-radius: 18px; }
QPushButton[kiosk="service"]:pressed { background: #0b2f57; }
QPushButton[kiosk="service"]:disabled { background: #8fb0d4; }
QPushButton[kiosk="priority"] { background: white; color: #1f3a56; border: 2px solid #1d5fa8; border-radius: 12px; }
QPushButton[kiosk="priority"]:checked { background: #9a5b00; color: white; border-color: #9a5b00; }
QLabel#kioskNumber { color: #174c87; }
QLabel#kioskResult { color: #1f2933; }
QLabel#kioskResult[fault="true"] { color: #b3261e; }
"""


def _two_lines(text: str, limit: int = 24) -> str:
    """Long service names on two lines: push buttons do not wrap text themselves."""
    if len(text) <= limit:
        return text
    words, first = text.split(), ""
    while words and len(f"{first} {words[0]}".strip()) <= limit:
        first = f"{first} {words.pop(0)}".strip()
    return f"{first}\n{' '.join(words)}" if first and words else text



class KioskWindow(QWidget):
    ticket_issued = Signal(object)  # (TicketView, DeviceError | None)

    def __init__(self, core, send=None, *, synchronous: bool = False):
        super().__init__()
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Take a number"))
        self.queue, self.send = core.queue, send
        self.runner = TaskRunner(self, synchronous=synchronous)
        self.service_buttons: dict[str, QPushButton] = {}
        self.offline = False
        self._issuing = False
        self.priority_group = QButtonGroup(self)
        self.priority_group.setExclusive(True)
        layout = QVBoxLayout(self)
        self.office = QLabel(core.settings().office.agency_name.upper())
        self.prompt = QLabel(self.tr("Touch the service you need to take a number"))
        for widget in (self.office, self.prompt):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setWordWrap(True)
            layout.addWidget(widget)
        self.priority_row = QGridLayout()  # wraps: seven choices in one row are wider than a 1024 px kiosk
        layout.addLayout(self.priority_row)
        self.grid = QGridLayout()
        layout.addLayout(self.grid, 1)
        self.number = QLabel("")
        self.number.setObjectName("kioskNumber")
        self.result = QLabel("")
        self.result.setObjectName("kioskResult")
        for widget in (self.number, self.result):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setWordWrap(True)
            layout.addWidget(widget)
        self._reset_timer = timer(self, RESULT_MS, self.clear_result, single_shot=True)
        self._poll = timer(self, POLL_MS, self.load)
        add_staff_quit(self)  # staff only: no close button on a public screen
        self.load()
        if not synchronous:
            self._poll.start()

    # -- services -------------------------------------------------------------------------

    def load(self) -> None:
        self.runner.submit(lambda: (self.queue.services(), self.queue.policy().priority_classes),
                           on_result=self._show_services, on_error=self._load_failed, owner=self)

    def _load_failed(self, error: BaseException) -> None:
        if isinstance(error, QueueHostError):
            self._go_offline(error)
        else:
            self._failed(error)

    def _go_offline(self, error: BaseException) -> None:
        """No host: no button may promise a number; the poll brings the kiosk back."""
        self.offline = True
        self._reset_timer.stop()
        for button in self.service_buttons.values():
            button.setEnabled(False)
        self.number.setText("")
        if isinstance(error, QueueAccessRevoked):  # not a passing outage: only the reason helps
            self.result.setText(describe(error).text)
        else:
            self.result.setText(self.tr("Taking a number is paused for a moment: the queue computer cannot be "
                                        "reached. Please wait, or ask the officer.") + "\n" + describe(error).text)
        self._fault(True)
        self._poll.setInterval(OFFLINE_POLL_MS)

    def _back_online(self) -> None:
        self.offline = False
        self._poll.setInterval(POLL_MS)
        self.clear_result()
        self._fault(False)

    def _show_services(self, result) -> None:
        services, classes = result
        if self.offline:
            self._back_online()
        if not self.priority_group.buttons():
            self._add_priority("", self.tr("No priority")).setChecked(True)
            for klass in classes:
                self._add_priority(klass.code, klass.name)
        active = [s for s in services if s.active]
        codes = [s.code for s in active]
        if codes != list(self.service_buttons):
            for button in self.service_buttons.values():
                button.deleteLater()
            self.service_buttons = {}
            columns = 2 if len(active) <= 6 else 3  # two columns leave room for long service names
            for column in range(3):  # equal buttons, whatever their text
                self.grid.setColumnStretch(column, 1 if column < columns else 0)
            for row in range(-(-len(active) // columns)):
                self.grid.setRowStretch(row, 1)
            for index, service in enumerate(active):
                button = QPushButton()
                button.setProperty("kiosk", "service")
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)  # equal widths
                button.clicked.connect(lambda _checked=False, code=service.code: self.issue(code))
                self.grid.addWidget(button, index // columns, index % columns)
                self.service_buttons[service.code] = button
        for service in active:
            waiting = self.tr("{count} waiting").format(count=service.waiting)
            name = _two_lines(f"{service.prefix} · {service.name}")
            self.service_buttons[service.code].setText(f"{name}\n{waiting}")
            self.service_buttons[service.code].setEnabled(not self._issuing)
        self._scale()

    def _add_priority(self, code: str, name: str) -> QPushButton:
        button = QPushButton(name)
        button.setProperty("kiosk", "priority")
        button.setProperty("code", code)
        button.setCheckable(True)
        index = len(self.priority_group.buttons())
        self.priority_group.addButton(button)
        self.priority_row.addWidget(button, index // PRIORITY_COLUMNS, index % PRIORITY_COLUMNS)
        self.priority_row.setColumnStretch(index % PRIORITY_COLUMNS, 1)
        return button

    @property
    def priority(self) -> str:
        checked = self.priority_group.checkedButton()
        return checked.property("code") if checked else ""

    # -- issuing --------------------------------------------------------------------------

    def issue(self, service_code: str) -> None:
        if self.offline or self._issuing:
            return
        priority, send = self.priority, self.send
        self._issuing = True
        for button in self.service_buttons.values():
            button.setEnabled(False)  # one touch, one ticket

        def work():
            if send is None:
                return self.queue.issue(service_code, priority), None
            return self.queue.issue_and_print(service_code, send, priority)
        self.runner.submit(work, on_result=self._issued, on_error=self._failed, on_finished=self._ready, owner=self)

    def _issued(self, result) -> None:
        ticket, error = result
        self.number.setText(ticket.number)
        if error is None:
            text = self.tr("Please take your ticket. {service}: please wait to be called.")
        else:
            text = self.tr("The printer has a problem and your ticket was not printed. Your number is kept: "
                           "remember it and tell the officer at the counter. {service}.")
        self.result.setText(text.format(service=ticket.service_name))
        self._fault(error is not None)
        self.ticket_issued.emit(result)
        self._reset_timer.start(RESULT_MS)
        self.load()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, QueueHostError):
            self._go_offline(error)
            return
        self.number.setText("")
        self.result.setText(self.tr("No number could be given. Please try again or ask the officer.") +
                            "\n" + describe(error).text)
        self._fault(True)
        self._reset_timer.start(RESULT_MS)

    def _fault(self, fault: bool) -> None:
        self.result.setProperty("fault", "true" if fault else "false")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    def _ready(self) -> None:
        self._issuing = False
        for button in self.service_buttons.values():
            button.setEnabled(not self.offline)
        default = self.priority_group.buttons()
        if default:
            default[0].setChecked(True)  # priority applies to one ticket only

    def clear_result(self) -> None:
        self.number.setText("")
        self.result.setText("")

    # -- sizing ---------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Fonts as a share of the window height: the same look from 720p to 4K."""
        h = max(self.height(), 480)
        pixel_font(self.office, h // 22, bold=True)
        pixel_font(self.prompt, h // 30)
        pixel_font(self.number, h // 8, bold=True)
        pixel_font(self.result, h // 34)
        for button in self.service_buttons.values():
            pixel_font(button, h // (24 + 6 * (button.text().count("\n") - 1)), bold=True)  # three lines: smaller
            button.setMinimumHeight(h // 7)
        for button in self.priority_group.buttons():
            pixel_font(button, h // 48)
            button.setMinimumHeight(h // 14)
