"""The sync panel: what still waits for the provincial system, and "sync now".

It reads the outbox and the sync state (``sync.status``: two small SQLite queries) on a
timer and after every round of the worker; the worker itself runs on its own thread, so
the officer is never blocked. ``on_round`` is called on the worker's thread: it is
re-emitted as a Qt signal, which Qt delivers on the UI thread.

"Sync now" runs one round at once on a thread of its own (``run_once``: one round at a
time, so it waits for a round of the worker's loop already under way) and shows it: a busy
bar and a disabled button while it runs, then how that round ended (how many changes were
sent, or why it stopped). The worker's loop is started afterwards if it was not running.

Per-dossier badges (pending / sending / synced / rejected) come from
``counter_app.dossiers.sync_badges``; the list and the dossier view show them too.
"""
from __future__ import annotations

import logging
import threading
import time
from datetime import datetime

from sync.push import resend
from sync.status import acknowledge_conflict, badges, sync_status
from ui.labels import status_name, sync_badge_name
from ui.messages import text_for
from ui.qt import (
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import Banner, card, label, primary_button, read_only_rows

log = logging.getLogger(__name__)

POLL_MS = 5000
ROUND_WAIT_S = 300  # "Sync now" gives the button back after this even if no round reported (it goes on)


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
    asked_round_finished = Signal(object)  # the RoundReport of "Sync now" (or the exception it raised)
    open_requested = Signal(str)  # a dossier code the officer wants to look at

    def __init__(self, workspace, worker=None, parent: QWidget | None = None, *, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self.setObjectName("page")
        self.workspace, self.worker = workspace, worker
        self.syncing = False  # a round asked for with "Sync now" is running
        self._asked_at = 0.0
        self._build()
        self.round_finished.connect(lambda _report: self.refresh())
        self.asked_round_finished.connect(self._round_done)
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
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a round's length is not known in advance
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.progress, 1)
        body.addLayout(row)
        self.round_label = label("", "muted", wrap=True)  # how the last "Sync now" ended
        self.round_label.hide()
        body.addWidget(self.round_label)
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
        if self.worker is None or self.syncing:
            return
        self._set_syncing(True)
        self._asked_at = time.monotonic()
        self.round_label.setText(self.tr("Syncing with the provincial system…"))
        self.round_label.show()
        worker, done = self.worker, self.asked_round_finished

        def run() -> None:
            try:
                outcome = worker.run_once()
            except Exception as exc:  # noqa: BLE001 - the panel must hear of it, or it stays busy
                log.exception("sync round failed")
                outcome = exc
            try:
                done.emit(outcome)
            except RuntimeError:  # the panel was closed meanwhile
                pass

        threading.Thread(target=run, name="sync-now", daemon=True).start()

    def _set_syncing(self, running: bool) -> None:
        self.syncing = running
        self.sync_button.setEnabled(not running and self.worker is not None)
        self.progress.setVisible(running)

    def _round_done(self, report) -> None:
        self.refresh()
        if self.worker is not None:
            self.worker.start()  # the loop goes on from here (no-op when already running)
        if not self.syncing:
            return  # gave up waiting for it already
        self._set_syncing(False)
        if isinstance(report, BaseException):
            self.round_label.setText(self.tr("Sync did not finish ({n} change(s) sent): {reason}").format(
                n=0, reason=text_for("sync")))
            return
        sent = report.push.sent
        if report.ok:
            text = self.tr("Sync finished: {n} change(s) sent.").format(n=sent)
            if report.merged:
                text += " " + self.tr("{n} change(s) received from the province.").format(n=report.merged)
        else:
            reason = text_for(report.error_code or "sync")
            text = self.tr("Sync did not finish ({n} change(s) sent): {reason}").format(n=sent, reason=reason)
        self.round_label.setText(text)
        self.round_label.show()

    def refresh(self) -> None:
        if self.syncing and time.monotonic() - self._asked_at > ROUND_WAIT_S:
            self._set_syncing(False)  # no report came back: never leave the button disabled
            self.round_label.setText(self.tr("The sync is taking long: it goes on in the background."))
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
