"""Per-dossier sync badges: pending until the province has every op, rejected when one was
refused, synced after; shown in the dossier list and the detail header."""
from __future__ import annotations

from sqlalchemy import select

from counter_app.dossiers.sync_badges import badge_of
from counter_app.search import SearchQuery
from counter_app.storage.models import Dossier, OutboxOp
from sync.push import PushReport, record_results
from tests.test_ui_list_detail import open_window, receive
from ui.dossier_list import SYNC
from ui.labels import sync_badge_name


def ops_of(core, code: str) -> list[str]:
    with core.workspace.db.read() as session:
        uuid = session.scalar(select(Dossier.uuid).where(Dossier.code == code))
        return list(session.scalars(select(OutboxOp.op_id).where(OutboxOp.dossier_uuid == uuid).order_by(OutboxOp.id)))


def answer(core, op_ids: list[str], outcome: str, reason: str = "") -> None:
    """The server's answers, recorded by the same code the sync worker uses."""
    record_results(core.workspace, [{"op_id": op, "outcome": outcome, "reason": reason} for op in op_ids],
                   PushReport())


def badge(core, code: str) -> str:
    return core.dossier(code).sync_state


def test_badge_rules():
    assert badge_of(set()) == ""
    assert badge_of({"sent"}) == "synced"
    assert badge_of({"sent", "pending"}) == "pending"
    assert badge_of({"sent", "pending", "sending"}) == "sending"
    assert badge_of({"pending", "rejected", "sent"}) == "rejected"


def test_a_dossier_is_pending_then_synced_or_rejected(core):
    sent, refused = receive(core, "Nguyễn Văn An"), receive(core, "Trần Thị Bình")
    assert badge(core, sent) == badge(core, refused) == "pending"
    answer(core, ops_of(core, sent), "applied")
    answer(core, ops_of(core, refused), "rejected", "Thiếu số định danh")
    assert (badge(core, sent), badge(core, refused)) == ("synced", "rejected")
    found = {row.code: row.sync_state for row in core.search(SearchQuery(limit=10))}
    assert found == {sent: "synced", refused: "rejected"}


def test_list_and_detail_show_the_badge(core, qtbot):
    sent, waiting = receive(core, "Nguyễn Văn An"), receive(core, "Lê Văn Cường")
    answer(core, ops_of(core, sent), "applied")
    window = open_window(core, qtbot)
    panel = window.dossier_list
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    shown = {panel.model.summary(row).code: panel.model.index(row, SYNC).data() for row in range(2)}
    assert shown == {sent: sync_badge_name("synced"), waiting: sync_badge_name("pending")}
    assert shown[sent] == "Đã gửi lên tỉnh"
    window.open_dossier(waiting)
    qtbot.waitUntil(lambda: window.detail.view is not None and window.detail.view.code == waiting)
    assert window.detail.sync_badge.text().strip() == "Chờ gửi"
