"""The office queue shared over the LAN: real host process on 127.0.0.1, real clients."""
from __future__ import annotations

import socket
import threading

import pytest
import requests

from counter_app.errors import QueueHostUnreachable, UnknownQueueService, UnknownTicket, WrongOfficeKey
from counter_app.queue.port import QueuePort
from counter_app.queue.service import QueueService
from sync.lan_queue.auth import signed_headers
from sync.lan_queue.client import RemoteQueue
from sync.testing.fault_proxy import FaultProxy, Rule
from tests.lan_queue_support import client, lan_host, ticket_rows  # noqa: F401 (fixture)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_local_and_remote_queues_are_interchangeable():
    assert isinstance(RemoteQueue("http://127.0.0.1:9", "k"), QueuePort)
    assert issubclass(QueueService, QueuePort)
    local_api = {n for n in dir(QueueService) if not n.startswith("_")} - {"define_service", "configure_counter",
                                                                             "save_policy", "service_for_procedure"}
    missing = {n for n in local_api if not hasattr(RemoteQueue, n)}
    assert not missing


def test_counters_and_kiosk_share_one_queue(lan_host):
    host, key = lan_host
    kiosk, counter1, counter2 = (client(host, key) for _ in range(3))
    issued = [kiosk.issue("HT"), kiosk.issue("HT"), kiosk.issue("DD", "elderly")]
    assert [t.number for t in issued] == ["A001", "A002", "B001"]
    counter1.open_session(1, "Lan")
    counter2.open_session(2, "Hùng")
    assert [t.number for t in counter2.waiting_tickets()] == ["A001", "A002", "B001"]
    first, second = counter1.call_next(1), counter2.call_next(2)
    assert {first.number, second.number} <= {"A001", "A002", "B001"} and first.id != second.id
    assert first.officer == "Lan" and second.counter == 2
    status = kiosk.status()  # the kiosk sees both counters' calls
    assert {c.number: c.current.number for c in status.counters if c.current} == {1: first.number,
                                                                                   2: second.number}
    assert status.recent_calls[0].number in (first.number, second.number)
    done = counter1.finish(1, dossier_codes=())
    assert done.state == "finished" and done.outcome == "served"
    with pytest.raises(UnknownTicket):
        counter2.lookup("QMC1|000.00.31.H41|nope")
    with pytest.raises(UnknownQueueService):
        kiosk.issue("NOPE")  # the host's typed error, rebuilt with its class
    counter1.set_notice("Hôm nay nghỉ  trưa từ 11:30")  # every display of the office shows the host's notice
    assert kiosk.policy().notice == "Hôm nay nghỉ trưa từ 11:30"
    day = status.day
    stats = counter2.statistics(day, day)
    assert stats.start == day and stats.total is not None


def test_concurrent_issue_and_call_give_distinct_tickets(lan_host):
    host, key = lan_host
    issued, called, failures = [], [], []
    lock = threading.Lock()
    start = threading.Barrier(10)

    def kiosk_worker():
        queue = client(host, key)
        start.wait(timeout=30)
        for _ in range(4):
            ticket = queue.issue("HT")
            with lock:
                issued.append(ticket.number)

    def counter_worker(number: int):
        queue = client(host, key)
        queue.open_session(number, f"Cán bộ {number}")
        start.wait(timeout=30)
        for _ in range(6):
            ticket = queue.call_next(number)
            if ticket is not None:
                with lock:
                    called.append(ticket.number)
                queue.finish(number)

    def guarded(fn, *args):
        try:
            fn(*args)
        except BaseException as exc:  # surfaced to the test below
            failures.append(exc)

    threads = [threading.Thread(target=guarded, args=(kiosk_worker,)) for _ in range(5)]
    threads += [threading.Thread(target=guarded, args=(counter_worker, n)) for n in range(1, 6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    assert len(issued) == 20 and len(set(issued)) == 20  # no number issued twice
    assert len(called) == len(set(called))  # no ticket called at two counters
    leftover = client(host, key)
    leftover.open_session(9)
    while leftover.call_next(9) is not None:  # everything issued is still there to call
        called.append(leftover.finish(9).number)
    assert sorted(called) == sorted(issued)


def test_host_killed_mid_day_then_restarted(lan_host):
    host, key = lan_host
    counter = client(host, key)
    before = [counter.issue("HT").number for _ in range(3)]
    counter.open_session(1)
    assert counter.call_next(1).number == "A001"
    version = counter.changes(None, 0)
    answered = counter.issue("DD", request_id="before-crash")  # say its answer never reached the kiosk
    host.kill()  # kill -9: no clean shutdown
    with pytest.raises(QueueHostUnreachable):
        counter.issue("HT")
    with pytest.raises(QueueHostUnreachable):
        counter.status()
    host.start()  # same port, same workspace
    assert counter.issue("DD", request_id="before-crash") == answered  # the retry after restart: same ticket
    after = counter.issue("HT")
    assert after.number == "A004"  # numbering goes on: no duplicate, no gap
    status = counter.status()
    assert status.counters[0].current.number == "A001"  # the call made before the crash is kept
    assert next(s for s in status.services if s.code == "HT").waiting == 3
    assert counter.changes(version, 5) != version  # a new host run: the display does a full refresh
    numbers = [n for _id, n in ticket_rows(host.workspace)]
    assert numbers == [*before, "B001", "A004"]


def test_retry_after_lost_answer_issues_one_ticket(lan_host, tmp_path):
    host, key = lan_host
    proxy = FaultProxy(host.port)
    proxy.start()
    try:
        proxy.add(Rule("drop_response", method="POST", path_prefix="/v1/op/issue"))
        queue = RemoteQueue(proxy.url, key)
        ticket = queue.issue("HT")  # the first answer is lost; the retry carries the same request id
        assert ticket.number == "A001"
        assert proxy.stats.faults == {"drop_response": 1}  # the host did receive and apply the first try
        again = queue.issue("HT", request_id="fixed-id")
        repeat = queue.issue("HT", request_id="fixed-id")
        assert again == repeat and again.number == "A002"
    finally:
        proxy.stop()
    assert [n for _id, n in ticket_rows(host.workspace)] == ["A001", "A002"]


def test_wrong_office_key_is_refused_and_changes_nothing(lan_host):
    host, key = lan_host
    stranger = RemoteQueue(host.url, "not-the-office-key")
    with pytest.raises(WrongOfficeKey):
        stranger.issue("HT")
    with pytest.raises(WrongOfficeKey):
        stranger.call_next(1)
    anonymous = requests.post(f"{host.url}/v1/op/issue", json={"args": {"service_code": "HT"}, "request_id": "x"},
                              timeout=5)
    assert anonymous.status_code == 401
    assert ticket_rows(host.workspace) == []


def test_replayed_request_is_refused(lan_host):
    host, key = lan_host
    epoch = requests.get(f"{host.url}/v1/hello", timeout=5).json()["epoch"]
    body = b'{"args": {"service_code": "HT"}, "request_id": "r1"}'
    headers = {**signed_headers(key, "POST", "/v1/op/issue", body, epoch), "Content-Type": "application/json"}
    first = requests.post(f"{host.url}/v1/op/issue", data=body, headers=headers, timeout=5)
    assert first.status_code == 200 and first.json()["result"]["number"] == "A001"
    replay = requests.post(f"{host.url}/v1/op/issue", data=body, headers=headers, timeout=5)
    assert replay.status_code == 401 and replay.json()["error"] == "replay"
    tampered = body.replace(b"r1", b"r2")
    forged = requests.post(f"{host.url}/v1/op/issue", data=tampered,
                           headers={**signed_headers(key, "POST", "/v1/op/issue", body, epoch),
                                    "Content-Type": "application/json"}, timeout=5)
    assert forged.status_code == 401 and forged.json()["error"] == "bad_mac"
    assert [n for _id, n in ticket_rows(host.workspace)] == ["A001"]


def test_unreachable_host_is_a_typed_error():
    queue = RemoteQueue(f"http://127.0.0.1:{_free_port()}", "key", attempts=2)
    with pytest.raises(QueueHostUnreachable) as caught:
        queue.issue("HT")
    assert caught.value.code == "queue_host_unreachable"


def test_display_long_poll_wakes_on_a_call(lan_host):
    host, key = lan_host
    display, counter = client(host, key), client(host, key)
    counter.issue("HT")
    counter.open_session(1)
    version = display.changes(None, 0)
    assert display.changes(version, 0.2) == version  # nothing happened: the wait just ends
    woke: list[str] = []
    waiter = threading.Thread(target=lambda: woke.append(display.changes(version, 20)))
    waiter.start()
    counter.call_next(1)
    waiter.join(timeout=30)
    assert woke and woke[0] != version
    assert display.status().recent_calls[0].number == "A001"
