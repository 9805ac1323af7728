"""The start-up passphrase dialog of an encrypted workspace (pytest-qt, offscreen)."""
from __future__ import annotations

import pytest

from counter_app.security import keys as keystore
from counter_app.security import rotation
from tests.encryption_support import PASSPHRASE, SCAN_TEXT, cheap_kdf, populate, workspace_bytes
from ui.qt import QDialog, Qt
from ui.unlock_dialog import UnlockDialog, open_workspace_for_gui
from ui.workers import TaskRunner


@pytest.fixture
def encrypted_root(tmp_path, monkeypatch):
    cheap_kdf(monkeypatch)
    monkeypatch.delenv(keystore.ENV_PASSPHRASE, raising=False)
    root = tmp_path / "ws"
    known = populate(root, dossiers=1)
    rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE)
    return root, known


def test_wrong_passphrase_says_so_then_the_right_one_opens(qtbot, encrypted_root):
    root, known = encrypted_root
    before = workspace_bytes(root)
    dialog = UnlockDialog(root, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)  # empty: asked to type it
    assert dialog.banner.kind == "error" and dialog.workspace is None
    qtbot.keyClicks(dialog.passphrase_edit, "not the passphrase")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.workspace is None and dialog.isVisible()
    assert "passphrase is wrong" in dialog.banner.text()
    assert workspace_bytes(root) == before
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.workspace.files.get(known["scan_sha"]) == SCAN_TEXT
    dialog.workspace.close()


def test_no_dialog_when_the_passphrase_is_in_the_environment(encrypted_root, monkeypatch):
    root, known = encrypted_root
    monkeypatch.setenv(keystore.ENV_PASSPHRASE, PASSPHRASE)
    workspace = open_workspace_for_gui(root)
    assert workspace.encrypted and workspace.files.get(known["scan_sha"]) == SCAN_TEXT
    workspace.close()
