"""Dossier-code blocks from the real server: used first, never colliding, never reused."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from counter_app.storage.models import CodeBlock
from counter_app.core import CounterCore
from counter_app.workspace import open_workspace
from sync.state import load_state
from sync.testing.counters import make_worker, receive, server_rows
from sync.testing.fault_proxy import Rule
from sync.testing.fixtures import proxy, server  # noqa: F401 (fixtures)
from sync.testing.server_process import ServerProcess
from tests.conftest import make_core

TODAY = date(2026, 11, 27)  # a Friday: the next working day is Monday 30
NOW = datetime.combine(TODAY, time(16, 0))


def at(day: date, minute: int = 0) -> datetime:
    return datetime.combine(day, time(9, 0)) + timedelta(minutes=minute)


def blocks_of(core) -> list[tuple]:
    with core.workspace.db.read() as session:
        return [(b.day, b.first, b.last, b.next_value)
                for b in session.scalars(select(CodeBlock).order_by(CodeBlock.day, CodeBlock.first))]


def number(code: str) -> int:
    return int(code.rsplit("-", 1)[1])


def test_worker_fetches_blocks_for_today_and_next_working_day_and_intake_uses_them(tmp_path, server):
    core = make_core(tmp_path / "ws", clock=lambda: NOW)
    offline_code = receive(core, at=at(TODAY))
    assert number(offline_code) == 1000  # no block yet: the slot's own range
    worker = make_worker(core, server.url, clock=lambda: NOW, code_block_size=3, code_block_low_water=2)
    report = worker.run_once()
    assert report.ok and report.code_blocks == 2
    assert blocks_of(core) == [(TODAY, 1, 3, 1), (date(2026, 11, 30), 1, 3, 1)]
    assert server_rows(server.db_url, "SELECT day, first, last FROM code_blocks ORDER BY day") == [
        ("2026-11-27", 1, 3), ("2026-11-30", 1, 3)]
    codes = [receive(core, at=at(TODAY, m)) for m in range(1, 5)]
    assert [number(c) for c in codes] == [1, 2, 3, 1001]  # the block first, then the slot range again
    assert codes[0].endswith("-261127-0001")
    # Below the low-water mark the next round fetches another block, following on.
    assert worker.run_once().code_blocks == 1
    assert blocks_of(core)[1] == (TODAY, 4, 6, 4)
    assert number(receive(core, at=at(TODAY, 9))) == 4
    with core.workspace.db.read() as session:
        assert load_state(session).code_blocks == []  # no request left open
    core.workspace.close()


def test_blocks_are_never_reused_after_a_restart(tmp_path, server):
    core = make_core(tmp_path / "ws", clock=lambda: NOW)
    make_worker(core, server.url, clock=lambda: NOW, code_block_size=5, code_block_low_water=1).run_once()
    first = [number(receive(core, at=at(TODAY, m))) for m in range(2)]
    core.workspace.close()
    reopened = CounterCore(open_workspace(tmp_path / "ws"), clock=lambda: NOW)
    after = [number(receive(reopened, at=at(TODAY, 10 + m))) for m in range(4)]
    assert first == [1, 2] and after == [3, 4, 5, 1000]
    assert blocks_of(reopened)[0] == (TODAY, 1, 5, 6)
    reopened.workspace.close()


def test_a_lost_block_answer_is_asked_again_and_stored_once(tmp_path, server, proxy):
    core = make_core(tmp_path / "ws", clock=lambda: NOW)
    worker = make_worker(core, proxy.url, clock=lambda: NOW, code_block_size=4)
    proxy.add(Rule("drop_response", method="POST", path_prefix="/api/v1/code-blocks", times=2))
    first = worker.run_once()
    assert not first.ok  # the server handed out a block, the counter never heard of it
    with core.workspace.db.read() as session:
        assert len(load_state(session).code_blocks) == 1  # the request id is kept for the retry
    assert worker.run_once().ok
    assert blocks_of(core) == [(TODAY, 1, 4, 1), (date(2026, 11, 30), 1, 4, 1)]
    # The server did not hand out a second block for the repeated request.
    assert server_rows(server.db_url, "SELECT count(*) FROM code_blocks") == [(2,)]
    core.workspace.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(online=st.lists(st.booleans(), min_size=3, max_size=3),
       plan=st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["receive", "receive", "sync", "restart"])),
                     min_size=1, max_size=20))
def test_counters_with_and_without_blocks_never_collide(tmp_path_factory, online, plan):
    """Three counters of one office; the online ones take blocks from the real server;
    any of them may restart (close and reopen its workspace) at any point."""
    base = tmp_path_factory.mktemp("office")
    province = ServerProcess(base / "province").start()
    cores = [make_core(base / f"counter{slot}", slot=slot, clock=lambda: NOW) for slot in (1, 2, 3)]
    workers = [make_worker(core, province.url, clock=lambda: NOW, code_block_size=2, code_block_low_water=1)
               if online[i] else None for i, core in enumerate(cores)]
    issued: list[tuple[int, str]] = []
    try:
        for i, worker in enumerate(workers):
            if worker:
                assert worker.run_once().ok
        for minute, (counter, action) in enumerate(plan):
            if action == "sync":
                if workers[counter]:
                    assert workers[counter].run_once().ok
                continue
            if action == "restart":
                cores[counter].workspace.close()
                cores[counter] = CounterCore(open_workspace(base / f"counter{counter + 1}"), clock=lambda: NOW)
                if workers[counter]:
                    workers[counter] = make_worker(cores[counter], province.url, clock=lambda: NOW,
                                                   code_block_size=2, code_block_low_water=1)
                continue
            issued.append((counter, receive(cores[counter], at=at(TODAY, minute))))
        handed = server_rows(province.db_url, "SELECT workstation_id, first, last FROM code_blocks "
                                              "WHERE day = '2026-11-27'")
    finally:
        for core in cores:
            core.workspace.close()
        province.stop()
    codes = [code for _, code in issued]
    assert len(codes) == len(set(codes))
    block_numbers = {n for _, first, last in handed for n in range(first, last + 1)}
    for counter, code in issued:
        n = number(code)
        if n < 1000:  # from a province block: only online counters have them
            assert online[counter] and n in block_numbers
        else:
            assert n // 1000 == counter + 1
