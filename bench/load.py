"""The centre under load and faults (issue 19): ``python -m bench.load``, ``make load``.

A throw-away PostgreSQL cluster (or the server named by ``SV_BENCH_DATABASE_URL``) gets a
centre (``create_centre``), the fictional demo data and one user per desk (every role,
several areas and partners). One or two ``sociaalveilig-server run`` processes serve it
on 127.0.0.1 behind a small TCP proxy (``bench/load_proxy.py``), and the desks
(``bench/load_desk.py``, separate processes) work through the proxy for a bounded time.

Faults (``--kills``, ``--pg-restarts``, ``--cuts``), each at a random moment: a server
process killed with SIGKILL and started again by the driver; PostgreSQL restarted
(``pg_ctl restart -m fast``); the proxy dropping every connection and refusing new ones
for a few seconds. After the run, the checks (``bench/load_checks.py``): every write a
desk saw committed is in the database exactly once, every write whose answer was lost at
most once, no reference twice, each version counter moved exactly as the ledger says,
``sociaalveilig-server verify`` passes, no scheduled job claimed or run twice.

Each desk pauses between calls as a person does (``--think``, ``THINK_S`` by default: the
target figures); ``--think 0`` is the saturation run, which measures the centre's capacity.

Figures: per kind of call the count, p50 and p95 (ms), the throughput, and
``load_desks``, ``load_list_first_page_p95_ms`` and ``load_save_p95_ms`` merged into
``bench/results.json`` (other figures kept; this run's parameters under
``machine.load_run``); a saturation run's as ``load_saturation_calls_per_s``,
``load_saturation_list_first_page_p95_ms`` and ``load_saturation_save_p95_ms`` (parameters
under ``machine.load_saturation_run``). ``--no-results`` (the short version in the tests)
writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import load_checks, load_shared
from bench.load_desk import LIST_KINDS, WRITES, DeskPlan
from bench.load_proxy import Proxy

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results.json"
ADMIN = "beheer"
PASSPHRASE = "lastproef-wachtwoord-2026"
DATABASE = "sv_load"
SERVER_START_S = 60.0
CUT_SECONDS = (1.0, 4.0)
TARGETS = {"load_list_first_page_p95_ms": 250.0, "load_save_p95_ms": 300.0}
THINK_S = 5.0
"""A desk's mean pause between two calls for the target figures (docs/performance.md,
"The centre under load": a person reads a list, opens a case, types a signal; 5 s on
average is a brisk user). ``--think 0`` is the saturation run: its figures are the
centre's capacity, written under ``load_saturation_*``."""
SATURATION = "load_saturation_"
ROLE_CYCLE = ("coordinator", "wijkagent", "partner", "coordinator", "wijkagent",
              "manager", "coordinator", "wijkagent", "partner", "beheerder")


SERVERS = 2
"""Server processes: one per core of this machine (each is one Python interpreter)."""


@dataclass
class RunSpec:
    desks: int = 25
    seconds: float = 120.0
    servers: int = 2
    kills: int = 0
    pg_restarts: int = 0
    cuts: int = 0
    demo_signals: int = 3000
    seed: int = 19
    think_s: float = 0.0


# --------------------------------------------------------------------------- the cluster


@dataclass
class Database:
    url: str
    restart: Any  # Callable[[], None] | None: restarts PostgreSQL (a throw-away cluster only)


@contextmanager
def database() -> Iterator[Database]:
    from bench.postgres import URL_VARIABLE, drop, durable, recreate
    from tools import pgcluster

    given = os.environ.get(URL_VARIABLE)
    if given:
        url = recreate(given, DATABASE)
        try:
            yield Database(url, None)
        finally:
            drop(given, DATABASE)
        return
    bindir = pgcluster.ensure_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found (tools/pgcluster.py)")
    cluster = pgcluster.start(bindir)

    def restart() -> None:
        # With a log file of its own: the new postmaster must not inherit our pipes.
        subprocess.run(pgcluster._as_owner(cluster.user, [
            str(cluster.bindir / "pg_ctl"), "-D", str(cluster.data), "-m", "fast", "-w",
            "-t", "60", "-l", str(cluster.folder / "server.log"), "restart"]),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            check=True, timeout=120)

    try:
        durable(cluster.url)
        yield Database(recreate(cluster.url, DATABASE), restart)
    finally:
        pgcluster.stop(cluster)


# --------------------------------------------------------------------------- the centre


@dataclass
class Prepared:
    users: list[tuple[str, str]]  # (username, role)
    shared_actions: list[str]
    records: load_shared.SharedRecords = field(default_factory=load_shared.SharedRecords)


def prepare(url: str, spec: RunSpec, log: Any = print) -> Prepared:
    """The centre, its demo data and one user per desk; the actions the coordinators share."""
    from sqlalchemy import select

    from sociaalveilig.demo import fill_demo
    from sociaalveilig.services.centre import create_centre
    from sociaalveilig.services.users import add_user
    from sociaalveilig.storage.models import Action, FocusArea, Partner

    started = time.perf_counter()
    ctx = create_centre(url, ADMIN, PASSPHRASE, "Beheerder Lastproef")
    try:
        fill_demo(ctx, spec.demo_signals)
        with ctx.unit() as session:
            areas = sorted(session.execute(select(FocusArea.name)).scalars())
            partners = sorted(session.execute(select(Partner.name)).scalars())
            shared = list(session.execute(
                select(Action.id).where(Action.status == "open").order_by(Action.id).limit(6)
            ).scalars())
        users: list[tuple[str, str]] = []
        for n in range(spec.desks):
            role = ROLE_CYCLE[n % len(ROLE_CYCLE)]
            name = f"desk{n:02d}"
            add_user(ctx, name, role, PASSPHRASE, f"Bureau {n:02d} (fictief)",
                     partner=partners[n % len(partners)] if role == "partner" else None,
                     areas=[areas[n % len(areas)]] if role == "wijkagent" else None)
            users.append((name, role))
        records = load_shared.set_up(ctx, users, spec.desks, spec.seconds, log)
    finally:
        ctx.store.close()
    log(f"  centre prepared in {time.perf_counter() - started:.0f} s: {spec.demo_signals} "
        f"demo signals, {len(users)} desk users, {len(shared)} shared actions")
    return Prepared(users, records.coordinator_actions(shared), records)


class Servers:
    """The ``sociaalveilig-server run`` processes, by slot; a killed one is started again."""

    def __init__(self, url: str, ports: list[int], log_dir: Path) -> None:
        self.url = url
        self.ports = ports
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen[bytes] | None] = [None] * len(ports)
        self.lock = threading.Lock()

    def start(self, slot: int, wait: bool = True) -> None:
        env = {**os.environ, "SOCIAALVEILIG_DATABASE_URL": self.url}
        log = open(self.log_dir / f"server{slot}.log", "ab")  # noqa: SIM115 - the child's
        proc = subprocess.Popen(
            [sys.executable, "-m", "sociaalveilig.server.cli", "run", "--listen",
             f"127.0.0.1:{self.ports[slot]}"],
            env=env, stdout=subprocess.PIPE, stderr=log, start_new_session=True)
        log.close()
        self.procs[slot] = proc
        if wait:
            self._wait_listening(proc)

    @staticmethod
    def _wait_listening(proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        deadline = time.monotonic() + SERVER_START_S
        line = proc.stdout.readline()  # "Het centrum luistert op ..." once it listens
        if not line or time.monotonic() > deadline:
            raise RuntimeError("a server process did not start (see its log)")

    def kill(self, slot: int) -> None:
        with self.lock:
            proc = self.procs[slot]
            if proc is not None and proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
            self.start(slot, wait=False)

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc is not None and proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            if proc is not None:
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


# --------------------------------------------------------------------------- faults


def fault_schedule(spec: RunSpec, rng: random.Random) -> list[tuple[float, str]]:
    """Each fault at a random moment of the run (the first and last tenth kept quiet, so
    that the desks are at work when it strikes and the end is not cut short)."""
    start, end = spec.seconds * 0.1, spec.seconds * 0.9
    events = [(rng.uniform(start, end), kind) for kind, n in
              (("kill", spec.kills), ("pg_restart", spec.pg_restarts), ("cut", spec.cuts))
              for _ in range(n)]
    return sorted(events)


def inject(events: list[tuple[float, str]], servers: Servers, proxy: Proxy,
           db: Database, rng: random.Random, stop: threading.Event,
           done: dict[str, int]) -> None:
    began = time.monotonic()
    for at, kind in events:
        if stop.wait(max(0.0, began + at - time.monotonic())):
            return
        if kind == "kill":
            servers.kill(rng.randrange(len(servers.ports)))
        elif kind == "pg_restart" and db.restart is not None:
            db.restart()
        elif kind == "cut":
            proxy.cut(rng.uniform(*CUT_SECONDS))
        else:
            continue
        done[kind] = done.get(kind, 0) + 1


# --------------------------------------------------------------------------- the run


def wait_signed_in(plans: list[Path], desks: list[subprocess.Popen[bytes]], work: Path,
                   bound_s: float = 600.0) -> None:
    """Until every desk has signed in (its ``.ready`` file), or one ended, or the bound."""
    deadline = time.monotonic() + bound_s
    while time.monotonic() < deadline:
        ready = sum((work / f"desk{n:02d}.json.ready").exists() for n in range(len(plans)))
        if ready == len(plans) or any(d.poll() is not None for d in desks):
            return
        time.sleep(0.1)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return round(ordered[index], 1)


def run_load(spec: RunSpec, log: Any = print, work: Path | None = None) -> dict[str, Any]:
    """Prepare, run the desks under the faults, check; returns the summary (``checks``
    lists every failed check: empty when the centre kept everything). The desks' plans
    and outcomes and the servers' logs stay in ``work`` (a new temporary folder if
    none is given)."""
    from tools.pgcluster import free_port

    rng = random.Random(spec.seed)
    work = work or Path(tempfile.mkdtemp(prefix="sv-load-"))
    with database() as db:
        prepared = prepare(db.url, spec, log)
        start_states = load_checks.record_states(
            db.url, prepared.records.keys(prepared.shared_actions))
        servers = Servers(db.url, [free_port() for _ in range(spec.servers)], work)
        proxy = Proxy(servers.ports)
        desks: list[subprocess.Popen[bytes]] = []
        try:
            for slot in range(spec.servers):
                servers.start(slot)
            proxy.start()
            plans = []
            for n, (username, role) in enumerate(prepared.users):
                plan = DeskPlan(username, role, proxy.url, spec.seconds,
                                spec.seed * 1000 + n, str(work / f"desk{n:02d}.json"),
                                prepared.shared_actions if role == "coordinator" else [],
                                spec.think_s,
                                **prepared.records.plan_fields(username, role))
                path = work / f"plan{n:02d}.json"
                fields = asdict(plan)
                del fields["passphrase"]  # on the desk's stdin, not in a file
                path.write_text(json.dumps(fields), encoding="utf-8")
                plans.append(path)
            events = fault_schedule(spec, rng)
            done: dict[str, int] = {}
            stop = threading.Event()
            log(f"  {spec.desks} desks for {spec.seconds:.0f} s on {spec.servers} server "
                f"process(es); faults: {len(events)}")
            desks = [subprocess.Popen([sys.executable, "-m", "bench.load_desk", str(p)],
                                      cwd=BENCH_DIR.parent, stdin=subprocess.PIPE)
                     for p in plans]
            for desk in desks:
                assert desk.stdin is not None
                desk.stdin.write(PASSPHRASE.encode("utf-8") + b"\n")
                desk.stdin.close()
            wait_signed_in(plans, desks, work)
            started = time.monotonic()  # the work, not the sign-ins
            injector = threading.Thread(target=inject, args=(
                events, servers, proxy, db, rng, stop, done), daemon=True)
            injector.start()
            codes = [d.wait(spec.seconds + 300) for d in desks]
            elapsed = time.monotonic() - started
            stop.set()
            injector.join(60)
        finally:
            for d in desks:
                if d.poll() is None:
                    d.kill()
            proxy.stop()
            servers.stop_all()
        outcomes = [json.loads((work / f"desk{n:02d}.json").read_text(encoding="utf-8"))
                    for n in range(len(plans)) if (work / f"desk{n:02d}.json").exists()]
        problems = [f"desk process {n} ended with {c}" for n, c in enumerate(codes) if c]
        problems += [f"{o['username']}: {e}" for o in outcomes for e in o["errors"]]
        checks, facts = load_checks.check_all(db.url, outcomes, start_states)
    summary = summarise(spec, outcomes, elapsed, done)
    summary["problems"] = problems
    summary["checks"] = checks
    summary["facts"] = facts
    summary["facts"]["unknown_found_committed"] = sum(
        1 for o in outcomes for e in o["ledger"]
        if e["outcome"] == "unknown" and e.get("found", 0) > 0)
    summary["work"] = str(work)
    return summary


def summarise(spec: RunSpec, outcomes: list[dict[str, Any]], elapsed: float,
              done: dict[str, int]) -> dict[str, Any]:
    by_kind: dict[str, list[float]] = {}
    for outcome in outcomes:
        for kind, values in outcome["latencies"].items():
            by_kind.setdefault(kind, []).extend(values)
    kinds = {kind: {"calls": len(v), "p50_ms": percentile(v, 0.5),
                    "p95_ms": percentile(v, 0.95)} for kind, v in sorted(by_kind.items())}
    lists = [x for k in LIST_KINDS for x in by_kind.get(k, [])]
    saves = [x for k in WRITES for x in by_kind.get(k, [])]
    ledger = [e for o in outcomes for e in o["ledger"]]
    calls = sum(len(v) for v in by_kind.values())
    return {
        "desks": spec.desks, "servers": spec.servers, "think_s": spec.think_s,
        "seconds": round(elapsed, 1),
        "calls": calls, "calls_per_s": round(calls / elapsed, 1) if elapsed else 0.0,
        "kinds": kinds,
        "list_first_page_p95_ms": percentile(lists, 0.95),
        "save_p95_ms": percentile(saves, 0.95),
        "writes_committed": sum(e["outcome"] == "committed" for e in ledger),
        "writes_unknown": sum(e["outcome"] == "unknown" for e in ledger),
        "conflicts": sum(o["conflicts"] for o in outcomes),
        "conflicts_by_kind": dict(sum((Counter(o.get("conflicts_by_kind", {}))
                                       for o in outcomes), Counter())),
        "unavailable_retries": sum(o["unavailable"] for o in outcomes),
        "faults": done,
    }


def write_results(summary: dict[str, Any], spec: RunSpec) -> None:
    """Merge this run's figures into ``bench/results.json`` (the others kept). A run
    with faults adds no figures (its latencies include the waits for a killed server):
    its parameters and outcome go under ``machine.load_faults_run``."""
    from bench.run import machine

    old = json.loads(RESULTS.read_text(encoding="utf-8"))
    if spec.kills or spec.pg_restarts or spec.cuts:
        old["machine"]["load_faults_run"] = {**asdict(spec), "summary": {
            k: v for k, v in summary.items() if k != "work"}}
        RESULTS.write_text(json.dumps(old, indent=2, ensure_ascii=False) + "\n",
                           encoding="utf-8")
        return
    if spec.think_s <= 0:
        _write_saturation(old, summary, spec)
        return
    # This run's own figures are replaced; the saturation run's are kept.
    figures = {k: v for k, v in old["figures"].items()
               if not k.startswith("load_") or k.startswith(SATURATION)}
    new: dict[str, dict[str, Any]] = {
        "load_desks": {"value": spec.desks, "unit": "desks", "target": 25,
                       "met": spec.desks >= 25},
        "load_list_first_page_p95_ms": {"value": summary["list_first_page_p95_ms"],
                                        "unit": "ms", "target": 250.0},
        "load_save_p95_ms": {"value": summary["save_p95_ms"], "unit": "ms", "target": 300.0},
        "load_calls_per_s": {"value": summary["calls_per_s"], "unit": "1/s", "target": 0,
                             "met": True},
    }
    for kind, fig in summary["kinds"].items():
        new[f"load_{kind}_p95_ms"] = {"value": fig["p95_ms"], "unit": "ms", "target": 0,
                                      "met": True}
    for name, target in TARGETS.items():
        new[name]["met"] = new[name]["value"] < target
    figures.update(new)
    info = machine()
    info["load_run"] = {**asdict(spec), "summary": {
        k: v for k, v in summary.items() if k not in ("work",)}}
    old["machine"]["load_run"] = info
    RESULTS.write_text(json.dumps({"machine": old["machine"], "figures": figures},
                                  indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_saturation(old: dict[str, Any], summary: dict[str, Any], spec: RunSpec) -> None:
    """The desks without a pause measure the centre's capacity, not the time of one
    call (Little's law: the latency is the desks over the throughput): reported beside
    the target figures under names of their own, with no target."""
    from bench.run import machine

    figures = {k: v for k, v in old["figures"].items() if not k.startswith(SATURATION)}
    new: dict[str, dict[str, Any]] = {
        f"{SATURATION}calls_per_s": {"value": summary["calls_per_s"], "unit": "1/s",
                                     "target": 0, "met": True},
        f"{SATURATION}list_first_page_p95_ms": {"value": summary["list_first_page_p95_ms"],
                                                "unit": "ms", "target": 0, "met": True},
        f"{SATURATION}save_p95_ms": {"value": summary["save_p95_ms"], "unit": "ms",
                                     "target": 0, "met": True},
    }
    figures.update(new)
    info = machine()
    info["load_saturation_run"] = {**asdict(spec), "summary": {
        k: v for k, v in summary.items() if k != "work"}}
    old["machine"]["load_saturation_run"] = info
    RESULTS.write_text(json.dumps({"machine": old["machine"], "figures": figures},
                                  indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def print_summary(summary: dict[str, Any]) -> None:
    print(f"\n{summary['desks']} desks (mean pause {summary['think_s']} s), "
          f"{summary['servers']} server(s), "
          f"{summary['seconds']} s: {summary['calls']} calls ({summary['calls_per_s']}/s)")
    print(f"{'kind':<18} {'calls':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, fig in summary["kinds"].items():
        print(f"{kind:<18} {fig['calls']:>7} {fig['p50_ms']:>8} {fig['p95_ms']:>8}")
    print(f"lists' first page p95 {summary['list_first_page_p95_ms']} ms; "
          f"saves p95 {summary['save_p95_ms']} ms")
    print(f"writes committed {summary['writes_committed']}, unknown "
          f"{summary['writes_unknown']}; designed conflicts {summary['conflicts']} "
          f"{summary['conflicts_by_kind']}; "
          f"retries after 'unreachable' {summary['unavailable_retries']}")
    print(f"faults injected: {summary['faults']}; found afterwards: {summary['facts']}")
    for line, n in Counter(summary["problems"]).most_common():
        print(f"PROBLEM ({n}x): {line}")
    for line in summary["checks"]:
        print(f"CHECK FAILED: {line}")
    if not summary["problems"] and not summary["checks"]:
        print("all checks passed: every committed write once, no reference twice, "
              "versions as the ledgers say, audit chain verified, no job twice")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--desks", type=int, default=25)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--servers", type=int, choices=(1, 2), default=SERVERS)
    parser.add_argument("--kills", type=int, default=0, help="SIGKILLs of a server process")
    parser.add_argument("--pg-restarts", type=int, default=0, help="PostgreSQL restarts")
    parser.add_argument("--cuts", type=int, default=0, help="network cuts at the proxy")
    parser.add_argument("--demo-signals", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--think", type=float, default=THINK_S,
                        help="each desk's mean pause between calls in seconds (0: none, "
                             "the saturation run; its figures go under load_saturation_*)")
    parser.add_argument("--no-results", action="store_true",
                        help="print only; leave bench/results.json as it is")
    args = parser.parse_args(argv)
    spec = RunSpec(args.desks, args.seconds, args.servers, args.kills, args.pg_restarts,
                   args.cuts, args.demo_signals, args.seed, args.think)
    summary = run_load(spec)
    print_summary(summary)
    failed = bool(summary["problems"] or summary["checks"])
    if not args.no_results and not failed:
        write_results(summary, spec)
        print(f"written: {RESULTS.relative_to(BENCH_DIR.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
