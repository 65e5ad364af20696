"""Alembic environment: always run from zqtracker.storage.migrate with a live connection."""

from __future__ import annotations

from alembic import context

from zqtracker.storage.tables import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running the alembic CLI by hand
    raise RuntimeError("zqtracker migrations run through `zqtracker db upgrade`, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
