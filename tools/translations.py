"""``make translations``: the ``.ts`` sources from the code, then the compiled ``.qm``.

    .venv/bin/python -m tools.translations [--check]

1. ``pyside6-lupdate`` reads every module of the package (``self.tr``,
   ``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP`` in the window; ``tr`` and
   ``QT_TR_NOOP`` from ``sociaalveilig.core.i18n`` below it, filed under the empty context)
   and updates ``resources/translations/sociaalveilig_<lang>.ts``: new Dutch texts are added
   unfinished, texts gone from the code are dropped, existing translations are kept.
2. ``pyside6-lrelease`` compiles each ``.ts`` to ``sociaalveilig/resources/translations/``
   (package data, read with ``importlib.resources``; committed, so a package built from the
   checkout holds it without Qt's tools at build time).

The ``.ts`` files carry no source locations: line numbers would change with every edit and
turn each merge into a conflict. lupdate does not see through a module's own shorthand
(``def _t(text): return QCoreApplication.translate("errors", text)``); the texts given to
such a helper are found here (``wrapped_texts``) and handed to lupdate as
``QT_TRANSLATE_NOOP`` lines in a temporary module. ``--check`` changes nothing and exits 1
when the ``.ts`` files miss a text of the code or a ``.qm`` is not the compilation of its
``.ts``.
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sociaalveilig"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = PACKAGE / "resources" / "translations"
LANGUAGES = ("en",)
SOURCE_LANGUAGE = "nl_NL"
TARGET_LANGUAGES = {"en": "en_GB"}

Message = tuple[str, str]
"""(context, Dutch source text)."""


def ts_path(language: str) -> Path:
    return TS_DIR / f"sociaalveilig_{language}.ts"


def qm_path(language: str) -> Path:
    return QM_DIR / f"sociaalveilig_{language}.qm"


def _tool(name: str) -> str:
    """The PySide6 tool beside the running interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: run 'make install' first")
    return found


def source_files() -> list[str]:
    """Every module of the package, relative to the checkout, in a stable order."""
    return sorted(
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts
    )


def _translate_helpers(tree: ast.AST) -> dict[str, str]:
    """Functions of a module that only return ``QCoreApplication.translate("ctx", text)``,
    by name, with their context."""
    helpers: dict[str, str] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [n for n in node.body if not isinstance(n, ast.Expr)]  # docstring allowed
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) >= 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            helpers[node.name] = call.args[0].value
    return helpers


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _tr_aliases(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a method binds to its own ``tr`` (``tr = self.tr``)."""
    return {
        target.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "tr"
        and isinstance(node.value.value, ast.Name)
        and node.value.value.id == "self"
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _translation_calls(tree: ast.AST) -> list[tuple[str, str, bool]]:
    """Each (context, text, hidden) handed to a translation call in a module: ``self.tr``
    (the enclosing class is the context, as lupdate has it), a bare ``tr`` and
    ``QT_TR_NOOP`` (the empty context, core.i18n), ``translate``/``QT_TRANSLATE_NOOP``
    with a literal context. ``hidden``: a call lupdate cannot see (the module's own helper,
    or ``tr = self.tr`` then ``tr("...")``, which lupdate files under the wrong context)."""
    helpers = _translate_helpers(tree)
    found: list[tuple[str, str, bool]] = []

    def visit(node: ast.AST, cls: str, aliases: set[str]) -> None:
        if isinstance(node, ast.ClassDef):
            cls, aliases = node.name, set()
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            aliases = aliases | _tr_aliases(node)
        if isinstance(node, ast.Call) and node.args:
            func, args = node.func, node.args
            name = func.attr if isinstance(func, ast.Attribute) else (
                func.id if isinstance(func, ast.Name) else None
            )
            first = _literal(args[0])
            if isinstance(func, ast.Name) and name in aliases and first is not None:
                found.append((cls, first, True))
            elif isinstance(func, ast.Name) and name in helpers and first is not None:
                found.append((helpers[name], first, True))
            elif isinstance(func, ast.Attribute) and name == "tr" and first is not None:
                found.append((cls, first, False))
            elif isinstance(func, ast.Name) and name in ("tr", "QT_TR_NOOP") and first:
                found.append(("", first, False))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                text = _literal(args[1])
                if first is not None and text is not None:
                    found.append((first, text, False))
        for child in ast.iter_child_nodes(node):
            visit(child, cls, aliases)

    visit(tree, "", set())
    return found


@functools.cache
def _all_calls() -> tuple[tuple[str, str, bool], ...]:
    # Read once per process: the tests ask for it several times.
    calls: list[tuple[str, str, bool]] = []
    for name in source_files():
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"), filename=name)
        calls.extend(_translation_calls(tree))
    return tuple(calls)


def wrapped_texts() -> list[Message]:
    """The texts of calls lupdate cannot see, with their context (handed to lupdate)."""
    return [(context, text) for context, text, hidden in _all_calls() if hidden]


def ast_messages() -> set[Message]:
    """Every (context, text) the code hands to a translation call, read with ``ast``: a
    second reading beside lupdate's, which misses some (a ``self.tr`` inside an
    f-string)."""
    return {(context, text) for context, text, _ in _all_calls()}


def lupdate(ts_file: Path, language: str) -> None:
    """Update ``ts_file`` (created when missing) from the code."""
    with tempfile.TemporaryDirectory(prefix="sv-wrapped-") as tmp:
        extra = Path(tmp) / "wrapped_texts.py"
        extra.write_text(
            "".join(
                f"QT_TRANSLATE_NOOP({json.dumps(context)}, "
                f"{json.dumps(text, ensure_ascii=False)})\n"
                for context, text in wrapped_texts()
            ),
            encoding="utf-8",
        )
        subprocess.run(
            [
                _tool("lupdate"), *source_files(), str(extra), "-ts", str(ts_file),
                "-no-obsolete", "-locations", "none",
                "-source-language", SOURCE_LANGUAGE,
                "-target-language", TARGET_LANGUAGES[language],
            ],
            cwd=ROOT, check=True, capture_output=True, text=True,
        )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [_tool("lrelease"), str(ts_file), "-qm", str(qm_file)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )


def messages(ts_file: Path) -> dict[Message, str | None]:
    """Each (context, source) of a ``.ts`` with its finished translation (None: unfinished)."""
    found: dict[Message, str | None] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished", "obsolete", "vanished"
            )
            text = translation.text if translation is not None and done else None
            found[(name, message.findtext("source") or "")] = text
    return found


def code_messages(language: str = "en") -> set[Message]:
    """Every (context, source) the code marks for translation, by a fresh lupdate."""
    with tempfile.TemporaryDirectory(prefix="sv-lupdate-") as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh, language)
        return set(messages(fresh))


def update(language: str) -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    lupdate(ts_path(language), language)
    lrelease(ts_path(language), qm_path(language))


def problems(language: str) -> list[str]:
    """What ``--check`` (and tests/test_translations.py) finds wrong, one line each."""
    found: list[str] = []
    committed = set(messages(ts_path(language)))
    code = code_messages(language)
    missing = sorted(code - committed)
    if missing:
        found.append(
            f"{len(missing)} text(s) of the code are not in {ts_path(language).name}, e.g. "
            f"{missing[0]!r}: run 'make translations'"
        )
    with tempfile.TemporaryDirectory(prefix="sv-lrelease-") as tmp:
        compiled = Path(tmp) / "fresh.qm"
        lrelease(ts_path(language), compiled)
        if not qm_path(language).is_file() or (
            compiled.read_bytes() != qm_path(language).read_bytes()
        ):
            found.append(
                f"{qm_path(language).name} is not the compilation of "
                f"{ts_path(language).name}: run 'make translations'"
            )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translations")
    parser.add_argument("--check", action="store_true", help="change nothing; report")
    args = parser.parse_args(argv)
    if args.check:
        found = [line for language in LANGUAGES for line in problems(language)]
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    for language in LANGUAGES:
        update(language)
        texts = messages(ts_path(language))
        done = sum(1 for value in texts.values() if value is not None)
        print(f"{ts_path(language).relative_to(ROOT)}: {done} of {len(texts)} translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
