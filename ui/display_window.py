"""Second-screen display (TV): per counter the number being served, the latest calls,
waiting per service and a scrolling notice; a new call flashes its counter and is spoken.

A long poll on a worker (``QueueChanges``) wakes it as soon as any counter calls, on
this PC's workspace or through the office queue host on the LAN; a slow poll is the
safety net. When the host cannot be reached it keeps the last picture, says it is
reconnecting, and catches up by itself.
Sizes are shares of the window height: the same layout from 720p to 4K.
"""
from __future__ import annotations

from typing import Callable

from counter_app.errors import QueueAccessRevoked
from ui.display_common import add_staff_quit, pixel_font, timer
from ui.display_marquee import Marquee
from ui.queue_changes import QueueChanges
from ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.messages import describe
from ui.workers import TaskRunner

POLL_MS = 5000  # safety net only: changes wake the display at once
FLASHES = 8  # on/off steps of the highlight after a call
FLASH_MS = 350
RECENT = 5
STYLE = """
QWidget#display { background: #10263d; }
QLabel { color: white; }
QLabel[dim="true"] { color: #9fb6cc; }
QFrame#counterCard { background: #1f3a56; border-radius: 14px; }
QFrame#counterCard[flash="true"] { background: #f2b01e; }
QFrame#counterCard[flash="true"] QLabel { color: #10263d; }
QLabel#counterNumber { color: #ffe08a; }
QFrame#side { background: #173250; border-radius: 14px; }
"""



def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    for child in widget.findChildren(QLabel):
        child.style().unpolish(child)
        child.style().polish(child)


class CounterCard(QFrame):
    def __init__(self, title: str):
        super().__init__()
        self.setObjectName("counterCard")
        layout = QVBoxLayout(self)
        self.title = QLabel(title)
        self.number = QLabel("—")
        self.number.setObjectName("counterNumber")
        for widget in (self.title, self.number):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        self.flashes_left = 0


class DisplayWindow(QWidget):
    def __init__(self, core, announce: Callable[[str, int], None] | None = None, *, synchronous: bool = False,
                 notice: str | None = None):
        """``announce(number, counter)`` speaks a call (voice adapter); it runs on a worker."""
        super().__init__()
        self.setObjectName("display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Queue display"))
        self.queue, self.announce = core.queue, announce
        self.runner = TaskRunner(self, synchronous=synchronous)
        self.voice_runner = TaskRunner(self, synchronous=synchronous)  # one thread: calls spoken in order
        self.cards: dict[int, CounterCard] = {}
        self._seen: set[tuple[int, int]] | None = None  # (ticket id, call count) already announced
        self.announced: list[tuple[str, int]] = []
        self._busy = self._again = False
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.office = QLabel(core.settings().office.agency_name.upper())
        self.caption = QLabel(self.tr("Now serving"))
        self.caption.setProperty("dim", "true")
        header.addWidget(self.office, 1)
        header.addWidget(self.caption)
        layout.addLayout(header)
        body = QHBoxLayout()
        self.grid = QGridLayout()
        body.addLayout(self.grid, 3)
        side = QFrame()
        side.setObjectName("side")
        column = QVBoxLayout(side)
        self.recent_title = QLabel(self.tr("Just called"))
        self.recent = QLabel("")
        self.waiting_title = QLabel(self.tr("Waiting"))
        self.waiting = QLabel("")
        for widget in (self.recent_title, self.recent, self.waiting_title, self.waiting):
            widget.setWordWrap(True)
            column.addWidget(widget)
        column.addStretch(1)
        body.addWidget(side, 2)
        layout.addLayout(body, 1)
        self.marquee = Marquee(notice or self.tr(
            "Please keep your ticket and wait for your number to be called. Priority is given to the elderly, "
            "people with disabilities, pregnant women and people with small children."))
        layout.addWidget(self.marquee)
        self._poll = timer(self, POLL_MS, self.refresh)
        self._flash = timer(self, FLASH_MS, self._flash_step)
        add_staff_quit(self)  # staff only: no close button on a public screen
        self.changes = QueueChanges(self.queue, self)
        self.changes.changed.connect(self.refresh)
        self.changes.failed.connect(self._read_failed)
        self.refresh()
        if not synchronous:
            self._poll.start()
            self.marquee.start()
            self.changes.start()

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._busy:  # a slow disk must not pile up reads; read once more when this one ends
            self._again = True
            return
        self._busy = True
        self.runner.submit(self.queue.status, on_result=self.show_status, on_error=self._read_failed,
                           on_finished=self._done, owner=self)

    def _done(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()

    def _read_failed(self, error) -> None:
        if isinstance(error, QueueAccessRevoked):  # retrying will not help: say why
            self.caption.setText(describe(error).text)
            return
        self.caption.setText(self.tr("Reconnecting…"))  # keeps the last picture; the next poll retries

    def show_status(self, status) -> None:
        self.caption.setText(self.tr("Now serving"))
        counters = [c for c in status.counters if c.officer or c.current]
        if [c.number for c in counters] != list(self.cards):
            self._rebuild(counters)
        for counter in counters:
            current = counter.current
            self.cards[counter.number].number.setText((current.number or self.tr("Walk-in")) if current else "—")
        line = self.tr("{number} → counter {counter}")
        self.recent.setText("\n".join(line.format(number=t.number, counter=t.counter)
                                      for t in status.recent_calls[:RECENT] if t.number and t.counter))
        self.waiting.setText("\n".join(f"{s.prefix} · {s.name}: {s.waiting}" for s in status.services if s.active))
        self._new_calls(status.recent_calls)
        # The office's notice (set at a counter), else the line this screen started with;
        # set only on change, since setText restarts the scroll.
        notice = getattr(status, "notice", "") or self.__dict__.setdefault("_start_notice", self.marquee.text())
        if notice != self.marquee.text():
            self.marquee.setText(notice)

    def _rebuild(self, counters) -> None:
        for card in self.cards.values():
            card.deleteLater()
        self.cards = {}
        columns = 1 if len(counters) <= 2 else 2
        for index, counter in enumerate(counters):
            card = CounterCard(self.tr("Counter {n}").format(n=counter.number))
            self.grid.addWidget(card, index // columns, index % columns)
            self.cards[counter.number] = card
        self._scale()

    def _new_calls(self, recent) -> None:
        keys = {(t.id, t.call_count): t for t in recent if t.number and t.counter}
        if self._seen is None:  # opening the display announces nothing old
            self._seen = set(keys)
            return
        fresh = [t for key, t in keys.items() if key not in self._seen]
        self._seen |= set(keys)
        for ticket in sorted(fresh, key=lambda t: t.called_at):
            self.called(ticket.number, ticket.counter)

    def called(self, number: str, counter: int) -> None:
        """Highlight the counter and speak the call (never on the UI thread)."""
        self.announced.append((number, counter))
        card = self.cards.get(counter)
        if card is not None:
            card.flashes_left = FLASHES
            self._flash_step()
            if not self.runner.synchronous:
                self._flash.start()
        if self.announce is not None:
            announce = self.announce
            self.voice_runner.submit(lambda: announce(number, counter), owner=self)

    def _flash_step(self) -> None:
        active = False
        for card in self.cards.values():
            if card.flashes_left > 0:
                card.flashes_left -= 1
                card.setProperty("flash", "true" if card.flashes_left % 2 else "false")
                _repolish(card)
                active = True
        if not active:
            self._flash.stop()

    def closeEvent(self, event) -> None:
        self.changes.stop()
        super().closeEvent(event)

    # -- sizing ---------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        h = max(self.height(), 360)
        pixel_font(self.office, h // 22, bold=True)
        pixel_font(self.caption, h // 30)
        for widget in (self.recent_title, self.waiting_title):
            pixel_font(widget, h // 26, bold=True)
        for widget in (self.recent, self.waiting):
            pixel_font(widget, h // 32)
        columns = 1 if len(self.cards) <= 2 else 2
        rows = max(1, -(-len(self.cards) // columns))
        for card in self.cards.values():
            pixel_font(card.title, h // (20 + 4 * rows), bold=True)
            pixel_font(card.number, h // (5 + 2 * rows), bold=True)
        self.marquee.setFixedHeight(h // 14)
