"""The core facade: everything the UI and the CLI may ask of a counter's workspace.

It owns no device or network code; adapters reach it through the ports in
``counter_app.ports`` and are wired in by the composition root.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Callable

from counter_app import catalog as catalog_io
from counter_app import view_audit
from counter_app.accounts import audit as account_audit
from counter_app.accounts.guard import GuardedService
from counter_app.accounts.roles import Permission, Role
from counter_app.accounts.rules import DOSSIER_RULES, QUEUE_RULES
from counter_app.accounts.service import AccountService, OfficerView, Principal
from counter_app.calendar import load_overrides as load_overrides_file
from counter_app.catalog.model import Channel, ProcedureSpec
from counter_app.catalog.repository import (
    ImportReport,
    catalogue_stamp,
    current_procedure,
    current_procedures,
    import_specs,
    spec_of,
)
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
from counter_app.errors import AccountRevoked, LoginRequired, PermissionDenied
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
        # What the cached catalogue and calendar were built from: the sync pull (or another
        # process) may change either under an open app, which must then rebuild them.
        self._catalogue_built_from: tuple | None = None
        self._scheduler_overrides: list | None = None
        # Who works here now (None: nobody, or a workspace still in set-up mode) and whether
        # the screen is locked; see ``require``.
        self.principal: Principal | None = None
        self._locked = False
        self._last_search: tuple[str, str, float] | None = None  # coalesces one typing session's searches
        self.accounts = AccountService(workspace.db, clock, lambda: self.settings().security)
        self.dossiers = GuardedService(DossierService(workspace.db, self._acting_settings, self.scheduler, clock),
                                       DOSSIER_RULES, self.require)

    @cached_property
    def queue(self):
        """The office queue (``counter_app.queue.QueueService``), created on first use."""
        from counter_app.queue import QueueService

        return GuardedService(QueueService(self.workspace.db, self._acting_settings, self.clock), QUEUE_RULES,
                              self.require)

    def use_queue(self, port):
        """Serve ``core.queue`` from ``port`` (e.g. the office host over the LAN), with the
        same permission checks as the local queue. Returns the queue now in use."""
        if not isinstance(port, GuardedService):
            port = GuardedService(port, QUEUE_RULES, self.require)
        self.__dict__["queue"] = port  # replaces the cached local queue
        return port

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> Settings:
        if self._settings is None:
            with self.workspace.db.read() as session:
                self._settings = load_settings(session)
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        self.require(Permission.SAVE_SETTINGS)
        with self.workspace.db.write() as session:
            save_settings(session, settings)
        self._settings = None
        self._scheduler = None

    # -- calendar -------------------------------------------------------------------------

    def scheduler(self) -> Scheduler:
        # The overrides are a few rows: re-read each time so a calendar update from the
        # province (applied by the sync pull) counts without reopening the app.
        with self.workspace.db.read() as session:
            overrides = stored_overrides(session)
        if self._scheduler is None or overrides != self._scheduler_overrides:
            self._scheduler = Scheduler(self.settings().rules, overrides)
            self._scheduler_overrides = overrides
        return self._scheduler

    def import_calendar(self, path: Path) -> int:
        self.require(Permission.IMPORT_CALENDAR)
        overrides = load_overrides_file(path)
        with self.workspace.db.write() as session:
            count = store_overrides(session, overrides, source=Path(path).name)
        self._scheduler = None
        return count

    def due_date(self, procedure_code: str, received_at: datetime, channel: Channel = Channel.DIRECT) -> datetime:
        return self.scheduler().due_at(self.procedure(procedure_code), received_at, channel)

    # -- catalogue ------------------------------------------------------------------------

    def import_catalog(self, path: Path) -> ImportReport:
        self.require(Permission.IMPORT_CATALOG)
        path = Path(path)
        specs = catalog_io.load_xlsx(path) if path.suffix.lower() == ".xlsx" else catalog_io.load_national_json(path)
        return self.import_procedures(specs, source=path.name)

    def import_procedures(self, specs: list[ProcedureSpec], *, source: str, allow_unchanged: bool = False) -> ImportReport:
        self.require(Permission.IMPORT_CATALOG)
        with self.workspace.db.write() as session:
            report = import_specs(session, specs, source=source, now=self.clock(), allow_unchanged=allow_unchanged)
        self._procedures = None
        return report

    def procedures(self) -> list[ProcedureSpec]:
        """Current procedures in Vietnamese order of their names (cached; the catalogue is small)."""
        return [spec for _folded, spec in self._catalogue()]

    def catalogue_version(self) -> tuple:
        """Changes whenever the stored catalogue does (one small aggregate query): lets a
        screen notice a catalogue version the sync pull applied while it was open."""
        with self.workspace.db.read() as session:
            return catalogue_stamp(session)

    def _catalogue(self) -> list[tuple[str, ProcedureSpec]]:
        # Folded once per load: the procedure search runs on every keystroke. Reloaded when
        # the stored catalogue changed (a sync pull or another process imported a version).
        with self.workspace.db.read() as session:
            stamp = catalogue_stamp(session)
            if self._procedures is not None and stamp == self._catalogue_built_from:
                return self._procedures
            specs = [spec_of(row) for row in current_procedures(session)]
        procedures = [(fold(f"{spec.code} {spec.name} {spec.field}"), spec)
                      for spec in sorted(specs, key=lambda s: sort_key(s.name))]
        self._procedures, self._catalogue_built_from = procedures, stamp
        return procedures

    def find_procedures(self, query: str) -> list[ProcedureSpec]:
        """Procedures whose code, name or field contains every typed word, accents ignored."""
        words = fold(query).split()
        return [spec for folded, spec in self._catalogue() if all(word in folded for word in words)]

    def procedure(self, code: str) -> ProcedureSpec:
        with self.workspace.db.read() as session:
            return spec_of(current_procedure(session, code))

    # -- dossiers -------------------------------------------------------------------------

    def receive(self, request: IntakeRequest) -> DossierView:
        self.require(Permission.RECEIVE)
        return self.dossiers.unguarded.receive(request)

    def dossier(self, code: str) -> DossierView:
        """One dossier with the citizen's data: recorded as a view (``counter_app.view_audit``)."""
        view = self.dossiers.get(code)
        self._record_view(view_audit.DETAIL, dossier_code=view.code)
        return view

    def search(self, query: SearchQuery) -> list[DossierSummary]:
        with self.workspace.db.read() as session:
            found = search(session, query)
        kind = view_audit.search_kind(query.text)
        if kind is None:
            self._last_search = None  # the box was cleared: the next text is a new search
        elif found and self._new_search_session(query.text):
            # The kind of text and how many rows came back, never the words typed.
            self._record_view(view_audit.SEARCH, detail={"kind": kind, "results": len(found)})
        return found

    # -- forms ----------------------------------------------------------------------------

    def issue_form(self, code: str, form_id: str, *, keep: bool = True) -> bytes:
        """Render form 01/02/03 for a dossier and keep the PDF with it."""
        self.require(Permission.PRINT)
        with self.workspace.db.write() as session:
            dossier = load_dossier(session, code)
            from counter_app.forms import render_form
            from counter_app.forms.templates import load_template

            context = form_context(dossier, form_id, self.settings())
            pdf = render_form(form_id, context)
            self._record_view(view_audit.FORM, dossier_code=dossier.code, detail={"form": form_id}, session=session)
            if keep:
                sha256 = self.workspace.files.put(pdf)  # bytes first: the row never points at nothing
                attach_document(session, dossier, kind=f"form_{form_id}", sha256=sha256, size=len(pdf),
                                filename=f"{form_id}_{dossier.code}.pdf", now=self.clock(),
                                template_version=load_template(form_id).version)
        return pdf

    def render_register(self, start: date, end: date) -> bytes:
        self.require(Permission.PRINT)
        with self.workspace.db.read() as session:
            context = register_context(session, self.settings(), start, end, printed_at=self.clock())
        from counter_app.forms import render_register

        pdf = render_register(context)
        self._record_view(view_audit.REGISTER, detail={"from": start.isoformat(), "to": end.isoformat()})
        return pdf

    def document_bytes(self, sha256: str) -> bytes:
        """A file kept with a dossier (scan, form): recorded as a view of that dossier."""
        data = self.workspace.files.get(sha256)
        from sqlalchemy import select

        from counter_app.storage.models import Document, Dossier

        with self.workspace.db.read() as session:
            owner = session.execute(select(Dossier.code, Document.kind).join(Document.dossier)
                                    .where(Document.sha256 == sha256).order_by(Document.id).limit(1)).first()
        self._record_view(view_audit.FILE, dossier_code=owner[0] if owner else None,
                          detail={"kind": owner[1]} if owner else {"sha256": sha256[:16]})
        return data

    # -- views of personal data -----------------------------------------------------------

    def _viewer(self) -> view_audit.Viewer:
        workstation, principal = self.settings().workstation, self.principal
        return view_audit.Viewer(principal.username if principal else "", tuple(principal.roles) if principal else (),
                                 workstation.counter_label, workstation.name)

    def _record_view(self, view: str, *, dossier_code: str | None = None, detail: dict | None = None,
                     session=None) -> None:
        """Append a view event (in ``session`` when given, so it commits with that work). A
        workspace opened read-only (a backup disk) cannot record and is not blocked."""
        if self.workspace.read_only:
            return
        if session is not None:
            view_audit.append_view_event(session, self._viewer(), view, at=self.clock(), dossier_code=dossier_code,
                                         detail=detail)
            return
        with self.workspace.db.write() as own:
            view_audit.append_view_event(own, self._viewer(), view, at=self.clock(), dossier_code=dossier_code,
                                         detail=detail)

    def _new_search_session(self, text: str) -> bool:
        """False while the same officer keeps typing the same search (one event per session)."""
        import time as _time

        folded, who, now = fold(text).strip(), self._viewer().officer, _time.monotonic()
        last = self._last_search
        self._last_search = (who, folded, now)
        if last is None or last[0] != who or now - last[2] > view_audit.SEARCH_COALESCE_SECONDS:
            return True
        return not (folded.startswith(last[1]) or last[1].startswith(folded))

    def attach_scan(self, code: str, component_code: str, pdf_bytes: bytes, pages: int) -> DocumentView:
        """Keep a component's scanned PDF with the dossier (kind "scan", page count in the filename).

        No sidecar row: the dossier and component codes and the blank pages flagged at capture
        travel inside the PDF's metadata (``counter_app.capture.pages_to_pdf``)."""
        self.require(Permission.RECEIVE)
        with self.workspace.db.write() as session:
            dossier = load_dossier(session, code)
            check_scan(dossier, component_code, pdf_bytes, pages)
            sha256 = self.workspace.files.put(pdf_bytes)  # bytes first: the row never points at nothing
            document = attach_document(session, dossier, kind=SCAN_KIND, sha256=sha256, size=len(pdf_bytes),
                                       filename=scan_filename(dossier.code, component_code, pages),
                                       now=self.clock())
            return DocumentView(document.id, document.kind, document.sha256, document.filename, document.size,
                                document.created_at)

    # -- statistics -----------------------------------------------------------------------

    def statistics(self, start: date, end: date) -> dict[int, int]:
        """How many dossiers received from ``start`` to ``end`` (inclusive) are in each status."""
        self.require(Permission.VIEW_STATISTICS)
        from datetime import time, timedelta

        from sqlalchemy import func, select

        from counter_app.storage.models import Dossier

        with self.workspace.db.read() as session:
            rows = session.execute(select(Dossier.status, func.count()).where(
                Dossier.received_at >= datetime.combine(start, time()),
                Dossier.received_at < datetime.combine(end + timedelta(days=1), time())).group_by(Dossier.status))
            return {int(status): count for status, count in rows}

    # -- officers and permissions ---------------------------------------------------------
    # Set-up mode (no account was ever created): everything is allowed, as before accounts
    # existed. Afterwards every guarded action needs a logged-in, unlocked, unrevoked
    # officer whose roles grant it (``counter_app.accounts.roles.ROLE_PERMISSIONS``).

    def setup_mode(self) -> bool:
        return self.accounts.setup_mode()

    @property
    def locked(self) -> bool:
        return self._locked

    def require(self, permission: Permission) -> None:
        """Raise ``PermissionDenied`` (or ``LoginRequired``/``AccountRevoked``) unless allowed."""
        if self.accounts.setup_mode():
            return
        if self.principal is None or self._locked:
            raise LoginRequired("Log in first (in the app, or with --user NAME on the command line).",
                                permission=permission.value)
        current = self.accounts.principal(self.principal.username)  # revoked or re-roled meanwhile?
        if current is None:
            self.principal = None
            raise AccountRevoked("This account has been revoked; log in as another officer.")
        self.principal = current
        if not current.may(permission):
            raise PermissionDenied(f"{current.username} ({', '.join(current.roles)}) may not {permission.value}.",
                                   permission=permission.value)

    def may(self, permission: Permission) -> bool:
        """Whether the officer at the counter now may (nobody logged in, or a locked screen: no)."""
        try:
            self.require(permission)
        except (PermissionDenied, AccountRevoked, LoginRequired):
            return False
        return True

    def login(self, username: str, password: str) -> Principal:
        """Log an officer in (also to unlock, or to switch officer without closing the app)."""
        principal = self.accounts.login(username, password)
        self.principal, self._locked = principal, False
        return principal

    def logout(self) -> None:
        if self.principal is not None:
            self.accounts.record(account_audit.LOGOUT, self.principal.username)
        self.principal, self._locked = None, False

    def lock(self) -> None:
        """Lock the counter: nothing guarded runs until someone logs in again."""
        if self.principal is not None and not self._locked:
            self.accounts.record(account_audit.SCREEN_LOCKED, self.principal.username)
        self._locked = True

    def create_first_admin(self, username: str, display_name: str, password: str) -> Principal:
        """Set-up mode only: create the office administrator, end set-up mode and log them in."""
        if not self.accounts.setup_mode():
            raise PermissionDenied("The first administrator already exists; log in as an administrator.",
                                   permission=Permission.MANAGE_USERS.value)
        self.accounts.create(username, display_name, password, [Role.ADMIN.value], actor="setup")
        return self.login(username, password)

    def _actor_name(self) -> str:
        return self.principal.username if self.principal else ""

    def officers(self) -> list[OfficerView]:
        self.require(Permission.MANAGE_USERS)
        return self.accounts.list()

    def create_officer(self, username: str, display_name: str, password: str, roles) -> OfficerView:
        self.require(Permission.MANAGE_USERS)
        return self.accounts.create(username, display_name, password, roles, actor=self._actor_name())

    def set_officer_roles(self, username: str, roles) -> OfficerView:
        self.require(Permission.MANAGE_USERS)
        return self.accounts.set_roles(username, roles, actor=self._actor_name())

    def revoke_officer(self, username: str, *, revoked: bool = True) -> OfficerView:
        self.require(Permission.MANAGE_USERS)
        return self.accounts.revoke(username, actor=self._actor_name(), revoked=revoked)

    def reset_password(self, username: str, password: str) -> None:
        self.require(Permission.MANAGE_USERS)
        self.accounts.set_password(username, password, actor=self._actor_name())

    def change_own_password(self, old_password: str, new_password: str) -> None:
        if self.principal is None or self._locked:
            raise LoginRequired("Log in first.")
        self.accounts.change_own_password(self.principal.username, old_password, new_password)

    def _acting_settings(self) -> Settings:
        """The settings as the services see them: the logged-in officer signs their work."""
        settings, principal = self.settings(), self.principal
        if principal is None:
            return settings
        return replace(settings, workstation=replace(settings.workstation, officer_name=principal.display_name))
