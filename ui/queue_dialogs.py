"""Small non-blocking dialogs of the queue panel: transfer a ticket, serve a walk-in."""
from __future__ import annotations

from typing import Callable, Sequence

from ui.qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, Qt, QWidget


class QueueChoiceDialog(QDialog):
    """Pick a service (and a counter or a priority class); ``on_accept(dialog)`` runs on OK."""

    def __init__(self, parent: QWidget, title: str, services: Sequence,
                 on_accept: Callable[["QueueChoiceDialog"], None],
                 *, keep_service: bool = False, counters: bool = False, priorities: Sequence = ()):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        form = QFormLayout(self)
        self.service = QComboBox()
        if keep_service:
            self.service.addItem(self.tr("(same service)"), None)
        for service in services:
            self.service.addItem(f"{service.prefix} · {service.name}", service.code)
        form.addRow(self.tr("&Service:"), self.service)
        self.counter = QSpinBox()
        self.counter.setRange(0, 99)
        self.counter.setSpecialValueText(self.tr("any counter"))
        if counters:
            form.addRow(self.tr("&Counter:"), self.counter)
        self.priority = QComboBox()
        self.priority.addItem(self.tr("Ordinary"), "")
        for klass in priorities:
            self.priority.addItem(klass.name, klass.code)
        if priorities:
            form.addRow(self.tr("&Priority:"), self.priority)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("&OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.accepted.connect(lambda: on_accept(self))
        self.finished.connect(lambda _result: self._give_back(parent))
        self.finished.connect(self.deleteLater)

    @staticmethod
    def _give_back(parent: QWidget) -> None:
        parent.window().activateWindow()  # the keyboard returns to the panel: F2…F9 work at once
        parent.setFocus()

    @property
    def service_code(self) -> str | None:
        return self.service.currentData()

    @property
    def to_counter(self) -> int | None:
        return self.counter.value() or None

    @property
    def priority_code(self) -> str:
        return self.priority.currentData() or ""
