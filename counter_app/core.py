"""The core facade: everything the UI and the CLI may ask of a counter's workspace.

It owns no device or network code; adapters reach it through the ports in
``counter_app.ports`` and are wired in by the composition root.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Callable

from counter_app import catalog as catalog_io
from counter_app.calendar import load_overrides as load_overrides_file
from counter_app.catalog.model import Channel, ProcedureSpec
from counter_app.catalog.repository import ImportReport, current_procedure, current_procedures, import_specs, spec_of
from counter_app.documents import (
    SCAN_KIND,
    attach_document,
    check_scan,
    form_context,
    register_context,
    scan_filename,
)
from counter_app.dossiers.intake import IntakeRequest
from counter_app.dossiers.service import DossierService, load_dossier
from counter_app.dossiers.views import DocumentView, DossierSummary, DossierView
from counter_app.scheduling import Scheduler, store_overrides, stored_overrides
from counter_app.search import SearchQuery, search
from counter_app.settings import Settings, load_settings, save_settings
from counter_app.text import fold, sort_key
from counter_app.workspace import Workspace


class CounterCore:
    def __init__(self, workspace: Workspace, clock: Callable[[], datetime] = datetime.now):
        self.workspace = workspace
        self.clock = clock
        self._settings: Settings | None = None
        self._scheduler: Scheduler | None = None
        self._procedures: list[tuple[str, ProcedureSpec]] | None = None
        self.dossiers = DossierService(workspace.db, self.settings, self.scheduler, clock)

    @cached_property
    def queue(self):
        """The office queue (``counter_app.queue.QueueService``), created on first use."""
        from counter_app.queue import QueueService

        return QueueService(self.workspace.db, self.settings, self.clock)

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> Settings:
        if self._settings is None:
            with self.workspace.db.read() as session:
                self._settings = load_settings(session)
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        with self.workspace.db.write() as session:
            save_settings(session, settings)
        self._settings = None
        self._scheduler = None

    # -- calendar -------------------------------------------------------------------------

    def scheduler(self) -> Scheduler:
        if self._scheduler is None:
            with self.workspace.db.read() as session:
                self._scheduler = Scheduler(self.settings().rules, stored_overrides(session))
        return self._scheduler

    def import_calendar(self, path: Path) -> int:
        overrides = load_overrides_file(path)
        with self.workspace.db.write() as session:
            count = store_overrides(session, overrides, source=Path(path).name)
        self._scheduler = None
        return count

    def due_date(self, procedure_code: str, received_at: datetime, channel: Channel = Channel.DIRECT) -> datetime:
        return self.scheduler().due_at(self.procedure(procedure_code), received_at, channel)

    # -- catalogue ------------------------------------------------------------------------

    def import_catalog(self, path: Path) -> ImportReport:
        path = Path(path)
        specs = catalog_io.load_xlsx(path) if path.suffix.lower() == ".xlsx" else catalog_io.load_national_json(path)
        return self.import_procedures(specs, source=path.name)

    def import_procedures(self, specs: list[ProcedureSpec], *, source: str, allow_unchanged: bool = False) -> ImportReport:
        with self.workspace.db.write() as session:
            report = import_specs(session, specs, source=source, now=self.clock(), allow_unchanged=allow_unchanged)
        self._procedures = None
        return report

    def procedures(self) -> list[ProcedureSpec]:
        """Current procedures in Vietnamese order of their names (cached; the catalogue is small)."""
        return [spec for _folded, spec in self._catalogue()]

    def _catalogue(self) -> list[tuple[str, ProcedureSpec]]:
        # Folded once per load: the procedure search runs on every keystroke.
        if self._procedures is None:
            with self.workspace.db.read() as session:
                specs = [spec_of(row) for row in current_procedures(session)]
            self._procedures = [(fold(f"{spec.code} {spec.name} {spec.field}"), spec)
                                for spec in sorted(specs, key=lambda s: sort_key(s.name))]
        return self._procedures

    def find_procedures(self, query: str) -> list[ProcedureSpec]:
        """Procedures whose code, name or field contains every typed word, accents ignored."""
        words = fold(query).split()
        return [spec for folded, spec in self._catalogue() if all(word in folded for word in words)]

    def procedure(self, code: str) -> ProcedureSpec:
        with self.workspace.db.read() as session:
            return spec_of(current_procedure(session, code))

    # -- dossiers -------------------------------------------------------------------------

    def receive(self, request: IntakeRequest) -> DossierView:
        return self.dossiers.receive(request)

    def dossier(self, code: str) -> DossierView:
        return self.dossiers.get(code)

    def search(self, query: SearchQuery) -> list[DossierSummary]:
        with self.workspace.db.read() as session:
            return search(session, query)

    # -- forms ----------------------------------------------------------------------------

    def issue_form(self, code: str, form_id: str, *, keep: bool = True) -> bytes:
        """Render form 01/02/03 for a dossier and keep the PDF with it."""
        with self.workspace.db.write() as session:
            dossier = load_dossier(session, code)
            from counter_app.forms import render_form
            from counter_app.forms.templates import load_template

            context = form_context(dossier, form_id, self.settings())
            pdf = render_form(form_id, context)
            if keep:
                sha256 = self.workspace.files.put(pdf)  # bytes first: the row never points at nothing
                attach_document(session, dossier, kind=f"form_{form_id}", sha256=sha256, size=len(pdf),
                                filename=f"{form_id}_{dossier.code}.pdf", now=self.clock(),
                                template_version=load_template(form_id).version)
        return pdf

    def render_register(self, start: date, end: date) -> bytes:
        with self.workspace.db.read() as session:
            context = register_context(session, self.settings(), start, end, printed_at=self.clock())
        from counter_app.forms import render_register

        return render_register(context)

    def document_bytes(self, sha256: str) -> bytes:
        return self.workspace.files.get(sha256)

    def attach_scan(self, code: str, component_code: str, pdf_bytes: bytes, pages: int) -> DocumentView:
        """Keep a component's scanned PDF with the dossier (kind "scan", page count in the filename).

        No sidecar row: the dossier and component codes and the blank pages flagged at capture
        travel inside the PDF's metadata (``counter_app.capture.pages_to_pdf``)."""
        with self.workspace.db.write() as session:
            dossier = load_dossier(session, code)
            check_scan(dossier, component_code, pdf_bytes, pages)
            sha256 = self.workspace.files.put(pdf_bytes)  # bytes first: the row never points at nothing
            document = attach_document(session, dossier, kind=SCAN_KIND, sha256=sha256, size=len(pdf_bytes),
                                       filename=scan_filename(dossier.code, component_code, pages),
                                       now=self.clock())
            return DocumentView(document.id, document.kind, document.sha256, document.filename, document.size,
                                document.created_at)
