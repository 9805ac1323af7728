"""``counter-app queue …`` as a real process on a real workspace, printing to the simulated printer."""
from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from tests.conftest import REPO, make_core

COUNTER_APP = str(REPO / ".venv" / "bin" / "counter-app")


def run(*args, workspace: Path):
    return subprocess.run([COUNTER_APP, "--workspace", str(workspace), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def run_json(*args, workspace: Path):
    result = run(*args, "--json", workspace=workspace)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "ws"
    core = make_core(root)
    dossier = core.receive(IntakeRequest(procedure_code="1.001193",
                                         applicant=ApplicantInput(name="Nguyễn Văn An", id_number="037099012345")))
    core.workspace.close()
    return root, dossier.code


def test_issue_call_finish_and_status(ws):
    root, dossier_code = ws
    services = run_json("queue", "services", workspace=root)
    assert [s["code"] for s in services][:3] == ["HT", "DD", "CT"]
    first = run_json("queue", "issue", "HT", workspace=root)
    second = run_json("queue", "issue", "HT", "--priority", "elderly", workspace=root)
    assert (first["ticket"]["number"], second["ticket"]["number"]) == ("A001", "A002")
    assert first["printed"] and second["ticket"]["priority_name"] == "Người cao tuổi"
    printed = sorted((root / "printed").glob("*.png"))
    assert len(printed) == 2
    image = Image.open(printed[0])
    assert image.width == 576 and zxingcpp.read_barcodes(image.convert("L"))[0].text == "A001"  # the number

    called = run_json("queue", "call", "--counter", "2", workspace=root)
    assert (called["number"], called["counter"], called["state"]) == ("A002", 2, "called")  # priority first
    finished = run_json("queue", "finish", "--counter", "2", "--dossier", dossier_code, workspace=root)
    assert finished["outcome"] == "served" and finished["dossier_codes"] == [dossier_code]

    status = run_json("queue", "status", workspace=root)
    assert status["services"][0]["waiting"] == 1
    assert status["counters"][0]["officer"] == "Trần Thị Mai" and status["counters"][0]["current"] is None
    assert [t["number"] for t in status["recent_calls"]] == ["A002"]
    text = run("queue", "status", workspace=root)
    assert "A Hộ tịch: 1 waiting" in text.stdout


def test_forbidden_action_and_unknown_service_fail_cleanly(ws):
    root, _ = ws
    finished = run("queue", "finish", "--counter", "1", workspace=root)
    assert finished.returncode == 1 and "no called ticket" in finished.stderr
    unknown = run("queue", "issue", "XX", workspace=root)
    assert unknown.returncode == 1 and "No queue service 'XX'" in unknown.stderr


def test_a_broken_printer_setting_keeps_the_ticket_and_reprint_works(ws):
    root, _ = ws
    with socket.socket() as probe:  # a port nobody listens on: the network printer is "off"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = json.dumps({"host": "127.0.0.1", "port": port})
    assert run("settings", "set", "devices.printer_options", options, workspace=root).returncode == 0
    assert run("settings", "set", "devices.printer", "escpos-network", workspace=root).returncode == 0
    failed = run("queue", "issue", "DD", "--json", workspace=root)
    assert failed.returncode == 1
    data = json.loads(failed.stdout)
    assert (data["ticket"]["number"], data["printed"], data["print_error"]) == ("B001", False, "printer_offline")
    assert "queue reprint B001" in failed.stderr
    assert run("settings", "set", "devices.printer", "simulated", workspace=root).returncode == 0
    stale = run("queue", "reprint", "B001", workspace=root)  # the network printer's options left behind
    assert stale.returncode == 1 and "do not fit a 'simulated' device" in stale.stderr
    assert "Traceback" not in stale.stderr
    assert run("settings", "set", "devices.printer_options", "{}", workspace=root).returncode == 0
    again = run_json("queue", "reprint", "B001", workspace=root)
    assert again["printed"] and again["ticket"]["printed"]
    assert len(list((root / "printed").glob("*.png"))) == 1


def test_the_status_page_link_is_set_shown_and_switched_off(ws):
    root, _ = ws
    assert run_json("queue", "status-page", workspace=root) == {"status_page_url": ""}
    url = "https://motcua.example.gov.vn/luot?ve={token}"
    assert run_json("queue", "status-page", url, workspace=root) == {"status_page_url": url}
    bad = run("queue", "status-page", "motcua.example.gov.vn", workspace=root)
    assert bad.returncode == 1 and "{token}" in bad.stderr
    assert run_json("queue", "status-page", workspace=root) == {"status_page_url": url}  # unchanged
    assert run_json("queue", "status-page", "off", workspace=root) == {"status_page_url": ""}
