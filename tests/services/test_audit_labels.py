"""Every action and object type the code writes to the audit log has a Dutch label, and the
viewer names objects by reference or name instead of by id.

The completeness check reads the source: every call that writes an entry (``audit(...)``,
``AuditEvent(...)``, ``record_event(...)``) and every helper that passes its own argument on
to one (``FORWARDERS``); a value that is not a literal or a module constant must be listed
in ``KNOWN_DYNAMIC`` with the values it takes, so a new kind of entry cannot slip in
unnamed.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.services import audit_labels, users
from sociaalveilig.services.audit_labels import ACTION_LABELS, OBJECT_LABELS
from sociaalveilig.services.reminder_rules import ReminderKind
from sociaalveilig.storage.models import User
from sociaalveilig.storage.pending_audit import PENDING_ACTIONS

PACKAGE = Path(__file__).resolve().parents[2] / "sociaalveilig"

# name → (index of the action argument or its fixed value, index of the object type)
WRITERS: dict[str, tuple[int | str | None, int | None]] = {
    "audit": (1, 2),
    "AuditEvent": (2, 3),
    "record_event": (2, None),
    # a refused view, logged by ``actions.work_unit`` with the exception's object type
    "RefusedAccess": ("view", 1),
}
# Helpers that write an entry with the object type (and action) their caller gives.
FORWARDERS: dict[str, tuple[int | str | None, int | None]] = {
    "audit_view": ("view", 2),
    "_refuse": ("export", 1),
    "_log_failed": ("export", 1),
    "log_failed_export": ("export", 1),
    "_save": ("export", 3),
    # a refused view that reads as a missing record (``actions.hidden_record``)
    "hidden_record": ("view", 1),
    "log_denied": ("print", 1),
    "log_failed_write": ("print", 1),
    "log_refusal": ("view", 1),
    "_outside_scope": (None, 2),
    "_list": (None, 5),
    "_write": ("print", 3),
}
# Private helpers are only themselves in their own module.
PRIVATE_HOME = {
    "_refuse": "services/calendar_export.py",
    "_log_failed": "services/calendar_export.py",
    "_save": "services/calendar_export.py",
    "_list": "services/visits.py",
    "_write": "reports/api.py",
}
# Values that are neither literals nor module constants, by "file:expression".
KNOWN_DYNAMIC: dict[str, set[str]] = {
    # the entries written before sign-in, merged once validated (storage/pending_audit.py)
    "storage/pending_audit.py:item['action']": set(PENDING_ACTIONS),
    # the object type of a RefusedAccess (each raise is read as a writer above)
    "services/actions.py:exc.object_type": set(),
    # the reminder kinds' object types
    "services/reminder_state.py:reminder.object_type": {k.object_type for k in ReminderKind},
    # create or update of a category, a postcode, a routing rule
    "services/reference_data.py:action": {"create", "update"},
    "services/signal_records.py:action": {"view", "print", "export"},
    "services/signal_records.py:object_type": {"case", "signal"},
    "services/routing_rules.py:action": {"create", "update"},
    # a list is a search when text was typed
    "services/search.py:'search' if q.text.strip() else 'list'": {"search", "list"},
    "services/report_buurtschouw.py:OBJ_BUURTSCHOUW if walk else OBJ_FOCUS_AREA": {
        "buurtschouw",
        "focus_area",
    },
    "services/report_shared.py:object_type": {"buurtschouw", "focus_area"},
    "services/access.py:object_type": {"case", "signal"},
    "services/access.py:EMERGENCY_ACTION": {"emergency_access"},
    # the pending-events file: the actions record_event writes, or its own for a bad line
    "storage/store.py:str(item['action'])[:40]": {"login", "passwd", "restore"},
}
# Inside the audit layer itself: the generic writers, not kinds of entries.
GENERIC_SITES = {"storage/audit.py", "services/context.py"}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _argument(node: ast.Call, spec: int | str | None, keyword: str) -> ast.expr | str | None:
    for kw in node.keywords:
        if kw.arg == keyword:
            return kw.value
    if isinstance(spec, int):
        return node.args[spec] if len(node.args) > spec else None
    return spec


def _resolve(expr: ast.expr, module: object) -> set[str] | None:
    if isinstance(expr, ast.Constant):
        return {expr.value} if isinstance(expr.value, str) else set()
    if isinstance(expr, ast.Name) and isinstance(getattr(module, expr.id, None), str):
        return {getattr(module, expr.id)}
    if isinstance(expr, ast.IfExp):
        body, orelse = _resolve(expr.body, module), _resolve(expr.orelse, module)
        if body is not None and orelse is not None:
            return body | orelse
    return None


def _written() -> tuple[set[str], set[str], list[str]]:
    actions: set[str] = set()
    objects: set[str] = set()
    unlisted: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(("storage/migrations/", "ui/")):
            continue  # schema scripts and the window write no entries themselves
        source = path.read_text(encoding="utf-8")
        if "audit" not in source and "record_event" not in source:
            continue
        tree = ast.parse(source)
        module = importlib.import_module(_module_name(path))
        parents = {
            child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            spec = WRITERS.get(name or "") or FORWARDERS.get(name or "")
            if spec is None or (name == "audit" and len(node.args) < 2):
                continue
            if name in PRIVATE_HOME and PRIVATE_HOME[name] != relative:
                continue
            passed_on = _forwarded_params(_function_of(node, parents))
            for value, bucket, keyword in (
                (_argument(node, spec[0], "action"), actions, "action"),
                (_argument(node, spec[1], "object_type"), objects, "object_type"),
            ):
                if value is None:
                    continue
                key = _collect(value, bucket, module, relative, passed_on)
                if key is not None:
                    unlisted.append(f"{key} ({keyword}, line {node.lineno})")
    return actions, objects, unlisted


def _function_of(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.FunctionDef | None:
    enclosing = node
    while enclosing in parents and not isinstance(enclosing, ast.FunctionDef):
        enclosing = parents[enclosing]
    return enclosing if isinstance(enclosing, ast.FunctionDef) else None


def _forwarded_params(function: ast.FunctionDef | None) -> set[str]:
    """The parameters a forwarder passes on: its callers are read as well."""
    if function is None or function.name not in FORWARDERS:
        return set()
    return {a.arg for a in function.args.args + function.args.kwonlyargs}


def _collect(
    value: str | ast.expr, bucket: set[str], module: object, relative: str, passed_on: set[str]
) -> str | None:
    """Add the values ``value`` can take to ``bucket``; return its site when unknown."""
    if isinstance(value, str):
        bucket.add(value)
        return None
    found = _resolve(value, module)
    if found is not None:
        bucket.update(found)
        return None
    text = ast.unparse(value)
    key = f"{relative}:{text}"
    if key in KNOWN_DYNAMIC:
        bucket.update(KNOWN_DYNAMIC[key])
        return None
    if relative in GENERIC_SITES or text in passed_on:
        return None
    return key


def test_every_action_and_object_type_written_has_a_dutch_label() -> None:
    actions, objects, unlisted = _written()
    assert not unlisted, "audit values not known to this test: " + ", ".join(unlisted)
    # The reading found the kinds of entry this page is about.
    assert {"view", "login", "emergency_access", "user_add", "passwd"} <= actions
    assert {"visit_week", "visit_list", "user", "meeting", "agenda_proposals"} <= objects
    assert sorted(actions - ACTION_LABELS.keys()) == []
    assert sorted(objects - OBJECT_LABELS.keys()) == []
    assert "pending_event" in ACTION_LABELS  # written for an unreadable line of the file


def test_labels_are_dutch_words_not_codes() -> None:
    for table in (ACTION_LABELS, OBJECT_LABELS):
        for code, label in table.items():
            assert label != code or (" " not in code and "_" not in code), code
            assert "_" not in label, label
    assert audit_labels.what("view", "visit_week") == "Inzien · weekplanning huisbezoeken"
    assert audit_labels.object_label("brand_new_kind") == "brand_new_kind"


def test_a_page_names_its_objects_and_users(coordinator_ctx, admin_ctx) -> None:
    me = next(u for u in users.list_users(admin_ctx) if u.username == "coordinator")
    with admin_ctx.unit() as session:
        user_id = session.execute(
            select(User.id).where(User.username == "coordinator")
        ).scalar_one()
    names = audit_labels.page_names(
        admin_ctx,
        [
            ("user", user_id),
            ("user", "00000000000000000000000000000000"),
            ("case", "C-2026-00042"),
            ("visit_week", None),
        ],
        {"coordinator", "nobody"},
    )
    assert names.object_name("user", user_id) == me.display_name
    assert names.object_name("user", "00000000000000000000000000000000") == "verwijderd"
    assert names.object_name("case", "C-2026-00042") is None  # a reference names itself
    assert names.user_name("coordinator") == me.display_name
    assert names.user_name("nobody") == "nobody"


def test_only_the_beheerder_resolves_names(coordinator_ctx) -> None:
    with pytest.raises(AccessDenied):
        audit_labels.page_names(coordinator_ctx, [("user", "x")])
