"""full-text search index over dossiers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

An FTS5 index over ``dossiers.search_text`` (already folded to plain ASCII by the
application), kept current by triggers and back-filled for existing rows. Prefix
indexes make "type a few letters" queries fast on large registers.
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = {
    "dossiers_search_ai": (
        "AFTER INSERT ON dossiers BEGIN "
        "INSERT INTO dossier_search(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
    "dossiers_search_ad": (
        "AFTER DELETE ON dossiers BEGIN "
        "INSERT INTO dossier_search(dossier_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    ),
    "dossiers_search_au": (
        "AFTER UPDATE OF search_text ON dossiers BEGIN "
        "INSERT INTO dossier_search(dossier_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO dossier_search(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
}


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE dossier_search USING fts5("
        "search_text, content='dossiers', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("INSERT INTO dossier_search(dossier_search) VALUES ('rebuild')")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS dossier_search")
