"""The host's request log in-process: stored answers, misuse of request ids, pruning."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from counter_app.storage.models import QueueRequest
from sync.lan_queue.host import QueueHost, _BadRequest
from tests.conftest import make_core


@pytest.fixture
def host(tmp_path):
    core = make_core(tmp_path / "ws")
    yield QueueHost(core, "key")
    core.workspace.close()


def _requests(host) -> int:
    with host.db.read() as session:
        return session.scalar(select(func.count()).select_from(QueueRequest))


def test_answer_is_stored_with_the_change_and_replayed(host):
    first = host.run("issue", {"service_code": "HT"}, "r-1")
    assert host.run("issue", {"service_code": "HT"}, "r-1") == first
    assert host.run("issue", {"service_code": "HT"}, "r-2")["number"] == "A002"
    assert _requests(host) == 2


def test_a_failed_change_stores_nothing_and_may_be_retried(host):
    from counter_app.errors import UnknownQueueService

    with pytest.raises(UnknownQueueService):
        host.run("issue", {"service_code": "NOPE"}, "r-1")
    assert _requests(host) == 0
    assert host.run("issue", {"service_code": "HT"}, "r-1")["number"] == "A001"


def test_request_id_misuse_is_refused(host):
    host.run("issue", {"service_code": "HT"}, "r-1")
    with pytest.raises(_BadRequest):
        host.run("open_session", {"counter": 1}, "r-1")  # same id, other operation
    with pytest.raises(_BadRequest):
        host.run("issue", {"service_code": "HT"}, None)  # a change without an id could not be retried safely


def test_old_answers_are_pruned(host):
    host.run("issue", {"service_code": "HT"}, "old")
    with host.db.write() as session:
        session.get(QueueRequest, "old").created_at -= timedelta(days=4)
    host.run("issue", {"service_code": "HT"}, "new")
    host.prune()
    with host.db.read() as session:
        assert [r.request_id for r in session.scalars(select(QueueRequest))] == ["new"]
