"""Request and response bodies of the API (they make the OpenAPI document)."""
from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field

API_PREFIX = "/api/v1"
MAX_BATCH = 500


class ErrorBody(BaseModel):
    code: str
    message: str


class WorkstationIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    agency_id: str = Field(min_length=1, max_length=32)
    slot: int = Field(default=0, ge=0, le=9)


class WorkstationOut(BaseModel):
    workstation_id: int
    name: str
    agency_id: str
    token: str | None = None  # only in the answer to a registration


class OpIn(BaseModel):
    op_id: UUID
    kind: str = Field(min_length=1, max_length=32)
    dossier_uuid: str | None = Field(default=None, max_length=36)
    payload: dict


class OpsIn(BaseModel):
    ops: list[OpIn] = Field(max_length=MAX_BATCH)


class OpResult(BaseModel):
    op_id: str
    outcome: str  # applied | rejected | deferred
    duplicate: bool
    reason: str
    result: dict | None


class OpsOut(BaseModel):
    results: list[OpResult]


class FileState(BaseModel):
    sha256: str
    size: int
    complete: bool
    ranges: list[list[int]]


class ChangeOut(BaseModel):
    id: int
    kind: str
    dossier_uuid: str | None
    body: dict


class ChangesOut(BaseModel):
    changes: list[ChangeOut]
    next_cursor: int
    more: bool


class CodeBlockIn(BaseModel):
    day: date
    size: int = Field(default=50, ge=1, le=999)
    request_id: UUID


class CodeBlockOut(BaseModel):
    agency_id: str
    day: date
    first: int
    last: int


class Health(BaseModel):
    ok: bool
    time: str
    # New at every server start: a counter that sees a new one checks that the server still
    # holds what it sent (the database may have been restored from an older backup).
    instance: str = ""


class NationalBody(BaseModel):
    """One request body of the national portal's dossier sync (DongBoHoSoMC)."""

    service: str
    isUpdating: bool  # noqa: N815 (the portal's field name)
    data: list[dict]  # dossier records with the portal's field names (MaHoSo, TrangThaiHoSo 1–10, …)


class NationalExportOut(BaseModel):
    bodies: list[NationalBody]  # at most two: dossiers new in this sweep, then updates
    since: int  # where this sweep began (send it again with the next page)
    next_cursor: int
    more: bool


class KnownOpsIn(BaseModel):
    op_ids: list[UUID] = Field(max_length=1000)


class KnownOpsOut(BaseModel):
    known: list[str]
    latest_change: int  # the newest change this workstation's office can read (0: none)
