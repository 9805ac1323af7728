"""Screenshots of the main screens at 1366×768, on a fresh demo workspace (offscreen Qt).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py [vi|en]

Writes PNG files next to this script; the demo workspace goes to a temporary folder.
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
from ui.application import create_main_window  # noqa: E402
from ui.main_window import SEARCH  # noqa: E402
from ui.qt import QApplication, QScrollArea  # noqa: E402

OUT = Path(__file__).resolve().parent
SIZE = (1366, 768)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def shoot(window, name: str, language: str) -> None:
    settle()
    path = OUT / (f"{name}.png" if language == "vi" else f"{name}_{language}.png")
    window.grab().save(str(path))
    print(path.relative_to(REPO))


def main(language: str = "vi") -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = create_demo_workspace(Path(folder) / "demo", dossiers=40)
        core = CounterCore(open_workspace(root))
        window = create_main_window(core, language=language, synchronous=True)
        window.resize(*SIZE)
        window.show()
        wizard = window.intake

        wizard.procedure_page.search.setText("khai sinh")
        shoot(window, "01_intake_procedure", language)

        wizard.next()
        page = wizard.applicant_page
        for field, value in ((page.name, "Nguyễn Văn An"), (page.id_number, "037099012345"),
                             (page.birth_date, "01/01/1990"), (page.phone, "0912 345 678"),
                             (page.address, "Thôn Văn Lâm, phường Hoa Lư, Ninh Bình")):
            field.setText(value)
        page.id_number.setText("03709901234")  # one digit short: the page says what is wrong
        wizard.next()
        shoot(window, "02_intake_applicant_error", language)
        page.id_number.setText("037099012345")

        wizard.next()
        checklist = wizard.checklist_page
        rows = checklist._rows
        for row in rows[:-1]:
            row.box.setChecked(True)
        rows[-1].reason.setText("Chưa mang theo; bổ sung trong 05 ngày")
        shoot(window, "03_intake_checklist", language)

        rows[-1].box.setChecked(True)
        wizard.next()
        shoot(window, "04_intake_review", language)

        wizard.confirm()
        shoot(window, "05_intake_done", language)

        window.show_page(SEARCH)
        shoot(window, "06_dossier_list", language)

        summaries = [window.dossier_list.model.summary(r) for r in range(window.dossier_list.model.rowCount())]
        processing = next((s for s in summaries if s.status == 4), summaries[0])
        window.open_dossier(processing.code)
        shoot(window, "07_dossier_detail", language)
        returned = next((s for s in summaries if s.status == 10), summaries[0])
        window.open_dossier(returned.code)
        scroll = window.detail.findChild(QScrollArea)
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        shoot(window, "08_dossier_detail_timeline", language)

        window.open_dossier(processing.code)
        window.detail.ask_action("transfer" if processing.status == 2 else "result_ready")
        settle()
        shoot(window.detail.dialog, "09_action_dialog", language)
        window.detail.dialog.reject()
        window.close()
        core.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
