"""Unlocking an encrypted workspace at start-up: the passphrase dialog.

A workspace whose key is in the OS keyring (or a plain one) opens without a question;
only a passphrase-protected one asks. The Argon2id derivation runs on the worker, a wrong
passphrase says so and the officer simply types it again; Esc quits without touching
anything.
"""
from __future__ import annotations

from pathlib import Path

from counter_app.errors import WorkspaceLocked
from counter_app.security import keys as keystore
from counter_app.workspace import Workspace, default_workspace_dir, open_workspace
from ui.messages import describe
from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget
from ui.widgets import Banner, buddy_label, label
from ui.workers import TaskRunner


class UnlockDialog(QDialog):
    def __init__(self, root: Path, runner: TaskRunner | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.root = Path(root)
        self.runner = runner or TaskRunner(self)
        self.workspace: Workspace | None = None
        self.setWindowTitle(self.tr("Encrypted data"))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.banner = Banner()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Passphrase:"), self.passphrase_edit), self.passphrase_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("The data of this counter is encrypted. Type the workspace passphrase "
                                       "to open it."), wrap=True))
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._busy = False

    def submit(self) -> None:
        passphrase = self.passphrase_edit.text()
        if self._busy:
            return
        if not passphrase:
            self.banner.show_message("error", self.tr("Type the passphrase first."))
            self.passphrase_edit.setFocus()
            return
        self._busy = True
        self.buttons.setEnabled(False)
        self.runner.submit(lambda: open_workspace(self.root, passphrase=passphrase), on_result=self._opened,
                           on_error=self._failed, on_finished=self._finished, owner=self)

    def _finished(self) -> None:
        self._busy = False
        self.buttons.setEnabled(True)

    def _opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.banner.show_error(describe(error))
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()


def open_workspace_for_gui(root: Path | str | None) -> Workspace | None:
    """The workspace, asking its passphrase in a dialog when needed; None if the officer quits."""
    root = Path(root) if root else default_workspace_dir()
    try:
        return open_workspace(root)  # plain, keyring, or COUNTER_APP_PASSPHRASE
    except WorkspaceLocked:
        key_file = keystore.load_key_file(root)
        if key_file is None or key_file.protector.get("type") != "passphrase":
            raise  # a keyring problem: the error says what to do
    from ui.application import prepare_app

    prepare_app()  # the officer's language and theme before the main window
    dialog = UnlockDialog(root)
    dialog.passphrase_edit.setFocus()
    return dialog.workspace if dialog.exec() == QDialog.DialogCode.Accepted else None
