"""What the migrations create on PostgreSQL where SQLite gets its own objects.

The one Alembic history runs on both databases. Tables and ordinary indexes are the same;
SQLite gets FTS5 tables and SQLite triggers (in the revisions themselves), PostgreSQL the
counterparts below: the ``unaccent`` and ``pg_trgm`` extensions, an immutable unaccent
wrapper, two text search configurations, a generated ``tsvector`` column with a GIN index
on ``signals`` and ``cases``, trigram GIN indexes on the columns searched by part of a word,
and the append-only rule as a PL/pgSQL trigger. ``storage.postgres.search`` queries them.

Creating an extension needs a superuser, or a database owner where the extension is
trusted (``pg_trgm`` is, ``unaccent`` is too from PostgreSQL 13): docs/architecture.md.
"""

from __future__ import annotations

from alembic import op

# The text search configurations: ``sv_simple`` keeps every word as typed (lower case,
# accents removed), like SQLite's ``unicode61 remove_diacritics 2``; ``sv_dutch`` adds the
# Dutch stems of descriptions and summaries, so "woningen" also finds "woning".
SIMPLE_CONFIG = "sv_simple"
DUTCH_CONFIG = "sv_dutch"
SEARCH_COLUMN = "search_vector"

_SEARCHED = {
    # table: (columns matched word by word, the free-text column stemmed as Dutch)
    "signals": (("reference", "description", "street", "city", "postcode"), "description"),
    "cases": (("reference", "summary", "street", "city", "postcode"), "summary"),
}

# Columns searched by any part (a street's middle, a name after a hyphen): trigram indexes
# over the unaccented lower-case text, the expression storage.postgres.search matches with.
TRIGRAM_COLUMNS = {
    "signals": ("street", "city", "postcode"),
    "cases": ("street", "city", "postcode", "reference"),
    "persons": ("name",),
}


def is_postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def unaccented(column: str) -> str:
    """The indexed expression for a column searched by part of a word."""
    return f"sv_unaccent(lower({column}))"


def _words(column: str) -> str:
    """A column's text with punctuation made space, as SQLite's tokenizer sees it: the
    PostgreSQL parser would otherwise read "S-2026-00017" as 's', '-2026', '-00017'
    (signed numbers) and an address as an e-mail or a path."""
    return f"regexp_replace(coalesce({column}, ''), '[[:punct:]]+', ' ', 'g')"


def _vector(table: str) -> str:
    columns, free_text = _SEARCHED[table]
    parts = [f"to_tsvector('{SIMPLE_CONFIG}'::regconfig, {_words(c)})" for c in columns]
    parts.append(f"to_tsvector('{DUTCH_CONFIG}'::regconfig, {_words(free_text)})")
    return " || ".join(parts)


def create_search_objects() -> None:
    """Extensions, configurations, the unaccent wrapper, tsvector and trigram indexes."""
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # unaccent() is only STABLE (its dictionary could change); an index and a generated
    # column need an IMMUTABLE expression, so the dictionary is named here once.
    op.execute(
        "CREATE FUNCTION sv_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        "STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$"
    )
    for name, base, dictionary in (
        (SIMPLE_CONFIG, "simple", "simple"),
        (DUTCH_CONFIG, "dutch", "dutch_stem"),
    ):
        op.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        op.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
            f"hword, hword_part, word WITH unaccent, {dictionary}"
        )
    for table in _SEARCHED:
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {SEARCH_COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({_vector(table)}) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin ({SEARCH_COLUMN})")
    for table, columns in TRIGRAM_COLUMNS.items():
        for column in columns:
            op.execute(
                f"CREATE INDEX ix_{table}_{column}_trgm ON {table} "
                f"USING gin ({unaccented(column)} gin_trgm_ops)"
            )


def drop_search_objects() -> None:
    for table, columns in TRIGRAM_COLUMNS.items():
        for column in columns:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_{column}_trgm")
    for table in _SEARCHED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {SEARCH_COLUMN}")
    for name in (SIMPLE_CONFIG, DUTCH_CONFIG):
        op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    op.execute("DROP FUNCTION IF EXISTS sv_unaccent(text)")


def create_append_only_function() -> None:
    op.execute(
        "CREATE FUNCTION sv_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME "
        "USING ERRCODE = 'restrict_violation'; END $$"
    )


def append_only(table: str, update: bool = True) -> None:
    """Refuse DELETE (and UPDATE, unless allowed) and TRUNCATE, as SQLite's triggers do
    (their names are the same, so a purge can lift exactly the one it needs)."""
    kinds = ["DELETE"] + (["UPDATE"] if update else [])
    for kind in kinds:
        op.execute(
            f"CREATE TRIGGER {table}_no_{kind.lower()} BEFORE {kind} ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION sv_refuse_change()"
        )
    op.execute(
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION sv_refuse_change()"
    )


# Indexes only PostgreSQL has (revision 0006), by name: the models do not list them, so the
# schema comparison (tests/storage/test_postgres_store.py) leaves them out.
# A signal list in address order (street, house number, addition, reference: the
# services' sort key, ``coalesce(street, '')`` as they write it), with the received time, id
# and the scope's columns beside it, so the coordinator's list of a period in address order
# walks the index and stops after a page instead of sorting the whole period (a wijkagent's
# is still slow: docs/performance.md); SQLite's planner sorts that list itself fast enough
# from its own list index.
ADDRESS_ORDER_INDEX = "ix_signals_address_pg"
PG_ONLY_INDEXES = (ADDRESS_ORDER_INDEX,)


def create_list_indexes() -> None:
    op.execute(
        f"CREATE INDEX {ADDRESS_ORDER_INDEX} ON signals "
        "((coalesce(street, '')), house_number, addition, reference) "
        "INCLUDE (received_at, id, focus_area_id, case_id)"
    )


def drop_list_indexes() -> None:
    op.execute(f"DROP INDEX IF EXISTS {ADDRESS_ORDER_INDEX}")
