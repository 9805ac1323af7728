"""SANE scanners (Linux) through python-sane (needs libsane; pip python-sane builds against libsane-dev).

libsane is not thread-safe: call this adapter from the one device worker only. The
feeder loop keeps every page scanned before a jam or a disconnect and hands them back in
the error's ``pages`` detail, so the officer only rescans what is missing.
"""
from __future__ import annotations

import io

from counter_app.errors import ScanCancelled, ScannerError, ScannerJammed, ScannerNotFound
from counter_app.ports import CancelToken, ScannedPage, ScannerInfo, ScanMode, ScanProfile, ScanSource

# Words backends use for their source and mode values (they differ between drivers).
_SOURCE_WORDS = {ScanSource.FLATBED: ("flatbed",), ScanSource.ADF: ("adf", "feeder", "automatic document"),
                 ScanSource.DUPLEX: ("duplex",)}
_MODE_WORDS = {ScanMode.COLOR: ("color", "colour"), ScanMode.GRAY: ("gray", "grey"),
               ScanMode.LINEART: ("lineart", "binary", "black")}
_EMPTY_FEEDER = ("out of documents", "no more", "no docs", "feeder empty")
_JAM = ("jam", "cover open")


def _sane():
    import sane  # imported late: the app starts without libsane installed

    return sane


def _ignore_sigpipe_again() -> None:
    """SANE backends that read through a pipe (the ``test`` backend among them) put SIGPIPE
    back to its default while scanning, which would let a printer or a server that hangs
    up kill the whole app. Python ignores SIGPIPE and turns it into BrokenPipeError; put
    that back. libc's ``signal`` is used because ``signal.signal`` only works on the main
    thread, and scans run on the device worker."""
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.signal.restype = ctypes.c_void_p
    libc.signal.argtypes = (ctypes.c_int, ctypes.c_void_p)
    libc.signal(int(signal.SIGPIPE), 1)  # 1 == SIG_IGN


class SaneScanner:
    name = "sane"

    def __init__(self, extra_options: dict | None = None):
        self.extra_options = dict(extra_options or {})  # backend-specific, e.g. {"test_picture": "Grid"}
        _sane().init()

    def devices(self) -> list[ScannerInfo]:
        return [ScannerInfo(name, vendor, model, kind) for name, vendor, model, kind in _sane().get_devices()]

    def scan(self, device: str, profile: ScanProfile, *, progress=None,
             cancel: CancelToken | None = None) -> list[ScannedPage]:
        sane = _sane()
        device = device.removeprefix("sane:")
        try:
            handle = sane.open(device)
        except (sane._sane.error, RuntimeError) as exc:
            raise ScannerNotFound(f"Scanner {device!r} is not available: {exc}") from exc
        pages: list[ScannedPage] = []
        try:
            self._configure(handle, profile)
            limit = 1 if profile.source is ScanSource.FLATBED else (profile.max_pages or 10_000)
            while len(pages) < limit:
                if cancel and cancel.cancelled:
                    raise ScanCancelled("Scanning was cancelled.", pages=pages)
                try:
                    handle.start()
                    image = handle.snap()
                except sane._sane.error as exc:
                    text = str(exc).lower()
                    if pages and any(word in text for word in _EMPTY_FEEDER):
                        break  # the feeder is empty: normal end of a batch
                    if any(word in text for word in _EMPTY_FEEDER):
                        raise ScannerError("The feeder is empty: put the pages in the feeder.",
                                           pages=pages) from exc
                    error = ScannerJammed if any(word in text for word in _JAM) else ScannerError
                    raise error(f"Scanning stopped after {len(pages)} page(s): {exc}", pages=pages) from exc
                page = _page(image, profile)
                pages.append(page)
                if progress:
                    progress(len(pages), page)
        finally:
            try:
                handle.cancel()
            finally:
                handle.close()
                _ignore_sigpipe_again()
        return pages

    def _configure(self, handle, profile: ScanProfile) -> None:
        options = {opt[1]: opt for opt in handle.get_options() if opt[1]}
        if not _choose(handle, options, "source", _SOURCE_WORDS[profile.source]):
            # No duplex: feed one side. No feeder at all: say so rather than scan the glass.
            fallback = profile.source is ScanSource.DUPLEX and _choose(handle, options, "source",
                                                                       _SOURCE_WORDS[ScanSource.ADF])
            if profile.source is not ScanSource.FLATBED and not fallback:
                raise ScannerError("This scanner has no document feeder: choose a flatbed profile.")
        if not _choose(handle, options, "mode", _MODE_WORDS[profile.mode]) and profile.mode is ScanMode.LINEART:
            _choose(handle, options, "mode", _MODE_WORDS[ScanMode.GRAY])  # thresholded in _page
        if "resolution" in options:
            handle.resolution = profile.resolution
        width, height = profile.page_size_mm
        for name, value in (("tl-x", 0.0), ("tl-y", 0.0), ("br-x", width), ("br-y", height)):
            if name in options:
                setattr(handle, name.replace("-", "_"), _clamp(options[name][8], value))
        for name, value in self.extra_options.items():
            setattr(handle, name, value)


def _choose(handle, options: dict, name: str, words: tuple[str, ...]) -> bool:
    """Set a string-list option to the first value containing one of ``words``."""
    if name not in options or not isinstance(options[name][8], list):
        return False
    for value in options[name][8]:
        if any(word in str(value).lower() for word in words):
            setattr(handle, name, value)
            return True
    return False


def _clamp(constraint, value: float) -> float:
    if isinstance(constraint, tuple):
        return max(constraint[0], min(constraint[1], value))
    return value


def _page(image, profile: ScanProfile) -> ScannedPage:
    if profile.mode is ScanMode.LINEART and image.mode != "1":
        image = image.convert("L").point(lambda v: 255 if v > 128 else 0, mode="1")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ScannedPage(buffer.getvalue(), profile.resolution)
