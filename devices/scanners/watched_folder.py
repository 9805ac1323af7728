"""A watched folder as a scanner: scan-to-folder devices (SMB/FTP) and phones drop files into it.

``scan("folder:DIR")`` waits up to ``wait`` seconds for files to appear, takes those whose
size has stopped changing (a device may still be writing), imports them in the order they
arrived and moves them to ``DIR/imported`` so they are never taken twice.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from counter_app.errors import ScanCancelled, ScannerError, ScannerNotFound
from counter_app.ports import CancelToken, ScannedPage, ScannerInfo, ScanProfile
from devices.scanners.file_import import SUFFIXES, read_pages

DONE_DIR = "imported"


class WatchedFolderScanner:
    name = "folder"

    def __init__(self, wait: float = 30.0, settle: float = 0.5, poll: float = 0.2):
        self.wait, self.settle, self.poll = wait, settle, poll

    def devices(self) -> list[ScannerInfo]:
        return [ScannerInfo("folder:", "", "Watched folder", "folder")]

    def scan(self, device: str, profile: ScanProfile, *, progress=None,
             cancel: CancelToken | None = None) -> list[ScannedPage]:
        folder = Path(device.removeprefix("folder:").removeprefix("//"))
        if not folder.is_dir():
            raise ScannerNotFound(f"Folder {folder} does not exist.")
        files = self._wait_for_files(folder, cancel)
        done = folder / DONE_DIR
        done.mkdir(exist_ok=True)
        pages: list[ScannedPage] = []
        for path in files:
            for page in read_pages(path, profile.resolution):
                pages.append(page)
                if progress:
                    progress(len(pages), page)
            shutil.move(str(path), done / path.name)  # only once its pages are in memory
        return pages

    def _wait_for_files(self, folder: Path, cancel: CancelToken | None) -> list[Path]:
        deadline = time.monotonic() + self.wait
        sizes: dict[Path, int] = {}
        while True:
            if cancel and cancel.cancelled:
                raise ScanCancelled("Waiting for files was cancelled.", pages=[])
            current = {p: p.stat().st_size for p in folder.iterdir()
                       if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")}
            stable = [p for p, size in current.items() if size and sizes.get(p) == size]
            if stable and len(stable) == len(current):
                return sorted(stable, key=lambda p: (p.stat().st_mtime, p.name))
            if time.monotonic() > deadline:
                raise ScannerError(f"No file arrived in {folder} within {self.wait:g} s: "
                                   "send the scan to this folder, then try again.", pages=[])
            sizes = current
            time.sleep(self.settle if current else self.poll)
