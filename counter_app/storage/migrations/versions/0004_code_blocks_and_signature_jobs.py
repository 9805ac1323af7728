"""code blocks and signature jobs

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('code_blocks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.String(length=32), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.Column('next_value', sa.Integer(), nullable=False),
    sa.Column('obtained_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('agency_id', 'day', 'first')
    )
    with op.batch_alter_table('code_blocks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_code_blocks_day'), ['day'], unique=False)

    op.create_table('signature_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=True),
    sa.Column('document_sha256', sa.String(length=64), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('target_level', sa.String(length=8), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('signer', sa.Text(), nullable=False),
    sa.Column('counter', sa.Text(), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('signature_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signature_jobs_document_sha256'), ['document_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_signature_jobs_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signature_jobs_state'), ['state'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('signature_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signature_jobs_state'))
        batch_op.drop_index(batch_op.f('ix_signature_jobs_dossier_id'))
        batch_op.drop_index(batch_op.f('ix_signature_jobs_document_sha256'))

    op.drop_table('signature_jobs')
    with op.batch_alter_table('code_blocks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_code_blocks_day'))

    op.drop_table('code_blocks')
