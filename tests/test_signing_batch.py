"""Batch signing in one token session: bad files skipped, a pulled-out token leaves a resumable rest.

Pulling the token out: SoftHSM2 keeps each token in a folder of its tokendir, so the
test moves that folder away mid-batch. The module then answers the open session's
next C_Sign with CKR_OBJECT_HANDLE_INVALID and C_GetTokenInfo with CKR_GENERAL_ERROR,
as a USB token's middleware answers with DEVICE_REMOVED. Moving the folder back and
re-initialising the module (our rescan) is plugging it in again.
"""
from __future__ import annotations

import shutil

import pytest

from counter_app.errors import PdfDamaged, PdfEncrypted
from counter_app.ports import SignatureSpec, SignJob
from devices.signing.pades import not_done, open_pdf
from devices.signing.pkcs11_signer import TokenSigner
from devices.signing.pkcs11_tokens import Pkcs11Module
from devices.signing.verify import verify_pdf
from tests.softhsm import BATCH, encrypted_copy, hsm, make_pdf  # noqa: F401 (hsm is a fixture)

SPEC = SignatureSpec(role="Công chức", agency="UBND xã Yên Sở")


def jobs(tmp_path, count):
    (tmp_path / "in").mkdir()
    return [SignJob(make_pdf(tmp_path / "in" / f"ban-sao-{n:02}.pdf", f"Bản sao số {n}"),
                    tmp_path / "out" / f"ban-sao-{n:02}.pdf") for n in range(count)]


def test_batch_of_ten_with_the_token_pulled_out_midway_then_resumed(hsm, tmp_path):
    batch = jobs(tmp_path, 10)
    signer = TokenSigner(hsm.module, "b1")
    token_dir = hsm.token_dir(BATCH.label)
    parked = tmp_path / "unplugged"
    seen = []

    def pull_out_after_four(done, total):
        seen.append((done, total))
        if done == 4:
            shutil.move(token_dir, parked)

    try:
        outcomes = signer.sign_batch(batch, SPEC, pin=BATCH.pin, progress=pull_out_after_four)
        assert seen == [(n, 10) for n in range(1, 5)]
        assert [o.done for o in outcomes] == [True] * 4 + [False] * 6
        assert {o.error for o in outcomes[4:]} == {"token_not_found"}
        assert "removed" in outcomes[4].message
        for outcome in outcomes[:4]:  # what was signed before the token left is kept, and valid
            assert verify_pdf(outcome.output, [hsm.trust_root])[0].ok
        assert not any(o.output.exists() for o in outcomes[4:])
        assert not list((tmp_path / "out").glob(".*.part"))  # no half-written file left
        assert BATCH.label not in {t.label for t in Pkcs11Module(hsm.module).tokens()}  # removal seen
    finally:
        if parked.exists():
            shutil.move(parked, token_dir)  # plug it back in

    rest = not_done(outcomes)
    assert rest == batch[4:]
    resumed = signer.sign_batch(rest, SPEC, pin=BATCH.pin)  # rescans, finds the token again
    assert all(o.done for o in resumed)
    assert all(verify_pdf(job.output, [hsm.trust_root])[0].ok for job in batch)


def test_damaged_and_encrypted_files_are_skipped_with_clear_errors(hsm, tmp_path):
    batch = jobs(tmp_path, 3)
    cut = batch[1].source.read_bytes()
    batch[1].source.write_bytes(cut[: len(cut) // 3])  # a transfer cut short
    encrypted_copy(make_pdf(tmp_path / "plain.pdf"), batch[2].source)

    outcomes = TokenSigner(hsm.module, "b1").sign_batch(batch, SPEC, pin=BATCH.pin)

    assert [o.done for o in outcomes] == [True, False, False]
    assert [o.error for o in outcomes[1:]] == ["pdf_damaged", "pdf_encrypted"]
    assert "password-protected" in outcomes[2].message
    assert not batch[1].output.exists() and not batch[2].output.exists()


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n garbage", b"not a pdf at all"], ids=["empty", "garbage", "text"])
def test_unreadable_pdfs_are_damaged(data):
    with pytest.raises(PdfDamaged):
        open_pdf(data, "x.pdf")


def test_encrypted_pdf_is_refused(tmp_path):
    locked = encrypted_copy(make_pdf(tmp_path / "a.pdf"), tmp_path / "b.pdf")
    with pytest.raises(PdfEncrypted):
        open_pdf(locked.read_bytes(), "b.pdf")
