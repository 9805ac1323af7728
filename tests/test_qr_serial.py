"""The serial (USB-CDC) 2D barcode scanner through a real pseudo-terminal: the test writes into
the master side what a scanner would send, the reader opens the slave path with pyserial."""
from __future__ import annotations

import os
import queue
import threading

import pytest

from counter_app.errors import QrNotCccd, QrReaderError, QrReaderNotFound, QrUnreadable
from devices.qr.serial_reader import MAX_LINE, SerialQrListener, SerialQrReader, reader_from_settings
from devices.qr.simulated import TEST_CARD

CARD = TEST_CARD.encode("utf-8")
OTHER = "079203001122||Trần Thị Bình|02032003|Nữ|Thôn 2, Xã Tân Lập, Phú Thọ|01022022".encode("utf-8")


class Pty:
    """A pseudo-terminal pair; ``link`` (a symlink to the slave) plays a stable port name."""

    def __init__(self, link=None):
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        os.close(slave)  # the reader opens it by path, as it would /dev/ttyACM0
        if link is not None:
            if link.is_symlink():
                link.unlink()
            link.symlink_to(self.path)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        if self.master is not None:
            os.close(self.master)
            self.master = None


@pytest.fixture
def pty():
    pair = Pty()
    yield pair
    pair.unplug()


@pytest.fixture
def reader(pty):
    scanner = SerialQrReader(pty.path, 115200, read_timeout=0.05, reconnect_delay=0.05)
    scanner.open()
    yield scanner
    scanner.close()


def test_a_card_scanned_in_pieces_is_read_once_whole(pty, reader):
    pty.send(CARD[:40])
    assert reader.read_line(timeout=0.2) is None  # half a code is not a scan
    pty.send(CARD[40:] + b"\r\n")
    card = reader.read_card(timeout=5)
    assert card.full_name == "Nguyễn Văn An" and card.id_number == "001099012345" and not card.warnings
    # CR alone, LF alone, an AIM prefix, two codes in one burst.
    pty.send(b"]Q1" + OTHER + b"\r" + CARD + b"\n")
    assert reader.read_card(timeout=5).full_name == "Trần Thị Bình"
    assert reader.read_card(timeout=5).full_name == "Nguyễn Văn An"


def test_latin1_mis_decoded_text_is_repaired(pty, reader):
    # What a reader set to a Western code page sends: each UTF-8 byte as a cp1252 character
    # (bytes cp1252 leaves undefined pass as Latin-1), re-encoded as UTF-8 on the wire.
    wrong = "".join(_cp1252(byte) for byte in TEST_CARD.encode("utf-8"))
    mojibake = wrong.encode("utf-8")
    pty.send(mojibake + b"\n")
    card = reader.read_card(timeout=5)
    assert card.full_name == "Nguyễn Văn An" and "text_repaired" in card.warnings


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def test_garbage_and_overlong_lines_are_typed_errors_and_the_next_card_still_reads(pty, reader):
    pty.send(b"\xff\xfe\x01\x02 not a card\r\n")
    with pytest.raises((QrUnreadable, QrNotCccd)):
        reader.read_card(timeout=5)
    pty.send(b"https://example.invalid/qr?id=42\n")
    with pytest.raises(QrNotCccd):
        reader.read_card(timeout=5)
    pty.send(b"A" * (MAX_LINE + 100))
    with pytest.raises(QrUnreadable, match="too long"):
        reader.read_line(timeout=5)
    pty.send(b"B" * 50 + b"\n" + CARD + b"\n")  # the rest of the long line is dropped with it
    assert reader.read_card(timeout=5).id_number == "001099012345"


def test_port_closing_mid_line_drops_the_partial_code(pty, reader):
    pty.send(CARD[:30])
    assert reader.read_line(timeout=0.2) is None
    pty.unplug()
    with pytest.raises(QrReaderError) as caught:
        reader.read_line(timeout=5)
    assert caught.value.details["dropped"] == 30 and not reader.is_open


def test_missing_port_is_not_found(tmp_path):
    with pytest.raises(QrReaderNotFound):
        SerialQrReader(str(tmp_path / "ttyACM9")).open()
    with pytest.raises(QrReaderNotFound):
        SerialQrReader("")


def test_listen_reconnects_when_the_scanner_is_plugged_in_again(tmp_path):
    link = tmp_path / "ttyACM0"
    first = Pty(link)
    cards, errors, connected = queue.Queue(), queue.Queue(), queue.Queue()
    scanner = SerialQrReader(str(link), 9600, read_timeout=0.05, reconnect_delay=0.05)
    listener = SerialQrListener(scanner, cards.put, errors.put, lambda: connected.put(True)).start()
    second = None
    try:
        assert connected.get(timeout=10)
        first.send(CARD + b"\r\n")
        assert cards.get(timeout=10).full_name == "Nguyễn Văn An"
        first.send(b"not a card\n")
        assert isinstance(errors.get(timeout=10), QrNotCccd)
        first.send(OTHER[:20])
        first.unplug()  # pulled out mid-scan
        assert isinstance(errors.get(timeout=10), QrReaderError)
        second = Pty(link)  # plugged in again: same port name, new device
        assert connected.get(timeout=10)
        second.send(OTHER + b"\n")
        card = cards.get(timeout=10)
        assert card.full_name == "Trần Thị Bình" and card.old_id == ""
    finally:
        stopped = listener.stop(timeout=10)
        first.unplug()
        if second is not None:
            second.unplug()
    assert stopped and not scanner.is_open


def test_reader_from_settings(core, tmp_path):
    devices = core.settings().devices
    assert reader_from_settings(devices) is None  # no port set: keyboard-wedge scanners need none
    devices.qr_serial_port, devices.qr_serial_baudrate = str(tmp_path / "ttyACM0"), 115200
    reader = reader_from_settings(devices)
    assert (reader.port, reader.baudrate) == (str(tmp_path / "ttyACM0"), 115200)
    errors = queue.Queue()
    listener = SerialQrListener(reader, lambda card: None, errors.put).start()
    try:
        assert isinstance(errors.get(timeout=10), QrReaderNotFound)  # said once, retried quietly
    finally:
        assert listener.stop(timeout=10)


def test_cli_waits_for_one_card_from_the_serial_scanner(pty, tmp_path, capsys):
    import json

    from counter_app import cli
    from devices.capture_cli import capture_commands

    result = {}
    argv = ["id", "read-serial", "--serial", pty.path, "--baud", "115200", "--wait", "20", "--json",
            "--workspace", str(tmp_path / "none")]
    worker = threading.Thread(target=lambda: result.update(code=cli.main(argv, extra=capture_commands())))
    worker.start()
    # The CLI opens the port when it is ready (pyserial empties the input then): the scanner
    # user scans again until it answers, as at a real counter.
    for _ in range(200):
        pty.send(CARD + b"\r\n")
        worker.join(timeout=0.1)
        if not worker.is_alive():
            break
    worker.join(timeout=20)
    out = capsys.readouterr()
    assert result["code"] == 0, out.err
    data = json.loads(out.out)
    assert data["card"]["full_name"] == "Nguyễn Văn An" and data["port"] == pty.path
    code = cli.main(["id", "read-serial", "--serial", pty.path, "--wait", "0.2", "--json"], extra=capture_commands())
    assert code == 1 and json.loads(capsys.readouterr().err)["error"] == "qr_unreadable"
    code = cli.main(["id", "read-serial", "--serial", str(tmp_path / "ttyUSB9"), "--json"], extra=capture_commands())
    assert code == 1 and json.loads(capsys.readouterr().err)["error"] == "qr_reader_not_found"


def test_a_card_scanned_on_the_serial_port_fills_the_open_intake_screen(core, pty, qtbot):
    from composition_root import serial_qr_scanner
    from tests.test_ui_intake_id import form, open_window, to_applicant
    from ui.serial_qr_bridge import attach_serial_qr

    settings = core.settings()
    settings.devices.qr_serial_port = pty.path
    core.save_settings(settings)
    window = open_window(core, qtbot)
    wizard, page = to_applicant(window, qtbot)
    listener = attach_serial_qr(wizard, serial_qr_scanner(core))
    try:
        # pyserial empties the input when it opens the port: write once the scanner is open.
        qtbot.waitUntil(lambda: listener.reader._serial is not None, timeout=10_000)
        pty.send(b"garbage that is no ID card\r\n")
        qtbot.waitUntil(lambda: wizard.banner.kind == "error", timeout=10_000)
        assert form(page)[0] == ""  # a bad code changes nothing
        pty.send(CARD + b"\r\n")
        qtbot.waitUntil(lambda: page.card_summary.isVisible(), timeout=10_000)
        assert "001099012345" in page.card_summary.text()
    finally:
        assert listener.stop(timeout=10)
