"""Alembic environment: always runs on a connection handed in by store.migrate."""

from alembic import context

from vielfalt_desktop.store.migrate import include_name
from vielfalt_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
    include_name=include_name,  # the FTS5 search table is not a model
)
with context.begin_transaction():
    context.run_migrations()
