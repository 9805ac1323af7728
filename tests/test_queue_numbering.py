"""Ticket numbers: per service, reset daily, carried over when asked, never issued twice."""
from __future__ import annotations

import multiprocessing
from datetime import datetime

import pytest
from sqlalchemy.exc import IntegrityError

from counter_app.core import CounterCore
from counter_app.queue import ServiceSpec
from counter_app.storage.models import QueueTicket
from counter_app.workspace import open_workspace
from tests.queue_support import clock, queue_core, queue_ws, run_in_threads  # noqa: F401 (fixtures)


@pytest.fixture
def core(queue_ws):
    return queue_ws


def numbers(tickets):
    return [t.number for t in tickets]


def test_each_service_has_its_own_prefix_and_sequence(core):
    issued = [core.queue.issue(code) for code in ("HT", "HT", "DD", "HT", "CT", "DD")]
    assert numbers(issued) == ["A001", "A002", "B001", "A003", "C001", "B002"]
    assert {t.service_name for t in issued} == {"Hộ tịch", "Đất đai", "Chứng thực"}
    assert all(t.state == "waiting" and not t.printed for t in issued)


def test_numbering_restarts_each_day_and_yesterdays_waiting_tickets_expire(core, clock):
    first = [core.queue.issue("HT") for _ in range(3)]
    clock.next_day()
    today = core.queue.issue("HT")
    assert today.number == "A001" and today.day == clock.now.date()
    assert [core.queue.ticket(t.id).outcome for t in first] == ["expired"] * 3
    assert core.queue.status().services[0].waiting == 1  # only today's ticket waits


def test_carry_over_keeps_waiting_tickets_and_numbers_above_them(core, clock):
    core.queue.define_service(ServiceSpec("HT", "A", "Hộ tịch", fields=("Hộ tịch",), carry_over=True))
    kept = [core.queue.issue("HT") for _ in range(2)]
    core.queue.open_session(1)
    assert core.queue.call_next(1).number == "A001"
    core.queue.finish(1)
    clock.next_day()
    fresh = core.queue.issue("HT")
    # A002 still waits from yesterday, so today's first number must not be A002 again.
    assert core.queue.ticket(kept[1].id).state == "waiting"
    assert fresh.number == "A003"
    assert core.queue.call_next(1).number == "A002"  # the oldest waiting ticket first


def test_a_service_that_never_resets_keeps_counting(core, clock):
    core.queue.define_service(ServiceSpec("DD", "B", "Đất đai", reset="never"))
    core.queue.issue("DD")
    core.queue.issue("DD")
    clock.next_day()
    assert core.queue.issue("DD").number == "B003"


def test_the_database_refuses_a_number_issued_twice(core):
    ticket = core.queue.issue("HT")
    with pytest.raises(IntegrityError):
        with core.workspace.db.write() as session:
            row = session.get(QueueTicket, ticket.id)
            session.add(QueueTicket(service_id=row.service_id, day=row.day, seq=row.seq, number=row.number,
                                    state="waiting", issued_at=row.issued_at, queued_at=row.issued_at))


def _issue_many(root: str, count: int, results) -> None:
    core = CounterCore(open_workspace(root), clock=lambda: datetime(2026, 12, 1, 9, 0))
    results.put([core.queue.issue("HT").number for _ in range(count)])
    core.workspace.close()


def test_two_processes_issuing_on_one_workspace_never_duplicate(tmp_path):
    root = tmp_path / "shared"
    queue_core(root).workspace.close()
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_issue_many, args=(str(root), 25, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    got = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    everything = got[0] + got[1]
    assert len(everything) == 50 and len(set(everything)) == 50
    assert sorted(everything) == [f"A{n:03d}" for n in range(1, 51)]
    assert got[0] == sorted(got[0]) and got[1] == sorted(got[1])  # each process sees numbers grow


def test_threads_with_their_own_connections_never_duplicate(tmp_path):
    root = tmp_path / "shared"
    queue_core(root).workspace.close()
    issued: list[str] = []

    def kiosk(_index, core):
        issued.extend(core.queue.issue("DD").number for _ in range(15))

    assert run_in_threads(kiosk, root, 4) == []
    assert sorted(issued) == [f"B{n:03d}" for n in range(1, 61)]


def test_two_counters_calling_at_the_same_instant_never_get_the_same_ticket(tmp_path):
    root = tmp_path / "shared"
    setup = queue_core(root)
    for _ in range(40):
        setup.queue.issue("HT")
    setup.workspace.close()
    called: list[str] = []

    def counter(number, core):
        core.queue.open_session(number, f"Cán bộ {number}")
        while (ticket := core.queue.call_next(number)) is not None:
            called.append(ticket.number)
            core.queue.finish(number)

    assert run_in_threads(counter, root, 2) == []
    assert len(called) == 40 and len(set(called)) == 40
