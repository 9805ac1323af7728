"""The demo with a real PKCS#11 token: `counter-app demo` prepares SoftHSM2 inside the demo
workspace; the GUI (pytest-qt) and `counter-app sign --simulated` sign through the real module,
the signatures verify offline (pyHanko and pdfsig), and the demo network completes them to B-LT."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

import composition_root
from counter_app.core import CounterCore
from counter_app.demo import create_demo_workspace
from counter_app.search import SearchQuery
from counter_app.signing import SigningJobs
from counter_app.workspace import open_workspace
from devices.signing import demo_token
from devices.signing.completion_worker import CompletionWorker
from devices.signing.pkcs11_signer import TokenSigner
from devices.signing.wiring import gui_signing
from tests.softhsm import free_port, make_pdf
from tests.test_signing_cli import COUNTER_APP
from ui.application import create_main_window
from ui.qt import QCoreApplication, Qt

tr = QCoreApplication.translate


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):
    """A demo workspace made the way `counter-app demo` makes it (the composition root's steps)."""
    port = str(free_port())
    saved = os.environ.get("COUNTER_APP_DEMO_PKI_PORT")
    os.environ["COUNTER_APP_DEMO_PKI_PORT"] = port  # stored in the demo CA: its OCSP URL names it
    try:
        composition_root.extra_commands()  # registers the signing layer's demo step, as `main` does
        root = create_demo_workspace(tmp_path_factory.mktemp("demo") / "ws", dossiers=3)
    finally:
        if saved is None:
            os.environ.pop("COUNTER_APP_DEMO_PKI_PORT", None)
        else:
            os.environ["COUNTER_APP_DEMO_PKI_PORT"] = saved
    return root


@pytest.fixture
def own_softhsm_conf(monkeypatch):
    """The demo points this process's SoftHSM at its folder: put the previous one back after."""
    before = os.environ.get(demo_token.CONF_ENV)
    yield
    if before is None:
        os.environ.pop(demo_token.CONF_ENV, None)
    else:
        os.environ[demo_token.CONF_ENV] = before
    from devices.signing.pkcs11_tokens import Pkcs11Module

    Pkcs11Module(demo_token.SOFTHSM).rescan()


def cli(ws, *args, pin=None):
    env = dict(os.environ)
    env.pop(demo_token.CONF_ENV, None)  # the app must find the demo token by itself
    if pin is not None:
        env["OFFICER_PIN"] = pin
    return subprocess.run([COUNTER_APP, "--workspace", str(ws), *map(str, args)], capture_output=True,
                          text=True, timeout=120, env=env)


def test_demo_command_prepares_a_softhsm_token_in_the_workspace(demo_ws):
    folder = demo_ws / "signing" / "softhsm"
    conf = (folder / "softhsm2.conf").read_text()
    assert f"directories.tokendir = {folder / 'tokens'}" in conf
    assert any((folder / "tokens").iterdir())
    assert "123456" in (folder / "README.txt").read_text()
    assert (demo_ws / "signing" / "trust" / "simulated-root.pem").exists()
    listed = subprocess.run(["pkcs11-tool", "--module", demo_token.SOFTHSM, "--list-objects", "--type", "cert"],
                            env=dict(os.environ, SOFTHSM2_CONF=str(folder / "softhsm2.conf")),
                            capture_output=True, text=True, timeout=60)
    assert "Trần Thị Mai" in listed.stdout and "ID:         01" in listed.stdout, listed.stdout


def test_cli_signs_with_the_demo_token_and_refuses_a_wrong_pin(demo_ws, tmp_path):
    source = make_pdf(tmp_path / "bien_nhan.pdf")
    wrong = cli(demo_ws, "sign", source, "--out", tmp_path / "x.pdf", "--simulated", "--pin-env", "OFFICER_PIN",
                "--json", pin="000000")
    assert wrong.returncode == 1 and json.loads(wrong.stderr)["error"] == "wrong_pin"
    assert not (tmp_path / "x.pdf").exists()

    signed = cli(demo_ws, "sign", source, "--out", tmp_path / "ky.pdf", "--simulated", "--pin-env", "OFFICER_PIN",
                 "--json", pin=demo_token.PIN)

    assert signed.returncode == 0, signed.stderr
    verified = cli(demo_ws, "verify", tmp_path / "ky.pdf", "--json")
    sig, = json.loads(verified.stdout)["signatures"]
    assert sig["ok"] and sig["signer"] == "Trần Thị Mai" and sig["level"] == "B-B"
    pdfsig = subprocess.run(["pdfsig", str(tmp_path / "ky.pdf")], capture_output=True, text=True, timeout=60)
    assert "Signature Validation: Signature is Valid." in pdfsig.stdout, pdfsig.stdout
    assert "ECDSA" in pdfsig.stdout or "Signer full Distinguished Name: CN=Trần Thị Mai" in pdfsig.stdout


def test_officer_signs_a_receipt_and_a_scan_with_the_token_then_the_network_completes_them(
        demo_ws, own_softhsm_conf, qtbot, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_DEMO_PKI_PORT", (demo_ws / "signing" / "demo-ca" / "port").read_text())
    core = CounterCore(open_workspace(demo_ws))
    try:
        view = next(v for v in (core.dossier(s.code) for s in core.search(SearchQuery(limit=50))) if v.components)
        core.issue_form(view.code, "01")
        scan = make_pdf(demo_ws / "scan.pdf", "Bản sao số hoá").read_bytes()
        core.attach_scan(view.code, view.components[0].code, scan, 1)
        signer, verifier, completer = gui_signing(core)  # what the composition root hands the demo GUI
        assert isinstance(signer, TokenSigner)
        window = create_main_window(core, language="vi", synchronous=True)
        qtbot.addWidget(window)
        window.show()
        window.open_dossier(view.code)
        detail = window.detail
        detail.set_signing(signer, verifier, completer, pin_minutes=5)
        originals = list(detail.view.documents)

        for n, document in enumerate(originals):  # the PIN is typed once, then cached in memory
            detail.documents.selectRow(n)
            qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
            if n == 0:
                dialog = detail.signing.pin_dialog
                qtbot.waitUntil(dialog.isVisible)
                qtbot.keyClicks(dialog.pin_edit, demo_token.PIN)
                qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda k=n: len(detail.view.documents) == len(originals) + k + 1)

        jobs = SigningJobs(core).list()
        assert [(j.level, j.state, j.signer) for j in jobs] == [("B-B", "pending", "Trần Thị Mai")] * 2
        detail.documents.selectRow(len(originals))
        qtbot.mouseClick(detail.check_button, Qt.MouseButton.LeftButton)
        offline = detail.signing.view
        qtbot.waitUntil(offline.isVisible)
        assert offline.rows[0][0] == "Hợp lệ" and offline.rows[0][1] == "Trần Thị Mai"

        worker = CompletionWorker.for_workspace(core, interval=0.1, max_backoff=0.3)
        detail.set_signing(signer, verifier, completer, pin_minutes=5, worker=worker)
        worker.start()
        network = None
        try:
            waiting = f"B-B — {tr('SigningActions', 'waiting for the network')}"
            qtbot.waitUntil(lambda: list(detail.signing.states.values()).count(waiting) == 2, timeout=30_000)
            assert worker.last is None or not worker.last.reachable
            # The demo's network returns: its CA's TSA and OCSP, served by the CLI on 127.0.0.1.
            network = subprocess.Popen([COUNTER_APP, "--workspace", str(demo_ws), "signatures", "demo-network"],
                                       stdout=subprocess.PIPE, text=True)
            assert network.stdout.readline().startswith("Demo network up: TSA http://127.0.0.1:")
            done = f"B-LT — {tr('SigningActions', 'complete')}"
            qtbot.waitUntil(lambda: list(detail.signing.states.values()).count(done) == 2, timeout=60_000)
        finally:
            worker.stop()
            if network is not None:
                network.terminate()
                network.wait(30)

        assert [(j.level, j.state) for j in SigningJobs(core).list()] == [("B-LT", "done")] * 2
        for job in SigningJobs(core).list():
            path = demo_ws / f"done-{job.id}.pdf"
            path.write_bytes(core.document_bytes(job.sha256))
            report, = verifier(path)
            assert (report.level, report.revocation, report.trusted) == ("B-LT", "good", True)
    finally:
        core.workspace.close()


def test_without_softhsm_the_demo_falls_back_to_the_simulated_key(tmp_path):
    from counter_app.settings import Settings
    from devices.signing.simulated import SimulatedSigner
    from tests.conftest import make_core

    missing = str(tmp_path / "no-libsofthsm2.so")
    assert demo_token.prepare_demo_token(tmp_path / "signing", "Cán bộ", module=missing) is None
    core = make_core(tmp_path / "ws")
    try:
        demo_token.demo_step(core.workspace.root, Settings(), module=missing)  # a PC without softhsm2
        signer, _, _ = gui_signing(core)
    finally:
        core.workspace.close()
    assert isinstance(signer, SimulatedSigner) and not (core.workspace.root / "signing" / "softhsm").exists()


def test_a_failing_softhsm_leaves_no_half_made_token_and_the_demo_still_signs(tmp_path, capsys):
    from counter_app.settings import Settings
    from devices.signing.simulated import SimulatedSigner
    from tests.conftest import make_core

    broken = tmp_path / "libbroken.so"
    broken.write_text("not a PKCS#11 library")
    core = make_core(tmp_path / "ws")
    try:
        demo_token.demo_step(core.workspace.root, Settings(), module=str(broken))
        signer, _, _ = gui_signing(core)
    finally:
        core.workspace.close()
    assert "no demo signing token" in capsys.readouterr().err
    assert isinstance(signer, SimulatedSigner) and not (core.workspace.root / "signing" / "softhsm").exists()
