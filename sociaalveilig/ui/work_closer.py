"""Finishing a piece of work from where it is shown (a reminder, a row on Vandaag).

"Gedaan" opens what ends the work, not what hides its reminder:

- an action: ``CompleteActionDialog`` (done with a short result, or dropped with a reason);
- a visit that has begun: ``VisitOutcomeDialog``; "niemand thuis" then offers the new date;
- a case review: a short note (``case_reviews.record_case_review``), the next review date
  follows the cadence;
- a meeting whose agenda was not sent: confirm that it went out (``mark_agenda_sent``);
- an escalation, a visit still to come, a signal: there is no one-step end, so the record
  is shown where it is worked on (``show_requested``).

``work_done`` says that the store changed: the page refreshes and tells the window
(``data_changed``), so every count and the reminders go down at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from sociaalveilig.services import actions, case_reviews, meeting_agenda, visits
from sociaalveilig.services.actions import ActionRow
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.visits import OutcomeResult, VisitRow

from sociaalveilig.ui.dialogs.complete_action import CompleteActionDialog
from sociaalveilig.ui.dialogs.reason import ReasonDialog
from sociaalveilig.ui.dialogs.visit_outcome import VisitOutcomeDialog
from sociaalveilig.ui.dialogs.visit_time import replan_dialog
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.record_link import RecordKind, RecordLink


class WorkCloser(QObject):
    work_done = Signal()
    show_requested = Signal(object)  # RecordLink: no one-step end, show the record

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.last_dialog: QWidget | None = None

    def finish(self, ctx: ServiceContext, link: RecordLink, label: str = "") -> None:
        """Open what ends the work ``link`` points at. ``label``: how the work was shown
        (a reference and kind), for the question about a meeting's agenda."""
        if link.kind is RecordKind.ACTION:
            self._load(ctx, lambda c: actions.get_action(c, link.object_id), self._action)
        elif link.kind is RecordKind.VISIT:
            self._load(ctx, lambda c: visits.get_visit(c, link.object_id), self._visit)
        elif link.kind is RecordKind.REVIEW:
            self._review(ctx, link, label)
        elif link.kind is RecordKind.MEETING:
            self._agenda_sent(ctx, link)
        else:
            self.show_requested.emit(link)

    # ------------------------------------------------------------------ helpers

    def _load(self, ctx: ServiceContext, fn: Any, then: Any) -> None:
        run_operation(self._parent, lambda: fn(ctx), lambda row: then(ctx, row))

    def _open(self, dialog: QWidget, name: str) -> None:
        dialog.setObjectName(name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def _done(self, _result: object = None) -> None:
        self.work_done.emit()

    # ------------------------------------------------------------------ kinds

    def _action(self, ctx: ServiceContext, row: ActionRow) -> None:
        dialog = CompleteActionDialog(ctx, row, self._parent)
        dialog.saved.connect(self._done)
        dialog.stale.connect(self._done)  # changed elsewhere: the lists show it now
        self._open(dialog, "completeActionDialog")

    def _visit(self, ctx: ServiceContext, row: VisitRow) -> None:
        if row.start > ctx.clock.now():
            # Still to come: nothing to record yet; show it in the planner.
            self.show_requested.emit(
                RecordLink(RecordKind.VISIT, row.visit_id, row.case_id, row.start.date())
            )
            return
        dialog = VisitOutcomeDialog(ctx, row, self._parent)
        dialog.saved.connect(lambda result: self._outcome(ctx, result))
        dialog.stale.connect(self._done)
        self._open(dialog, "visitOutcomeDialog")

    def _outcome(self, ctx: ServiceContext, result: OutcomeResult) -> None:
        self.work_done.emit()
        proposed = result.proposed_start
        if proposed is None:
            return
        dialog = replan_dialog(ctx, result.visit, proposed, self._parent)
        dialog.saved.connect(self._done)
        self._open(dialog, "replanVisitDialog")

    def _review(self, ctx: ServiceContext, link: RecordLink, label: str) -> None:
        case_id = link.case_id or link.object_id
        dialog = ReasonDialog(
            ctx,
            self.tr("Casus evalueren"),
            self.tr(
                "{what}: hoe staat de casus ervoor? De volgende evaluatie volgt het "
                "risiconiveau, vanaf vandaag."
            ).format(what=label or self.tr("Evaluatie casus")),
            lambda c, note, _version: case_reviews.record_case_review(c, case_id, note),
            self._parent,
            label=self.tr("&Stand van zaken:"),
            save_text=self.tr("Evaluatie vastleggen"),
        )
        dialog.saved.connect(self._done)
        self._open(dialog, "caseReviewDialog")

    def _agenda_sent(self, ctx: ServiceContext, link: RecordLink) -> None:
        box = QMessageBox(self._parent)
        box.setObjectName("agendaSentQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Agenda verstuurd"))
        when = f"{link.day:%d-%m-%Y}" if link.day else ""
        box.setText(
            self.tr("Is de agenda van het overleg van {day} naar de partners verstuurd?")
            .format(day=when)
        )
        sent = box.addButton(self.tr("&Ja, verstuurd"), QMessageBox.ButtonRole.AcceptRole)
        sent.setObjectName("agendaSent")
        show = box.addButton(self.tr("Overleg &openen"), QMessageBox.ButtonRole.ActionRole)
        back = box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(back)
        box.setDefaultButton(show)
        meeting_id = link.object_id

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked is sent:
                run_operation(
                    self._parent,
                    lambda: meeting_agenda.mark_agenda_sent(ctx, meeting_id),
                    self._done,
                )
            elif clicked is show:
                self.show_requested.emit(link)

        box.finished.connect(answered)
        self.last_dialog = box
        box.open()


__all__ = ["WorkCloser"]
