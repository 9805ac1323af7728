"""The demo: sign offline with the simulated key, then "the network returns" (the demo CA's
TSA and OCSP on 127.0.0.1) and the signature is completed to B-LT — all through the CLI."""
from __future__ import annotations

import json

from tests.conftest import make_core
from tests.softhsm import free_port, hsm, make_pdf  # noqa: F401  (fixture)
from tests.test_signing_cli import run
from tests.test_signing_completion import ApplicantInput, IntakeRequest, datetime


def test_demo_signature_is_completed_to_b_lt_when_the_simulated_network_returns(hsm, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("COUNTER_APP_DEMO_PKI_PORT", str(free_port()))
    ws = tmp_path / "ws"
    core = make_core(ws)
    code = core.receive(IntakeRequest(procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 5),
                                      applicant=ApplicantInput(name="Nguyễn Văn An", phone="0912345678"))).code
    core.workspace.close()
    scan = make_pdf(tmp_path / "ban_sao.pdf", "Bản sao số hoá")

    signed = run(hsm, ws, "sign", scan, "--out", tmp_path / "ban_sao_ky.pdf", "--simulated", "--pin-env",
                 "OFFICER_PIN", "--dossier", code, "--kind", "scan", pin="1357")
    assert signed.returncode == 0, signed.stderr
    offline = run(hsm, ws, "sign", "--complete", "--json")  # no network: the demo services are not running
    result, = json.loads(offline.stdout)["results"]
    assert (result["state"], result["level"]) == ("pending", "B-B") and "Connection refused" in result["error"]

    online = run(hsm, ws, "sign", "--complete", "--simulated-network", "--json")

    assert online.returncode == 0, online.stderr
    result, = json.loads(online.stdout)["results"]
    assert (result["state"], result["level"], result["error"]) == ("done", "B-LT", ""), result
    row, = json.loads(run(hsm, ws, "signatures", "status", "--json").stdout)["signatures"]
    core = make_core(ws)
    completed = tmp_path / "completed.pdf"
    completed.write_bytes(core.document_bytes(row["sha256"]))
    core.workspace.close()
    verified = run(hsm, ws, "verify", completed, "--json")  # offline; trusts <workspace>/signing/trust
    assert verified.returncode == 0, verified.stdout + verified.stderr
    sig, = json.loads(verified.stdout)["signatures"]
    assert (sig["level"], sig["revocation"], sig["ok"]) == ("B-LT", "good", True) and sig["trusted_time"]
