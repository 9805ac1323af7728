"""Logs hold no personal data beyond dossier codes: no citizen name or ID number leaks
through log records or the text of storage errors (which the UI workers log)."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import CounterError
from counter_app.search import SearchQuery
from counter_app.security import rotation
from counter_app.workspace import open_workspace
from tests.conftest import make_core
from tests.encryption_support import CITIZEN, CITIZEN_ID, PASSPHRASE, WHEN, cheap_kdf


@pytest.mark.parametrize("encrypted", [False, True])
def test_storage_errors_do_not_carry_the_row_values(tmp_path, monkeypatch, encrypted):
    cheap_kdf(monkeypatch)
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    if encrypted:
        rotation.enable(root, protector="passphrase", new_passphrase=PASSPHRASE)
    workspace = open_workspace(root, passphrase=PASSPHRASE)
    with pytest.raises(sa_exc.OperationalError) as failure:
        with workspace.db.engine.connect() as connection:
            connection.execute(text("INSERT INTO no_such_table VALUES (:name, :id)"),
                               {"name": CITIZEN, "id": CITIZEN_ID})
    assert CITIZEN not in str(failure.value) and CITIZEN_ID not in str(failure.value)
    workspace.close()


def test_a_day_of_work_logs_no_name_or_id_number(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, every level
    core = make_core(tmp_path / "ws")
    code = core.receive(IntakeRequest("1.004227", ApplicantInput(name=CITIZEN, id_number=CITIZEN_ID),
                                      received_at=WHEN)).code
    core.issue_form(code, "01")
    assert core.search(SearchQuery(text=CITIZEN_ID))
    with pytest.raises(CounterError) as refused:  # a refused step is logged by the UI worker with its message
        core.receive(IntakeRequest("9.999999", ApplicantInput(name=CITIZEN, id_number=CITIZEN_ID), received_at=WHEN))
    logging.getLogger("ui.workers").error("Background task failed", exc_info=refused.value)
    core.workspace.close()
    assert CITIZEN not in caplog.text and CITIZEN_ID not in caplog.text
    assert CITIZEN not in refused.value.message and CITIZEN_ID not in refused.value.message
