"""Small non-blocking dialogs of the queue panel: transfer a ticket, serve a walk-in, call a
ticket out of turn, edit the counter's work profile and the display's notice."""
from __future__ import annotations

from typing import Callable, Sequence

from counter_app.queue.policy import NOTICE_MAX
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import buddy_label, label


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


# The OK/Cancel pair of the dialogs below, translated in one shared context.
BUTTONS_CONTEXT = "QueueDialogs"
OK_TEXT = QT_TRANSLATE_NOOP("QueueDialogs", "&OK")
CANCEL_TEXT = QT_TRANSLATE_NOOP("QueueDialogs", "&Cancel")


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    buttons.addButton(QCoreApplication.translate(BUTTONS_CONTEXT, OK_TEXT), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QCoreApplication.translate(BUTTONS_CONTEXT, CANCEL_TEXT),
                      QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _wire(dialog: QDialog, parent: QWidget, on_accept: Callable) -> None:
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.accepted.connect(lambda: on_accept(dialog))
    dialog.finished.connect(lambda _result: QueueChoiceDialog._give_back(parent))
    dialog.finished.connect(dialog.deleteLater)


class TicketPickDialog(QDialog):
    """Pick one waiting ticket to call out of turn (type its number or choose it in the list)."""

    def __init__(self, parent: QWidget, tickets: Sequence, on_accept: Callable[["TicketPickDialog"], None]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Call a ticket out of turn"))
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Ticket number, e.g. A012"))
        self.list = QListWidget()
        layout.addWidget(buddy_label(self.tr("&Number:"), self.filter))
        layout.addWidget(self.filter)
        layout.addWidget(buddy_label(self.tr("&Waiting tickets:"), self.list))
        layout.addWidget(self.list)
        for ticket in tickets:
            priority = f" · {ticket.priority_name}" if ticket.priority_name else ""
            text = f"{ticket.number} · {ticket.service_name}{priority} · {ticket.issued_at:%H:%M}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ticket.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, ticket.number)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            layout.addWidget(label(self.tr("Nobody is waiting."), "muted"))
        self.filter.textChanged.connect(self._narrow)
        self.filter.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(_buttons(self))
        _wire(self, parent, on_accept)

    def _narrow(self, text: str) -> None:
        wanted = text.strip().upper()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and not item.data(Qt.ItemDataRole.UserRole + 1).startswith(wanted)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def accept(self) -> None:
        if self.ticket_id is None:
            return  # nothing chosen: stay open rather than call nobody
        super().accept()

    @property
    def ticket_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and not item.isHidden() else None


class WorkProfileDialog(QDialog):
    """A counter's work profile: its name, which services it calls and in which order, and how."""

    def __init__(self, parent: QWidget, counter_label: str, services: Sequence, chosen: Sequence[str], mode: str,
                 on_accept: Callable[["WorkProfileDialog"], None]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Work profile of this counter"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.label = QLineEdit(counter_label)
        form.addRow(self.tr("&Name shown on the display:"), self.label)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Services strictly in the order listed"), "in_order")
        self.mode.addItem(self.tr("The longest-waiting ticket of these services"), "oldest")
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        form.addRow(self.tr("Calling &mode:"), self.mode)
        layout.addLayout(form)
        self.services = QListWidget()
        layout.addWidget(buddy_label(self.tr("&Services this counter calls (Space ticks, Alt+Up/Alt+Down "
                                             "moves):"), self.services))
        by_code = {s.code: s for s in services}
        ordered = [by_code[c] for c in chosen if c in by_code] + [s for s in services if s.code not in chosen]
        for service in ordered:
            item = QListWidgetItem(f"{service.prefix} · {service.name}")
            item.setData(Qt.ItemDataRole.UserRole, service.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if service.code in chosen else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        if self.services.count():
            self.services.setCurrentRow(0)
        layout.addWidget(self.services)
        layout.addWidget(label(self.tr("No service ticked: the counter calls every service."), "muted", wrap=True))
        moves = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        layout.addLayout(moves)
        self.services.installEventFilter(self)  # Alt+Up / Alt+Down move the current service
        layout.addWidget(_buttons(self))
        _wire(self, parent, on_accept)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.services and event.type() == QEvent.Type.KeyPress
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def move(self, step: int) -> None:
        row = self.services.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.services.count():
            return
        item = self.services.takeItem(row)
        self.services.insertItem(target, item)
        self.services.setCurrentRow(target)

    @property
    def counter_label(self) -> str:
        return self.label.text().strip()

    @property
    def service_codes(self) -> tuple[str, ...]:
        items = (self.services.item(row) for row in range(self.services.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)

    @property
    def calling_mode(self) -> str:
        return self.mode.currentData()


class NoticeDialog(QDialog):
    """The one line the display screens scroll (office hours, a closed counter…)."""

    def __init__(self, parent: QWidget, notice: str, on_accept: Callable[["NoticeDialog"], None]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Notice on the display screen"))
        form = QFormLayout(self)
        self.text = QLineEdit(notice)
        self.text.setMaxLength(NOTICE_MAX)
        self.text.setMinimumWidth(480)
        form.addRow(self.tr("&Notice:"), self.text)
        form.addRow(label(self.tr("Leave it empty to show the usual greeting."), "muted", wrap=True))
        form.addRow(_buttons(self))
        _wire(self, parent, on_accept)

    @property
    def notice(self) -> str:
        return self.text.text().strip()
