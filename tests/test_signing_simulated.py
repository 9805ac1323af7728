"""The simulated signer twin: a software key made at first use, for demos with no token."""
from __future__ import annotations

import pytest

from counter_app.errors import WrongPin
from counter_app.ports import SignatureSpec, Signer, SignJob
from devices.signing.simulated import SimulatedSigner
from devices.signing.verify import verify_pdf
from tests.softhsm import make_pdf, stamp_text


def test_makes_its_key_once_and_signs_verifiable_pdfs(tmp_path):
    signer = SimulatedSigner(tmp_path / "signing", officer_name="Trần Thị Mai")
    assert isinstance(signer, Signer) and signer.status().ready
    jobs = [SignJob(make_pdf(tmp_path / f"{n}.pdf"), tmp_path / "out" / f"{n}.pdf") for n in range(2)]

    outcomes = signer.sign_batch(jobs, SignatureSpec(role="Công chức", agency="UBND xã Yên Sở"), pin="1357")

    assert all(o.done for o in outcomes)
    key_file = signer.p12_path.read_bytes()
    assert b"1357" not in key_file
    for job in jobs:
        report, = verify_pdf(job.output, [signer.root_path])
        assert report.ok and report.signer == "Trần Thị Mai"
        assert "Ký bởi: Trần Thị Mai" in stamp_text(job.output)
    SimulatedSigner(tmp_path / "signing").sign_batch(jobs[:1], SignatureSpec(), pin="1357")
    assert signer.p12_path.read_bytes() == key_file  # made once, reused


def test_wrong_pin_on_the_software_key(tmp_path):
    signer = SimulatedSigner(tmp_path / "signing")
    signer.load("1357")
    with pytest.raises(WrongPin):
        signer.sign_batch([SignJob(make_pdf(tmp_path / "a.pdf"), tmp_path / "b.pdf")], SignatureSpec(), pin="0000")
    assert not (tmp_path / "b.pdf").exists()
