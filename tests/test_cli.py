"""The ``counter-app`` console script, run as a real process on a real workspace."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from counter_app.catalog import dump_national_json
from tests.conftest import REPO, SAMPLE_PROCEDURES, make_core

COUNTER_APP = str(REPO / ".venv" / "bin" / "counter-app")


def run(*args, workspace: Path, check: bool = True):
    result = subprocess.run([COUNTER_APP, "--workspace", str(workspace), *map(str, args)],
                            capture_output=True, text=True, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def run_json(*args, workspace: Path):
    return json.loads(run(*args, "--json", workspace=workspace).stdout)


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    return root


def test_receive_show_search_and_status_changes(ws, tmp_path):
    code = run("dossier", "receive", "--procedure", "1.004227", "--name", "Nguyễn Văn An",
               "--id-number", "037099012345", "--phone", "0912345678",
               "--received-at", "2026-11-25 09:00", workspace=ws).stdout.strip()
    assert code == "000.00.31.H41-261125-1000"
    shown = run_json("dossier", "show", code, workspace=ws)
    assert shown["applicant_name"] == "Nguyễn Văn An"
    assert shown["status"] == 2 and shown["status_name"] == "Được tiếp nhận"
    assert shown["due_at"].startswith("2026-12-09")
    found = run_json("dossier", "search", "nguyen van an", workspace=ws)
    assert [d["code"] for d in found] == [code]
    moved = run_json("dossier", "set-status", code, "transfer", "--to", "Địa chính", workspace=ws)
    assert moved["status"] == 4
    refused = run("dossier", "set-status", code, "return_result", "--receiver", "An", workspace=ws, check=False)
    assert refused.returncode == 1 and "not allowed" in refused.stderr


def test_incomplete_dossier_and_forms(ws, tmp_path):
    code = run("dossier", "receive", "--procedure", "1.004227", "--name", "Phạm Thị Hoa",
               "--id-number", "037199012345", "--missing", "TP2", "TP3",
               "--received-at", "2026-11-25 09:00", workspace=ws).stdout.strip()
    shown = run_json("dossier", "show", code, workspace=ws)
    assert shown["status"] == 5
    assert [c["code"] for c in shown["components"] if not c["received"]] == ["TP2", "TP3"]
    out = tmp_path / "02.pdf"
    run("form", "02", code, "--out", out, workspace=ws)
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "Phạm Thị Hoa" in text and "Hợp đồng chuyển nhượng" in text
    wrong = run("form", "03", code, "--out", tmp_path / "03.pdf", workspace=ws, check=False)
    assert wrong.returncode == 1 and "not refused" in wrong.stderr
    register = tmp_path / "register.pdf"
    run("form", "register", "--from", "2026-11-01", "--to", "2026-11-30", "--out", register, workspace=ws)
    assert code in subprocess.run(["pdftotext", str(register), "-"], capture_output=True, text=True).stdout


def test_due_date_command(ws):
    assert run("due-date", "1.004227", "2026-11-25 09:00", workspace=ws).stdout.strip() == "2026-12-09 09:00"
    data = run_json("due-date", "1.001193", "2026-11-27 15:30", workspace=ws)
    assert data["due_at"].startswith("2026-11-30")


@pytest.mark.parametrize("args, code, needle", [
    (("due-date", "9.999999", "2026-11-25 09:00"), 1, "Unknown procedure"),
    (("due-date", "1.001193", "25-11-2026 9h"), 1, "YYYY-MM-DD HH:MM"),
    (("dossier", "receive", "--procedure", "1.001193", "--name", "A", "--id-number", "12",
      "--received-at", "2026-11-25 09:00"), 1, "12 digits"),
    (("dossier", "receive", "--procedure", "1.001193", "--name", "A", "--id-number", "037099012345",
      "--received-at", "2026-13-45 09:00"), 2, "YYYY-MM-DD"),
    (("dossier", "show", "000.00.31.H41-261125-9999"), 1, "No dossier"),
    (("catalog", "import", "/nonexistent/catalog.json"), 1, "catalog.json"),
])
def test_bad_input_gives_a_clear_error(ws, args, code, needle):
    result = run(*args, workspace=ws, check=False)
    assert result.returncode == code
    assert needle in result.stderr
    assert "Traceback" not in result.stderr


def test_catalog_import_list_and_duplicate(ws, tmp_path):
    source = tmp_path / "catalog.json"
    source.write_text(json.dumps(dump_national_json(SAMPLE_PROCEDURES), ensure_ascii=False), encoding="utf-8")
    again = run("catalog", "import", source, workspace=ws, check=False)
    assert again.returncode == 1 and "already in the catalogue" in again.stderr
    listed = run_json("catalog", "list", "khai sinh", workspace=ws)
    assert [p["code"] for p in listed] == ["1.001193"]
    broken = tmp_path / "broken.json"
    broken.write_text('{"data": [{"MaTTHC": ', encoding="utf-8")
    result = run("catalog", "import", broken, workspace=ws, check=False)
    assert result.returncode == 1 and "broken.json" in result.stderr
    assert len(run_json("catalog", "list", workspace=ws)) == 2  # nothing half-imported


def test_demo_and_doctor(tmp_path):
    demo = tmp_path / "demo"
    subprocess.run([COUNTER_APP, "demo", "--workspace", str(demo), "--dossiers", "12"], check=True,
                   capture_output=True, timeout=300)
    listed = run_json("catalog", "list", workspace=demo)
    assert len(listed) >= 30
    assert len(run_json("dossier", "search", workspace=demo)) == 12
    doctor = run_json("doctor", workspace=demo)
    assert all(check["ok"] for check in doctor), doctor
    assert {c["kind"] for c in doctor} >= {"workspace", "database", "audit", "catalog", "printer"}


def test_demo_refuses_to_reset_a_real_workspace(ws):
    result = subprocess.run([COUNTER_APP, "demo", "--workspace", str(ws)], capture_output=True, text=True)
    assert result.returncode == 1 and "refusing" in result.stderr
    assert run_json("catalog", "list", workspace=ws)  # still there


def test_settings_show_and_set(ws):
    run("settings", "set", "office.agency_id", "000.00.12.H40", workspace=ws)
    run("settings", "set", "workstation.slot", "3", workspace=ws)
    shown = run_json("settings", "show", workspace=ws)
    assert shown["office"]["agency_id"] == "000.00.12.H40"
    assert shown["workstation"]["slot"] == 3
    code = run("dossier", "receive", "--procedure", "1.001193", "--name", "Hà Văn Sơn",
               "--id-number", "037099012345", "--received-at", "2026-11-25 08:00", workspace=ws).stdout.strip()
    assert code == "000.00.12.H40-261125-3000"
    for key, value, needle in [("workstation.slot", "12", "1 to 9"), ("office.nonsense", "x", "Unknown setting"),
                               ("rules.code_pattern", "{agency}", "{seq}")]:
        result = run("settings", "set", key, value, workspace=ws, check=False)
        assert result.returncode == 1 and needle in result.stderr
    assert run_json("settings", "show", workspace=ws)["workstation"]["slot"] == 3


def test_backup_restore_and_audit_commands(ws, tmp_path):
    code = run("dossier", "receive", "--procedure", "1.001193", "--name", "Ngô Thị Yến",
               "--id-number", "037199012345", "--received-at", "2026-11-25 08:00", workspace=ws).stdout.strip()
    assert run_json("audit", "verify", workspace=ws)["intact"] is True
    made = run("backup", "--to", tmp_path / "usb", "--keep", "3", workspace=ws)
    backup = sorted((tmp_path / "usb").glob("backup-*"))[-1]
    assert "1 dossiers" in made.stdout
    assert run("backup", "--to", tmp_path / "usb", "--verify", backup, workspace=ws).returncode == 0
    restored = tmp_path / "restored"
    run("restore", backup, workspace=restored)
    assert run_json("dossier", "show", code, workspace=restored)["applicant_name"] == "Ngô Thị Yến"
    import sqlite3

    with sqlite3.connect(ws / "counter.sqlite3") as db:
        db.execute("UPDATE dossier_events SET officer = 'X'")
    tampered = run("audit", "verify", workspace=ws, check=False)
    assert tampered.returncode == 1 and "BROKEN" in tampered.stdout


def test_help_lists_the_window_options(ws):
    shown = run("--help", workspace=ws).stdout
    assert "--kiosk" in shown and "--display" in shown and "--counter N" in shown
