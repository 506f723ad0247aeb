"""Work started from the case itself: add an action, plan a (joint) home visit, put the
case on a meeting's agenda, link a signal to it. Each opens its dialog with the case filled
in and emits ``changed`` when saved (the case view then reloads the case and its work)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from sociaalveilig.core.enums import SignalStatus
from sociaalveilig.core.workdays import add_working_days
from sociaalveilig.core.workflow import WorkflowKind, allowed_next
from sociaalveilig.services import case_work, meeting_agenda, partners, search, signal_linking
from sociaalveilig.services.case_work import MeetingChoice
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import SignalQuery, SignalRow

from sociaalveilig.ui.case_picker import LookupDialog
from sociaalveilig.ui.choices import Choices, load_choices
from sociaalveilig.ui.dialogs.new_action import NewActionDialog
from sociaalveilig.ui.dialogs.plan_visit import PlanVisitDialog
from sociaalveilig.ui.dialogs.reason import ReasonDialog
from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel
from sociaalveilig.ui.operations import run_operation

VISIT_HOUR = time(10, 0)
SIGNAL_LOOKUP_LIMIT = 30


class MeetingChoiceModel(RecordTableModel[MeetingChoice]):
    def make_columns(self) -> Sequence[RecordColumn[MeetingChoice]]:
        return [
            RecordColumn(self.tr("Wanneer"), lambda m: f"{m.starts_at:%d-%m-%Y %H:%M}"),
            RecordColumn(self.tr("Overleg"), lambda m: m.meeting_type.label),
            RecordColumn(self.tr("Focusgebied"), lambda m: m.area),
            RecordColumn(
                self.tr("Agenda"), lambda m: self.tr("staat er al op") if m.on_agenda else ""
            ),
        ]

    def row_id(self, row: MeetingChoice) -> str:
        return row.meeting_id


class SignalChoiceModel(RecordTableModel[SignalRow]):
    def make_columns(self) -> Sequence[RecordColumn[SignalRow]]:
        return [
            RecordColumn(self.tr("Signaal"), lambda s: s.reference),
            RecordColumn(self.tr("Ontvangen"), lambda s: f"{s.received_at:%d-%m-%Y}"),
            RecordColumn(self.tr("Categorie"), lambda s: s.category_name),
            RecordColumn(self.tr("Adres"), lambda s: s.address),
            RecordColumn(self.tr("Status"), lambda s: s.status_label),
        ]

    def row_id(self, row: SignalRow) -> str:
        return row.signal_id


def unlinked_signals(ctx: ServiceContext, text: str) -> list[SignalRow]:
    """Signals without a case that may still be linked, matching ``text`` (reference,
    address, words of the description, a person's name)."""
    linkable = tuple(
        status.value
        for status in SignalStatus
        if SignalStatus.GEKOPPELD in allowed_next(WorkflowKind.SIGNAL, status)
    )
    head = search.signal_head(
        ctx,
        SignalQuery(text=text, without_case=True, statuses=linkable),
        limit=SIGNAL_LOOKUP_LIMIT,
        rows=SIGNAL_LOOKUP_LIMIT,
    )
    return list(head.rows)


class CaseWorkSteps(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx: ServiceContext | None = None
        self._case_id: str | None = None
        self._reference = ""
        self._postcode = ""
        self._generation = 0
        self.last_dialog: QWidget | None = None
        self.action_button = self._button("newCaseAction", self.tr("&Actie toevoegen…"))
        self.action_button.clicked.connect(self.add_action)
        self.visit_button = self._button("planCaseVisit", self.tr("Huis&bezoek plannen…"))
        self.visit_button.clicked.connect(self.plan_visit)
        self.agenda_button = self._button("caseOnAgenda", self.tr("Op a&genda zetten…"))
        self.agenda_button.clicked.connect(self.put_on_agenda)
        self.link_button = self._button("linkSignal", self.tr("Signaal &koppelen…"))
        self.link_button.clicked.connect(self.link_signal)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.action_button,
            self.visit_button,
            self.agenda_button,
            self.link_button,
        ):
            layout.addWidget(button)
        self.set_case(None)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def set_context(self, ctx: ServiceContext | None) -> None:
        self._ctx = ctx
        if ctx is None:
            self.set_case(None)

    def set_case(
        self, case_id: str | None, reference: str = "", postcode: str = "", may_plan: bool = False
    ) -> None:
        """The case the steps are for; hidden for a user who may not plan its work."""
        self._generation += 1
        self._case_id = case_id if may_plan else None
        self._reference = reference
        self._postcode = postcode
        self.setVisible(self._case_id is not None)

    # ------------------------------------------------------------------ action

    def add_action(self) -> None:
        ctx, generation = self._ctx, self._generation
        if ctx is None or self._case_id is None:
            return
        run_operation(
            self,
            lambda: partners.partner_choices(ctx),
            lambda found: self._open_action(generation, found),
        )

    def _open_action(self, generation: int, found: list[tuple[str, str]]) -> None:
        ctx, case_id = self._ctx, self._case_id
        if ctx is None or case_id is None or generation != self._generation:
            return
        dialog = NewActionDialog(ctx, case_id, self._reference, found, self)
        dialog.setObjectName("newActionDialog")
        self._open(dialog)
        dialog.action_type.setFocus()

    # ------------------------------------------------------------------ visit

    def plan_visit(self) -> None:
        ctx, generation = self._ctx, self._generation
        if ctx is None or self._case_id is None:
            return
        run_operation(
            self, lambda: load_choices(ctx), lambda c: self._open_visit(generation, c)
        )

    def _open_visit(self, generation: int, choices: Choices) -> None:
        ctx = self._ctx
        if ctx is None or generation != self._generation:
            return
        day = add_working_days(ctx.clock.now().date(), 1)
        dialog = PlanVisitDialog(
            ctx, choices, datetime.combine(day, VISIT_HOUR), self, self._reference
        )
        dialog.setObjectName("planVisitDialog")
        dialog.case.setReadOnly(True)  # planned from the case: the case is given
        dialog.case_find.hide()
        self._open(dialog)
        dialog.partners.setFocus()

    # ------------------------------------------------------------------ agenda

    def put_on_agenda(self) -> None:
        ctx, case_id, generation = self._ctx, self._case_id, self._generation
        if ctx is None or case_id is None:
            return
        run_operation(
            self,
            lambda: case_work.meetings_for_case(ctx, case_id),
            lambda found: self._choose_meeting(generation, found),
        )

    def _choose_meeting(self, generation: int, found: list[MeetingChoice]) -> None:
        ctx, case_id = self._ctx, self._case_id
        if ctx is None or case_id is None or generation != self._generation:
            return
        if not found:
            QMessageBox.information(
                self,
                self.tr("Op agenda zetten"),
                self.tr(
                    "Er is de komende maanden geen gepland overleg in het focusgebied van "
                    "deze casus. Plan eerst een overleg op de pagina Overleggen."
                ),
            )
            return
        rows = found

        def matching(_ctx: ServiceContext, text: str) -> list[MeetingChoice]:
            words = text.casefold().split()
            return [m for m in rows if all(w in m.label.casefold() for w in words)]

        dialog: LookupDialog[MeetingChoice] = LookupDialog(
            ctx,
            self.tr("{ref} op de agenda zetten").format(ref=self._reference),
            self.tr(
                "Kies het overleg van het focusgebied van de casus. Typ om te filteren."
            ),
            MeetingChoiceModel(),
            matching,
            self,
            search_empty=True,
        )
        dialog.setObjectName("agendaChoice")
        dialog.model.set_rows(rows)
        # The first meeting the case is not on yet is the likely choice.
        dialog.view.select_row(next((i for i, m in enumerate(rows) if not m.on_agenda), 0))
        dialog.ok_button.setEnabled(True)
        dialog.view.fit_columns({0: 120, 1: 190, 2: 170})
        dialog.chosen.connect(lambda m: self._add_to_agenda(case_id, m))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()

    def _add_to_agenda(self, case_id: str, meeting: MeetingChoice) -> None:
        ctx = self._ctx
        if ctx is None:
            return
        if meeting.on_agenda:
            QMessageBox.information(
                self,
                self.tr("Op agenda zetten"),
                self.tr("Deze casus staat al op de agenda van dat overleg."),
            )
            return
        run_operation(
            self,
            lambda: meeting_agenda.add_agenda_item(ctx, meeting.meeting_id, case_id=case_id),
            lambda _detail: self.changed.emit(),
        )

    # ------------------------------------------------------------------ link a signal

    def link_signal(self) -> LookupDialog[SignalRow] | None:
        ctx = self._ctx
        if ctx is None or self._case_id is None:
            return None
        dialog: LookupDialog[SignalRow] = LookupDialog(
            ctx,
            self.tr("Signaal koppelen aan {ref}").format(ref=self._reference),
            self.tr(
                "Zoek het signaal zonder casus op referentie, adres, woorden uit de "
                "omschrijving of de naam van een betrokkene."
            ),
            SignalChoiceModel(),
            unlinked_signals,
            self,
            self._postcode[:4],  # the signals in the case's postcode area, to start from
        )
        dialog.setObjectName("signalPicker")
        dialog.view.fit_columns({0: 110, 1: 85, 2: 170, 3: 170})
        if self._postcode:
            dialog.search_now()
        dialog.chosen.connect(self._ask_link_reason)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _ask_link_reason(self, row: SignalRow) -> None:
        ctx, case_id = self._ctx, self._case_id
        if ctx is None or case_id is None:
            return
        signal_id = row.signal_id
        dialog = ReasonDialog(
            ctx,
            self.tr("Signaal {signal} koppelen aan {case}").format(
                signal=row.reference, case=self._reference
            ),
            self.tr("Waarom hoort dit signaal bij deze casus? Dit komt in de geschiedenis."),
            # Linking a signal nobody linked yet is an addition to the case: no version.
            lambda c, reason, _version: signal_linking.move_signal(c, signal_id, case_id, reason),
            self,
            label=self.tr("&Reden:"),
            save_text=self.tr("Koppelen"),
        )
        dialog.setObjectName("linkReasonDialog")
        self._open(dialog)

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _result: self.changed.emit())  # type: ignore[attr-defined]
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]


__all__ = ["CaseWorkSteps", "unlinked_signals"]
