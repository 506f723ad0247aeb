"""Start-up and package figures: ``python -m bench.package`` (run by ``make bench``).

Measures, each the median of several fresh processes:

* ``startup_unlock_s``: from starting ``python -m sociaalveilig.app`` (from source) to the
  unlock dialog shown on an existing store (the hidden ``--startup-probe`` option prints the
  moment the dialog has been shown and quits);
* ``package_startup_unlock_s``: the same from the PyInstaller folder ``dist/sociaalveilig``;
* ``package_start_s``: ``dist/sociaalveilig/sociaalveilig --self-test`` from start to exit
  (a store created with three Argon2id derivations, fictional data, the window's first
  page, one PDF);
* ``package_size_mb``: the size of ``dist/sociaalveilig`` (``make package``).

The package figures are left out when there is no package. The figures are merged into
``bench/results.json`` and ``bench/results-details.json`` (the others stay as they are), so
this runs after ``bench.run``, which rewrites both files.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results.json"
DETAILS = BENCH_DIR / "results-details.json"
PACKAGE = ROOT / "dist" / "sociaalveilig"
PASSPHRASE = "bench-startup-wachtwoord"
PROBE_TIMEOUT_S = 120


@dataclass(frozen=True)
class Target:
    unit: str
    target: float
    source: str


TARGETS = {
    "startup_unlock_s": Target("s", 1.5, "issue"),
    "package_startup_unlock_s": Target("s", 1.5, "issue"),
    "package_start_s": Target("s", 15.0, "ours"),
    "package_size_mb": Target("MB", 300.0, "ours"),
}


def program_env(home: Path) -> dict[str, str]:
    """A clean environment: offscreen, the program's settings in a throw-away home."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return env


def make_store(folder: Path) -> None:
    from sociaalveilig.services import setup

    admin, _code = setup.create_store(folder, "beheer", PASSPHRASE, "Bench Beheerder")
    setup.lock(admin)


def child_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def probe_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds from start to the dialog shown, CPU seconds of the whole process)."""
    cpu_before = child_cpu_s()
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=PROBE_TIMEOUT_S, check=False)
    shown = [line for line in done.stdout.splitlines()
             if line.startswith("startup-probe ") and line.endswith(" UnlockDialog")]
    if done.returncode != 0 or not shown:
        raise RuntimeError(f"startup probe failed ({done.returncode}): {done.stderr[-500:]}")
    return float(shown[0].split()[1]) - started, child_cpu_s() - cpu_before


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    cpu_before = child_cpu_s()
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=PROBE_TIMEOUT_S * 3, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[-1]} failed ({done.returncode}): {done.stderr[-500:]}")
    return time.perf_counter() - started, child_cpu_s() - cpu_before


def folder_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def put(figures: dict[str, Any], details: dict[str, Any], name: str, samples: list[float],
        **extra: Any) -> None:
    spec = TARGETS[name]
    value = round(statistics.median(samples), 3 if spec.unit == "s" else 1)
    met = value <= spec.target
    figures[name] = {"value": value, "unit": spec.unit, "target": spec.target, "met": met}
    details[name] = {"samples": [round(s, 4) for s in samples], "target_source": spec.source,
                     **extra}
    mark = "ok  " if met else "MISS"
    print(f"  {mark} {name:<42} {value:>10} {spec.unit:<5} (target {spec.target})", flush=True)


def merge(path: Path, key: str, new: dict[str, Any], machine: dict[str, Any]) -> None:
    data: dict[str, Any] = {}
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault(key, {}).update(new)
    data.setdefault("machine", {})["package_bench"] = machine
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def measure(runs: int, package: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    figures: dict[str, Any] = {}
    details: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sociaalveilig-bench-start-") as tmp:
        home = Path(tmp)
        store = home / "opslag"
        make_store(store)
        env = program_env(home)
        sources = [("startup_unlock_s", [sys.executable, "-m", "sociaalveilig.app"])]
        executable = package / "sociaalveilig"
        if executable.exists():
            sources.append(("package_startup_unlock_s", [str(executable)]))
        for name, command in sources:
            probe = [*command, "--store", str(store), "--startup-probe"]
            probe_once(probe, env)  # warm the file cache: a desk starts it more than once
            walls, cpus = zip(*(probe_once(probe, env) for _ in range(runs)), strict=True)
            put(figures, details, name, list(walls), cpu_s=[round(c, 3) for c in cpus])
        if executable.exists():
            walls, cpus = zip(*(run_once([str(executable), "--self-test"], env)
                                for _ in range(max(1, runs // 2))), strict=True)
            put(figures, details, "package_start_s", list(walls),
                cpu_s=[round(c, 3) for c in cpus])
            put(figures, details, "package_size_mb", [folder_mb(package)])
        else:
            print(f"  (no package at {package}: `make package` builds it)", flush=True)
    return figures, details


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.package", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per figure")
    parser.add_argument("--package", type=Path, default=PACKAGE)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    machine = {
        "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "load_average_start": list(os.getloadavg()),
    }
    figures, details = measure(args.runs, args.package)
    machine["load_average_end"] = list(os.getloadavg())
    if not args.no_write:
        merge(RESULTS, "figures", figures, machine)
        merge(DETAILS, "details", details, machine)
        print(f"\nmerged into {RESULTS.relative_to(ROOT)} and {DETAILS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
