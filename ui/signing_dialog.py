"""Signing from the GUI: the PIN dialog, an in-memory PIN cache and the batch progress dialog.

The PIN is typed into a masked field, handed to the signer for one session and dropped:
it is never written to disk or logs. ``PinCache`` may keep it in memory for N minutes
(0 = never); ``clear()`` is called on idle lock and after a wrong PIN.
"""
from __future__ import annotations

import time
from typing import Callable

from counter_app.errors import TokenLocked, WrongPin
from ui.messages import describe
from ui.qt import QDialog, QDialogButtonBox, QLineEdit, QProgressBar, QVBoxLayout, Signal
from ui.widgets import buddy_label, label


class PinCache:
    """Keeps the PIN in this process's memory only, for ``minutes`` after it was typed."""

    def __init__(self, minutes: float = 0, clock: Callable[[], float] = time.monotonic):
        self.minutes, self._clock = minutes, clock
        self._pin: str | None = None
        self._until = 0.0

    def get(self) -> str | None:
        if self._pin is not None and self._clock() >= self._until:
            self.clear()
        return self._pin

    def put(self, pin: str) -> None:
        if self.minutes > 0:
            self._pin, self._until = pin, self._clock() + self.minutes * 60

    def clear(self) -> None:
        self._pin, self._until = None, 0.0


class PinDialog(QDialog):
    """Asks for the token's PIN for one signing session; shows tries left or a locked token."""

    pin_entered = Signal(str)
    otp_entered = Signal(str)  # remote signing: the one-time code, emitted just before pin_entered

    def __init__(self, token: str, count: int, parent=None, *, ask_otp: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Digital signature — PIN"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Sign {count} document(s) with: {token}").format(count=count, token=token),
                               wrap=True))
        layout.addWidget(label(self.tr("Type the PIN of the signing token (USB token or card):"), wrap=True))
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        layout.addWidget(self.pin_edit)
        self.otp_edit: QLineEdit | None = None
        if ask_otp:  # remote (cloud) signing: the code the provider sent by SMS or app
            self.otp_edit = QLineEdit()
            self.otp_edit.setAccessibleName(self.tr("One-time code (OTP)"))
            layout.addWidget(buddy_label(self.tr("One-time &code (OTP) sent by the signing service:"), self.otp_edit))
            layout.addWidget(self.otp_edit)
        self.message = label("", "error", wrap=True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.pin_edit.setFocus()

    def _accept(self) -> None:
        pin = self.pin_edit.text()
        if not pin:
            self._say(self.tr("Type the PIN first."))
            return
        if self.otp_edit is not None and not self.otp_edit.text().strip():
            self._say(self.tr("Type the one-time code (OTP) too."))
            self.otp_edit.setFocus()
            return
        self.pin_edit.clear()  # the widget keeps no copy
        self.accept()
        if self.otp_edit is not None:
            otp = self.otp_edit.text().strip()
            self.otp_edit.clear()
            self.otp_entered.emit(otp)
        self.pin_entered.emit(pin)

    def show_error(self, error: BaseException) -> None:
        """After a failed login: say why, with the tries left or that the token is locked."""
        if isinstance(error, TokenLocked):
            text = self.tr("The token is LOCKED after too many wrong PINs. Do not try again: ask the "
                           "certificate provider to unlock it.")
            self.pin_edit.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        elif isinstance(error, WrongPin):
            tries = error.details.get("tries_left")
            state = error.details.get("pin_state", "ok")
            if tries == 1 or state == "final_try":
                text = self.tr("Wrong PIN. Only ONE try is left before the token locks.")
            elif state == "count_low":
                text = self.tr("Wrong PIN. The token has counted wrong tries: type carefully.")
            else:
                text = self.tr("Wrong PIN. Nothing was signed; type it again.")
        else:
            text = describe(error).full()
        self._say(text)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.pin_edit.setFocus()


class SigningProgress(QDialog):
    """Progress of a batch: "k of n signed"."""

    def __init__(self, total: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signing"))
        layout = QVBoxLayout(self)
        self.text = label(self.tr("Signing {done} of {total}…").format(done=0, total=total))
        self.bar = QProgressBar()
        self.bar.setRange(0, total)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        self.total = total

    def advance(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        self.text.setText(self.tr("Signing {done} of {total}…").format(done=done, total=total))
