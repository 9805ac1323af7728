"""Property-based fuzzing of ESC/POS status replies: whatever a "printer" answers to DLE EOT,
the adapter gives a status or a typed printer error (and never prints into a known fault).

A real TCP listener on 127.0.0.1 plays the printer: it answers each status query with
the next hypothesis-generated reply (any bytes, several at once, or hanging up).
"""
from __future__ import annotations

import io
import socket
import socketserver
import threading

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image

from counter_app.errors import DeviceError, PaperOut, PrinterCoverOpen, PrinterOffline
from counter_app.ports import DeviceState, DeviceStatus
from devices.printers import escpos_status
from devices.printers.escpos_decode import commands
from devices.printers.escpos_emulator import PrinterLink, PrinterState
from devices.printers.escpos_printer import NetworkPrinter

FUZZ = settings(max_examples=200, deadline=None, database=None, derandomize=True)
CLOSE = None  # in a script: hang up instead of answering
TYPED = (PaperOut, PrinterCoverOpen, PrinterOffline)


class _ScriptedHandler(socketserver.BaseRequestHandler):
    """Answers the n-th DLE EOT query with script[n]; hangs up at CLOSE or when the script ends."""

    def handle(self) -> None:
        script = list(self.server.script)  # type: ignore[attr-defined]
        self.request.settimeout(5)
        received = b""
        try:
            while chunk := self.request.recv(65536):
                received += chunk
                while escpos_status.DLE_EOT in received:
                    received = received.split(escpos_status.DLE_EOT, 1)[1][1:]
                    if not script or script[0] is CLOSE:
                        return
                    self.request.sendall(script.pop(0))
                    if len(received) > 16:  # past the status check: the job's own bytes
                        received = b""
        except OSError:
            return


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="module")
def fake_printer():
    server = _Server(("127.0.0.1", 0), _ScriptedHandler)
    server.script = []
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="fuzz-printer")
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def printer_at(server, **options) -> NetworkPrinter:
    return NetworkPrinter("127.0.0.1", server.server_address[1], timeout=2.0, status_timeout=0.3, **options)


def ticket_png() -> bytes:
    out = io.BytesIO()
    Image.new("1", (64, 16), 1).save(out, "PNG")
    return out.getvalue()


REPLY = st.one_of(st.binary(min_size=1, max_size=4), st.integers(0, 255).map(lambda n: bytes((n,))), st.just(CLOSE))
SCRIPTS = st.lists(REPLY, max_size=4)


@FUZZ
@given(st.dictionaries(st.sampled_from([1, 2, 3, 4, 5]), st.one_of(st.none(), st.integers(0, 255))))
def test_parse_status_of_any_reply_bytes(replies):
    status = escpos_status.parse_status(replies)
    assert isinstance(status, DeviceStatus) and status.state in DeviceState
    if not any(escpos_status.is_status_byte(v) for v in replies.values()):
        assert status.state is DeviceState.UNKNOWN


@FUZZ
@given(st.sampled_from(["ok", "near_end", "out"]), st.booleans())
def test_replies_a_printer_really_sends_read_back_as_its_state(paper, cover_open):
    replies = {n: escpos_status.status_reply(n, paper=paper, cover_open=cover_open)[0] for n in escpos_status.QUERIES}
    state = escpos_status.parse_status(replies).state
    expected = DeviceState.COVER_OPEN if cover_open else DeviceState.PAPER_OUT if paper == "out" else DeviceState.READY
    assert state is expected


@FUZZ
@given(SCRIPTS)
@example([b"\x16"])  # a fixed-bits-only byte: ready
@example([b"\x1e", b"\x16\x16", CLOSE])
@example([b"\x00\xff\x10\x04"])
@example([CLOSE])
def test_status_over_tcp_is_a_state_never_a_crash(fake_printer, script):
    fake_printer.script = script
    status = printer_at(fake_printer).status()
    assert isinstance(status, DeviceStatus) and status.state in DeviceState


@FUZZ
@given(SCRIPTS)
@example([bytes((escpos_status.status_reply(1, paper="out")[0],)), escpos_status.status_reply(2, paper="out")])
@example([b"\x16", escpos_status.status_reply(2, cover_open=True)])
def test_printing_after_any_status_reply_is_done_or_a_typed_printer_error(fake_printer, script):
    fake_printer.script = script
    printer = printer_at(fake_printer)
    try:
        printer.print_image(ticket_png())
    except TYPED as exc:
        assert isinstance(exc, DeviceError) and exc.message
        return
    # Printed: then the replies the printer gave did not say it cannot print.
    replies = [r for r in script[:3] if r is not CLOSE]
    if len(replies) == 3 and all(len(r) == 1 for r in replies) and CLOSE not in script[:3]:
        status = escpos_status.parse_status(dict(zip(escpos_status.QUERIES, (r[0] for r in replies))))
        assert status.state not in (DeviceState.PAPER_OUT, DeviceState.COVER_OPEN, DeviceState.OFFLINE)


def test_a_printer_that_never_answers_is_unknown_and_prints(fake_printer):
    """A silent back channel (status_timeout) is "unknown", not an error; the ticket still goes."""
    class Silent(socketserver.BaseRequestHandler):
        def handle(self):
            self.request.settimeout(5)
            try:
                while self.request.recv(65536):
                    pass
            except OSError:
                pass

    server = _Server(("127.0.0.1", 0), Silent)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        printer = printer_at(server)
        assert printer.status().state is DeviceState.UNKNOWN
        printer.print_image(ticket_png())
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_a_printer_that_is_not_there_is_offline():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    printer = NetworkPrinter("127.0.0.1", port, timeout=1.0)
    assert printer.status().state is DeviceState.OFFLINE
    with pytest.raises(PrinterOffline):
        printer.print_image(ticket_png())


@FUZZ
@given(st.lists(st.binary(max_size=64), max_size=8), st.sampled_from(["ok", "near_end", "out"]), st.booleans())
def test_emulator_link_takes_any_byte_stream(chunks, paper, answers):
    """The emulator (tests and demo) must not die on a stream cut anywhere or full of junk."""
    link = PrinterLink(PrinterState(paper=paper, answers_status=answers))
    replies = b"".join(link.feed(chunk) for chunk in chunks)
    assert all(escpos_status.is_status_byte(b) for b in replies)
    try:
        found = commands(b"".join(chunks))
    except ValueError:
        return  # the stream ends inside a command: said so, not a crash
    assert b"".join(c.data for c in found) == b"".join(chunks)
