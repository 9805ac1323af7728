"""Kiosk and display on a client PC, through a real office queue host that goes down and comes back."""
from __future__ import annotations

import pytest

from sync.lan_queue.client import RemoteQueue
from tests.conftest import make_core
from ui import i18n
from tests.lan_queue_support import client, lan_host  # noqa: F401 (fixture)
from ui.display_window import DisplayWindow
from ui.kiosk_window import KioskWindow


@pytest.fixture(autouse=True)
def english(qapp):
    """These checks read the English texts: another test may have left Vietnamese on."""
    i18n.install("en")


@pytest.fixture
def client_core(tmp_path, lan_host):
    host, key = lan_host
    core = make_core(tmp_path / "client", slot=2)
    core.queue = RemoteQueue(host.url, key, attempts=1)  # what the composition root wires for a client PC
    yield core
    core.workspace.close()


def test_kiosk_pauses_while_the_host_is_down_and_resumes_by_itself(client_core, lan_host, qtbot):
    host, key = lan_host
    kiosk = KioskWindow(client_core, None, synchronous=True)
    qtbot.addWidget(kiosk)
    kiosk.issue("HT")
    assert kiosk.number.text() == "A001"
    ticket = client_core.queue.ticket("A001")
    host_day = client(host, key).status().day
    # This PC's clock says 1/12/2026 17:00 (make_core); the host's own clock dates the ticket.
    assert ticket.day == host_day == ticket.issued_at.date()
    host.kill()
    kiosk.load()  # the kiosk's regular poll
    assert kiosk.offline
    assert not any(b.isEnabled() for b in kiosk.service_buttons.values())
    assert "paused" in kiosk.result.text() and "switched on" in kiosk.result.text()
    kiosk.issue("HT")  # a touch while paused gives nothing and loses nothing
    assert kiosk.number.text() == ""
    host.start()
    kiosk.load()
    assert not kiosk.offline and all(b.isEnabled() for b in kiosk.service_buttons.values())
    assert kiosk.result.text() == ""
    kiosk.issue("HT")
    assert kiosk.number.text() == "A002"  # numbering went on from the host's database


def test_kiosk_touch_during_an_outage_goes_to_paused_not_to_a_lost_ticket(client_core, lan_host, qtbot):
    host, _key = lan_host
    kiosk = KioskWindow(client_core, None, synchronous=True)
    qtbot.addWidget(kiosk)
    host.kill()
    kiosk.issue("HT")  # buttons still look on: the outage is found by this touch
    assert kiosk.offline and "paused" in kiosk.result.text()
    host.start()
    kiosk.load()
    kiosk.issue("HT")
    assert kiosk.number.text() == "A001"


def test_display_keeps_its_picture_while_reconnecting(client_core, lan_host, qtbot):
    host, key = lan_host
    counter = client(host, key)
    counter.issue("HT")
    counter.issue("HT")
    counter.open_session(3)
    counter.call_next(3)
    display = DisplayWindow(client_core, synchronous=True)
    qtbot.addWidget(display)
    assert display.cards[3].number.text() == "A001"
    host.kill()
    display.refresh()
    assert display.caption.text() == "Reconnecting…"
    assert display.cards[3].number.text() == "A001"  # the last picture stays
    host.start()
    counter.finish(3)
    counter.call_next(3)
    display.refresh()
    assert display.caption.text() == "Now serving"
    assert display.cards[3].number.text() == "A002" and display.announced == [("A002", 3)]


def test_display_is_woken_by_a_call_through_the_host(client_core, lan_host, qtbot):
    host, key = lan_host
    counter = client(host, key)
    counter.issue("DD")
    counter.open_session(1)
    display = DisplayWindow(client_core)  # real worker threads: the long poll runs
    qtbot.addWidget(display)
    qtbot.waitUntil(lambda: display.changes.version is not None, timeout=10_000)
    counter.call_next(1)
    qtbot.waitUntil(lambda: ("B001", 1) in display.announced, timeout=10_000)
    display.close()
    display.changes._runner.wait(10_000)
    display.runner.wait(10_000)
