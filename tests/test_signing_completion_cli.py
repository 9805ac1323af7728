"""``counter-app signatures status`` and ``counter-app sign --complete`` as real processes."""
from __future__ import annotations

import json

from tests.conftest import make_core
from tests.signing_responders import Responders
from tests.softhsm import hsm  # noqa: F401  (fixture)
from tests.test_signing_cli import run
from tests.test_signing_completion import signed_receipt


def test_status_then_complete_then_verify_from_the_command_line(hsm, tmp_path):  # noqa: F811
    ws = tmp_path / "ws"
    core = make_core(ws)
    code, job = signed_receipt(core, hsm, tmp_path)
    core.workspace.close()

    status = run(hsm, ws, "signatures", "status", "--json")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["summary"] == {"pending": 1, "done": 0, "failed": 0}
    row, = data["signatures"]
    assert (row["dossier_code"], row["level"], row["state"], row["counter"]) == (code, "B-B", "pending", "Quầy 1")

    responders = Responders(hsm)
    offline = run(hsm, ws, "sign", "--complete", "--tsa", responders.tsa_url, "--trust", hsm.trust_root)
    assert offline.returncode == 0 and "pending (B-B)" in offline.stdout and "Connection refused" in offline.stdout

    responders.start()
    try:
        done = run(hsm, ws, "sign", "--complete", "--tsa", responders.tsa_url, "--trust", hsm.trust_root, "--json")
    finally:
        responders.stop()
    assert done.returncode == 0, done.stderr
    result, = json.loads(done.stdout)["results"]
    assert (result["state"], result["level"]) == ("done", "B-LT")

    text = run(hsm, ws, "signatures", "status").stdout
    assert f"{code} 01_signed.pdf: done B-LT→B-LT" in text and "tries 2" in text
    core = make_core(ws)
    signed = tmp_path / "done.pdf"
    signed.write_bytes(core.document_bytes(json.loads(run(hsm, ws, "signatures", "status", "--json").stdout)
                                           ["signatures"][0]["sha256"]))
    core.workspace.close()
    verified = run(hsm, ws, "verify", signed, "--trust", hsm.trust_root)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "not revoked (data in the PDF)" in verified.stdout and "B-LT" in verified.stdout


def test_sign_with_dossier_keeps_the_copy_and_queues_completion(hsm, tmp_path):  # noqa: F811
    from tests.softhsm import OFFICER, make_pdf

    ws = tmp_path / "ws"
    core = make_core(ws)
    code = signed_receipt(core, hsm, tmp_path)[0]
    core.workspace.close()
    scan = make_pdf(tmp_path / "scan.pdf", "Bản sao số hoá")

    result = run(hsm, ws, "sign", scan, "--out", tmp_path / "scan_ky.pdf", "--module", hsm.module, "--key-id",
                 "02", "--pin-env", "OFFICER_PIN", "--dossier", code, "--kind", "scan", pin=OFFICER.pin)

    assert result.returncode == 0, result.stderr
    rows = json.loads(run(hsm, ws, "signatures", "status", "--json", "--dossier", code).stdout)["signatures"]
    last = rows[-1]
    assert (last["filename"], last["signer"], last["state"]) == ("scan_ky.pdf", "Trần Văn Bình", "pending")
    core = make_core(ws)
    assert [d.kind for d in core.dossier(code).documents][-1] == "signed_scan"
    core.workspace.close()
