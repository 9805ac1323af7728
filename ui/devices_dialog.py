"""Tools ▸ Devices…: each device of this counter with its state, its last problem and a test,
and the whole system check (``counter-app doctor``) in words.

The device tests are the composition root's (``device_tools``); the doctor's keys and device
adapter names are shown only as words (its own English lines stay under "Show details").
"""
from __future__ import annotations

from ui.admin_tools import CHECK_KINDS, CHECK_NAMES
from ui.device_tests import DeviceTests
from ui.messages import describe
from ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.settings_sections import CAMERA_NAMES, CHIP_READER_NAMES, PRINTER_NAMES, words
from ui.widgets import Banner, label, set_role
from ui.workers import TaskRunner


def check_words(check) -> str:
    """"✔ Printer: Thermal printer on the network (ESC/POS) — in order", never a doctor key."""
    def translated(text: str) -> str:
        return QCoreApplication.translate("AdminTools", text)

    kind = translated(CHECK_KINDS[check.kind]) if check.kind in CHECK_KINDS else check.kind
    if check.kind == "printer":
        name = words(PRINTER_NAMES, check.name)
    elif check.kind == "ocr":
        name = QCoreApplication.translate("DevicesDialog", "text recognition program")
    else:
        name = translated(CHECK_NAMES[check.name]) if check.name in CHECK_NAMES else check.name
    state = translated("in order") if check.ok else translated("needs fixing: see the details")
    return f"{'✔' if check.ok else '✘'} {kind}: {name} — {state}"


class DevicesDialog(QDialog):
    def __init__(self, core, runner: TaskRunner, device_runner: TaskRunner, parent: QWidget | None = None, *,
                 tools: dict | None = None):
        super().__init__(parent)
        self.core, self.runner, self.tools = core, runner, dict(tools or {})
        self.setWindowTitle(self.tr("Devices"))
        self.setMinimumWidth(760)
        self.tests = DeviceTests(self.tools, device_runner, self)
        devices = core.settings().devices
        self.states: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        for column, text in enumerate((self.tr("Device"), self.tr("Kind"), self.tr("State and last problem"))):
            grid.addWidget(label(text, "heading"), 0, column)
        rows = (
            ("printer", self.tr("Ticket printer"), words(PRINTER_NAMES, devices.printer), self.tr("&Print a test slip"),
             lambda: self.tests.print_test(devices, core.settings().office.agency_name)),
            ("scanner", self.tr("Scanner"), self.tr("found on this computer and the network"),
             self.tr("&Search for scanners"), lambda: self.tests.find_scanners(self._scanners_found)),
            ("chip_reader", self.tr("ID card chip reader"), words(CHIP_READER_NAMES, _or_none(devices.chip_reader)),
             self.tr("Test the &reader"), lambda: self.tests.chip_test(devices)),
            ("camera", self.tr("Document camera"), words(CAMERA_NAMES, _or_none(devices.camera)),
             self.tr("Test the ca&mera"), lambda: self.tests.camera_test(devices)),
        )
        needs = {"printer": "print_test", "scanner": "find_scanners", "chip_reader": "chip_test",
                 "camera": "camera_test"}
        configured = {"chip_reader": _or_none(devices.chip_reader), "camera": _or_none(devices.camera)}
        for row, (key, name, kind, button_text, test) in enumerate(rows, start=1):
            state = label(self.tr("Not tested yet."), "muted", wrap=True)
            button = QPushButton(button_text)
            button.clicked.connect(test)
            button.setEnabled(self.tests.offers(needs[key]) and configured.get(key, "x") != "")
            grid.addWidget(label(name), row, 0)
            grid.addWidget(label(kind, wrap=True), row, 1)
            grid.addWidget(state, row, 2)
            grid.addWidget(button, row, 3)
            self.states[key], self.buttons[key] = state, button
        qr = devices.qr_serial_port or self.tr("none: a scanner that types like a keyboard needs nothing")
        grid.addWidget(label(self.tr("QR code scanner")), len(rows) + 1, 0)
        grid.addWidget(label(qr, wrap=True), len(rows) + 1, 1, 1, 3)
        self.tests.outcome.connect(self._show_outcome)
        self.check_button = QPushButton(self.tr("&Check the system"))
        self.check_button.clicked.connect(self.check_system)
        self.report = QListWidget()  # one line per check, read with the arrow keys
        self.report.setMinimumHeight(180)
        self.banner = Banner()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("C&lose"))
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.details = ""  # the doctor's own lines, for support
        if self.tests.offers("printer_status"):
            self.tests.printer_status(devices)

    def _scanners_found(self, found: list) -> None:
        self.buttons["scanner"].setToolTip("\n".join(description for _a, _d, description in found))

    def _show_outcome(self, device: str, text: str, ok: bool) -> None:
        state = self.states.get(device)
        if state is not None:
            state.setText(text)
            set_role(state, "muted" if ok else "field-error")

    def check_system(self) -> None:
        from counter_app.doctor import run_checks

        root, checks = self.core.workspace.root, self.tools.get("checks")
        self.banner.show_message("info", self.tr("Checking…"))
        self.runner.submit(lambda: run_checks(root, device_checks=checks), on_result=self._checked,
                           on_error=lambda error: self.banner.show_error(describe(error)), owner=self)

    def _checked(self, checks) -> None:
        self.report.clear()
        self.report.addItems([check_words(c) for c in checks])
        self.details = "\n".join(f"{'✔' if c.ok else '✘'} {c.kind}: {c.name} — {c.detail}" for c in checks)
        if all(c.ok for c in checks):
            self.banner.show_message("ok", self.tr("Everything is in order."))
        else:
            self.banner.show_message("warn", self.tr("Some things need fixing (marked ✘): fix them in the "
                                                     "settings, or ask IT support."))


def _or_none(name: str) -> str:
    return "" if name.strip().lower() in ("", "none") else name
