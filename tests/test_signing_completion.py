"""B-B offline → B-T → B-LT when the network is back, against a real TSA/OCSP/CRL on 127.0.0.1."""
from __future__ import annotations

import subprocess
from datetime import datetime

import pytest

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.ports import SignatureSpec, SignJob
from counter_app.signing import SigningJobs
from devices.signing.completion import CompletionConfig, cached_certificates, run_completion
from devices.signing.pkcs11_signer import TokenSigner
from devices.signing.verify import verify_pdf
from tests.signing_responders import Responders
from tests.softhsm import OFFICER, hsm  # noqa: F401  (fixture)


@pytest.fixture
def responders(hsm):  # noqa: F811
    running = Responders(hsm)
    yield running
    running.stop()


def signed_receipt(core, hsm, tmp_path):  # noqa: F811
    """Form 01 of a new dossier, signed on the SoftHSM token and recorded as the counter does."""
    code = core.receive(IntakeRequest(procedure_code="1.004227", received_at=datetime(2026, 11, 25, 9, 5),
                                      applicant=ApplicantInput(name="Nguyễn Văn An", phone="0912345678"))).code
    source = tmp_path / "01.pdf"
    source.write_bytes(core.issue_form(code, "01"))
    outcome, = TokenSigner(hsm.module, "01").sign_batch([SignJob(source, tmp_path / "01-signed.pdf")],
                                                        SignatureSpec(role="Công chức"), pin=OFFICER.pin)
    assert outcome.done
    job = SigningJobs(core).record(code, "form_01", outcome.output.read_bytes(), filename="01_signed.pdf",
                                   signer="Nguyễn Thị Hồng Nhung", signed_at=outcome.signed_at)
    return code, job


def config(core, hsm, responders):  # noqa: F811
    return CompletionConfig(tsa_url=responders.tsa_url, trust_roots=[hsm.trust_root],
                            cache_dir=core.workspace.root / "signing" / "cache", timeout=3)


def test_offline_signature_is_kept_with_the_dossier_and_stays_pending_while_responders_are_down(
        core, hsm, tmp_path, responders):  # noqa: F811
    code, job = signed_receipt(core, hsm, tmp_path)
    jobs = SigningJobs(core)

    assert (job.state, job.level, job.target_level, job.counter) == ("pending", "B-B", "B-LT", "Quầy 1")
    kinds = [d.kind for d in core.dossier(code).documents]
    assert kinds == ["form_01", "signed_form_01"]

    result, = run_completion(jobs, config(core, hsm, responders))  # nothing listens: connection refused

    assert (result.state, result.level) == ("pending", "B-B")
    assert "Connection refused" in result.error or "ConnectionRefused" in result.error
    again = jobs.get(job.id)
    assert again.attempts == 1 and again.sha256 == job.sha256 and jobs.pending() == [again]


def test_network_back_completes_to_b_lt_verified_by_pyhanko_and_pdfsig(core, hsm, tmp_path, responders):  # noqa: F811
    code, job = signed_receipt(core, hsm, tmp_path)
    jobs = SigningJobs(core)
    run_completion(jobs, config(core, hsm, responders))  # offline first: still pending
    responders.start()

    result, = run_completion(jobs, config(core, hsm, responders))

    assert (result.state, result.level, result.error) == ("done", "B-LT", "")
    assert {"/tsa", "/ocsp", "/crl/root.crl"} <= set(responders.hits)
    done = jobs.get(job.id)
    assert done.sha256 != job.sha256 and jobs.pending() == []
    document = next(d for d in core.dossier(code).documents if d.kind == "signed_form_01")
    assert document.sha256 == done.sha256  # the dossier's copy is the completed PDF
    completed = tmp_path / "completed.pdf"
    completed.write_bytes(core.document_bytes(done.sha256))
    responders.stop()  # validation below is offline: only what is in the PDF and the cache

    report, = verify_pdf(completed, [hsm.trust_root])
    assert (report.level, report.revocation, report.ok) == ("B-LT", "good", True)
    assert report.trusted_time is not None and report.time_trusted
    assert abs((report.trusted_time - report.claimed_time).total_seconds()) < 120
    assert report.changes_after == "lta_updates"
    out = subprocess.run(["pdfsig", str(completed)], capture_output=True, text=True, check=True).stdout
    first, stamp = out.split("Signature #")[1:]
    assert "Signature Validation: Signature is Valid." in first and "Nguyễn Thị Hồng Nhung" in first
    assert "Test TSA" in stamp
    cache = core.workspace.root / "signing" / "cache"
    assert len(cached_certificates(cache)) >= 3
    assert list((cache / "ocsp").iterdir()) and list((cache / "crls").iterdir())
    assert run_completion(jobs, config(core, hsm, responders)) == []  # nothing left to do


def test_tsa_answering_garbage_fails_the_job_with_a_clear_reason(core, hsm, tmp_path, responders):  # noqa: F811
    _, job = signed_receipt(core, hsm, tmp_path)
    responders.mode = "garbage"
    responders.start()

    result, = run_completion(SigningJobs(core), config(core, hsm, responders))

    assert (result.state, result.level) == ("failed", "B-B")
    assert "timestamp authority" in result.error and "unusable answer" in result.error
    assert SigningJobs(core).pending() == [] and SigningJobs(core).summary()["failed"] == 1


def test_revoked_signer_certificate_fails_completion(core, hsm, tmp_path, responders):  # noqa: F811
    from cryptography import x509

    _, job = signed_receipt(core, hsm, tmp_path)
    cert = x509.load_der_x509_certificate((hsm.root / f"{OFFICER.label}-01.der").read_bytes())
    responders.revoked.add(cert.serial_number)
    responders.start()

    result, = run_completion(SigningJobs(core), config(core, hsm, responders))

    assert result.state == "failed" and "revoked" in result.error
    assert result.level == "B-T"  # the timestamp was added before the revocation check said no
