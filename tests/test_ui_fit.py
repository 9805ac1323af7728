"""Every window and dialog fits the officers' 1366×768 screen (about 1366×700 of client area once
the taskbar and title bar are there) and the kiosk's 1024×768, in Vietnamese, with real data
that stresses width: the catalogue's longest procedure and paper names. Each check measures
the minimum size (``minimumSizeHint``, or a larger minimum set by the code) and the size the window opens at."""
from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.catalog import load_demo_catalog
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from devices.camera.simulated import SimulatedCamera
from devices.idcard.simulated import SimulatedChipReader
from devices.printers.ticket_job import TicketSender
from devices.scanners.simulated import SimulatedScanner
from devices.simulated_printer import SimulatedPrinter
from tests.conftest import make_core
from ui import i18n
from ui.application import create_main_window, prepare_app
from ui.intake_wizard import APPLICANT, CHECKLIST, DONE, PROCEDURE, REVIEW
from ui.main_window import INTAKE, QUEUE, SEARCH, STATS, SYNC
from ui.qt import QAbstractButton, QAbstractItemView, QApplication, QEvent, QLabel, QScrollArea, QSize, Qt, QWidget
from ui.workers import TaskRunner

OFFICER = QSize(1366, 700)  # a maximised window on a 1366×768 screen
KIOSK = QSize(1024, 768)
LONG_PROCEDURE = "2.000815"  # the longest procedure name of the catalogue (274 characters)
LONG_PAPERS = "1.000894"  # the longest paper names (over 200 characters)
MOST_PAPERS = "1.004859"  # the most text in its papers' names (4 papers, 463 characters)
NAME = "Nguyễn Thị Phương Thảo Hoàng Minh Khuê"
ADDRESS = "Số 128 đường Tràng An, tổ dân phố Phúc Chỉnh, phường Hoa Lư, tỉnh Ninh Bình"


def size_text(size: QSize) -> str:
    return f"{size.width()}×{size.height()}"


def too_big(what: str, size: QSize, limit: QSize) -> list[str]:
    if size.width() <= limit.width() and size.height() <= limit.height():
        return []
    return [f"{what} {size_text(size)} exceeds {size_text(limit)}"]


def squeezed(what: str, widget) -> list[str]:
    """Wrapped texts given fewer lines than they need: Qt's minimum sizes ignore wrapping, so a
    window can meet them and still cut a text off or draw rows over each other."""
    problems = []
    for text in widget.findChildren(QLabel):
        if text.wordWrap() and text.isVisibleTo(widget) and text.text():
            needed = text.heightForWidth(text.width())
            if text.height() < needed:
                problems.append(f"{what}: {text.text()[:40]!r} is {text.height()} px high, needs {needed}")
    return problems


def scrolled(widget, top) -> bool:
    while widget is not None and widget is not top:
        if isinstance(widget, (QScrollArea, QAbstractItemView)):
            return True
        widget = widget.parentWidget()
    return False


def cut_off(what: str, widget) -> list[str]:
    """Texts and buttons laid out past the edge of what holds them (outside scroll areas)."""
    problems = []
    for child in widget.findChildren(QWidget):
        parent = child.parentWidget()
        if (isinstance(child, (QLabel, QAbstractButton)) and child.isVisibleTo(widget)
                and not scrolled(parent, widget) and not parent.rect().contains(child.geometry())):
            shown = child.text()[:40] if hasattr(child, "text") else type(child).__name__
            problems.append(f"{what}: {shown!r} at {child.geometry().getRect()} is cut off by its "
                            f"{type(parent).__name__} of {size_text(parent.size())}")
    return problems


def opening_size(widget) -> QSize:
    """A window resized by its code opens at that size, else at its size hint (Qt's adjustSize)."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return widget.size()
    return widget.sizeHint().expandedTo(minimum(widget))


def minimum(widget) -> QSize:
    """The smallest size the layout allows, or more if the code set a minimum."""
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


class Env:
    """Builds the windows against one real workspace with the demo catalogue."""

    def __init__(self, core, qtbot, tmp_path, monkeypatch):
        self.core, self.qtbot, self.tmp_path, self.monkeypatch = core, qtbot, tmp_path, monkeypatch
        self.keep: list = []
        self.windows: list = []
        core.import_procedures(load_demo_catalog(), source="demo", allow_unchanged=True)
        prepare_app("vi")

    def runner(self) -> TaskRunner:
        runner = TaskRunner(synchronous=True)
        self.keep.append(runner)
        return runner

    def dossier(self, code: str = LONG_PAPERS, *, complete: bool = False):
        """A dossier with long names; one paper missing (with a long reason) unless ``complete``."""
        last = self.core.procedure(code).components[-1]
        missing = () if complete else (MissingComponent(
            last.code, "Chưa mang theo bản chính; công dân hẹn bổ sung trong 05 ngày làm việc kể từ ngày tiếp nhận"),)
        return self.core.receive(IntakeRequest(
            procedure_code=code, received_at=datetime(2026, 11, 25, 9, 0), missing=missing,
            applicant=ApplicantInput(name=NAME, id_number="037099012345", address=ADDRESS, phone="0912 345 678"),
            note="Công dân đề nghị nhận kết quả qua dịch vụ bưu chính công ích tại địa chỉ thường trú"))

    def window(self):
        window = create_main_window(self.core, language="vi", synchronous=True)
        self.windows.append(window)
        window.resize(OFFICER)
        window.show()
        settle()
        return window

    def dialog(self, dialog, limit: QSize = OFFICER):
        self.windows.append(dialog)
        dialog.show()
        settle()
        return dialog, limit


# -- the main window's pages: each must fit the space the window leaves beside its sidebar ----


def page_case(page_index: int, prepare=None):
    def build(env: Env):
        window = env.window()
        window.show_page(page_index)
        if prepare:
            prepare(env, window)
        settle()
        chrome = window.size() - window.pages.size()  # sidebar, menu bar, status bar, margins
        return window.pages.currentWidget(), OFFICER - chrome
    return build


def intake_step(step: int, code: str = LONG_PROCEDURE):
    def prepare(env: Env, window) -> None:
        wizard = window.intake
        wizard.procedure_page.search.setText(env.core.procedure(code).name[:40] if step == PROCEDURE else code)
        settle()
        if step == PROCEDURE:
            return
        wizard.next()
        page = wizard.applicant_page
        for field, value in ((page.name, NAME), (page.id_number, "037099012345"), (page.birth_date, "01/01/1990"),
                             (page.phone, "0912 345 678"), (page.address, ADDRESS)):
            field.setText(value)
        if step == APPLICANT:
            return
        wizard.next()
        rows = wizard.checklist_page._rows
        for row in rows[:-1]:
            row.box.setChecked(True)
        rows[-1].reason.setText("Chưa mang theo bản chính; bổ sung trong 05 ngày làm việc")
        if step == CHECKLIST:
            return
        wizard.next()
        if step == REVIEW:
            return
        wizard.confirm()
        assert wizard.current == DONE
    return prepare


def open_detail(env: Env, window) -> None:
    window.open_dossier(env.dossier().code)


def open_detail_in_processing(env: Env, window) -> None:
    """The status with the most next steps: result ready, supplement, financial, stop, withdraw."""
    code = env.dossier(complete=True).code
    env.core.dossiers.apply(code, "transfer", transferred_to="Công chức Tư pháp - Hộ tịch")
    window.open_dossier(code)


def open_queue_page(env: Env, window) -> None:
    env.core.queue.issue("HT")
    window.queue_panel.call_next()


PAGES = {
    "intake-procedure": page_case(INTAKE, intake_step(PROCEDURE)),
    "intake-applicant": page_case(INTAKE, intake_step(APPLICANT)),
    "intake-checklist-long-papers": page_case(INTAKE, intake_step(CHECKLIST, LONG_PAPERS)),
    "intake-checklist-long-procedure": page_case(INTAKE, intake_step(CHECKLIST)),
    "intake-review-long-papers": page_case(INTAKE, intake_step(REVIEW, LONG_PAPERS)),
    "intake-review-long-procedure": page_case(INTAKE, intake_step(REVIEW)),
    "intake-review-most-papers": page_case(INTAKE, intake_step(REVIEW, MOST_PAPERS)),
    "intake-checklist-most-papers": page_case(INTAKE, intake_step(CHECKLIST, MOST_PAPERS)),
    "intake-done": page_case(INTAKE, intake_step(DONE, LONG_PAPERS)),
    "dossier-list": page_case(SEARCH, lambda env, window: env.dossier()),
    "dossier-detail": page_case(SEARCH, open_detail),
    "dossier-detail-processing": page_case(SEARCH, open_detail_in_processing),
    "queue": page_case(QUEUE, open_queue_page),
    "sync": page_case(SYNC),
    "queue-stats": page_case(STATS),
}


# -- dialogs -----------------------------------------------------------------------------


def scan_dialog(env: Env):
    from ui.scan_dialog import ScanDialog

    view = env.dossier()
    dialog = ScanDialog(env.core, env.runner(), env.runner(), view, view.components[0].code,
                        scanners={"simulated": lambda: SimulatedScanner(pages=2)})
    env.qtbot.waitUntil(lambda: bool(dialog.devices) or dialog.banner.isVisible(), timeout=30_000)
    return env.dialog(dialog)


def camera_dialog(env: Env):
    from ui.camera_dialog import CameraDialog

    return env.dialog(CameraDialog(SimulatedCamera(seed=2, pages=2), runner=env.runner(), live=False))


def camera_qr_dialog(env: Env):
    from ui.camera_dialog import CameraQrDialog

    return env.dialog(CameraQrDialog(SimulatedCamera(seed=2, pages=1), runner=env.runner(), live=False))


def chip_dialog(env: Env):
    from ui.chip_dialog import ChipDialog

    return env.dialog(ChipDialog(SimulatedChipReader(), runner=env.runner()))


def backup_dialog(env: Env):
    from ui.backup_settings_dialog import BackupSettingsDialog

    return env.dialog(BackupSettingsDialog(env.core, env.runner()))


def backup_dialog_with_error(env: Env):
    dialog, limit = backup_dialog(env)
    dialog.banner.show_message("error", "Không ghi được bản sao lưu vào thư mục đã chọn: ổ đĩa đầy hoặc không có "
                                        "quyền ghi. Hãy chọn thư mục khác, rồi bấm Sao lưu ngay.")
    settle()
    return dialog, limit


def scan_profiles_dialog(env: Env):
    from ui.scan_profiles_dialog import ScanProfilesDialog

    return env.dialog(ScanProfilesDialog(env.core, env.runner()))


def users_dialog(env: Env):
    from ui.users_dialog import UsersDialog

    return env.dialog(UsersDialog(env.core, env.runner()))


def login_panel(env: Env):
    from ui.login_dialog import LoginPanel

    return env.dialog(LoginPanel(env.core, env.runner()))


def setup_admin_dialog(env: Env):
    from ui.login_dialog import SetupAdminDialog

    return env.dialog(SetupAdminDialog(env.core, env.runner()))


def unlock_dialog(env: Env):
    from counter_app.security import keys as keystore
    from counter_app.security import rotation
    from tests.encryption_support import PASSPHRASE, cheap_kdf
    from ui.unlock_dialog import UnlockDialog

    cheap_kdf(env.monkeypatch)
    env.monkeypatch.delenv(keystore.ENV_PASSPHRASE, raising=False)
    root = env.tmp_path / "encrypted"
    make_core(root).workspace.close()
    rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE)
    return env.dialog(UnlockDialog(root, env.runner()))


def pin_dialog(env: Env):
    from ui.signing_dialog import PinDialog

    return env.dialog(PinDialog("CANBO-MOTCUA", 12, ask_otp=True))


def signing_progress(env: Env):
    from ui.signing_dialog import SigningProgress

    return env.dialog(SigningProgress(12))


def action_dialog(action: str, complete: bool = True):
    def build(env: Env):
        from ui.dossier_actions import ActionDialog

        return env.dialog(ActionDialog(env.dossier(complete=complete), action))
    return build


def correction_dialog(env: Env):
    from ui.correction_dialog import CorrectionDialog

    return env.dialog(CorrectionDialog(env.dossier(), lambda: env.core.clock().date()))


def queue_dialog(kind: str):
    def build(env: Env):
        from ui.queue_dialogs import NoticeDialog, QueueChoiceDialog, TicketPickDialog, WorkProfileDialog

        queue = env.core.queue
        for service in ("HT", "DD", "CT", "XH"):
            queue.issue(service)
        status = queue.status()
        services, priorities = status.services, queue.policy().priority_classes
        parent = env.window()

        def nothing(_dialog) -> None:
            pass
        dialog = {
            "transfer": lambda: QueueChoiceDialog(parent, "Chuyển phiếu", services, nothing, keep_service=True,
                                                  counters=True),
            "walk-in": lambda: QueueChoiceDialog(parent, "Phục vụ công dân không có phiếu", services, nothing,
                                                 priorities=priorities),
            "ticket-pick": lambda: TicketPickDialog(parent, queue.waiting_tickets(), nothing),
            "work-profile": lambda: WorkProfileDialog(parent, "Quầy 1", services, (), "in_order", nothing),
            "notice": lambda: NoticeDialog(parent, "Bộ phận Một cửa nghỉ chiều thứ Sáu để tập huấn nghiệp vụ", nothing),
        }[kind]()
        return env.dialog(dialog)
    return build


def kiosk(env: Env):
    from ui.kiosk_window import KioskWindow

    window = KioskWindow(env.core, TicketSender(SimulatedPrinter(env.tmp_path / "printed")), synchronous=True)
    window.resize(KIOSK)
    return env.dialog(window, KIOSK)


def display(env: Env):
    from ui.display_window import DisplayWindow

    queue = env.core.queue
    for counter in (1, 2, 3):
        queue.issue("HT")
        queue.open_session(counter, f"Cán bộ quầy {counter}")
        queue.call_next(counter)
    window = DisplayWindow(env.core, synchronous=True)
    window.resize(KIOSK)
    window, limit = env.dialog(window, KIOSK)
    window.refresh()
    return window, limit


def settings_dialog(broken: bool = False):
    def build(env: Env):
        from composition_root import installed_adapters
        from devices.setup_tools import DeviceTools
        from ui.settings_dialog import SettingsDialog

        tools = DeviceTools(env.core.workspace.root, adapters=installed_adapters()).as_dict()
        dialog = SettingsDialog(env.core, env.runner(), env.runner(), tools=tools)
        if broken:  # every field of the devices tab with its error line, the tallest the tab gets
            devices = dialog.devices
            dialog.tabs.setCurrentWidget(devices)
            devices.kind.setCurrentIndex(devices.kind.findData("escpos-network"))
            devices.result.setText("Đã in phiếu thử: hãy xem chữ tiếng Việt trên phiếu có rõ không. Đã lưu thành "
                                   + str(env.tmp_path / "printed" / "20261125-090000-000000-12345-0001.png"))
            dialog.office.agency_id.setText("31.H41")
            dialog.save()
        return env.dialog(dialog)
    return build


def devices_dialog(env: Env):
    from composition_root import installed_adapters
    from devices.setup_tools import DeviceTools
    from ui.devices_dialog import DevicesDialog

    tools = DeviceTools(env.core.workspace.root, adapters=installed_adapters()).as_dict()
    return env.dialog(DevicesDialog(env.core, env.runner(), env.runner(), tools=tools))


def first_run(page: int):
    def build(env: Env):
        from ui.first_run import FirstRunWizard

        wizard = FirstRunWizard(env.core, env.runner(), env.runner())
        wizard.go_to(page)
        return env.dialog(wizard)
    return build


DIALOGS = {
    "settings": settings_dialog(),
    "settings-errors": settings_dialog(broken=True),
    "devices": devices_dialog,
    "first-run-office": first_run(0),
    "first-run-printer": first_run(2),
    "first-run-catalogue": first_run(3),
    "scan": scan_dialog,
    "camera": camera_dialog,
    "camera-qr": camera_qr_dialog,
    "chip": chip_dialog,
    "backup-settings": backup_dialog,
    "backup-settings-error": backup_dialog_with_error,
    "scan-profiles": scan_profiles_dialog,
    "users": users_dialog,
    "login": login_panel,
    "setup-admin": setup_admin_dialog,
    "unlock": unlock_dialog,
    "signing-pin": pin_dialog,
    "signing-progress": signing_progress,
    "action-transfer": action_dialog("transfer"),
    "action-refuse": action_dialog("refuse", complete=False),
    "action-supplement-received": action_dialog("supplement_received", complete=False),
    "correction": correction_dialog,
    "queue-transfer": queue_dialog("transfer"),
    "queue-walk-in": queue_dialog("walk-in"),
    "queue-ticket-pick": queue_dialog("ticket-pick"),
    "queue-work-profile": queue_dialog("work-profile"),
    "queue-notice": queue_dialog("notice"),
    "kiosk": kiosk,
    "display": display,
}


@pytest.fixture
def env(core, qtbot, tmp_path, monkeypatch):
    env = Env(core, qtbot, tmp_path, monkeypatch)
    yield env
    for window in reversed(env.windows):  # deleted, not just closed: live windows slow the next tests down
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.install("en")


def test_main_window_fits(env):
    window = env.window()
    open_detail_in_processing(env, window)  # the pages stack: the widest content of any of them counts
    for page in (INTAKE, QUEUE, SYNC, STATS):
        window.show_page(page)
    settle()
    problems = too_big("main window minimum", minimum(window), OFFICER)
    assert not problems, problems


@pytest.mark.parametrize("name", list(PAGES))
def test_main_window_page_fits(env, name):
    page, room = PAGES[name](env)
    problems = (too_big(f"{name} page minimum", minimum(page), room) + squeezed(name, page)
                + cut_off(name, page))
    assert not problems, problems


@pytest.mark.parametrize("name", list(DIALOGS))
def test_dialog_fits(env, name):
    dialog, limit = DIALOGS[name](env)
    problems = (too_big(f"{name} minimum", minimum(dialog), limit)
                + too_big(f"{name} opens at", opening_size(dialog), limit) + squeezed(name, dialog)
                + cut_off(name, dialog))
    assert not problems, problems
