"""The domain, the store and the reports never import the toolkit; nothing imports the
plain sqlite3 module (it would write plaintext)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sociaalveilig"
LOWER_LAYERS = ("core", "storage", "reports")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_lower_layers_do_not_import_pyside6_or_ui() -> None:
    offenders = []
    for layer in LOWER_LAYERS:
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
        "sociaalveilig.storage.backup\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('sociaalveilig.reports.api'):\n"
        "    import sociaalveilig.reports.api\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
