"""schema v1

Revision ID: 0001
Revises:
Create Date: 2026-11-28 01:00:10.720293
"""

from __future__ import annotations

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Pre-release: schema v1 is still being shaped, so it is created from the models.
    # Before the first release this is frozen into explicit operations (autogenerate)
    # together with the tests/storage/fixtures/store_v1 fixture.
    from sociaalveilig.storage.models import Base

    Base.metadata.create_all(op.get_bind())
    # ### end of generated part ###
    _append_only("audit_log")
    _append_only("status_history")
    op.execute("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '" + "0" * 64 + "')")
    _append_only("audit_head", update=False)
    for statement in FTS_DDL:
        op.execute(statement)


def _append_only(table: str, update: bool = True) -> None:
    """Refuse DELETE (and UPDATE, unless allowed) on a table at the database level."""
    kinds = ["DELETE"] + (["UPDATE"] if update else [])
    for kind in kinds:
        op.execute(
            f"CREATE TRIGGER {table}_no_{kind.lower()} BEFORE {kind} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


# Full-text search (SQLite FTS5), external-content tables kept in step by triggers.
# Only this adapter and storage/search.py know about FTS5.
FTS_DDL = [
    "CREATE VIRTUAL TABLE signal_fts USING fts5(reference, description, street, city, "
    "postcode, content='signals', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER signals_fts_ai AFTER INSERT ON signals BEGIN "
    "INSERT INTO signal_fts(rowid, reference, description, street, city, postcode) "
    "VALUES (new.rowid, new.reference, new.description, new.street, new.city, new.postcode); END",
    "CREATE TRIGGER signals_fts_ad AFTER DELETE ON signals BEGIN "
    "INSERT INTO signal_fts(signal_fts, rowid, reference, description, street, city, postcode) "
    "VALUES ('delete', old.rowid, old.reference, old.description, old.street, old.city, "
    "old.postcode); END",
    "CREATE TRIGGER signals_fts_au AFTER UPDATE OF reference, description, street, city, "
    "postcode ON signals BEGIN "
    "INSERT INTO signal_fts(signal_fts, rowid, reference, description, street, city, postcode) "
    "VALUES ('delete', old.rowid, old.reference, old.description, old.street, old.city, "
    "old.postcode); "
    "INSERT INTO signal_fts(rowid, reference, description, street, city, postcode) "
    "VALUES (new.rowid, new.reference, new.description, new.street, new.city, new.postcode); END",
    "CREATE VIRTUAL TABLE case_fts USING fts5(reference, summary, street, city, postcode, "
    "content='cases', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN "
    "INSERT INTO case_fts(rowid, reference, summary, street, city, postcode) "
    "VALUES (new.rowid, new.reference, new.summary, new.street, new.city, new.postcode); END",
    "CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN "
    "INSERT INTO case_fts(case_fts, rowid, reference, summary, street, city, postcode) "
    "VALUES ('delete', old.rowid, old.reference, old.summary, old.street, old.city, "
    "old.postcode); END",
    "CREATE TRIGGER cases_fts_au AFTER UPDATE OF reference, summary, street, city, postcode "
    "ON cases BEGIN "
    "INSERT INTO case_fts(case_fts, rowid, reference, summary, street, city, postcode) "
    "VALUES ('delete', old.rowid, old.reference, old.summary, old.street, old.city, "
    "old.postcode); "
    "INSERT INTO case_fts(rowid, reference, summary, street, city, postcode) "
    "VALUES (new.rowid, new.reference, new.summary, new.street, new.city, new.postcode); END",
]


def downgrade() -> None:
    from sociaalveilig.storage.models import Base

    for name in ("signal_fts", "case_fts"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
    Base.metadata.drop_all(op.get_bind())
