"""Officer accounts, for the office administrator: list, add, change roles, revoke or
allow again, set a new password. Every change is checked again in the core."""
from __future__ import annotations

from ui.messages import describe
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import Banner, buddy_label, read_only_rows
from ui.workers import TaskRunner

ROLE_NAMES = ("officer", "leader", "admin")


class UsersDialog(QDialog):
    def __init__(self, core, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.runner = core, runner
        self.officers: list = []
        self.setWindowTitle(self.tr("Officer accounts"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"), self.tr("Roles"),
                                              self.tr("State")])
        read_only_rows(self.table, stretch=1)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        # The form below serves both "add" (new user name) and "change" (selected row).
        self.user_edit, self.name_edit, self.password_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_boxes = {
            "officer": QCheckBox(self.tr("Counter &officer")),
            "leader": QCheckBox(self.tr("Office l&eader")),
            "admin": QCheckBox(self.tr("Office a&dministrator")),
        }
        roles_row = QHBoxLayout()
        for box in self.role_boxes.values():
            roles_row.addWidget(box)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&User name:"), self.user_edit), self.user_edit)
        form.addRow(buddy_label(self.tr("Full &name:"), self.name_edit), self.name_edit)
        form.addRow(buddy_label(self.tr("&Password:"), self.password_edit), self.password_edit)
        form.addRow(self.tr("Roles:"), roles_row)
        self.banner = Banner()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.add_button = buttons.addButton(self.tr("&Add account"), role)
        self.roles_button = buttons.addButton(self.tr("Save &roles"), role)
        self.password_button = buttons.addButton(self.tr("Set pass&word"), role)
        self.revoke_button = buttons.addButton(self.tr("Re&voke"), role)
        self.add_button.clicked.connect(self.add)
        self.roles_button.clicked.connect(self.save_roles)
        self.password_button.clicked.connect(self.set_password)
        self.revoke_button.clicked.connect(self.toggle_revoked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.refresh()

    def _roles(self) -> list[str]:
        return [name for name, box in self.role_boxes.items() if box.isChecked()]

    def _run(self, fn, done_text: str) -> None:
        def done(_result) -> None:
            self.banner.show_message("success", done_text)
            self.password_edit.clear()
            self.refresh()
        self.runner.submit(fn, on_result=done, on_error=lambda e: self.banner.show_error(describe(e)), owner=self)

    def refresh(self) -> None:
        self.runner.submit(self.core.officers, on_result=self._show, on_error=lambda e: self.banner.show_error(
            describe(e)), owner=self)

    def _show(self, officers) -> None:
        self.officers = list(officers)
        self.table.setRowCount(len(self.officers))
        for row, view in enumerate(self.officers):
            state = self.tr("revoked") if view.revoked else self.tr("active")
            roles = ", ".join(self.role_boxes[role].text().replace("&", "") for role in view.roles
                              if role in self.role_boxes)
            for column, text in enumerate((view.username, view.display_name, roles, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        view = self.officers[rows[0].row()]
        self.user_edit.setText(view.username)
        self.name_edit.setText(view.display_name)
        for name, box in self.role_boxes.items():
            box.setChecked(name in view.roles)
        self.revoke_button.setText(self.tr("Allow a&gain") if view.revoked else self.tr("Re&voke"))

    def add(self) -> None:
        user, name, password, roles = (self.user_edit.text(), self.name_edit.text(), self.password_edit.text(),
                                       self._roles())
        self._run(lambda: self.core.create_officer(user, name, password, roles),
                  self.tr("Account {user} created.").format(user=user.strip().lower()))

    def save_roles(self) -> None:
        user, roles = self.user_edit.text(), self._roles()
        self._run(lambda: self.core.set_officer_roles(user, roles),
                  self.tr("Roles of {user} saved.").format(user=user))

    def set_password(self) -> None:
        user, password = self.user_edit.text(), self.password_edit.text()
        self._run(lambda: self.core.reset_password(user, password),
                  self.tr("New password of {user} saved.").format(user=user))

    def toggle_revoked(self) -> None:
        user = self.user_edit.text()
        current = next((v for v in self.officers if v.username == user.strip().lower()), None)
        revoke = not (current and current.revoked)
        self._run(lambda: self.core.revoke_officer(user, revoked=revoke),
                  (self.tr("{user} can no longer log in.") if revoke else self.tr("{user} can log in again."))
                  .format(user=user))
