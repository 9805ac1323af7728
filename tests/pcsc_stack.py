"""A private pcscd with the vpcd virtual reader, for the chip tests (real PC/SC, no mocks).

pcscd keeps its socket and pid file under /run/pcscd and refuses to start when another
one runs, and vpcd listens on a fixed port from reader.conf. So each test process runs
its own pcscd in a private mount namespace (``unshare --mount``, /run bound to a temp
dir), with its own reader.conf whose vpcd port is a free one; this process's pyscard
reaches it through ``PCSCLITE_CSOCK_NAME`` (read once per process by libpcsclite, hence
one stack per process, stopped at exit). Engineers' concurrent runs never collide.
Needs root (mount namespace). CHIP_PCSCD_DEBUG=1 runs pcscd with --debug and keeps its
log in the temp dir.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"
READY_TIMEOUT = 20.0
_stack: "PcscStack | None" = None


def _free_port_pair() -> int:
    """A port P with P and P+1 free (vpcd opens one slot per port from P)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("0.0.0.0", 0))
            port = probe.getsockname()[1]
        if port >= 65535:
            continue
        with contextlib.suppress(OSError), socket.socket() as a, socket.socket() as b:
            a.bind(("0.0.0.0", port))
            b.bind(("0.0.0.0", port + 1))
            return port
    raise RuntimeError("no free port pair for vpcd")


class PcscStack:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="chip-pcscd-"))
        self.port = _free_port_pair()
        self.socket_path = self.dir / "run" / "pcscd" / "pcscd.comm"
        self.process: subprocess.Popen | None = None
        self._inserted_events = -1

    def start(self) -> "PcscStack":
        conf, run = self.dir / "reader.conf.d", self.dir / "run"
        conf.mkdir()
        run.mkdir()
        (conf / "vpcd").write_text(f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:{self.port}\n'
                                   f"LIBPATH {VPCD_DRIVER}\nCHANNELID {self.port}\n")
        os.environ["PCSCLITE_CSOCK_NAME"] = str(self.socket_path)
        debug = " --debug" if os.environ.get("CHIP_PCSCD_DEBUG") else ""
        command = f"mount --bind {run} /run && exec pcscd --foreground{debug} -c {conf}"
        self.log = open(self.dir / "pcscd.log", "wb")
        # pdeathsig: if this test process dies hard, pcscd goes with it (no orphan daemon).
        self.process = subprocess.Popen(["setpriv", "--pdeathsig", "SIGTERM", "--", "unshare", "--mount",
                                         "sh", "-c", command], stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pcscd exited: {(self.dir / 'pcscd.log').read_text(errors='replace')}")
            if any(name.startswith("Virtual PCD") for name in self.reader_names()):
                return self
            time.sleep(0.2)
        raise RuntimeError("pcscd did not list the Virtual PCD reader in time")

    def reader_names(self) -> list[str]:
        from smartcard.Exceptions import SmartcardException
        from smartcard.pcsc.PCSCExceptions import BaseSCardException
        from smartcard.System import readers

        if not self.socket_path.exists():
            return []
        try:
            return [str(r) for r in readers()]
        except (BaseSCardException, SmartcardException):
            return []

    @property
    def reader(self) -> str:
        return "Virtual PCD 00 00"

    def card_present(self) -> bool:
        from smartcard.Exceptions import CardConnectionException, NoCardException
        from smartcard.System import readers

        from devices.idcard.pcsc_reader import close_connection

        reader = next(r for r in readers() if str(r) == self.reader)
        connection = reader.createConnection()
        try:
            connection.connect()
            return True
        except (NoCardException, CardConnectionException) as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            return False
        finally:
            close_connection(connection)

    def event_count(self) -> int:
        """pcscd's insert/remove counter for the reader (high word of the event state)."""
        from smartcard import scard

        _, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        try:
            _, states = scard.SCardGetStatusChange(context, 0, [(self.reader, scard.SCARD_STATE_UNAWARE)])
            return states[0][1] >> 16
        finally:
            scard.SCardReleaseContext(context)

    def wait_card(self, present: bool, timeout: float = 15.0) -> None:
        """Wait until pcscd's poller itself saw the change: after a card is pulled mid-command
        SCardConnect already fails, but a card put back before the poller noticed the gap
        would never be reported as inserted."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.card_present() == present and (present or self.event_count() != self._inserted_events):
                if present:
                    self._inserted_events = self.event_count()
                return
            time.sleep(0.1)
        raise TimeoutError(f"the virtual reader did not see the card {'inserted' if present else 'removed'} "
                           f"(last: {getattr(self, 'last_error', '')})")

    @contextlib.contextmanager
    def inserted(self, card, *, remove_after: int | None = None):
        """The emulated chip on the virtual reader for the duration of the block."""
        from devices.idcard.emulator import VirtualCard

        virtual = VirtualCard(card, port=self.port, remove_after=remove_after).start()
        try:
            self.wait_card(True)
            if remove_after is not None:
                virtual.apdus = 0  # the presence check's power-up sent no APDU, but be exact
            yield virtual
        finally:
            virtual.stop()
            self.wait_card(False)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.log.close()
        if not os.environ.get("CHIP_PCSCD_DEBUG"):  # keep the log to read
            shutil.rmtree(self.dir, ignore_errors=True)


def pcsc_stack() -> PcscStack:
    """The process's private pcscd + vpcd, started on first use and stopped at exit."""
    global _stack
    if _stack is None:
        _stack = PcscStack().start()
        atexit.register(_stack.stop)
    return _stack
