"""Locking empties my pages completely: with case data shown in each, ``set_context(None)``
leaves no reference, address, decision or finding text in any widget or model."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from sociaalveilig.core.enums import EscalationTarget, MeetingType
from sociaalveilig.services import (
    buurtschouw,
    cases,
    escalations,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
    visits,
)
from sociaalveilig.services.visits import VisitInput
from tests.services.seed_casework import KERKRADE, make_case, make_signal, partner_id
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.pages.buurtschouw import BuurtschouwPage
from sociaalveilig.ui.pages.escalations import EscalationsPage
from sociaalveilig.ui.pages.meetings import MeetingsPage
from sociaalveilig.ui.pages.visits import VisitsPage

STREET = "Geheimlaan"
DECISION = "Besluit-geheim-42"
FINDING = "Bevinding-geheim-7"


def _all_text(root: QWidget) -> str:
    parts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QListWidget):
            parts.extend(widget.item(i).text() for i in range(widget.count()))
        elif isinstance(widget, QComboBox):
            parts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts.append(_model_text(widget.model()))
        parts.append(widget.toolTip())
    return "\n".join(parts)


def _model_text(model: QAbstractItemModel) -> str:
    root = QModelIndex()
    try:
        model.columnCount(root)
    except TypeError:  # Qt's private models of item widgets; those are read above
        return ""
    return "\n".join(
        str(model.index(r, c, root).data() or "")
        for r in range(model.rowCount(root))
        for c in range(model.columnCount(root))
    )


def test_lock_leaves_no_case_data_in_my_pages(qtbot, coordinator_ctx, clock, wait_idle) -> None:
    ctx = coordinator_ctx
    case_id = make_case(ctx, street=STREET, number=7, zvh_met=True)
    make_signal(ctx, case_id=case_id, street=STREET, number=7)
    case_ref = cases.get_case(ctx, case_id).reference
    police, housing = partner_id(ctx, "Politie Limburg"), partner_id(ctx, "Woningcorporatie")
    meeting = meeting_planning.plan_meeting(
        ctx, KERKRADE, MeetingType.FL, datetime(2026, 4, 15, 10, 30), None, [police, housing]
    )
    item = meeting_agenda.add_agenda_item(ctx, meeting.meeting_id, case_id=case_id).items[0]
    visit = visits.plan_visit(
        ctx,
        VisitInput(case_id, (police, housing), datetime(2026, 4, 16, 9), datetime(2026, 4, 16, 10),
                   "Kennismaken", joint=True),
    )
    escalations.escalate(ctx, case_id, EscalationTarget.ZVH, "Meerdere leefgebieden")
    walk = buurtschouw.plan_buurtschouw(ctx, KERKRADE, date(2026, 4, 15), STREET)
    buurtschouw.add_finding(ctx, walk.walk_id, "schoon-graffiti", FINDING, STREET)
    clock.advance(timedelta(hours=1))
    meeting_minutes.record_decision(ctx, item.item_id, DECISION)

    secrets = (case_ref, STREET, DECISION, FINDING)
    pages = []
    for page_type in (MeetingsPage, VisitsPage, EscalationsPage, BuurtschouwPage):
        page = (
            page_type(output=FakeDocumentOutput())  # type: ignore[call-arg]
            if page_type in (MeetingsPage, BuurtschouwPage)
            else page_type()
        )
        qtbot.addWidget(page)
        page.resize(1150, 680)
        page.show()
        page.set_context(ctx)
        wait_idle()
        pages.append(page)
    meetings_page, visits_page, escalations_page, walk_page = pages
    meetings_page.view.select_row(meetings_page.model.row_of(meeting.meeting_id))
    wait_idle()
    meetings_page.tabs.setCurrentIndex(1)
    visits_page.select_visit_at(*visits_page.model.position_of(visit.visit_id))
    escalations_page.view.select_row(0)
    wait_idle()
    # Each page shows case data before the lock.
    assert case_ref in _all_text(meetings_page) and DECISION in _all_text(meetings_page)
    assert STREET in _all_text(visits_page)
    assert case_ref in _all_text(escalations_page)
    assert FINDING in _all_text(walk_page)

    for page in pages:
        page.set_context(None)
        text = _all_text(page)
        for secret in secrets:
            assert secret not in text, (type(page).__name__, secret)
