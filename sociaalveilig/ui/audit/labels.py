"""Dutch words for the audit log's code names, as the viewer shows them (the tables are
the core's: ``services/audit_labels.py``)."""

from __future__ import annotations

from sociaalveilig.services import audit_labels


def action_text(code: str, core_label: str) -> str:
    """The Dutch verb of an action (the label the row carries, else the table's)."""
    if core_label != code:
        return core_label
    return audit_labels.action_label(code)


def object_label(object_type: str | None) -> str:
    """The Dutch noun of an audit object type; an unknown type is shown as stored."""
    return audit_labels.object_label(object_type)


def object_text(object_type: str | None, name: str | None) -> str:
    """Noun and name: "casus C-2026-00042", "gebruiker Demo Coördinator"; a name that
    starts with the noun already ("overleg fysieke leefomgeving van ...") stands alone."""
    noun = object_label(object_type)
    if name and noun and name.casefold().startswith(noun.casefold() + " "):
        return name
    return " ".join(p for p in (noun, name) if p)


def object_tooltip(object_type: str | None, name: str | None) -> str:
    """The stored form, for a beheerder who compares with an export."""
    return " ".join(p for p in (object_type, name) if p)
