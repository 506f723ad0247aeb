"""The layers point one way: core → storage → services → reports → ui, cli (docs/architecture.md).

Each package of ``sociaalveilig`` may import only the packages listed for it below, lazy
imports inside functions included; ``core`` holds the domain without SQLAlchemy; the domain,
the store, the services and the reports never import the toolkit; nothing imports the plain
sqlite3 module (it would write plaintext)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sociaalveilig"

_BELOW_SERVICES = {"core", "storage"}
_BELOW_TOP = _BELOW_SERVICES | {"services", "reports", "language"}
# Who may import whom: the layer itself and what lies below it. ``demo`` sits with the
# services (only the CLI and app.py fill a demo store); ``language`` (the user's language
# choice) serves the window and the CLI; ``commandline`` (argparse in Dutch, passphrases, the
# one-line failure) serves the two command-line programs. ``app`` wires everything together.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "storage": {"core"},
    "services": _BELOW_SERVICES,
    "demo": _BELOW_SERVICES | {"services"},
    "reports": _BELOW_SERVICES | {"services"},
    "language": {"core"},
    "commandline": {"core", "storage"},
    "ui": _BELOW_TOP,
    "cli": _BELOW_TOP | {"demo", "commandline"},
    "server": _BELOW_TOP | {"commandline", "demo"},
    "app": {"*"},
}
TOOLKIT_FREE = ("core", "storage", "services", "demo", "reports")
# The package's own __init__ holds only the program's name and id: anyone may read them.
SHARED = {"__init__"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            # `from sociaalveilig import cli` names the layer in the alias, not the module.
            if node.module == "sociaalveilig":
                names.update(f"sociaalveilig.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            names.add("." * node.level + (node.module or ""))
    return names


def _layer_of_module(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "sociaalveilig":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def layer_violations(package: Path) -> list[str]:
    """Every import in ``package`` that points to a layer its own layer may not use."""
    offenders: list[str] = []
    # `from sociaalveilig import APP_ID` reads the package's __init__, not a layer.
    layers = {p.name.removesuffix(".py") for p in package.iterdir()}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        layer = rel.parts[0].removesuffix(".py")
        if layer in SHARED:
            continue
        allowed = ALLOWED.get(layer)
        if allowed is None:
            offenders.append(f"{rel}: layer {layer!r} is not in ALLOWED; give it its place")
            continue
        for name in sorted(_imports(path)):
            if name.startswith("."):
                offenders.append(f"{rel}: relative import {name!r}; name the layer")
                continue
            target = _layer_of_module(name)
            if target is None:
                continue
            if target not in layers:
                target = "__init__"
            if target == layer or target in SHARED or "*" in allowed:
                continue
            if target not in allowed:
                offenders.append(f"{rel}: {layer} may not import {name}")
    return offenders


def test_each_layer_imports_only_the_layers_below_it() -> None:
    assert layer_violations(PACKAGE) == []


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    package = tmp_path / "sociaalveilig"
    for layer in ("core", "storage", "services", "reports"):
        (package / layer).mkdir(parents=True)
    (package / "services" / "export.py").write_text(
        "def pdf():\n    from sociaalveilig.reports.api import case_summary\n", encoding="utf-8"
    )
    (package / "core" / "rules.py").write_text(
        "from sociaalveilig import storage\n", encoding="utf-8"
    )
    (package / "newthing.py").write_text("", encoding="utf-8")
    offenders = layer_violations(package)
    assert offenders == [
        "core/rules.py: core may not import sociaalveilig.storage",
        "newthing.py: layer 'newthing' is not in ALLOWED; give it its place",
        "services/export.py: services may not import sociaalveilig.reports.api",
    ]


def test_core_is_the_domain_without_a_database() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in (PACKAGE / "core").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in ("sqlalchemy", "sqlcipher3", "alembic")
    ]
    assert offenders == []


def test_lower_layers_do_not_import_pyside6_or_ui() -> None:
    offenders = []
    for layer in TOOLKIT_FREE:
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                if name.startswith("PySide6") or name.startswith("sociaalveilig.ui"):
                    offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def test_no_module_imports_plain_sqlite3() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if any(n == "sqlite3" or n.startswith("sqlite3.") for n in _imports(path))
    ]
    assert offenders == []


def test_importing_services_and_reports_does_not_load_qt() -> None:
    code = (
        "import sys, sociaalveilig.cli, sociaalveilig.services.setup, "
        "sociaalveilig.storage.sqlite.backup, sociaalveilig.reports.api\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- the storage seam

DATABASE_PACKAGES = ("sociaalveilig.storage.sqlite", "sociaalveilig.storage.postgres")
SINGLE_DESK_SERVICES = frozenset({"services/setup.py", "services/maintenance.py",
                                  "services/desk.py", "services/centre.py",
                                  "services/centre_sessions.py", "services/centre_backup.py",
                                  "services/centre_import.py"})
"""The service modules that are about a store folder on this computer (signing in to it,
its recovery code, its backup, restore and verify): they may use the SQLite store itself;
and ``centre`` (creating a centre and signing in to it), ``centre_sessions`` (the
server's sessions), ``centre_backup`` (its backup, restore, verify and upgrade) and
``centre_import`` (a desk's store moved into it) the PostgreSQL store. Every other
service, the demo and the reports see a store only through ``storage.seam``."""


def seam_violations(package: Path) -> list[str]:
    """Imports of one database's package from the services, the demo or the reports."""
    offenders: list[str] = []
    for layer in ("services", "demo", "reports"):
        for path in sorted((package / layer).rglob("*.py")):
            rel = path.relative_to(package).as_posix()
            if rel in SINGLE_DESK_SERVICES:
                continue
            for name in sorted(_imports(path)):
                if any(name == p or name.startswith(p + ".") for p in DATABASE_PACKAGES):
                    offenders.append(f"{rel}: {name}")
    return offenders


def test_services_see_a_store_only_through_the_seam() -> None:
    assert seam_violations(PACKAGE) == []


def test_the_seam_check_catches_a_service_that_reaches_into_sqlite(tmp_path: Path) -> None:
    package = tmp_path / "sociaalveilig"
    for layer in ("services", "demo", "reports"):
        (package / layer).mkdir(parents=True)
    (package / "services" / "search.py").write_text(
        "def plan():\n    from sociaalveilig.storage.sqlite import plans\n", encoding="utf-8"
    )
    (package / "services" / "setup.py").write_text(
        "from sociaalveilig.storage.sqlite.store import Store\n", encoding="utf-8"
    )
    (package / "reports" / "api.py").write_text(
        "import sociaalveilig.storage.postgres.store\n", encoding="utf-8"
    )
    assert seam_violations(package) == [
        "services/search.py: sociaalveilig.storage.sqlite",
        "reports/api.py: sociaalveilig.storage.postgres.store",
    ]


# Words only SQLite's package may say (case as SQL writes them). ``sqlite_where`` is
# SQLAlchemy's per-dialect option of a partial index in the portable models.
SQLITE_ONLY = re.compile(r"INDEXED BY|PRAGMA|\browid\b|fts5|FTS5|\bMATCH\b|VACUUM|"
                         r"sqlite_(?!where\b)")
SQLITE_WORDS_ALLOWED = (
    "storage/sqlite/",
    # Schema history, written once per database; the PostgreSQL schema has its own.
    "storage/migrations/",
    # The seam's own description names what each database's package holds.
    "storage/seam.py",
    # SQLite's result codes, read from the driver's exception (not yet split per database).
    "storage/errors.py",
    # PostgreSQL's own VACUUM (retention's reclaim on the centre).
    "storage/postgres/store.py",
)


def sqlite_word_violations(package: Path) -> list[str]:
    offenders = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        if rel.startswith(SQLITE_WORDS_ALLOWED):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if found := SQLITE_ONLY.search(line):
                offenders.append(f"{rel}:{number}: {found.group(0)}")
    return offenders


def test_only_the_sqlite_package_speaks_sqlite() -> None:
    assert sqlite_word_violations(PACKAGE) == []


def test_the_sqlite_word_check_catches_a_hint_in_a_service(tmp_path: Path) -> None:
    package = tmp_path / "sociaalveilig"
    (package / "services").mkdir(parents=True)
    (package / "storage" / "sqlite").mkdir(parents=True)
    (package / "services" / "search.py").write_text(
        'HINT = "INDEXED BY ix_signals_list"\nnewest = "max(rowid)"\n', encoding="utf-8"
    )
    (package / "storage" / "sqlite" / "plans.py").write_text(
        'HINT = "INDEXED BY ix_signals_list"\n', encoding="utf-8"
    )
    assert sqlite_word_violations(package) == [
        "services/search.py:1: INDEXED BY",
        "services/search.py:2: rowid",
    ]
