"""Scan, photograph or import the pages of one dossier component, review them and save its PDF.

Pages arrive one by one from the scanner (device worker) and appear in the strip at once;
the officer turns, moves, deletes or replaces them with the keyboard, checks the pages
flagged blank, then saves: the PDF is made and kept with the dossier on the core worker.
A jam, a vanished scanner or a full disk stops the batch but keeps every page captured.

Page sources are interchangeable: a scanner adapter, file import, or any callable that
yields PIL images or ScannedPage objects (the document camera plugs in there, see
``page_sources``). With a ``separator_decoder``, a separator sheet (QR ``QMC-SEP|TP2``)
sends the pages after it to that component.
"""
from __future__ import annotations

import os
import threading
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Mapping

from counter_app.capture.pages import PageList, remove_stale
from counter_app.capture.pdf import OutputMode
from counter_app.capture.profiles import scan_profiles
from counter_app.capture.separator import separator_code, separator_sheets_pdf
from counter_app.dossiers.views import DossierView
from counter_app.errors import ScanCancelled, UnknownSeparator
from counter_app.ports import CancelToken, ScanMode, ScanProfile, ScanSource
from ui.labels import device_name
from ui.messages import describe
from ui.page_strip import PageStrip
from ui.qt import (
    QAction,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QObject,
    QPixmap,
    QProgressBar,
    QPushButton,
    QShortcut,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    Signal,
)
from ui.widgets import Banner, ask, buddy_label, label, primary_button

FILE_ADAPTER = "file"  # the adapter used by "Add from file…"
FILE_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff"

# A page source for the document camera and the like: called on the UI thread with the
# dialog as parent (it may show its own window), returns the captured pages (PIL images
# or ScannedPage; the iterable is consumed on a worker), or None when it hands them over
# later through ``ScanDialog.add_pages`` (a non-blocking window: ui.scan_camera).
PageSource = Callable[[QObject], Iterable]


@dataclass(frozen=True)
class ScanDevice:
    adapter: str  # key of ``scanners``
    device: str  # what ``Scanner.scan(device=…)`` takes
    label: str


def output_mode(profile: ScanProfile) -> OutputMode:
    return {ScanMode.LINEART: OutputMode.BLACK_WHITE, ScanMode.COLOR: OutputMode.COLOR}.get(profile.mode,
                                                                                          OutputMode.GRAY)


class _Events(QObject):
    """Emitted from the capture worker; delivered on the UI thread (queued connection)."""

    page_added = Signal(str, int)  # component code, 0-based position of the new page
    component_started = Signal(str)  # a separator sheet switched the batch to this component


class ScanDialog(QDialog):
    saved = Signal(str, object)  # component code, DocumentView of the kept PDF

    def __init__(self, core, runner, device_runner, dossier: DossierView, component_code: str, *,
                 scanners: Mapping[str, Callable[[], object]], profiles: list[ScanProfile] | None = None,
                 page_sources: Mapping[str, PageSource] | None = None,
                 separator_decoder: Callable | None = None, work_dir: Path | None = None, parent=None):
        """``scanners``: adapter name → factory of a ``ports.Scanner`` (built on the device worker,
        once). ``page_sources``: button text (with its & mnemonic) → PageSource, e.g. the camera.
        ``separator_decoder``: image → QR payload (raises QrUnreadable), e.g. ZxingQrReader().decode.
        ``page_sources`` names: "camera" gets the button "Add from ca&mera" (translated); another
        name is used as the button's text as it is."""
        super().__init__(parent)
        self._core, self._runner, self._device_runner = core, runner, device_runner
        self.dossier = dossier
        self._factories = dict(scanners)
        self._scanners: dict[str, object] = {}  # built and used on the device worker only
        self._page_sources = dict(page_sources or {})
        self._decoder = separator_decoder
        self._work_dir = work_dir or Path(core.workspace.root) / "tmp" / "scan"
        self._lists: dict[str, PageList] = {}
        self._lists_lock = threading.Lock()
        self._saved: dict[str, tuple] = {}  # component → page signature when last saved
        self._token: CancelToken | None = None
        self._closing = False
        self.devices: list[ScanDevice] = []
        self.pdf_actions = None  # ui.printing.PdfActions, made when separator sheets are printed
        self.separator_pdf: bytes | None = None
        self.profiles: list[ScanProfile] = list(profiles or [])
        self._events = _Events(self)
        self._events.page_added.connect(self._page_added)
        self._events.component_started.connect(self._component_started)
        self.setWindowTitle(self.tr("Scan papers · {code}").format(code=dossier.code))
        self.resize(1280, 680)  # fits a maximised 1366×768 screen
        self._build()
        self._fill_components(component_code)
        self._set_busy(False)
        if self.profiles:
            self._fill_profiles(self.profiles)
        else:
            self._runner.submit(lambda: scan_profiles(self._core.settings().devices.scan_profiles),
                                on_result=self._fill_profiles, on_error=self._show_error, owner=self)
        self._device_runner.submit(self._list_devices, on_result=self._fill_devices, on_error=self._show_error,
                                   owner=self)
        work_dir = self._work_dir
        self._runner.submit(lambda: remove_stale(work_dir) if work_dir.is_dir() else 0, owner=self)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(label(self.tr("Scan papers into the dossier"), "title"))
        layout.addWidget(label(f"{self.dossier.code} · {self.dossier.applicant_name} · "
                               f"{self.dossier.procedure_name}", "muted", wrap=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.component = QComboBox()
        self.scanner = QComboBox()
        self.profile = QComboBox()
        for combo, letters in ((self.component, 40), (self.scanner, 16), (self.profile, 30)):
            # Long paper names would widen the dialog past the screen: the combo elides instead.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        grid.addWidget(buddy_label(self.tr("&Paper:"), self.component), 0, 0)
        grid.addWidget(self.component, 0, 1, 1, 3)
        grid.addWidget(buddy_label(self.tr("Sc&anner:"), self.scanner), 1, 0)
        grid.addWidget(self.scanner, 1, 1)
        grid.addWidget(buddy_label(self.tr("Pr&ofile:"), self.profile), 1, 2)
        grid.addWidget(self.profile, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        self.scan_button = primary_button(self.tr("&Scan"))
        self.stop_button = QPushButton(self.tr("S&top"))
        grid.addWidget(self.scan_button, 1, 4)
        grid.addWidget(self.stop_button, 1, 5)
        # The controls on the left, the page preview on the right: one over the other they
        # need about 880 px of height, and a 1366×768 screen has about 700.
        body = QHBoxLayout()
        body.setSpacing(12)
        controls = QVBoxLayout()
        controls.setSpacing(8)
        body.addLayout(controls)
        controls.addLayout(grid)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(220)
        self.status = label("", "muted")
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.status, 1)
        controls.addLayout(progress_row)
        self.banner = Banner()
        controls.addWidget(self.banner)
        self.strip = PageStrip()
        self.strip.setAccessibleName(self.tr("Pages"))
        controls.addWidget(self.strip)
        edit_row = QHBoxLayout()
        self.move_left_button = QPushButton(self.tr("◀ Move (Ctrl+←)"))
        self.move_right_button = QPushButton(self.tr("Move ▶ (Ctrl+→)"))
        self.rotate_button = QPushButton(self.tr("&Rotate (R)"))
        self.delete_button = QPushButton(self.tr("&Delete (Del)"))
        self.undo_button = QPushButton(self.tr("&Undo delete (Ctrl+Z)"))
        self.keep_button = QPushButton(self.tr("Not &blank"))
        self.keep_button.setToolTip(self.tr("The page was flagged blank; keep it as a real page."))
        for button in (self.move_left_button, self.move_right_button, self.rotate_button, self.delete_button,
                       self.undo_button, self.keep_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        controls.addLayout(edit_row)
        more = QHBoxLayout()
        self.insert_button = QPushButton(self.tr("&Insert from scanner"))
        self.insert_button.setToolTip(self.tr("Scan pages and put them before the chosen page."))
        self.replace_button = QPushButton(self.tr("Rep&lace from scanner"))
        self.replace_button.setToolTip(self.tr("Scan one page in place of the chosen page."))
        self.file_button = QPushButton(self.tr("Add from &file…"))
        for button in (self.insert_button, self.replace_button, self.file_button):
            more.addWidget(button)
        self.source_buttons: list[QPushButton] = []
        known = {"camera": self.tr("Add from ca&mera")}  # the document camera plugs in here
        for name, source in self._page_sources.items():
            button = QPushButton(known.get(name, name))
            button.clicked.connect(lambda _checked=False, s=source, n=name: self.capture_from(s, n))
            more.addWidget(button)
            self.source_buttons.append(button)
        self.sheets_button = QPushButton(self.tr("Separator s&heets…"))
        self.sheets_button.setToolTip(self.tr("Print one separator sheet per paper: put each before its "
                                              "paper and scan the whole pile at once."))
        self.sheets_button.clicked.connect(self.print_separator_sheets)
        more.addWidget(self.sheets_button)
        more.addStretch(1)
        controls.addLayout(more)
        controls.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.save_button = primary_button(self.tr("Sa&ve component"))
        self.close_button = QPushButton(self.tr("Close"))
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        controls.addLayout(bottom)
        preview_column = QVBoxLayout()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        # Ignored: the shown page never widens the dialog; it is scaled to the room there is.
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setMinimumSize(300, 300)
        self.preview.setStyleSheet("background: #e2e8f0; border-radius: 4px;")
        self.page_info = label("", "muted", wrap=True)
        preview_column.addWidget(self.preview, 1)
        preview_column.addWidget(self.page_info)
        body.addLayout(preview_column, 1)
        layout.addLayout(body, 1)

        self.scan_button.clicked.connect(lambda: self.scan("append"))
        self.stop_button.clicked.connect(self.stop)
        self.insert_button.clicked.connect(lambda: self.scan("insert"))
        self.replace_button.clicked.connect(lambda: self.scan("replace"))
        self.file_button.clicked.connect(self.choose_files)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.move_left_button.clicked.connect(lambda: self.move_page(self.strip.currentRow(), -1))
        self.move_right_button.clicked.connect(lambda: self.move_page(self.strip.currentRow(), 1))
        self.rotate_button.clicked.connect(lambda: self.rotate_page(self.strip.currentRow(), 1))
        self.delete_button.clicked.connect(lambda: self.delete_page(self.strip.currentRow()))
        self.undo_button.clicked.connect(self.undo_delete)
        self.keep_button.clicked.connect(lambda: self.keep_page(self.strip.currentRow()))
        self.strip.move_requested.connect(lambda row, to: self.move_page(row, to - row))
        self.strip.rotate_requested.connect(self.rotate_page)
        self.strip.delete_requested.connect(self.delete_page)
        self.strip.undo_requested.connect(self.undo_delete)
        self.strip.currentRowChanged.connect(self._show_current)
        self.component.currentIndexChanged.connect(lambda _i: self._refresh(0))
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.activated.connect(self.save)
        self._strip_actions()

    def _strip_actions(self) -> None:
        """The strip's context menu (right click, or the Menu key): every page action, with
        Insert / Shift+Insert to put new pages before the chosen one."""
        self.strip.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, keys, slot in (
                (self.tr("Insert from scanner"), "Insert", lambda: self.scan("insert")),
                (self.tr("Replace from scanner"), None, lambda: self.scan("replace")),
                (self.tr("Insert from file…"), "Shift+Insert", lambda: self.choose_files("insert")),
                (self.tr("Replace from file…"), None, lambda: self.choose_files("replace")),
                (self.tr("Rotate clockwise"), None, lambda: self.rotate_page(self.strip.currentRow(), 1)),
                (self.tr("Rotate anticlockwise"), None, lambda: self.rotate_page(self.strip.currentRow(), -1)),
                (self.tr("Delete"), None, lambda: self.delete_page(self.strip.currentRow()))):
            action = QAction(text, self.strip)
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.strip.addAction(action)

    # -- choices ------------------------------------------------------------------------

    def _fill_components(self, selected: str) -> None:
        self.component.blockSignals(True)
        self.component.clear()
        for component in self.dossier.components:
            self.component.addItem(self._component_text(component.code), component.code)
        index = self.component.findData(selected)
        self.component.setCurrentIndex(max(index, 0))
        self.component.blockSignals(False)

    def _component_text(self, code: str) -> str:
        name = next((c.name for c in self.dossier.components if c.code == code), code)
        pages = self._lists.get(code)
        count = len(pages) if pages else 0
        if not count:
            state = ""
        elif self._saved.get(code) == self._signature(code):
            state = self.tr(" — {n} page(s), saved").format(n=count)
        else:
            state = self.tr(" — {n} page(s), not saved yet").format(n=count)
        return f"{name}{state}"  # the paper's name: its catalogue code means nothing to the officer

    def _update_component_texts(self) -> None:
        for index in range(self.component.count()):
            self.component.setItemText(index, self._component_text(self.component.itemData(index)))

    @property
    def device_runner(self):
        """The runner of device work (scanners; a camera page source may use it too)."""
        return self._device_runner

    @property
    def current_code(self) -> str:
        return self.component.currentData()

    def select_component(self, code: str) -> None:
        self.component.setCurrentIndex(max(self.component.findData(code), 0))

    def _fill_profiles(self, profiles: list[ScanProfile]) -> None:
        self.profiles = list(profiles)
        self.profile.clear()
        for profile in self.profiles:
            self.profile.addItem(f"{profile.name} · {self._describe_profile(profile)}")

    def _describe_profile(self, profile: ScanProfile) -> str:
        source = {ScanSource.FLATBED: self.tr("glass"), ScanSource.ADF: self.tr("feeder"),
                  ScanSource.DUPLEX: self.tr("both sides")}[profile.source]
        mode = {ScanMode.COLOR: self.tr("colour"), ScanMode.GRAY: self.tr("grey"),
                ScanMode.LINEART: self.tr("black and white")}[profile.mode]
        return self.tr("{source}, {mode}, {dpi} dpi").format(source=source, mode=mode, dpi=profile.resolution)

    @property
    def current_profile(self) -> ScanProfile:
        index = self.profile.currentIndex()
        return self.profiles[index] if 0 <= index < len(self.profiles) else ScanProfile()

    def select_profile(self, name: str) -> None:
        names = [p.name for p in self.profiles]
        self.profile.setCurrentIndex(names.index(name))

    def _list_devices(self) -> tuple[list[ScanDevice], list[BaseException]]:  # device worker
        found, problems = [], []
        for adapter in self._factories:
            if adapter == FILE_ADAPTER:
                continue  # files come through "Add from file…"
            try:
                scanner = self._scanner(adapter)
                for info in scanner.devices():
                    if info.kind in ("file", "folder") and info.id.endswith(":"):
                        continue  # needs a path: not a device to pick here
                    name = device_name(info.model or info.vendor or info.id)  # the vendor makes it too long
                    found.append(ScanDevice(adapter, info.id, name))
            except Exception as exc:  # noqa: BLE001 - one broken adapter must not hide the others
                problems.append(exc)
        names = Counter(device.label for device in found)  # two of a kind: told apart by their address
        found = [device if names[device.label] == 1 else replace(device, label=f"{device.label} ({device.device})")
                 for device in found]
        return found, problems

    def _fill_devices(self, result) -> None:
        self.devices, problems = result
        self.scanner.clear()
        for device in self.devices:
            self.scanner.addItem(device.label)
        if not self.devices:
            if problems:
                self._show_error(problems[0])
            else:
                self.banner.show_message("warn", self.tr(
                    "No scanner was found. Connect and switch on the scanner, or add pages from files."))
        self._set_busy(self._token is not None)

    def select_device(self, device_id: str) -> None:
        self.scanner.setCurrentIndex([d.device for d in self.devices].index(device_id))

    def _scanner(self, adapter: str):  # device worker only
        if adapter not in self._scanners:
            self._scanners[adapter] = self._factories[adapter]()
        return self._scanners[adapter]

    def pages(self, code: str | None = None) -> PageList:
        code = code or self.current_code
        with self._lists_lock:  # the capture worker may open a component's list too
            if code not in self._lists:
                self._lists[code] = PageList(self._work_dir)
            return self._lists[code]

    # -- capture ------------------------------------------------------------------------

    def scan(self, mode: str = "append") -> None:
        """``mode``: "append" (after the last page), "insert" (before the chosen page) or
        "replace" (one page in place of the chosen page)."""
        if self._token is not None:
            return
        index = self.scanner.currentIndex()
        if not 0 <= index < len(self.devices):
            self.banner.show_message("warn", self.tr("Choose a scanner first."))
            return
        if mode != "append" and self.strip.currentRow() < 0:
            self.banner.show_message("warn", self.tr("Choose a page in the strip first."))
            return
        device, profile = self.devices[index], self.current_profile
        if mode == "replace":
            profile = replace(profile, max_pages=1)
        self._capture(lambda progress, cancel: self._scanner(device.adapter).scan(
            device.device, profile, progress=progress, cancel=cancel), mode, "scanner", self._device_runner)

    def choose_files(self, mode: str = "append") -> None:
        """``mode`` as for ``scan``; the chooser does not block (the dialog stays responsive)."""
        if mode != "append" and self.strip.currentRow() < 0:
            self.banner.show_message("warn", self.tr("Choose a page in the strip first."))
            return
        chooser = QFileDialog(self, self.tr("Add pages from files"))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFiles)
        chooser.setNameFilter(self.tr("Scans and photos ({patterns})").format(patterns=FILE_FILTER))
        chooser.filesSelected.connect(lambda paths: self.import_files(paths, mode))
        chooser.open()

    def import_files(self, paths: list[str], mode: str = "append") -> None:
        """Pages from PDF/JPEG/PNG/TIFF files; "replace": the first page takes the chosen page's
        place and any further pages follow it."""
        if self._token is not None or not paths:
            return
        if FILE_ADAPTER not in self._factories:
            self.banner.show_message("warn", self.tr("File import is not set up on this computer."))
            return
        device, profile = FILE_ADAPTER + ":" + os.pathsep.join(paths), self.current_profile
        self._capture(lambda progress, cancel: self._scanner(FILE_ADAPTER).scan(
            device, profile, progress=progress, cancel=cancel), mode, "file", self._device_runner)

    def capture_from(self, source: PageSource, name: str = "camera") -> None:
        """Pages from another source, e.g. the document camera (hook: ``page_sources``)."""
        if self._token is not None:
            return
        try:
            items = source(self)
        except Exception as exc:  # noqa: BLE001 - the source's typed error, shown like a scanner's
            self._show_error(exc)
            return
        if items is not None:  # None: the source hands its pages over later, through add_pages
            self.add_pages(items, source=name)

    def add_pages(self, items: Iterable, *, source: str = "camera") -> None:
        """Append pages (PIL images or ScannedPage) from any source; a live camera widget can call this."""
        if self._token is not None:
            return

        def feed(progress, cancel):
            done = []
            for number, item in enumerate(items, start=1):
                if cancel.cancelled:
                    raise ScanCancelled("Capture was cancelled.", pages=done)
                progress(number, item)
                done.append(item)
            return done

        self._capture(feed, "append", source, self._device_runner)

    def _capture(self, run: Callable, mode: str, source: str, runner) -> None:
        code = self.current_code
        row = self.strip.currentRow()
        state = {"code": code, "position": {"append": len(self.pages(code)), "insert": max(row, 0),
                                            "replace": row}[mode],
                 "replace": mode == "replace", "added": {}}
        known = [c.code for c in self.dossier.components]
        token = self._token = CancelToken()
        decoder = self._decoder

        def on_page(_number, page) -> None:  # capture worker
            if decoder is not None:
                separator = separator_code(page, decoder)
                if separator is not None:
                    if separator not in known:
                        raise UnknownSeparator(f"A separator sheet names component {separator!r}, which this "
                                               f"dossier does not have.", component=separator)
                    state.update(code=separator, position=len(self.pages(separator)), replace=False)
                    self._events.component_started.emit(separator)
                    return
            target = self.pages(state["code"])
            if state["replace"]:
                target.replace(state["position"], page, source=source)
                state["replace"] = False
            else:
                target.insert(state["position"], page, source=source)
            state["added"][state["code"]] = state["added"].get(state["code"], 0) + 1
            state["position"] += 1
            self._events.page_added.emit(state["code"], state["position"] - 1)

        self.status.setText(self.tr("Waiting for the first page…"))
        self._set_busy(True)
        runner.submit(lambda: run(on_page, token), on_result=lambda _pages: self._captured(state, None),
                      on_error=lambda exc: self._captured(state, exc), owner=self)

    def stop(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self.status.setText(self.tr("Stopping after the current page…"))

    def _page_added(self, code: str, position: int) -> None:
        self._update_component_texts()
        if code == self.current_code:
            self._refresh(position)
        count = len(self.pages(code))
        self.status.setText(self.tr("{component}: page {n} captured.").format(component=code, n=count))

    def _component_started(self, code: str) -> None:
        self.select_component(code)

    def _captured(self, state: dict, error: BaseException | None) -> None:
        self._token = None
        self._set_busy(False)
        self._update_component_texts()
        self._refresh(self.strip.currentRow())
        added = state["added"]
        total = sum(added.values())
        where = ", ".join(f"{code}: {n}" for code, n in added.items())
        kept = self.tr("{n} page(s) captured ({where}).").format(n=total, where=where) if total else ""
        if self._closing:
            self._discard_all()
            return
        if isinstance(error, ScanCancelled):
            self.banner.show_message("warn", " ".join(filter(None, (describe(error).text, kept))))
        elif error is not None:
            self._show_error(error)
        elif total:
            blank = self.pages().blank_pages
            text = kept
            if blank:
                text += " " + self.tr("Page(s) {pages} look blank: check them, then delete them or press "
                                      "Not blank.").format(pages=", ".join(map(str, blank)))
            self.banner.show_message("warn" if blank else "ok", text)
        else:
            self.banner.show_message("warn", self.tr("No page came out of the scanner: put the paper in, "
                                                        "then scan again."))
        self.status.setText("")  # the banner says it
        self.strip.setFocus()

    # -- page edits (quick, in memory: on the UI thread) -----------------------------------

    def _edit(self, fn, select: Callable[[int], int]) -> None:
        if self._token is not None:  # the batch is still arriving
            return
        row = self.strip.currentRow()
        if row < 0 or row >= len(self.pages()):
            return
        try:
            fn(row)
        except Exception as exc:  # noqa: BLE001
            self._show_error(exc)
            return
        self._refresh(select(row))

    def move_page(self, row: int, step: int) -> None:
        count = len(self.pages())
        if not (0 <= row < count and 0 <= row + step < count):
            return
        self.strip.setCurrentRow(row)
        self._edit(lambda r: self.pages().move(r, r + step), lambda r: r + step)

    def rotate_page(self, row: int, quarter_turns: int = 1) -> None:
        self.strip.setCurrentRow(row)
        self._edit(lambda r: self.pages().rotate(r, quarter_turns), lambda r: r)

    def delete_page(self, row: int) -> None:
        self.strip.setCurrentRow(row)
        self._edit(lambda r: self.pages().delete(r), lambda r: r)
        if self.pages().can_undo:
            self.banner.show_message("info", self.tr("Page deleted. Ctrl+Z brings it back."))

    def undo_delete(self) -> None:
        if self._token is not None:
            return
        page = self.pages().undo_delete()
        if page is not None:
            self._refresh(self.pages().index_of(page.id))
            self.banner.clear_message()

    def keep_page(self, row: int) -> None:
        self.strip.setCurrentRow(row)
        self._edit(lambda r: self.pages().set_blank(r, False), lambda r: r)

    # -- showing ------------------------------------------------------------------------

    def _refresh(self, select: int) -> None:
        pages = self.pages()
        entries = []
        for number, page in enumerate(pages.pages, start=1):
            key = (page.id, page.rotation, page.blank)
            png = None if self.strip.has_icon(key) else pages.preview_png(number - 1)
            caption = self.tr("Page {n}").format(n=number)
            if page.blank:
                caption = self.tr("Page {n} · blank?").format(n=number)
            entries.append((key, png, caption, page.blank))
        self.strip.blockSignals(True)
        self.strip.show_pages(entries, select)
        self.strip.blockSignals(False)
        self._show_current(self.strip.currentRow())
        self._update_component_texts()
        self._set_busy(self._token is not None)

    def _show_current(self, row: int) -> None:
        pages = self.pages()
        if not 0 <= row < len(pages):
            self.preview.clear()
            self.preview.setText(self.tr("No pages yet: press Scan (Alt+S), or add pages from a file."))
            self.page_info.setText("")
            return
        page = pages.pages[row]
        pixmap = QPixmap.fromImage(QImage.fromData(pages.preview_png(row)))
        room = (self.preview.size() - QSize(8, 8)).expandedTo(QSize(200, 200)).boundedTo(pixmap.size() * 2)
        self.preview.setPixmap(pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))
        sources = {"scanner": self.tr("scanner"), "file": self.tr("file"), "camera": self.tr("camera")}
        parts = [self.tr("Page {n} of {total}").format(n=row + 1, total=len(pages)),
                 self.tr("{dpi} dpi").format(dpi=page.dpi), sources.get(page.source, page.source)]
        if page.rotation:
            parts.append(self.tr("turned {degrees}°").format(degrees=page.rotation))
        if page.blank:
            parts.append(self.tr("looks blank: delete it, or press Not blank to keep it"))
        self.page_info.setText(" · ".join(parts))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.strip.currentRow() >= 0:
            self._show_current(self.strip.currentRow())  # the preview follows the window's size

    def _set_busy(self, busy: bool) -> None:
        has_pages = bool(self._lists.get(self.current_code)) and len(self.pages()) > 0
        self.progress.setVisible(busy)
        self.status.setVisible(busy)
        self.stop_button.setEnabled(busy)
        self.scan_button.setEnabled(not busy and bool(self.devices))
        for button in (self.insert_button, self.replace_button):
            button.setEnabled(not busy and bool(self.devices) and has_pages)
        for button in (self.move_left_button, self.move_right_button, self.rotate_button, self.delete_button,
                       self.keep_button, self.save_button):
            button.setEnabled(not busy and has_pages)
        self.undo_button.setEnabled(not busy and self.current_code in self._lists and self.pages().can_undo)
        self.file_button.setEnabled(not busy and FILE_ADAPTER in self._factories)
        for button in self.source_buttons + [self.sheets_button]:
            button.setEnabled(not busy)
        self.component.setEnabled(not busy)

    def _show_error(self, error: BaseException) -> None:
        self.banner.show_error(describe(error))

    # -- separator sheets ---------------------------------------------------------------

    def print_separator_sheets(self) -> None:
        """Make the dossier's separator sheets (core worker), then offer the print dialog."""
        components = [(c.code, c.name) for c in self.dossier.components]
        code = self.dossier.code
        self._runner.submit(lambda: separator_sheets_pdf(components, dossier_code=code),
                            on_result=self._print_sheets, on_error=self._show_error, owner=self)

    def _print_sheets(self, pdf: bytes) -> None:
        self.separator_pdf = pdf
        if self.pdf_actions is None:
            from ui.printing import PdfActions  # late: only this button prints

            self.pdf_actions = PdfActions(self, self._device_runner, self.banner.show_error,
                                          lambda text: self.banner.show_message("ok", text))
        self.pdf_actions.print_pdf(pdf, self.tr("Separator sheets {code}").format(code=self.dossier.code))

    # -- saving -------------------------------------------------------------------------

    def _signature(self, code: str) -> tuple:
        pages = self._lists.get(code)
        return tuple((p.id, p.rotation) for p in pages.pages) if pages else ()

    def save(self) -> None:
        """Make the component's PDF and keep it with the dossier (core worker)."""
        if self._token is not None or not self.save_button.isEnabled():
            return
        code, pages, mode = self.current_code, self.pages(), output_mode(self.current_profile)
        signature, dossier_code = self._signature(code), self.dossier.code

        def make_and_keep():
            result = pages.to_pdf(mode=mode, dossier_code=dossier_code, component_code=code)
            return result, self._core.attach_scan(dossier_code, code, result.pdf, result.pages)

        self.status.setText(self.tr("Saving {component}…").format(component=code))
        self._set_busy(True)
        self.stop_button.setEnabled(False)
        self._runner.submit(make_and_keep, on_result=lambda answer: self._saved_ok(code, signature, *answer),
                            on_error=self._save_failed, owner=self)

    def _saved_ok(self, code: str, signature: tuple, result, document) -> None:
        self._saved[code] = signature
        self._set_busy(False)
        self._update_component_texts()
        text = self.tr("Saved {component}: {pages} page(s), {size} KB, kept with the dossier as {file}.").format(
            component=code, pages=result.pages, size=max(1, round(len(result.pdf) / 1024)), file=document.filename)
        if result.text_pages:
            text += " " + self.tr("Searchable text on %n page(s).", "", result.text_pages)
        elif result.notes:  # OCR is on but could not run: the PDF is fine, only not searchable
            text += " " + self.tr("No searchable text: text recognition is not available on this computer.")
        self.banner.show_message("ok", text)
        self.status.setText("")
        self.saved.emit(code, document)

    def _save_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.status.setText("")
        self._show_error(error)  # the pages stay in the strip: saving again is possible

    # -- closing ------------------------------------------------------------------------

    def unsaved_components(self) -> list[str]:
        return [code for code, pages in self._lists.items() if len(pages) and self._saved.get(code) !=
                self._signature(code)]

    def reject(self) -> None:
        unsaved = self.unsaved_components()
        if unsaved and not self._closing:
            ask(self, self.tr("Close without saving?"),
                self.tr("The pages of {components} are not saved and will be lost. Close anyway?").format(
                    components=", ".join(unsaved)), self._close_now,
                yes_text=self.tr("Close &without saving"), no_text=self.tr("&Keep scanning"))
            return
        self._close_now()

    def _close_now(self) -> None:
        self._closing = True
        if self._token is not None:
            self._token.cancel()  # the worker's answer then removes the page files
        else:
            self._discard_all()
        super().reject()

    def _discard_all(self) -> None:
        with self._lists_lock:
            lists, self._lists = list(self._lists.values()), {}
        for pages in lists:
            pages.close()
