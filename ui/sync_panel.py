"""The sync panel: what still waits for the provincial system, and "sync now".

It reads the outbox and the sync state (``sync.status``: two small SQLite queries) on a
timer and after every round of the worker; the worker itself runs on its own thread, so
the officer is never blocked. ``on_round`` is called on the worker's thread: it is
re-emitted as a Qt signal, which Qt delivers on the UI thread.

Per-dossier badges (pending / sending / synced / rejected) come from
``counter_app.dossiers.sync_badges``; the list and the dossier view show them too.
"""
from __future__ import annotations

from datetime import datetime

from sync.push import resend
from sync.status import acknowledge_conflict, badges, sync_status
from ui.labels import status_name, sync_badge_name
from ui.messages import text_for
from ui.qt import (
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import Banner, card, label, primary_button, read_only_rows

POLL_MS = 5000


def badge_text(badge: str) -> str:
    """The translated label of a badge ("" for a dossier with nothing to send)."""
    return sync_badge_name(badge)


def dossier_badges(workspace, dossier_uuids: list[str]) -> dict[str, str]:
    """Badge names for many dossiers in one query (for a list view)."""
    return badges(workspace, dossier_uuids)


def human_bytes(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


class SyncPanel(QWidget):
    round_finished = Signal(object)  # a RoundReport, emitted from the worker's thread
    open_requested = Signal(str)  # a dossier code the officer wants to look at

    def __init__(self, workspace, worker=None, parent: QWidget | None = None, *, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self.setObjectName("page")
        self.workspace, self.worker = workspace, worker
        self._build()
        self.round_finished.connect(lambda _report: self.refresh())
        if worker is not None:
            worker.on_round = self.round_finished.emit
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(label(self.tr("Sync with the provincial system"), "title"))
        frame, body = card()
        form = QFormLayout()
        self.pending_label, self.bytes_label, self.success_label = label(), label(), label()
        form.addRow(self.tr("Waiting to be sent:"), self.pending_label)
        form.addRow(self.tr("Files left to send:"), self.bytes_label)
        form.addRow(self.tr("Last successful sync:"), self.success_label)
        body.addLayout(form)
        self.error_banner = Banner()
        body.addWidget(self.error_banner)
        self.sync_button = primary_button(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_button.setEnabled(self.worker is not None)
        if self.worker is None:
            self.sync_button.setToolTip(self.tr("This counter is not connected to the provincial system yet."))
        body.addWidget(self.sync_button)
        outer.addWidget(frame)
        outer.addWidget(self._build_attention())
        outer.addStretch(1)

    def _build_attention(self) -> QWidget:
        """What the province refused or could not merge: shown until the officer acts on it."""
        frame, body = card()
        self.attention_frame = frame
        body.addWidget(label(self.tr("Needs your attention"), "heading"))
        self.attention = QTableWidget(0, 2)
        self.attention.setHorizontalHeaderLabels([self.tr("Dossier"), self.tr("What happened")])
        read_only_rows(self.attention, stretch=1, fit=(0,))
        self.attention.itemSelectionChanged.connect(self._selection_changed)
        self.attention.doubleClicked.connect(lambda _index: self.open_selected())
        body.addWidget(self.attention)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open the dossier"))
        self.open_button.clicked.connect(self.open_selected)
        self.resend_button = QPushButton(self.tr("Send &again"))
        self.resend_button.setToolTip(self.tr("After correcting the dossier, send the refused change again."))
        self.resend_button.clicked.connect(self.resend_selected)
        self.seen_button = QPushButton(self.tr("&Mark as seen"))
        self.seen_button.setToolTip(self.tr("The province's change is kept in the record; it is just no longer "
                                            "listed here."))
        self.seen_button.clicked.connect(self.acknowledge_selected)
        for button in (self.open_button, self.resend_button, self.seen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        body.addLayout(buttons)
        self._rows: list[dict] = []
        return frame

    def _fill_attention(self, status) -> None:
        rows = [{"kind": "rejected", "code": op.get("code") or "", "op_id": op["op_id"],
                 "text": self.tr("Refused by the province: {reason}").format(reason=op.get("reason") or "—")}
                for op in status.rejected_ops]
        rows += [{"kind": "conflict", "code": c.get("code") or "", "change_id": c.get("change_id"),
                  "text": self.tr("The province set \"{wanted}\" but here the dossier is \"{local}\": {reason}").format(
                      wanted=_status_text(c.get("status")), local=_status_text(c.get("local_status")),
                      reason=c.get("reason") or "—")}
                 for c in status.conflicts if not c.get("seen")]
        if rows == self._rows:
            return  # keep the officer's selection while nothing changed
        self._rows = rows
        self.attention.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.attention.setItem(r, 0, QTableWidgetItem(row["code"]))
            self.attention.setItem(r, 1, QTableWidgetItem(row["text"]))
        self.attention.resizeRowsToContents()
        self.attention_frame.setVisible(bool(rows))
        self._selection_changed()

    def selected_row(self) -> dict | None:
        index = self.attention.currentRow()
        return self._rows[index] if 0 <= index < len(self._rows) and self.attention.selectedItems() else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(bool(row and row["code"]))
        self.resend_button.setEnabled(bool(row and row["kind"] == "rejected"))
        self.seen_button.setEnabled(bool(row and row["kind"] == "conflict"))

    def open_selected(self) -> None:
        row = self.selected_row()
        if row and row["code"]:
            self.open_requested.emit(row["code"])

    def resend_selected(self) -> None:
        row = self.selected_row()
        if row and row["kind"] == "rejected" and resend(self.workspace, row["op_id"]):
            self.refresh()
            self.sync_now()

    def acknowledge_selected(self) -> None:
        row = self.selected_row()
        if row and row["kind"] == "conflict" and acknowledge_conflict(self.workspace, row["change_id"]):
            self.refresh()

    def sync_now(self) -> None:
        if self.worker is not None:
            self.worker.start()  # no-op when already running
            self.worker.wake()

    def refresh(self) -> None:
        status = sync_status(self.workspace)
        self.status = status
        text = self.tr("{n} change(s)").format(n=status.pending)
        if status.rejected:
            text += " — " + self.tr("{n} refused by the province").format(n=status.rejected)
        self.pending_label.setText(text)
        self.bytes_label.setText(human_bytes(status.bytes_left))
        self.success_label.setText(_when(status.last_success) or self.tr("never"))
        if status.last_error:
            self.error_banner.show_message("error", text_for(status.last_error_code or "sync"))
        else:
            self.error_banner.clear_message()
        self._fill_attention(status)


def _status_text(value) -> str:
    try:
        return status_name(int(value))
    except (TypeError, ValueError, KeyError):
        return str(value or "—")


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else ""
    except ValueError:
        return iso
