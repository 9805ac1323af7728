"""Per-workstation, revocable queue keys against a real office queue host process."""
from __future__ import annotations

import json

import pytest
import requests

from counter_app import cli
from counter_app.core import CounterCore
from counter_app.errors import QueueAccessRevoked, WrongOfficeKey
from counter_app.queue.cli import queue_command
from counter_app.workspace import open_workspace
from sync.lan_queue.auth import KEY_ID_HEADER, signed_headers, split_credential
from sync.lan_queue.cli import SUBCOMMANDS
from sync.lan_queue.client import RemoteQueue
from sync.lan_queue.wiring import queue_port_for
from tests.conftest import make_core
from tests.lan_queue_support import lan_host, ticket_rows  # noqa: F401 (fixture)


def run(argv, capsys) -> tuple[int, str, str]:
    command = queue_command(lambda core: (lambda payload: None), open_queue=queue_port_for, more=SUBCOMMANDS)
    code = cli.main(argv, extra=[command])
    out, err = capsys.readouterr()
    return code, out, err


def issue(host, name: str, capsys) -> str:
    code, out, err = run(["queue", "key", "--workstation", name, "--json", "--workspace", str(host.workspace)],
                         capsys)
    assert code == 0, err
    return json.loads(out)["key"]


def admin(host, capsys, *argv: str) -> tuple[int, str, str]:
    return run(["queue", *argv, "--workspace", str(host.workspace)], capsys)


def raw_issue(host, credential: str, request_id: str, headers: dict | None = None) -> requests.Response:
    epoch = requests.get(f"{host.url}/v1/hello", timeout=5).json()["epoch"]
    body = json.dumps({"args": {"service_code": "HT"}, "request_id": request_id}).encode()
    headers = headers or signed_headers(credential, "POST", "/v1/op/issue", body, epoch)
    return requests.post(f"{host.url}/v1/op/issue", data=body, timeout=5,
                         headers={**headers, "Content-Type": "application/json"})


def test_issued_keys_work_and_a_revocation_takes_effect_without_restarting_the_host(lan_host, capsys):
    host, office_key = lan_host
    kiosk_key, counter_key = issue(host, "Kiosk sảnh", capsys), issue(host, "Quầy 2", capsys)
    assert kiosk_key != counter_key and kiosk_key.count(".") == 1
    kiosk, counter, legacy = RemoteQueue(host.url, kiosk_key), RemoteQueue(host.url, counter_key), \
        RemoteQueue(host.url, office_key)
    assert kiosk.issue("HT").number == "A001"
    counter.open_session(2, "Hùng")
    assert counter.call_next(2).number == "A001"
    assert legacy.issue("HT").number == "A002"  # a PC set up with the office key keeps running
    pid = host.process.pid
    code, out, err = admin(host, capsys, "revoke", "Kiosk sảnh")
    assert code == 0 and "revoked" in out, err
    with pytest.raises(QueueAccessRevoked) as refused:
        kiosk.issue("HT")
    assert refused.value.code == "queue_access_revoked" and "revoked" in refused.value.message
    with pytest.raises(QueueAccessRevoked):
        kiosk.status()  # reading too: the kiosk can no longer even watch the queue
    assert counter.finish(2).number == "A001"  # the other workstations are not affected
    assert legacy.issue("HT").number == "A003"
    assert host.process.pid == pid and host.process.poll() is None  # same host run: no restart needed
    assert [n for _id, n in ticket_rows(host.workspace)] == ["A001", "A002", "A003"]
    again = issue(host, "Kiosk sảnh", capsys)  # a new key for the same PC lifts the revocation
    assert RemoteQueue(host.url, again).issue("HT").number == "A004"
    with pytest.raises(WrongOfficeKey) as old:
        kiosk.issue("HT")  # its revoked key was replaced: now simply unknown
    assert not isinstance(old.value, QueueAccessRevoked) and "replaced" in old.value.message


def test_unknown_key_id_and_wrong_secret_are_refused_and_change_nothing(lan_host, capsys):
    host, _office_key = lan_host
    real = issue(host, "Quầy 1", capsys)
    key_id, secret = split_credential(real)
    unknown = raw_issue(host, f"wdeadbeef00.{secret}", "u1")
    assert unknown.status_code == 401 and unknown.json()["error"] == "unknown_key"
    with pytest.raises(WrongOfficeKey) as caught:
        RemoteQueue(host.url, f"wdeadbeef00.{secret}").issue("HT")
    assert "does not know this computer's queue key" in caught.value.message
    wrong_secret = raw_issue(host, f"{key_id}.{'0' * 32}", "u2")
    assert wrong_secret.status_code == 401 and wrong_secret.json()["error"] == "bad_mac"
    # A valid signature with the key id header swapped to another workstation's id fails: the id is signed.
    other_id, _ = split_credential(issue(host, "Quầy 3", capsys))
    epoch = requests.get(f"{host.url}/v1/hello", timeout=5).json()["epoch"]
    body = json.dumps({"args": {"service_code": "HT"}, "request_id": "u3"}).encode()
    swapped = {**signed_headers(real, "POST", "/v1/op/issue", body, epoch), KEY_ID_HEADER: other_id}
    assert raw_issue(host, real, "u3", swapped).json()["error"] == "bad_mac"
    # A workstation signature without its key id is checked as the office key: refused too.
    stripped = {k: v for k, v in signed_headers(real, "POST", "/v1/op/issue", body, epoch).items()
                if k != KEY_ID_HEADER}
    assert raw_issue(host, real, "u3", stripped).json()["error"] == "bad_mac"
    assert ticket_rows(host.workspace) == []


def test_a_replayed_workstation_request_is_still_refused(lan_host, capsys):
    host, _office_key = lan_host
    key = issue(host, "Quầy 1", capsys)
    epoch = requests.get(f"{host.url}/v1/hello", timeout=5).json()["epoch"]
    body = json.dumps({"args": {"service_code": "HT"}, "request_id": "r1"}).encode()
    headers = signed_headers(key, "POST", "/v1/op/issue", body, epoch)
    assert headers[KEY_ID_HEADER] == split_credential(key)[0] and split_credential(key)[1] not in headers.values()
    first = raw_issue(host, key, "r1", headers)
    assert first.status_code == 200 and first.json()["result"]["number"] == "A001"
    replay = raw_issue(host, key, "r1", headers)
    assert replay.status_code == 401 and replay.json()["error"] == "replay"
    assert [n for _id, n in ticket_rows(host.workspace)] == ["A001"]


def test_a_revoked_request_is_403_only_for_a_caller_holding_the_key(lan_host, capsys):
    host, _office_key = lan_host
    key = issue(host, "Quầy 1", capsys)
    assert admin(host, capsys, "revoke", "Quầy 1")[0] == 0
    genuine = raw_issue(host, key, "x1")
    assert genuine.status_code == 403 and genuine.json()["error"] == "queue_access_revoked"
    key_id, _secret = split_credential(key)
    forged = raw_issue(host, f"{key_id}.{'1' * 32}", "x2")
    assert forged.status_code == 401 and forged.json()["error"] == "bad_mac"  # strangers learn nothing
    assert ticket_rows(host.workspace) == []


def test_workstations_list_revoke_and_the_legacy_office_key(lan_host, capsys):
    host, office_key = lan_host
    key = issue(host, "Quầy 1", capsys)
    issue(host, "Màn hình TV", capsys)
    assert admin(host, capsys, "revoke", "Quầy 1")[0] == 0
    code, out, _ = admin(host, capsys, "workstations", "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["workstation"], r["revoked"], r["legacy"]) for r in rows] == [
        ("office", False, True), ("Màn hình TV", False, False), ("Quầy 1", True, False)]
    assert split_credential(key)[1] not in out and office_key not in out  # secrets are never listed
    code, text, _ = admin(host, capsys, "workstations")
    assert "REVOKED" in text and "shared office key" in text
    code, _, err = admin(host, capsys, "revoke", "Quầy 9")
    assert code == 1 and "No workstation 'Quầy 9'" in err
    for bad in ("", "office", "x" * 41, "a/b"):
        code, _, err = admin(host, capsys, "key", "--workstation", bad)
        assert code == 1 and err
    # Once every PC has its own key the shared office key can be switched off, and back on with --new.
    legacy = RemoteQueue(host.url, office_key)
    assert admin(host, capsys, "revoke", "office")[0] == 0
    with pytest.raises(QueueAccessRevoked):
        legacy.services()
    code, out, _ = admin(host, capsys, "key", "--new")
    with pytest.raises(WrongOfficeKey):
        legacy.services()  # the old office key is gone for good
    assert RemoteQueue(host.url, out.strip()).services()


def test_connect_with_a_revoked_key_says_so_and_saves_nothing(lan_host, tmp_path, capsys):
    host, _office_key = lan_host
    key = issue(host, "Quầy 2", capsys)
    ws = ["--workspace", str(tmp_path / "counter2")]
    make_core(tmp_path / "counter2", slot=2).workspace.close()
    assert admin(host, capsys, "revoke", "Quầy 2")[0] == 0
    code, _, err = run(["queue", "connect", host.url, "--key", key, "--json", *ws], capsys)
    assert code == 1 and json.loads(err)["error"] == "queue_access_revoked"
    core = CounterCore(open_workspace(tmp_path / "counter2"))
    try:
        assert core.settings().lan_queue.role == "local"
    finally:
        core.workspace.close()
    fresh = issue(host, "Quầy 2", capsys)
    assert run(["queue", "connect", host.url, "--key", fresh, *ws], capsys)[0] == 0
    code, out, _ = run(["queue", "issue", "HT", "--no-print", "--json", *ws], capsys)
    assert code == 0 and json.loads(out)["number"] == "A001"


def test_key_commands_need_a_queue_administrator(tmp_path, capsys, monkeypatch):
    core = make_core(tmp_path / "ws")
    core.accounts.create("admin", "Quản trị", "mat-khau-admin-1", ["admin"])
    core.accounts.create("mai", "Trần Thị Mai", "mat-khau-mai-12", ["officer"])
    core.workspace.close()
    ws = ["--workspace", str(tmp_path / "ws")]
    code, _, err = run(["queue", "key", "--workstation", "Quầy 1", *ws], capsys)
    assert code == 1 and "Log in" in err
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "mat-khau-mai-12")
    code, _, err = run(["queue", "workstations", "--user", "mai", *ws], capsys)
    assert code == 1 and "may not" in err
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "mat-khau-admin-1")
    code, out, err = run(["queue", "key", "--workstation", "Quầy 1", "--user", "admin", *ws], capsys)
    assert code == 0 and "." in out.splitlines()[0], err



def test_kiosk_counter_panel_and_display_say_the_access_was_revoked(lan_host, tmp_path, capsys, qtbot):
    from ui import i18n
    from ui.display_window import DisplayWindow
    from ui.kiosk_window import KioskWindow
    from ui.queue_panel import QueuePanel
    from ui.workers import TaskRunner

    i18n.install("en")
    host, _office_key = lan_host
    core = make_core(tmp_path / "client", slot=2)
    try:
        core.queue = RemoteQueue(host.url, issue(host, "Quầy 2", capsys), attempts=1)  # as wired for a client PC
        kiosk = KioskWindow(core, None, synchronous=True)
        qtbot.addWidget(kiosk)
        kiosk.issue("HT")
        assert kiosk.number.text() == "A001"
        panel = QueuePanel(core, TaskRunner(synchronous=True), 2)
        qtbot.addWidget(panel)
        assert admin(host, capsys, "revoke", "Quầy 2")[0] == 0
        kiosk.issue("HT")  # no number is promised; the kiosk pauses and says why
        assert kiosk.offline and kiosk.number.text() == ""
        assert "access to the office queue was revoked" in kiosk.result.text()
        assert "cannot be reached" not in kiosk.result.text()  # not a passing outage
        display = DisplayWindow(core, synchronous=True)
        qtbot.addWidget(display)
        display.refresh()  # the TV keeps its last picture and says why, instead of "reconnecting"
        assert "access to the office queue was revoked" in display.caption.text()
        panel.call_next()
        assert "access to the office queue was revoked" in panel.banner.text()
        assert [n for _id, n in ticket_rows(host.workspace)] == ["A001"]
    finally:
        core.workspace.close()
