"""Signing time on SoftHSM2: one receipt via our adapter vs pyHanko used directly, and a batch.

Both paths do the same work per receipt: open a session and log in, sign Mẫu 01 with
the same visible Vietnamese stamp (PAdES B-B, RSA-2048), write the file. The adapter
adds its checks (key by ID, certificate validity and usage, PIN flags, PDF checks,
atomic write). Goal: ratio ≤ 1.2×.

Run: .venv/bin/python bench/bench_signing.py   (prints figures, asserts nothing)
"""
from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_forms import RECEIPT  # noqa: E402
from counter_app.forms import render_form  # noqa: E402
from counter_app.ports import SignatureSpec, SignJob  # noqa: E402
from devices.signing import stamp  # noqa: E402
from devices.signing.pkcs11_signer import TokenSigner  # noqa: E402
from tests.softhsm import OFFICER, environment  # noqa: E402

RUNS = 30
BATCH = 100
SPEC = SignatureSpec(role="Công chức Bộ phận Một cửa", agency="UBND xã Gia Viễn", box=(330, 40, 560, 112))


def direct(module: str, source: Path, output: Path) -> None:
    """pyHanko alone, as its documentation shows it."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    session = open_pkcs11_session(module, token_criteria=TokenCriteria(label=OFFICER.label), user_pin=OFFICER.pin)
    try:
        signer = PKCS11Signer(session, key_id=b"\x01", cert_id=b"\x01")
        lines, params = stamp.stamp_params(SPEC, "Nguyễn Thị Hồng Nhung")
        meta = signers.PdfSignatureMetadata(field_name="Sig", subfilter=fields.SigSeedSubFilter.PADES,
                                            md_algorithm="sha256")
        pdf_signer = signers.PdfSigner(meta, signer, stamp_style=stamp.stamp_style(lines),
                                       new_field_spec=fields.SigFieldSpec("Sig", on_page=-1, box=(330, 40, 560, 112)))
        writer = IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()), strict=False)
        with output.open("wb") as out:
            pdf_signer.sign_pdf(writer, output=out, appearance_text_params=params)
    finally:
        session.close()


def main() -> None:
    hsm = environment()
    adapter = TokenSigner(hsm.module, "01")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        receipt = tmp / "01.pdf"
        receipt.write_bytes(render_form("01", RECEIPT))
        ours, theirs = [], []
        adapter.sign_batch([SignJob(receipt, tmp / "warm.pdf")], SPEC, pin=OFFICER.pin)  # warm-up
        direct(hsm.module, receipt, tmp / "warm2.pdf")
        for n in range(RUNS):  # interleaved, so drift hits both alike
            start = time.perf_counter()
            adapter.sign_batch([SignJob(receipt, tmp / f"a{n}.pdf")], SPEC, pin=OFFICER.pin)
            ours.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            direct(hsm.module, receipt, tmp / f"d{n}.pdf")
            theirs.append((time.perf_counter() - start) * 1000)
        a, d = statistics.median(ours), statistics.median(theirs)
        print(f"sign one receipt, adapter      median {a:7.1f} ms   (n={RUNS})")
        print(f"sign one receipt, pyHanko only median {d:7.1f} ms   (n={RUNS})")
        print(f"ratio adapter / pyHanko        {a / d:7.2f}×   (goal ≤ 1.2×)")

        jobs = [SignJob(receipt, tmp / "batch" / f"{n:03}.pdf") for n in range(BATCH)]
        start = time.perf_counter()
        outcomes = adapter.sign_batch(jobs, SPEC, pin=OFFICER.pin)
        elapsed = time.perf_counter() - start
        done = sum(o.done for o in outcomes)
        print(f"batch of {BATCH} receipts, one PIN   {elapsed:7.1f} s    {done / elapsed * 60:7.0f} documents/minute "
              f"({done} signed)")


if __name__ == "__main__":
    main()
