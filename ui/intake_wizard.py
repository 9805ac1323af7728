"""The intake wizard: procedure → applicant → papers → review → done.

Keyboard first: Enter goes to the next step, Alt+← back, Ctrl+Enter confirms on the review
(and only there: from an earlier step it says so), Esc cancels after a question. Saving runs in a worker; on failure the officer sees what to do next and
everything typed stays in place (the draft is only cleared for a new dossier).
"""
from __future__ import annotations

from counter_app.documents import FORM_FOR_ACTION
from counter_app.errors import CounterError
from counter_app.idcard import CccdData, parse_cccd
from counter_app.dossiers.lifecycle import Action
from counter_app.dossiers.views import DossierView
from ui.catalogue_watch import CatalogueWatch
from ui.intake_checklist import ChecklistPage
from ui.intake_draft import IntakeDraft, parse_date
from ui.intake_id import CAMERA_KEYS, CHIP_KEYS, IdCardBar
from ui.intake_pages import ApplicantPage, ProcedurePage, WizardPage
from ui.intake_review import DonePage, ReviewPage
from ui.keyboard_wedge import KeyboardWedge
from ui.messages import describe
from ui.printing import PdfActions
from ui.shortcuts import bind_key
from ui.qt import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import Banner, ask, label, primary_button, set_role

PROCEDURE, APPLICANT, CHECKLIST, REVIEW, DONE = range(5)
SCAN_KEYS = "Ctrl+G"


class IntakeWizard(QWidget):
    dossier_received = Signal(str)  # the new dossier's code

    def __init__(self, core, runner, device_runner, parent: QWidget | None = None, *,
                 chip_reader_factory=None, camera_factory=None):
        """``chip_reader_factory`` / ``camera_factory``: build the configured ID chip reader and
        document camera (None: this counter has none; the buttons then say what to do)."""
        super().__init__(parent)
        self.setObjectName("page")
        self._core, self._runner = core, runner
        self.draft = IntakeDraft()
        self.last_card: CccdData | None = None  # the last card read (QR or chip): pre-fills the chip's key
        self._device_runner = device_runner
        self.scanning: dict | None = None  # ScanDialog options (set_scanning); None: no scanner here
        self.scan_dialog = None
        self.saving = False
        self.catalogue_ready = False

        def pdf_actions(page, on_error, on_info):
            return PdfActions(page, device_runner, on_error, on_info)

        self.procedure_page = ProcedurePage(self._find_procedures)
        self.applicant_page = ApplicantPage(lambda: core.clock().date())
        self.checklist_page = ChecklistPage()
        self.review_page = ReviewPage(core, runner)
        self.done_page = DonePage(pdf_actions)
        self.id_bar = IdCardBar(device_runner, on_card=lambda card: self.fill_from_cccd(card),
                                on_error=lambda message: self.banner.show_error(message),
                                chip_reader_factory=chip_reader_factory, camera_factory=camera_factory)
        self.applicant_page.layout().insertWidget(2, self.id_bar)  # under the page's title and hint
        self.pages: list[WizardPage] = [self.procedure_page, self.applicant_page, self.checklist_page,
                                        self.review_page, self.done_page]
        self._build()
        self._bind_keys()
        # A CCCD QR holds 6 "|" separators: fast typing without them stays typing.
        self.wedge = KeyboardWedge(self, accept=lambda text: text.count("|") >= 3)
        self.wedge.scanned.connect(self.fill_from_card)
        self.procedure_page.chosen.connect(self.next)
        self.done_page.new_button.clicked.connect(lambda: self.new_dossier(confirm=False))
        self.done_page.retry_button.clicked.connect(self._issue_form)
        self.load_catalogue()
        self.catalogue_watch = CatalogueWatch(core, runner, self._catalogue_changed, parent=self)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        steps = QHBoxLayout()
        self.step_labels = [label(f"{number}. {page.step_title()}", "step")
                            for number, page in enumerate(self.pages, start=1)]
        for number, step in enumerate(self.step_labels):
            if number:
                steps.addWidget(label("›", "muted"))
            steps.addWidget(step)
        steps.addStretch(1)
        layout.addLayout(steps)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.back_button = QPushButton(self.tr("← Back (Alt+←)"))
        self.next_button = primary_button(self.tr("Next → (Enter)"))
        # Right after receiving: scan the papers into the new dossier without leaving the wizard.
        self.scan_button = QPushButton(self.tr("Scan the papers (Ctrl+G)"))
        for button in (self.cancel_button, self.back_button, self.next_button, self.scan_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.scan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.scan_button.clicked.connect(self.scan_papers)
        self._show(PROCEDURE)

    def _bind_keys(self) -> None:
        done = self.done_page
        for widget, keys, slot, what in (
                (self, "Alt+Left", self.back, self.tr("Previous step")),
                (self, "Ctrl+Return", self.confirm, self.tr("Receive the dossier (on the review)")),
                (self, "Ctrl+Enter", self.confirm, ""),  # the keypad's Enter: the same, listed once
                (self, "Esc", self.cancel, self.tr("Cancel the dossier being entered")),
                (done, "Ctrl+P", done.print_form, self.tr("Print the form")),
                (done, "Ctrl+S", done.save_form, self.tr("Save the form as PDF")),
                (done, "Ctrl+O", done.open_form, self.tr("Open the form")),
                (self, CHIP_KEYS, self.read_chip, self.tr("Read the ID card's chip")),
                (self, CAMERA_KEYS, self.read_card_with_camera, self.tr("Read the ID card's QR with the camera")),
                (self, SCAN_KEYS, self.scan_papers, self.tr("Scan the papers of the dossier just received"))):
            bind_key(widget, keys, slot, what)

    def keyPressEvent(self, event) -> None:
        # Enter in a field reaches us unhandled: it means "next". On a focused button it clicks it.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            elif self.current != DONE:
                self.next()
            return
        super().keyPressEvent(event)

    # -- navigation ---------------------------------------------------------------------

    @property
    def current(self) -> int:
        return self.stack.currentIndex()

    def _show(self, index: int) -> None:
        self.pages[index].enter(self.draft)  # before showing: new rows appear with the page
        self.stack.setCurrentIndex(index)
        for number, step in enumerate(self.step_labels):
            set_role(step, "step-current" if number == index else "step-done" if number < index else "step")
        self.back_button.setEnabled(PROCEDURE < index < DONE)
        self.next_button.setVisible(index != DONE)
        self.cancel_button.setVisible(index != DONE)
        self.back_button.setVisible(index != DONE)
        self.scan_button.setVisible(index == DONE)
        self.next_button.setText(self.tr("Receive dossier (Ctrl+Enter)") if index == REVIEW
                                 else self.tr("Next → (Enter)"))
        if index == REVIEW:
            self.next_button.setFocus()  # Enter here receives, as Ctrl+Enter does
        else:
            self.pages[index].focus_first()

    def next(self) -> bool:
        if self.saving or self.current == DONE:
            return False
        if self.current == REVIEW:
            self.confirm()
            return False
        if not self.pages[self.current].commit(self.draft):
            return False
        self.banner.clear_message()
        self._show(self.current + 1)
        return True

    def _keep_typed(self) -> None:
        """Put what was typed on this page into the draft, even if it is not valid yet."""
        store = getattr(self.pages[self.current], "store", None)
        if store:
            store(self.draft)

    def back(self) -> None:
        if self.saving or not PROCEDURE < self.current < DONE:
            return
        self._keep_typed()
        self.banner.clear_message()
        self._show(self.current - 1)

    def cancel(self) -> None:
        if self.saving:
            return
        self._keep_typed()
        if self.current == DONE or not self.draft.touched:
            self.new_dossier(confirm=False)
            return
        ask(self, self.tr("Cancel this dossier?"),
            self.tr("Everything entered for this dossier will be discarded. Nothing has been saved yet."),
            lambda: self.new_dossier(confirm=False),
            yes_text=self.tr("&Discard"), no_text=self.tr("&Keep entering"))

    def new_dossier(self, confirm: bool = True) -> None:
        """Start over (Ctrl+N); asks first when unsaved input would be lost."""
        if self.saving:
            return
        if confirm and self.current != DONE:
            self.cancel()  # asks first if anything was typed
            return
        self.draft = IntakeDraft()
        self.last_card = None
        self.banner.clear_message()
        self.applicant_page.show_card(None)
        self.procedure_page.search.clear()
        self._show(PROCEDURE)

    def fill_from_card(self, text: str) -> None:
        """A CCCD QR read by a keyboard-wedge scanner, on any step: fill the applicant, show what was read."""
        if self.saving or self.current == DONE:
            return
        try:
            data = parse_cccd(text)
        except CounterError as error:
            self._show_error(error)
            return
        self.fill_from_cccd(data)

    def fill_from_cccd(self, data: CccdData) -> None:
        """A card read from its QR (scanner or camera) or its chip: fill the applicant, show what was read."""
        if self.saving or self.current == DONE:
            return
        self.last_card = data
        if self.current == APPLICANT:
            self.applicant_page.store(self.draft)  # keep a phone or e-mail already typed
        birth = f"{data.birth_date:%d/%m/%Y}" if data.birth_date else ""
        for key, value in (("name", data.full_name), ("id_number", data.id_number), ("birth_date_text", birth),
                           ("address", data.address)):
            if value:  # an unreadable field keeps what the officer typed
                setattr(self.draft, key, value)
        self.applicant_page.show_card(data)
        self.banner.show_message("info", self.tr("ID card read: the applicant's details are filled in."))
        if self.current == APPLICANT:
            self.applicant_page.enter(self.draft)

    # -- ID card devices ----------------------------------------------------------------

    def _can_read_card(self) -> bool:
        return not self.saving and self.current != DONE

    def read_chip(self):
        """F12: read the card's chip; its key is pre-filled from the card read before or from the form."""
        if not self._can_read_card():
            return None
        self._keep_typed()
        return self.id_bar.read_chip(self._chip_prefill())

    def read_card_with_camera(self):
        """Ctrl+F12: read the card's QR code with the document camera."""
        if not self._can_read_card():
            return None
        self._keep_typed()  # the fill keeps a phone or e-mail already typed
        return self.id_bar.read_with_camera()

    def _chip_prefill(self) -> CccdData | None:
        draft, card = self.draft, self.last_card
        typed = draft.id_number.strip()
        if card is not None and (not typed or typed == card.id_number):
            return card  # what the QR gave, with the issue date that suggests the expiry
        if not typed:
            return None
        try:
            birth = parse_date(draft.birth_date_text)
        except ValueError:
            birth = None
        return CccdData(typed, "", draft.name.strip(), birth, "", draft.address.strip(), None)

    # -- scanning the papers of the dossier just received ---------------------------------

    def set_scanning(self, options: dict | None) -> None:
        """``options``: the scan dialog's scanners and page sources (as for ``ScanActions.install``)."""
        self.scanning = dict(options) if options else None

    def scan_papers(self):
        """Ctrl+G on the last step: the scan dialog for the dossier just received, on its first
        paper handed in. Before saving there is no dossier to keep the pages with."""
        view = self.done_page.view if self.current == DONE else None
        if view is None or not view.components or self.scan_dialog is not None:
            return None
        if not self.scanning:
            self.banner.show_message("error", self.tr("No scanner is set up on this counter. Ask the administrator "
                                                      "to set one up; the dossier is saved and its papers can be "
                                                      "scanned later from the dossier (Ctrl+2)."))
            return None
        from ui.scan_dialog import ScanDialog  # the scanning stack loads only when used
        from ui.scan_profile_picker import follow_paper_defaults

        first = next((c for c in view.components if c.received), view.components[0])
        dialog = self.scan_dialog = ScanDialog(self._core, self._runner, self._device_runner, view, first.code,
                                               parent=self, **self.scanning)
        follow_paper_defaults(dialog, lambda core=self._core: core.settings().devices.scan_profile_defaults,
                              self._runner)

        def closed(_result: int) -> None:
            self.scan_dialog = None
            dialog.deleteLater()
            self.window().activateWindow()  # the keys go back to the wizard

        dialog.finished.connect(closed)
        dialog.open()
        dialog.strip.setFocus()
        return dialog

    # -- catalogue ----------------------------------------------------------------------

    def load_catalogue(self) -> None:
        """Read the catalogue once in a worker; filtering then runs on the cached list."""
        self.procedure_page.count.setText(self.tr("Loading the procedure catalogue…"))
        self._runner.submit(self._core.procedures, on_result=self._catalogue_loaded,
                            on_error=self._show_error, owner=self)

    def _catalogue_changed(self) -> None:
        # A new catalogue version (sync pull): the core already serves it; show it now.
        if self.catalogue_ready:
            self.procedure_page.refresh()

    def _catalogue_loaded(self, _procedures) -> None:
        self.catalogue_ready = True
        self.procedure_page.refilter()

    def _find_procedures(self, text: str):
        # In-memory and instant once loaded (the catalogue is small and cached by the core).
        return self._core.find_procedures(text) if self.catalogue_ready else []

    # -- saving -------------------------------------------------------------------------

    def confirm(self) -> None:
        """Ctrl+Enter: on the review, receive the dossier. Before the review it only says how: a
        save from an earlier step would skip the papers and the review the officer reads out."""
        if self.saving or self.current == DONE:
            return
        if self.current != REVIEW:
            self.banner.show_message("info", self.tr("The dossier is received from the review step: press Enter "
                                                     "to go on, check the papers, then Ctrl+Enter on the review."))
            return
        self._set_saving(True)
        request = self.draft.to_request()
        self._runner.submit(lambda: self._core.receive(request), on_result=self._received,
                            on_error=self._save_failed, owner=self)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.progress.setVisible(saving)
        for button in (self.next_button, self.back_button, self.cancel_button):
            button.setEnabled(not saving)
        if saving:
            self.banner.show_message("info", self.tr("Saving the dossier…"))

    def _save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        self._show_error(error)
        self.next_button.setFocus()

    def _show_error(self, error: BaseException) -> None:
        self.banner.show_error(describe(error))

    def _received(self, view: DossierView) -> None:
        self._set_saving(False)
        self.banner.clear_message()
        form_id = FORM_FOR_ACTION.get(Action(view.events[0].action), self.draft.form_id())
        self.done_page.show_dossier(view, form_id)
        self._show(DONE)
        self.dossier_received.emit(view.code)
        self._issue_form()

    def _issue_form(self) -> None:
        """Render the form in a worker; the dossier is saved already, so a failure only asks to retry."""
        page = self.done_page
        code, form_id = page.view.code, page.form_id
        self.progress.show()
        self._runner.submit(lambda: self._core.issue_form(code, form_id), on_result=page.form_ready,
                            on_error=page.form_failed, on_finished=self.progress.hide, owner=self)
