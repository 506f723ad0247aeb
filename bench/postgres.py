"""The benchmark on the centre's PostgreSQL: the same region, the same workload, the same
targets; every figure named as on the single desk's store with ``_pg`` after it.

The region is generated into a centre (``services.centre.create_centre``) by the same
generator with the same seed as the encrypted store (``bench.generate.populate``): the
same rows, the same audit chain. Then the tables are vacuumed and their statistics
gathered once (``VACUUM``, ``ANALYZE``: what PostgreSQL's autovacuum does by itself after a
bulk load, done before measuring so that it does not run beside the figures), and the
service calls are timed through a ``PgStore`` as the desk's are through a ``Store``.

The window cannot open a centre directly (a desk reaches it through the server), so the
window's figures are measured as the service calls the window makes for them: the first
page is ``search.signal_head`` (the ids and the rows of the first page, one call), a filter
and a search the same for each filter and each search text, the whole list
``search.signal_ids``. Painting (a few milliseconds on the desk) is not in them. The
window's memory has no PostgreSQL counterpart. Backup and verify are the desk's file
operations; the centre's (``pg_dump``-based) are not measured here.

The cluster is a throw-away one (``tools/pgcluster.py``), started and stopped by the run,
with durability turned back on (the test cluster runs without fsync), unless
``SV_BENCH_DATABASE_URL`` names a server to use (its database is created and dropped). The
server's settings go into ``machine.postgres`` in the results.

With ``--keep`` (and ``SV_BENCH_DATABASE_URL``) the loaded region stays in the server after
the run and a later run uses it again instead of loading it anew (four minutes): for
working on the plans, run after run against the same data. ``--only-lists`` measures the
lists and searches alone.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from bench.generate import ADMIN, COORDINATOR, PASSPHRASE, RegionSpec, clock, populate
from sociaalveilig.core.enums import Role
from sociaalveilig.services import imports, search
from sociaalveilig.services.centre import centre_login, create_centre
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import FocusArea, Signal, User
from sociaalveilig.storage.postgres.store import PgStore

URL_VARIABLE = "SV_BENCH_DATABASE_URL"
DATABASE = "sv_bench"
IMPORT_DATABASE = "sv_bench_import"
SUFFIX = "_pg"
DURABILITY = ("fsync", "synchronous_commit", "full_page_writes")
SERIAL_TABLES = ("audit_log", "status_history", "deletion_register")


@contextmanager
def server() -> Iterator[str]:
    """A PostgreSQL server's URL (any database on it): the one named by
    ``SV_BENCH_DATABASE_URL``, or a throw-away cluster for this run."""
    given = os.environ.get(URL_VARIABLE)
    if given:
        yield given
        return
    from tools import pgcluster

    bindir = pgcluster.ensure_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found (tools/pgcluster.py)")
    cluster = pgcluster.start(bindir)
    try:
        durable(cluster.url)
        yield cluster.url
    finally:
        pgcluster.stop(cluster)


def durable(url: str) -> None:
    """The test cluster gives up durability for speed; a benchmark of the centre must
    pay for it as a real server does (every commit flushed to disk)."""
    engine = _admin(url)
    try:
        with engine.connect() as connection:
            for setting in DURABILITY:
                connection.execute(text(f"ALTER SYSTEM SET {setting} = on"))
            connection.execute(text("SELECT pg_reload_conf()"))
    finally:
        engine.dispose()


def server_settings(url: str) -> dict[str, str]:
    engine = _admin(url)
    try:
        with engine.connect() as connection:
            return {name: str(connection.execute(text(f"SHOW {name}")).scalar_one())
                    for name in (*DURABILITY, "shared_buffers", "server_version")}
    finally:
        engine.dispose()


def database_url(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def _admin(url: str) -> Any:
    admin_url = make_url(database_url(url, "postgres")).set(drivername="postgresql+psycopg")
    return create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def recreate(url: str, database: str, template: str | None = None) -> str:
    engine = _admin(url)
    try:
        with engine.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
            clause = f" TEMPLATE {template}" if template else ""
            connection.execute(text(f"CREATE DATABASE {database}{clause}"))
    finally:
        engine.dispose()
    return database_url(url, database)


def drop(url: str, database: str) -> None:
    engine = _admin(url)
    try:
        with engine.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
    finally:
        engine.dispose()


def region_loaded(url: str, spec: RegionSpec, marker: Path) -> dict[str, Any] | None:
    """The region a kept earlier run loaded into ``url``, if it is there and of this spec."""
    if not marker.exists():
        return None
    info: dict[str, Any] = json.loads(marker.read_text(encoding="utf-8"))
    if info.get("signals") != spec.signals or info.get("url") != url:
        return None
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"),
                           poolclass=NullPool)
    try:
        with engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM signals")).scalar_one()
    except DBAPIError:  # no database or no table: load it again
        return None
    finally:
        engine.dispose()
    return info if count >= spec.signals else None


def load_region(url: str, spec: RegionSpec, log: Any = print) -> dict[str, Any]:
    """The region generated into a new centre at ``url``; its size and the time it took."""
    started = time.perf_counter()
    ctx = create_centre(url, ADMIN, PASSPHRASE, "Beheerder Bench", clock=clock())
    try:
        store: Any = ctx.store
        # The coordinator who works the region: a user row and the centre's credentials
        # (``users.add_user`` still writes the desk's key slots).
        with store.unit() as session:
            session.add(User(username=COORDINATOR, display_name="Coördinator Bench",
                             role=Role.COORDINATOR.value, active=True,
                             created_at=clock().utcnow().replace(tzinfo=None)))
        store.credentials.add_user(COORDINATOR, PASSPHRASE)
        # The generator writes the tables straight, outside the store's units: as the
        # owner (the runtime role may not move a sequence), whom the row-level policies
        # do not bind (storage/postgres/rls.py).
        owner = PgStore.open(url, pool_size=2, as_owner=True)
        try:
            assert owner.runtime_role is None and store.runtime_role is not None
            rows = populate(owner.engine, owner._sessions, spec)
            with owner.engine.begin() as connection:
                # The generator writes the audit log's ids itself (the chain is computed
                # in its order); PostgreSQL's sequence must then be moved past them, by
                # its owner (back from the role the transaction began as).
                connection.execute(text("RESET ROLE"))
                for table in SERIAL_TABLES:
                    connection.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                    ))
        finally:
            owner.close()
        # What autovacuum does after such a load, done before measuring so that it does
        # not run beside the figures: VACUUM (the visibility map, which lets a list be
        # read from an index alone) and ANALYZE.
        store.maintenance.reclaim_space()
        store.maintenance.refresh_statistics()
        with store.engine.connect() as connection:
            size = connection.execute(
                text("SELECT pg_database_size(current_database())")
            ).scalar_one()
            version = connection.execute(text("SHOW server_version")).scalar_one()
    finally:
        ctx.store.close()
    seconds = time.perf_counter() - started
    log(f"  region loaded into PostgreSQL {version} in {seconds:.0f} s "
        f"({size / 1e6:.0f} MB)")
    return {"server_version": version, "database_mb": round(size / 1e6, 1),
            "loaded_in_s": round(seconds, 1), "large_case": rows.large_case_ref,
            "signals": len(rows.by_table.get("signals", []))}


def measure_lists(ctx: ServiceContext, results: Any, runs: int) -> None:
    """The window's list figures as the service calls behind them (module text)."""
    from bench.run import SEARCHES, list_queries, median, p95, stopwatch

    with ctx.read_unit() as session:
        area_ids = list(session.execute(select(FocusArea.id).order_by(FocusArea.name)).scalars())
        total = int(session.execute(select(func.count()).select_from(Signal)).scalar_one())

    def head_ms(q: search.SignalQuery) -> float:
        times = []
        for _ in range(runs):
            with stopwatch() as elapsed:
                search.signal_head(ctx, q)
            times.append(elapsed() * 1000)
        return median(times)

    def whole_ms(q: search.SignalQuery) -> float:
        times = []
        for _ in range(runs):
            with stopwatch() as elapsed:
                search.signal_ids(ctx, q, log_view=False)
            times.append(elapsed() * 1000)
        return median(times)

    queries = list_queries(area_ids)
    first = [head_ms(queries[0]) for _ in range(runs)]
    results.put("list_first_page_ms" + SUFFIX, median(first), first, rows=total)
    filters = [head_ms(q) for q in queries[1:]]
    results.put("list_filter_p95_ms" + SUFFIX, p95(filters), filters,
                median_ms=round(median(filters), 1))
    searches = [head_ms(search.SignalQuery(text=t)) for t in SEARCHES]
    results.put("list_search_p95_ms" + SUFFIX, p95(searches), searches,
                median_ms=round(median(searches), 1))
    wholes = [whole_ms(q) for q in queries] + [
        whole_ms(search.SignalQuery(text=t)) for t in SEARCHES
    ]
    results.put("list_whole_p95_ms" + SUFFIX, p95(wholes), wholes,
                median_ms=round(median(wholes), 1))


def measure_postgres(spec: RegionSpec, results: Any, runs: int, work: Path, *,
                     keep: bool = False, lists_only: bool = False) -> dict[str, Any]:
    """Every figure that has a PostgreSQL counterpart, into ``results`` as ``*_pg``."""
    print("the centre's PostgreSQL (same region, same workload):", flush=True)
    marker = work / "postgres-region.json"
    with server() as base:
        url = database_url(base, DATABASE)
        info = region_loaded(url, spec, marker) if keep else None
        if info is None:
            url = recreate(base, DATABASE)
            info = load_region(url, spec)
            if keep:
                marker.write_text(json.dumps({**info, "url": url}), encoding="utf-8")
        else:
            print("  the region kept by an earlier run is used again", flush=True)
        info = {k: v for k, v in info.items() if k != "url"}
        try:
            info["settings"] = server_settings(base)
            _measure(url, info, results, runs, work, lists_only)
            if not lists_only:
                _measure_import(base, spec, results, runs)
        finally:
            if not keep:
                drop(base, DATABASE)
    return info


def _measure(url: str, info: dict[str, Any], results: Any, runs: int, work: Path,
             lists_only: bool) -> None:
    from bench.run import measure_role_lists, median, stopwatch
    from sociaalveilig.reports import api

    unlocks = []
    for _ in range(runs):
        with stopwatch() as elapsed:
            ctx = centre_login(url, COORDINATOR, PASSPHRASE, clock())
        unlocks.append(elapsed())
        ctx.store.close()
    results.put("unlock_s" + SUFFIX, median(unlocks), unlocks)
    ctx = centre_login(url, COORDINATOR, PASSPHRASE, clock())
    try:
        measure_lists(ctx, results, runs)
        measure_role_lists(ctx, results, runs, suffix=SUFFIX)
        if lists_only:
            return
        out = work / "out-pg"
        out.mkdir(parents=True, exist_ok=True)
        summaries = []
        for _ in range(runs):
            with stopwatch() as elapsed:
                api.case_summary(ctx, info["large_case"], out / "casus.pdf")
            summaries.append(elapsed())
        results.put("case_summary_pdf_s" + SUFFIX, median(summaries), summaries,
                    case=info["large_case"])
        reports = []
        for _ in range(runs):
            with stopwatch() as elapsed:
                api.management_report(ctx, "2026Q3", None, out / "management.pdf")
            reports.append(elapsed())
        results.put("management_report_s" + SUFFIX, median(reports), reports,
                    period="2026Q3")
    finally:
        ctx.store.close()


def _measure_import(base: str, spec: RegionSpec, results: Any, runs: int) -> None:
    """As on the desk: the import goes into a copy of the region, another 10,000 rows
    each run."""
    from bench.run import import_csv, median, stopwatch

    copy = recreate(base, IMPORT_DATABASE, template=DATABASE)
    n = 10_000 if spec.signals >= 100_000 else 1_000
    ctx = centre_login(copy, COORDINATOR, PASSPHRASE, clock())
    try:
        imports_s = []
        for i in range(runs):
            data = import_csv(n, seed=i)
            with stopwatch() as elapsed:
                outcome = imports.import_signals(ctx, data, skip_invalid=False)
            assert outcome.imported == n, outcome.error_lines[:5]
            imports_s.append(elapsed())
        results.put("import_10000_rows_s" + SUFFIX, median(imports_s), imports_s,
                    rows=n, linked=outcome.linked)
    finally:
        ctx.store.close()
        drop(base, IMPORT_DATABASE)
