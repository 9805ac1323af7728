"""Regenerate docs/screenshots/*.png in Vietnamese, offscreen, on a fresh demo workspace, at the
size officers really have: a maximised window on a 1366×768 screen (1366×700 of client area);
the kiosk at 1024×768, the display at 720p and 1080p.

    .venv/bin/python scripts/screenshots.py

The demo workspace and the printed tickets go to a temporary folder.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from counter_app.core import CounterCore  # noqa: E402
from counter_app.demo import create_demo_workspace  # noqa: E402
from counter_app.workspace import open_workspace  # noqa: E402
from devices.printers.ticket_job import TicketSender  # noqa: E402
from devices.simulated_printer import SimulatedPrinter  # noqa: E402
from ui.application import create_main_window  # noqa: E402
from ui.display_window import DisplayWindow  # noqa: E402
from ui.kiosk_window import KioskWindow  # noqa: E402
from ui.main_window import QUEUE, SEARCH  # noqa: E402
from ui.qt import QApplication, QScrollArea  # noqa: E402

OUT = REPO / "docs" / "screenshots"
OFFICER = (1366, 700)
KIOSK = (1024, 768)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def shoot(widget, name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(REPO))


def intake_and_dossiers(core) -> None:
    window = create_main_window(core, language="vi", synchronous=True)
    window.resize(*OFFICER)
    window.show()
    wizard = window.intake

    wizard.procedure_page.search.setText("khai sinh")
    shoot(window, "01_intake_procedure")

    wizard.next()
    page = wizard.applicant_page
    for field, value in ((page.name, "Nguyễn Văn An"), (page.id_number, "037099012345"),
                         (page.birth_date, "01/01/1990"), (page.phone, "0912 345 678"),
                         (page.address, "Thôn Văn Lâm, phường Hoa Lư, Ninh Bình")):
        field.setText(value)
    page.id_number.setText("03709901234")  # one digit short: the page says what is wrong
    wizard.next()
    shoot(window, "02_intake_applicant_error")
    page.id_number.setText("037099012345")

    wizard.next()
    rows = wizard.checklist_page._rows
    for row in rows[:-1]:
        row.box.setChecked(True)
    rows[-1].reason.setText("Chưa mang theo; bổ sung trong 05 ngày")
    shoot(window, "03_intake_checklist")

    rows[-1].box.setChecked(True)
    wizard.next()
    shoot(window, "04_intake_review")

    wizard.confirm()
    shoot(window, "05_intake_done")

    window.show_page(SEARCH)
    shoot(window, "06_dossier_list")

    model = window.dossier_list.model
    summaries = [model.summary(row) for row in range(model.rowCount())]
    processing = next((s for s in summaries if s.status == 4), summaries[0])
    window.open_dossier(processing.code)
    shoot(window, "07_dossier_detail")
    returned = next((s for s in summaries if s.status == 10), summaries[0])
    window.open_dossier(returned.code)
    scroll = window.detail.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shoot(window, "08_dossier_detail_timeline")

    window.open_dossier(processing.code)
    window.detail.ask_action("transfer" if processing.status == 2 else "result_ready")
    settle()
    shoot(window.detail.dialog, "09_action_dialog")
    window.detail.dialog.reject()
    window.close()


def queue_screens(core, folder: Path) -> None:
    queue = core.queue
    for service, priority in (("HT", ""), ("HT", ""), ("DD", ""), ("HT", "elderly"), ("CT", ""),
                              ("DD", ""), ("XH", ""), ("HT", ""), ("CT", "pregnant")):
        queue.issue(service, priority)
    for counter in (2, 3):
        queue.open_session(counter, f"Cán bộ quầy {counter}")
        queue.call_next(counter)

    window = create_main_window(core, language="vi", synchronous=True)
    window.resize(*OFFICER)
    window.show()
    window.show_page(QUEUE)
    window.queue_panel.call_next()
    shoot(window, "10_queue_panel")

    kiosk = KioskWindow(core, TicketSender(SimulatedPrinter(folder / "printed")), synchronous=True)
    kiosk.resize(*KIOSK)
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


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = create_demo_workspace(Path(folder) / "demo", dossiers=40)
        core = CounterCore(open_workspace(root))
        try:
            intake_and_dossiers(core)
            queue_screens(core, Path(folder))
        finally:
            core.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
