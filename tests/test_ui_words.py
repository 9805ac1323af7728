"""No internal codes where the officer reads: role codes, scanner adapter names, paper codes,
queue service codes; and every menu path a Vietnamese message names is a real menu."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.test_accounts import PASSWORDS, add_role_accounts
from tests.conftest import REPO
from tests.test_ui_fit import env, scan_dialog, users_dialog  # noqa: F401 (fixture)
from ui.application import create_main_window


def test_the_users_table_names_roles_in_words(env):
    add_role_accounts(env.core)
    env.core.login("admin", PASSWORDS["admin"])
    dialog, _limit = users_dialog(env)
    env.qtbot.waitUntil(lambda: len(dialog.officers) == 3)
    roles = {dialog.table.item(row, 0).text(): dialog.table.item(row, 2).text() for row in range(3)}
    assert roles == {"admin": "Quản trị cơ quan", "leader": "Lãnh đạo cơ quan", "officer": "Cán bộ một cửa"}


def test_the_scan_dialog_lists_scanners_and_papers_by_name(env):
    dialog, _limit = scan_dialog(env)
    names = [device.label for device in dialog.devices]
    assert names and not any("Simulated" in name or "(sim:" in name for name in names), names
    papers = [dialog.component.itemText(i) for i in range(dialog.component.count())]
    assert papers and not any(re.match(r"^[A-Z]+\d+ ·", text) for text in papers), papers


def test_the_service_chart_names_services_not_codes(env):
    env.core.queue.issue("HT")
    window = create_main_window(env.core, language="vi", synchronous=True)
    env.windows.append(window)
    window.queue_stats.refresh()
    bars = [name for name, _count in window.queue_stats.service_counts.bars]
    assert bars and "HT" not in bars and all(len(name) > 3 for name in bars), bars


def test_menu_paths_in_messages_name_the_real_menus(env):
    window = create_main_window(env.core, language="vi", synchronous=True)
    env.windows.append(window)
    menus = {action.text().replace("&", "") for action in window.menuBar().actions()}
    ts = ET.parse(REPO / "resources" / "translations" / "quay_mot_cua_vi.ts").getroot()
    paths = [(text[:match.start()].rstrip(), text) for message in ts.iter("message")
             for text in [message.findtext("translation") or ""] for match in re.finditer("[▸›]", text)]
    assert paths
    wrong = [text for before, text in paths if not any(before.endswith(menu) for menu in menus)]
    assert wrong == []


def test_every_mnemonic_is_on_a_key_a_vietnamese_keyboard_types():
    """Alt+letter reaches a mnemonic only on a plain Latin letter or digit: one on Đ, Ư, Ơ, Ă, Â,
    Ê, Ô (or an accented vowel) cannot be typed, so the field or button is not reachable by it."""
    wrong = []
    for name in ("quay_mot_cua_vi.ts", "qtbase_vi.ts"):
        ts = ET.parse(REPO / "resources" / "translations" / name).getroot()
        for message in ts.iter("message"):
            for text in [message.findtext("translation") or ""]:
                for match in re.finditer(r"&(.)", text.replace("&&", "")):
                    if not (match.group(1).isascii() and match.group(1).isalnum()):
                        wrong.append(f"{name}: {text}")
    assert wrong == []
