"""``counter-app scan`` and ``counter-app id decode`` through the real CLI parser."""
from __future__ import annotations

import io
import json

import pypdf
from PIL import Image

from counter_app import cli
from devices.capture_cli import capture_commands
from devices.qr.simulated import TEST_CARD
from devices.qr.synthetic import camera_frame


def run(argv, capsys):
    code = cli.main(argv, extra=capture_commands())
    out = capsys.readouterr()
    return code, out.out, out.err


def test_id_decode_prints_fields_and_fails_on_a_bad_image(tmp_path, capsys):
    good, bad = tmp_path / "card.png", tmp_path / "blank.png"
    camera_frame(TEST_CARD, angle=10, qr_px=220).save(good)
    Image.new("L", (300, 200), 200).save(bad)  # no code in it
    code, out, _ = run(["id", "decode", str(good), "--json"], capsys)
    assert code == 0
    card = json.loads(out)[0]["card"]
    assert card["full_name"] == "Nguyễn Văn An" and card["birth_date"] == "1999-01-01"
    code, out, _ = run(["id", "decode", str(good), str(bad)], capsys)
    assert code == 1 and "001099012345 Nguyễn Văn An" in out and "error" in out


def test_scan_simulated_into_a_dossier_component(core, tmp_path, capsys):
    from datetime import datetime

    from counter_app.dossiers.intake import ApplicantInput, IntakeRequest

    view = core.receive(IntakeRequest(procedure_code="1.001193", received_at=datetime(2026, 11, 25, 9, 0),
                                      applicant=ApplicantInput(name="Nguyễn Văn An")))
    core.workspace.close()
    out_pdf = tmp_path / "tp1.pdf"
    code, out, err = run(["scan", "--workspace", str(core.workspace.root), "--device", "sim:", "--pages", "2",
                          "--out", str(out_pdf), "--dossier", view.code, "--component", "TP1", "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["pages"] == 2 and data["document"]["filename"] == f"TP1_{view.code}_2p.pdf"
    assert len(pypdf.PdfReader(io.BytesIO(out_pdf.read_bytes())).pages) == 2
    code, _, err = run(["scan", "--device", "nope:", "--out", str(out_pdf)], capsys)
    assert code == 1 and "Unknown scanner" in err
