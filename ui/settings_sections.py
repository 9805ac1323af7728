"""The parts of the settings form, shared by the settings dialog and the first-run wizard.

Each section edits part of a ``Settings`` copy (``apply``) and shows the core's problems
(``counter_app.settings_check``) in words under the field they are about (``show_problems``).
Nothing here saves: the dialog or the wizard does, through ``core.save_settings``.
"""
from __future__ import annotations

from counter_app.settings_check import PRINTER_REQUIRED_OPTIONS
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import buddy_label, label, set_invalid

# What each problem code of the core means, for the officer (the CLI prints the English message).
PROBLEM_TEXTS = {
    "agency_id": QT_TRANSLATE_NOOP("Settings", "An agency code has the form 000.00.31.H41: digits in groups of "
                                               "3, 2 and 2, then a capital letter and 2 digits."),
    "placeholder": QT_TRANSLATE_NOOP("Settings", "Enter this office's own code: 000.00.00.H00 is only the "
                                                 "placeholder of a new workspace."),
    "required": QT_TRANSLATE_NOOP("Settings", "This must be filled in."),
    "phone": QT_TRANSLATE_NOOP("Settings", "Enter a phone number, for example 0229 3871 234."),
    "slot": QT_TRANSLATE_NOOP("Settings", "Choose a number from 1 to 9, different on each counter computer."),
    "clock": QT_TRANSLATE_NOOP("Settings", "Enter a time as hours:minutes, for example 15:30, or leave it empty."),
    "clock_order": QT_TRANSLATE_NOOP("Settings", "The start must come before the end."),
    "idle_lock": QT_TRANSLATE_NOOP("Settings", "From 0 (never) to 240 minutes."),
    "adapter": QT_TRANSLATE_NOOP("Settings", "This kind of device is not installed on this computer."),
    "port": QT_TRANSLATE_NOOP("Settings", "A port from 1 to 65535; ticket printers usually use 9100."),
    "file": QT_TRANSLATE_NOOP("Settings", "No such file on this computer: give the full path of the library "
                                          "the token's software installed."),
    "hex": QT_TRANSLATE_NOOP("Settings", "The key number is written in hex digits (0–9, A–F), as the token "
                                         "test shows it; leave it empty when the token holds one key."),
}
# Device adapters in words: the entry point names are for support, never shown.
PRINTER_NAMES = {
    "escpos-network": QT_TRANSLATE_NOOP("Settings", "Thermal printer on the network (ESC/POS)"),
    "escpos-usb": QT_TRANSLATE_NOOP("Settings", "Thermal printer on USB (ESC/POS)"),
    "escpos-serial": QT_TRANSLATE_NOOP("Settings", "Thermal printer on a serial port (ESC/POS)"),
    "escpos-win32": QT_TRANSLATE_NOOP("Settings", "Printer installed in Windows (ESC/POS)"),
    "simulated": QT_TRANSLATE_NOOP("Settings", "Practice printer (keeps tickets as pictures)"),
}
CAMERA_NAMES = {
    "": QT_TRANSLATE_NOOP("Settings", "None"),
    "opencv": QT_TRANSLATE_NOOP("Settings", "Document camera or webcam"),
    "simulated": QT_TRANSLATE_NOOP("Settings", "Practice camera (made-up pictures)"),
}
CHIP_READER_NAMES = {
    "": QT_TRANSLATE_NOOP("Settings", "None"),
    "pcsc": QT_TRANSLATE_NOOP("Settings", "Smart card reader (PC/SC)"),
    "simulated": QT_TRANSLATE_NOOP("Settings", "Practice reader (a made-up citizen)"),
}
SCANNER_NAMES = {
    "sane": QT_TRANSLATE_NOOP("Settings", "Scanner on this computer"),
    "escl": QT_TRANSLATE_NOOP("Settings", "Network scanner"),
    "file": QT_TRANSLATE_NOOP("Settings", "Pictures from a folder"),
    "simulated": QT_TRANSLATE_NOOP("Settings", "Practice scanner"),
}
# The printer options each adapter's own fields edit; other options (paper width…) are kept.
PRINTER_FORM_KEYS = {"escpos-network": ("host", "port"), "escpos-serial": ("devfile",),
                     "escpos-usb": ("vendor_id", "product_id"), "escpos-win32": ("printer_name",)}


def words(table: dict[str, str], name: str) -> str:
    if name in table:
        return QCoreApplication.translate("Settings", table[name])
    return QCoreApplication.translate("Settings", "Other device ({name})").format(name=name)


def problem_text(code: str) -> str:
    return QCoreApplication.translate("Settings", PROBLEM_TEXTS.get(code, PROBLEM_TEXTS["required"]))


class Section(QWidget):
    """A form whose fields each have an error line under them, keyed by the setting's name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def row(self, key: str, text: str, widget: QWidget, extra: QWidget | None = None) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra is None:
            column.addWidget(widget)
        else:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(extra)
            column.addLayout(line)
        error = label("", "field-error", wrap=True)
        error.hide()
        column.addWidget(error)
        self.form.addRow(buddy_label(text, widget), box)
        self.fields[key], self.errors[key] = widget, error
        return widget

    def show_problems(self, problems) -> list[str]:
        """Marks the fields with a problem (the first of each); returns the keys marked."""
        by_key = {}
        for problem in problems:
            by_key.setdefault(problem.key, problem.code)
        for key, error in self.errors.items():
            code = by_key.get(key)
            error.setText(problem_text(code) if code else "")
            error.setVisible(code is not None)
            set_invalid(self.fields[key], code is not None)
        return [key for key in self.errors if key in by_key]


def line_edit(text: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setPlaceholderText(placeholder)
    return edit


class OfficeSection(Section):
    def __init__(self, office, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = self.row("office.agency_name", self.tr("Office &name:"),
                             line_edit(office.agency_name, self.tr("e.g. UBND xã Gia Viễn")))
        self.agency_id = self.row("office.agency_id", self.tr("Agency &code:"),
                                  line_edit(office.agency_id, "000.00.31.H41"))
        self.parent_name = self.row("office.parent_name", self.tr("&Parent authority:"),
                                    line_edit(office.parent_name, self.tr("e.g. UBND TỈNH NINH BÌNH")))
        self.place = self.row("office.place_name", self.tr("Place name on &forms:"),
                              line_edit(office.place_name, self.tr("e.g. Gia Viễn")))
        self.phone = self.row("office.phone", self.tr("&Telephone:"), line_edit(office.phone))
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("The office's name and code are printed on every receipt and are part of "
                                       "every dossier code. Ask the province for the agency code."),
                               "muted", wrap=True))
        layout.addLayout(self.form)
        layout.addStretch(1)

    def apply(self, settings) -> None:
        office = settings.office
        office.agency_name, office.agency_id = self.name.text().strip(), self.agency_id.text().strip()
        office.parent_name, office.place_name = self.parent_name.text().strip(), self.place.text().strip()
        office.phone = self.phone.text().strip()


class CounterSection(Section):
    def __init__(self, station, parent: QWidget | None = None):
        super().__init__(parent)
        self.counter_label = self.row("workstation.counter_label", self.tr("Counter &name:"),
                                      line_edit(station.counter_label, self.tr("e.g. Quầy 1")))
        slot = QSpinBox()
        slot.setRange(1, 9)
        slot.setValue(station.slot if isinstance(station.slot, int) and 1 <= station.slot <= 9 else 1)
        self.slot = self.row("workstation.slot", self.tr("Counter &number (1–9):"), slot)
        self.officer = self.row("workstation.officer_name", self.tr("&Officer:"), line_edit(station.officer_name))
        self.officer_phone = self.row("workstation.officer_phone", self.tr("Officer's &telephone:"),
                                      line_edit(station.officer_phone))
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Each counter computer of the office has its own number: it keeps the "
                                       "dossier codes of two counters apart."), "muted", wrap=True))
        layout.addLayout(self.form)
        layout.addStretch(1)

    def apply(self, settings) -> None:
        station = settings.workstation
        station.counter_label, station.slot = self.counter_label.text().strip(), self.slot.value()
        station.officer_name, station.officer_phone = self.officer.text().strip(), self.officer_phone.text().strip()


class PrinterFields(Section):
    """The ticket printer: its kind, the fields that kind needs, and a test print button."""

    def __init__(self, devices, adapters, parent: QWidget | None = None):
        super().__init__(parent)
        self.options = dict(devices.printer_options)
        names = list(adapters.printers) if adapters is not None and adapters.printers else list(PRINTER_NAMES)
        if devices.printer not in names:
            names.append(devices.printer)  # shown (and marked) rather than silently changed
        self.kind = QComboBox()
        for name in names:
            self.kind.addItem(words(PRINTER_NAMES, name), name)
        self.kind.setCurrentIndex(names.index(devices.printer))
        self.test_button = QPushButton(self.tr("Print a &test slip"))
        self.row("devices.printer", self.tr("&Ticket printer:"), self.kind, self.test_button)
        self.result = label("", "muted", wrap=True)
        self.form.addRow("", self.result)
        options = self.options
        self.host = self.row("devices.printer_options.host", self.tr("&IP address:"),
                             line_edit(str(options.get("host", "")), "192.168.1.50"))
        port = QSpinBox()
        port.setRange(1, 65535)
        port.setValue(int(options["port"]) if str(options.get("port", "")).isdigit() else 9100)
        self.port = self.row("devices.printer_options.port", self.tr("Netw&ork port:"), port)
        self.devfile = self.row("devices.printer_options.devfile", self.tr("&Serial port:"),
                                line_edit(str(options.get("devfile", "")), "/dev/ttyUSB0, COM3"))
        self.vendor = self.row("devices.printer_options.vendor_id", self.tr("USB &vendor id (VID):"),
                               line_edit(str(options.get("vendor_id", "")), "0x04b8"))
        self.product = self.row("devices.printer_options.product_id", self.tr("USB pro&duct id (PID):"),
                                line_edit(str(options.get("product_id", "")), "0x0e15"))
        self.printer_name = self.row("devices.printer_options.printer_name", self.tr("&Windows printer name:"),
                                     line_edit(str(options.get("printer_name", "")), self.tr("empty: the default printer")))
        self.kind.currentIndexChanged.connect(self._show_kind_fields)
        self._show_kind_fields()

    def _show_kind_fields(self) -> None:
        shown = PRINTER_FORM_KEYS.get(self.kind.currentData(), ())
        for key, widget in self.fields.items():
            option = key.rpartition(".")[2]
            if key.startswith("devices.printer_options."):
                self.form.setRowVisible(widget.parentWidget(), option in shown)

    def adapter(self) -> str:
        return self.kind.currentData()

    def apply(self, settings) -> None:
        name = self.adapter()
        every = {key for keys in PRINTER_FORM_KEYS.values() for key in keys}
        options = {k: v for k, v in self.options.items() if k not in every}  # paper width and such stay
        values = {"host": self.host.text().strip(), "port": self.port.value(), "devfile": self.devfile.text().strip(),
                  "vendor_id": self.vendor.text().strip(), "product_id": self.product.text().strip(),
                  "printer_name": self.printer_name.text().strip()}
        for key in PRINTER_FORM_KEYS.get(name, ()):
            if values[key] != "" or key in PRINTER_REQUIRED_OPTIONS.get(name, ()):
                options[key] = values[key]
        if name != "simulated":
            options.pop("output_dir", None)
        settings.devices.printer, settings.devices.printer_options = name, options
