"""Reading the CCCD chip through the real PC/SC stack: pcscd + vpcd + the emulated eMRTD card."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from counter_app import cli
from counter_app.errors import (
    ChipAccessDenied,
    ChipCardAbsent,
    ChipCardRemoved,
    ChipReaderNotFound,
)
from counter_app.idcard.mrz import BacKey
from counter_app.idcard.sod import Chain
from devices.capture_cli import capture_commands
from devices.idcard.demo_card import DEMO_KEY, make_test_card
from devices.idcard.pcsc_reader import PcscChipReader
from tests.pcsc_stack import pcsc_stack


@pytest.fixture(scope="module")
def card():
    return make_test_card()


@pytest.fixture()
def stack():
    return pcsc_stack()


def test_right_key_reads_every_group_and_passive_authentication_passes(stack, card):
    with stack.inserted(card):
        assert stack.reader in PcscChipReader().readers()
        record = PcscChipReader(stack.reader, csca=[card.csca]).read(BacKey.from_input(*DEMO_KEY))
    assert record.raw[0][0] == 0x60 and record.raw[1] == card.groups[1] and record.raw[2] == card.groups[2] and record.raw[13] == card.groups[13]
    pa = record.authentication
    assert pa.ok and pa.hashes_ok and pa.signature_ok and pa.chain is Chain.VALID
    assert record.personal.full_name == "Nguyễn Văn An" and record.personal.mother == "Trần Thị Cúc"
    assert record.face.mime == "image/jpeg" and record.face.data.startswith(b"\xff\xd8\xff")
    assert record.to_applicant().id_number == "001099012345"


def test_wrong_key_is_refused_with_a_typed_error_and_the_card_still_opens_after(stack, card):
    with stack.inserted(card):
        reader = PcscChipReader(stack.reader)
        with pytest.raises(ChipAccessDenied) as refused:
            reader.read(BacKey.from_input("001099012345", "990101", "250101"))
        assert refused.value.details["sw"] == "6982"
        assert reader.read(BacKey.from_input(*DEMO_KEY)).authentication.ok


def test_card_removed_mid_read_is_a_typed_error(stack, card):
    # SELECT, GET CHALLENGE and MUTUAL AUTHENTICATE, then SELECT + READ BINARY per file under SM:
    # after 15 commands EF.COM, DG1 and DG13 are read and the card leaves while DG2 is being read.
    with stack.inserted(card, remove_after=15) as virtual:
        with pytest.raises(ChipCardRemoved):
            PcscChipReader(stack.reader).read(BacKey.from_input(*DEMO_KEY))
        assert virtual.apdus == 16  # it really was cut short mid-read, not refused at the start


def test_no_card_and_unknown_reader(stack):
    stack.wait_card(False)
    with pytest.raises(ChipCardAbsent):
        PcscChipReader().read(BacKey.from_input(*DEMO_KEY))
    with pytest.raises(ChipReaderNotFound) as missing:
        PcscChipReader("ACS ACR1252").read(BacKey.from_input(*DEMO_KEY))
    assert stack.reader in missing.value.details["readers"]


def run(argv, capsys):
    code = cli.main(argv, extra=capture_commands())
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_read_chip_json_face_out_and_refusals(stack, card, tmp_path, capsys):
    doc, birth, expiry = DEMO_KEY
    face = tmp_path / "face.jpg"
    with stack.inserted(card):
        code, out, _ = run(["id", "read-chip", "--doc-number", doc, "--birth", birth, "--expiry", expiry,
                            "--reader", stack.reader, "--json", "--face-out", str(face)], capsys)
        assert code == 0
        data = json.loads(out)
        assert data["card"]["full_name"] == "Nguyễn Văn An" and data["card"]["birth_date"] == "1999-01-01"
        assert data["personal"]["ethnicity"] == "Kinh" and data["mrz"]["document_number"] == "099012345"
        assert data["passive_authentication"]["ok"] is True
        assert data["passive_authentication"]["chain"] == "not_checked"
        assert face.read_bytes() == make_face_bytes(card)
        code, out, err = run(["id", "read-chip", "--doc-number", doc, "--birth", "990102", "--expiry", expiry,
                              "--json"], capsys)
        assert code == 1 and json.loads(err)["error"] == "chip_access_denied" and out == ""
        code, out, _ = run(["id", "read-chip", "--doc-number", doc, "--birth", birth, "--expiry", expiry], capsys)
        assert code == 0 and "001099012345 Nguyễn Văn An" in out and "match the signed SOD" in out
        csca, junk = tmp_path / "csca.pem", tmp_path / "junk.pem"
        csca.write_bytes(card.csca.public_bytes(serialization.Encoding.PEM))
        junk.write_text("not a certificate")
        code, out, _ = run(["id", "read-chip", "--doc-number", doc, "--birth", birth, "--expiry", expiry,
                            "--csca", str(csca), "--json"], capsys)
        assert code == 0 and json.loads(out)["passive_authentication"]["chain"] == "valid"
        code, _, err = run(["id", "read-chip", "--doc-number", doc, "--birth", birth, "--expiry", expiry,
                            "--csca", str(junk), "--json"], capsys)
        assert code == 1 and json.loads(err)["error"] == "invalid_input"
    code, _, err = run(["id", "read-chip", "--doc-number", doc, "--birth", birth, "--expiry", expiry], capsys)
    assert code == 1 and "no card" in err
    code, _, err = run(["id", "read-chip", "--doc-number", doc, "--birth", birth], capsys)
    assert code == 1 and "--expiry" in err


def make_face_bytes(card) -> bytes:
    from counter_app.idcard.dg2 import extract_face

    return extract_face(card.groups[2]).data


def test_cli_simulated_reader_and_bad_dates(capsys):
    doc, birth, expiry = DEMO_KEY
    code, out, _ = run(["id", "read-chip", "--reader", "simulated", "--doc-number", doc, "--birth", birth,
                        "--expiry", expiry, "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["card"]["id_number"] == doc and data["passive_authentication"]["chain"] == "valid"
    assert data["face"]["mime"] == "image/jpeg"
    code, _, err = run(["id", "read-chip", "--reader", "simulated", "--doc-number", doc, "--birth", "990231",
                        "--expiry", expiry], capsys)
    assert code == 1 and "990231" in err
    code, _, err = run(["id", "decode"], capsys)  # the QR action still wants its images
    assert code == 1 and "image" in err


def test_cli_without_the_smart_card_service_says_no_reader(tmp_path):
    # A fresh process: libpcsclite reads the socket path once per process.
    env = {**os.environ, "PCSCLITE_CSOCK_NAME": str(tmp_path / "no-pcscd.comm")}
    doc, birth, expiry = DEMO_KEY
    done = subprocess.run([str(Path(sys.executable).with_name("counter-app")), "id", "read-chip", "--doc-number",
                           doc, "--birth", birth, "--expiry", expiry, "--json"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and json.loads(done.stderr)["error"] == "chip_reader_not_found"
    assert done.stdout == ""


def test_virtual_card_command_plugs_the_demo_card_into_vpcd():
    stack = pcsc_stack()
    stack.wait_card(False)
    command = [str(Path(sys.executable).with_name("counter-app")), "id", "virtual-card", "--port", str(stack.port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "--birth 990101 --expiry 240101" in process.stdout.readline()
        stack.wait_card(True)
        record = PcscChipReader(stack.reader).read(BacKey.from_input(*DEMO_KEY))
        assert record.authentication.ok and record.to_cccd().full_name == "Nguyễn Văn An"
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C takes the card out
        assert process.wait(timeout=30) == 0
        process.stdout.close()
        process.stderr.close()
    stack.wait_card(False)
