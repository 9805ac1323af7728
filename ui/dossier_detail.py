"""One dossier: applicant, procedure, papers, timeline, documents and the next steps.

Loading and every action run in a worker; after an action the dossier is read again
and shown, and ``changed`` tells the list to refresh.
"""
from __future__ import annotations

from datetime import date

from counter_app.dossiers.views import DossierView, EventView
from counter_app.accounts.roles import Permission
from ui.correction_dialog import CorrectionDialog
from counter_app.accounts.rules import lifecycle_permission
from ui.dossier_actions import (
    ACTIONS,
    MAIN_STEPS,
    ActionDialog,
    button_text,
    current_form_id,
    form_outdated,
    offered_actions,
    possible_actions,
    step_name,
)
from ui.labels import (
    action_name,
    channel_name,
    copy_kind_name,
    fmt_date,
    fmt_datetime,
    form_of_document,
    form_title,
    is_overdue,
    status_name,
    sync_badge_name,
)
from ui.messages import describe
from ui.printing import PdfActions
from ui.shortcuts import bind_key
from ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.theme import COLORS, status_colors, sync_badge_colors
from ui.widgets import Banner, card, label, primary_button, read_only_rows

ACTIONS_PER_ROW = 3  # long Vietnamese step names with their keys: three fit beside the sidebar at 1366
CORRECT_KEYS = "Ctrl+E"  # F2 calls the next ticket (the queue keys work on every page)
RELOAD_KEYS = "Ctrl+F5"  # F5 calls a chosen ticket


class FitTable(QTableWidget):
    """A read-only table as tall as its rows (the page scrolls, not the table); rows are
    re-measured when the width changes, so long paper names wrap without being clipped."""

    def __init__(self, headers: list[str], stretch: int):
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(headers)
        read_only_rows(self, stretch=stretch)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_pending = False
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def fill(self, rows: list[tuple[str, ...]]) -> None:
        self.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.setItem(r, c, QTableWidgetItem(value))
        self.fit()

    def fit(self) -> None:
        self.resizeRowsToContents()
        header = self.horizontalHeader().height()
        self.setFixedHeight(header + max(sum(self.rowHeight(r) for r in range(self.rowCount())), 30) + 4)

    def _section_resized(self, _index, _old, _new) -> None:
        if not self._fit_pending:  # once per burst of column changes
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        self.fit()


class DossierDetail(QWidget):
    back_requested = Signal()
    changed = Signal(str)  # code of a dossier an action changed

    def __init__(self, core, runner, device_runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self._core, self._runner = core, runner
        self.view: DossierView | None = None
        self.dialog: ActionDialog | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self.pdf_actions = PdfActions(self, device_runner, self.show_error, self.show_info)
        self.signing = None  # ui.signing_actions.SigningActions, after set_signing()
        self._build()
        self.correction: CorrectionDialog | None = None
        steps = [(spec.keys, lambda a=action: self.ask_action_by_key(a), step_name(action))
                 for action, spec in ACTIONS.items()]
        for keys, slot, what in (("Esc", self.back_requested.emit, self.tr("Back to the list")),
                                 ("Alt+Left", self.back_requested.emit, self.tr("Back to the list")),
                                 (RELOAD_KEYS, self.reload, self.tr("Reload the dossier")),
                                 (CORRECT_KEYS, self.ask_correction, self.tr("Correct the dossier")), *steps):
            bind_key(self, keys, slot, what)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the list (Esc)"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.code = label("", "title", selectable=True)
        self.status = label("")
        self.sync_badge = label("")
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.code)
        top.addWidget(self.status)
        top.addWidget(self.sync_badge)
        top.addStretch(1)
        self.correct_button = QPushButton(self.tr("Correct… (Ctrl+E)"))
        self.correct_button.setToolTip(self.tr("Correct a name, a number or a paper entered by mistake"))
        self.correct_button.clicked.connect(self.ask_correction)
        top.addWidget(self.correct_button)
        outer.addLayout(top)
        self.banner = Banner()
        outer.addWidget(self.banner)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        outer.addWidget(self.progress)
        self.actions_holder = QVBoxLayout()
        self.actions_box: QWidget | None = None
        outer.addLayout(self.actions_holder)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(12)
        info, info_layout = card()
        self.info = QGridLayout()
        self.info.setHorizontalSpacing(16)
        self.info.setColumnStretch(1, 1)
        self.info.setColumnStretch(3, 1)
        info_layout.addLayout(self.info)
        layout.addWidget(info)
        self.components = FitTable([self.tr("Paper"), self.tr("Kind"), self.tr("Received")], 0)
        self.events = FitTable([self.tr("Time"), self.tr("Step"), self.tr("Officer"), self.tr("Counter"),
                              self.tr("Note")], 4)
        self.documents = FitTable([self.tr("Document"), self.tr("Made at"), self.tr("File"), self.tr("Signature")], 0)
        for title, table in ((self.tr("Papers"), self.components), (self.tr("Timeline"), self.events),
                             (self.tr("Documents"), self.documents)):
            frame, inner = card()
            inner.addWidget(label(title, "heading"))
            inner.addWidget(table)
            if table is self.documents:
                inner.addLayout(self._document_buttons())
            layout.addWidget(frame)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    def _document_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.document_buttons = []
        for text, handler in ((self.tr("&Open"), self.pdf_actions.open_pdf),
                              (self.tr("Pre&view"), self.pdf_actions.preview_pdf),
                              (self.tr("&Print…"), self.pdf_actions.print_pdf),
                              (self.tr("Sa&ve PDF…"), self.pdf_actions.save_pdf)):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, h=handler: self._with_document(h))
            row.addWidget(button)
            self.document_buttons.append(button)
        self.sign_button = QPushButton(self.tr("&Digitally sign…"))
        self.sign_button.clicked.connect(lambda: self._with_document(lambda _pdf, _name: self.sign_selected()))
        self.check_button = QPushButton(self.tr("Check si&gnatures"))
        self.check_button.clicked.connect(lambda: self._with_document(lambda _pdf, _name: self.verify_selected()))
        self.sign_all_button = QPushButton(self.tr("Sign all &unsigned…"))
        self.sign_all_button.setToolTip(self.tr("Sign every document of this dossier that is not signed yet, "
                                                "with one PIN entry"))
        self.sign_all_button.clicked.connect(lambda: self.signing.sign_unsigned([self.view.code]))
        for button in (self.sign_button, self.sign_all_button, self.check_button):
            button.hide()  # until set_signing()
            row.addWidget(button)
            self.document_buttons.append(button)
        self.token_state = label("", "muted")  # the signing token: plugged in or removed
        self.token_state.hide()
        row.addWidget(self.token_state)
        self.make_form_button = QPushButton()
        self.make_form_button.clicked.connect(self.make_form)
        self.make_form_button.hide()
        row.addWidget(self.make_form_button)
        row.addStretch(1)
        return row

    # -- loading ------------------------------------------------------------------------

    def show_dossier(self, code: str) -> None:
        self.banner.clear_message()
        self._run(lambda: self._core.dossier(code), self.render)

    def reload(self) -> None:
        if self.view:
            self._run(lambda code=self.view.code: self._core.dossier(code), self.render)

    def _run(self, fn, on_result) -> None:
        self.progress.show()
        for button in self.action_buttons.values():
            button.setEnabled(False)
        self._runner.submit(fn, on_result=on_result, on_error=self.show_error_of,
                            on_finished=self._finished, owner=self)

    def _finished(self) -> None:
        self.progress.hide()
        for button in self.action_buttons.values():
            button.setEnabled(True)

    def render(self, view: DossierView) -> None:
        self.view = view
        self.code.setText(view.code)
        fg, bg = status_colors(view.status)
        self.status.setText(f" {status_name(view.status)} ")
        self.status.setStyleSheet(f"color: {fg.name()}; background: {bg.name()}; border-radius: 4px; "
                                  "padding: 4px 10px; font-weight: 600;")
        fg, bg = sync_badge_colors(view.sync_state)
        self.sync_badge.setText(f" {sync_badge_name(view.sync_state)} ")
        self.sync_badge.setVisible(bool(view.sync_state))
        self.sync_badge.setStyleSheet(f"color: {fg.name()}; background: {bg.name()}; border-radius: 4px; "
                                      "padding: 4px 10px;")
        self._render_info(view)
        self.components.fill([(c.name, f"{copy_kind_name(c.copy_kind)} × {c.count}",
                                 self.tr("Yes") if c.received else self.tr("Missing: {reason}").format(
                                     reason=c.missing_reason or "—")) for c in view.components])
        self.events.fill([(fmt_datetime(e.at), action_name(e.action), e.officer, e.counter, self.event_note(e))
                            for e in view.events])
        self.documents.fill([(form_of_document(d.kind), fmt_datetime(d.created_at), d.filename, "")
                               for d in view.documents])
        if self.signing is not None:
            self.signing.show_states(view)  # the signature column: level and completion state
        if view.documents:
            self.documents.selectRow(len(view.documents) - 1)
        self._render_actions(view)
        self._render_make_form(view)
        self.correct_button.setVisible(self._core.may(Permission.RECEIVE))
        for button in self.document_buttons:
            button.setEnabled(bool(view.documents))

    def _render_info(self, view: DossierView) -> None:
        while self.info.count():
            self.info.takeAt(0).widget().deleteLater()
        due = fmt_datetime(view.due_at) or self.tr("not set (dossier not complete)")
        overdue = is_overdue(view.status, view.due_at, self._core.clock())
        if overdue:
            due = self.tr("{due} — OVERDUE").format(due=due)
        channel = self.tr("{channel}, {sets} set(s)").format(channel=channel_name(view.channel),
                                                             sets=view.sets_count)
        pairs = [
            (self.tr("Applicant:"), view.applicant_name),
            (self.tr("Procedure:"), f"{view.procedure_code} · {view.procedure_name}"),
            (self.tr("ID number:"), view.id_number), (self.tr("Received:"), fmt_datetime(view.received_at)),
            (self.tr("Birth date:"), fmt_date(view.birth_date)), (self.tr("Appointment:"), due),
            (self.tr("Address:"), view.address), (self.tr("Channel / sets:"), channel),
            (self.tr("Phone:"), view.phone), (self.tr("Result delivery:"), view.return_method),
            (self.tr("E-mail:"), view.email), (self.tr("Register line:"), str(view.register_line or "")),
        ]
        for index, (name, value) in enumerate(pairs):
            row, column = divmod(index, 2)
            value_label = label(value or "—", wrap=True, selectable=True)
            if overdue and index == 5:
                value_label.setStyleSheet(f"color: {COLORS['error']}; font-weight: 600;")
            self.info.addWidget(label(name, "muted"), row, column * 2)
            self.info.addWidget(value_label, row, column * 2 + 1)

    def _render_actions(self, view: DossierView) -> None:
        if self.actions_box is not None:  # a new box each time: nothing stale stays on screen
            self.actions_box.hide()
            self.actions_box.deleteLater()
        self.action_buttons = {}
        self.actions_box = QWidget()
        grid = QGridLayout(self.actions_box)
        grid.setContentsMargins(0, 4, 0, 4)
        offered = offered_actions(view, self._may_take)
        if offered:  # a heading row of its own: beside the buttons it would cost the width they need
            grid.addWidget(label(self.tr("Next step:"), "muted"), 0, 0, 1, ACTIONS_PER_ROW)
        for index, action in enumerate(offered):
            button = primary_button(button_text(action)) if action in MAIN_STEPS else QPushButton(button_text(action))
            button.clicked.connect(lambda _checked=False, a=action: self.ask_action(a))
            row, column = divmod(index, ACTIONS_PER_ROW)
            grid.addWidget(button, row + 1, column)
            self.action_buttons[action] = button
        # Steps the rules allow but this officer's role does not: said, not offered.
        others = [step_name(a) for a in possible_actions(view) if a not in offered]
        self.role_note = label(self.tr("For the office leader: {steps}.").format(steps=", ".join(others)), "muted",
                               wrap=True) if others else None
        if self.role_note is not None:
            grid.addWidget(self.role_note, grid.rowCount(), 0, 1, ACTIONS_PER_ROW)
        grid.setColumnStretch(ACTIONS_PER_ROW, 1)
        self.actions_holder.addWidget(self.actions_box)
        self.actions_box.show()  # now, not at the next event: the officer's Tab may already be on its way
        # Tab from "back" reaches the next steps first (they are rebuilt after the tables were made).
        chain = [self.back_button, *self.action_buttons.values(), self.correct_button]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _may_take(self, action: str) -> bool:
        return self._core.may(lifecycle_permission(action))

    def ask_action_by_key(self, action: str) -> ActionDialog | None:
        """A step's shortcut: the same as its button, and nothing when it is not offered now."""
        button = self.action_buttons.get(action)
        if button is None or not button.isEnabled():
            return None
        return self.ask_action(action)

    def _render_make_form(self, view: DossierView) -> None:
        """Offer to make the intake form when it is missing (its rendering failed at intake) or
        older than the last correction (the citizen gets a copy with the corrected details)."""
        form_id = current_form_id(view)
        missing = form_id and form_outdated(view, form_id)
        self.make_form_button.setVisible(bool(missing))
        if missing:
            self.make_form_button.setText(self.tr("Make {form}").format(form=form_title(form_id)))

    def make_form(self) -> None:
        code, form_id = self.view.code, current_form_id(self.view)

        def make():
            self._core.issue_form(code, form_id)
            return self._core.dossier(code)

        self._run(make, self.render)

    def event_note(self, event: EventView) -> str:
        payload = event.payload
        parts = []
        if payload.get("to"):
            parts.append(self.tr("To: {unit}").format(unit=payload["to"]))
        if payload.get("receiver"):
            parts.append(self.tr("Received by: {name}").format(name=payload["receiver"]))
        if payload.get("reason"):
            parts.append(self.tr("Reason: {reason}").format(reason=payload["reason"]))
        if payload.get("missing"):
            names = {c.code: c.name for c in self.view.components} if self.view else {}
            parts.append(self.tr("Missing: {items}").format(
                items=", ".join(names.get(code, code) for code in payload["missing"])))
        if payload.get("note"):
            parts.append(payload["note"])
        parts += self._correction_notes(payload)
        return "; ".join(parts)

    def _correction_notes(self, payload: dict) -> list[str]:
        """A correction's changes, before → after, in the officer's words."""
        fields = {"applicant_name": self.tr("Name"), "id_number": self.tr("ID number"),
                  "birth_date": self.tr("Birth date"), "address": self.tr("Address"), "phone": self.tr("Phone"),
                  "email": self.tr("E-mail")}
        notes = []
        for column, (before, after) in payload.get("applicant", {}).items():
            if column == "birth_date":
                before, after = (fmt_date(date.fromisoformat(v)) if v else "" for v in (before, after))
            notes.append(self.tr("{field}: {before} → {after}").format(
                field=fields.get(column, column), before=before or "—", after=after or "—"))
        names = {c.code: c.name for c in self.view.components} if self.view else {}
        for code, change in payload.get("papers", {}).items():
            received = change.get("received", [None, None])[1]
            state = self.tr("received") if received else self.tr("missing") if received is False else \
                self.tr("reason changed")
            notes.append(self.tr("{paper}: {state}").format(paper=names.get(code, code), state=state))
        return notes

    # -- actions ------------------------------------------------------------------------

    def ask_action(self, action: str) -> ActionDialog:
        """Open the confirmation for ``action`` (non-blocking); confirming runs it."""
        self.dialog = ActionDialog(self.view, action, self)
        self.dialog.confirmed.connect(self.apply)
        self.dialog.finished.connect(lambda _result: self.window().activateWindow())  # keys back here
        self.dialog.open()
        self.dialog.answer.setFocus()
        return self.dialog

    def ask_correction(self) -> CorrectionDialog | None:
        """Ctrl+E: correct the open dossier's details or papers (non-blocking)."""
        if self.view is None or not self.correct_button.isVisible():
            return None
        dialog = self.correction = CorrectionDialog(self.view, lambda: self._core.clock().date(), self)
        code = self.view.code

        def stored(view: DossierView) -> None:
            dialog.accept()
            self.render(view)
            self.changed.emit(view.code)
            form_id = current_form_id(view)
            self.show_info(self.tr("Correction saved. Print {form} again for the citizen.").format(
                form=form_title(form_id)) if form_id in ("01", "02") else self.tr("Correction saved."))

        def refused(error: BaseException) -> None:
            dialog.failed(describe(error).text)

        dialog.submitted.connect(lambda correction: self._runner.submit(
            lambda: self._core.dossiers.correct(code, correction), on_result=stored, on_error=refused, owner=self))
        dialog.finished.connect(lambda _result: self.window().activateWindow())
        dialog.open()
        dialog.applicant.focus_first()
        return dialog

    def apply(self, action: str, arguments: dict) -> None:
        code = self.view.code
        self._run(lambda: self._core.dossiers.apply(code, action, **arguments),
                  lambda view: self._applied(action, view))

    def _applied(self, action: str, view: DossierView) -> None:
        self.render(view)
        self.show_info(self.tr("Saved: {step}. Status now: {status}.").format(
            step=action_name(action), status=status_name(view.status)))
        self.changed.emit(view.code)
        # The clicked button is gone with the old status: keep the keyboard in the screen.
        next(iter(self.action_buttons.values()), self.back_button).setFocus()

    # -- documents ----------------------------------------------------------------------

    def _with_document(self, handler) -> None:
        row = self.documents.currentRow()
        if not self.view or not 0 <= row < len(self.view.documents):
            self.show_info(self.tr("Choose a document in the list first."))
            return
        document = self.view.documents[row]
        self._runner.submit(lambda: self._core.document_bytes(document.sha256),
                            on_result=lambda pdf: handler(pdf, document.filename),
                            on_error=self.show_error_of, owner=self)

    def set_signing(self, signer, verifier, completer=None, *, pin_minutes: float = 0, worker=None,
                    token_watcher=None) -> None:
        """Offer "Sign…" (``signer``: a ports.Signer) and "Check signatures" (``verifier``: path → reports;
        ``completer()``: one B-T/B-LT completion pass, offered there for pending signatures;
        ``worker``: the background completion worker, whose passes refresh the signature column;
        ``token_watcher``: reports the token plugged in or pulled out)."""
        from ui.signing_actions import SigningActions

        self.signing = SigningActions(self, signer, verifier, completer, pin_minutes=pin_minutes, worker=worker)
        if token_watcher is not None:
            self.signing.watch_tokens(token_watcher)
        for button in (self.sign_button, self.sign_all_button, self.check_button):
            button.show()
        if self.view is not None:
            self.signing.show_states(self.view)

    def sign_selected(self) -> None:
        self.signing.sign([self.view.documents[self.documents.currentRow()]])

    def verify_selected(self) -> None:
        self.signing.verify(self.view.documents[self.documents.currentRow()])

    # -- messages -----------------------------------------------------------------------

    def show_error_of(self, error: BaseException) -> None:
        self.show_error(describe(error))

    def show_error(self, message) -> None:
        self.banner.show_error(message)

    def show_info(self, text: str) -> None:
        self.banner.show_message("ok", text)
