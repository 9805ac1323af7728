"""eSCL (AirScan / Mopria) driverless network scanners, over plain HTTP: works the same on Linux and Windows.

Device URIs: ``escl://HOST:PORT[/PATH]`` (PATH defaults to ``/eSCL``; ``escls://`` uses
HTTPS). One scan is: read the capabilities, ask the status (a jammed or empty feeder is
reported before the job starts), POST the ScanSettings, then GET ``{job}/NextDocument``
until 404. "503 busy" is retried with back-off (Retry-After honoured, bounded); a jam, a
lost connection or a cancel keeps every page already received in the error's ``pages``
detail, and a job stopped early is DELETEd so the scanner does not keep feeding paper.
"""
from __future__ import annotations

import io
import time
from urllib.parse import urljoin, urlsplit

import requests
from PIL import Image, UnidentifiedImageError

from counter_app.errors import (
    InvalidInput,
    ScanCancelled,
    ScanFeederEmpty,
    ScannerBusy,
    ScannerDisconnected,
    ScannerError,
    ScannerJammed,
    ScannerNotFound,
)
from counter_app.ports import CancelToken, ScannedPage, ScannerInfo, ScanProfile, ScanSource
from devices.scanners.escl_xml import Capabilities, JobPlan, Status, parse_capabilities, parse_status, plan_job, \
    scan_settings_xml

SCHEMES = {"escl": "http", "escls": "https"}
DEFAULT_PATH = "/eSCL"
_NETWORK_ERRORS = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                   requests.exceptions.ContentDecodingError)


def base_url(device: str) -> str:
    """``escl://host:port/path`` → ``http://host:port/path/`` (the eSCL root, with a trailing slash)."""
    parts = urlsplit(device.strip())
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise InvalidInput(f"{device!r} is not an eSCL scanner address: use escl://HOST:PORT (e.g. "
                           "escl://192.168.1.20:80).")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise InvalidInput(f"{device!r}: the port must be a number.") from exc
    path = (parts.path or DEFAULT_PATH).rstrip("/") or DEFAULT_PATH
    return f"{SCHEMES[parts.scheme]}://{parts.netloc}{path}/"


class EsclScanner:
    name = "escl"

    def __init__(self, devices=(), *, connect_timeout: float = 5.0, read_timeout: float = 60.0,
                 busy_tries: int = 6, backoff: float = 0.5, backoff_max: float = 8.0, page_wait: float = 120.0,
                 discover: float = 0.0, discover_interfaces: list[str] | None = None):
        """``devices``: the configured ``escl://`` URIs (settings ``devices.escl_scanners``).
        ``discover``: also list the scanners found by mDNS within that many seconds (0: off).
        ``busy_tries``: how often a 503 on starting the job is retried (waits double from
        ``backoff`` up to ``backoff_max`` seconds). ``page_wait``: how long a page may stay
        "not ready yet" (503 on NextDocument) before the scan is given up."""
        self.configured = [str(d) for d in devices]
        for device in self.configured:
            base_url(device)  # a typo in the settings is reported at once
        self.timeout = (connect_timeout, read_timeout)
        self.discover, self.discover_interfaces = discover, discover_interfaces
        self.busy_tries, self.backoff, self.backoff_max, self.page_wait = busy_tries, backoff, backoff_max, page_wait

    # -- discovery ------------------------------------------------------------------------

    def devices(self) -> list[ScannerInfo]:
        """The configured scanners, named by their make and model when they answer, then the
        ones found on the LAN by mDNS (when ``discover`` is on)."""
        found = []
        for device in self.configured:
            try:
                with requests.Session() as session:
                    model = self.capabilities(device, session=session, timeout=(2.0, 3.0)).make_and_model
            except ScannerError:
                model = ""
            found.append(ScannerInfo(device, "", model or "eSCL network scanner", "network"))
        if self.discover > 0:
            from devices.scanners.escl_discovery import discover

            known = {base_url(info.id) for info in found}
            try:
                announced = discover(self.discover, interfaces=self.discover_interfaces)
            except OSError:  # no network interface to browse on: the configured ones still work
                announced = []
            found += [info for info in announced if base_url(info.id) not in known]
        return found

    def capabilities(self, device: str, *, session=None, timeout=None) -> Capabilities:
        base = base_url(device)
        response = self._request(session or requests, "GET", urljoin(base, "ScannerCapabilities"),
                                 timeout=timeout, gone=ScannerNotFound, what=device)
        if response.status_code != 200:
            raise ScannerNotFound(f"{device} is not an eSCL scanner (capabilities: HTTP {response.status_code}).")
        return parse_capabilities(response.content)

    def status(self, device: str, *, session=None, pages=None) -> Status:
        response = self._request(session or requests, "GET", urljoin(base_url(device), "ScannerStatus"),
                                 gone=ScannerDisconnected if pages else ScannerNotFound, what=device, pages=pages)
        if response.status_code != 200:
            raise ScannerError(f"{device} did not give its status (HTTP {response.status_code}).",
                               pages=pages or [])
        return parse_status(response.content)

    # -- scanning -------------------------------------------------------------------------

    def scan(self, device: str, profile: ScanProfile, *, progress=None,
             cancel: CancelToken | None = None) -> list[ScannedPage]:
        cancel = cancel or CancelToken()
        base = base_url(device)
        feeder = profile.source is not ScanSource.FLATBED
        limit = 1 if not feeder else (profile.max_pages or 10_000)
        pages: list[ScannedPage] = []
        with requests.Session() as session:
            caps = self.capabilities(device, session=session)
            plan = plan_job(caps, profile)
            if plan.source == "Feeder":
                self._check_feeder(self.status(device, session=session), pages)
            job = self._create_job(session, device, base, scan_settings_xml(plan, caps.version), cancel)
            finished = False
            try:
                while len(pages) < limit:
                    if cancel.cancelled:
                        raise ScanCancelled(f"Scanning was cancelled after {len(pages)} page(s).", pages=pages)
                    body = self._next_document(session, device, job, cancel, pages)
                    if body is None:  # 404: the scanner has no more pages
                        if plan.source == "Feeder":
                            self._check_feeder(self.status(device, session=session, pages=pages), pages,
                                               job=urlsplit(job).path.rstrip("/"))
                        if not pages:
                            raise ScannerError("The scanner finished without sending a page.", pages=pages)
                        finished = True
                        break
                    for page in _pages_of(body, plan, len(pages) + 1, pages):
                        if len(pages) >= limit:
                            break
                        pages.append(page)
                        if progress:
                            progress(len(pages), page)
                else:
                    finished = plan.source == "Platen"  # a feeder batch stopped early: end the job
            finally:
                if not finished:
                    self._delete(session, job)
        return pages

    def _check_feeder(self, status: Status, pages: list, job: str = "") -> None:
        state, reasons = status.jobs.get(job, ("", ())) if job else ("", ())
        if status.jammed or any("jam" in r.lower() for r in reasons):
            raise ScannerJammed(f"Paper jam in the feeder after {len(pages)} page(s) ({status.adf_state}).",
                                pages=pages)
        if state == "Aborted" and pages:
            raise ScannerError(f"The scanner stopped the job after {len(pages)} page(s): "
                               f"{', '.join(reasons) or 'no reason given'}.", pages=pages)
        if status.feeder_empty and not pages:
            raise ScanFeederEmpty("The feeder is empty: put the pages in the feeder.", pages=pages)

    def _create_job(self, session, device: str, base: str, settings: bytes, cancel: CancelToken) -> str:
        wait = self.backoff
        for attempt in range(1, self.busy_tries + 1):
            response = self._request(session, "POST", urljoin(base, "ScanJobs"), data=settings,
                                     headers={"Content-Type": "text/xml"}, gone=ScannerDisconnected, what=device)
            if response.status_code in (200, 201) and response.headers.get("Location"):
                return urljoin(base, response.headers["Location"])
            if response.status_code == 503 and attempt < self.busy_tries:
                self._pause(_retry_after(response, wait, self.backoff_max), cancel, [])
                wait = min(wait * 2, self.backoff_max)
                continue
            if response.status_code == 503:
                raise ScannerBusy(f"{device} stayed busy through {self.busy_tries} tries.", pages=[])
            if response.status_code == 409:  # conflict: usually no paper, a jam, or another job holds it
                self._check_feeder(self.status(device, session=session), [])
                raise ScannerBusy(f"{device} refused the job (409 Conflict): it is busy with another job.",
                                  pages=[])
            raise ScannerError(f"{device} refused the scan job (HTTP {response.status_code}).", pages=[])
        raise AssertionError("unreachable")

    def _next_document(self, session, device: str, job: str, cancel: CancelToken, pages: list) -> bytes | None:
        deadline = time.monotonic() + self.page_wait
        wait = self.backoff
        while True:
            response = self._request(session, "GET", job.rstrip("/") + "/NextDocument",
                                     gone=ScannerDisconnected, what=device, pages=pages)
            if response.status_code == 200:
                return response.content
            if response.status_code == 404:
                return None
            if response.status_code == 503 and time.monotonic() < deadline:  # the page is not ready yet
                self._pause(_retry_after(response, wait, self.backoff_max), cancel, pages)
                wait = min(wait * 2, self.backoff_max)
                continue
            status = self.status(device, session=session, pages=pages)
            self._check_feeder(status, pages, job=urlsplit(job).path.rstrip("/"))
            raise ScannerError(f"Scanning stopped after {len(pages)} page(s): HTTP {response.status_code} "
                               f"({status.state or 'unknown state'}).", pages=pages)

    def _delete(self, session, job: str) -> None:
        """Best effort: a scanner that is gone cannot be told, and that must not hide the real error."""
        try:
            session.delete(job, timeout=(self.timeout[0], 5.0))
        except requests.RequestException:
            pass

    def _pause(self, seconds: float, cancel: CancelToken, pages: list) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if cancel.cancelled:
                raise ScanCancelled(f"Scanning was cancelled after {len(pages)} page(s).", pages=pages)
            time.sleep(min(0.05, max(end - time.monotonic(), 0)))

    def _request(self, http, method: str, url: str, *, gone, what: str, pages=None, timeout=None, **kwargs):
        try:
            return http.request(method, url, timeout=timeout or self.timeout, **kwargs)
        except _NETWORK_ERRORS as exc:
            done = f" after {len(pages)} page(s)" if pages else ""
            raise gone(f"The scanner {what} does not answer{done}: {exc}", pages=list(pages or [])) from exc
        except requests.RequestException as exc:
            raise ScannerError(f"The scanner {what} could not be reached: {exc}", pages=list(pages or [])) from exc


def _retry_after(response, default: float, cap: float) -> float:
    """The wait a 503 asks for (seconds only; an HTTP date is ignored), never more than ``cap``."""
    try:
        return min(max(float(response.headers.get("Retry-After", default)), 0.0), cap)
    except ValueError:
        return min(default, cap)


def _pages_of(body: bytes, plan: JobPlan, first_number: int, pages: list) -> list[ScannedPage]:
    """One NextDocument body → pages: an image is one page, a PDF may hold several."""
    if body[:5] == b"%PDF-":
        return _pdf_pages(body, plan, first_number, pages)
    try:
        image = Image.open(io.BytesIO(body))
        image.load()  # a body cut short fails here, not later in the PDF writer
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise ScannerError(f"Page {first_number} from the scanner is damaged: {exc}", pages=pages) from exc
    if plan.threshold:
        return [_bw_page(image, plan.resolution)]
    mime = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(image.format or "")
    if mime:
        return [ScannedPage(body, plan.resolution, mime)]  # kept as sent: no re-encoding loss
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return [ScannedPage(buffer.getvalue(), plan.resolution)]


def _bw_page(image: Image.Image, dpi: int) -> ScannedPage:
    bw = image.convert("L").point(lambda v: 255 if v > 128 else 0, mode="1")
    buffer = io.BytesIO()
    bw.save(buffer, "PNG")
    return ScannedPage(buffer.getvalue(), dpi)


def _pdf_pages(body: bytes, plan: JobPlan, first_number: int, pages: list) -> list[ScannedPage]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(body)
    except pypdfium2.PdfiumError as exc:
        raise ScannerError(f"Page {first_number} from the scanner is a damaged PDF: {exc}", pages=pages) from exc
    out = []
    try:
        for page in document:
            image = page.render(scale=plan.resolution / 72, grayscale=plan.color_mode != "RGB24").to_pil()
            if plan.threshold or plan.color_mode == "BlackAndWhite1":
                out.append(_bw_page(image, plan.resolution))
                continue
            buffer = io.BytesIO()
            image.save(buffer, "PNG")
            out.append(ScannedPage(buffer.getvalue(), plan.resolution))
    finally:
        document.close()
    return out
