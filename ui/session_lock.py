"""Locking the counter: after idle minutes (``security.idle_lock_minutes``) or on demand
(Ctrl+Alt+L), the window's content is covered by the login screen and its shortcuts stop
until an officer logs in. Anyone may log in there, which is how officers switch without
closing the app.

``locked`` is emitted whenever the counter locks (a PIN cache should forget on it);
``unlocked(principal)`` when someone has logged in.
"""
from __future__ import annotations

from ui.login_dialog import LoginPanel, SetupAdminDialog
from ui.qt import (
    QAction,
    QApplication,
    QEvent,
    QFrame,
    QKeySequence,
    QObject,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.workers import TaskRunner

LOCK_KEYS = "Ctrl+Alt+L"  # Win+L belongs to the OS; this one is free in every screen of the app
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class LockOverlay(QFrame):
    """An opaque cover over the whole window, with the login panel in its middle."""

    def __init__(self, window: QWidget, panel: LoginPanel):
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        box = QFrame()
        box.setObjectName("card")
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        window.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parent().rect())
        return False

    def cover(self) -> None:
        self.setGeometry(self.parent().rect())
        self.raise_()
        self.show()


class SessionLock(QObject):
    locked = Signal()
    unlocked = Signal(object)

    def __init__(self, core, window: QWidget, runner: TaskRunner | None = None, *, idle_ms: int | None = None):
        """``idle_ms``: idle time before locking (default: the workspace setting; 0 = never)."""
        super().__init__(window)
        self.core, self.window = core, window
        self.runner = runner or TaskRunner(self)
        self.panel = LoginPanel(core, self.runner)
        self.overlay = LockOverlay(window, self.panel)
        self.panel.logged_in.connect(self._logged_in)
        self._disabled_actions: list[QAction] = []
        self._last_officer = core.principal.username if core.principal else ""
        if idle_ms is None:
            idle_ms = core.settings().security.idle_lock_minutes * 60_000
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.idle_timer.timeout.connect(self._idle)
        self.lock_action = QAction(self.tr("&Lock / switch officer"), window)
        self.lock_action.setShortcut(QKeySequence(LOCK_KEYS))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)
        self._setup_mode = core.setup_mode()
        app = QApplication.instance()
        app.installEventFilter(self)  # any key or mouse use anywhere in the app counts as activity
        window.destroyed.connect(lambda *_: app.removeEventFilter(self))
        self._restart_idle()

    @property
    def is_locked(self) -> bool:
        return self.overlay.isVisibleTo(self.window)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and not self.overlay.isVisibleTo(self.window):
            self._restart_idle()
        return False

    def _restart_idle(self) -> None:
        if self.idle_timer.interval() > 0 and not self._setup_mode:
            self.idle_timer.start()

    def _idle(self) -> None:
        if not self.overlay.isVisibleTo(self.window):
            self.lock()

    def lock(self) -> None:
        """Cover the window and stop its shortcuts; nothing guarded runs in the core meanwhile."""
        self._setup_mode = self.core.setup_mode()
        if self._setup_mode:
            return  # nobody to log in as: locking would lock everyone out
        previous = self.core.principal.username if self.core.principal else ""
        if not self.overlay.isVisibleTo(self.window):
            self.core.lock()
            self._disabled_actions = [a for a in self.window.actions() if a.isEnabled() and a is not self.lock_action]
            for action in self._disabled_actions:
                action.setEnabled(False)
            self._set_content_enabled(False)
            self._forget_pin()
            self.overlay.cover()
            self.locked.emit()
        self.idle_timer.stop()
        self.panel.reset(locked_by=previous)

    def _logged_in(self, principal) -> None:
        self._setup_mode = False
        for action in self._disabled_actions:
            action.setEnabled(True)
        self._disabled_actions = []
        self._set_content_enabled(True)
        self.overlay.hide()
        self._show_officer(principal)
        self._follow_officer(principal)
        apply_role = getattr(self.window, "apply_role", None)
        if apply_role is not None:
            apply_role(principal)  # menus, pages and a dossier's next steps follow the new officer
        self._restart_idle()
        self.unlocked.emit(principal)

    def _forget_pin(self) -> None:
        detail = getattr(self.window, "detail", None)
        signing = getattr(detail, "signing", None)
        if signing is not None:
            signing.forget_pin()  # the next officer must not sign with this one's token PIN

    def _set_content_enabled(self, enabled: bool) -> None:
        # Disabled widgets take no input and fire no shortcuts (a page's F2…F9 included).
        for name in ("centralWidget", "menuBar"):
            getter = getattr(self.window, name, None)
            widget = getter() if callable(getter) else None
            if widget is not None:
                widget.setEnabled(enabled)

    def _follow_officer(self, principal) -> None:
        """Another officer took the counter: the queue panel hands it over (their name on it, the
        previous officer's ticket parked and shift closed); the same officer back just goes on."""
        previous, self._last_officer = self._last_officer, principal.username
        panel = getattr(self.window, "queue_panel", None)
        if panel is None:
            return
        if previous and previous != principal.username:
            panel.hand_over(principal.display_name)
        else:
            panel.set_officer(principal.display_name)

    def _show_officer(self, principal) -> None:
        officer_label = getattr(self.window, "officer_label", None)
        if officer_label is not None:
            officer_label.setText(self.tr("Officer: {name}").format(name=principal.display_name))


def gate_with_login(core, window: QWidget, *, runner: TaskRunner | None = None,
                    idle_ms: int | None = None) -> SessionLock:
    """Call once the main window is built, before it is shown. A workspace with accounts opens
    locked on the login screen; one without any offers to create the administrator account
    ("Later" keeps today's behaviour). Returns the lock, whose ``locked`` signal others may use."""
    session = SessionLock(core, window, runner, idle_ms=idle_ms)
    if core.setup_mode():
        dialog = SetupAdminDialog(core, session.runner, window)
        dialog.accepted.connect(lambda: session._logged_in(dialog.principal))
        dialog.accepted.connect(session._restart_idle)
        session.setup_dialog = dialog
        QTimer.singleShot(0, dialog.open)  # once the window is on screen
    else:
        session.lock()
    return session
