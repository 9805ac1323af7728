"""hash-chained log of views of citizens' personal data

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

Every view of a citizen's data (dossier detail, forms printed, files read, searches by
name or ID number) appends a row here: who, counter, when, which dossier code and which
view, chained by SHA-256 like the dossier and account events (``counter_app.view_audit``).
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('view_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('counter', sa.Text(), nullable=False),
    sa.Column('workstation', sa.Text(), nullable=False),
    sa.Column('view', sa.String(length=32), nullable=False),
    sa.Column('dossier_code', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('synced_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('hash'),
    sa.UniqueConstraint('op_id')
    )
    with op.batch_alter_table('view_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_view_events_dossier_code'), ['dossier_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_view_events_officer'), ['officer'], unique=False)
        batch_op.create_index(batch_op.f('ix_view_events_synced_at'), ['synced_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('view_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_view_events_synced_at'))
        batch_op.drop_index(batch_op.f('ix_view_events_officer'))
        batch_op.drop_index(batch_op.f('ix_view_events_dossier_code'))

    op.drop_table('view_events')
