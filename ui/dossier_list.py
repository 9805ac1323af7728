"""Dossier list: search as you type (code, name, ID number, phone; accents optional — the
core's index does the matching) and filter by status, procedure and reception date.
Overdue dossiers stand out in red. Enter or a double-click opens the dossier."""
from __future__ import annotations

from datetime import date, timedelta

from counter_app.dossiers.views import DossierSummary
from counter_app.search import SearchQuery
from ui.labels import STATUS_NAMES, fmt_datetime, is_overdue, status_name, sync_badge_name
from ui.messages import describe
from ui.qt import (
    QAbstractTableModel,
    QBrush,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QEvent,
    QFont,
    QHBoxLayout,
    QLineEdit,
    QModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.theme import color, status_colors, sync_badge_colors
from ui.widgets import Banner, buddy_label, label, read_only_rows
from ui.workers import LatestOnly

SEARCH_LIMIT = 200
CODE, APPLICANT, PROCEDURE, RECEIVED, DUE, STATUS, SYNC = range(7)


class DossierTableModel(QAbstractTableModel):
    """The list's rows: ``DossierSummary`` objects from the core, shown read-only."""

    def __init__(self, now, parent=None):
        super().__init__(parent)
        self._now = now
        self._rows: list[DossierSummary] = []

    def set_rows(self, rows: list[DossierSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> DossierSummary:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Dossier code"), self.tr("Applicant"), self.tr("Procedure"), self.tr("Received"),
                    self.tr("Due"), self.tr("Status"), self.tr("Province"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        overdue = is_overdue(item.status, item.due_at, self._now())
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.code, item.applicant_name, item.procedure_name, fmt_datetime(item.received_at),
                    fmt_datetime(item.due_at), status_name(item.status), sync_badge_name(item.sync_state))[column]
        if role == Qt.ItemDataRole.UserRole:
            return item.code
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                return self.tr("Overdue since {due}").format(due=fmt_datetime(item.due_at))
            return f"{item.procedure_code} · {item.procedure_name}" if column == PROCEDURE else None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            if column == SYNC:
                fg, bg = sync_badge_colors(item.sync_state)
                return QBrush(fg if role == Qt.ItemDataRole.ForegroundRole else bg)
            if column == STATUS or (column == DUE and overdue):
                fg, bg = (color("error"), color("error_bg")) if overdue else status_colors(item.status)
                return QBrush(fg if role == Qt.ItemDataRole.ForegroundRole else bg)
        if role == Qt.ItemDataRole.FontRole and overdue and column in (DUE, STATUS):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def is_overdue(self, row: int) -> bool:
        item = self._rows[row]
        return is_overdue(item.status, item.due_at, self._now())


class DossierListPanel(QWidget):
    open_requested = Signal(str)

    def __init__(self, core, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self._core, self._runner = core, runner
        self.model = DossierTableModel(core.clock, self)
        self._search = LatestOnly(runner, core.search, self._show_results, self._search_failed, parent=self)
        self._procedures_loaded = False
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(label(self.tr("Find a dossier"), "title"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Dossier code, applicant's name, ID number or phone — "
                                               "accents optional"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for code in STATUS_NAMES:
            self.status.addItem(f"{code} · {status_name(code)}", code)
        self.procedure = QComboBox()
        self.procedure.addItem(self.tr("All procedures"), None)
        for combo, length in ((self.status, 18), (self.procedure, 20)):  # long names must not widen the window
            combo.setMinimumContentsLength(length)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.use_dates = QCheckBox(self.tr("Received &from"))
        today = self._core.clock().date()
        self.date_from = self._date_edit(today - timedelta(days=30))
        self.date_to = self._date_edit(today)
        self.clear_button = QPushButton(self.tr("&Clear filters"))
        first = QHBoxLayout()
        first.addWidget(buddy_label(self.tr("&Search:"), self.search))
        first.addWidget(self.search, 1)
        first.addSpacing(12)
        first.addWidget(self.use_dates)
        first.addWidget(self.date_from)
        first.addWidget(label(self.tr("to")))
        first.addWidget(self.date_to)
        layout.addLayout(first)
        second = QHBoxLayout()
        second.addWidget(buddy_label(self.tr("S&tatus:"), self.status))
        second.addWidget(self.status)
        second.addSpacing(12)
        second.addWidget(buddy_label(self.tr("&Procedure:"), self.procedure))
        second.addWidget(self.procedure, 1)
        second.addWidget(self.clear_button)
        layout.addLayout(second)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table, stretch=PROCEDURE, fit=(CODE, RECEIVED, DUE, STATUS, SYNC))
        self.table.setWordWrap(False)  # one line a dossier; the full name is in the tooltip
        self.table.setAlternatingRowColors(True)
        self.table.setColumnWidth(APPLICANT, 190)
        layout.addWidget(self.table, 1)
        order = [self.search, self.use_dates, self.date_from, self.date_to, self.status, self.procedure,
                 self.clear_button, self.table]
        for before, after in zip(order, order[1:]):  # Tab follows the rows as they read
            QWidget.setTabOrder(before, after)
        self.count = label("", "muted")
        self.banner = Banner()
        layout.addWidget(self.count)
        layout.addWidget(self.banner)
        self.table.activated.connect(self._activated)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.status.currentIndexChanged.connect(self.refresh)
        self.procedure.currentIndexChanged.connect(self.refresh)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.clear_button.clicked.connect(self.clear_filters)
        self._dates_toggled(False)

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._search.pending:
                self._search.flush()
            if self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(max(self.table.currentIndex().row(), 0))
            return True
        return super().eventFilter(watched, event)

    # -- searching ----------------------------------------------------------------------

    def query(self) -> SearchQuery:
        received_from = received_to = None
        if self.use_dates.isChecked():
            received_from = self.date_from.date().toPython()
            received_to = self.date_to.date().toPython()
        return SearchQuery(text=self.search.text(), statuses=tuple(s for s in [self.status.currentData()] if s),
                           procedure_code=self.procedure.currentData(), received_from=received_from,
                           received_to=received_to, limit=SEARCH_LIMIT)

    def refresh(self, *_args) -> None:
        if not self._procedures_loaded:
            self.load_procedures()
        self._search.request(self.query())

    def load_procedures(self) -> None:
        self._procedures_loaded = True
        self._runner.submit(self._core.procedures, on_result=self._fill_procedures, owner=self)

    def _fill_procedures(self, procedures) -> None:
        current = self.procedure.currentData()
        self.procedure.blockSignals(True)
        for spec in procedures:
            self.procedure.addItem(f"{spec.code} · {spec.name}", spec.code)
            self.procedure.setItemData(self.procedure.count() - 1, spec.name, Qt.ItemDataRole.ToolTipRole)
        self.procedure.setCurrentIndex(max(self.procedure.findData(current), 0))
        self.procedure.blockSignals(False)

    def _show_results(self, rows: list[DossierSummary]) -> None:
        self.banner.clear_message()
        selected = self.selected_code()
        self.model.set_rows(rows)
        if len(rows) >= SEARCH_LIMIT:
            self.count.setText(self.tr("Showing the newest {count} dossiers; type more to narrow the search.")
                               .format(count=len(rows)))
        else:
            self.count.setText(self.tr("{count} dossier(s)").format(count=len(rows)))
        codes = [r.code for r in rows]
        if selected in codes:
            self.table.selectRow(codes.index(selected))

    def _search_failed(self, error: BaseException) -> None:
        self.banner.show_error(describe(error))

    def clear_filters(self) -> None:
        for widget in (self.search, self.status, self.procedure, self.use_dates):
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.procedure.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        for widget in (self.search, self.status, self.procedure, self.use_dates):
            widget.blockSignals(False)
        self._dates_toggled(False)
        self.search.setFocus()

    # -- opening ------------------------------------------------------------------------

    def selected_code(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.summary(index.row()).code if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.summary(index.row()).code)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
