"""Correct a saved dossier (Ctrl+E on the dossier): the applicant's details as typed at intake, the
papers while the dossier is still at the counter, and the reason, which is required.

The applicant's fields are the intake wizard's own page, with its checks and messages. The
dialog stays open until the core has stored the correction, so an error is read where it
happened; ``submitted`` carries the ``Correction`` for the caller to run in a worker.
"""
from __future__ import annotations

from counter_app.dossiers.correction import Correction, PaperCorrection
from counter_app.dossiers.intake import normalised
from counter_app.dossiers.lifecycle import AT_THE_COUNTER, Status, transferred_by
from counter_app.dossiers.views import DossierView
from ui.intake_draft import IntakeDraft
from ui.intake_pages import ApplicantPage
from ui.labels import copy_kind_name
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QKeySequence,
    QLineEdit,
    QScrollArea,
    QShortcut,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import Banner, buddy_label, label, set_invalid


def draft_of(view: DossierView) -> IntakeDraft:
    return IntakeDraft(name=view.applicant_name, id_number=view.id_number,
                       birth_date_text=f"{view.birth_date:%d/%m/%Y}" if view.birth_date else "",
                       address=view.address, phone=view.phone, email=view.email)


def papers_correctable(view: DossierView) -> bool:
    return Status(view.status) in AT_THE_COUNTER and not transferred_by(e.action for e in view.events)


class CorrectionDialog(QDialog):
    submitted = Signal(object)  # Correction

    def __init__(self, view: DossierView, today, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setWindowTitle(self.tr("Correct dossier {code}").format(code=view.code))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(label(self.tr("Correct only what was typed or ticked by mistake. The values before and "
                                       "after and the reason are kept in the dossier's history."), "muted", wrap=True))
        self._original = draft_of(view)
        self.draft = draft_of(view)
        self.applicant = ApplicantPage(today)
        self.applicant.hide_rows("channel", "sets")  # how and how many were handed in is not corrected here
        self.applicant.enter(self.draft)
        layout.addWidget(self.applicant)
        self.paper_boxes: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        layout.addWidget(self._papers(view), 1)
        self.outcome = Banner()
        layout.addWidget(self.outcome)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("What was wrong, e.g. the name was mistyped"))
        layout.addWidget(buddy_label(self.tr("&Reason for the correction: *"), self.reason))
        layout.addWidget(self.reason)
        self.error = label("", "field-error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save the correction (Ctrl+Enter)"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setProperty("role", "primary")
        buttons.addButton(self.tr("Cancel (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        self._show_outcome()
        self.applicant.focus_first()

    def _papers(self, view: DossierView) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        editable = papers_correctable(view)
        grid.addWidget(label(self.tr("Papers handed in") if editable else self.tr(
            "Papers: the dossier has left the counter, so its papers can no longer be corrected here."),
            "heading" if editable else "muted", wrap=True), 0, 0, 1, 2)
        for row, component in enumerate(view.components, start=1):
            tick = QCheckBox(f"{component.name} ({copy_kind_name(component.copy_kind)} × {component.count})")
            tick.setChecked(component.received)
            reason = QLineEdit(component.missing_reason)
            reason.setPlaceholderText(self.tr("What to bring / why it is needed"))
            reason.setVisible(not component.received)
            tick.toggled.connect(lambda received, line=reason: line.setVisible(not received))
            tick.toggled.connect(self._show_outcome)
            for widget in (tick, reason):
                widget.setEnabled(editable)
            grid.addWidget(tick, row, 0)
            grid.addWidget(reason, row, 1)
            self.paper_boxes[component.code] = (tick, reason)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        scroll.setMaximumHeight(200)
        return scroll

    def _paper_corrections(self) -> dict[str, PaperCorrection]:
        if not papers_correctable(self.view):
            return {}
        changed = {}
        for component in self.view.components:
            tick, reason = self.paper_boxes[component.code]
            wanted = PaperCorrection(tick.isChecked(), "" if tick.isChecked() else reason.text().strip())
            if (wanted.received, wanted.missing_reason) != (component.received, component.missing_reason):
                changed[component.code] = wanted
        return changed

    def _complete_after(self) -> bool:
        return not any(c.mandatory and not self.paper_boxes[c.code][0].isChecked() for c in self.view.components)

    def _show_outcome(self, *_args) -> None:
        """Say before saving when the papers change which form the dossier gets."""
        if not papers_correctable(self.view):
            self.outcome.clear_message()
            return
        complete = self._complete_after()
        if complete and Status(self.view.status) is Status.SUPPLEMENT_REQUESTED:
            self.outcome.show_message("warn", self.tr("With these papers the dossier is COMPLETE: it becomes "
                                                      "received, the appointment date is counted from its "
                                                      "reception; print form 01 for the citizen."))
        elif not complete and Status(self.view.status) is Status.RECEIVED:
            self.outcome.show_message("warn", self.tr("With these papers the dossier is INCOMPLETE: it becomes "
                                                      "'supplement requested', the appointment date is removed; "
                                                      "print form 02 for the citizen."))
        else:
            self.outcome.clear_message()

    def correction(self) -> Correction | None:
        """The correction typed, or None after saying what is missing (in the dialog)."""
        if not self.applicant.commit(self.draft):
            return None
        papers = self._paper_corrections()
        typed, before = normalised(self.draft.applicant()), normalised(self._original.applicant())
        if typed == before and not papers:
            return self._refuse(self.tr("Nothing has been changed yet: correct a field or a paper first."),
                                self.applicant.name)
        reason = self.reason.text().strip()
        if not reason:
            return self._refuse(self.tr("Write the reason for the correction: it is kept in the dossier's history."),
                                self.reason)
        set_invalid(self.reason, False)
        self.error.hide()
        return Correction(reason=reason, name=typed.name, id_number=typed.id_number, birth_date=typed.birth_date,
                          address=typed.address, phone=typed.phone, email=typed.email, papers=papers)

    def _refuse(self, text: str, focus: QWidget) -> None:
        self.error.setText(text)
        self.error.show()
        set_invalid(self.reason, focus is self.reason)
        focus.setFocus()
        return None

    def submit(self) -> None:
        correction = self.correction()
        if correction is not None:
            self.save_button.setEnabled(False)  # once: the core's answer closes or re-enables
            self.submitted.emit(correction)

    def failed(self, text: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(text)
        self.error.show()
