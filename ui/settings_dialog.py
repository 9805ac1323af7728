"""Tools ▸ Settings…: the office, this counter, its devices and the rules, for the administrator.

Every field is checked as it is typed (the core's ``settings_problems``) and the problem is
said under the field; Save writes through ``core.save_settings`` only when nothing is wrong.
Device tests run on the device worker through the composition root's ``device_tools``.
"""
from __future__ import annotations

import copy

from counter_app.settings_check import settings_problems
from ui.device_tests import DeviceTests
from ui.messages import describe
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings_sections import (
    CAMERA_NAMES,
    CHIP_READER_NAMES,
    SCANNER_NAMES,
    CounterSection,
    OfficeSection,
    PrinterFields,
    Section,
    line_edit,
    words,
)
from ui.widgets import Banner, label, set_role
from ui.workers import TaskRunner


def _adapter_box(names, current: str, table: dict) -> QComboBox:
    box = QComboBox()
    choices = [""] + [n for n in names if n] if names else list(table)
    current = "" if current.strip().lower() in ("", "none") else current
    if current not in choices:
        choices.append(current)  # shown (and marked) rather than silently changed
    for name in choices:
        box.addItem(words(table, name), name)
    box.setCurrentIndex(choices.index(current))
    return box


def say_in(target):
    """A test's outcome, written in ``target`` (red when the test failed)."""
    def show(text: str, ok: bool) -> None:
        target.setText(text)
        set_role(target, "muted" if ok else "field-error")
    return show


class DevicesSection(PrinterFields):
    """The printer's fields, then the scanner, chip reader, camera and QR scanner port."""

    def __init__(self, devices, adapters, tests: DeviceTests, parent: QWidget | None = None):
        super().__init__(devices, adapters, parent)
        self.tests = tests
        self.scanner = QComboBox()
        self.find_button = QPushButton(self.tr("&Search"))
        self.row("scanner", self.tr("S&canner:"), self.scanner, self.find_button)
        self.scan_button = QPushButton(self.tr("Sc&an a test page"))
        self.scan_result = label("", "muted", wrap=True)
        self.form.addRow(self.scan_button, self.scan_result)
        self.chip = _adapter_box(adapters.chip_readers if adapters else (), devices.chip_reader, CHIP_READER_NAMES)
        self.chip_button = QPushButton(self.tr("Test the &reader"))
        self.row("devices.chip_reader", self.tr("ID card c&hip reader:"), self.chip, self.chip_button)
        self.camera = _adapter_box(adapters.cameras if adapters else (), devices.camera, CAMERA_NAMES)
        self.camera_button = QPushButton(self.tr("Test the ca&mera"))
        self.row("devices.camera", self.tr("Docum&ent camera:"), self.camera, self.camera_button)
        self.chip_result, self.camera_result = label("", "muted", wrap=True), label("", "muted", wrap=True)
        self.form.addRow("", self.chip_result)
        self.form.addRow("", self.camera_result)
        self.qr_port = self.row("devices.qr_serial_port", self.tr("&QR code scanner port:"),
                                line_edit(devices.qr_serial_port, self.tr("empty: a scanner that types like a "
                                                                          "keyboard needs nothing")))

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        for button, name in ((self.test_button, "print_test"), (self.find_button, "find_scanners"),
                             (self.scan_button, "scan_test"), (self.chip_button, "chip_test"),
                             (self.camera_button, "camera_test")):
            button.setEnabled(tests.offers(name))

    def apply(self, settings) -> None:
        super().apply(settings)
        settings.devices.chip_reader, settings.devices.camera = self.chip.currentData(), self.camera.currentData()
        settings.devices.qr_serial_port = self.qr_port.text().strip()

    def show_scanners(self, found: list) -> None:
        self.scanner.clear()
        for adapter, device, description in found:
            kind = words(SCANNER_NAMES, adapter)  # the practice scanner's own name is English: not shown
            self.scanner.addItem(kind if adapter == "simulated" else f"{kind}: {description}", (adapter, device))


class SigningSection(Section):
    """The signing token: its PKCS#11 library, the key to use, and a test that lists the tokens."""

    def __init__(self, devices, tests: DeviceTests, parent: QWidget | None = None):
        super().__init__(parent)
        self.token_button = QPushButton(self.tr("Test the to&ken"))
        self.token_button.setEnabled(tests.offers("token_test"))
        self.signing_module = self.row("devices.signing_module", self.tr("Signing token &library (PKCS#11):"),
                                       line_edit(devices.signing_module, self.tr("the file the token's maker installs; "
                                                                                 "empty: no token here")),
                                       self.token_button)
        self.signing_key = self.row("devices.signing_key_id", self.tr("Signing ke&y number:"),
                                    line_edit(devices.signing_key_id, self.tr("empty: the token's only signing key")))
        self.token_result = label("", "muted", wrap=True)
        self.form.addRow("", self.token_result)
        # The queue's call-out voice: kept by the voice adapter, so loaded and saved through the tools.
        self.voice_on = QCheckBox(self.tr("Call &numbers aloud on the display screen"))
        self.volume = QSpinBox()
        self.volume.setRange(0, 100)
        self.volume.setSuffix(" %")
        self.has_voice = tests.offers("voice")
        if self.has_voice:
            enabled, volume = tests.tools["voice"]()
            self.voice_on.setChecked(enabled)
            self.volume.setValue(volume)
            self.form.addRow("", self.voice_on)
            self.row("voice.volume", self.tr("Voice v&olume:"), self.volume)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def apply(self, settings) -> None:
        settings.devices.signing_module = self.signing_module.text().strip()
        settings.devices.signing_key_id = self.signing_key.text().strip()

    def voice_changed(self, tools: dict) -> bool:
        return self.has_voice and tools["voice"]() != (self.voice_on.isChecked(), self.volume.value())


class RulesSection(Section):
    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.cutoff = self.row("rules.default_cutoff", self.tr("Afternoon &cut-off time:"),
                               line_edit(settings.rules.default_cutoff or "", self.tr("e.g. 15:30; empty: none")))
        idle = QSpinBox()
        idle.setRange(0, 240)
        idle.setValue(min(max(settings.security.idle_lock_minutes, 0), 240)
                      if isinstance(settings.security.idle_lock_minutes, int) else 10)
        idle.setSpecialValueText(self.tr("never"))
        self.idle = self.row("security.idle_lock_minutes", self.tr("Lock the screen after (&minutes idle):"), idle)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("A dossier received after the cut-off time counts from the next working "
                                       "day, unless its procedure sets its own time."), "muted", wrap=True))
        layout.addLayout(self.form)
        layout.addStretch(1)

    def apply(self, settings) -> None:
        settings.rules.default_cutoff = self.cutoff.text().strip() or None
        settings.security.idle_lock_minutes = self.idle.value()


class SettingsEditor(QDialog):
    """What the settings dialog and the first-run wizard share: the device tests, the office and
    counter sections, and the settings as the fields would make them (nothing saved)."""

    saved = Signal(object)  # the settings now stored

    def __init__(self, core, runner: TaskRunner, device_runner: TaskRunner, parent: QWidget | None, tools):
        super().__init__(parent)
        self.core, self.runner = core, runner
        tools = dict(tools or {})
        self.adapters = tools.get("adapters")
        self.tests = DeviceTests(tools, device_runner, self)
        stored = core.settings()
        self.office = OfficeSection(stored.office)
        self.counter = CounterSection(stored.workstation)

    def sections(self) -> tuple[Section, ...]:
        raise NotImplementedError

    def candidate(self):
        """The stored settings with the fields applied (nothing saved)."""
        settings = copy.deepcopy(self.core.settings())
        for section in self.sections():
            section.apply(settings)
        return settings


class SettingsDialog(SettingsEditor):
    def __init__(self, core, runner: TaskRunner, device_runner: TaskRunner, parent: QWidget | None = None, *,
                 tools: dict | None = None):
        super().__init__(core, runner, device_runner, parent, tools)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(720)
        settings = core.settings()
        self.devices = DevicesSection(settings.devices, self.adapters, self.tests)
        self.signing = SigningSection(settings.devices, self.tests)
        self.rules = RulesSection(settings)
        self.tabs = QTabWidget()  # Ctrl+Tab moves between the tabs
        for section, title in ((self.office, self.tr("Office")), (self.counter, self.tr("This counter")),
                               (self.devices, self.tr("Devices")), (self.signing, self.tr("Signing and voice")),
                               (self.rules, self.tr("Rules"))):
            self.tabs.addTab(section, title)
        self.banner = Banner()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cance&l"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self._connect_checks()
        self._connect_tests()
        self.check()

    def sections(self) -> tuple[Section, ...]:
        return self.office, self.counter, self.devices, self.signing, self.rules

    def _connect_checks(self) -> None:
        for section in self.sections():
            for widget in section.fields.values():
                for signal in ("textChanged", "valueChanged", "currentIndexChanged"):
                    if hasattr(widget, signal):
                        getattr(widget, signal).connect(self.check)
                        break

    def _connect_tests(self) -> None:
        devices, tests = self.devices, self.tests

        show = say_in
        devices.test_button.clicked.connect(lambda: tests.print_test(self.candidate().devices,
                                                                     self.office.name.text(), show(devices.result)))
        devices.find_button.clicked.connect(lambda: tests.find_scanners(devices.show_scanners,
                                                                        show(devices.scan_result)))
        devices.scan_button.clicked.connect(self.scan_test)
        devices.chip_button.clicked.connect(lambda: tests.chip_test(self.candidate().devices,
                                                                    show(devices.chip_result)))
        devices.camera_button.clicked.connect(lambda: tests.camera_test(self.candidate().devices,
                                                                        show(devices.camera_result)))
        signing = self.signing
        signing.token_button.clicked.connect(lambda: tests.token_test(self.candidate().devices,
                                                                      show(signing.token_result)))

    def scan_test(self) -> None:
        chosen = self.devices.scanner.currentData()
        target = self.devices.scan_result
        if chosen is None:  # nothing found yet: search first, then scan with the first one found
            def found(scanners: list) -> None:
                self.devices.show_scanners(scanners)
                if scanners:
                    self.tests.scan_test(scanners[0][0], scanners[0][1], say_in(target))
            self.tests.find_scanners(found, say_in(target))
            return
        self.tests.scan_test(chosen[0], chosen[1], say_in(target))

    def problems(self) -> list:
        return settings_problems(self.candidate(), self.adapters)

    def check(self) -> list:
        """Says every problem under its field; returns the problems."""
        problems = self.problems()
        for section in self.sections():
            section.show_problems(problems)
        if not problems and self.banner.kind == "error":
            self.banner.clear_message()
        return problems

    def save(self) -> None:
        problems = self.check()
        if problems:
            self.banner.show_message("error", self.tr("Nothing was saved: correct the fields marked in red."))
            self._go_to(problems[0].key)
            return
        settings = self.candidate()

        def done(_none) -> None:
            self.saved.emit(self.core.settings())
            self.accept()

        tools, signing = self.tests.tools, self.signing
        voice = (signing.voice_on.isChecked(), signing.volume.value())

        def store() -> None:
            self.core.save_settings(settings)
            if signing.voice_changed(tools):
                tools["save_voice"](*voice)

        self.runner.submit(store, on_result=done,
                           on_error=lambda error: self.banner.show_error(describe(error)), owner=self)

    def _go_to(self, key: str) -> None:
        for index, section in enumerate(self.sections()):
            if key in section.fields:
                self.tabs.setCurrentIndex(index)
                section.fields[key].setFocus()
                return
