"""Persisting the catalogue: procedure versions, and reading them back as specs.

An import never overwrites: a procedure whose content changed gets a new version and
the old one stays, because dossiers already received keep pointing at it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from counter_app.catalog.fingerprint import fingerprint
from counter_app.catalog.model import (
    Channel,
    ComponentSpec,
    CopyKind,
    Fee,
    ProcedureSpec,
    ProcessingTime,
    TimeUnit,
)
from counter_app.errors import CatalogFormatError, DuplicateImport, UnknownProcedure
from counter_app.storage.models import Procedure, ProcedureComponent
from counter_app.text import fold


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return len(self.added) + len(self.new_versions)


def import_specs(session: Session, specs: list[ProcedureSpec], *, source: str, now: datetime,
                 allow_unchanged: bool = False) -> ImportReport:
    """Store ``specs``; raises DuplicateImport when nothing in them is new."""
    codes = [s.code for s in specs]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise CatalogFormatError(f"The file lists procedure(s) more than once: {', '.join(repeated)}.")
    report = ImportReport()
    for spec in specs:
        digest = fingerprint(spec)
        current = session.scalar(select(Procedure).where(Procedure.code == spec.code, Procedure.is_current))
        if current is not None and current.fingerprint == digest:
            report.unchanged.append(spec.code)
            continue
        version = 1
        if current is not None:
            current.is_current = False
            version = current.version + 1
            report.new_versions.append(spec.code)
        else:
            report.added.append(spec.code)
        session.add(_row_of(spec, version=version, digest=digest, source=source, now=now))
    if not report.changed and specs and not allow_unchanged:
        raise DuplicateImport(
            f"Nothing new: all {len(specs)} procedure(s) in {source} are already in the catalogue."
        )
    session.flush()
    return report


def _row_of(spec: ProcedureSpec, *, version: int, digest: str, source: str, now: datetime) -> Procedure:
    row = Procedure(
        code=spec.code, version=version, is_current=True, name=spec.name, name_folded=fold(spec.name),
        field=spec.field, level=spec.level, receiving_agency=spec.receiving_agency,
        processing=[{"channel": int(p.channel), "amount": p.amount, "unit": p.unit.value, "note": p.note}
                    for p in spec.processing_times],
        fees=[{"channel": int(f.channel), "amount_vnd": f.amount_vnd, "description": f.description}
              for f in spec.fees],
        results=list(spec.results), legal_basis=list(spec.legal_basis),
        cutoff=spec.cutoff.strftime("%H:%M") if spec.cutoff else None,
        effective_from=spec.effective_from, effective_to=spec.effective_to,
        extra=dict(spec.extra), fingerprint=digest, source=source, imported_at=now,
    )
    for position, component in enumerate(spec.components, start=1):
        row.components.append(ProcedureComponent(
            position=position, code=component.code, name=component.name,
            copy_kind=component.copy_kind.value, count=component.count, mandatory=component.mandatory,
            form_name=component.form_name, note=component.note,
        ))
    return row


def spec_of(row: Procedure) -> ProcedureSpec:
    return ProcedureSpec(
        code=row.code, name=row.name, field=row.field, level=row.level,
        receiving_agency=row.receiving_agency,
        processing_times=tuple(ProcessingTime(Channel(p["channel"]), p["amount"], TimeUnit(p["unit"]),
                                              p.get("note", "")) for p in row.processing),
        fees=tuple(Fee(Channel(f["channel"]), f["amount_vnd"], f.get("description", "")) for f in row.fees),
        components=tuple(ComponentSpec(c.code, c.name, CopyKind(c.copy_kind), c.count, c.mandatory,
                                       c.form_name, c.note) for c in row.components),
        results=tuple(row.results), legal_basis=tuple(row.legal_basis),
        cutoff=time.fromisoformat(row.cutoff) if row.cutoff else None,
        effective_from=row.effective_from, effective_to=row.effective_to, extra=dict(row.extra or {}),
    )


def current_procedure(session: Session, code: str) -> Procedure:
    row = session.scalar(
        select(Procedure).where(Procedure.code == code.strip(), Procedure.is_current)
        .options(selectinload(Procedure.components))
    )
    if row is None:
        raise UnknownProcedure(f"Unknown procedure code {code!r}. Use 'counter-app catalog list' to see codes.")
    return row


def catalogue_stamp(session: Session) -> tuple[int, int, int]:
    """(versions stored, newest version id, current versions): an import that changes
    anything adds a version, so the stamp changes with it. Cheap: one aggregate query."""
    total, newest, current = session.execute(
        select(func.count(Procedure.id), func.max(Procedure.id),
               func.count(Procedure.id).filter(Procedure.is_current))).one()
    return int(total or 0), int(newest or 0), int(current or 0)


def current_procedures(session: Session) -> list[Procedure]:
    return list(session.scalars(
        select(Procedure).where(Procedure.is_current).options(selectinload(Procedure.components))
    ))
