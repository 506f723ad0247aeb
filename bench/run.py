"""The benchmark: ``python -m bench.run`` (``make bench``).

Generates (once, cached under ``bench/work/``) a region of ten years of work, then measures,
side by side in one run, each figure the median of several runs:

* the cost of encryption: the same workload (bulk insert, filtered list queries, full-text
  search, the management aggregates) through the same service code on the encrypted store
  and on a plain SQLite file with the same schema and rows (``bench/plain.py``);
* unlocking with the real KDF, and opening the main window to a usable signal list;
* the signal list: first page, filter changes and searches (95th percentile), scrolling
  to the end; the window's peak memory (``bench/window_probe.py``, a process per run);
* a case summary PDF of the largest case, the quarterly management report;
* importing a 10,000-row CSV; backup and verify of the full store.

Prints a table and writes ``bench/results.json`` (``{"machine": ..., "figures": ...}``) and,
with every sample, ``bench/results-details.json``. ``--quick`` runs the same on a region a
hundredth the size with fewer repetitions, writing under ``bench/work/`` instead (a check of
the benchmark itself, not a result).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench import plain
from bench.generate import (
    COORDINATOR,
    NOW_LOCAL,
    PASSPHRASE,
    WORK_DIR,
    RefData,
    Region,
    RegionBuilder,
    RegionSpec,
    clock,
    ensure_region,
    write_audit,
    write_counters,
    write_rows,
)
from sociaalveilig.core.enums import Role
from sociaalveilig.services import imports, maintenance, search
from sociaalveilig.services.context import Actor, ServiceContext
from sociaalveilig.services.report_management import management_data
from sociaalveilig.services.setup import login
from sociaalveilig.storage import migrate
from sociaalveilig.storage.keyslots import generate_data_key
from sociaalveilig.storage.models import FocusArea, Partner, User, new_id
from sociaalveilig.storage.sqlite.engine import make_engine

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results.json"
DETAILS = BENCH_DIR / "results-details.json"
QUARTER = "2026Q3"


@dataclass(frozen=True)
class Target:
    unit: str
    target: float
    source: str  # "issue" (issue 8) or "ours" (set by the benchmark, see README)
    lower_is_better: bool = True


TARGETS: dict[str, Target] = {
    "encryption_ratio": Target("ratio", 1.25, "issue"),
    # The bound on the whole workload, applied to each part and to the second
    # reference as well (ours: stricter than the issue, so a part that lags is seen).
    "encryption_ratio_bulk_insert": Target("ratio", 1.25, "ours"),
    "encryption_ratio_list_queries": Target("ratio", 1.25, "ours"),
    "encryption_ratio_full_text_search": Target("ratio", 1.25, "ours"),
    "encryption_ratio_management_aggregates": Target("ratio", 1.25, "ours"),
    "encryption_ratio_vs_stdlib_sqlite3": Target("ratio", 1.25, "ours"),
    "unlock_s": Target("s", 2.0, "ours"),
    "window_open_s": Target("s", 2.0, "ours"),
    "list_first_page_ms": Target("ms", 150, "issue"),
    "list_filter_p95_ms": Target("ms", 100, "issue"),
    "list_search_p95_ms": Target("ms", 100, "issue"),
    "list_whole_p95_ms": Target("ms", 1000, "ours"),
    "list_scroll_to_end_ms": Target("ms", 150, "ours"),
    # The first page for the other roles that use the signal list: their need-to-know scope
    # is a where-clause the coordinator's list does not have (ours: the first-page bound).
    "list_wijkagent_first_page_p95_ms": Target("ms", 150, "ours"),
    "list_partner_first_page_p95_ms": Target("ms", 150, "ours"),
    "case_summary_pdf_s": Target("s", 0.5, "issue"),
    "management_report_s": Target("s", 3.0, "issue"),
    "import_10000_rows_s": Target("s", 5.0, "issue"),
    "backup_s": Target("s", 60.0, "ours"),
    "verify_s": Target("s", 60.0, "ours"),
    "window_peak_memory_mb": Target("MB", 400, "issue"),
}
# The same figures on the centre's PostgreSQL, with the same targets (bench/postgres.py).
PG_FIGURES = (
    "unlock_s", "list_first_page_ms", "list_filter_p95_ms", "list_search_p95_ms",
    "list_whole_p95_ms", "list_wijkagent_first_page_p95_ms", "list_partner_first_page_p95_ms",
    "case_summary_pdf_s", "management_report_s", "import_10000_rows_s",
)
TARGETS.update({f"{name}_pg": TARGETS[name] for name in PG_FIGURES})


@dataclass
class Results:
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    def put(self, name: str, value: float, samples: list[float] | None = None,
            **extra: Any) -> None:
        spec = TARGETS[name]
        digits = 3 if spec.unit in ("ratio", "s") else 1
        value = round(float(value), digits)
        met = value <= spec.target if spec.lower_is_better else value >= spec.target
        self.figures[name] = {"value": value, "unit": spec.unit, "target": spec.target,
                              "met": bool(met)}
        self.details[name] = {"samples": [round(s, 4) for s in (samples or [])],
                              "target_source": spec.source, **extra}
        mark = "ok  " if met else "MISS"
        print(f"  {mark} {name:<42} {value:>10} {spec.unit:<5} (target {spec.target})",
              flush=True)


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
    return float(ordered[rank])


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    import sqlite3  # benchmark only: the version of the plain baseline's library

    import sqlcipher3.dbapi2 as sqlcipher

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    conn = sqlcipher.connect(":memory:")
    cipher_version = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BENCH_DIR,
                                capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlcipher_version": cipher_version,
        "sqlite_in_sqlcipher": sqlcipher.sqlite_version,
        "stdlib_sqlite3_version": sqlite3.sqlite_version,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
        "load_average_start": list(os.getloadavg()),
        "git_commit": commit,
        "started_utc": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


# --------------------------------------------------------------------------- contexts


def coordinator_actor(session: Session) -> Actor:
    user = session.execute(select(User).where(User.username == COORDINATOR)).scalar_one()
    return Actor(user.id, user.username, user.display_name, Role.COORDINATOR)


def plain_context(path: Path, driver: str) -> ServiceContext:
    store: Any = plain.PlainStore(path, driver)
    with store.unit() as session:
        actor = coordinator_actor(session)
    return ServiceContext(store, actor, clock())


# --------------------------------------------------------------------------- the workload


def list_queries(area_ids: list[str]) -> list[search.SignalQuery]:
    today = NOW_LOCAL.date()
    return [
        search.SignalQuery(),
        search.SignalQuery(area_ids=(area_ids[0],)),
        search.SignalQuery(statuses=("gerouteerd", "nieuw")),
        search.SignalQuery(sources=("politie",), received_from=today - timedelta(days=90)),
        search.SignalQuery(categories=("OP-DRUGS", "OM-HENNEP")),
        search.SignalQuery(overdue=True),
        search.SignalQuery(area_ids=(area_ids[1],), sort="category", descending=False),
        search.SignalQuery(received_from=today - timedelta(days=365), sort="address"),
    ]


SEARCHES = ("hennep", "geluidsoverlast buren", "Mergelweg", "jongeren", "huurachterstand",
            "6431", "inbraak", "verward gedrag")


def shown_then_rest(ctx: ServiceContext, q: search.SignalQuery) -> None:
    """What the window asks for one list: the first page with its rows, then (when there
    is more) the whole id list."""
    head = search.signal_head(ctx, q)
    if not head.complete:
        search.signal_ids(ctx, q, log_view=False)


def query_workload(ctx: ServiceContext, area_ids: list[str]) -> dict[str, float]:
    """One pass of the read workload; seconds per part."""
    parts: dict[str, float] = {}
    with stopwatch() as elapsed:
        for q in list_queries(area_ids):
            shown_then_rest(ctx, q)
        cq = search.CaseQuery(open_only=True)
        search.case_rows(ctx, search.case_ids(ctx, cq)[:200])
    parts["list_queries"] = elapsed()
    with stopwatch() as elapsed:
        for text in SEARCHES:
            shown_then_rest(ctx, search.SignalQuery(text=text))
    parts["full_text_search"] = elapsed()
    with stopwatch() as elapsed:
        management_data(ctx, QUARTER, None)
        management_data(ctx, "2025", None)
        management_data(ctx, QUARTER, "Kerkrade Oost")
    parts["management_aggregates"] = elapsed()
    return parts


BULK_SPEC = RegionSpec(signals=10_000, cases=2_000, actions=5_000, visits=3_000,
                       large_case_signals=100, large_case_actions=20, large_case_visits=10,
                       seed=777)


def bulk_templates(work: Path) -> dict[str, tuple[Path, Callable[[Path], Any]]]:
    """Empty stores with schema and reference data: encrypted and plain."""
    folder = work / "bulk-templates"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    key = generate_data_key()
    enc_path = folder / "encrypted.db"
    engine = make_engine(enc_path, lambda: key)
    migrate.upgrade(engine)
    from sociaalveilig.services.setup import seed_reference_data

    with Session(engine) as session, session.begin():
        seed_reference_data(session)
    plain.add_plain_users(engine)  # the bench users as rows (no key slots needed here)
    engine.dispose()
    plain_path = folder / "plain.db"
    engine = plain.create_plain_copy_schema(plain_path)
    plain.add_plain_users(engine)
    engine.dispose()
    return {
        "encrypted": (enc_path, lambda p: make_engine(p, lambda: key)),
        "plain": (plain_path, lambda p: plain.make_plain_engine(p, "sqlcipher-unkeyed")),
        "stdlib": (plain_path, lambda p: plain.make_plain_engine(p, "sqlite3")),
    }


def bulk_insert_once(template: Path, factory: Callable[[Path], Any], work: Path) -> float:
    target = work / ("bulk-" + template.name)
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, target)
    engine = factory(target)
    try:
        with Session(engine) as session:
            ref = RefData.load(session)
        rows = RegionBuilder(BULK_SPEC, ref).build()
        with stopwatch() as elapsed:
            write_rows(engine, rows)
            write_audit(engine, rows)
            write_counters(engine, rows)
        return elapsed()
    finally:
        engine.dispose()


def measure_encryption(region: Region, results: Results, runs: int, work: Path) -> None:
    print("cost of encryption (same workload, same service code):", flush=True)
    enc_ctx = login(region.folder, COORDINATOR, PASSPHRASE, clock())
    contexts = {
        "encrypted": enc_ctx,
        "plain": plain_context(region.plain_file, "sqlcipher-unkeyed"),
        "stdlib": plain_context(region.plain_file, "sqlite3"),
    }
    with enc_ctx.unit() as session:
        names = list(session.execute(select(FocusArea.name).order_by(FocusArea.name)).scalars())
    area_ids: dict[str, list[str]] = {}
    for name, ctx in contexts.items():
        with ctx.unit() as session:
            by_name = dict(session.execute(select(FocusArea.name, FocusArea.id)).tuples().all())
        area_ids[name] = [by_name[n] for n in names]
    samples: dict[str, dict[str, list[float]]] = {
        name: {"bulk_insert": [], "list_queries": [], "full_text_search": [],
               "management_aggregates": []} for name in contexts
    }
    for name, ctx in contexts.items():  # warm the OS page cache and the code paths once
        query_workload(ctx, area_ids[name])
    templates = bulk_templates(work)
    for run in range(runs):
        for name, ctx in contexts.items():
            for part, seconds in query_workload(ctx, area_ids[name]).items():
                samples[name][part].append(seconds)
            template, factory = templates[name]
            samples[name]["bulk_insert"].append(bulk_insert_once(template, factory, work))
        print(f"  run {run + 1}/{runs}: " + ", ".join(
            f"{n} {sum(s[-1] for s in samples[n].values()):.2f} s" for n in contexts),
            flush=True)
    for ctx in contexts.values():
        ctx.store.close()
    medians = {n: {part: median(v) for part, v in parts.items()}
               for n, parts in samples.items()}
    for part in ("bulk_insert", "list_queries", "full_text_search", "management_aggregates"):
        enc, base = medians["encrypted"][part], medians["plain"][part]
        results.put(f"encryption_ratio_{part}", enc / base,
                    [e / p for e, p in zip(samples["encrypted"][part], samples["plain"][part],
                                           strict=True)],
                    encrypted_s=round(enc, 4), plain_s=round(base, 4),
                    stdlib_sqlite3_s=round(medians["stdlib"][part], 4))
    total = {n: sum(m.values()) for n, m in medians.items()}
    results.put("encryption_ratio", total["encrypted"] / total["plain"], [],
                encrypted_s=round(total["encrypted"], 4), plain_s=round(total["plain"], 4),
                parts={n: {p: round(v, 4) for p, v in m.items()} for n, m in medians.items()})
    results.put("encryption_ratio_vs_stdlib_sqlite3", total["encrypted"] / total["stdlib"], [],
                encrypted_s=round(total["encrypted"], 4), stdlib_s=round(total["stdlib"], 4))


# --------------------------------------------------------------------------- the window


def measure_window(region: Region, results: Results, runs: int, quick: bool,
                   work: Path) -> None:
    print("the window (a fresh process per run, offscreen Qt):", flush=True)
    runs_data: list[dict[str, Any]] = []
    for run in range(runs):
        out = work / f"window-{run}.json"
        out.unlink(missing_ok=True)
        args = [sys.executable, "-m", "bench.window_probe", str(region.folder), str(out)]
        if quick:
            args += ["--filters", "10", "--searches", "8", "--scrolls", "2", "--first-pages", "3"]
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        done = subprocess.run(args, cwd=BENCH_DIR.parent, env=env, capture_output=True,
                              text=True, check=False)
        if done.returncode != 0 or not out.exists():
            print(done.stdout[-2000:], done.stderr[-4000:], file=sys.stderr)
            raise RuntimeError(f"the window probe failed (exit {done.returncode})")
        data = json.loads(out.read_text(encoding="utf-8"))
        runs_data.append(data)
        print(f"  run {run + 1}/{runs}: open {data['window_open_s']:.2f} s, first page "
              f"{median(data['first_page_ms']):.0f} ms, filter p95 {p95(data['filter_ms']):.0f} "
              f"ms, search p95 {p95(data['search_ms']):.0f} ms, peak "
              f"{data['peak_rss_mb']:.0f} MB", flush=True)
    rows = runs_data[0]["rows"]
    results.put("window_open_s", median([d["window_open_s"] for d in runs_data]),
                [d["window_open_s"] for d in runs_data], rows=rows)
    results.put("list_first_page_ms", median([median(d["first_page_ms"]) for d in runs_data]),
                [s for d in runs_data for s in d["first_page_ms"]], rows=rows)
    results.put("list_filter_p95_ms", median([p95(d["filter_ms"]) for d in runs_data]),
                [s for d in runs_data for s in d["filter_ms"]],
                median_ms=round(median([s for d in runs_data for s in d["filter_ms"]]), 1))
    results.put("list_search_p95_ms", median([p95(d["search_ms"]) for d in runs_data]),
                [s for d in runs_data for s in d["search_ms"]],
                median_ms=round(median([s for d in runs_data for s in d["search_ms"]]), 1))
    results.put("list_whole_p95_ms", median([p95(d["complete_ms"]) for d in runs_data]),
                [s for d in runs_data for s in d["complete_ms"]],
                median_ms=round(median([s for d in runs_data for s in d["complete_ms"]]), 1))
    results.put("list_scroll_to_end_ms",
                median([median(d["scroll_end_ms"]) for d in runs_data]),
                [s for d in runs_data for s in d["scroll_end_ms"]])
    results.put("window_peak_memory_mb", median([d["peak_rss_mb"] for d in runs_data]),
                [d["peak_rss_mb"] for d in runs_data])
    results.details["window_unlock_s"] = [round(d["unlock_s"], 4) for d in runs_data]


# --------------------------------------------------------------------------- the rest


def import_csv(n: int, seed: int) -> bytes:
    import random

    from bench.generate import CATEGORY_WEIGHTS, PHRASES, SOURCE_WEIGHTS

    rng = random.Random(seed)
    header = ("datum;bron;organisatie;categorie;postcode;huisnummer;toevoeging;straat;plaats;"
              "omschrijving;urgentie;melder")
    pc4s = (6411, 6415, 6419, 6431, 6432, 6443, 6444, 6462, 6463, 6371, 6361, 6351, 6367, 6451)
    categories = list(CATEGORY_WEIGHTS)
    sources = [s.value for s in SOURCE_WEIGHTS]
    lines = [header]
    for _ in range(n):
        day = NOW_LOCAL.date() - timedelta(days=rng.randint(1, 60))
        category = rng.choice(categories)
        lines.append(";".join((
            day.strftime("%d-%m-%Y") + f" {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}",
            rng.choice(sources), "", category,
            f"{rng.choice(pc4s)} {rng.choice('ABCDEFGHJKLMNPRTVWXZ')}"
            f"{rng.choice('ABCDEFGHJKLMNPRTVWXZ')}",
            str(rng.randint(1, 240)), rng.choice(("", "", "", "a", "2")), "Importstraat",
            "Heerlen", rng.choice(PHRASES[category]).capitalize() + ". Ingelezen uit bestand.",
            rng.choice(("laag", "normaal", "normaal", "hoog")),
            rng.choice(("", "anoniem", "Melder Fictief")),
        )))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _bench_user(session: Session, name: str, role: Role, partner_id: str | None) -> str:
    """The id of the benchmark's user ``name``, made the first time (a kept region holds
    it from an earlier run)."""
    found = session.execute(select(User.id).where(User.username == name)).scalar_one_or_none()
    if found is not None:
        return str(found)
    user = User(id=new_id(), username=name, display_name=name, role=role.value,
                partner_id=partner_id, active=True,
                created_at=clock().utcnow().replace(tzinfo=None))
    session.add(user)
    return user.id


def measure_role_lists(ctx: ServiceContext, results: Results, runs: int,
                       suffix: str = "") -> None:
    """The list's first page (ids and shown rows) as a wijkagent of one focus area and as a
    partner organisation, for the workload's eight lists and eight searches: the median of
    ``runs`` per list, then the 95th percentile over the lists. The users are made in this
    process (the scope needs the role, areas and partner, not a passphrase), each with a
    user row: the centre's row-level policies read the acting user's role and partner from
    it (storage/postgres/rls.py). They registered no signals themselves, as most users of
    these roles."""
    with ctx.unit() as session:
        area_ids = list(
            session.execute(select(FocusArea.id).order_by(FocusArea.name)).scalars()
        )
        partner_id = session.execute(
            select(Partner.id).where(Partner.active.is_(True)).order_by(Partner.name)
        ).scalars().first()
        assert partner_id is not None
        ids = {
            name: _bench_user(session, name, role, partner)
            for name, role, partner in (
                ("bench-wijkagent", Role.WIJKAGENT, None),
                ("bench-partner", Role.PARTNER, partner_id),
            )
        }
    users = {
        "wijkagent": Actor(ids["bench-wijkagent"], "bench-wijkagent", "Wijkagent (bench)",
                           Role.WIJKAGENT, None, frozenset(area_ids[:1])),
        "partner": Actor(ids["bench-partner"], "bench-partner", "Partner (bench)", Role.PARTNER,
                         partner_id, frozenset()),
    }
    lists = list_queries(area_ids) + [search.SignalQuery(text=text) for text in SEARCHES]
    for role, actor in users.items():
        as_user = ServiceContext(ctx.store, actor, clock())
        per_list = []
        for q in lists:
            times = []
            for _ in range(runs):
                with stopwatch() as elapsed:
                    search.signal_head(as_user, q)
                times.append(elapsed() * 1000)
            per_list.append(median(times))
        results.put(f"list_{role}_first_page_p95_ms{suffix}", p95(per_list), per_list,
                    lists=len(lists), median_ms=round(median(per_list), 1))


def measure_rest(region: Region, results: Results, runs: int, work: Path) -> None:
    from sociaalveilig.reports import api

    print("unlock, reports, import, backup and verify:", flush=True)
    unlocks = []
    for _ in range(runs):
        with stopwatch() as elapsed:
            ctx = login(region.folder, COORDINATOR, PASSPHRASE, clock())
        unlocks.append(elapsed())
        ctx.store.close()
    results.put("unlock_s", median(unlocks), unlocks)

    ctx = login(region.folder, COORDINATOR, PASSPHRASE, clock())
    try:
        measure_role_lists(ctx, results, runs)
        out = work / "out"
        out.mkdir(exist_ok=True)
        summaries = []
        for _ in range(runs):
            with stopwatch() as elapsed:
                api.case_summary(ctx, region.large_case, out / "casus.pdf")
            summaries.append(elapsed())
        results.put("case_summary_pdf_s", median(summaries), summaries, case=region.large_case,
                    pdf_bytes=(out / "casus.pdf").stat().st_size)
        reports = []
        for _ in range(runs):
            with stopwatch() as elapsed:
                api.management_report(ctx, QUARTER, None, out / "management.pdf")
            reports.append(elapsed())
        results.put("management_report_s", median(reports), reports, period=QUARTER)
        verifies = []
        for _ in range(max(1, runs // 2 + 1)):
            with stopwatch() as elapsed:
                report = maintenance.verify(ctx)
            assert report.ok, report.lines
            verifies.append(elapsed())
        results.put("verify_s", median(verifies), verifies, audit_entries=report.audit_entries)
        backups = []
        for i in range(max(1, runs // 2 + 1)):
            target = out / f"backup-{i}.svbak"
            with stopwatch() as elapsed:
                maintenance.backup(ctx, target)
            backups.append(elapsed())
            size = target.stat().st_size
            target.unlink()
        results.put("backup_s", median(backups), backups, backup_mb=round(size / 1e6, 1))
    finally:
        ctx.store.close()

    # The import goes into a copy of the region (the cached region stays as generated);
    # each run imports another 10,000 rows into the same copy.
    copy = work / "import-copy"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(region.folder, copy)
    n = 10_000 if region.spec.signals >= 100_000 else 1_000
    ctx = login(copy, COORDINATOR, PASSPHRASE, clock())
    try:
        imports_s = []
        for i in range(runs):
            data = import_csv(n, seed=i)
            with stopwatch() as elapsed:
                outcome = imports.import_signals(ctx, data, skip_invalid=False)
            assert outcome.imported == n, outcome.error_lines[:5]
            imports_s.append(elapsed())
        name = "import_10000_rows_s"
        results.put(name, median(imports_s), imports_s, rows=n, linked=outcome.linked)
    finally:
        ctx.store.close()
        shutil.rmtree(copy, ignore_errors=True)


# --------------------------------------------------------------------------- main


def merged_postgres(
    figures: dict[str, Any], info: dict[str, Any], details: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The ``*_pg`` figures of this run put into the last full run's results (its other
    figures and machine kept; this run's machine under ``machine.postgres_run``)."""
    old = json.loads(RESULTS.read_text(encoding="utf-8"))
    old_details = json.loads(DETAILS.read_text(encoding="utf-8"))
    merged = {k: v for k, v in old["figures"].items() if not k.endswith("_pg")}
    merged.update(figures)
    ordered = {n: merged[n] for n in TARGETS if n in merged}
    ordered.update({n: v for n, v in merged.items() if n not in ordered})
    machine_info = {**old["machine"], "postgres": info.pop("postgres", None),
                    "postgres_run": info}
    all_details = {k: v for k, v in old_details.get("details", {}).items()
                   if not k.endswith("_pg")}
    all_details.update(details)
    return ordered, machine_info, all_details


def print_table(results: Results) -> None:
    print()
    print(f"{'figure':<42} {'value':>10} {'unit':<6} {'target':>8}  met")
    print("-" * 75)
    for name, fig in results.figures.items():
        print(f"{name:<42} {fig['value']:>10} {fig['unit']:<6} {fig['target']:>8}  "
              f"{'yes' if fig['met'] else 'NO'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="a small region and few runs: checks the benchmark, no result")
    parser.add_argument("--runs", type=int, default=None, help="repetitions per figure")
    parser.add_argument("--only", choices=["encryption", "window", "roles", "rest", "postgres"],
                        action="append", help="one part (roles: the wijkagent's and the "
                        "partner's lists alone, which 'rest' also measures)")
    parser.add_argument("--keep", action="store_true",
                        help="postgres: keep the loaded region in the server named by "
                        "SV_BENCH_DATABASE_URL and use it again in the next run")
    parser.add_argument("--only-lists", action="store_true",
                        help="postgres: the lists and searches alone (with --keep: run after "
                        "run against the same data)")
    args = parser.parse_args(argv)
    spec = RegionSpec.small() if args.quick else RegionSpec()
    runs = args.runs or (2 if args.quick else 5)
    work = WORK_DIR / ("quick" if args.quick else "run")
    work.mkdir(parents=True, exist_ok=True)
    info = machine()
    parts = args.only or ["encryption", "window", "rest", "postgres"]
    # The centre's figures need no encrypted region: it is generated into PostgreSQL.
    region = None if parts == ["postgres"] else ensure_region(
        spec, name="small" if args.quick else "region")
    if region is not None:
        info["region"] = {**region.counts, "store_mb": round(sum(
            p.stat().st_size for p in region.folder.iterdir()) / 1e6, 1),
            "generated_in_s": region.generated_seconds, "large_case": region.large_case}
        print(f"region: {region.counts.get('signals', 0):,} signals, "
              f"{region.counts.get('cases', 0):,} cases, {region.counts.get('actions', 0):,} "
              f"actions, {region.counts.get('visits', 0):,} visits; store "
              f"{info['region']['store_mb']} MB; {runs} runs per figure", flush=True)
    results = Results()
    started = time.perf_counter()
    if "encryption" in parts and region is not None:
        measure_encryption(region, results, runs, work)
    if "window" in parts and region is not None:
        measure_window(region, results, max(2, runs // 2 + 1) if not args.quick else 1,
                       args.quick, work)
    if "roles" in parts and "rest" not in parts and region is not None:
        ctx = login(region.folder, COORDINATOR, PASSPHRASE, clock())
        try:
            measure_role_lists(ctx, results, runs)
        finally:
            ctx.store.close()
    if "rest" in parts and region is not None:
        measure_rest(region, results, runs, work)
    if "postgres" in parts:
        from bench.postgres import measure_postgres

        info["postgres"] = measure_postgres(spec, results, runs, work, keep=args.keep,
                                            lists_only=args.only_lists)
    info["load_average_end"] = list(os.getloadavg())
    info["duration_s"] = round(time.perf_counter() - started, 1)
    print_table(results)
    ordered = {name: results.figures[name] for name in TARGETS if name in results.figures}
    if args.quick or args.only_lists or (args.only and args.only != ["postgres"]):
        target, details = work / "results.json", work / "results-details.json"
    else:
        target, details = RESULTS, DETAILS
    if args.only == ["postgres"] and not args.quick:
        # The PostgreSQL figures alone: put beside the desk's figures of the last full run.
        ordered, info, results.details = merged_postgres(ordered, info, results.details)
    target.write_text(json.dumps({"machine": info, "figures": ordered}, indent=2) + "\n",
                      encoding="utf-8")
    details.write_text(json.dumps({"machine": info, "details": results.details}, indent=2)
                       + "\n", encoding="utf-8")
    print(f"\nwritten: {target.relative_to(BENCH_DIR.parent)} "
          f"and {details.relative_to(BENCH_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
