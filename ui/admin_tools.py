"""The Tools menu: the register book, catalogue and calendar imports, the system check.

The same work as ``counter-app form register``, ``catalog import``, ``calendar import``
and ``doctor``, for officers who never open a terminal. All of it runs on a worker.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ui.messages import UserMessage, describe
from ui.printing import PdfActions
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QObject,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import Banner, label
from ui.workers import TaskRunner


# The system check's lines in words: the doctor's keys ("database", "integrity") are for support,
# shown only under "Show Details...". A name not listed (a folder, a device) is shown as it is.
CHECK_KINDS = {
    "workspace": QT_TRANSLATE_NOOP("AdminTools", "Data folder"),
    "encryption": QT_TRANSLATE_NOOP("AdminTools", "Encryption of stored data"),
    "database": QT_TRANSLATE_NOOP("AdminTools", "Database"),
    "audit": QT_TRANSLATE_NOOP("AdminTools", "Audit log"),
    "files": QT_TRANSLATE_NOOP("AdminTools", "Stored files"),
    "catalog": QT_TRANSLATE_NOOP("AdminTools", "Procedure catalogue"),
    "settings": QT_TRANSLATE_NOOP("AdminTools", "Settings"),
    "sync": QT_TRANSLATE_NOOP("AdminTools", "Sending to the province"),
    "printer": QT_TRANSLATE_NOOP("AdminTools", "Printer"),
    "ocr": QT_TRANSLATE_NOOP("AdminTools", "Text recognition of scans"),
}
CHECK_NAMES = {
    "workspace key": QT_TRANSLATE_NOOP("AdminTools", "key of the data folder"),
    "at rest": QT_TRANSLATE_NOOP("AdminTools", "data on this computer"),
    "migrations": QT_TRANSLATE_NOOP("AdminTools", "version"),
    "integrity": QT_TRANSLATE_NOOP("AdminTools", "integrity"),
    "event chain": QT_TRANSLATE_NOOP("AdminTools", "dossier history"),
    "account log": QT_TRANSLATE_NOOP("AdminTools", "account changes"),
    "view log": QT_TRANSLATE_NOOP("AdminTools", "who viewed which dossier"),
    "file store": QT_TRANSLATE_NOOP("AdminTools", "scans and forms"),
    "procedures": QT_TRANSLATE_NOOP("AdminTools", "procedures"),
    "agency id": QT_TRANSLATE_NOOP("AdminTools", "agency code"),
    "provincial server": QT_TRANSLATE_NOOP("AdminTools", "provincial server"),
}


def check_line(check) -> str:
    """"✔ Database: integrity — in order" in the UI language."""
    def words(table: dict[str, str], key: str) -> str:
        return QCoreApplication.translate("AdminTools", table[key]) if key in table else key

    if check.ok:
        state = QCoreApplication.translate("AdminTools", "in order")
    else:
        state = QCoreApplication.translate("AdminTools", "needs fixing: see the details")
    mark = "✔ " if check.ok else "✘ "
    return f"{mark}{words(CHECK_KINDS, check.kind)}: {words(CHECK_NAMES, check.name)} — {state}"


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class RegisterDialog(QDialog):
    """Pick a period, then print or save the register (Sổ theo dõi hồ sơ) of that period."""

    def __init__(self, core, runner: TaskRunner, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.core, self.runner = core, runner
        self.setWindowTitle(self.tr("Register of dossiers"))
        today = today or core.clock().date()
        self.start_edit, self.end_edit = _date_edit(today.replace(day=1)), _date_edit(today)
        self.banner = Banner()
        self.pdf_actions = PdfActions(self, runner, self.banner.show_error,
                                      lambda text: self.banner.show_message("info", text))
        self.last_pdf: bytes | None = None
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.start_edit)
        form.addRow(self.tr("&To:"), self.end_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("&Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: self.render(self._print))
        self.save_button.clicked.connect(lambda: self.render(self._save))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Dossiers received in the period, one line each."), wrap=True))
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)

    def period(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def render(self, then=None) -> None:
        start, end = self.period()
        self.banner.show_message("info", self.tr("Preparing the register…"))

        def done(pdf: bytes) -> None:
            self.last_pdf = pdf
            self.banner.clear_message()
            if then:
                then(pdf)

        self.runner.submit(lambda: self.core.render_register(start, end), on_result=done,
                           on_error=lambda error: self.banner.show_error(describe(error)), owner=self)

    def _print(self, pdf: bytes) -> None:
        self.pdf_actions.print_pdf(pdf, self.tr("Register of dossiers"))

    def _save(self, pdf: bytes) -> None:
        start, end = self.period()
        self.pdf_actions.save_pdf(pdf, f"so-theo-doi-{start:%Y%m%d}-{end:%Y%m%d}.pdf")


class AdminTools(QObject):
    """Imports and checks; each reports in a (non-blocking) message box."""

    def __init__(self, core, runner: TaskRunner, parent: QWidget, *, checks=None):
        super().__init__(parent)
        self.core, self.runner, self._parent = core, runner, parent
        self._checks = checks  # devices check callable from the composition root, or None
        self.last_message: tuple[str, str] | None = None  # (kind, text and details), for tests and logs
        self.last_box: QMessageBox | None = None

    def import_catalog(self, path: Path | None = None) -> None:
        path = path or self._choose(self.tr("Import a procedure catalogue"),
                                    self.tr("Catalogue files (*.json *.xlsx)"))
        if path:
            self.runner.submit(lambda: self.core.import_catalog(path), on_result=self._catalog_done,
                               on_error=self._failed, owner=self)

    def _catalog_done(self, report) -> None:
        self._tell("info", self.tr("Catalogue imported: {added} new, {versions} new versions, "
                                   "{unchanged} unchanged.").format(added=len(report.added),
                                                                    versions=len(report.new_versions),
                                                                    unchanged=len(report.unchanged)))

    def import_calendar(self, path: Path | None = None) -> None:
        path = path or self._choose(self.tr("Import days off and make-up working days"),
                                    self.tr("Calendar files (*.json *.csv)"))
        if path:
            self.runner.submit(lambda: self.core.import_calendar(path), on_result=self._calendar_done,
                               on_error=self._failed, owner=self)

    def _calendar_done(self, count: int) -> None:
        self._tell("info", self.tr("Calendar imported: {n} day(s). Appointment dates use it from now on.")
                   .format(n=count))

    def check_system(self) -> None:
        from counter_app.doctor import run_checks

        root = self.core.workspace.root
        self.runner.submit(lambda: run_checks(root, device_checks=self._checks), on_result=self._checked,
                           on_error=self._failed, owner=self)

    def _checked(self, checks) -> None:
        lines = [check_line(c) for c in checks]
        # The doctor's own words, for the administrator or support ("counter-app doctor" prints the same).
        details = [("✔ " if c.ok else "✘ ") + f"{c.kind}: {c.name} — {c.detail}" for c in checks]
        ok = all(c.ok for c in checks)
        title = self.tr("Everything is in order.") if ok else self.tr("Some things need fixing (marked ✘).")
        self._tell("info" if ok else "warning", title + "\n\n" + "\n".join(lines), "\n".join(details))

    def _choose(self, title: str, filters: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self._parent, title, str(Path.home()), filters)
        return Path(path) if path else None

    def _failed(self, error: BaseException) -> None:
        message: UserMessage = describe(error)
        self._tell("error", message.full())

    def _tell(self, kind: str, text: str, details: str = "") -> None:
        self.last_message = (kind, text + ("\n\n" + details if details else ""))
        icon = {"info": QMessageBox.Icon.Information, "warning": QMessageBox.Icon.Warning}.get(
            kind, QMessageBox.Icon.Critical)
        box = QMessageBox(icon, QCoreApplication.applicationName(), text, QMessageBox.StandardButton.Ok,
                          self._parent)
        if details:
            box.setDetailedText(details)
        self.last_box = box
        box.open()  # not exec(): the officer's work is never blocked by a report
