"""The case list: ids from ``search.case_ids``, rows lazily from ``search.case_rows``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sociaalveilig.services import live, search
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import CaseQuery, CaseRow, CaseSort

from sociaalveilig.ui.models.area_text import area_text, area_tooltip
from sociaalveilig.ui.models.lazy import Column, LazyTableModel

COL_REFERENCE = 0
COL_ADDRESS = 1
COL_AREA = 2
COL_STATUS = 3
COL_RISK = 4
COL_LEAD = 5
COL_REVIEW = 6
COL_SIGNALS = 7
COL_CREATED = 8


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


class CaseTableModel(LazyTableModel[CaseRow]):
    """Cases matching a ``CaseQuery``; sorting is a new query to the database."""

    def make_columns(self) -> Sequence[Column[Any]]:
        tr = self.tr
        columns: dict[int, Column[CaseRow]] = {
            COL_REFERENCE: Column(
                tr("Referentie"), lambda r: r.reference, None, CaseSort.REFERENCE.value
            ),
            COL_ADDRESS: Column(tr("Adres"), lambda r: r.address, None, CaseSort.ADDRESS.value),
            COL_AREA: Column(
                tr("Focusgebied"),
                lambda r: area_text(r.focus_area, r.municipality),
                None,
                CaseSort.AREA.value,
                tooltip=lambda r: area_tooltip(r.focus_area, r.municipality),
            ),
            COL_STATUS: Column(
                tr("Status"),
                lambda r: r.status_label,
                lambda r: list(type(r.status)).index(r.status),
                CaseSort.STATUS.value,
            ),
            COL_RISK: Column(
                tr("Risico"),
                lambda r: r.risk_label,
                lambda r: list(type(r.risk_level)).index(r.risk_level),
                CaseSort.RISK.value,
            ),
            COL_LEAD: Column(
                tr("Casusregisseur"),
                lambda r: r.lead_partner or "",
                None,
                CaseSort.LEAD_PARTNER.value,
            ),
            COL_REVIEW: Column(
                tr("Volgende evaluatie"),
                lambda r: _day(r.next_review),
                lambda r: r.next_review,
                CaseSort.NEXT_REVIEW.value,
                attention=lambda r: r.review_overdue,
                tooltip=lambda r: tr("Bespreking is te laat") if r.review_overdue else "",
            ),
            COL_SIGNALS: Column(
                tr("Signalen"),
                lambda r: str(r.signal_count),
                lambda r: r.signal_count,
                CaseSort.SIGNALS.value,
                align_right=True,
            ),
            COL_CREATED: Column(
                tr("Aangemaakt"),
                lambda r: r.created_at.strftime("%d-%m-%Y"),
                lambda r: r.created_at,
                CaseSort.CREATED.value,
            ),
        }
        return [columns[i] for i in range(len(columns))]

    def default_query(self) -> CaseQuery:
        return CaseQuery()

    def fetch_ids(self, ctx: ServiceContext, query: CaseQuery) -> list[str]:
        return search.case_ids(ctx, query)

    def fetch_rows(self, ctx: ServiceContext, ids: list[str]) -> list[CaseRow]:
        return search.case_rows(ctx, ids)

    def fetch_update(
        self, ctx: ServiceContext, query: CaseQuery, ids: list[str]
    ) -> tuple[Sequence[CaseRow], Sequence[int], Sequence[str]]:
        update = live.case_update(ctx, query, ids)
        return update.rows, update.positions, update.gone

    @staticmethod
    def row_id(row: Any) -> str:
        return str(row.case_id)
