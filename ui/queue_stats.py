"""The queue statistics dashboard: a date range, summary tiles, bar charts of the 3-minute
wait and service distributions and of tickets per service, tables per counter and per
officer, and an Excel export.

Reading and exporting run on the core worker; the export writes exactly the figures on
the screen (the last range shown), so the file and the screen never disagree.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from counter_app.queue.stats_xlsx import write_statistics_xlsx
from ui.bar_chart import BarChart
from ui.messages import describe
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QDate,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QPushButton,
    QShortcut,
    QTabWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import Banner, buddy_label, card, label, primary_button, read_only_rows


# Columns after the group's name, in the order ``_fill`` writes them.
COLUMNS = (QT_TRANSLATE_NOOP("QueueStatsPage", "Tickets"), QT_TRANSLATE_NOOP("QueueStatsPage", "Served"),
           QT_TRANSLATE_NOOP("QueueStatsPage", "No-shows"), QT_TRANSLATE_NOOP("QueueStatsPage", "Transferred"),
           QT_TRANSLATE_NOOP("QueueStatsPage", "Mean wait (min)"), QT_TRANSLATE_NOOP("QueueStatsPage", "Wait p90 (min)"),
           QT_TRANSLATE_NOOP("QueueStatsPage", "Mean service (min)"),
           QT_TRANSLATE_NOOP("QueueStatsPage", "Service p90 (min)"))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _minutes(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class Tile(QWidget):
    """One figure, big, with its caption below."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        box, inner = card(margins=10, spacing=2)
        self.value = label("—")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value.setStyleSheet("font-size: 22pt; font-weight: 700; color: #174c87;")
        self.caption = label(caption, "muted", wrap=True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.value)
        inner.addWidget(self.caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)


class QueueStatsPage(QWidget):
    shown = Signal(object)  # the QueueStatistics now on screen

    def __init__(self, core, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.core, self.runner = core, runner
        self.stats = None
        self.last_export: Path | None = None
        # Asks where to save; replaced in tests (a native file dialog cannot be driven offscreen).
        self.ask_path: Callable[[str], str] = self._ask_path
        self._build()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 18, 18, 18)
        outer.setSpacing(12)
        outer.addWidget(label(self.tr("Queue statistics"), "title"))
        bar = QHBoxLayout()
        today = self.core.clock().date()
        self.start = self._date_edit(today)
        self.end = self._date_edit(today)
        self.show_button = primary_button(self.tr("&Show"))
        self.show_button.clicked.connect(self.refresh)
        self.week_button = QPushButton(self.tr("Last &7 days"))
        self.week_button.clicked.connect(lambda: self.show_range(today - timedelta(days=6), today))
        self.export_button = QPushButton(self.tr("&Export XLSX… (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        export = QAction(self.tr("Export XLSX"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        export.triggered.connect(lambda: self.export_button.isEnabled() and self.export())
        self.addAction(export)
        for widget in (buddy_label(self.tr("&From:"), self.start), self.start, buddy_label(self.tr("T&o:"), self.end),
                       self.end, self.show_button, self.week_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)
        self.banner = Banner()
        outer.addWidget(self.banner)

        tiles = QGridLayout()
        tiles.setSpacing(10)
        captions = (("citizens", self.tr("Citizens")), ("served", self.tr("Served")),
                    ("no_show", self.tr("No-shows")), ("transferred", self.tr("Transferred")),
                    ("wait_mean", self.tr("Mean wait (min)")), ("wait_p90", self.tr("90% waited at most (min)")),
                    ("service_mean", self.tr("Mean service (min)")),
                    ("service_p90", self.tr("90% served within (min)")))
        self.tiles = {key: Tile(caption) for key, caption in captions}
        for index, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, index // 4, index % 4)
        outer.addLayout(tiles)

        charts = QHBoxLayout()
        self.wait_chart = BarChart(self.tr("Waiting time, 3-minute steps (tickets)"))
        self.service_chart = BarChart(self.tr("Service time, 3-minute steps (tickets)"))
        self.service_counts = BarChart(self.tr("Tickets per service"))
        for chart in (self.wait_chart, self.service_chart, self.service_counts):
            chart.empty_text = self.tr("No tickets in this period")
            charts.addWidget(chart, 1)
        outer.addLayout(charts, 2)

        # One table per grouping, on tabs (Ctrl+Tab / Ctrl+Shift+Tab switch between them).
        self.tables = QTabWidget()
        self.counters = self._group_table(self.tr("Counter"))
        self.officers = self._group_table(self.tr("Officer"))
        self.service_table = self._group_table(self.tr("Service"))
        self.days = self._group_table(self.tr("Day"))
        for title, table in ((self.tr("Per counter"), self.counters), (self.tr("Per officer"), self.officers),
                             (self.tr("Per service"), self.service_table), (self.tr("Per day"), self.days)):
            self.tables.addTab(table, title)
        outer.addWidget(self.tables, 1)
        self.setTabOrder(self.start, self.end)
        self.export_button.setEnabled(False)

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(_qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter in a date field shows that period
            enter = QShortcut(QKeySequence(key), edit)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.refresh)
        return edit

    def _group_table(self, first: str) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS) + 1)
        table.setHorizontalHeaderLabels([first, *(self.tr(title) for title in COLUMNS)])
        return read_only_rows(table, stretch=0)

    # -- reading --------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stats is None:
            self.refresh()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def show_range(self, start: date, end: date) -> None:
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))
        self.refresh()

    def refresh(self) -> None:
        start, end = self.period()
        queue = self.core.queue
        self.runner.submit(lambda: queue.statistics(start, end), on_result=self._show, on_error=self._failed,
                           owner=self)

    def _failed(self, error: BaseException) -> None:
        self.banner.show_error(describe(error))

    def _show(self, stats) -> None:
        self.stats = stats
        self.banner.clear_message()
        total = stats.total
        figures = {"citizens": str(stats.citizens), "served": str(total.served), "no_show": str(total.no_show),
                   "transferred": str(total.transferred), "wait_mean": _minutes(total.wait.mean),
                   "wait_p90": _minutes(total.wait.p90), "service_mean": _minutes(total.service.mean),
                   "service_p90": _minutes(total.service.p90)}
        for key, text in figures.items():
            self.tiles[key].value.setText(text)
        self.wait_chart.set_bars([(b.label, b.count) for b in stats.wait_buckets])
        self.service_chart.set_bars([(b.label, b.count) for b in stats.service_buckets])
        self.service_counts.set_bars([(g.label, g.tickets) for g in stats.by_service])  # names, not codes
        for table, groups in ((self.counters, stats.by_counter), (self.officers, stats.by_officer),
                              (self.service_table, stats.by_service), (self.days, stats.by_day)):
            self._fill(table, groups)
        self.export_button.setEnabled(True)
        self.shown.emit(stats)

    @staticmethod
    def _fill(table: QTableWidget, groups) -> None:
        table.setRowCount(len(groups))
        for row, group in enumerate(groups):
            values = (group.label, str(group.tickets), str(group.served), str(group.no_show),
                      str(group.transferred), _minutes(group.wait.mean), _minutes(group.wait.p90),
                      _minutes(group.service.mean), _minutes(group.service.p90))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    # -- export ---------------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export statistics"),
                                                    str(Path.home() / suggested), self.tr("Excel workbooks (*.xlsx)"))
        return path

    def export(self) -> None:
        stats = self.stats
        if stats is None:
            return
        suggested = f"thong-ke-hang-doi_{stats.start:%Y%m%d}-{stats.end:%Y%m%d}.xlsx"
        chosen = self.ask_path(suggested)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        office = self.core.settings().office.agency_name
        self.export_button.setEnabled(False)  # one export at a time
        self.runner.submit(lambda: write_statistics_xlsx(stats, path, office), on_result=self._exported,
                           on_error=self._failed, on_finished=lambda: self.export_button.setEnabled(True),
                           owner=self)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.banner.show_message("ok", self.tr("Statistics saved to {path}").format(path=path))
