"""Start the queue windows: a counter (main window on the queue page), the kiosk, the display.

The composition root hands in the device-side pieces (ticket sender, voice), so the UI
never imports ``devices``. Each window can run in its own process on the same workspace.
"""
from __future__ import annotations

from ui.application import prepare_app
from ui.qt import QTimer


def _prepare(language: str | None):
    return prepare_app(language)


def _run(app, window, show, *, check_start: bool) -> int:
    """Show the window and run the event loop. ``check_start`` (``--check-start``) quits as soon
    as the window is up and says so: the fresh-install check and the installers' smoke test."""
    show()
    if check_start:
        def report() -> None:
            print(f"started: {type(window).__name__} {window.width()}x{window.height()}", flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    return app.exec()


def run_counter(core, printer=None, *, counter: int | None = None, ticket_sender=None,
                language: str | None = None, signing=None, sync_worker=None, scanning: dict | None = None,
                signing_services=None, id_devices: dict | None = None, serial_qr=None,
                check_start: bool = False, device_tools: dict | None = None) -> int:
    """``signing``: (signer, verifier, completer) from the composition root, or None;
    ``sync_worker``: the started outbox worker, or None; ``scanning``: the scan dialog's
    scanners and page sources (``devices.scanners.wiring.gui_scanning``), or None; ``id_devices``:
    the intake's ``chip_reader_factory`` and ``camera_factory``, or None; ``serial_qr``:
    ``start(on_card, on_error)`` of a serial 2D barcode scanner, or None; ``device_tools``: the set-up
    dialogs' device tests and installed adapter names (``devices.setup_tools.DeviceTools.as_dict``)."""
    from ui.main_window import QUEUE, MainWindow

    app = _prepare(language)
    window = MainWindow(core, printer, counter=counter, ticket_sender=ticket_sender, sync_worker=sync_worker,
                        **(id_devices or {}))
    if signing is not None:
        completion, watcher = signing_services or (None, None)
        window.detail.set_signing(*signing, pin_minutes=5, worker=completion, token_watcher=watcher)
    if scanning is not None:
        from ui.scan_actions import ScanActions

        ScanActions.install(window.detail, window.runner, window.device_runner, **scanning)
        window.intake.set_scanning(scanning)  # Ctrl+G right after receiving
    if serial_qr is not None:
        from ui.serial_qr_bridge import attach_serial_qr

        app.aboutToQuit.connect(attach_serial_qr(window.intake, serial_qr).stop)
    if counter is not None:  # a counter window opens on its queue
        window.show_page(QUEUE)
    window.set_device_tools(device_tools)
    gate(core, window)
    if not check_start:
        from ui.first_run import offer_first_run

        offer_first_run(core, window)  # a new workspace is set up, not left as "UBND xã" with no procedures
    return _run(app, window, window.showMaximized, check_start=check_start)


def gate(core, window) -> None:
    """The login screen over an officer's window (never over the kiosk or the TV)."""
    from ui.session_lock import gate_with_login

    window.session_lock = gate_with_login(core, window, runner=window.runner)
    window.lock_menu_action(window.session_lock.lock_action)
    if getattr(window.detail, "signing", None) is not None:  # a locked counter forgets the token PIN
        window.session_lock.locked.connect(window.detail.signing.forget_pin)


def run_kiosk(core, send=None, *, language: str | None = None, windowed: bool = False,
              check_start: bool = False) -> int:
    from ui.kiosk_window import KioskWindow

    app = _prepare(language)
    window = KioskWindow(core, send)
    window.resize(1280, 800)
    return _run(app, window, window.show if windowed else window.showFullScreen, check_start=check_start)


def run_display(core, announce=None, *, language: str | None = None, windowed: bool = False,
                check_start: bool = False) -> int:
    from ui.display_window import DisplayWindow

    app = _prepare(language)
    window = DisplayWindow(core, announce)
    window.resize(1280, 720)
    return _run(app, window, window.show if windowed else window.showFullScreen, check_start=check_start)
