"""Qt's own words (standard buttons, context menus, file and print dialogs) speak Vietnamese
when the interface does: Qt ships no Vietnamese, so resources/translations/qtbase_vi.ts
translates them in Qt's own contexts. In English they stay Qt's English."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QToolButton, QTreeView

from ui import i18n
from ui.qt import (QAbstractButton, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QPrintDialog,
                   QPrinter, QPushButton, Qt)

REPO = Path(__file__).resolve().parents[1]
QT_TS = REPO / "resources" / "translations" / "qtbase_vi.ts"

BOX_BUTTONS = {
    QMessageBox.StandardButton.Close: ("Close", "Đóng"),
    QMessageBox.StandardButton.Cancel: ("Cancel", "Hủy"),
    QMessageBox.StandardButton.Yes: ("&Yes", "&Có"),
    QMessageBox.StandardButton.No: ("&No", "&Không"),
    QMessageBox.StandardButton.Save: ("Save", "Lưu"),
    QMessageBox.StandardButton.Open: ("Open", "Mở"),
}
# Every standard button, so none is left in English on a dialog the app builds later.
DIALOG_BUTTONS = {
    QDialogButtonBox.StandardButton.Ok: ("OK", "Đồng ý"),
    QDialogButtonBox.StandardButton.Save: ("Save", "Lưu"),
    QDialogButtonBox.StandardButton.SaveAll: ("Save All", "Lưu tất cả"),
    QDialogButtonBox.StandardButton.Open: ("Open", "Mở"),
    QDialogButtonBox.StandardButton.Yes: ("&Yes", "&Có"),
    QDialogButtonBox.StandardButton.YesToAll: ("Yes to &All", "Có, &tất cả"),
    QDialogButtonBox.StandardButton.No: ("&No", "&Không"),
    QDialogButtonBox.StandardButton.NoToAll: ("N&o to All", "Khôn&g, tất cả"),
    QDialogButtonBox.StandardButton.Abort: ("Abort", "Hủy bỏ"),
    QDialogButtonBox.StandardButton.Retry: ("Retry", "Thử lại"),
    QDialogButtonBox.StandardButton.Ignore: ("Ignore", "Bỏ qua"),
    QDialogButtonBox.StandardButton.Close: ("Close", "Đóng"),
    QDialogButtonBox.StandardButton.Cancel: ("Cancel", "Hủy"),
    QDialogButtonBox.StandardButton.Discard: ("Discard", "Không lưu"),
    QDialogButtonBox.StandardButton.Help: ("Help", "Trợ giúp"),
    QDialogButtonBox.StandardButton.Apply: ("Apply", "Áp dụng"),
    QDialogButtonBox.StandardButton.Reset: ("Reset", "Đặt lại"),
    QDialogButtonBox.StandardButton.RestoreDefaults: ("Restore Defaults", "Khôi phục mặc định"),
}
MENU_ENGLISH = ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"]
MENU_VIETNAMESE = ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]
# QFileDialog's own widgets, by their object names in Qt's qfiledialog.ui.
FILE_LABELS = {
    "lookInLabel": ("&Look in:", "&Tìm trong:"),
    "fileNameLabel": ("File &name:", "Tê&n tệp:"),
    "fileTypeLabel": ("Files of &type:", "&Kiểu tệp:"),
}
FILE_TIPS = {
    "backButton": ("Back", "Lùi lại"),
    "forwardButton": ("Forward", "Tiến tới"),
    "toParentButton": ("Parent Directory", "Thư mục cha"),
    "newFolderButton": ("Create New Folder", "Tạo thư mục mới"),
    "listModeButton": ("List View", "Xem danh sách"),
    "detailModeButton": ("Detail View", "Xem chi tiết"),
}


def language(name: str) -> int:
    i18n.install(name)
    return 1 if name == "vi" else 0  # column of the expected text


def menu_texts(menu) -> list[str]:
    """Entry texts without the shortcut Qt appends after a tab ("&Undo\tCtrl+Z")."""
    return [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]


@pytest.mark.parametrize("name", ["vi", "en"])
def test_message_box_standard_buttons(qtbot, name):
    column = language(name)
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?")
    qtbot.addWidget(box)
    for button in BOX_BUTTONS:
        box.addButton(button)
    box.setDetailedText("detail")
    for button, texts in BOX_BUTTONS.items():
        assert box.button(button).text() == texts[column]
    details = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
    assert [b.text() for b in details] == [("Show Details...", "Xem chi tiết...")[column]]


@pytest.mark.parametrize("name", ["vi", "en"])
def test_dialog_button_box_standard_buttons(qtbot, name):
    column = language(name)
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for button, texts in DIALOG_BUTTONS.items():
        assert box.addButton(button).text() == texts[column]


@pytest.mark.parametrize("name", ["vi", "en"])
def test_line_edit_context_menu(qtbot, name):
    language(name)
    edit = QLineEdit("Nguyễn Văn An")
    qtbot.addWidget(edit)
    edit.selectAll()
    texts = menu_texts(edit.createStandardContextMenu())
    assert texts == (MENU_VIETNAMESE if name == "vi" else MENU_ENGLISH)


def test_text_edit_context_menu_has_no_english_entry(qtbot):
    language("vi")
    edit = QPlainTextEdit("Ghi chú")
    qtbot.addWidget(edit)
    edit.selectAll()
    texts = menu_texts(edit.createStandardContextMenu())
    assert texts and not set(texts) & set(MENU_ENGLISH)
    assert set(texts) <= set(MENU_VIETNAMESE)


@pytest.mark.parametrize("name", ["vi", "en"])
def test_file_dialog_labels_and_buttons(qtbot, tmp_path, name):
    column = language(name)
    (tmp_path / "don.pdf").write_bytes(b"%PDF-1.4")
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    for object_name, texts in FILE_LABELS.items():
        assert dialog.findChild(QLabel, object_name).text() == texts[column], object_name
    for object_name, texts in FILE_TIPS.items():
        assert dialog.findChild(QToolButton, object_name).toolTip() == texts[column], object_name
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == ("Cancel", "Hủy")[column]
    assert buttons.button(QDialogButtonBox.StandardButton.Open).text() == ("&Open", "&Mở")[column]
    model = dialog.findChild(QTreeView, "treeView").model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [["Name", "Size", "Type", "Date Modified"],
                       ["Tên", "Kích thước", "Loại", "Ngày sửa"]][column]
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == ("&Save", "&Lưu")[column]


@pytest.mark.parametrize("name", ["vi", "en"])
def test_print_dialog_main_labels(qtbot, name):
    column = language(name)
    printer = QPrinter()  # kept alive: the dialog only points to it
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == ("Print", "In")[column]
    assert dialog.findChild(QGroupBox, "printerGroup").title() == ("Printer", "Máy in")[column]
    assert dialog.findChild(QPushButton, "properties").text() == ("P&roperties", "Thuộc tí&nh")[column]
    assert dialog.findChild(QLabel, "lOutput").text() == ("Output &file:", "Tệp &xuất ra:")[column]
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {("&Name:", "&Tên:")[column], ("Copies:", "Số bản:")[column]} <= labels
    button_texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
    assert {("Pages from", "Từ trang")[column], ("Collate", "Xếp theo bộ")[column]} <= set(button_texts)
    for english, vietnamese in (("&Print", "&In"), ("Cancel", "Hủy"), ("&Options >>", "Tùy &chọn >>")):
        assert (english, vietnamese)[column] in button_texts
    titles = {box.title() for box in dialog.findChildren(QGroupBox)}
    assert {("Print range", "Phạm vi in")[column], ("Double Sided Printing", "In hai mặt")[column]} <= titles


def test_every_qt_string_has_a_finished_vietnamese_translation():
    root = ET.parse(QT_TS).getroot()
    messages = [(context.findtext("name"), message) for context in root.iter("context")
                for message in context.iter("message")]
    assert len(messages) > 200
    for context, message in messages:
        source, translation = message.findtext("source"), message.find("translation")
        where = f"{context}: {source!r}"
        assert translation.get("type") is None and (translation.text or "").strip(), where
        text = translation.text
        assert ("&" in source) == ("&" in text), f"mnemonic: {where}"
        if "&" in text:  # Alt+letter must be a key a Vietnamese keyboard has
            letter = text.split("&", 1)[1][:1]
            assert letter.isascii() and letter.isalnum(), f"mnemonic on {letter!r}: {where}"


# -- the app's own internal codes never reach the officer ------------------------------------

def job(level: str, target: str = "B-LT", error: str = ""):
    from datetime import datetime

    from counter_app.signing.jobs import JobView

    at = datetime(2026, 12, 1, 9, 0)
    state = "pending" if level != target else "done"
    return JobView(1, "D1", 1, "01_D1_ky.pdf", "ab" * 32, level, target, state, "Trần Thị Mai", "Quầy 1", at, 0,
                   error, at)


def test_document_kinds_are_named_not_coded(qapp):
    from ui.labels import form_of_document

    language("vi")
    assert form_of_document("form_01") == "Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    assert form_of_document("scan") == "Bản quét giấy tờ"
    assert form_of_document("signed_form_01") == "Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (đã ký số)"
    assert form_of_document("signed_scan") == "Bản quét giấy tờ (đã ký số)"
    assert form_of_document("result_decision") == form_of_document("form_99") == "Văn bản khác"
    language("en")
    assert form_of_document("signed_scan") == "Scanned papers (digitally signed)"


def test_signature_levels_are_explained_where_they_are_shown(qapp):
    from ui.labels import signature_level_name
    from ui.signing_actions import state_text, state_tip

    language("vi")
    assert signature_level_name("B-B") == "B-B: đã ký, chưa có dấu thời gian tin cậy"
    assert signature_level_name("B-LT").startswith("B-LT: có dấu thời gian và dữ liệu kiểm tra thu hồi")
    waiting = job("B-B", error="TSA unreachable")
    assert state_text(waiting) == "B-B — đã ký, chờ có mạng để gắn dấu thời gian"
    assert state_tip(waiting).split("\n") == [signature_level_name("B-B"),
                                             "Khi có mạng trở lại: " + signature_level_name("B-LT"),
                                             "TSA unreachable"]
    assert state_text(job("B-LT")) == "B-LT — đã ký, có dấu thời gian, kiểm tra được lâu dài"
    assert state_tip(job("B-LT")) == signature_level_name("B-LT")


def test_verification_view_explains_the_levels(qtbot):
    from types import SimpleNamespace

    from ui.labels import signature_level_name
    from ui.signing_verify import SignatureView

    language("vi")
    report = SimpleNamespace(ok=True, signer="Trần Thị Mai", claimed_time=None, trusted_time=None, intact=True,
                             valid=True, trusted=False, chain=(), revocation="not_checked_offline", level="B-B")
    view = SignatureView("01.pdf", [report], job("B-B"))
    qtbot.addWidget(view)
    assert view.table.item(7, 0).text() == "B-B" and view.table.item(7, 0).toolTip() == signature_level_name("B-B")
    assert view.levels_label.text() == signature_level_name("B-B")
    assert view.completion_label.text().split("\n")[1:] == [signature_level_name("B-B"), signature_level_name("B-LT")]


def test_signers_and_devices_have_display_names(qapp):
    from types import SimpleNamespace

    from ui.labels import device_name
    from ui.signing_actions import signer_name

    language("vi")
    assert signer_name(SimpleNamespace(name="pkcs11")) == "thiết bị ký số (USB token hoặc thẻ)"
    assert signer_name(SimpleNamespace(name="remote-csc")) == "dịch vụ ký số từ xa"
    assert signer_name(object()) == "thiết bị ký số"
    assert device_name("Simulated feeder scanner") == "Máy quét nạp giấy mô phỏng (tập huấn)"
    assert device_name("Simulated document camera") == "Camera tài liệu mô phỏng (tập huấn)"
    assert device_name("Canon DR-C225") == "Canon DR-C225"  # a real model keeps its name


@pytest.mark.parametrize("name", ["vi", "en"])
def test_error_messages_name_no_setting_key_or_command(qapp, name):
    from ui.messages import MESSAGES, text_for

    language(name)
    for code in MESSAGES:
        text = text_for(code)
        assert "devices." not in text and "counter-app" not in text and "--" not in text, code
    assert "thiết lập" in text_for("camera_not_configured") or name == "en"


def test_system_check_speaks_words_and_keeps_the_keys_in_the_details(qtbot):
    from counter_app.ports import DeviceCheck
    from ui.admin_tools import AdminTools, check_line
    from ui.qt import QWidget
    from ui.workers import TaskRunner

    language("vi")
    assert check_line(DeviceCheck("database", "integrity", True, "ok")) == "✔ Cơ sở dữ liệu: tính toàn vẹn — ổn"
    assert check_line(DeviceCheck("audit", "event chain", False, "events [3] were altered")) == \
        "✘ Nhật ký kiểm tra: lịch sử hồ sơ — cần xử lý: xem chi tiết"
    parent = QWidget()
    qtbot.addWidget(parent)
    tools = AdminTools(None, TaskRunner(synchronous=True), parent)
    tools._checked([DeviceCheck("database", "integrity", True, "ok")])
    assert "database" not in tools.last_box.text()
    assert tools.last_box.detailedText() == "✔ database: integrity — ok"  # for support, behind "Xem chi tiết..."
