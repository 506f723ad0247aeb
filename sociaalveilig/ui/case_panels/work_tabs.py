"""The lower half of the case view: the timeline, and the case's actions, visits and agenda
items, each on a tab whose title counts the open ones."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from sociaalveilig.core.enums import Role, VisitStatus
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.services import case_work
from sociaalveilig.services.case_work import CaseWork
from sociaalveilig.services.cases import TimelineEntry
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.case_panels.actions_panel import ActionsPanel
from sociaalveilig.ui.case_panels.work_models import CaseAgendaModel, CaseVisitsModel
from sociaalveilig.ui.models.record_table import RecordTableModel
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.record_link import RecordKind, RecordLink
from sociaalveilig.ui.record_view import RecordView
from sociaalveilig.ui.settings import UiSettings

_TIMELINE_KINDS = {
    "huisbezoek": RecordKind.VISIT,
    "besluit": RecordKind.MEETING,
    "agenda": RecordKind.MEETING,
    "opschaling": RecordKind.ESCALATION,
}
"""The timeline's kinds of entry that open on a page of their own."""


class CaseWorkTabs(QTabWidget):
    """``loaded`` with the ``CaseWork`` each time it arrives; ``open_record`` with a
    ``RecordLink`` when a visit or agenda row is opened (Enter or a double click): the
    visit in its week on Huisbezoeken, the meeting in Overleggen, where its work is done."""

    loaded = Signal(object)
    open_record = Signal(object)

    def __init__(self, timeline: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTabs")
        self._ctx: ServiceContext | None = None
        self._generation = 0
        self._case_id: str | None = None
        self._keep_action: str | None = None
        self._focus_action: str | None = None
        self.work: CaseWork | None = None
        self.actions_panel = ActionsPanel(self)
        self.visits_model = CaseVisitsModel(self)
        self.visits_view = RecordView("caseVisits", self)
        self.visits_view.setModel(self.visits_model)
        self.visits_view.fit_columns({0: 150, 1: 110, 2: 260, 3: 110})
        self.agenda_model = CaseAgendaModel(self)
        self.agenda_view = RecordView("caseAgenda", self)
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.fit_columns({0: 130, 1: 200, 2: 200, 3: 90})
        self.visits_view.activated_row.connect(self._open_visit)
        self.agenda_view.activated_row.connect(self._open_meeting)
        self.visits_view.setToolTip(self.tr("Enter of dubbelklik: openen in Huisbezoeken"))
        self.agenda_view.setToolTip(self.tr("Enter of dubbelklik: openen in Overleggen"))
        self.timeline_index = self.addTab(timeline, self.tr("T&ijdlijn"))
        self.actions_index = self.addTab(self.actions_panel, self.tr("A&cties"))
        self.visits_index = self.addTab(self.visits_view, self.tr("&Huisbezoeken"))
        self.agenda_index = self.addTab(self.agenda_view, self.tr("Over&leg"))
        self.clear()

    def _open_visit(self, row: int) -> None:
        visit = self.visits_model.row_object(row)
        if visit is not None:
            self.open_record.emit(
                RecordLink(RecordKind.VISIT, visit.visit_id, visit.case_id, visit.start.date())
            )

    def _open_meeting(self, row: int) -> None:
        entry = self.agenda_model.row_object(row)
        if entry is not None:
            self.open_record.emit(
                RecordLink(
                    RecordKind.MEETING, entry.meeting_id, self._case_id, entry.starts_at.date()
                )
            )

    def follow_timeline(self, view: RecordView, model: RecordTableModel[TimelineEntry]) -> None:
        """Enter or a double click on a timeline row opens what it is about: an action here
        on Acties, a visit, meeting or escalation on its own page (``open_record``)."""

        def opened(row: int) -> None:
            entry = model.row_object(row)
            if entry is None or entry.object_id is None:
                return
            if entry.kind == "actie":
                self.focus_action(entry.object_id)
                return
            kind = _TIMELINE_KINDS.get(entry.kind)
            if kind is not None:
                self.open_record.emit(RecordLink(kind, entry.object_id, self._case_id, entry.day))

        view.activated_row.connect(opened)
        view.setToolTip(self.tr("Enter of dubbelklik: openen waar het werk gebeurt"))

    def focus_action(self, action_id: str, after_load: bool = False) -> None:
        """Show the Acties tab with this action chosen: at once when the case's work is
        here (a timeline row), or when it arrives (``after_load``: a link from Vandaag or
        a reminder, which loads the case again)."""
        if after_load:
            self._focus_action = action_id
            return
        if self.work is not None and any(a.action_id == action_id for a in self.work.actions):
            self.setCurrentIndex(self.actions_index)
            self.actions_panel.select_action(action_id)
            self.actions_panel.view.setFocus()
            return
        self._focus_action = action_id

    def set_context(self, ctx: ServiceContext | None) -> None:
        self._ctx = ctx
        self.actions_panel.set_context(ctx)
        if ctx is None:
            self._case_id = None
            self.clear()

    def set_settings(self, settings: UiSettings) -> None:
        for view in (self.actions_panel.view, self.visits_view, self.agenda_view):
            view.set_settings(settings)

    def save_layout(self) -> None:
        for view in (self.actions_panel.view, self.visits_view, self.agenda_view):
            view.save_layout()

    def clear(self) -> None:
        self._generation += 1
        self.work = None
        self.actions_panel.clear()
        self.visits_model.clear()
        self.agenda_model.clear()
        self._titles(None)

    def _titles(self, work: CaseWork | None) -> None:
        if work is None:
            self.setTabText(self.actions_index, self.tr("A&cties"))
            self.setTabText(self.visits_index, self.tr("&Huisbezoeken"))
            self.setTabText(self.agenda_index, self.tr("Over&leg"))
            return
        open_actions = sum(1 for a in work.actions if a.status.is_open)
        planned = sum(1 for v in work.visits if v.status is VisitStatus.GEPLAND)
        self.setTabText(
            self.actions_index,
            self.tr("A&cties ({open} open van {all})").format(
                open=open_actions, all=len(work.actions)
            ),
        )
        self.setTabText(
            self.visits_index,
            self.tr("&Huisbezoeken ({planned} gepland van {all})").format(
                planned=planned, all=len(work.visits)
            ),
        )
        self.setTabText(
            self.agenda_index, self.tr("Over&leg ({n})").format(n=len(work.agenda))
        )

    def load(self, case_id: str, purpose: str | None = None) -> None:
        """Load the case's work off the GUI thread (a manager has none: tabs hidden)."""
        ctx = self._ctx
        # The same case again (after a step): the chosen action stays chosen, the tab open.
        same_case = self._case_id == case_id
        kept = self.actions_panel.current_action() if same_case else None
        if kept is not None:
            self._keep_action = kept.action_id
        elif not same_case:
            self._keep_action = None
        # (the same case again while its work is still on the way: the choice waiting for
        # it stays, so a page refresh cannot drop the action a link asked for)
        self._case_id = case_id
        self.clear()
        if not same_case:
            self.setCurrentIndex(self.timeline_index)
        if ctx is None:
            return
        visible = ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)
        for index in (self.actions_index, self.visits_index, self.agenda_index):
            self.setTabVisible(index, visible)
        if not visible:
            return
        generation = self._generation
        run_operation(
            self,
            lambda: case_work.case_work(ctx, case_id, purpose),
            lambda work: self._arrived(generation, work),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, work: CaseWork) -> None:
        if generation != self._generation or self._ctx is None:
            return
        self.work = work
        self.actions_panel.show_work(work)
        if self._keep_action is not None:
            self.actions_panel.select_action(self._keep_action)
        self.visits_model.set_rows(work.visits)
        self.agenda_model.set_rows(work.agenda)
        self._titles(work)
        # A partner's work on a case is its own actions: shown first when it has open ones.
        if work.own_partner_id is not None and any(work.may_update(a) for a in work.actions):
            self.setCurrentIndex(self.actions_index)
        focus, self._focus_action = self._focus_action, None
        if focus is not None and any(a.action_id == focus for a in work.actions):
            self.setCurrentIndex(self.actions_index)
            self.actions_panel.select_action(focus)
            self.actions_panel.view.setFocus()
        self.loaded.emit(work)

    def _failed(self, generation: int, exc: BaseException) -> None:
        # The case itself says why it cannot be opened; the work tabs stay empty.
        if generation != self._generation or isinstance(exc, AccessDenied):
            return
        errors.show_error(self, exc)

    def open_actions(self) -> int:
        return sum(1 for a in (self.work.actions if self.work else ()) if a.status.is_open)


__all__ = ["CaseWorkTabs"]
