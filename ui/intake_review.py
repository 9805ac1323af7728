"""Intake wizard, steps 4 and 5: review before saving, then the saved dossier and its form."""
from __future__ import annotations

from html import escape

from counter_app.dossiers.lifecycle import Action
from counter_app.dossiers.views import DossierView
from ui.intake_draft import IntakeDraft
from ui.intake_pages import WizardPage
from ui.labels import channel_name, fmt_date, fmt_datetime, form_title, status_name
from ui.messages import describe
from ui.qt import QFormLayout, QFrame, QHBoxLayout, QPushButton, QScrollArea, Qt, QVBoxLayout, QWidget
from ui.widgets import Banner, card, label, primary_button


class ReviewPage(WizardPage):
    """Step 4: everything at a glance, the appointment date (asked of the core) and the outcome."""

    def __init__(self, core, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self._core, self._runner = core, runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Check and confirm"), "title"))
        layout.addWidget(label(self.tr("Read the summary to the citizen. Ctrl+Enter receives the dossier; "
                                       "Alt+← goes back to correct it."), "muted", wrap=True))
        frame, inner = card()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(16)
        inner.addLayout(self.form)
        inner.addStretch(1)
        # Long procedures list many long papers: the summary scrolls rather than being cut off.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(frame)
        layout.addWidget(self.scroll, 1)
        self.outcome = Banner()
        layout.addWidget(self.outcome)
        self.appointment = label("", "heading", wrap=True)
        layout.addWidget(self.appointment)

    def step_title(self) -> str:
        return self.tr("Review")

    def _row(self, name: str, value: str, *, rich: bool = False) -> None:
        widget = label(value or "—", wrap=True, selectable=True)
        widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.form.addRow(label(name, "muted"), widget)

    def enter(self, draft: IntakeDraft) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        spec = draft.procedure
        applicant = draft.applicant()
        self._row(self.tr("Procedure:"), f"{spec.code} · {spec.name}")
        self._row(self.tr("Applicant:"), applicant.name)
        self._row(self.tr("ID number:"), applicant.id_number)
        self._row(self.tr("Birth date:"), fmt_date(applicant.birth_date))
        self._row(self.tr("Address:"), applicant.address)
        self._row(self.tr("Phone / e-mail:"), " · ".join(p for p in (applicant.phone, applicant.email) if p))
        self._row(self.tr("Channel / sets:"), self.tr("{channel}, {sets} set(s)").format(
            channel=channel_name(draft.channel), sets=draft.sets_count))
        missing = draft.missing_components()
        received = [c for c in spec.components if c not in missing]
        self._row(self.tr("Papers received:"), "<br>".join(escape(c.name) for c in received), rich=True)
        lines = [escape(c.name) + (f" — <i>{escape(draft.missing_reasons.get(c.code, ''))}</i>"
                                   if draft.missing_reasons.get(c.code, "").strip() else "") for c in missing]
        self._row(self.tr("Papers missing:"), "<br>".join(lines), rich=True)
        outcome = draft.outcome()
        self.appointment.clear()
        if outcome is Action.REFUSE:
            self.outcome.show_message("error", self.tr("The dossier will be refused and {form} issued. "
                                                       "Reason: {reason}").format(
                form=form_title("03"), reason=draft.refusal_reason.strip()))
        elif outcome is Action.RECEIVE_INCOMPLETE:
            self.outcome.show_message("warn", self.tr("The dossier is incomplete: {form} will list the "
                                                      "missing papers. No appointment date yet.").format(
                form=form_title("02")))
        else:
            self.outcome.show_message("ok", self.tr("The dossier is complete: {form} will be issued.").format(
                form=form_title("01")))
            self.appointment.setText(self.tr("Working out the appointment date…"))
            code, channel, clock = spec.code, draft.channel, self._core.clock
            self._runner.submit(lambda: self._core.due_date(code, clock(), channel),
                                on_result=self._show_due, on_error=self._due_failed, owner=self)

    def _show_due(self, due) -> None:
        self.appointment.setText(self.tr("Appointment to return the result: {due}").format(due=fmt_datetime(due)))

    def _due_failed(self, error: BaseException) -> None:
        self.appointment.setText(describe(error).full())


class DonePage(WizardPage):
    """Step 5: the dossier code, big, and its form to print, save or open."""

    def __init__(self, pdf_actions_factory, parent: QWidget | None = None):
        super().__init__(parent)
        self.view: DossierView | None = None
        self.form_id = ""
        self.pdf: bytes | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Dossier saved"), "title"))
        frame, inner = card(margins=20)
        inner.addWidget(label(self.tr("Dossier code"), "muted"))
        self.code = label("", "code", selectable=True)
        inner.addWidget(self.code)
        self.summary = label("", wrap=True)
        inner.addWidget(self.summary)
        layout.addWidget(frame)
        self.message = Banner()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.print_button = primary_button(self.tr("&Print receipt (Ctrl+P)"))
        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.preview_button.setToolTip(self.tr("See the pages as they will print, then print them"))
        self.save_button = QPushButton(self.tr("&Save PDF… (Ctrl+S)"))
        self.open_button = QPushButton(self.tr("&Open PDF (Ctrl+O)"))
        self.retry_button = QPushButton(self.tr("Make the form &again"))
        self.new_button = QPushButton(self.tr("&New dossier (Ctrl+N)"))
        for button in (self.print_button, self.preview_button, self.save_button, self.open_button,
                       self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retry_button.hide()
        self.pdf_actions = pdf_actions_factory(self, self.show_error, self.show_info)
        self.print_button.clicked.connect(self.print_form)
        self.preview_button.clicked.connect(self.preview_form)
        self.save_button.clicked.connect(self.save_form)
        self.open_button.clicked.connect(self.open_form)
        self._set_pdf_buttons(False)

    def step_title(self) -> str:
        return self.tr("Done")

    def filename(self) -> str:
        return f"{self.form_id}_{self.view.code}.pdf" if self.view else "form.pdf"

    def show_dossier(self, view: DossierView, form_id: str) -> None:
        self.view, self.form_id, self.pdf = view, form_id, None
        self.code.setText(view.code)
        lines = [self.tr("{name} · {procedure}").format(name=view.applicant_name, procedure=view.procedure_name),
                 self.tr("Status: {status}").format(status=status_name(view.status))]
        if view.due_at:
            lines.append(self.tr("Appointment: {due}").format(due=fmt_datetime(view.due_at)))
        self.summary.setText("\n".join(lines))
        self.print_button.setText(self.tr("&Print receipt (Ctrl+P)") if form_id == "01"
                                  else self.tr("&Print form (Ctrl+P)"))
        self.retry_button.hide()
        self._set_pdf_buttons(False)
        self.message.show_message("info", self.tr("Preparing {form}…").format(form=form_title(form_id)))

    def form_ready(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._set_pdf_buttons(True)
        self.retry_button.hide()
        self.message.show_message("ok", self.tr("{form} is ready and kept with the dossier. Print it for the "
                                                "citizen.").format(form=form_title(self.form_id)))
        self.print_button.setFocus()

    def form_failed(self, error: BaseException) -> None:
        self.show_error(describe(error))
        self.retry_button.show()
        self.retry_button.setFocus()

    def _set_pdf_buttons(self, enabled: bool) -> None:
        for button in (self.print_button, self.preview_button, self.save_button, self.open_button):
            button.setEnabled(enabled)

    def show_error(self, message) -> None:
        self.message.show_error(message)

    def show_info(self, text: str) -> None:
        self.message.show_message("info", text)

    def print_form(self) -> None:
        if self.pdf:
            self.pdf_actions.print_pdf(self.pdf, self.filename())

    def preview_form(self) -> None:
        if self.pdf:
            self.pdf_actions.preview_pdf(self.pdf, self.filename())

    def save_form(self) -> None:
        if self.pdf:
            self.pdf_actions.save_pdf(self.pdf, self.filename())

    def open_form(self) -> None:
        if self.pdf:
            self.pdf_actions.open_pdf(self.pdf, self.filename())

    def focus_first(self) -> None:
        (self.print_button if self.print_button.isEnabled() else self.new_button).setFocus()
