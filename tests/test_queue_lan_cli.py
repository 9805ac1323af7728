"""``counter-app queue connect | key`` and the queue commands going through the office host."""
from __future__ import annotations

import json

from counter_app import cli
from counter_app.core import CounterCore
from counter_app.queue.cli import queue_command
from counter_app.workspace import open_workspace
from sync.lan_queue.cli import SUBCOMMANDS
from sync.lan_queue.wiring import queue_port_for
from tests.conftest import make_core
from tests.lan_queue_support import lan_host  # noqa: F401 (fixture)


def run(argv, capsys) -> tuple[int, str, str]:
    command = queue_command(lambda core: (lambda payload: None), open_queue=queue_port_for, more=SUBCOMMANDS)
    code = cli.main(argv, extra=[command])
    out, err = capsys.readouterr()
    return code, out, err


def test_key_is_made_once_and_shown(tmp_path, capsys):
    make_core(tmp_path / "ws").workspace.close()
    code, first, _ = run(["queue", "key", "--workspace", str(tmp_path / "ws")], capsys)
    assert code == 0 and len(first.strip()) >= 32
    assert run(["queue", "key", "--workspace", str(tmp_path / "ws")], capsys)[1] == first
    renewed = run(["queue", "key", "--new", "--workspace", str(tmp_path / "ws")], capsys)[1]
    assert renewed != first


def test_a_client_pc_issues_and_calls_through_the_host(lan_host, tmp_path, capsys):
    host, key = lan_host
    ws = ["--workspace", str(tmp_path / "counter2")]
    make_core(tmp_path / "counter2", slot=2).workspace.close()
    code, out, err = run(["queue", "connect", host.url, "--key", key, *ws], capsys)
    assert code == 0, err
    code, out, _ = run(["queue", "issue", "HT", "--no-print", "--json", *ws], capsys)
    assert code == 0 and json.loads(out)["number"] == "A001"
    code, out, _ = run(["queue", "call", "--counter", "2", "--json", *ws], capsys)
    assert json.loads(out)["number"] == "A001" and json.loads(out)["counter"] == 2
    code, out, _ = run(["queue", "status", *ws], capsys)
    assert "A001" in out
    local = CounterCore(open_workspace(tmp_path / "counter2"))
    try:
        assert local.queue.status().recent_calls == ()  # nothing went into the client PC's own database
    finally:
        local.workspace.close()
    code, out, _ = run(["queue", "connect", "local", *ws], capsys)
    assert code == 0
    code, out, _ = run(["queue", "status", *ws], capsys)
    assert "A001" not in out


def test_connect_with_a_wrong_key_or_no_host_saves_nothing(lan_host, tmp_path, capsys):
    host, _key = lan_host
    ws = ["--workspace", str(tmp_path / "counter2")]
    make_core(tmp_path / "counter2", slot=2).workspace.close()
    code, _, err = run(["queue", "connect", host.url, "--key", "wrong", *ws], capsys)
    assert code == 1 and "office key" in err
    code, _, err = run(["queue", "connect", "http://127.0.0.1:9", "--key", "k", *ws], capsys)
    assert code == 1 and "does not answer" in err
    code, _, err = run(["queue", "connect", "ftp://x", "--key", "k", *ws], capsys)
    assert code == 1
    core = CounterCore(open_workspace(tmp_path / "counter2"))
    try:
        assert core.settings().lan_queue.role == "local"
    finally:
        core.workspace.close()
