"""An ESC/POS printer on a socket or a serial line, for tests, benchmarks and the demo.

It keeps every job's bytes, answers DLE EOT status queries the way a real printer
does (paper out, near end, cover open) and notes when the last byte of each job
arrived. ``python -m devices.printers.escpos_emulator --port 9100 --out DIR`` runs one
on 127.0.0.1 and saves each ticket it receives as a PNG.
"""
from __future__ import annotations

import socketserver
import threading
import time
from dataclasses import dataclass, field

from devices.printers import escpos_status
from devices.printers.escpos_decode import next_command


@dataclass
class Job:
    data: bytes
    last_byte_at: float  # time.perf_counter() when the last byte arrived


@dataclass
class PrinterState:
    paper: str = "ok"  # "ok" | "near_end" | "out"
    cover_open: bool = False
    answers_status: bool = True


class PrinterLink:
    """One connection's worth of bytes: finds status queries and returns the replies to send."""

    def __init__(self, state: PrinterState):
        self.state, self.buffer, self.pos, self.last_byte_at = state, bytearray(), 0, 0.0
        self.printed = False  # a status poll alone is not a print job

    def feed(self, data: bytes) -> bytes:
        self.last_byte_at = time.perf_counter()
        self.buffer += data
        replies = b""
        while (step := next_command(bytes(self.buffer), self.pos)) is not None:
            command, self.pos = step
            if command.kind != "status_query":
                self.printed = True
            elif self.state.answers_status:
                replies += escpos_status.status_reply(command.data[2], paper=self.state.paper,
                                                      cover_open=self.state.cover_open)
        return replies

    def job(self) -> Job:
        return Job(bytes(self.buffer), self.last_byte_at)


@dataclass
class _Shared:
    state: PrinterState
    jobs: list[Job] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        shared: _Shared = self.server.shared  # type: ignore[attr-defined]
        link = PrinterLink(shared.state)
        while chunk := self.request.recv(65536):
            reply = link.feed(chunk)
            if reply:
                self.request.sendall(reply)
        if link.printed:
            with shared.arrived:
                shared.jobs.append(link.job())
                shared.arrived.notify_all()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class TcpPrinterEmulator:
    """A raw-TCP (port 9100 style) printer on 127.0.0.1; ``port=0`` picks a free port."""

    def __init__(self, port: int = 0, **state):
        self.state = PrinterState(**state)
        self._shared = _Shared(self.state)
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.shared = self._shared  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="escpos-emulator")

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def jobs(self) -> list[Job]:
        with self._shared.arrived:
            return list(self._shared.jobs)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[Job]:
        with self._shared.arrived:
            if not self._shared.arrived.wait_for(lambda: len(self._shared.jobs) >= count, timeout):
                raise TimeoutError(f"expected {count} print jobs, got {len(self._shared.jobs)}")
            return list(self._shared.jobs)

    def __enter__(self) -> TcpPrinterEmulator:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def main() -> None:  # pragma: no cover - a demo helper
    import argparse
    from pathlib import Path

    from devices.printers.escpos_decode import printed_image

    parser = argparse.ArgumentParser(description="ESC/POS printer emulator on 127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG of each job")
    parser.add_argument("--paper", choices=["ok", "near_end", "out"], default="ok")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with TcpPrinterEmulator(args.port, paper=args.paper) as printer:
        print(f"ESC/POS printer listening on 127.0.0.1:{printer.port}; Ctrl+C stops it.")
        saved = 0
        try:
            while True:
                jobs = printer.wait_for_jobs(saved + 1, timeout=3600)
                for job in jobs[saved:]:
                    saved += 1
                    image = printed_image(job.data)
                    if image is not None:
                        image.save(args.out / f"job-{saved:04d}.png")
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
