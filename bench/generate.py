"""Fill a workspace with many realistic dossiers quickly (bulk SQL, same shape as intake)."""
from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from counter_app.catalog import load_demo_catalog
from counter_app.core import CounterCore
from counter_app.demo import demo_settings, random_person
from counter_app.dossiers.intake import search_text_for
from counter_app.storage.models import Dossier, Procedure
from counter_app.workspace import open_workspace

BATCH = 20_000


def generated_workspace(root: Path, count: int, *, seed: int = 7) -> CounterCore:
    """A workspace with ``count`` dossiers; reused when it already holds them."""
    core = CounterCore(open_workspace(root))
    with core.workspace.db.read() as session:
        existing = session.query(Dossier).count()
    if existing == count:
        return core
    if existing:
        raise SystemExit(f"{root} holds {existing} dossiers, not {count}: remove it first")
    core.save_settings(demo_settings())
    core.import_procedures(load_demo_catalog(), source="demo", allow_unchanged=True)
    with core.workspace.db.read() as session:
        procedures = session.execute(select(Procedure.id, Procedure.code, Procedure.name)).all()
    rng = random.Random(seed)
    start = datetime(2022, 1, 3, 8, 0)
    step = timedelta(days=4 * 365) / count
    agency = core.settings().office.agency_id
    for first in range(0, count, BATCH):
        rows = []
        for index in range(first, min(first + BATCH, count)):
            person = random_person(rng)
            procedure = rng.choice(procedures)
            received = start + step * index
            code = f"{agency}-{received:%y%m%d}-{1000 + index % 1000:04d}"
            rows.append(dict(
                uuid=str(uuid.UUID(int=rng.getrandbits(128))), code=f"{code}.{index}", procedure_id=procedure.id,
                channel=1, applicant_kind="person", applicant_name=person.name, id_number=person.id_number,
                birth_date=person.birth_date, address=person.address, phone=person.phone, email="",
                sets_count=1, received_at=received, due_at=received + timedelta(days=3), return_method="",
                register_book="", register_line=index + 1, status=rng.choice((2, 4, 4, 9, 10, 10, 10, 5)),
                search_text=search_text_for(code, person, procedure.code, procedure.name),
                officer="", counter="", workstation="", note="",
            ))
        with core.workspace.db.write() as session:
            session.execute(insert(Dossier), rows)
    return core
