"""Small building blocks shared by the screens: labels with a style role, message banners,
primary buttons, cards and a non-blocking yes/no question."""
from __future__ import annotations

from typing import Callable

from ui.messages import UserMessage
from ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)


def repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_role(widget: QWidget, role: str) -> QWidget:
    widget.setProperty("role", role)
    repolish(widget)
    return widget


def label(text: str = "", role: str | None = None, *, wrap: bool = False, selectable: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A field label whose ``&`` mnemonic (Alt+letter) puts the cursor in ``buddy``."""
    widget = QLabel(text)
    widget.setBuddy(buddy)
    return widget


def primary_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", "primary")
    return button


def card(*, margins: int = 14, spacing: int = 8) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return frame, layout


def read_only_rows(view: QAbstractItemView, *, stretch: int, fit: tuple[int, ...] = ()) -> QAbstractItemView:
    """A table the officer reads and picks whole rows from; column ``stretch`` takes the spare
    width, the ``fit`` columns (all others when empty) are as wide as their contents."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    for column in fit or [c for c in range(header.count()) if c != stretch]:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", "true" if invalid else "false")
    repolish(widget)


class Banner(QLabel):
    """A coloured message line: errors (what to do next), warnings, success, information."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Margins, not CSS padding: a word-wrapped QLabel's height ignores the padding.
        self.setContentsMargins(10, 8, 10, 8)
        self.hide()

    @property
    def kind(self) -> str:
        return self.property("banner") or ""

    def show_message(self, kind: str, text: str) -> None:
        self.setProperty("banner", kind)
        self.setText(text)
        repolish(self)
        self.show()

    def show_error(self, message: UserMessage) -> None:
        self.show_message("error", message.full())

    def clear_message(self) -> None:
        self.setText("")
        self.setProperty("banner", "")
        self.hide()


def ask(parent: QWidget, title: str, text: str, on_yes: Callable[[], None], *,
        yes_text: str | None = None, no_text: str | None = None) -> QMessageBox:
    """Ask a yes/no question without blocking the event loop; ``on_yes`` runs on "yes".

    Qt ships no Vietnamese translation of its standard buttons, so they get ours. "No"
    is the default: a stray Enter never discards work.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text or QCoreApplication.translate("Dialogs", "&Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(no_text or QCoreApplication.translate("Dialogs", "&No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setWindowModality(Qt.WindowModality.WindowModal)

    def finished() -> None:
        parent.window().activateWindow()  # the keyboard returns to the screen that asked
        if box.clickedButton() is yes:
            on_yes()
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box
