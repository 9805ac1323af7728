"""Intake wizard, steps 1 and 2: choose the procedure, enter the applicant.

Every page reads the draft in ``enter`` and writes it back in ``commit``; ``commit``
returns False (and says why, next to the field) when the page is not ready.
"""
from __future__ import annotations

from counter_app.catalog.model import Channel, ProcedureSpec
from counter_app.dossiers import intake as checks
from counter_app.idcard import CccdData
from counter_app.idcard import cccd_qr as card
from ui.intake_draft import BIRTH_DATE_FORMAT, IntakeDraft
from ui.labels import channel_name, fee_text, processing_time_text
from ui.qt import (
    QComboBox,
    QEvent,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import buddy_label, label, read_only_rows, set_invalid


class WizardPage(QWidget):
    """One step of the intake wizard."""

    def step_title(self) -> str:
        raise NotImplementedError

    def enter(self, draft: IntakeDraft) -> None:
        """Show what the draft holds."""

    def commit(self, draft: IntakeDraft) -> bool:
        """Check the page and store it in the draft; False keeps the officer here."""
        return True

    def focus_first(self) -> None:
        self.focusNextChild()


def _page_layout(page: QWidget, title: str, hint: str = "") -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    layout.addWidget(label(title, "title"))
    if hint:
        layout.addWidget(label(hint, "muted", wrap=True))
    return layout


class ProcedurePage(WizardPage):
    """Step 1: find the procedure by typing part of its code or name (accents optional)."""

    chosen = Signal()  # a row was double-clicked

    def __init__(self, find_procedures, parent: QWidget | None = None):
        super().__init__(parent)
        self._find = find_procedures
        self._shown: list[ProcedureSpec] = []
        layout = _page_layout(self, self.tr("Which procedure is the citizen asking for?"),
                              self.tr("Type part of the name or the code, with or without accents; "
                                      "↑/↓ choose, Enter continues."))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("For example: khai sinh"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(buddy_label(self.tr("&Search procedure:"), self.search))
        layout.addWidget(self.search)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Procedure"), self.tr("Processing time"), self.tr("Fee")])
        read_only_rows(self.table, stretch=1)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys stay in the search box
        self.table.doubleClicked.connect(lambda _index: self.chosen.emit())
        layout.addWidget(self.table, 1)
        self.count = label("", "muted")
        self.error = label("", "field-error", wrap=True)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        self.search.textChanged.connect(self.refilter)
        self.search.installEventFilter(self)

    def step_title(self) -> str:
        return self.tr("Procedure")

    def refilter(self) -> None:
        self._shown = self._find(self.search.text())
        self.table.setRowCount(len(self._shown))
        for row, spec in enumerate(self._shown):
            values = (spec.code, spec.name, processing_time_text(spec), fee_text(spec))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(spec.name)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if self._shown:
            self.table.selectRow(0)
        self.count.setText(self.tr("{count} procedures found").format(count=len(self._shown)))
        self.error.clear()

    def current(self) -> ProcedureSpec | None:
        row = self.table.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def refresh(self) -> None:
        """The catalogue changed under the open screen: list it again, keeping the chosen row."""
        chosen = self.current()
        self.refilter()
        codes = [spec.code for spec in self._shown]
        if chosen is not None and chosen.code in codes:
            self.table.selectRow(codes.index(chosen.code))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                    Qt.Key.Key_PageUp: -10}.get(event.key())
            if step and self._shown:
                row = min(max(self.table.currentRow() + step, 0), len(self._shown) - 1)
                self.table.selectRow(row)
                return True
        return super().eventFilter(watched, event)

    def enter(self, draft: IntakeDraft) -> None:
        if not self._shown:
            self.refilter()

    def commit(self, draft: IntakeDraft) -> bool:
        spec = self.current()
        if spec is None:
            self.error.setText(self.tr("Choose a procedure from the list: type part of its name, "
                                       "then press Enter."))
            self.search.setFocus()
            return False
        if draft.procedure is None or draft.procedure.code != spec.code:
            draft.procedure = spec
            draft.reset_components()
        return True

    def focus_first(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


class ApplicantPage(WizardPage):
    """Step 2: who submits the dossier. Problems are shown next to each field, all at once."""

    def __init__(self, today, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        layout = _page_layout(self, self.tr("Applicant"),
                              self.tr("Fields marked * are required. Tab moves to the next field, "
                                      "Enter continues."))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(4)
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("12 digits"))
        self.id_number.setMaxLength(20)
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel_name(channel), int(channel))
        self.sets = QSpinBox()
        self.sets.setRange(1, 99)
        self.errors: dict[str, QWidget] = {}
        rows = [
            ("name", self.tr("Full &name: *"), self.name),
            ("id_number", self.tr("&ID number:"), self.id_number),
            ("birth_date", self.tr("&Birth date:"), self.birth_date),
            ("address", self.tr("&Address:"), self.address),
            ("phone", self.tr("&Phone:"), self.phone),
            ("email", self.tr("&E-mail:"), self.email),
            ("channel", self.tr("&Channel:"), self.channel),
            ("sets", self.tr("Number of &sets:"), self.sets),
        ]
        widths = {"name": 640, "address": 640, "email": 420, "channel": 420, "sets": 110}
        self._form, self._fields = form, {}
        for key, text, widget in rows:
            widget.setMaximumWidth(widths.get(key, 280))  # the width hints at what goes in
            form.addRow(buddy_label(text, widget), widget)
            error = label("", "field-error")  # one line: a wrapped label here gets odd spacing
            error.hide()
            form.addRow("", error)
            self.errors[key] = error
            self._fields[key] = widget
        layout.addLayout(form)
        # What a scanned ID card QR said, for the officer to compare with the card.
        self.card_summary = label("", "muted", wrap=True)
        self.card_summary.hide()
        layout.addWidget(self.card_summary)
        layout.addStretch(1)
        self._inputs = {"name": self.name, "id_number": self.id_number, "birth_date": self.birth_date,
                        "phone": self.phone, "email": self.email}

    def step_title(self) -> str:
        return self.tr("Applicant")

    def hide_rows(self, *keys: str) -> None:
        """Leave out fields another screen does not edit (the correction dialog: channel, sets)."""
        for key in keys:
            self._form.setRowVisible(self._fields[key], False)
            self._form.setRowVisible(self.errors[key], False)

    def problem_text(self, problem: str) -> str:
        return {
            checks.NAME_EMPTY: self.tr("Enter the applicant's full name."),
            checks.ID_NUMBER_FORMAT: self.tr("The ID number must have 12 digits (or 9 digits for an old "
                                             "ID card). Check the number on the card."),
            BIRTH_DATE_FORMAT: self.tr("Enter the birth date as dd/mm/yyyy, for example 01/01/1990."),
            checks.BIRTH_DATE_RANGE: self.tr("The birth date cannot be in the future or before 1900."),
            checks.PHONE_FORMAT: self.tr("The phone number must have 8 to 15 digits."),
            checks.EMAIL_FORMAT: self.tr("The e-mail address is not valid (example: ten@example.vn)."),
        }[problem]

    def warning_text(self, warning: str) -> str:
        return {
            card.TEXT_REPAIRED: self.tr("The scanner sent the accents garbled; they were repaired: check them."),
            card.EXTRA_FIELDS: self.tr("The code holds more fields than expected (newer card)."),
            card.BIRTH_DATE_INVALID: self.tr("The birth date could not be read: enter it from the card."),
            card.ISSUE_DATE_INVALID: self.tr("The issue date could not be read."),
            card.SEX_UNKNOWN: self.tr("The sex could not be read."),
            card.SEX_MISMATCH: self.tr("The ID number does not match the sex on the card: check the number."),
            card.YEAR_MISMATCH: self.tr("The ID number does not match the birth year: check both."),
            card.OLD_ID_INVALID: self.tr("The old ID number on the card is not 9 digits."),
            card.NAME_EMPTY: self.tr("The name is missing from the code: enter it from the card."),
        }.get(warning, warning)

    def show_card(self, data: CccdData | None) -> None:
        """Show what the ID card's QR said (None hides it); the fields come from the draft."""
        if data is None:
            self.card_summary.clear()
            self.card_summary.hide()
            return
        lines = [self.tr("Read from the ID card — check against the card, then press Enter:"),
                 self.tr("{name}, ID {id_number}, born {birth}, {sex}; issued {issued}.").format(
                     name=data.full_name, id_number=data.id_number,
                     birth=data.birth_date.strftime("%d/%m/%Y") if data.birth_date else "?", sex=data.sex or "?",
                     issued=data.issue_date.strftime("%d/%m/%Y") if data.issue_date else "?")]
        lines += ["⚠ " + self.warning_text(w) for w in data.warnings]
        self.card_summary.setText("\n".join(lines))
        self.card_summary.show()

    def enter(self, draft: IntakeDraft) -> None:
        self.name.setText(draft.name)
        self.id_number.setText(draft.id_number)
        self.birth_date.setText(draft.birth_date_text)
        self.address.setText(draft.address)
        self.phone.setText(draft.phone)
        self.email.setText(draft.email)
        self.channel.setCurrentIndex(max(self.channel.findData(int(draft.channel)), 0))
        self.sets.setValue(draft.sets_count)

    def store(self, draft: IntakeDraft) -> None:
        draft.name = self.name.text()
        draft.id_number = self.id_number.text()
        draft.birth_date_text = self.birth_date.text()
        draft.address = self.address.text()
        draft.phone = self.phone.text()
        draft.email = self.email.text()
        draft.channel = Channel(self.channel.currentData())
        draft.sets_count = self.sets.value()

    def commit(self, draft: IntakeDraft) -> bool:
        self.store(draft)
        problems = draft.applicant_problems(self._today())
        for key, error in self.errors.items():
            problem = problems.get(key)
            error.setText(self.problem_text(problem) if problem else "")
            error.setVisible(bool(problem))
            if key in self._inputs:
                set_invalid(self._inputs[key], bool(problem))
        if problems:
            first = next(key for key in self._inputs if key in problems)
            self._inputs[first].setFocus()
            return False
        return True

    def focus_first(self) -> None:
        self.name.setFocus()
