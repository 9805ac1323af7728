"""Intake wizard, step 3: check the papers against the procedure's required components.

Each component has a "received" box (Space ticks it) and, when missing, a reason that
form 02 prints. Missing papers are listed all at once (asking twice is forbidden). The
indicator at the bottom always says which form the dossier will get.
"""
from __future__ import annotations

from counter_app.dossiers.lifecycle import Action
from ui.intake_draft import IntakeDraft
from ui.intake_pages import WizardPage
from ui.labels import copy_kind_name
from ui.qt import (
    QCheckBox,
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import Banner, buddy_label, label, repolish, set_invalid


class _PaperRow(QFrame):
    """One required paper: tick box, its name (wrapped), kind × count, and the reason when missing.

    The whole row lights up while its box has the keyboard focus, and clicking the name ticks
    the box, since a check box cannot wrap a long paper name itself.
    """

    def __init__(self, number: int, component, need: str, on_change):
        super().__init__()
        self.setObjectName("paperRow")
        self.code = component.code
        self.mandatory = component.mandatory
        self.box = QCheckBox(f"{number}.")
        self.box.setAccessibleName(component.name)
        self.name = label(component.name, "paper", wrap=True)
        self.name.setToolTip(component.note or component.name)
        self.kind = label(f"{copy_kind_name(component.copy_kind)} × {component.count} · {need}", "muted")
        self.reason = QLineEdit()
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.box, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.kind, 0, 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.reason, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.box.toggled.connect(on_change)
        self.box.installEventFilter(self)
        self.name.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.box and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setProperty("focused", "true" if event.type() == QEvent.Type.FocusIn else "false")
            repolish(self)
        elif watched is self.name and event.type() == QEvent.Type.MouseButtonRelease:
            self.box.toggle()
            self.box.setFocus()
            return True
        return super().eventFilter(watched, event)

    def sync_reason(self, placeholder: str) -> None:
        self.reason.setVisible(not self.box.isChecked())
        self.reason.setPlaceholderText(placeholder)


class ChecklistPage(WizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[_PaperRow] = []
        self._draft: IntakeDraft | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Check the papers"), "title"))
        self.procedure = label("", "heading", wrap=True)
        layout.addWidget(self.procedure)
        top = QHBoxLayout()
        top.addWidget(label(self.tr("Tick each paper the citizen handed in (Tab moves, Space ticks). "
                                    "For a missing paper, write what to bring or why."), "muted", wrap=True), 1)
        self.all_received = QPushButton(self.tr("&All received"))
        self.all_received.clicked.connect(self.tick_all)
        top.addWidget(self.all_received)
        layout.addLayout(top)
        self._list = QWidget()
        self._list.setObjectName("checklist")
        self._papers = QVBoxLayout(self._list)
        self._papers.setContentsMargins(0, 0, 0, 0)
        self._papers.setSpacing(0)
        self._papers.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._list)
        layout.addWidget(scroll, 1)
        self.refuse = QCheckBox(self.tr("&Refuse to receive: the dossier is not eligible or not within "
                                        "this office's competence (form 03)"))
        self.refusal_reason = QLineEdit()
        self.refusal_reason.setPlaceholderText(self.tr("Reason for refusal (printed on form 03)"))
        self.refusal_error = label("", "field-error", wrap=True)
        self.refusal_error.hide()
        layout.addWidget(self.refuse)
        self.refusal_label = buddy_label(self.tr("Refusal rea&son:"), self.refusal_reason)
        layout.addWidget(self.refusal_label)
        layout.addWidget(self.refusal_reason)
        layout.addWidget(self.refusal_error)
        self.indicator = Banner()
        layout.addWidget(self.indicator)
        self.refuse.toggled.connect(self._changed)
        self.refuse.toggled.connect(self._refusal_toggled)
        self.refusal_reason.textChanged.connect(lambda _text: self.refusal_error.hide())

    def step_title(self) -> str:
        return self.tr("Papers")

    def enter(self, draft: IntakeDraft) -> None:
        # Detached while the boxes are loaded: each toggle stores the page into the draft, and a
        # store from boxes not yet loaded would carry the previous dossier's ticks into this one.
        self._draft = None
        codes = [row.code for row in self._rows]
        if codes != [c.code for c in draft.procedure.components]:
            self._build(draft)
        for row in self._rows:
            row.box.setChecked(draft.received.get(row.code, False))
            row.reason.setText(draft.missing_reasons.get(row.code, ""))
        self.refuse.setChecked(draft.refused)
        self.refusal_reason.setText(draft.refusal_reason)
        self.procedure.setText(f"{draft.procedure.code} · {draft.procedure.name}")
        self._draft = draft
        self._changed()

    def _build(self, draft: IntakeDraft) -> None:
        for row in self._rows:
            self._papers.removeWidget(row)
            row.deleteLater()
        required, optional = self.tr("required"), self.tr("optional")
        self._rows = [_PaperRow(number, component, required if component.mandatory else optional, self._changed)
                      for number, component in enumerate(draft.procedure.components, start=1)]
        for position, row in enumerate(self._rows):
            self._papers.insertWidget(position, row)
        previous = self.all_received
        for row in self._rows:  # Tab goes box, reason, next box, ...
            QWidget.setTabOrder(previous, row.box)
            QWidget.setTabOrder(row.box, row.reason)
            previous = row.reason
        QWidget.setTabOrder(previous, self.refuse)
        QWidget.setTabOrder(self.refuse, self.refusal_reason)

    def _refusal_toggled(self, refused: bool) -> None:
        # The officer's next keys are the reason: left on the box, a space would untick it.
        if refused and self._draft is not None:
            self.refusal_reason.setFocus()

    def tick_all(self) -> None:
        for row in self._rows:
            row.box.setChecked(True)
        if self._rows:
            self._rows[0].box.setFocus()

    def store(self, draft: IntakeDraft) -> None:
        draft.received = {row.code: row.box.isChecked() for row in self._rows}
        draft.missing_reasons = {row.code: row.reason.text() for row in self._rows if not row.box.isChecked()}
        draft.refused = self.refuse.isChecked()
        draft.refusal_reason = self.refusal_reason.text()

    def _changed(self, *_args) -> None:
        placeholder = self.tr("What to bring / why it is needed")
        for row in self._rows:
            row.sync_reason(placeholder)
        self.refusal_reason.setVisible(self.refuse.isChecked())
        self.refusal_label.setVisible(self.refuse.isChecked())
        if self._draft is None:
            return
        self.store(self._draft)
        outcome = self._draft.outcome()
        if outcome is Action.REFUSE:
            self.indicator.show_message("error", self.tr("The dossier will be REFUSED: form 03 will state "
                                                         "the reason."))
        elif outcome is Action.RECEIVE_INCOMPLETE:
            missing = len(self._draft.missing_required())
            self.indicator.show_message("warn", self.tr(
                "INCOMPLETE: {count} required paper(s) missing. Form 02 will list every missing paper at once; "
                "the appointment date is set when the dossier is complete.").format(count=missing))
        else:
            self.indicator.show_message("ok", self.tr("COMPLETE: every required paper is here. Form 01 "
                                                      "(receipt and appointment) will be issued."))

    def commit(self, draft: IntakeDraft) -> bool:
        self.store(draft)
        if draft.refused and not draft.refusal_reason.strip():
            self.refusal_error.setText(self.tr("Write the reason for refusal: form 03 must state it."))
            self.refusal_error.show()
            set_invalid(self.refusal_reason, True)
            self.refusal_reason.setFocus()
            return False
        set_invalid(self.refusal_reason, False)
        return True

    def focus_first(self) -> None:
        target = self._rows[0].box if self._rows else self.all_received
        target.setFocus()
