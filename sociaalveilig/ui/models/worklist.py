"""The Vandaag lists: overdue work, work due this week, new signals to triage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sociaalveilig.services.worklist import TriageItem, WorkItem

from sociaalveilig.ui.models.area_text import area_text, area_tooltip
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel

COL_KIND = 0
COL_REFERENCE = 1
COL_TITLE = 2
COL_AREA = 3
COL_DUE = 4
COL_LATE = 5

COL_TRIAGE_RECEIVED = 0
COL_TRIAGE_REFERENCE = 1
COL_TRIAGE_CATEGORY = 2
COL_TRIAGE_URGENCY = 3
COL_TRIAGE_PLACE = 4
COL_TRIAGE_AREA = 5
COL_TRIAGE_REASON = 6


def work_summary(item: WorkItem) -> str:
    """The title without the kind and reference the list already shows in its own columns
    ("Signaal S-2026-000012: Woonoverlast, Dorpstraat" → "Woonoverlast, Dorpstraat")."""
    title = item.title
    prefix = f"{item.kind_label} {item.reference}"
    if not title.startswith(prefix):
        return title
    rest = title[len(prefix) :].strip()
    rest = rest.removeprefix(":").strip()
    if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
        rest = rest[1:-1].strip()
    if not rest:
        return title
    return rest[0].upper() + rest[1:]


def _due_text(item: WorkItem) -> str:
    if item.due_at is not None:
        return item.due_at.strftime("%d-%m-%Y %H:%M")
    return item.due.strftime("%d-%m-%Y")


class WorkItemModel(RecordTableModel[WorkItem]):
    """Signals, actions, case reviews and visits that fall due (no residents' names)."""

    def __init__(self, parent: object = None, show_late: bool = True) -> None:
        self._show_late = show_late
        super().__init__(parent)

    def make_columns(self) -> Sequence[RecordColumn[WorkItem]]:
        columns: list[RecordColumn[WorkItem]] = [
            RecordColumn(self.tr("Soort"), lambda i: i.kind_label),
            RecordColumn(self.tr("Referentie"), lambda i: i.reference),
            RecordColumn(self.tr("Wat"), work_summary, tooltip=lambda i: i.title),
            RecordColumn(
                self.tr("Focusgebied"),
                lambda i: area_text(i.area, None),
                lambda i: i.area or "",
                tooltip=lambda i: area_tooltip(i.area, None),
            ),
            RecordColumn(
                self.tr("Uiterlijk"),
                _due_text,
                lambda i: (i.due, i.due_at or datetime.min),
                attention=lambda i: i.overdue_days > 0,
            ),
        ]
        if self._show_late:
            columns.append(
                RecordColumn(
                    self.tr("Dagen te laat"),
                    lambda i: str(i.overdue_days),
                    lambda i: i.overdue_days,
                    align_right=True,
                    attention=lambda i: i.overdue_days > 0,
                )
            )
        return columns

    def row_id(self, row: WorkItem) -> str:
        return f"{row.kind.value}:{row.object_id}"


class TriageModel(RecordTableModel[TriageItem]):
    """New signals waiting for the coordinator, acuut first."""

    def make_columns(self) -> Sequence[RecordColumn[TriageItem]]:
        return [
            RecordColumn(
                self.tr("Ontvangen"),
                lambda t: t.received_at.strftime("%d-%m-%Y %H:%M"),
                lambda t: t.received_at,
            ),
            RecordColumn(self.tr("Referentie"), lambda t: t.reference),
            RecordColumn(self.tr("Categorie"), lambda t: t.category),
            RecordColumn(
                self.tr("Urgentie"),
                lambda t: t.urgency.label,
                lambda t: list(type(t.urgency)).index(t.urgency),
                attention=lambda t: t.urgency.value == "acuut",
            ),
            RecordColumn(
                self.tr("Plaats"),
                lambda t: f"{t.street}, {t.postcode}" if t.street else t.postcode,
            ),
            RecordColumn(
                self.tr("Focusgebied"),
                lambda t: area_text(t.area, None),
                lambda t: t.area or "",
                tooltip=lambda t: area_tooltip(t.area, None),
            ),
            RecordColumn(
                self.tr("Waarom hier"),
                lambda t: t.reason_label,
                tooltip=lambda t: t.route_reason,
            ),
        ]

    def row_id(self, row: TriageItem) -> str:
        return row.signal_id
