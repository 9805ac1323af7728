"""Translations: every string in the code is in the Vietnamese .ts file with a finished
translation; the window speaks Vietnamese by default and English on request; every
core error code has a message telling the officer what to do next."""
from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import counter_app
from counter_app.catalog.model import COPY_KIND_LABELS_VI
from counter_app.dossiers.lifecycle import STATUS_NAMES_VI
from counter_app.errors import CounterError
from sync.errors import SyncError
from ui import i18n
from ui.application import create_main_window
from ui.labels import copy_kind_name, status_name
from ui.messages import MESSAGES, describe, text_for

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "translations" / "quay_mot_cua_vi.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages_of(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name"), message.findtext("source")): message
            for context in root.iter("context") for message in context.iter("message")}


def test_every_message_has_a_finished_vietnamese_translation():
    messages = messages_of(TS)
    assert len(messages) > 150
    for (context, source), message in messages.items():
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"unfinished or obsolete: {where}"
        forms = [form.text or "" for form in translation.findall("numerusform")]  # plurals ("%n …")
        text = forms[0] if forms else translation.text or ""
        assert text.strip() and all(f.strip() for f in forms), f"empty translation: {where}"
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), f"placeholders: {where}"
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), f"mnemonic: {where}"
        if source[0].isalpha():
            assert text != source or source in ("Email", "PDF"), f"left in English: {where}"


def test_no_string_in_the_code_is_missing_from_the_ts_file(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([i18n.lupdate(), "-silent", "-extensions", "py", "-locations", "none", str(REPO / "ui"),
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    in_code = set(messages_of(fresh))
    committed = set(messages_of(TS))
    assert len(in_code) > 150
    assert in_code - committed == set(), "run lupdate and translate the new strings"
    assert committed - in_code == set(), "strings no longer in the code: run lupdate -no-obsolete"


def test_qm_is_compiled_on_the_fly_when_missing(tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    shutil.copy(TS, resources / "translations" / TS.name)
    monkeypatch.setenv("COUNTER_APP_RESOURCES", str(resources))
    monkeypatch.setattr(i18n, "cache_dir", lambda: tmp_path / "cache")
    qm = i18n.qm_path("vi")
    assert qm == tmp_path / "cache" / "quay_mot_cua_vi.qm" and qm.stat().st_size > 1000
    assert i18n.qm_path("vi") == qm  # fresh now: not compiled again


def test_vietnamese_is_the_default_and_english_is_possible(core, qtbot):
    window = create_main_window(core, synchronous=True)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Quầy Một Cửa — UBND phường Hoa Lư"
    assert window.sidebar.item(0).text().startswith("Tiếp nhận hồ sơ")
    assert window.sidebar.item(1).text().startswith("Tra cứu hồ sơ")
    assert [a.text() for a in window.menuBar().actions()] == ["&Hồ sơ", "&Xem", "&Quản trị", "&Trợ giúp"]
    assert window.intake.step_labels[0].text() == "1. Thủ tục"
    assert window.officer_label.text() == "Cán bộ: Trần Thị Mai"
    assert status_name(5) == "Yêu cầu bổ sung giấy tờ"

    english = create_main_window(core, language="en", synchronous=True)
    qtbot.addWidget(english)
    assert english.sidebar.item(0).text().startswith("Receive dossiers")
    assert english.intake.step_labels[0].text() == "1. Procedure"
    assert status_name(5) == "Supplement requested"
    i18n.install("vi")


def test_status_and_copy_kind_names_match_the_national_wording(qapp):
    i18n.install("vi")
    for status, name in STATUS_NAMES_VI.items():
        assert status_name(int(status)) == name
    for kind, name in COPY_KIND_LABELS_VI.items():
        assert copy_kind_name(kind.value) == name


def all_error_classes() -> set[type]:
    for module in pkgutil.walk_packages(counter_app.__path__, "counter_app."):
        importlib.import_module(module.name)
    found, todo = set(), [CounterError, SyncError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_core_error_has_a_message_saying_what_to_do(qapp):
    i18n.install("vi")
    classes = all_error_classes()
    assert len(classes) >= 24
    for cls in classes:
        if cls.__module__.startswith("tests."):
            continue  # a test's own throw-away error class
        assert cls.code in MESSAGES, f"{cls.__name__} ({cls.code}) has no message in ui/messages.py"
    from counter_app.errors import DiskFull

    message = describe(DiskFull("The disk is full: nothing was saved."))
    assert message.text.startswith("Ổ đĩa đã đầy") and "giải phóng" in message.text and not message.detail

    class NewAdapterError(CounterError):
        code = "scanner_jammed"

    from sync.errors import Offline

    assert describe(Offline("timed out")).text.startswith("Chưa kết nối được với hệ thống của tỉnh")
    assert describe(OSError(28, "No space left")).text == text_for("file_write")
    fallback = describe(NewAdapterError("Paper jam in the ADF"))
    assert fallback.text == text_for("error") and fallback.detail == "Paper jam in the ADF"
    assert "Paper jam in the ADF" in fallback.full()


def test_menu_bar_mnemonics_do_not_steal_the_screens_alt_keys(core, qtbot):
    """Alt+letter of a menu would open the menu instead of reaching a field or checkbox."""
    from ui.qt import QAbstractButton, QLabel

    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)

    def mnemonic(text: str) -> str | None:
        cleaned = text.replace("&&", "")
        return cleaned.split("&", 1)[1][:1].lower() if "&" in cleaned else None

    menus = {mnemonic(action.text()) for action in window.menuBar().actions()} - {None}
    screen = {mnemonic(widget.text()) for kind in (QLabel, QAbstractButton)
              for widget in window.centralWidget().findChildren(kind)} - {None}
    assert menus and screen
    assert not menus & screen, f"shared Alt keys: {sorted(menus & screen)}"
