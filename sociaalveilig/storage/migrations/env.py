"""Alembic environment: always runs on a connection handed in by the store (keyed)."""

from __future__ import annotations

from alembic import context

from sociaalveilig.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline/CLI use is not supported
    raise RuntimeError("migrations run only through sociaalveilig.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
