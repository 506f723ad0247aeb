"""The signal list: ids from ``search.signal_ids``, rows lazily from ``search.signal_rows``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sociaalveilig.services import live, search
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import SignalQuery, SignalRow, SignalSort

from sociaalveilig.ui.models.area_text import area_text, area_tooltip
from sociaalveilig.ui.models.lazy import PAGE_SIZE, Column, Head, LazyTableModel

COL_RECEIVED = 0
COL_REFERENCE = 1
COL_SOURCE = 2
COL_CATEGORY = 3
COL_ADDRESS = 4
COL_AREA = 5
COL_URGENCY = 6
COL_STATUS = 7
COL_CASE = 8
COL_DUE = 9


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


class SignalTableModel(LazyTableModel[SignalRow]):
    """Signals matching a ``SignalQuery``; sorting is a new query to the database."""

    def make_columns(self) -> Sequence[Column[Any]]:
        tr = self.tr
        columns: dict[int, Column[SignalRow]] = {
            COL_RECEIVED: Column(
                tr("Ontvangen"),
                lambda r: r.received_at.strftime("%d-%m-%Y %H:%M"),
                lambda r: r.received_at,
                SignalSort.RECEIVED.value,
            ),
            COL_REFERENCE: Column(
                tr("Referentie"), lambda r: r.reference, None, SignalSort.REFERENCE.value
            ),
            COL_SOURCE: Column(tr("Bron"), lambda r: r.source_label, None, SignalSort.SOURCE.value),
            COL_CATEGORY: Column(
                tr("Categorie"),
                lambda r: r.category_name,
                None,
                SignalSort.CATEGORY.value,
                tooltip=lambda r: r.category_code,
            ),
            COL_ADDRESS: Column(tr("Adres"), lambda r: r.address, None, SignalSort.ADDRESS.value),
            COL_AREA: Column(
                tr("Focusgebied"),
                lambda r: area_text(r.focus_area, r.municipality),
                None,
                SignalSort.AREA.value,
                tooltip=lambda r: area_tooltip(r.focus_area, r.municipality),
            ),
            COL_URGENCY: Column(
                tr("Urgentie"),
                lambda r: r.urgency_label,
                lambda r: list(type(r.urgency)).index(r.urgency),
                SignalSort.URGENCY.value,
            ),
            COL_STATUS: Column(
                tr("Status"),
                lambda r: r.status_label,
                lambda r: list(type(r.status)).index(r.status),
                SignalSort.STATUS.value,
            ),
            COL_CASE: Column(
                tr("Casus"), lambda r: r.case_reference or "", None, SignalSort.CASE.value
            ),
            COL_DUE: Column(
                tr("Termijn"),
                lambda r: _day(r.due_date),
                lambda r: r.due_date,
                SignalSort.DUE.value,
                attention=lambda r: r.overdue,
                tooltip=lambda r: (
                    tr("Over de termijn") if r.overdue else tr("Afhandelen vóór deze datum")
                ),
            ),
        }
        return [columns[i] for i in range(len(columns))]

    def default_query(self) -> SignalQuery:
        return SignalQuery()

    def fetch_ids(self, ctx: ServiceContext, query: SignalQuery) -> list[str]:
        return search.signal_ids(ctx, query)

    def fetch_head(self, ctx: ServiceContext, query: SignalQuery) -> Head[SignalRow]:
        head = search.signal_head(ctx, query, PAGE_SIZE)
        return Head(head.ids, head.rows, head.complete)

    def fetch_rest(self, ctx: ServiceContext, query: SignalQuery) -> list[str]:
        # The view was audit-logged by the first page (signal_head) of the same list.
        return search.signal_ids(ctx, query, log_view=False)

    def fetch_rows(self, ctx: ServiceContext, ids: list[str]) -> list[SignalRow]:
        return search.signal_rows(ctx, ids)

    def fetch_update(
        self, ctx: ServiceContext, query: SignalQuery, ids: list[str]
    ) -> tuple[Sequence[SignalRow], Sequence[int], Sequence[str]]:
        update = live.signal_update(ctx, query, ids)
        return update.rows, update.positions, update.gone

    @staticmethod
    def row_id(row: Any) -> str:
        return str(row.signal_id)
