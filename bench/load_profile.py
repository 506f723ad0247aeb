"""Where a call's time goes at the centre under load: ``python -m bench.load_profile``.

The same centre as ``bench/load.py`` (a throw-away cluster, the demo data, one user per
desk), served by **one** ``sociaalveilig-server``-like process started by this module
(``serve``) with timers around each part of a call, and optionally pyinstrument on its
threads. Background desks (``bench/load_desk.py`` processes) load it; one more desk runs
in this process, with timers around its httpx client, so the desk's side is measured too.

Per function called (``module.function``) the mean time of each part, in ms and as a share
of what the desk waited:

- desk: encoding the arguments, decoding the answer (codec and JSON), the rest of the
  HTTP exchange as the desk saw it;
- server: the whole request inside the ASGI app, and within it reading and decoding the
  body, the wait for a thread of the pool, the session check (its SQL apart), binding and
  checking the arguments, the service (its SQL, the write-order lock's wait and the
  ``SET`` statements of a unit apart), and encoding the answer.

What remains of the desk's HTTP time after the server's is uvicorn, the socket and the
event loop. Figures go to standard output; nothing is written to ``bench/results.json``.
"""

from __future__ import annotations

import argparse
import contextvars
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent

_record: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "sv_profile_record", default=None)


def _add(name: str, seconds: float) -> None:
    record = _record.get()
    if record is not None:
        record[name] = record.get(name, 0.0) + seconds


# --------------------------------------------------------------------------- the server


def serve(url: str, port: int, report: Path, profile: Path | None) -> None:  # noqa: C901
    # (C901: the timers are closures over this one process's records, kept together.)
    """An instrumented server process (as ``cmd_run``), until SIGTERM; then the records
    (and pyinstrument's combined profile) are written."""
    import uvicorn
    from sqlalchemy import event

    from sociaalveilig.server import app as app_module
    from sociaalveilig.services import centre_sessions
    from sociaalveilig.services.remote import codec
    from sociaalveilig.storage.postgres.store import PgStore

    store = PgStore.open(url)
    records: list[dict[str, Any]] = []
    sessions_lock = threading.Lock()
    thread_profiles: list[Any] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def _before(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        conn.info["sv_t0"] = time.perf_counter()

    @event.listens_for(store.engine, "after_cursor_execute")
    def _after(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        elapsed = time.perf_counter() - conn.info.pop("sv_t0", time.perf_counter())
        record = _record.get()
        if record is None:
            return
        where = record.get("_phase", "other")
        if "LOCK TABLE" in statement:  # a unit's first round trip ends with the lock
            _add(f"{where}.lock", elapsed)
        elif statement.startswith("SET"):
            _add(f"{where}.set", elapsed)
        else:
            _add(f"{where}.sql", elapsed)
            _add(f"{where}.statements", 1)

    original_resume = centre_sessions.resume_session

    def resume(*args: Any, **kwargs: Any) -> Any:
        record = _record.get()
        if record is not None:
            record["_phase"] = "session"
        started = time.perf_counter()
        try:
            return original_resume(*args, **kwargs)
        finally:
            _add("session", time.perf_counter() - started)

    centre_sessions.resume_session = resume  # type: ignore[assignment]

    original_check = codec.check_arguments

    def check(*args: Any, **kwargs: Any) -> None:
        started = time.perf_counter()
        try:
            original_check(*args, **kwargs)
        finally:
            _add("bind", time.perf_counter() - started)
            record = _record.get()
            if record is not None:
                record["_phase"] = "service"
                record["_service_start"] = time.perf_counter()

    codec.check_arguments = check  # type: ignore[assignment]

    original_json = app_module._json

    def encode(fields: dict[str, Any]) -> Any:
        started = time.perf_counter()
        record = _record.get()
        if record is not None and "_service_start" in record:
            record["service"] = started - record.pop("_service_start")
        try:
            return original_json(fields)
        finally:
            _add("encode", time.perf_counter() - started)

    app_module._json = encode  # type: ignore[assignment]

    centre = app_module.CentreApp
    original_body = centre._body

    async def body(self: Any, request: Any) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            return await original_body(self, request)
        finally:
            now = time.perf_counter()
            _add("decode", now - started)
            record = _record.get()
            if record is not None:
                record["_submitted"] = now

    centre._body = body  # type: ignore[method-assign]

    original_run = centre._run

    def run(self: Any, *args: Any) -> Any:
        record = _record.get()
        if record is not None and "_submitted" in record:
            record["pool_wait"] = time.perf_counter() - record["_submitted"]
        if profile is None:
            return original_run(self, *args)
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
        try:
            return original_run(self, *args)
        finally:
            profiler.stop()
            with sessions_lock:
                thread_profiles.append(profiler.last_session)

    centre._run = run  # type: ignore[method-assign]

    app = app_module.create_app(store)

    async def timed(scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith("/api/v1/call/"):
            await app(scope, receive, send)
            return
        record: dict[str, Any] = {"kind": path.removeprefix("/api/v1/call/").replace("/", ".")}
        if (b"x-profile", b"here") in scope.get("headers", []):
            record["_here"] = True
        token = _record.set(record)
        started = time.perf_counter()
        try:
            await app(scope, receive, send)
        finally:
            record["server"] = time.perf_counter() - started
            _record.reset(token)
            kept = {k: v for k, v in record.items() if not k.startswith("_")}
            kept["here"] = bool(record.get("_here"))
            records.append(kept)

    main_profiler = None
    if profile is not None:
        from pyinstrument import Profiler

        main_profiler = Profiler(interval=0.0005, async_mode="disabled")
        main_profiler.start()
    config = uvicorn.Config(timed, host="127.0.0.1", port=port, log_level="warning",
                            access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    print("listening", flush=True)
    # uvicorn raises the signal again after its shutdown: for this handler, not the
    # default one that would end the process before the records are written.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: None)
    try:
        server.run()
    finally:
        app.state.centre.feed.stop(timeout=10)
        store.close()
        report.write_text(json.dumps(records), encoding="utf-8")
        if profile is not None and main_profiler is not None:
            main_profiler.stop()
            _write_profiles(profile, main_profiler.last_session, thread_profiles)


def _write_profiles(profile: Path, main: Any, threads: list[Any]) -> None:
    """pyinstrument's text of the pool's threads (every call's profile combined) and of
    the event loop's thread."""
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    renderer = ConsoleRenderer(unicode=False, color=False, show_all=False,
                               time="percent_of_total")
    combined = None
    for part in threads:
        combined = part if combined is None else Session.combine(combined, part)
    if combined is not None:
        profile.with_suffix(".threads.txt").write_text(renderer.render(combined),
                                                       encoding="utf-8")
    if main is not None:
        profile.with_suffix(".loop.txt").write_text(renderer.render(main), encoding="utf-8")


# --------------------------------------------------------------------------- the desk here


def instrument_client(records: list[dict[str, Any]]) -> None:
    """Timers around the desk's client: encoding, the HTTP exchange, decoding."""
    from sociaalveilig.services.remote import client as client_module

    cls = client_module.CentreClient
    encode_field = client_module._encode_field
    original_answer = cls._answer

    def request(self: Any, method: str, path: str, body: dict[str, Any] | None = None,
                token: str | None = None) -> dict[str, Any]:
        record: dict[str, Any] = {"kind": path.removeprefix("/call/").replace("/", ".")}
        started = time.perf_counter()
        headers = {"Content-Type": "application/json", "Accept": "application/json",
                   "X-Profile": "here"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        content = None
        if body is not None:
            encoded = {key: encode_field(key, value) for key, value in body.items()}
            content = json.dumps(encoded, ensure_ascii=False, allow_nan=False).encode("utf-8")
        sent = time.perf_counter()
        record["c_encode"] = sent - started
        try:
            response = self.http.request(method, client_module.API + path, content=content,
                                         headers=headers)
        except Exception:
            raise self.unreachable() from None
        received = time.perf_counter()
        record["c_http"] = received - sent
        try:
            return original_answer(self, response)
        finally:
            done = time.perf_counter()
            record["c_decode"] = done - received
            record["desk"] = done - started
            if path.startswith("/call/"):
                records.append(record)

    cls.request = request  # type: ignore[method-assign]


# --------------------------------------------------------------------------- the run


PARTS = (
    ("c_encode", "desk: encode arguments"),
    ("c_decode", "desk: decode answer"),
    ("http", "HTTP, uvicorn, event loop"),
    ("decode", "server: read + decode body"),
    ("pool_wait", "server: wait for a pool thread"),
    ("session.sql", "server: session check SQL"),
    ("session.py", "server: session check Python"),
    ("bind", "server: bind + check arguments"),
    ("service.set", "service: SET (acting role, read only)"),
    ("service.lock", "service: SET + write-order lock (wait)"),
    ("service.sql", "service: other SQL"),
    ("service.py", "service: Python (ORM, rules, audit)"),
    ("encode", "server: encode result"),
    ("rest", "server: the rest (Starlette)"),
)


def breakdown(server: list[dict[str, Any]], desk: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean ms per part per function: the desk's records joined with the server's (the
    same function called, in order: one desk in this process calls one at a time)."""
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)
    for rec in server:
        if not rec.pop("here", False):
            continue
        part = sums[rec["kind"]]
        counts[rec["kind"]] += 1
        for name, value in rec.items():
            if name != "kind":
                part[name] += value
    desk_sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    desk_counts: dict[str, int] = defaultdict(int)
    for rec in desk:
        desk_counts[rec["kind"]] += 1
        for name, value in rec.items():
            if name != "kind":
                desk_sums[rec["kind"]][name] += value
    table: dict[str, Any] = {}
    for kind in sorted(desk_counts, key=lambda k: -desk_counts[k]):
        n, dn = counts.get(kind, 0), desk_counts[kind]
        if not n:
            continue
        s = {name: value / n for name, value in sums[kind].items()}
        d = {name: value / dn for name, value in desk_sums[kind].items()}
        session_sql = s.get("session.sql", 0.0) + s.get("session.set", 0.0)
        service_sql = s.get("service.sql", 0.0)
        parts = {
            "c_encode": d.get("c_encode", 0.0),
            "c_decode": d.get("c_decode", 0.0),
            "http": max(0.0, d.get("c_http", 0.0) - s.get("server", 0.0)),
            "decode": s.get("decode", 0.0),
            "pool_wait": s.get("pool_wait", 0.0),
            "session.sql": session_sql,
            "session.py": max(0.0, s.get("session", 0.0) - session_sql),
            "bind": s.get("bind", 0.0),
            "service.set": s.get("service.set", 0.0),
            "service.lock": s.get("service.lock", 0.0),
            "service.sql": service_sql,
            "service.py": max(0.0, s.get("service", 0.0) - service_sql
                              - s.get("service.set", 0.0) - s.get("service.lock", 0.0)),
            "encode": s.get("encode", 0.0),
        }
        accounted = sum(v for k, v in parts.items() if k not in ("c_encode", "c_decode", "http"))
        parts["rest"] = max(0.0, s.get("server", 0.0) - accounted)
        total = d.get("desk", 0.0)
        table[kind] = {"desk_calls": dn, "server_calls": n, "desk_ms": round(total * 1000, 2),
                       "statements": round(s.get("service.statements", 0.0), 1),
                       "session_statements": round(s.get("session.statements", 0.0), 1),
                       "parts_ms": {k: round(v * 1000, 2) for k, v in parts.items()}}
    return table


def print_breakdown(table: dict[str, Any], title: str) -> None:
    print(f"\n{title}")
    for kind, row in table.items():
        total = row["desk_ms"] or 1.0
        print(f"\n{kind}: the desk waited {row['desk_ms']} ms on average "
              f"({row['desk_calls']} calls here, {row['server_calls']} at the server; "
              f"{row['session_statements']} + {row['statements']} SQL statements)")
        for key, label in PARTS:
            ms = row["parts_ms"][key]
            print(f"  {label:<40} {ms:>8.2f} ms {100 * ms / total:>5.1f} %")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_profile", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    srv = sub.add_parser("serve")
    srv.add_argument("--port", type=int, required=True)
    srv.add_argument("--report", required=True)
    srv.add_argument("--profile")
    parser.add_argument("--desks", type=int, default=5, help="background desks")
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--think", type=float, default=0.0,
                        help="the background desks' mean pause between calls")
    parser.add_argument("--pyinstrument", action="store_true",
                        help="profile the server's threads (slows it down)")
    parser.add_argument("--demo-signals", type=int, default=3000)
    args = parser.parse_args(argv)
    if args.command == "serve":
        serve(os.environ["SOCIAALVEILIG_DATABASE_URL"], args.port, Path(args.report),
              Path(args.profile) if args.profile else None)
        return 0
    return run(args)


def run(args: argparse.Namespace) -> int:
    from bench.load import RunSpec, database, prepare
    from bench.load_desk import Desk, DeskPlan
    from tools.pgcluster import free_port

    work = Path(tempfile.mkdtemp(prefix="sv-profile-"))
    spec = RunSpec(desks=args.desks + 1, seconds=args.seconds, servers=1,
                   demo_signals=args.demo_signals, think_s=args.think)
    with database() as db:
        prepared = prepare(db.url, spec)
        port = free_port()
        report = work / "server.json"
        command = [sys.executable, "-m", "bench.load_profile", "serve", "--port", str(port),
                   "--report", str(report)]
        if args.pyinstrument:
            command += ["--profile", str(work / "profile")]
        server = subprocess.Popen(command, env={**os.environ, "SOCIAALVEILIG_DATABASE_URL":
                                                db.url},
                                  cwd=BENCH_DIR.parent, stdout=subprocess.PIPE)
        assert server.stdout is not None
        server.stdout.readline()
        url = f"http://127.0.0.1:{port}"
        desks: list[subprocess.Popen[bytes]] = []
        try:
            from bench.load import PASSPHRASE
            plans = []
            # The first user is the desk here, a coordinator; the others in the background.
            for n, (username, role) in enumerate(prepared.users[1:], start=1):
                plan = DeskPlan(username, role, url, args.seconds, 19000 + n,
                                str(work / f"desk{n:02d}.json"),
                                prepared.shared_actions if role == "coordinator" else [],
                                args.think)
                fields = asdict(plan)
                del fields["passphrase"]
                path = work / f"plan{n:02d}.json"
                path.write_text(json.dumps(fields), encoding="utf-8")
                plans.append(path)
            desks = [subprocess.Popen([sys.executable, "-m", "bench.load_desk", str(p)],
                                      cwd=BENCH_DIR.parent, stdin=subprocess.PIPE)
                     for p in plans]
            for desk in desks:
                assert desk.stdin is not None
                desk.stdin.write(PASSPHRASE.encode("utf-8") + b"\n")
                desk.stdin.close()
            deadline = time.monotonic() + 600.0
            while time.monotonic() < deadline and not all(
                    (work / f"desk{n:02d}.json.ready").exists() for n in range(1, len(plans) + 1)):
                time.sleep(0.2)
            desk_records: list[dict[str, Any]] = []
            instrument_client(desk_records)
            username, role = prepared.users[0]
            here = DeskPlan(username, role, url, args.seconds, 19000,
                            str(work / "desk00.json"), prepared.shared_actions, 0.0,
                            passphrase=PASSPHRASE)
            Desk(here).run()
            for desk in desks:
                desk.wait(args.seconds + 300)
        finally:
            for desk in desks:
                if desk.poll() is None:
                    desk.kill()
            server.send_signal(signal.SIGTERM)
            server.wait(60)
    server_records = json.loads(report.read_text(encoding="utf-8"))
    # The join: the server's records of the desk here (marked by a header of its own).
    table = breakdown(server_records, desk_records)
    print_breakdown(table, f"{args.desks} background desks (think {args.think} s), one "
                    f"server process, {args.seconds:.0f} s; the desk measured is a "
                    f"coordinator calling back to back")
    (work / "breakdown.json").write_text(json.dumps(table, indent=2), encoding="utf-8")
    print(f"\nwork folder: {work}")
    for suffix in (".threads.txt", ".loop.txt"):
        path = (work / "profile").with_suffix(suffix)
        if path.exists():
            print(f"pyinstrument: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
