"""Remote (cloud) signing over the CSC API v2 against the local test service on 127.0.0.1:
the hash is signed remotely, the CMS built here; validated by pyHanko and pdfsig; every
fault (unreachable, bad account, wrong PIN/OTP, service lost mid-batch) is typed and loses nothing."""
from __future__ import annotations

import subprocess

import pytest

from counter_app.errors import RemoteSigningLoginFailed, RemoteSigningRejected, RemoteSigningUnavailable
from counter_app.ports import DeviceState, SignatureSpec, SignJob
from devices.signing.csc_test_service import CscAccount, RunningService, demo_service
from devices.signing.remote_csc import CscClient, RemoteCscSigner
from devices.signing.verify import verify_pdf
from tests.softhsm import free_port, make_pdf

ACCOUNT = CscAccount("canbo.motcua", "mat-khau-dai", pin="2580", otp="314159")
SPEC = SignatureSpec(role="Công chức Một cửa", agency="UBND phường Hoa Lư")


@pytest.fixture
def service(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_DEMO_PKI_PORT", str(free_port()))
    running = RunningService(demo_service(tmp_path / "signing", [ACCOUNT], officer_name="Đặng Văn Từ Xa")).start()
    yield running
    running.stop()


def signer(url, *, password=ACCOUNT.password, otp=ACCOUNT.otp):
    return RemoteCscSigner(url, ACCOUNT.username, password, otp=lambda: otp, timeout=5)


def jobs(tmp_path, count):
    return [SignJob(make_pdf(tmp_path / f"in{n}.pdf", f"Bản sao số {n}"), tmp_path / f"out{n}.pdf")
            for n in range(count)]


def test_a_batch_is_signed_remotely_with_one_authorisation_and_validates(service, tmp_path):
    batch = jobs(tmp_path, 3)
    moved = []

    outcomes = signer(service.url).sign_batch(batch, SPEC, pin=ACCOUNT.pin, progress=lambda d, t: moved.append(d))

    assert [o.done for o in outcomes] == [True] * 3 and moved == [1, 2, 3]
    assert service.service.state.signed == 3 and len(service.service.state.sads) == 1
    for job in batch:
        report, = verify_pdf(job.output, [tmp_path / "signing" / "trust"])
        assert (report.valid, report.intact, report.trusted) == (True, True, True)
        assert report.signer == "Đặng Văn Từ Xa"
        pdfsig = subprocess.run(["pdfsig", str(job.output)], capture_output=True, text=True, timeout=60)
        assert "Signature Validation: Signature is Valid." in pdfsig.stdout, pdfsig.stdout
        assert "Signer Certificate Common Name: Đặng Văn Từ Xa" in pdfsig.stdout


def test_status_names_the_credential_and_says_offline_when_unreachable(service):
    ready = signer(service.url).status()
    assert ready.state == DeviceState.READY and "Đặng Văn Từ Xa" in ready.detail
    gone = signer(f"http://127.0.0.1:{free_port()}/csc/v2").status()
    assert gone.state == DeviceState.OFFLINE


def test_unreachable_service_is_a_typed_error_and_writes_nothing(tmp_path):
    batch = jobs(tmp_path, 1)
    with pytest.raises(RemoteSigningUnavailable) as caught:
        signer(f"http://127.0.0.1:{free_port()}/csc/v2").sign_batch(batch, SPEC, pin=ACCOUNT.pin)
    assert caught.value.code == "remote_signing_unavailable" and not batch[0].output.exists()


def test_a_wrong_password_is_refused_as_a_login_failure(service, tmp_path):
    batch = jobs(tmp_path, 1)
    with pytest.raises(RemoteSigningLoginFailed):
        signer(service.url, password="sai").sign_batch(batch, SPEC, pin=ACCOUNT.pin)
    assert not batch[0].output.exists() and service.service.state.signed == 0


@pytest.mark.parametrize("pin, otp", [("0000", ACCOUNT.otp), (ACCOUNT.pin, "000000")])
def test_a_wrong_pin_or_one_time_code_signs_nothing(service, tmp_path, pin, otp):
    batch = jobs(tmp_path, 2)
    with pytest.raises(RemoteSigningRejected) as caught:
        signer(service.url, otp=otp).sign_batch(batch, SPEC, pin=pin)
    assert caught.value.details["csc_error"] in {"invalid_pin", "invalid_otp"}
    assert not any(j.output.exists() for j in batch) and service.service.state.signed == 0


def test_service_lost_mid_batch_keeps_the_signed_file_and_the_rest_can_be_signed_again(service, tmp_path):
    batch = jobs(tmp_path, 3)
    sources = [j.source.read_bytes() for j in batch]

    def network_drops(done, _total):
        if done == 1:
            service.stop()

    outcomes = signer(service.url).sign_batch(batch, SPEC, pin=ACCOUNT.pin, progress=network_drops)

    assert [o.done for o in outcomes] == [True, False, False]
    assert {o.error for o in outcomes[1:]} == {"remote_signing_unavailable"}
    assert batch[0].output.exists() and not batch[1].output.exists() and not batch[2].output.exists()
    assert [j.source.read_bytes() for j in batch] == sources  # nothing lost
    report, = verify_pdf(batch[0].output, [tmp_path / "signing" / "trust"])
    assert report.valid and report.intact


def test_a_used_authorisation_cannot_sign_more_than_it_allowed(service):
    client = CscClient(service.url, timeout=5)
    client.login(ACCOUNT.username, ACCOUNT.password)
    credential, = client.credential_ids()
    sad = client.authorize(credential, 1, ACCOUNT.pin, ACCOUNT.otp)
    oid = "2.16.840.1.101.3.4.2.1"
    client.sign_hash(credential, sad, bytes(32), oid, "1.2.840.10045.4.3.2")
    with pytest.raises(RemoteSigningUnavailable):
        client.sign_hash(credential, sad, bytes(32), oid, "1.2.840.10045.4.3.2")


def run_cli(ws, *args, **env):
    import os

    from tests.test_signing_cli import COUNTER_APP

    return subprocess.run([COUNTER_APP, "--workspace", str(ws), *map(str, args)], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, **env))


def test_cli_signs_remotely_and_reports_a_wrong_otp_as_json(service, tmp_path):
    import json

    from tests.conftest import make_core

    make_core(tmp_path / "ws").workspace.close()
    source = make_pdf(tmp_path / "bien_nhan.pdf")
    common = ("sign", source, "--remote", service.url, "--remote-user", ACCOUNT.username,
              "--remote-password-env", "CSC_PASSWORD", "--otp-env", "CSC_OTP", "--pin-env", "CSC_PIN", "--json")
    secrets_ = dict(CSC_PASSWORD=ACCOUNT.password, CSC_PIN=ACCOUNT.pin)

    wrong = run_cli(tmp_path / "ws", *common, "--out", tmp_path / "x.pdf", CSC_OTP="111111", **secrets_)
    assert wrong.returncode == 1 and json.loads(wrong.stderr)["error"] == "remote_signing_rejected"
    assert not (tmp_path / "x.pdf").exists()

    done = run_cli(tmp_path / "ws", *common, "--out", tmp_path / "ky.pdf", CSC_OTP=ACCOUNT.otp, **secrets_)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["done"] is True
    report, = verify_pdf(tmp_path / "ky.pdf", [tmp_path / "signing" / "trust"])
    assert report.valid and report.trusted and report.signer == "Đặng Văn Từ Xa"


def test_officer_without_a_token_signs_from_the_dossier_screen_with_pin_and_one_time_code(
        service, core, qtbot, tmp_path):
    from datetime import datetime

    from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
    from counter_app.signing import SigningJobs
    from ui.application import create_main_window
    from ui.messages import describe
    from ui.qt import Qt

    code = core.receive(IntakeRequest(procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 5),
                                      applicant=ApplicantInput(name="Nguyễn Văn An", phone="0912345678"))).code
    core.issue_form(code, "01")
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.open_dossier(code)
    detail = window.detail
    detail.set_signing(RemoteCscSigner(service.url, ACCOUNT.username, ACCOUNT.password, timeout=5),
                       lambda path: verify_pdf(path, [tmp_path / "signing" / "trust"]), pin_minutes=5)
    detail.documents.selectRow(0)

    def type_codes(dialog, pin, otp):
        qtbot.waitUntil(dialog.isVisible)
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClicks(dialog.otp_edit, otp)
        qtbot.keyClick(dialog.otp_edit, Qt.Key.Key_Return)

    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    dialog = detail.signing.pin_dialog
    assert dialog.otp_edit is not None and dialog.pin_edit.echoMode() == dialog.pin_edit.EchoMode.Password

    type_codes(dialog, ACCOUNT.pin, "000000")

    assert dialog.isVisible() and dialog.message.text() == describe(RemoteSigningRejected("x")).full()
    assert SigningJobs(core).list() == [] and service.service.state.signed == 0

    type_codes(dialog, ACCOUNT.pin, ACCOUNT.otp)

    qtbot.waitUntil(lambda: len(SigningJobs(core).list()) == 1)
    job, = SigningJobs(core).list()
    assert (job.level, job.state) == ("B-B", "pending") and service.service.state.signed == 1
    assert [d.kind for d in core.dossier(code).documents] == ["form_01", "signed_form_01"]
