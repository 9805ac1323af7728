"""The sync panel: what still waits for the provincial system, and "sync now".

It reads the outbox and the sync state (``sync.status``: two small SQLite queries) on a
timer and after every round of the worker; the worker itself runs on its own thread, so
the officer is never blocked. ``on_round`` is called on the worker's thread: it is
re-emitted as a Qt signal, which Qt delivers on the UI thread.

Per-dossier badges (pending / sending / synced / rejected) come from ``sync.status.badges``;
``badge_text`` gives their translated label for lists and the dossier view.
"""
from __future__ import annotations

from datetime import datetime

from sync.status import badges, sync_status
from ui.messages import text_for
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QFormLayout, QTimer, QVBoxLayout, QWidget, Signal
from ui.widgets import Banner, card, label, primary_button

POLL_MS = 5000
BADGE_CONTEXT = "SyncBadge"
BADGE_LABELS = {
    "pending": QT_TRANSLATE_NOOP("SyncBadge", "Waiting to be sent"),
    "sending": QT_TRANSLATE_NOOP("SyncBadge", "Sending"),
    "synced": QT_TRANSLATE_NOOP("SyncBadge", "Sent to the province"),
    "rejected": QT_TRANSLATE_NOOP("SyncBadge", "Refused by the province"),
}


def badge_text(badge: str) -> str:
    """The translated label of a badge ("" for a dossier with nothing to send)."""
    return QCoreApplication.translate(BADGE_CONTEXT, BADGE_LABELS[badge]) if badge in BADGE_LABELS else ""


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
        outer.addStretch(1)

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


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else ""
    except ValueError:
        return iso
