"""Overleggen at 1366×768: the month's list beside the calendar shows every visible column
in full width, and what it leaves out (the full type name, a long focus-area name, the
number of agenda items) is in the tooltips. The agenda of the chosen meeting beside it fits
as well: the address stretches, long text is elided with the full text as tooltip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt

from sociaalveilig.core.enums import MeetingType
from sociaalveilig.services.meeting_agenda import AgendaItemInfo, AgendaReason, MeetingDetail
from sociaalveilig.services.meeting_planning import MeetingInfo, MeetingStatus
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.models.agenda_table import AgendaTableModel
from sociaalveilig.ui.models.meeting_table import MeetingTableModel
from sociaalveilig.ui.pages.meetings import MeetingsPage

LONG_AREA = "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp"
NOVEMBER = date(2026, 11, 1)


def _row(n: int, area: str, kind: MeetingType, status: MeetingStatus, items: int) -> MeetingInfo:
    return MeetingInfo(
        meeting_id=f"m{n}",
        area_id=f"a{n}",
        area=area,
        meeting_type=kind,
        starts_at=datetime(2026, 11, 2 + n, 13, 30),
        location="Coördinatiecentrum Hoensbroek",
        status=status,
        partner_ids=(),
        partner_names=(),
        agenda_sent_at=None,
        item_count=items,
        version=1,
    )


ROWS = [
    _row(1, LONG_AREA, MeetingType.FL, MeetingStatus.GEANNULEERD, 0),
    _row(2, "Heerlen Noord (incl. Hoensbroek)", MeetingType.AV, MeetingStatus.GEHOUDEN, 1),
    _row(3, "Brunssum Noord/Oost", MeetingType.FL, MeetingStatus.GEPLAND, 3),
]


def _page(qtbot) -> MeetingsPage:
    page = MeetingsPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1180, 680)  # the page's share of a 1366×768 window
    page.show()
    page.month = NOVEMBER
    # Enough rows for a vertical scroll bar: the three meetings in five weeks, in date
    # order as the service gives them (the list shows them by date).
    weeks = [
        replace(
            row,
            meeting_id=f"{row.meeting_id}w{week}",
            starts_at=row.starts_at + timedelta(weeks=week),
        )
        for week in range(5)
        for row in ROWS
    ]
    page.show_rows((NOVEMBER, weeks, Choices()))
    return page


def test_visible_columns_fit_beside_the_calendar(qtbot):
    page = _page(qtbot)
    view = page.view
    width = view.viewport().width()
    visible = [c for c in range(page.model.columnCount()) if not view.isColumnHidden(c)]
    assert MeetingTableModel.COL_AREA in visible and MeetingTableModel.COL_STATUS in visible
    assert view.horizontalScrollBar().maximum() == 0
    metrics = view.fontMetrics()
    for column in visible:
        left = view.columnViewportPosition(column)
        assert left >= 0 and left + view.columnWidth(column) <= width, column
        if column == MeetingTableModel.COL_AREA:
            continue  # the one column that gives way (elided, full name in the tooltip)
        for row in range(page.model.rowCount()):
            text = page.model.index(row, column).data()
            assert metrics.horizontalAdvance(text) < view.columnWidth(column), (column, text)


def test_what_the_list_leaves_out_is_in_the_tooltips(qtbot):
    page = _page(qtbot)
    model = page.model

    def tip(row: int, column: int) -> str:
        return model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)

    assert tip(0, MeetingTableModel.COL_AREA) == LONG_AREA
    assert tip(0, MeetingTableModel.COL_TYPE) == "Overleg fysieke leefomgeving"
    assert tip(1, MeetingTableModel.COL_TYPE) == "Overleg achter de voordeur"
    assert tip(0, MeetingTableModel.COL_STATUS) == "Geannuleerd, geen agendapunten"
    assert tip(1, MeetingTableModel.COL_STATUS) == "Gehouden, 1 agendapunt"
    assert tip(2, MeetingTableModel.COL_STATUS) == "Gepland, 3 agendapunten"
    # The number of items has its own column for who wants it (hidden by default).
    assert page.view.isColumnHidden(MeetingTableModel.COL_ITEMS)
    assert model.index(2, MeetingTableModel.COL_ITEMS).data() == "3"


LONG_ADDRESS = "Burgemeester van Grunsvenplein 101-B bis, 6411 AS Heerlen"
LONG_DECISION = "Woonstichting zoekt contact met bewoners; politie loopt extra rondes in de wijk."


def _item(n: int, reason: AgendaReason, *, signal: bool = False, decided: bool = False):
    return AgendaItemInfo(
        item_id=f"i{n}",
        position=n,
        reason=reason,
        case_id=None if signal else f"c{n}",
        case_reference=None if signal else f"C-2026-0000{n}",
        signal_id=f"s{n}" if signal else None,
        signal_reference=f"S-2026-00003{n}" if signal else None,
        address=LONG_ADDRESS,
        category="Overlast jeugd en hangplekken",
        decision=LONG_DECISION if decided else None,
        decided_at=datetime(2026, 11, 4, 14, 0) if decided else None,
        actions=(),
        version=1,
    )


def test_agenda_columns_fit_beside_the_list(qtbot):
    page = _page(qtbot)
    items = (
        _item(1, AgendaReason.AFSCHALING, decided=True),
        _item(2, AgendaReason.ROUTED, signal=True),
        _item(3, AgendaReason.ESCALATION, decided=True),
    )
    page._show_meeting(MeetingDetail(meeting=ROWS[2], items=items))
    view = page.agenda.view
    assert page.tabs.currentWidget() is page.agenda and view.isVisible()
    assert page.agenda.model.rowCount() == len(items)
    width = view.viewport().width()
    visible = [c for c in range(page.agenda.model.columnCount()) if not view.isColumnHidden(c)]
    assert AgendaTableModel.COL_DECISION in visible
    assert view.horizontalScrollBar().maximum() == 0
    for column in visible:
        left = view.columnViewportPosition(column)
        assert left >= 0 and left + view.columnWidth(column) <= width, column
    # What gives way is elided; the full text is in the tooltip.
    model = page.agenda.model

    def tip(row: int, column: int) -> str:
        return model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)

    assert tip(0, AgendaTableModel.COL_ADDRESS) == LONG_ADDRESS
    assert tip(0, AgendaTableModel.COL_CATEGORY) == "Overlast jeugd en hangplekken"
    assert tip(0, AgendaTableModel.COL_REASON) == "Afgeschaald, terug in het overleg"
    assert tip(0, AgendaTableModel.COL_DECISION) == LONG_DECISION
