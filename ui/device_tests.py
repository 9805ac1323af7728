"""Running the device tests the composition root hands in (``devices.setup_tools``), off the UI
thread, and saying the outcome in words. Keeps each device's last outcome for the devices dialog.

``tools`` keys: ``adapters`` (AdapterNames), ``printer_status(devices)``, ``print_test(devices,
office_name)``, ``find_scanners()``, ``scan_test(adapter, device)``, ``camera_test(devices)``,
``chip_test(devices)``, ``checks`` (doctor's device checks). A missing key: that test is not offered.
"""
from __future__ import annotations

from typing import Callable

from ui.messages import describe
from ui.qt import QObject, Signal
from ui.workers import TaskRunner

Show = Callable[[str, bool], None]  # (text, ok)


class DeviceTests(QObject):
    outcome = Signal(str, str, bool)  # device, text, ok: after every test

    def __init__(self, tools: dict | None, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.tools, self.runner = dict(tools or {}), runner
        self.last: dict[str, tuple[str, bool]] = {}  # device → (text, ok) of its last test

    def offers(self, name: str) -> bool:
        return self.tools.get(name) is not None

    def _run(self, device: str, work, said: Callable[[object], str], show: Show | None) -> None:
        def report(text: str, ok: bool) -> None:
            self.last[device] = (text, ok)
            self.outcome.emit(device, text, ok)
            if show:
                show(text, ok)

        report(self.tr("Testing…"), True)
        self.runner.submit(work, on_result=lambda value: report(said(value), True),
                           on_error=lambda error: report(describe(error).full(), False), owner=self)

    def print_test(self, devices, office_name: str, show: Show | None = None) -> None:
        def said(where: str) -> str:
            text = self.tr("A test slip was printed: check that its Vietnamese letters are clear.")
            return text + (" " + self.tr("Saved as {path}.").format(path=where) if where else "")
        self._run("printer", lambda: self.tools["print_test"](devices, office_name), said, show)

    def printer_status(self, devices, show: Show | None = None) -> None:
        def said(status) -> str:
            if status.ready:
                return self.tr("Ready.")
            return {"paper_out": self.tr("Out of paper."), "cover_open": self.tr("The cover is open."),
                    "offline": self.tr("Not responding: check its power and cable.")}.get(
                        status.state.value, self.tr("Not ready."))
        self._run("printer", lambda: self.tools["printer_status"](devices), said, show)

    def find_scanners(self, on_found: Callable[[list], None], show: Show | None = None) -> None:
        def said(found: list) -> str:
            on_found(found)
            return self.tr("%n scanner(s) found.", "", len(found)) if found else self.tr(
                "No scanner found: check that it is switched on and connected, then search again.")
        self._run("scanner", self.tools["find_scanners"], said, show)

    def scan_test(self, adapter: str, device: str, show: Show | None = None) -> None:
        def said(pages: list) -> str:
            if not pages:
                return self.tr("The scanner gave no page: put a paper on the glass or in the feeder.")
            return self.tr("The scanner gave a page ({dpi} dpi).").format(dpi=pages[0].dpi)
        self._run("scanner", lambda: self.tools["scan_test"](adapter, device), said, show)

    def camera_test(self, devices, show: Show | None = None) -> None:
        def said(size) -> str:
            return self.tr("The camera gives a picture of {width}×{height}.").format(width=size[0], height=size[1])
        self._run("camera", lambda: self.tools["camera_test"](devices), said, show)

    def token_test(self, devices, show: Show | None = None) -> None:
        def said(tokens: list) -> str:
            if not tokens:
                return self.tr("The library loads, but no token is plugged in: insert the signing token.")
            return self.tr("Token(s) found, with their signing certificates: {tokens}.").format(
                tokens=", ".join(tokens))
        self._run("token", lambda: self.tools["token_test"](devices), said, show)

    def chip_test(self, devices, show: Show | None = None) -> None:
        def said(readers: list) -> str:
            if not readers:
                return self.tr("No card reader found: plug it in and try again.")
            return self.tr("Card reader found: {name}.").format(name=", ".join(readers))
        self._run("chip_reader", lambda: self.tools["chip_test"](devices), said, show)
