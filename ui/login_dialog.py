"""The login screen (also the lock screen and "switch officer") and the first-run set-up of
the office administrator. Password checks (Argon2id) run on the worker, not the UI thread."""
from __future__ import annotations

from ui.messages import describe
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import Banner, buddy_label, label, primary_button
from ui.workers import TaskRunner


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginPanel(QWidget):
    """User name, password, Enter to log in; says clearly what went wrong and how many tries
    are left before the account locks. ``logged_in(principal)`` on success."""

    logged_in = Signal(object)

    def __init__(self, core, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.runner = core, runner
        self.title = label(self.tr("Log in"), "title")
        self.hint = label(self.tr("Type your user name and password, then press Enter."), wrap=True)
        self.user_edit = QLineEdit()
        self.user_edit.setMaxLength(64)
        self.password_edit = _password_edit()
        self.banner = Banner()
        self.login_button = primary_button(self.tr("&Log in"))
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&User name:"), self.user_edit), self.user_edit)
        form.addRow(buddy_label(self.tr("&Password:"), self.password_edit), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.login_button, 0, Qt.AlignmentFlag.AlignRight)
        self.user_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit)
        self.login_button.clicked.connect(self.submit)
        self._busy = False

    def reset(self, *, locked_by: str = "") -> None:
        """Ready for the next login; after a lock the user name of who locked is kept."""
        self.user_edit.setText(locked_by)
        self.password_edit.clear()
        self.banner.clear_message()
        (self.password_edit if locked_by else self.user_edit).setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not user or not password:
            self.banner.show_message("error", self.tr("Type both your user name and your password."))
            (self.user_edit if not user else self.password_edit).setFocus()
            return
        self._busy = True
        self.login_button.setEnabled(False)
        self.runner.submit(lambda: self.core.login(user, password), on_result=self._done, on_error=self._failed,
                           on_finished=self._finished, owner=self)

    def _finished(self) -> None:
        self._busy = False
        self.login_button.setEnabled(True)

    def _done(self, principal) -> None:
        self.password_edit.clear()
        self.banner.clear_message()
        self.logged_in.emit(principal)

    def _failed(self, error) -> None:
        self.password_edit.clear()
        self.password_edit.setFocus()
        text = describe(error).full()
        tries = getattr(error, "details", {}).get("tries_left")
        details = getattr(error, "details", {})
        if getattr(error, "code", "") == "login_failed" and tries:
            text += "\n" + self.tr("%n try(ies) left before the account is locked.", "", tries)
        if getattr(error, "code", "") == "account_locked" and details.get("until"):
            text += "\n" + self.tr("You can try again at {time}.").format(time=f"{details['until']:%H:%M}")
        self.banner.show_message("error", text)


class SetupAdminDialog(QDialog):
    """First run: create the office administrator's account. "Later" keeps the workspace in
    set-up mode (everything allowed, as before accounts existed)."""

    def __init__(self, core, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.runner = core, runner
        self.principal = None
        self.setWindowTitle(self.tr("Create the administrator account"))
        self.user_edit, self.name_edit = QLineEdit(), QLineEdit()
        self.password_edit, self.confirm_edit = _password_edit(), _password_edit()
        self.banner = Banner()
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&User name:"), self.user_edit), self.user_edit)
        form.addRow(buddy_label(self.tr("Full &name:"), self.name_edit), self.name_edit)
        form.addRow(buddy_label(self.tr("&Password (8 characters or more):"), self.password_edit),
                    self.password_edit)
        form.addRow(buddy_label(self.tr("&Confirm password:"), self.confirm_edit), self.confirm_edit)
        buttons = QDialogButtonBox()
        self.create_button: QPushButton = buttons.addButton(self.tr("C&reate and log in"),
                                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button: QPushButton = buttons.addButton(self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("No officer account exists yet. Create the office administrator's account: "
                                       "the administrator then adds the officers' accounts. Until then everyone "
                                       "can do everything on this computer."), wrap=True))
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.user_edit.setFocus()

    def submit(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            self.banner.show_message("error", self.tr("The two passwords differ. Type them again."))
            self.password_edit.clear()
            self.confirm_edit.clear()
            self.password_edit.setFocus()
            return
        user, name, password = self.user_edit.text(), self.name_edit.text(), self.password_edit.text()
        self.create_button.setEnabled(False)
        self.runner.submit(lambda: self.core.create_first_admin(user, name, password), on_result=self._created,
                           on_error=lambda error: self.banner.show_error(describe(error)),
                           on_finished=lambda: self.create_button.setEnabled(True), owner=self)

    def _created(self, principal) -> None:
        self.principal = principal
        self.accept()
