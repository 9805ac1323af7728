"""The sync panel (offscreen Qt) and per-dossier badges, against a real workspace and server."""
from __future__ import annotations

from ui import i18n
from ui.messages import text_for
from ui.qt import QCoreApplication, Qt, QTranslator
from ui.sync_panel import SyncPanel, badge_text, dossier_badges, human_bytes

from sync.testing.counters import make_worker, receive
from sync.testing.fault_proxy import Rule
from sync.testing.fixtures import proxy, server  # noqa: F401 (fixtures)
from tests.conftest import make_core


def uuid_of(core, code: str) -> str:
    return core.dossier(code).uuid


def vietnamese():
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("vi")))
    QCoreApplication.instance().installTranslator(translator)
    return translator


def test_panel_shows_what_waits_syncs_now_and_reports_a_translated_error(tmp_path, server, qtbot):
    translator = vietnamese()
    core = make_core(tmp_path / "ws")
    codes = [receive(core, "Nguyễn Văn An", with_form=True), receive(core, "Lê Thị Bình")]
    form_size = core.dossier(codes[0]).documents[0].size
    worker = make_worker(core, server.url, interval=60.0, max_backoff=1.0)
    panel = SyncPanel(core.workspace, worker, poll_ms=200)
    qtbot.addWidget(panel)
    try:
        assert panel.sync_button.text() == "Đồng bộ ngay"
        assert panel.pending_label.text() == "2 thay đổi"
        assert panel.bytes_label.text() == human_bytes(form_size) and form_size > 0
        assert panel.success_label.text() == "chưa lần nào"
        assert panel.error_banner.isHidden()
        assert set(dossier_badges(core.workspace, [uuid_of(core, c) for c in codes]).values()) == {"pending"}

        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.status.pending == 0 and bool(panel.status.last_success), timeout=30_000)
        assert panel.pending_label.text() == "0 thay đổi" and panel.bytes_label.text() == "0 B"
        assert panel.success_label.text() != "chưa lần nào"
        assert set(dossier_badges(core.workspace, [uuid_of(core, c) for c in codes]).values()) == {"synced"}
        assert badge_text("synced") == "Đã gửi lên tỉnh"

        server.stop()  # the province goes away: the panel says so, in Vietnamese, with what to do
        receive(core, "Đỗ Thị Dung")
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.error_banner.isHidden(), timeout=30_000)
        assert panel.status.last_error_code == "sync_offline"
        assert panel.error_banner.text() == text_for("sync_offline") and text_for("sync_offline").startswith("Chưa kết nối")
        assert panel.pending_label.text() == "1 thay đổi"
    finally:
        worker.stop()
        QCoreApplication.instance().removeTranslator(translator)
        core.workspace.close()


def test_badges_follow_the_outbox_pending_sending_synced_rejected(tmp_path, server, proxy):
    first, second = make_core(tmp_path / "a"), make_core(tmp_path / "b")  # same slot: codes will clash
    taken = receive(first, "Nguyễn Văn An")
    uuid = uuid_of(first, taken)
    assert dossier_badges(first.workspace, [uuid, "no-such-dossier"]) == {uuid: "pending", "no-such-dossier": ""}
    proxy.add(Rule("error", method="POST", path_prefix="/api/v1/ops", status=503, times=2))
    worker = make_worker(first, proxy.url)
    assert not worker.run_once().ok
    assert dossier_badges(first.workspace, [uuid]) == {uuid: "sending"}  # tried, not confirmed yet
    assert worker.run_once().ok
    assert dossier_badges(first.workspace, [uuid]) == {uuid: "synced"}
    clash = receive(second, "Phạm Văn Cường")
    assert clash == taken
    make_worker(second, server.url).run_once()
    clash_uuid = uuid_of(second, clash)
    assert dossier_badges(second.workspace, [clash_uuid]) == {clash_uuid: "rejected"}
    assert badge_text("rejected") and badge_text("") == ""
    first.workspace.close()
    second.workspace.close()


def test_panel_without_a_server_configured_cannot_sync(tmp_path, qtbot):
    core = make_core(tmp_path / "ws")
    receive(core)
    panel = SyncPanel(core.workspace, None)
    qtbot.addWidget(panel)
    assert not panel.sync_button.isEnabled()
    assert panel.status.pending == 1 and not panel.status.registered
    core.workspace.close()


def test_refused_changes_and_conflicts_are_listed_opened_resent_and_acknowledged(tmp_path, server, qtbot):
    from tests.test_sync_pull import delivered_dossier, set_status

    translator = vietnamese()
    core, code, worker = delivered_dossier(tmp_path / "ws", server)
    set_status(server, code, 4)
    core.dossiers.apply(code, "withdraw", note="Công dân rút hồ sơ")  # meanwhile, at the counter
    worker.run_once()  # the province's "processing" cannot be merged: a conflict
    clashing = make_core(tmp_path / "other")  # same slot and day: the province refuses its code
    refused = receive(clashing, "Phạm Văn Cường")
    assert refused == code
    make_worker(clashing, server.url).run_once()
    panels = [SyncPanel(core.workspace, None), SyncPanel(clashing.workspace, None)]
    try:
        for panel in panels:
            qtbot.addWidget(panel)
            panel.show()
        conflict_panel, refused_panel = panels
        assert conflict_panel.attention.rowCount() == 1 and not conflict_panel.attention_frame.isHidden()
        assert "Đang xử lý" in conflict_panel.attention.item(0, 1).text()
        assert refused_panel.attention.item(0, 0).text() == refused
        assert refused_panel.attention.item(0, 1).text().startswith("Tỉnh từ chối")

        opened = []
        refused_panel.open_requested.connect(opened.append)
        assert not refused_panel.open_button.isEnabled()  # nothing selected yet
        refused_panel.attention.selectRow(0)
        qtbot.mouseClick(refused_panel.open_button, Qt.MouseButton.LeftButton)
        assert opened == [refused]
        assert refused_panel.resend_button.isEnabled() and not refused_panel.seen_button.isEnabled()
        qtbot.mouseClick(refused_panel.resend_button, Qt.MouseButton.LeftButton)  # back in line
        assert refused_panel.status.rejected == 0 and refused_panel.status.pending == 1
        assert refused_panel.attention_frame.isHidden()

        conflict_panel.attention.selectRow(0)
        assert conflict_panel.seen_button.isEnabled() and not conflict_panel.resend_button.isEnabled()
        qtbot.mouseClick(conflict_panel.seen_button, Qt.MouseButton.LeftButton)
        assert conflict_panel.attention.rowCount() == 0 and conflict_panel.attention_frame.isHidden()
        assert conflict_panel.status.conflicts[0]["seen"] is True  # kept, only no longer listed
    finally:
        QCoreApplication.instance().removeTranslator(translator)
        core.workspace.close()
        clashing.workspace.close()
