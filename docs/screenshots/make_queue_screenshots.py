"""Screenshots of the queue windows (kiosk, counter panel, display at 720p and 1080p) on a
fresh demo workspace, offscreen:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_queue_screenshots.py

Tickets print to a temporary simulated printer; the demo workspace is temporary too.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from counter_app.core import CounterCore  # noqa: E402
from counter_app.demo import create_demo_workspace  # noqa: E402
from counter_app.workspace import open_workspace  # noqa: E402
from devices.printers.ticket_job import TicketSender  # noqa: E402
from devices.simulated_printer import SimulatedPrinter  # noqa: E402
from ui.application import create_main_window  # noqa: E402
from ui.display_window import DisplayWindow  # noqa: E402
from ui.kiosk_window import KioskWindow  # noqa: E402
from ui.main_window import QUEUE  # noqa: E402
from ui.qt import QApplication  # noqa: E402

OUT = Path(__file__).resolve().parent


def shoot(window, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print(path.relative_to(REPO))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = create_demo_workspace(Path(folder) / "demo", dossiers=5)
        core = CounterCore(open_workspace(root))
        queue = core.queue
        for service, priority in (("HT", ""), ("HT", ""), ("DD", ""), ("HT", "elderly"), ("CT", ""),
                                  ("DD", ""), ("XH", ""), ("HT", ""), ("CT", "pregnant")):
            queue.issue(service, priority)
        for counter in (2, 3):
            queue.open_session(counter, f"Cán bộ quầy {counter}")
            queue.call_next(counter)

        window = create_main_window(core, language="vi", synchronous=True)  # installs Vietnamese + theme
        window.resize(1366, 768)
        window.show()
        window.show_page(QUEUE)
        window.queue_panel.call_next()
        shoot(window, "10_queue_panel")

        sender = TicketSender(SimulatedPrinter(Path(folder) / "printed"))
        kiosk = KioskWindow(core, sender, synchronous=True)
        kiosk.resize(1280, 800)
        kiosk.show()
        shoot(kiosk, "11_kiosk")
        kiosk.issue("HT")
        shoot(kiosk, "12_kiosk_ticket")

        display = DisplayWindow(core, synchronous=True)
        display.resize(1280, 720)
        display.show()
        display.refresh()
        queue.finish(2)
        queue.call_next(2)
        display.refresh()  # a new call: counter 2 flashes
        shoot(display, "13_display_720p")
        display.resize(1920, 1080)
        shoot(display, "14_display_1080p")
        for widget in (display, kiosk, window):
            widget.close()
        core.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
