"""The first run of a new counter: office → this counter → ticket printer → procedure catalogue.

Opened for the administrator when the workspace still has the placeholder office or no
procedures (instead of an anonymous "UBND xã" with "0 procedures"), and from Tools ▸
First-run set-up. "Later" leaves everything as it is. The settings are saved (through
``core.save_settings``) when the printer step is passed, so a named office is kept even if
the catalogue is imported later.
"""
from __future__ import annotations

from pathlib import Path

from counter_app.accounts.roles import Permission
from counter_app.resources import resource_path
from counter_app.settings_check import PLACEHOLDER_AGENCY_ID, Problem, settings_problems
from ui.messages import describe
from ui.qt import (
    QCoreApplication,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings_dialog import SettingsEditor, say_in
from ui.settings_sections import PrinterFields
from ui.widgets import Banner, label, primary_button
from ui.workers import TaskRunner

OFFICE, COUNTER, PRINTER, CATALOGUE = range(4)
DEMO_CATALOGUE = ("catalog", "demo_catalog.json")  # counter_app.catalog.DEMO_CATALOG


def needs_first_run(core) -> bool:
    return core.settings().office.agency_id == PLACEHOLDER_AGENCY_ID or not core.procedures()


def offer_first_run(core, window) -> None:
    """Open the wizard once, for the first officer allowed to set the counter up (after the login,
    or after the administrator account is made or put off on a workspace that has none)."""
    session = getattr(window, "session_lock", None)
    offered = []

    def maybe_open(*_args) -> None:
        if not offered and core.may(Permission.SAVE_SETTINGS) and needs_first_run(core):
            offered.append(window.show_first_run())

    if session is None:
        maybe_open()
        return
    session.unlocked.connect(maybe_open)
    setup = getattr(session, "setup_dialog", None)
    if setup is not None:
        setup.rejected.connect(maybe_open)  # "Later" on the account: set-up mode, everything allowed


class CataloguePage(QWidget):
    imported = Signal()

    def __init__(self, core, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.runner = core, runner
        self.demo_button = primary_button(self.tr("Import the &sample catalogue"))
        self.file_button = QPushButton(self.tr("Import a catalogue &file…"))
        self.demo_button.clicked.connect(lambda: self.import_catalog(resource_path(*DEMO_CATALOGUE)))
        self.file_button.clicked.connect(self.choose)
        self.result = label("", "muted", wrap=True)
        row = QHBoxLayout()
        row.addWidget(self.demo_button)
        row.addWidget(self.file_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("The procedures a citizen can ask for at this counter, with their papers and "
                                       "time limits. Import the file the province sent (national catalogue JSON or "
                                       "the XLSX sheet), or the sample catalogue of commune procedures that comes "
                                       "with the app."), wrap=True))
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.show_count()

    def show_count(self) -> None:
        count = len(self.core.procedures())
        self.result.setText(self.tr("%n procedure(s) in the catalogue.", "", count) if count
                            else self.tr("The catalogue is empty."))

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import a procedure catalogue"), str(Path.home()),
                                                    self.tr("Catalogue files (*.json *.xlsx)"))
        if path:
            self.import_catalog(Path(path))

    def import_catalog(self, path: Path) -> None:
        """The same import as Tools ▸ Import a procedure catalogue (``core.import_catalog``)."""
        def done(report) -> None:
            text = QCoreApplication.translate("AdminTools", "Catalogue imported: {added} new, {versions} new "
                                                            "versions, {unchanged} unchanged.")
            self.show_count()
            self.result.setText(text.format(added=len(report.added), versions=len(report.new_versions),
                                            unchanged=len(report.unchanged)) + " " + self.result.text())
            self.imported.emit()

        self.result.setText(self.tr("Importing…"))
        self.runner.submit(lambda: self.core.import_catalog(path), on_result=done,
                           on_error=lambda error: self.result.setText(describe(error).full()), owner=self)


class FirstRunWizard(SettingsEditor):
    def __init__(self, core, runner: TaskRunner, device_runner: TaskRunner, parent: QWidget | None = None, *,
                 tools: dict | None = None):
        super().__init__(core, runner, device_runner, parent, tools)
        self.setWindowTitle(self.tr("Setting up this counter"))
        self.setMinimumWidth(680)
        settings = core.settings()
        self.printer = printer_page = PrinterFields(settings.devices, self.adapters)
        printer_layout = QVBoxLayout(printer_page)
        printer_layout.addWidget(label(self.tr("Queue tickets are printed on this printer. Choose its kind, then "
                                               "print a test slip."), "muted", wrap=True))
        printer_layout.addLayout(self.printer.form)
        printer_layout.addStretch(1)
        self.printer.test_button.setEnabled(self.tests.offers("print_test"))
        self.printer.test_button.clicked.connect(
            lambda: self.tests.print_test(self.candidate().devices, self.office.name.text(),
                                          say_in(self.printer.result)))
        self.catalogue = CataloguePage(core, runner)
        self.pages = QStackedWidget()
        for page in (self.office, self.counter, printer_page, self.catalogue):
            self.pages.addWidget(page)
        self.step = label("", "heading")
        self.banner = Banner()
        self.back_button = QPushButton(self.tr("&Back"))
        self.later_button = QPushButton(self.tr("&Later"))
        self.next_button = primary_button(self.tr("&Next"))
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(self.next)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        self.go_to(OFFICE)

    def go_to(self, page: int) -> None:
        page = max(OFFICE, min(page, CATALOGUE))
        self.pages.setCurrentIndex(page)
        titles = (self.tr("Step 1 of 4: the office"), self.tr("Step 2 of 4: this counter"),
                  self.tr("Step 3 of 4: the ticket printer"), self.tr("Step 4 of 4: the procedure catalogue"))
        self.step.setText(titles[page])
        self.back_button.setEnabled(OFFICE < page < CATALOGUE)  # the settings are saved before the catalogue
        self.next_button.setText(self.tr("&Finish") if page == CATALOGUE else self.tr("&Next"))
        self.banner.clear_message()
        first = {OFFICE: self.office.name, COUNTER: self.counter.counter_label, PRINTER: self.printer.kind,
                 CATALOGUE: self.catalogue.demo_button}[page]
        first.setFocus()

    def sections(self) -> tuple:
        return self.office, self.counter, self.printer

    def problems(self) -> list[Problem]:
        settings = self.candidate()
        problems = settings_problems(settings, self.adapters)
        if settings.office.agency_id == PLACEHOLDER_AGENCY_ID:  # valid in form, but nobody's code
            problems.insert(0, Problem("office.agency_id", "placeholder", "placeholder agency id"))
        return problems

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == CATALOGUE:
            self.accept()
            return
        section = self.sections()[page]
        marked = section.show_problems(self.problems())
        if marked:
            self.banner.show_message("error", self.tr("Correct the fields marked in red to go on."))
            section.fields[marked[0]].setFocus()
            return
        if page == PRINTER:
            self.save()
        else:
            self.go_to(page + 1)

    def save(self) -> None:
        settings = self.candidate()
        problems = self.problems()
        if problems:  # a step before this one (only reachable by Back) went wrong
            self.banner.show_message("error", self.tr("Correct the fields marked in red to go on."))
            return

        def done(_none) -> None:
            self.saved.emit(self.core.settings())
            self.go_to(CATALOGUE)

        self.runner.submit(lambda: self.core.save_settings(settings), on_result=done,
                           on_error=lambda error: self.banner.show_error(describe(error)), owner=self)
