"""Storage: SQLite settings, Alembic migrations, the content-addressed file store."""
from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from counter_app.errors import WorkspaceError
from counter_app.search import SearchQuery, search
from counter_app.storage import migrate
from counter_app.storage.db import Database, make_engine
from counter_app.storage.filestore import FileStore
from counter_app.storage.schema_filter import include_object
from counter_app.storage.models import Base
from counter_app.workspace import open_workspace


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    workspace = open_workspace(tmp_path / "ws")
    with workspace.db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    workspace.close()


def test_empty_database_migrates_to_head(tmp_path):
    engine = make_engine(tmp_path / "db.sqlite3")
    assert migrate.upgrade(engine) is True
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert migrate.upgrade(engine) is False  # already current: nothing to do


def test_models_match_the_migrations(tmp_path):
    engine = make_engine(tmp_path / "db.sqlite3")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_from_previous_revision_keeps_and_indexes_existing_dossiers(tmp_path):
    engine = make_engine(tmp_path / "db.sqlite3")
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO procedures (id, code, version, is_current, name, name_folded, field, level, "
            "receiving_agency, processing, fees, results, legal_basis, extra, fingerprint, source, imported_at) "
            "VALUES (1, '1.001193', 1, 1, 'Đăng ký khai sinh', 'dang ky khai sinh', '', '', '', '[]', '[]', "
            "'[]', '[]', '{}', 'x', 'old', '2026-01-01 00:00:00')"))
        connection.execute(text(
            "INSERT INTO dossiers (id, uuid, code, procedure_id, channel, applicant_kind, applicant_name, "
            "id_number, address, phone, email, sets_count, received_at, return_method, register_book, status, "
            "search_text, officer, counter, workstation, note) VALUES (1, 'u1', 'C-1', 1, 1, 'person', "
            "'Nguyễn Văn An', '', '', '', '', 1, '2026-01-02 09:00:00', '', '', 2, 'c 1 nguyen van an', "
            "'', '', '', '')"))
    migrate.upgrade(engine)
    database = Database(engine)
    with database.read() as session:
        found = search(session, SearchQuery(text="nguyen an"))
    assert [d.code for d in found] == ["C-1"]


def test_file_store_keeps_bytes_under_their_hash(tmp_path):
    store = FileStore(tmp_path / "files")
    sha = store.put(b"%PDF-1.7 receipt")
    assert store.put(b"%PDF-1.7 receipt") == sha  # stored once
    assert store.get(sha) == b"%PDF-1.7 receipt"
    assert store.path_for(sha).parent.parent.name == sha[:2]
    assert store.verify() == []


def test_file_store_detects_damage_and_missing_files(tmp_path):
    store = FileStore(tmp_path / "files")
    sha = store.put(b"scan page")
    store.path_for(sha).write_bytes(b"scan pag3")
    assert store.verify() == [sha]
    with pytest.raises(WorkspaceError, match="damaged"):
        store.get(sha)
    with pytest.raises(WorkspaceError, match="missing"):
        store.get("0" * 64)


def test_interrupted_write_leftovers_are_removed_on_open(tmp_path):
    workspace = open_workspace(tmp_path / "ws")
    sha = workspace.files.put(b"x")
    leftover = workspace.files.path_for(sha).parent / ".incoming-abc"
    leftover.write_bytes(b"half a fi")
    workspace.close()
    workspace = open_workspace(tmp_path / "ws")
    assert not leftover.exists()
    assert workspace.files.get(sha) == b"x"
    workspace.close()


def test_database_file_is_plain_sqlite(tmp_path):
    workspace = open_workspace(tmp_path / "ws")
    workspace.close()
    with sqlite3.connect(tmp_path / "ws" / "counter.sqlite3") as connection:
        assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_fast_head_lookup_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
