"""Settings and helpers of the torture suite.

``SV_TORTURE`` unset: the short version that runs inside ``make test`` (20 kills, about 200
fuzz examples). ``SV_TORTURE=full`` (``make torture``): 200 kills and at least 10,000
generated CSV files. ``SV_FUZZ_EXAMPLES`` overrides the number of fuzz examples,
``SV_TORTURE_SEED`` the seed of the random kill moments (printed by every run, so a failure
can be replayed).

Each test writes what it did (kills, transactions checked, examples run) into the summary
that ``pytest -rA`` or the terminal summary shows at the end, so docs/reliability.md can
quote the figures of a real run.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.storage.keyslots import KeySlotFile
from sociaalveilig.storage.models import User
from sociaalveilig.storage.sqlite.store import Store, keyslot_path
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, TEST_NOW

FULL = os.environ.get("SV_TORTURE", "").strip().lower() == "full"
KILLS = int(os.environ.get("SV_TORTURE_KILLS", "200" if FULL else "20"))
FUZZ_EXAMPLES = int(os.environ.get("SV_FUZZ_EXAMPLES", "10000" if FULL else "200"))
SEED = int(os.environ.get("SV_TORTURE_SEED", "8"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "torture: the torture suite (tests/torture); short inside make test"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/torture/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.torture)


# --------------------------------------------------------------------------- run report


@dataclass
class TortureReport:
    lines: list[str] = field(default_factory=list)
    summaries: list[Callable[[], str | None]] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)

    def summarise_at_end(self, summary: Callable[[], str | None]) -> None:
        """A line made when the run ends (None: nothing ran), from counters that several
        tests fill: no test has to run last to write it."""
        self.summaries.append(summary)

    def all_lines(self) -> list[str]:
        ended = (summary() for summary in self.summaries)
        return [*self.lines, *(line for line in ended if line)]


REPORT = TortureReport()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = REPORT.all_lines()
    if not lines:
        return
    mode = "full" if FULL else "short"
    terminalreporter.section(f"torture ({mode}, seed {SEED}, fuzz examples {FUZZ_EXAMPLES})")
    for line in lines:
        terminalreporter.line(line)


@pytest.fixture
def torture_report() -> TortureReport:
    return REPORT


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    """A seeded random source per test (the seed and the test's name)."""
    return random.Random(f"{SEED}:{request.node.name}")


# --------------------------------------------------------------------------- stores


@dataclass(frozen=True)
class OpenedStore:
    """A store folder with its data key and a coordinator, for tests that reopen the store
    many times (after each kill) without paying for the KDF each time."""

    folder: Path
    key: bytes
    coordinator: Actor
    admin: Actor

    def open(self) -> Store:
        return Store(self.folder, KeySlotFile.load(keyslot_path(self.folder)),
                     bytearray(self.key))

    def context(self, actor: Actor | None = None, store: Store | None = None) -> ServiceContext:
        return ServiceContext(store or self.open(), actor or self.coordinator,
                              FixedClock(TEST_NOW))


@pytest.fixture
def opened_store(store_dir: Path) -> Iterator[OpenedStore]:
    """A fresh store copy, unlocked once with the real KDF (as the beheerder), with a
    coordinator user added (a row; the coordinator never logs in with a passphrase here)."""
    from sociaalveilig.services.setup import login

    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE, FixedClock(TEST_NOW))
    try:
        key = bytes(ctx.store.data_key())
        with ctx.unit() as session:
            user = User(username="coordinator", display_name="Coördinator Torture",
                        role=Role.COORDINATOR.value, partner_id=None, active=True,
                        created_at=TEST_NOW)
            session.add(user)
            session.flush()
            coordinator = Actor(user.id, user.username, user.display_name, Role.COORDINATOR)
        admin = ctx.actor
    finally:
        ctx.store.close()
    yield OpenedStore(store_dir, key, coordinator, admin)


def store_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- a tiny filesystem


def can_mount() -> bool:
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0 and bool(
        shutil.which("mount")
    )


@contextmanager
def tiny_filesystem(path: Path, size_kib: int) -> Iterator[Path | None]:
    """A tmpfs of ``size_kib`` KiB at ``path`` (a real full disk), or None when this
    machine does not allow mounting (not root, no CAP_SYS_ADMIN): then the simulated
    variant of the test carries the proof alone."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = False
    if can_mount():
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(path)],
            capture_output=True, text=True, check=False,
        )
        mounted = done.returncode == 0
    try:
        yield path if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", str(path)], capture_output=True, check=False)


def resize_filesystem(path: Path, size_kib: int) -> None:
    subprocess.run(["mount", "-o", f"remount,size={size_kib}k", str(path)],
                   capture_output=True, check=True)


def fill_up(folder: Path, leave_kib: int) -> Path:
    """Write a filler file until at most ``leave_kib`` KiB stay free on the filesystem."""
    filler = folder / "filler.bin"
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    size = max(0, free - leave_kib * 1024)
    with open(filler, "wb") as fh:
        chunk = b"\0" * (1 << 20)
        while size > 0:
            part = chunk[: min(size, len(chunk))]
            try:
                fh.write(part)
            except OSError:
                break
            size -= len(part)
    return filler
