"""office queue: service groups, counters, sessions, tickets

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Tickets are numbered per service group and day (unique), so a number is never issued
twice. A set of common commune service groups is seeded; the office edits them.
"""
from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# Common commune service groups (DOMAIN.md); mapped to procedures by their field (lĩnh vực).
DEFAULT_SERVICES = [
    ("HT", "A", "Hộ tịch", ["Hộ tịch"]),
    ("DD", "B", "Đất đai", ["Đất đai"]),
    ("CT", "C", "Chứng thực", ["Chứng thực"]),
    ("XH", "D", "Lao động, người có công và xã hội", ["Bảo trợ xã hội", "Người có công", "Lao động"]),
    ("KHAC", "E", "Lĩnh vực khác", []),
]


def seed_services(table) -> None:
    op.bulk_insert(table, [
        {"code": code, "prefix": prefix, "name": name, "position": index, "active": True, "reset": "daily",
         "carry_over": False, "procedure_codes": [], "fields": fields, "default_minutes": 10}
        for index, (code, prefix, name, fields) in enumerate(DEFAULT_SERVICES, start=1)
    ])


def upgrade() -> None:
    op.create_table('queue_counters',
    sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('priority_streak', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('number')
    )
    services = op.create_table('queue_services',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('prefix', sa.String(length=4), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('reset', sa.String(length=8), nullable=False),
    sa.Column('carry_over', sa.Boolean(), nullable=False),
    sa.Column('procedure_codes', sa.JSON(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('default_minutes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('prefix')
    )
    seed_services(services)
    op.create_table('queue_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('counter_no', sa.Integer(), nullable=False),
    sa.Column('officer', sa.Text(), nullable=False),
    sa.Column('workstation', sa.Text(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('open_counter_no', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['counter_no'], ['queue_counters.number'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('open_counter_no')
    )
    with op.batch_alter_table('queue_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_sessions_counter_no'), ['counter_no'], unique=False)

    op.create_table('queue_tickets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=8), nullable=False),
    sa.Column('priority', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('target_counter', sa.Integer(), nullable=True),
    sa.Column('lookup', sa.String(length=16), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('called_at', sa.DateTime(), nullable=True),
    sa.Column('served_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('counter_no', sa.Integer(), nullable=True),
    sa.Column('officer', sa.Text(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('call_count', sa.Integer(), nullable=False),
    sa.Column('recycle_count', sa.Integer(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=True),
    sa.Column('print_error', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['previous_id'], ['queue_tickets.id'], ),
    sa.ForeignKeyConstraint(['service_id'], ['queue_services.id'], ),
    sa.ForeignKeyConstraint(['session_id'], ['queue_sessions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('lookup'),
    sa.UniqueConstraint('service_id', 'day', 'seq')
    )
    with op.batch_alter_table('queue_tickets', schema=None) as batch_op:
        batch_op.create_index('ix_queue_tickets_counter_state', ['counter_no', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_queue_tickets_day'), ['day'], unique=False)
        batch_op.create_index('ix_queue_tickets_state_service', ['state', 'service_id', 'queued_at'], unique=False)

    op.create_table('queue_ticket_dossiers',
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], ),
    sa.ForeignKeyConstraint(['ticket_id'], ['queue_tickets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ticket_id', 'dossier_id')
    )
    with op.batch_alter_table('queue_ticket_dossiers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_ticket_dossiers_dossier_id'), ['dossier_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('queue_ticket_dossiers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_ticket_dossiers_dossier_id'))

    op.drop_table('queue_ticket_dossiers')
    with op.batch_alter_table('queue_tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_queue_tickets_state_service')
        batch_op.drop_index(batch_op.f('ix_queue_tickets_day'))
        batch_op.drop_index('ix_queue_tickets_counter_state')

    op.drop_table('queue_tickets')
    with op.batch_alter_table('queue_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_sessions_counter_no'))

    op.drop_table('queue_sessions')
    op.drop_table('queue_services')
    op.drop_table('queue_counters')