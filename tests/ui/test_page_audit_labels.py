"""The audit log as a beheerder reads it: object types in Dutch, the stored code names in
the tooltip (to compare with a CSV export)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from sociaalveilig.services.auditlog import AuditRow

from sociaalveilig.ui.pages.audit import AuditTableModel, action_text, object_label


def _row(n: int, object_type: str | None, object_id: str | None) -> AuditRow:
    return AuditRow(
        entry_id=n,
        at_utc="2026-11-26T08:30:00Z",
        at=datetime(2026, 11, 26, 9, 30),
        username="beheer",
        role="beheerder",
        action="view",
        object_type=object_type,
        object_id=object_id,
        person_ref=None,
        purpose=None,
        outcome="ok",
    )


def test_object_types_read_as_dutch(qtmodeltester):
    model = AuditTableModel()
    model.set_rows(
        [
            _row(1, "case", "C-2026-00042"),
            _row(2, "case_list", None),
            _row(3, "worklist_overdue", None),
            _row(4, "some_new_kind", "x"),
            _row(5, None, None),
        ]
    )
    qtmodeltester.check(model)
    shown = [model.index(r, AuditTableModel.COL_OBJECT).data() for r in range(5)]
    assert shown == [
        "casus C-2026-00042",
        "casussenlijst",
        "werklijst te laat",
        "some_new_kind x",  # not yet named: shown as stored rather than hidden
        "",
    ]
    tip = model.index(1, AuditTableModel.COL_OBJECT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "case_list"


def test_every_list_type_of_the_services_has_a_dutch_name():
    for code in ("signal_list", "user_list", "triage_list", "emergency_list", "store"):
        assert object_label(code) != code


def test_actions_the_core_leaves_as_codes_read_as_dutch():
    model = AuditTableModel()
    rows = [_row(1, "case", "C-2026-00042"), _row(2, "case_list", None)]
    rows = [rows[0], AuditRow(**{**rows[1].__dict__, "action": "list"})]
    model.set_rows(rows)
    assert model.index(0, AuditTableModel.COL_ACTION).data() == "Inzien"  # the core's label
    assert model.index(1, AuditTableModel.COL_ACTION).data() == "Lijst bekijken"
    assert model.index(1, AuditTableModel.COL_ACTION).data(Qt.ItemDataRole.ToolTipRole) == "list"
    assert action_text("link_proposal", "link_proposal") == "Koppelvoorstel"
    assert action_text("brand_new", "brand_new") == "brand_new"
