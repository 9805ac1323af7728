"""A loopback eSCL scanner for tests and the demo: real HTTP on 127.0.0.1, real pages.

Pages come from ``page_source``: a list of PIL images (e.g. scanned by SANE's ``test``
backend at fixture time) or, by default, the simulated scanner's rendered A4 forms at the
resolution and colour mode the job asks for. Faults on demand: the first ``busy_first``
job requests answer 503 with Retry-After, the feeder jams after ``jam_after`` pages, the
server vanishes (closes the connection and stops listening) after ``vanish_after`` pages,
each page can be "not ready" (503) ``slow_pages`` times first, a page after
``damaged_after`` comes cut short, and the page after ``error_after`` is an HTTP 500.

Run it by hand: ``python -m devices.scanners.escl_test_server --pages 5`` prints its URI.
"""
from __future__ import annotations

import io
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Sequence

from PIL import Image

from counter_app.ports import ScanMode
from devices.scanners.escl_xml import PWG_NS, SCAN_NS, UNITS_PER_INCH, parse_scan_settings

_MODES = {"RGB24": ScanMode.COLOR, "Grayscale8": ScanMode.GRAY, "BlackAndWhite1": ScanMode.LINEART}


class _Job:
    def __init__(self, settings: dict):
        self.id = uuid.uuid4().hex
        self.settings = settings
        self.sent = 0
        self.state, self.reasons = "Processing", ()
        self.not_ready = 0  # 503s given for the current page


class EsclTestServer:
    def __init__(self, *, pages: int = 3, page_source: Sequence[Image.Image] | Callable | None = None,
                 platen: bool = True, adf: bool = True, duplex: bool = True,
                 color_modes: Sequence[str] = ("BlackAndWhite1", "Grayscale8", "RGB24"),
                 formats: Sequence[str] = ("image/jpeg", "application/pdf"),
                 resolutions: Sequence[int] = (75, 100, 150, 200, 300, 600),
                 busy_first: int = 0, retry_after: int = 1, jam_after: int | None = None,
                 vanish_after: int | None = None, slow_pages: int = 0, damaged_after: int | None = None,
                 error_after: int | None = None,
                 make_and_model: str = "Quầy Một Cửa eSCL test scanner", path: str = "/eSCL"):
        self.feeder = pages  # sheets in the feeder
        self.page_source = page_source
        self.platen, self.adf, self.duplex = platen, adf, duplex
        self.color_modes, self.formats, self.resolutions = tuple(color_modes), tuple(formats), tuple(resolutions)
        self.busy_left, self.retry_after = busy_first, retry_after
        self.jam_after, self.vanish_after, self.slow_pages = jam_after, vanish_after, slow_pages
        self.damaged_after, self.error_after = damaged_after, error_after  # a cut page; an HTTP 500
        self.make_and_model, self.path = make_and_model, path.rstrip("/")
        self.jobs: dict[str, _Job] = {}
        self.deleted: list[str] = []  # ids of the jobs the client cancelled
        self.busy_answers = 0
        self.adf_state = "ScannerAdfLoaded" if pages else "ScannerAdfEmpty"
        self.lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> "EsclTestServer":
        handler = type("Handler", (_Handler,), {"scanner": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="escl-test-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "EsclTestServer":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def uri(self) -> str:
        return f"escl://127.0.0.1:{self.port}{self.path}"

    def load(self, sheets: int) -> None:
        """Put paper in the feeder (and clear a jam)."""
        with self.lock:
            self.feeder, self.adf_state = sheets, "ScannerAdfLoaded" if sheets else "ScannerAdfEmpty"

    def vanish(self) -> threading.Thread | None:
        """The scanner is switched off: stop listening (from any thread, even a handler's, which
        can join the returned thread so that its client finds the port closed)."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return None
        closing = threading.Thread(target=lambda: (httpd.shutdown(), httpd.server_close()), daemon=True)
        closing.start()
        return closing

    # -- documents ------------------------------------------------------------------------

    def capabilities_xml(self) -> bytes:
        def caps(tag: str) -> str:
            modes = "".join(f"<scan:ColorMode>{m}</scan:ColorMode>" for m in self.color_modes)
            formats = "".join(f"<pwg:DocumentFormat>{f}</pwg:DocumentFormat>" for f in self.formats)
            formats += "".join(f"<scan:DocumentFormatExt>{f}</scan:DocumentFormatExt>" for f in self.formats)
            resolutions = "".join(f"<scan:DiscreteResolution><scan:XResolution>{r}</scan:XResolution>"
                                  f"<scan:YResolution>{r}</scan:YResolution></scan:DiscreteResolution>"
                                  for r in self.resolutions)
            return (f"<scan:{tag}><scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth>"
                    f"<scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>"
                    f"<scan:SettingProfiles><scan:SettingProfile><scan:ColorModes>{modes}</scan:ColorModes>"
                    f"<scan:DocumentFormats>{formats}</scan:DocumentFormats><scan:SupportedResolutions>"
                    f"<scan:DiscreteResolutions>{resolutions}</scan:DiscreteResolutions></scan:SupportedResolutions>"
                    f"</scan:SettingProfile></scan:SettingProfiles></scan:{tag}>")

        platen = f"<scan:Platen>{caps('PlatenInputCaps')}</scan:Platen>" if self.platen else ""
        adf = ""
        if self.adf:
            adf = ("<scan:Adf>" + caps("AdfSimplexInputCaps") + (caps("AdfDuplexInputCaps") if self.duplex else "")
                   + "<scan:FeederCapacity>50</scan:FeederCapacity><scan:AdfOptions>"
                   + ("<scan:AdfOption>Duplex</scan:AdfOption>" if self.duplex else "")
                   + "</scan:AdfOptions></scan:Adf>")
        return (f'<?xml version="1.0" encoding="UTF-8"?><scan:ScannerCapabilities xmlns:scan="{SCAN_NS}" '
                f'xmlns:pwg="{PWG_NS}"><pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>{self.make_and_model}'
                f"</pwg:MakeAndModel><pwg:SerialNumber>QMC-0001</pwg:SerialNumber>{platen}{adf}"
                f"</scan:ScannerCapabilities>").encode("utf-8")

    def status_xml(self) -> bytes:
        with self.lock:
            busy = any(job.state == "Processing" for job in self.jobs.values())
            jobs = "".join(
                f"<scan:JobInfo><pwg:JobUri>{self.path}/ScanJobs/{job.id}</pwg:JobUri><pwg:JobUuid>{job.id}"
                f"</pwg:JobUuid><pwg:ImagesCompleted>{job.sent}</pwg:ImagesCompleted><pwg:JobState>{job.state}"
                f"</pwg:JobState><pwg:JobStateReasons>"
                + "".join(f"<pwg:JobStateReason>{r}</pwg:JobStateReason>" for r in job.reasons)
                + "</pwg:JobStateReasons></scan:JobInfo>" for job in self.jobs.values())
            adf = f"<scan:AdfState>{self.adf_state}</scan:AdfState>" if self.adf else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?><scan:ScannerStatus xmlns:scan="{SCAN_NS}" '
                f'xmlns:pwg="{PWG_NS}"><pwg:Version>2.63</pwg:Version><pwg:State>{"Processing" if busy else "Idle"}'
                f"</pwg:State>{adf}<scan:Jobs>{jobs}</scan:Jobs></scan:ScannerStatus>").encode("utf-8")

    def render(self, number: int, settings: dict) -> bytes:
        """Page ``number`` (1-based) of a job, encoded in the job's format."""
        mode = _MODES.get(settings["color_mode"], ScanMode.GRAY)
        if callable(self.page_source):
            image = self.page_source(number, settings)
        elif self.page_source:
            image = self.page_source[(number - 1) % len(self.page_source)]
        else:
            from devices.scanners.simulated import render_page

            size = (settings["width"] / UNITS_PER_INCH * 25.4, settings["height"] / UNITS_PER_INCH * 25.4)
            image = render_page(number, dpi=settings["resolution"], mode=mode, size_mm=size)
        image = image.convert({ScanMode.COLOR: "RGB", ScanMode.GRAY: "L", ScanMode.LINEART: "1"}[mode])
        buffer = io.BytesIO()
        dpi = (settings["resolution"], settings["resolution"])
        if settings["format"] == "application/pdf":
            image.save(buffer, "PDF", resolution=float(settings["resolution"]))
        elif settings["format"] == "image/png":
            image.save(buffer, "PNG", dpi=dpi)
        else:
            image.convert("L" if image.mode == "1" else image.mode).save(buffer, "JPEG", quality=80, dpi=dpi)
        return buffer.getvalue()


class _Handler(BaseHTTPRequestHandler):
    scanner: EsclTestServer
    protocol_version = "HTTP/1.1"  # keep-alive, as real scanners do

    def log_message(self, *_args) -> None:  # quiet in tests
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/xml", headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _route(self) -> tuple[str, str]:
        scanner = self.scanner
        path = self.path.split("?", 1)[0]
        if not path.startswith(scanner.path + "/"):
            return "", ""
        rest = path[len(scanner.path) + 1:].strip("/")
        if rest.startswith("ScanJobs/"):
            parts = rest.split("/")
            return "job", "/".join(parts[1:])
        return rest, ""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        what, rest = self._route()
        if what == "ScannerCapabilities":
            return self._send(200, self.scanner.capabilities_xml())
        if what == "ScannerStatus":
            return self._send(200, self.scanner.status_xml())
        if what == "job" and rest.endswith("/NextDocument"):
            return self._next_document(rest.split("/")[0])
        return self._send(404)

    def do_POST(self) -> None:  # noqa: N802
        scanner = self.scanner
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        what, _ = self._route()
        if what != "ScanJobs":
            return self._send(404)
        with scanner.lock:
            if scanner.busy_left > 0:
                scanner.busy_left -= 1
                scanner.busy_answers += 1
                return self._send(503, headers=[("Retry-After", str(scanner.retry_after))])
        try:
            settings = parse_scan_settings(body)
        except Exception:  # noqa: BLE001 - a bad request from the client under test
            return self._send(400)
        with scanner.lock:
            if settings["source"] == "Feeder" and (not scanner.adf or scanner.feeder <= 0
                                                   or scanner.adf_state != "ScannerAdfLoaded"):
                return self._send(409)
            if any(job.state == "Processing" for job in scanner.jobs.values()):
                return self._send(503, headers=[("Retry-After", str(scanner.retry_after))])
            job = _Job(settings)
            scanner.jobs[job.id] = job
        self._send(201, headers=[("Location", f"{scanner.path}/ScanJobs/{job.id}")])

    def do_DELETE(self) -> None:  # noqa: N802
        scanner = self.scanner
        what, rest = self._route()
        job = scanner.jobs.get(rest.strip("/")) if what == "job" else None
        if job is None:
            return self._send(404)
        with scanner.lock:
            job.state, job.reasons = "Canceled", ("JobCanceledByUser",)
            scanner.deleted.append(job.id)
        self._send(200)

    def _next_document(self, job_id: str) -> None:
        scanner = self.scanner
        with scanner.lock:
            job = scanner.jobs.get(job_id)
            if job is None or job.state != "Processing":
                return self._send(404)
            feeder = job.settings["source"] == "Feeder"
            vanishing = scanner.vanish_after is not None and job.sent >= scanner.vanish_after
        if vanishing:
            self.close_connection = True
            closing = scanner.vanish()
            if closing is not None:
                closing.join(timeout=5)  # the port is closed before this connection drops
            return  # no answer at all: the scanner was switched off
        with scanner.lock:
            if feeder and scanner.jam_after is not None and job.sent >= scanner.jam_after:
                job.state, job.reasons = "Aborted", ("AdfJam",)
                scanner.adf_state = "ScannerAdfJam"
                return self._send(404)
            sides = 2 if feeder and job.settings["duplex"] else 1
            if feeder and scanner.feeder <= 0 and job.sent % sides == 0:
                job.state, job.reasons = "Completed", ("JobCompletedSuccessfully",)
                scanner.adf_state = "ScannerAdfEmpty"
                return self._send(404)
            if scanner.error_after is not None and job.sent >= scanner.error_after:
                job.state, job.reasons = "Aborted", ("ServiceOffLine",)
                return self._send(500)
            if job.not_ready < scanner.slow_pages:
                job.not_ready += 1
                return self._send(503, headers=[("Retry-After", "1")])
            job.not_ready = 0
            job.sent += 1
            number = job.sent
            if feeder and job.sent % sides == 1 % sides:
                scanner.feeder -= 1  # a new sheet is pulled in
            if not feeder:  # the glass holds one page: the job is done once it is sent
                job.state, job.reasons = "Completed", ("JobCompletedSuccessfully",)
        body = scanner.render(number, job.settings)
        if scanner.damaged_after is not None and number > scanner.damaged_after:
            body = body[:len(body) // 3]  # the scanner's firmware sent a third of the page
        self._send(200, body, job.settings["format"])


def main(argv=None) -> int:
    import argparse
    import time

    parser = argparse.ArgumentParser(description="A loopback eSCL scanner (demo and tests).")
    parser.add_argument("--pages", type=int, default=5, help="sheets in the feeder")
    parser.add_argument("--jam-after", type=int)
    args = parser.parse_args(argv)
    with EsclTestServer(pages=args.pages, jam_after=args.jam_after) as server:
        print(server.uri, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
