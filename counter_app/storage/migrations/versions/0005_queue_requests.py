"""queue requests: answers of LAN queue requests, for idempotent retries

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

The office queue host stores each mutating request's id and its answer in the same
transaction as the change, so a retry after a lost answer (or a host killed mid-way)
gets the first answer instead of a second ticket.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('queue_requests',
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('operation', sa.String(length=32), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('request_id')
    )
    with op.batch_alter_table('queue_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_requests_created_at'), ['created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('queue_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_requests_created_at'))

    op.drop_table('queue_requests')
