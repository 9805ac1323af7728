"""Dossier search: free text (diacritic- and case-insensitive prefixes) plus filters.

Text goes through the FTS5 index over the folded ``search_text``; results come newest
first straight from the index (rowid order, which is insertion order), so a query stops
as soon as a page is full. Without text, newest received first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import column, select, table
from sqlalchemy.orm import Session

from counter_app.dossiers.sync_badges import badges_by_id
from counter_app.dossiers.views import DossierSummary
from counter_app.errors import InvalidInput
from counter_app.storage.models import Dossier, Procedure
from counter_app.text import fold

_TOKEN = re.compile(r"[a-z0-9]+")
MAX_LIMIT = 500
_FTS = table("dossier_search", column("rowid"), column("dossier_search"))


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    statuses: tuple[int, ...] = ()
    procedure_code: str | None = None
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    limit: int = 50
    offset: int = 0


def fts_expression(query_text: str) -> str | None:
    """Every typed word must match the start of a word, in any order."""
    tokens = _TOKEN.findall(fold(query_text))
    if not tokens:
        return None
    return " AND ".join(f'"{token}"*' for token in tokens)


SUMMARY_COLUMNS = (Dossier.id, Dossier.code, Dossier.status, Dossier.applicant_name, Dossier.id_number,
                   Dossier.phone, Procedure.code, Procedure.name, Dossier.received_at, Dossier.due_at)


def search(session: Session, query: SearchQuery) -> list[DossierSummary]:
    if query.received_from and query.received_to and query.received_from > query.received_to:
        raise InvalidInput("The start date is after the end date.")
    limit = max(1, min(query.limit, MAX_LIMIT))
    # Plain columns, not ORM objects: a results page is built many times a second while typing.
    statement = select(*SUMMARY_COLUMNS).join(Procedure, Dossier.procedure_id == Procedure.id)
    order = (Dossier.received_at.desc(), Dossier.id.desc())
    expression = fts_expression(query.text)
    if expression:
        # Drive the query from the index, newest first, so LIMIT stops the scan early.
        statement = statement.join(_FTS, _FTS.c.rowid == Dossier.id).where(
            _FTS.c.dossier_search.op("MATCH")(expression))
        order = (_FTS.c.rowid.desc(),)
    if query.statuses:
        statement = statement.where(Dossier.status.in_(query.statuses))
    if query.procedure_code:
        statement = statement.where(Procedure.code == query.procedure_code)
    if query.received_from:
        statement = statement.where(Dossier.received_at >= datetime.combine(query.received_from, datetime.min.time()))
    if query.received_to:
        end = datetime.combine(query.received_to + timedelta(days=1), datetime.min.time())
        statement = statement.where(Dossier.received_at < end)
    statement = statement.order_by(*order).limit(limit).offset(max(0, query.offset))
    rows = [DossierSummary(*row) for row in session.execute(statement)]
    badges = badges_by_id(session, [row.id for row in rows])
    return [replace(row, sync_state=badges[row.id]) for row in rows]
