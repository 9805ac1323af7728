"""Main window: a sidebar with the three jobs of the counter (receive, find, queue), a menu
with shortcuts, and a status bar saying which office, counter, officer and printer this is."""
from __future__ import annotations

import html

from counter_app.accounts.roles import Permission
from counter_app.ports import DeviceState
from ui import printing
from ui.admin_tools import AdminTools, RegisterDialog
from ui.backup_timer import BackupTimer
from ui.dossier_detail import DossierDetail
from ui.dossier_list import DossierListPanel
from ui.intake_wizard import DONE, IntakeWizard
from ui.queue_panel import QueuePanel
from ui.queue_stats import QueueStatsPage
from ui.shortcuts import shortcut_rows
from ui.sync_panel import SyncPanel
from ui.qt import (
    QAction,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    Qt,
    QTimer,
    QWidget,
)
from ui.theme import COLORS
from ui.widgets import ask
from ui.workers import TaskRunner

APP_NAME = "Quầy Một Cửa"  # the product's name, the same in every language
INTAKE, SEARCH, QUEUE, SYNC, STATS = range(5)
PRINTER_POLL_MS = 30_000


class MainWindow(QMainWindow):
    def __init__(self, core, printer=None, *, synchronous: bool = False, counter: int | None = None,
                 ticket_sender=None, sync_worker=None, chip_reader_factory=None, camera_factory=None):
        """``counter``: this window's queue counter (default: the workstation slot);
        ``ticket_sender``: prints queue tickets (``devices.printers.ticket_job.TicketSender``);
        ``sync_worker``: the background outbox worker, or None when no server is set up;
        ``chip_reader_factory`` / ``camera_factory``: the intake's ID card reader and camera (None: none)."""
        super().__init__()
        self.core, self.printer = core, printer
        self._closing = False
        self.runner = TaskRunner(self, synchronous=synchronous)
        # Ctrl+P on a form goes straight to the default printer when the office chose so.
        printing.configure(direct=lambda: core.settings().devices.print_forms_directly)
        self.device_runner = TaskRunner(self, synchronous=synchronous)  # devices never hold up the core
        settings = core.settings()
        self.setWindowTitle(f"{APP_NAME} — {settings.office.agency_name}")
        self.intake = IntakeWizard(core, self.runner, self.device_runner, chip_reader_factory=chip_reader_factory,
                                   camera_factory=camera_factory)
        self.dossier_list = DossierListPanel(core, self.runner)
        self.detail = DossierDetail(core, self.runner, self.device_runner)
        self.search_stack = QStackedWidget()
        self.search_stack.addWidget(self.dossier_list)
        self.search_stack.addWidget(self.detail)
        self.counter = counter or settings.workstation.slot
        self.queue_panel = QueuePanel(core, self.runner, self.counter, ticket_sender)
        self.sync_panel = SyncPanel(core.workspace, sync_worker)
        self.queue_stats = QueueStatsPage(core, self.runner)
        self.admin = AdminTools(core, self.runner, self)
        self._build_body()
        self._build_menus()
        self._build_status_bar(settings)
        # Scheduled backups, checked off the UI thread.
        self.backup_timer = BackupTimer(core, self.statusBar(), synchronous=synchronous, parent=self)
        if not synchronous:
            self.backup_timer.start()
        self.intake.dossier_received.connect(lambda _code: self.dossier_list.refresh())
        # A dossier received while a ticket is served here belongs to that ticket's visit.
        self.intake.dossier_received.connect(self.queue_panel.link_dossier)
        self.dossier_list.open_requested.connect(self.open_dossier)
        self.sync_panel.open_requested.connect(self.open_dossier)  # fix what the province refused
        self.detail.back_requested.connect(self.back_to_list)
        self.detail.changed.connect(lambda _code: self.dossier_list.refresh())
        self._queue_keys_everywhere()
        self.apply_role()
        self.show_page(INTAKE)
        self.resize(1280, 720)

    def _queue_keys_everywhere(self) -> None:
        """F2…F9 serve the citizen at the counter from any page: receiving their dossier must
        not need a page switch to finish their ticket. The panel keeps its actions' logic."""
        for action in self.queue_panel.actions():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    # -- layout -------------------------------------------------------------------------

    def _build_body(self) -> None:
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+1 / Ctrl+2 / Ctrl+3 switch instead
        self.sidebar.setFixedWidth(220)
        for text in (self.tr("Receive dossiers\nCtrl+1"), self.tr("Find dossiers\nCtrl+2"), self.tr("Queue\nCtrl+3"),
                     self.tr("Sync\nCtrl+4"), self.tr("Queue statistics\nCtrl+5")):
            QListWidgetItem(text, self.sidebar)
        self.sidebar.currentRowChanged.connect(self._sidebar_changed)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.intake)
        self.pages.addWidget(self.search_stack)
        self.pages.addWidget(self.queue_panel)
        self.pages.addWidget(self.sync_panel)
        self.pages.addWidget(self.queue_stats)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)

    def _action(self, menu, text: str, keys: str | None, slot, needs: Permission | None = None) -> QAction:
        """A menu entry with its shortcut; ``needs``: offered only to roles that have it (``apply_role``)."""
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        if needs is not None:
            self._role_actions.append((action, needs))
        return action

    def _build_menus(self) -> None:
        self._role_actions: list[tuple[QAction, Permission]] = []
        menus = self.menuBar()
        dossier = menus.addMenu(self.tr("&Dossier"))
        self.new_action = self._action(dossier, self.tr("&New dossier"), "Ctrl+N", self.new_dossier)
        self._action(dossier, self.tr("&Find a dossier"), "Ctrl+F", self.find_dossier)
        dossier.addSeparator()
        self.dossier_menu = dossier
        self.quit_action = self._action(dossier, self.tr("&Quit"), "Ctrl+Q", self.close)
        view = menus.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Receive dossiers"), "Ctrl+1", lambda: self.show_page(INTAKE))
        self._action(view, self.tr("&Find dossiers"), "Ctrl+2", lambda: self.show_page(SEARCH))
        self._action(view, self.tr("&Queue"), "Ctrl+3", lambda: self.show_page(QUEUE))
        self._action(view, self.tr("&Sync"), "Ctrl+4", lambda: self.show_page(SYNC))
        self._action(view, self.tr("Queue s&tatistics"), "Ctrl+5", lambda: self.show_page(STATS),
                     Permission.VIEW_STATISTICS)
        tools = self.tools_menu = menus.addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("&Register of dossiers…"), "Ctrl+R", self.show_register, Permission.PRINT)
        tools.addSeparator()
        self._action(tools, self.tr("Import a procedure &catalogue…"), None, lambda: self.admin.import_catalog(),
                     Permission.IMPORT_CATALOG)
        self._action(tools, self.tr("Import days off and make-up &working days…"), None,
                     lambda: self.admin.import_calendar(), Permission.IMPORT_CALENDAR)
        self._action(tools, self.tr("&Check the system"), None, self.admin.check_system, Permission.SAVE_SETTINGS)
        self._action(tools, self.tr("Officer &accounts…"), None, self.show_users, Permission.MANAGE_USERS)
        self._action(tools, self.tr("Scan &profiles…"), None, self.show_scan_profiles, Permission.SAVE_SETTINGS)
        self._action(tools, self.tr("&Backups…"), None, self.show_backups, Permission.SAVE_SETTINGS)
        tools.addSeparator()
        self._action(tools, self.tr("&Settings…"), None, self.show_settings, Permission.SAVE_SETTINGS)
        self._action(tools, self.tr("&Devices…"), None, self.show_devices, Permission.SAVE_SETTINGS)
        self._action(tools, self.tr("&First-run set-up…"), None, self.show_first_run, Permission.SAVE_SETTINGS)
        help_menu = menus.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts)

    def _build_status_bar(self, settings) -> None:
        bar = self.statusBar()
        office, station = settings.office, settings.workstation
        self.office_label = QLabel(self.tr("Office: {name}").format(name=office.agency_name))
        self.counter_label = QLabel(self.tr("Counter: {name}").format(name=station.counter_label))
        self.officer_label = QLabel(self.tr("Officer: {name}").format(name=station.officer_name))
        self.printer_label = QLabel()
        for widget in (self.office_label, self.counter_label, self.officer_label, self.printer_label):
            bar.addPermanentWidget(widget)
        self._printer_timer = QTimer(self)
        self._printer_timer.setInterval(PRINTER_POLL_MS)
        self._printer_timer.timeout.connect(self.check_printer)
        self.check_printer()
        if self.printer is not None and not self.runner.synchronous:
            self._printer_timer.start()
        self.show_startup_check(self.core.workspace.startup_check)

    def show_startup_check(self, check) -> None:
        """After a power cut or crash: say what the start checked and repaired (on the intake
        banner, which stays until the next message, so it is seen after logging in)."""
        if not check.unclean_shutdown:
            return
        removed = self.tr("%n half-written file(s) removed (they held nothing saved)", "",
                          check.incomplete_files_removed)
        if check.database_ok:
            text = self.tr("The app was not closed properly last time (power cut or crash). The database was "
                           "checked and is intact; {removed}. Dossiers saved before are all there.").format(
                               removed=removed)
            self.intake.banner.show_message("info", text)
        else:
            text = self.tr("The app was not closed properly last time and the database check found problems. "
                           "Keep working only after IT support has run Tools ▸ Check the system; your last "
                           "backup can be restored if needed.")
            self.intake.banner.show_message("error", text)

    # -- printer status -----------------------------------------------------------------

    def check_printer(self) -> None:
        if self.printer is None:
            self._show_printer(self.tr("Ticket printer: not set up"), "muted")
            return
        self.device_runner.submit(self.printer.status, on_result=self._printer_status,
                                  on_error=lambda _exc: self._show_printer(self.tr("Ticket printer: not responding"),
                                                                           "error"), owner=self)

    def _printer_status(self, status) -> None:
        if status.ready:
            self._show_printer(self.tr("Ticket printer: ready"), "ok")
        elif status.state is DeviceState.PAPER_OUT:
            self._show_printer(self.tr("Ticket printer: out of paper"), "error")
        else:
            self._show_printer(self.tr("Ticket printer: not ready"), "error")

    def _show_printer(self, text: str, tone: str) -> None:
        self.printer_label.setText(text)
        self.printer_label.setStyleSheet(f"color: {COLORS[tone]}; font-weight: 600;")

    # -- what the officer's role offers -----------------------------------------------------

    def apply_role(self, _principal=None) -> None:
        """Offer only what the officer now at the counter may do (after each login or switch);
        the core checks again on every call."""
        for action, permission in self._role_actions:
            action.setVisible(self.core.may(permission))
        self.tools_menu.menuAction().setVisible(any(a.isVisible() for a in self.tools_menu.actions()
                                                    if not a.isSeparator()))
        statistics = self.core.may(Permission.VIEW_STATISTICS)
        self.sidebar.item(STATS).setHidden(not statistics)
        if not statistics and self.pages.currentIndex() == STATS:
            self.show_page(INTAKE)
        if self.detail.view is not None:
            self.detail.render(self.detail.view)  # its next steps and the correction follow the role

    # -- navigation ---------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        if self.sidebar.item(page).isHidden():
            return  # not for this officer's role (Ctrl+5 for a counter officer)
        self.sidebar.setCurrentRow(page)

    def _sidebar_changed(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        if page == INTAKE:
            self.intake.pages[self.intake.current].focus_first()
        elif page == QUEUE:
            self.queue_panel.setFocus()  # F2…F9 act within the panel
        elif page == STATS:
            self.queue_stats.refresh()  # tickets move on all day: show fresh figures
            self.queue_stats.start.setFocus()
        elif page == SYNC:
            pass
        elif self.search_stack.currentWidget() is self.dossier_list:
            self.dossier_list.refresh()  # other counters may have moved dossiers on meanwhile
            self.dossier_list.focus_search()

    def lock_menu_action(self, action: QAction) -> None:
        """The session lock's "Lock / switch officer" (Ctrl+Alt+L), in the Dossier menu."""
        self.dossier_menu.insertAction(self.quit_action, action)

    def set_device_tools(self, tools: dict | None) -> None:
        """The device tests and installed adapter names (``devices.setup_tools``) for the set-up dialogs."""
        self.device_tools = tools

    def show_settings(self):
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.core, self.runner, self.device_runner, self,
                                tools=getattr(self, "device_tools", None))
        dialog.saved.connect(self._show_saved_settings)
        dialog.open()
        return dialog

    def show_devices(self):
        from ui.devices_dialog import DevicesDialog

        dialog = DevicesDialog(self.core, self.runner, self.device_runner, self,
                               tools=getattr(self, "device_tools", None))
        dialog.open()
        return dialog

    def show_first_run(self):
        from ui.first_run import FirstRunWizard

        dialog = FirstRunWizard(self.core, self.runner, self.device_runner, self,
                                tools=getattr(self, "device_tools", None))
        dialog.saved.connect(self._show_saved_settings)
        dialog.open()
        return dialog

    def _show_saved_settings(self, settings) -> None:
        """The title and status bar name the office, counter and officer just saved."""
        self.setWindowTitle(f"{APP_NAME} — {settings.office.agency_name}")
        self.office_label.setText(self.tr("Office: {name}").format(name=settings.office.agency_name))
        self.counter_label.setText(self.tr("Counter: {name}").format(name=settings.workstation.counter_label))
        self.officer_label.setText(self.tr("Officer: {name}").format(name=settings.workstation.officer_name))

    def show_backups(self):
        from ui.backup_settings_dialog import BackupSettingsDialog

        dialog = BackupSettingsDialog(self.core, self.runner, self)
        dialog.open()
        return dialog

    def show_scan_profiles(self):
        from ui.scan_profiles_dialog import ScanProfilesDialog

        dialog = ScanProfilesDialog(self.core, self.runner, self)
        dialog.open()
        return dialog

    def show_users(self):
        from ui.users_dialog import UsersDialog

        dialog = UsersDialog(self.core, self.runner, self)
        dialog.open()
        return dialog

    def show_register(self) -> RegisterDialog:
        dialog = RegisterDialog(self.core, self.runner, self)
        dialog.open()
        return dialog

    def new_dossier(self) -> None:
        self.show_page(INTAKE)
        self.intake.new_dossier(confirm=True)

    def find_dossier(self) -> None:
        self.show_page(SEARCH)
        self.search_stack.setCurrentWidget(self.dossier_list)
        self.dossier_list.focus_search()

    def open_dossier(self, code: str) -> None:
        self.show_page(SEARCH)
        self.search_stack.setCurrentWidget(self.detail)
        self.detail.show_dossier(code)
        self.detail.back_button.setFocus()

    def back_to_list(self) -> None:
        self.search_stack.setCurrentWidget(self.dossier_list)
        if self.dossier_list.model.rowCount():
            self.dossier_list.table.setFocus()
        else:
            self.dossier_list.focus_search()

    def show_shortcuts(self) -> QMessageBox:
        """F1: every shortcut of this window, read from the actions and shortcuts themselves."""
        rows = [("Enter", self.tr("Next step; in a list, open")), ("Space", self.tr("Tick or untick a paper")),
                ("Tab / Shift+Tab", self.tr("Next / previous field or button")),
                ("Alt + " + self.tr("underlined letter"), self.tr("Go to that field or button")),
                *shortcut_rows(self)]
        text = "<table>" + "".join(f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;</td><td>{html.escape(what)}"
                                   "</td></tr>" for keys, what in rows) + "</table>"
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
        return box

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        if self.intake.draft.touched and self.intake.current != DONE and not self._closing:
            event.ignore()
            ask(self, self.tr("Close the application?"),
                self.tr("The dossier being entered has not been saved and will be lost."),
                self._close_anyway, yes_text=self.tr("&Close"), no_text=self.tr("&Keep entering"))
            return
        self._printer_timer.stop()
        self.backup_timer.stop()
        self.backup_timer.runner.wait(60_000)  # a backup cut short is discarded; let it finish
        self.runner.wait(15_000)  # let a dossier being saved finish
        self.device_runner.wait(15_000)
        super().closeEvent(event)

    def _close_anyway(self) -> None:
        self._closing = True
        self.close()
