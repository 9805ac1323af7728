"""Alembic environment: runs on the connection the workspace hands over."""
from alembic import context

from counter_app.storage.models import Base
from counter_app.storage.schema_filter import include_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
