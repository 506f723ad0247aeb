"""Every edit the window makes names the version it was based on (issue 19: no silent
overwrite). The services take ``expected_version`` as an optional keyword (a step inside
another service, the demo and the command line have no earlier view of the record), so
this test reads the window's code: every call of an editing service function passes it,
apart from the few listed below with the reason."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import sociaalveilig.services as services_pkg

UI = Path(__file__).resolve().parents[1] / "sociaalveilig" / "ui"

WITHOUT_VERSION = {
    ("case_panels/work_steps.py", "move_signal"): (
        "linking a signal no case has yet is an addition to the case: it cannot conflict"
    ),
    ("work_closer.py", "mark_agenda_sent"): (
        "the reminder knows the meeting by id only; 'the agenda went out' overwrites nothing"
    ),
}


def versioned_functions() -> set[str]:
    names: set[str] = set()
    for info in pkgutil.iter_modules(services_pkg.__path__):
        module = importlib.import_module(f"sociaalveilig.services.{info.name}")
        for name, obj in vars(module).items():
            if not inspect.isfunction(obj) or obj.__module__ != module.__name__:
                continue
            parameter = inspect.signature(obj).parameters.get("expected_version")
            if parameter is not None and parameter.kind is inspect.Parameter.KEYWORD_ONLY:
                names.add(name)
    return names


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return None


def test_the_editing_functions_take_a_version() -> None:
    assert {
        "change_case_status",
        "set_risk_level",
        "set_lead_partner",
        "set_zvh_criteria",
        "change_action_status",
        "complete_action",
        "change_action_deadline",
        "record_outcome",
        "move_visit",
        "cancel_visit",
        "change_escalation_status",
        "afschalen",
        "handle_signal",
        "reject_signal",
        "case_from_signal",
        "move_signal",
        "unlink_signal",
        "change_signal_status",
        "move_meeting",
        "set_meeting_partners",
        "cancel_meeting",
        "mark_agenda_sent",
        "remove_agenda_item",
        "record_decision",
        "change_role",
        "deactivate_user",
        "reactivate_user",
        "save_rule",
        "move_rule",
        "deactivate_rule",
        "rename_partner",
        "set_partner_source",
        "deactivate_partner",
        "reactivate_partner",
        "save_category",
        "update_rule",
        "finish_buurtschouw",
    } <= versioned_functions()


def test_every_edit_of_the_window_sends_its_version() -> None:
    editing = versioned_functions()
    checked = 0
    missing: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _called_name(node)
            if (
                name not in editing
                or not isinstance(node.func, ast.Attribute)
                or (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
            ):
                continue  # a method of the window's own with the same name
            checked += 1
            if (relative, name) in WITHOUT_VERSION:
                continue
            if not any(k.arg == "expected_version" for k in node.keywords):
                missing.append(f"{relative}:{node.lineno} {name}")
    assert not missing, "edits without expected_version: " + ", ".join(missing)
    assert checked >= 25  # the walk found the window's edits (it cannot pass on nothing)
