"""The counter's queue panel: the ticket being served, big, and the officer's queue keys.

Every action opens this counter's session first (idempotent for the same officer), runs
on the core worker, and answers with the fresh queue status, so the panel always shows
what the database holds, including moves made by other counters meanwhile.
"""
from __future__ import annotations

from counter_app.errors import ForbiddenQueueAction
from ui.messages import describe
from ui.qt import (
    QAction,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.queue_dialogs import NoticeDialog, QueueChoiceDialog, TicketPickDialog, WorkProfileDialog
from ui.widgets import Banner, card, label, primary_button, read_only_rows

POLL_MS = 3000  # other counters and the kiosk change the queue too
KEY_COLUMNS = 3  # four Vietnamese key labels in a row are wider than a 1366 px screen


class QueuePanel(QWidget):
    ticket_changed = Signal(object)  # the counter's current TicketView, or None

    def __init__(self, core, runner, counter: int, send=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.core, self.runner, self.counter, self.send = core, runner, counter, send
        self.queue = core.queue
        self.officer = core.settings().workstation.officer_name
        self.current = None
        self.parked: tuple = ()
        self.services: tuple = ()
        self.profile = None  # this counter's CounterView (label, services, mode), read with the status
        self.notice = ""  # the display's notice, read with the status
        self.priorities: tuple = ()  # the office's priority classes, read with the status
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._update_buttons()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(18, 18, 18, 18)
        outer.setSpacing(16)
        left = QVBoxLayout()
        self.title = label(self._title(), "title")
        left.addWidget(self.title)
        self.banner = Banner()
        left.addWidget(self.banner)
        box, inner = card(margins=18)
        inner.addWidget(label(self.tr("Now serving"), "heading"))
        self.number = label("—")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet("font-size: 72pt; font-weight: 700; color: #174c87;")
        self.details = label("", "muted", wrap=True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.linked = label("", wrap=True)
        self.linked.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.number, self.details, self.linked):
            inner.addWidget(widget)
        left.addWidget(box)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.call_button = primary_button(self.tr("Call next (F2)"))
        self.recall_button = QPushButton(self.tr("Recall (F3)"))
        self.no_show_button = QPushButton(self.tr("No-show (F4)"))
        self.finish_button = primary_button(self.tr("Finish (F6)"))
        self.park_button = QPushButton(self.tr("Park / resume (F7)"))
        self.transfer_button = QPushButton(self.tr("Transfer… (F8)"))
        self.walk_in_button = QPushButton(self.tr("Walk-in… (F9)"))
        self.call_ticket_button = QPushButton(self.tr("Call a ticket… (F5)"))
        wiring = ((self.call_button, "F2", self.call_next), (self.recall_button, "F3", self.recall),
                  (self.no_show_button, "F4", self.no_show), (self.finish_button, "F6", self.finish),
                  (self.park_button, "F7", self.park_or_resume), (self.transfer_button, "F8", self.ask_transfer),
                  (self.walk_in_button, "F9", self.ask_walk_in),
                  (self.call_ticket_button, "F5", self.ask_call_ticket))
        for index, (button, keys, slot) in enumerate(wiring):
            button.setMinimumHeight(48)
            button.clicked.connect(slot)
            action = QAction(button.text(), self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, b=button: b.isEnabled() and b.click())
            self.addAction(action)
            grid.addWidget(button, index // KEY_COLUMNS, index % KEY_COLUMNS)
        left.addLayout(grid)
        left.addStretch(1)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(label(self.tr("Waiting"), "heading"))
        self.waiting = read_only_rows(QTableWidget(0, 2), stretch=0)
        self.waiting.setHorizontalHeaderLabels([self.tr("Service"), self.tr("Waiting")])
        self.waiting.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right.addWidget(self.waiting, 2)
        right.addWidget(label(self.tr("Parked at this counter"), "heading"))
        self.parked_list = QListWidget()
        self.parked_list.setMaximumHeight(120)
        right.addWidget(self.parked_list)
        right.addWidget(label(self.tr("Issue a ticket"), "heading"))
        row = QHBoxLayout()
        self.issue_service = QComboBox()
        self.issue_button = QPushButton(self.tr("&Issue"))
        self.issue_button.clicked.connect(self.issue_ticket)
        row.addWidget(self.issue_service, 1)
        row.addWidget(self.issue_button)
        right.addLayout(row)
        reprint = QHBoxLayout()  # the kiosk's printer failed: the citizen tells the number
        self.reprint_number = QLineEdit()
        self.reprint_number.setPlaceholderText(self.tr("Ticket number, e.g. A012"))
        self.reprint_button = QPushButton(self.tr("&Reprint"))
        self.reprint_button.clicked.connect(self.reprint)
        self.reprint_number.returnPressed.connect(self.reprint)
        reprint.addWidget(self.reprint_number, 1)
        reprint.addWidget(self.reprint_button)
        right.addLayout(reprint)
        setup = QHBoxLayout()  # the counter's own set-up, kept apart from the F-key work
        self.profile_button = QPushButton(self.tr("Work &profile…"))
        self.profile_button.clicked.connect(self.ask_profile)
        self.notice_button = QPushButton(self.tr("Display &notice…"))
        self.notice_button.clicked.connect(self.ask_notice)
        # A queue hosted by another PC may not offer the set-up: then the buttons stay off.
        self.profile_button.setEnabled(hasattr(self.queue, "configure_counter"))
        self.notice_button.setEnabled(hasattr(self.queue, "set_notice"))
        setup.addWidget(self.profile_button)
        setup.addWidget(self.notice_button)
        right.addLayout(setup)
        outer.addLayout(right, 2)

    # -- reading --------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
        if not self.runner.synchronous:
            self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        def read():
            return self.queue.status(), self.queue.policy().priority_classes

        def shown(result) -> None:
            status, self.priorities = result
            self._show_status(status)
        self.runner.submit(read, on_result=shown, on_error=self._failed, owner=self)

    def _show_status(self, status) -> None:
        mine = next((c for c in status.counters if c.number == self.counter), None)
        self.profile = mine
        self.notice = getattr(status, "notice", "")
        self.current = mine.current if mine else None
        self.parked = mine.parked if mine else ()
        self.services = status.services
        self.waiting.setRowCount(len(status.services))
        for row, service in enumerate(status.services):
            self.waiting.setItem(row, 0, QTableWidgetItem(f"{service.prefix} · {service.name}"))
            count = QTableWidgetItem(str(service.waiting))
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.waiting.setItem(row, 1, count)
        self.parked_list.clear()
        for ticket in self.parked:
            item = QListWidgetItem(f"{ticket.number or self.tr('walk-in')} · {ticket.service_name}")
            item.setData(Qt.ItemDataRole.UserRole, ticket.id)
            self.parked_list.addItem(item)
        if self.parked:
            self.parked_list.setCurrentRow(0)
        chosen = self.issue_service.currentData()
        self.issue_service.clear()
        for service in status.services:
            self.issue_service.addItem(f"{service.prefix} · {service.name}", service.code)
        if chosen is not None and self.issue_service.findData(chosen) >= 0:
            self.issue_service.setCurrentIndex(self.issue_service.findData(chosen))
        self._show_current()
        self.ticket_changed.emit(self.current)

    def _show_current(self) -> None:
        ticket = self.current
        if ticket is None:
            self.number.setText("—")
            self.details.setText(self.tr("No ticket at this counter. Press F2 to call the next citizen."))
            self.linked.setText("")
        else:
            states = {"called": self.tr("called, waiting for the citizen"), "serving": self.tr("being served")}
            parts = [ticket.service_name, states.get(ticket.state, ticket.state)]
            if ticket.priority_name:
                parts.insert(1, self.tr("priority: {name}").format(name=ticket.priority_name))
            self.number.setText(ticket.number or self.tr("Walk-in"))
            self.details.setText(" · ".join(parts))
            self.linked.setText(self.tr("Dossiers: {codes}").format(codes=", ".join(ticket.dossier_codes))
                                if ticket.dossier_codes else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        ticket = self.current
        called = ticket is not None and ticket.state == "called"
        self.call_button.setEnabled(ticket is None)
        self.call_ticket_button.setEnabled(ticket is None)
        self.walk_in_button.setEnabled(ticket is None)
        self.recall_button.setEnabled(called)
        self.no_show_button.setEnabled(called)
        for button in (self.finish_button, self.transfer_button):
            button.setEnabled(ticket is not None)
        self.park_button.setEnabled(ticket is not None or bool(self.parked))

    def _title(self) -> str:
        return self.tr("Counter {n} — {officer}").format(n=self.counter, officer=self.officer)

    def set_officer(self, officer: str) -> None:
        self.officer = officer
        self.title.setText(self._title())

    def hand_over(self, officer: str) -> None:
        """Another officer took the counter (a login after a lock): the panel works in their name.
        A ticket the previous officer was serving is parked here, for the new officer to resume in
        their own name, and the previous officer's shift closes."""
        self.set_officer(officer)

        def work():
            mine = next((c for c in self.queue.status().counters if c.number == self.counter), None)
            if mine is not None and mine.current is not None:
                self.queue.park(self.counter)
            try:
                self.queue.close_session(self.counter)
            except ForbiddenQueueAction:
                pass  # no shift was open: nothing to hand over
            return self.queue.status()

        self.runner.submit(work, on_result=self._show_status, on_error=self._failed, owner=self)

    # -- actions --------------------------------------------------------------------------

    def _act(self, fn, done=None) -> None:
        """Open the session, run ``fn()`` on the worker, then show the fresh status."""
        def work():
            self.queue.open_session(self.counter, self.officer)
            return fn(), self.queue.status()

        def shown(result) -> None:
            value, status = result
            self.banner.clear_message()
            self._show_status(status)
            if done:
                done(value)

        self.runner.submit(work, on_result=shown, on_error=self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.banner.show_error(describe(error))

    def call_next(self) -> None:
        def done(ticket) -> None:
            if ticket is None:
                self.banner.show_message("info", self.tr("Nobody is waiting for this counter's services."))
        self._act(lambda: self.queue.call_next(self.counter), done)

    def recall(self) -> None:
        self._act(lambda: self.queue.recall(self.counter))

    def no_show(self) -> None:
        self._act(lambda: self.queue.no_show(self.counter))

    def finish(self) -> None:
        self._act(lambda: self.queue.finish(self.counter))

    def park_or_resume(self) -> None:
        if self.current is not None:
            self._act(lambda: self.queue.park(self.counter))
        elif self.parked:
            item = self.parked_list.currentItem()
            ref = item.data(Qt.ItemDataRole.UserRole) if item else self.parked[0].id
            self._act(lambda: self.queue.resume(self.counter, ref))

    def ask_transfer(self) -> None:
        if self.current is None:
            return

        def chosen(dialog: QueueChoiceDialog) -> None:
            service, to_counter = dialog.service_code, dialog.to_counter
            self._act(lambda: self.queue.transfer(self.counter, service=service, to_counter=to_counter))
        QueueChoiceDialog(self, self.tr("Transfer the ticket"), self.services, chosen, keep_service=True,
                          counters=True).open()

    def ask_walk_in(self) -> None:
        def chosen(dialog: QueueChoiceDialog) -> None:
            service, priority = dialog.service_code, dialog.priority_code
            self._act(lambda: self.queue.walk_in(self.counter, service, priority))
        QueueChoiceDialog(self, self.tr("Serve a citizen without a ticket"), self.services, chosen,
                          priorities=self.priorities).open()

    def ask_call_ticket(self) -> None:
        """Call a chosen waiting ticket out of turn (an appointment, a citizen who came back)."""
        if self.current is not None:
            return

        def chosen(dialog: TicketPickDialog) -> None:
            ref = dialog.ticket_id
            self._act(lambda: self.queue.call_ticket(self.counter, ref))

        def listed(tickets) -> None:
            TicketPickDialog(self, tickets, chosen).open()
        self.runner.submit(self.queue.waiting_tickets, on_result=listed, on_error=self._failed, owner=self)

    def ask_profile(self) -> None:
        mine = self.profile
        label_text = mine.label if mine and mine.label else self.tr("Counter {n}").format(n=self.counter)

        def chosen(dialog: WorkProfileDialog) -> None:
            name, codes, mode = dialog.counter_label or label_text, dialog.service_codes, dialog.calling_mode

            def done(_value) -> None:
                self.banner.show_message("ok", self.tr("The work profile of this counter is saved."))
            self._act(lambda: self.queue.configure_counter(self.counter, label=name, services=codes, mode=mode), done)
        WorkProfileDialog(self, label_text, self.services, mine.services if mine else (),
                          mine.mode if mine else "in_order", chosen).open()

    def ask_notice(self) -> None:
        def chosen(dialog: NoticeDialog) -> None:
            text = dialog.notice

            def done(_value) -> None:
                self.banner.show_message("ok", self.tr("The display screens will show the new notice."))
            self._act(lambda: self.queue.set_notice(text), done)
        NoticeDialog(self, self.notice, chosen).open()

    def issue_ticket(self) -> None:
        service = self.issue_service.currentData()
        if not service:
            return

        def done(result) -> None:
            ticket, error = result
            if error is None:
                self.banner.show_message("ok", self.tr("Ticket {number} issued.").format(number=ticket.number))
            else:
                self.banner.show_message("warn", self.tr("Ticket {number} is issued but not printed: {why}").format(
                    number=ticket.number, why=describe(error).text))
        send = self.send
        self.runner.submit(lambda: (self.queue.issue_and_print(service, send) if send
                                    else (self.queue.issue(service), None)),
                           on_result=done, on_error=self._failed, on_finished=self.refresh, owner=self)

    def reprint(self) -> None:
        number, send = self.reprint_number.text().strip().upper(), self.send
        if not number or send is None:
            return

        def done(error) -> None:
            if error is None:
                self.banner.show_message("ok", self.tr("Ticket {number} printed again.").format(number=number))
                self.reprint_number.clear()
            else:
                self._failed(error)
        self.runner.submit(lambda: self.queue.print_ticket(number, send), on_result=done, on_error=self._failed,
                           owner=self)

    def link_dossier(self, code: str) -> None:
        """The intake wizard received ``code``: link it to the ticket being served here."""
        ticket = self.current
        if ticket is None:
            return

        def done(linked) -> None:
            self.banner.show_message("ok", self.tr("Dossier {code} is linked to ticket {number}.").format(
                code=code, number=linked.number or self.tr("walk-in")))
        self._act(lambda: self.queue.link_dossiers(ticket.id, (code,)), done)
