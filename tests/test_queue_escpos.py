"""ESC/POS printing over real links: a TCP listener on 127.0.0.1 and a serial pseudo-terminal.

What reaches the "printer" is decoded back into the picture it would print, and the QR
on it is read with zxing-cpp.
"""
from __future__ import annotations

import os
import socket
import threading

import pytest
import zxingcpp
from PIL import Image, ImageChops

from counter_app.errors import DeviceError, PaperOut, PrinterCoverOpen, PrinterOffline
from counter_app.ports import DeviceState
from devices.printers import escpos_status
from devices.printers.escpos_decode import commands, native_qr_data, printed_image
from devices.printers.escpos_emulator import PrinterLink, PrinterState, TcpPrinterEmulator
from devices.printers.escpos_printer import NetworkPrinter, SerialPrinter, SpoolerPrinter, UsbPrinter
from devices.printers.ticket_image import render_ticket
from devices.printers.ticket_job import TicketSender
from tests.queue_support import clock, queue_ws  # noqa: F401 (fixtures)


@pytest.fixture
def core(queue_ws):
    return queue_ws


def qr_texts(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("width", [576, 384])
def test_ticket_over_tcp_prints_the_rendered_image_with_a_readable_qr(core, width):
    with TcpPrinterEmulator() as printer_host:
        printer = NetworkPrinter("127.0.0.1", printer_host.port, width_dots=width)
        ticket, error = core.queue.issue_and_print("HT", TicketSender(printer), priority="elderly")
        job = printer_host.wait_for_jobs(1)[0]
    assert error is None and core.queue.ticket(ticket.id).printed
    kinds = [c.kind for c in commands(job.data)]
    assert kinds[:3] == ["status_query"] * 3 and "init" in kinds and kinds[-1] == "cut"
    picture = printed_image(job.data)
    assert picture.width == width
    black = picture.histogram()[0] / (picture.width * picture.height)
    assert 0.03 < black < 0.5  # ink, but not a black slab
    payload = core.queue.ticket_print(ticket.id)
    assert qr_texts(picture) == [payload.lookup_text]
    expected = render_ticket(payload, width)
    # Byte-for-byte the picture the renderer drew (strips of a tall image re-joined).
    assert picture.size == expected.size
    assert ImageChops.difference(picture.convert("L"), expected.convert("L")).getbbox() is None


def test_unreachable_printer_keeps_the_ticket_for_a_reprint(core):
    dead = NetworkPrinter("127.0.0.1", free_port(), timeout=1.0)
    assert dead.status().state is DeviceState.OFFLINE
    ticket, error = core.queue.issue_and_print("DD", TicketSender(dead))
    assert isinstance(error, PrinterOffline) and "tcp://127.0.0.1" in error.message
    stored = core.queue.ticket(ticket.id)
    assert (stored.number, stored.state, stored.printed, stored.print_error) == \
           ("B001", "waiting", False, "printer_offline")
    with TcpPrinterEmulator() as printer_host:
        again = core.queue.print_ticket("B001", TicketSender(NetworkPrinter("127.0.0.1", printer_host.port)))
        job = printer_host.wait_for_jobs(1)[0]
    assert again is None
    assert core.queue.ticket(ticket.id).printed and core.queue.ticket(ticket.id).print_error == ""
    assert qr_texts(printed_image(job.data)) == [core.queue.ticket_print(ticket.id).lookup_text]


def test_paper_out_reply_stops_the_job_before_any_ink(core):
    with TcpPrinterEmulator(paper="out") as printer_host:
        printer = NetworkPrinter("127.0.0.1", printer_host.port)
        status = printer.status()
        ticket, error = core.queue.issue_and_print("HT", TicketSender(printer))
        assert printer_host.jobs == []  # only status polls reached it: nothing half-printed
        printer_host.state.paper = "ok"  # the officer loads a roll
        assert core.queue.print_ticket(ticket.id, TicketSender(printer)) is None
        assert len(printer_host.wait_for_jobs(1)) == 1
    assert status.state is DeviceState.PAPER_OUT
    assert isinstance(error, PaperOut) and error.code == "paper_out"
    assert core.queue.ticket(ticket.id).printed


def test_cover_open_and_paper_low(core):
    with TcpPrinterEmulator(cover_open=True) as printer_host:
        printer = NetworkPrinter("127.0.0.1", printer_host.port)
        assert printer.status().state is DeviceState.COVER_OPEN
        _ticket, error = core.queue.issue_and_print("HT", TicketSender(printer))
        assert isinstance(error, PrinterCoverOpen) and isinstance(error, PrinterOffline)
        printer_host.state.cover_open, printer_host.state.paper = False, "near_end"
        status = printer.status()
        assert status.ready and status.detail == "paper is running low"
        assert core.queue.issue_and_print("HT", TicketSender(printer))[1] is None  # low paper still prints


def test_a_printer_that_never_answers_status_still_prints(core):
    with TcpPrinterEmulator(answers_status=False) as printer_host:
        printer = NetworkPrinter("127.0.0.1", printer_host.port, status_timeout=0.2)
        assert printer.status().state is DeviceState.UNKNOWN
        _ticket, error = core.queue.issue_and_print("CT", TicketSender(printer))
        job = printer_host.wait_for_jobs(1)[0]
    assert error is None and printed_image(job.data).width == 576


def test_printer_closing_the_connection_mid_job_is_offline(core):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()

        def hang_up():
            connection, _ = server.accept()
            connection.close()

        thread = threading.Thread(target=hang_up)
        thread.start()
        printer = NetworkPrinter("127.0.0.1", server.getsockname()[1], status_timeout=0.5)
        ticket, error = core.queue.issue_and_print("HT", TicketSender(printer))
        thread.join(timeout=5)
    assert isinstance(error, PrinterOffline)
    assert core.queue.ticket(ticket.id).print_error == "printer_offline"


def test_native_qr_is_drawn_by_the_printer(core):
    with TcpPrinterEmulator() as printer_host:
        printer = NetworkPrinter("127.0.0.1", printer_host.port, native_qr=True)
        ticket, _error = core.queue.issue_and_print("HT", TicketSender(printer))
        job = printer_host.wait_for_jobs(1)[0]
    text = core.queue.ticket_print(ticket.id).lookup_text
    assert native_qr_data(job.data) == [text.encode()]
    assert qr_texts(printed_image(job.data)) == []  # the raster carries only the text


def _serve_pty(master: int, link: PrinterLink, stop: threading.Event) -> None:
    import select

    while not stop.is_set():
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            reply = link.feed(data)
            if reply:
                os.write(master, reply)


@pytest.mark.parametrize("paper", ["ok", "out"])
def test_serial_printer_over_a_pseudo_terminal(core, paper):
    import tty

    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)  # a printer port carries bytes, not terminal lines
    link, stop = PrinterLink(PrinterState(paper=paper)), threading.Event()
    thread = threading.Thread(target=_serve_pty, args=(master, link, stop), daemon=True)
    thread.start()
    try:
        printer = SerialPrinter(os.ttyname(slave), 115200, dsrdtr=False, width_dots=384)
        ticket, error = core.queue.issue_and_print("HT", TicketSender(printer))
        if paper == "out":
            assert isinstance(error, PaperOut)
            assert printed_image(bytes(link.buffer)) is None
        else:
            assert error is None
            for _ in range(200):  # the pty hands bytes over asynchronously
                if _ends_with_cut(bytes(link.buffer)):
                    break
                stop.wait(0.05)
            picture = printed_image(bytes(link.buffer))
            assert picture.width == 384
            assert qr_texts(picture) == [core.queue.ticket_print(ticket.id).lookup_text]
    finally:
        stop.set()
        thread.join(timeout=5)
        os.close(slave)
        os.close(master)


def _ends_with_cut(data: bytes) -> bool:
    """True once the whole job has arrived; a job still arriving may end mid-command."""
    try:
        parsed = commands(data)
    except ValueError:
        return False
    return bool(parsed) and parsed[-1].kind == "cut"


def test_usb_printer_not_plugged_in_is_offline(core):
    printer = UsbPrinter("0xffff", "0xfffe")
    assert printer.status().state is DeviceState.OFFLINE
    ticket, error = core.queue.issue_and_print("HT", TicketSender(printer))
    assert isinstance(error, PrinterOffline) and "usb://ffff:fffe" in error.message
    assert core.queue.ticket(ticket.id).state == "waiting"


def test_windows_spooler_adapter_says_where_it_works(core):
    printer = SpoolerPrinter("EPSON TM-T20II")
    assert printer.status().state is DeviceState.OFFLINE
    _ticket, error = core.queue.issue_and_print("HT", TicketSender(printer))
    assert isinstance(error, DeviceError) and "Windows" in error.message
    assert escpos_status.spooler_status(0x10).state is DeviceState.PAPER_OUT
    assert escpos_status.spooler_status(0x400000).state is DeviceState.COVER_OPEN
    assert escpos_status.spooler_status(0x80).state is DeviceState.OFFLINE
    assert escpos_status.spooler_status(0).ready


def test_status_bytes_follow_the_escpos_reference():
    parse = escpos_status.parse_status
    assert parse({1: 0x12, 2: 0x12, 4: 0x12}).ready
    assert parse({1: 0x1A, 2: 0x32, 4: 0x7E}).state is DeviceState.PAPER_OUT
    assert parse({1: 0x1A, 2: 0x16, 4: 0x12}).state is DeviceState.COVER_OPEN
    assert parse({1: 0x1A, 2: 0x52, 4: 0x12}).state is DeviceState.OFFLINE  # error, no paper problem
    assert parse({1: 0x12, 2: 0x12, 4: 0x1E}).detail == "paper is running low"
    assert parse({1: 0x41}).state is DeviceState.UNKNOWN  # not a status byte (fixed bits wrong)
    assert parse({1: None}).state is DeviceState.UNKNOWN
    for paper in ("ok", "near_end", "out"):
        for cover in (False, True):
            replies = {n: escpos_status.status_reply(n, paper=paper, cover_open=cover)[0] for n in (1, 2, 4)}
            want = DeviceState.COVER_OPEN if cover else DeviceState.PAPER_OUT if paper == "out" else DeviceState.READY
            assert parse(replies).state is want
