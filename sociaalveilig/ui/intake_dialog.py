"""Signal intake: every field, the place and linking proposal before saving, the routing
result after.

As the user types, the postcode is normalised (``6411ab`` → ``6411 AB``) and, once postcode
and house number are there, a preview (off the GUI thread) shows the municipality and focus
area, where routing would send the signal and why, and the open case at this address
("Open casus op dit adres"), which is proposed as the choice; a new case is only proposed,
never chosen (``intake_case_choice``). A Meldcode category keeps the urgency at hoog or
above and asks what happens now (``meldcode_panel``). Saving a refused signal keeps
everything typed and puts the cursor in the field named by the message. After saving the
dialog shows the reference, the routing result with its reason and the case.

Keyboard only: the tab order follows the form (Tab leaves the date and time in one step);
Enter saves (Ctrl+Enter in the description); Esc cancels, asking first when something was
typed. A wijkagent typing an address outside the own focus areas gets "Geen casus"
proposed, with the reason, since a new case there would be refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.case_proposal import proposes_new_case
from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.postcode import is_valid_postcode
from sociaalveilig.services import reference_data, signal_linking, signals
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import SignalInput
from sociaalveilig.services.signal_records import SignalDetail
from sociaalveilig.services.signals import IntakePreview

from sociaalveilig.ui import errors
from sociaalveilig.ui.intake_fields import FieldErrorClearer
from sociaalveilig.ui.intake_form import (
    AddressSection,
    DescriptionSection,
    MeldingSection,
    ProposalPanel,
    ReporterSection,
    UrgencySection,
)
from sociaalveilig.ui.intake_result import IntakeResult
from sociaalveilig.ui.meldcode_panel import (
    MeldcodeUrgencyGuard,
    is_meldcode_category,
)
from sociaalveilig.ui.operations import run_operation

PREVIEW_DELAY_MS = 350
# Stands in for a description not typed yet: the preview (place, routing, proposals) does
# not depend on it, and a preview stores nothing.
_PREVIEW_DESCRIPTION = "(voorbeeld)"


def category_choices(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(code, name) of the categories in the store that are active now, as the beheerder
    keeps them in Beheer › Categorieën (runs on a worker thread)."""
    return [(c.code, c.name) for c in reference_data.list_categories(ctx)]


@dataclass(frozen=True)
class IntakeProposal:
    """The preview plus whether this user may start a new case at the address."""

    preview: IntakePreview
    may_start_case: bool


def preview_for_user(ctx: ServiceContext, inp: SignalInput) -> IntakeProposal:
    """The preview and, for a wijkagent, whether the address lies in the own focus areas
    (a new case elsewhere is refused on saving). Runs on a worker thread."""
    preview = signals.preview_signal(ctx, inp)
    may_start = ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT)
    if ctx.actor.role is Role.WIJKAGENT:
        own = {
            a.name for a in reference_data.list_focus_areas(ctx) if a.area_id in ctx.actor.area_ids
        }
        may_start = preview.focus_area is not None and preview.focus_area in own
    return IntakeProposal(preview, may_start)


class IntakeDialog(QDialog):
    """Register one signal. ``signal_saved(SignalDetail)`` after a successful save."""

    signal_saved = Signal(object)
    open_case_requested = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        categories: Sequence[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("Nieuw signaal"))
        self.setModal(True)
        self._ctx = ctx
        self._preview: IntakePreview | None = None
        self._may_start_case = True
        self.discard_box: QMessageBox | None = None
        self._preview_generation = 0
        self._saving = False
        self.saved: SignalDetail | None = None

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.request_preview)

        self._steps = QStackedWidget(self)
        self._steps.addWidget(self._build_form(categories))
        self._steps.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._steps)
        self.resize(1080, 620)
        self._connect_preview_triggers()
        self._untouched = self._form_state()
        self.received_edit.setFocus()

    # ------------------------------------------------------------------ form

    def _build_form(self, categories: Sequence[tuple[str, str]] | None) -> QWidget:
        page = QWidget(self)
        self.melding = MeldingSection(page, self._ctx.clock.now())
        self.address = AddressSection(page)
        self.address.postcode_normalised.connect(self._schedule_preview)
        self.description = DescriptionSection(page)
        self.urgency = UrgencySection(page)
        self.reporter = ReporterSection(page)
        self.proposal = ProposalPanel(page)
        self._name_fields()
        if categories is not None:
            self._fill_categories(categories)
        else:
            self.melding.show_loading()
            ctx = self._ctx
            run_operation(
                self, lambda: category_choices(ctx), self._fill_categories, self._categories_failed
            )
        self._set_case_options(())

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for section in (self.melding, self.address, self.description, self.urgency,
                        self.reporter):
            section.add_rows(form)
        inner = QWidget(page)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)

        columns = QHBoxLayout()
        columns.addWidget(scroll, 3)
        columns.addWidget(self.proposal, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        layout.addLayout(self._build_buttons(page))
        self._set_tab_order()
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), page)
        shortcut.activated.connect(self.save)
        shortcut_enter = QShortcut(QKeySequence("Ctrl+Enter"), page)
        shortcut_enter.activated.connect(self.save)
        return page

    def _name_fields(self) -> None:
        """The dialog's names for the sections' fields (the rest of the dialog, the tests
        and the journeys use them)."""
        self.received_edit = self.melding.received_edit
        self.source_combo = self.melding.source_combo
        self.organisation_edit = self.melding.organisation_edit
        self.category_combo = self.melding.category_combo
        self.postcode_edit = self.address.postcode_edit
        self.house_number_edit = self.address.house_number_edit
        self.addition_edit = self.address.addition_edit
        self.street_edit = self.address.street_edit
        self.city_edit = self.address.city_edit
        self.description_edit = self.description.description_edit
        self.description_counter = self.description.description_counter
        self.urgency_combo = self.urgency.urgency_combo
        self.urgency_note = self.urgency.urgency_note
        self.meldcode = self.urgency.meldcode
        self.reporter_edit = self.reporter.reporter_edit
        self.persons_editor = self.reporter.persons_editor
        self.place_label = self.proposal.place_label
        self.routing_label = self.proposal.routing_label
        self.case_box = self.proposal.case_box
        self.case_buttons = self.case_box.buttons
        self.case_hint = self.proposal.case_hint

    def _build_buttons(self, page: QWidget) -> QHBoxLayout:
        self.error_label = QLabel(page)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton(self.tr("Opslaan"), page)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Annuleren"), page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        return buttons

    def _set_tab_order(self) -> None:
        """Tab follows the form from top to bottom, then the case, then save and cancel."""
        order = [
            self.received_edit,
            self.source_combo,
            self.organisation_edit,
            self.category_combo,
            *self.address.edits(),
            self.description_edit,
            self.urgency_combo,
            self.meldcode.veilig_thuis_button,
            self.meldcode.overleg_button,
            self.meldcode.reason_edit,
            self.reporter_edit,
            self.persons_editor.table,
            self.persons_editor.add_button,
            self.persons_editor.remove_button,
            self.case_box,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _fill_categories(self, categories: Sequence[tuple[str, str]]) -> None:
        self.melding.fill_categories(categories)
        if hasattr(self, "_untouched"):  # the list arrived after opening: not a user's edit
            self._untouched = {**self._untouched, "categorie": self.category_combo.currentData()}
        self._schedule_preview()

    def _categories_failed(self, exc: BaseException) -> None:
        """The list could not be read: say so in the field and in a plain message; what
        was typed elsewhere stays."""
        self.melding.show_categories_failed()
        errors.show_error(self, exc)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "datum": self.received_edit,
            "bron": self.source_combo,
            "organisatie": self.organisation_edit,
            "categorie": self.category_combo,
            "postcode": self.postcode_edit,
            "huisnummer": self.house_number_edit,
            "toevoeging": self.addition_edit,
            "straat": self.street_edit,
            "plaats": self.city_edit,
            "omschrijving": self.description_edit,
            "urgentie": self.urgency_combo,
            "melder": self.reporter_edit,
            "betrokkene": self.persons_editor.table,
            "geboortejaar": self.persons_editor.table,
            "casus": self.case_box,
            "meldcode": self.meldcode,
        }

    def _connect_preview_triggers(self) -> None:
        for edit in (self.postcode_edit, self.house_number_edit, self.addition_edit):
            edit.textChanged.connect(self._schedule_preview)
        for combo in (self.source_combo, self.category_combo, self.urgency_combo):
            combo.currentIndexChanged.connect(self._schedule_preview)
        self.received_edit.dateTimeChanged.connect(self._schedule_preview)
        self.persons_editor.changed.connect(self._schedule_preview)
        self._urgency_guard = MeldcodeUrgencyGuard(
            self.category_combo, self.urgency_combo, self.meldcode, self.urgency_note
        )
        self._urgency_guard.urgency_raised.connect(self._schedule_preview)
        self._error_clearer = FieldErrorClearer(self.error_label, self._field_widgets())

    # ------------------------------------------------------------------ as typed

    def _schedule_preview(self, *_args: object) -> None:
        self._preview_timer.start()

    def signal_input(self, for_preview: bool = False) -> SignalInput:
        """What the form holds now."""
        description = self.description_edit.toPlainText()
        if for_preview and not description.strip():
            description = _PREVIEW_DESCRIPTION
        meldcode = is_meldcode_category(self.category_combo.currentData())
        return SignalInput(
            received_at=self.received_edit.dateTime().toPython(),  # type: ignore[arg-type]
            source=str(self.source_combo.currentData() or ""),
            organisation=self.organisation_edit.text() or None,
            category=str(self.category_combo.currentData() or ""),
            postcode=self.postcode_edit.text(),
            house_number=self.house_number_edit.text(),
            addition=self.addition_edit.text() or None,
            street=self.street_edit.text() or None,
            city=self.city_edit.text() or None,
            description=description,
            urgency=str(self.urgency_combo.currentData() or ""),
            reporter=self.reporter_edit.text() or None,
            persons=self.persons_editor.persons(),
            meldcode_decision=self.meldcode.decision() if meldcode else None,
            meldcode_reason=self.meldcode.reason() if meldcode else None,
        )

    def request_preview(self) -> None:
        """Place, routing and linking proposal for the address typed (off the GUI thread)."""
        if self._saving or self._steps.currentIndex() != 0:
            return
        if not is_valid_postcode(self.postcode_edit.text()):
            self._show_preview(None)
            return
        if not self.house_number_edit.text().strip().isdigit():
            self.proposal.ask_house_number()
            return
        inp = self.signal_input(for_preview=True)
        if self.persons_editor.birth_year_problem() is not None:
            inp = replace(inp, persons=())
        self._preview_generation += 1
        generation = self._preview_generation
        ctx = self._ctx
        run_operation(
            self,
            lambda: preview_for_user(ctx, inp),
            lambda proposal: self._preview_arrived(generation, proposal),
            lambda exc: self._preview_failed(generation, exc),
        )

    def _preview_arrived(self, generation: int, proposal: IntakeProposal) -> None:
        if generation == self._preview_generation:
            self._may_start_case = proposal.may_start_case
            self._show_preview(proposal.preview)

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._preview_generation:
            return
        errors.log_exception(exc)
        # An incomplete form is normal while typing: the preview waits for it.
        self._show_preview(None)
        if not isinstance(exc, ValidationError):
            self.place_label.setText(errors.message_for(exc))

    def _show_preview(self, preview: IntakePreview | None) -> None:
        self._preview = preview
        self.proposal.show_place(preview)
        self._set_case_options(preview.proposals if preview is not None else ())

    # ------------------------------------------------------------------ case choice

    def _set_case_options(self, proposals: Sequence[signal_linking.LinkProposal]) -> None:
        may_offer_new = self._ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT)
        self.proposal.set_case_options(
            proposals,
            may_offer_new=may_offer_new,
            new_case_proposed=proposes_new_case(self.category_combo.currentData()),
            outside=self._preview is not None and not self._may_start_case and may_offer_new,
        )

    def case_choice(self) -> str:
        return self.case_box.choice()

    def choose_case(self, choice: str) -> bool:
        return self.case_box.choose(choice)

    # ------------------------------------------------------------------ save

    def save(self) -> None:
        if self._saving or self._steps.currentIndex() != 0:
            return
        problem = self.persons_editor.birth_year_problem()
        if problem is not None:
            self._refuse(problem, "geboortejaar")
            return
        inp = self.signal_input()
        choice = self.case_choice()
        ctx = self._ctx
        self._saving = True
        self.save_button.setEnabled(False)
        self._error_clearer.disarm()
        self.error_label.setStyleSheet("color: palette(text);")
        self.error_label.setText(self.tr("Bezig met opslaan…"))
        run_operation(
            self,
            lambda: signals.register_signal(ctx, inp, choice),
            self._saved,
            self._save_failed,
        )

    def _refuse(self, message: str, field: str | None) -> None:
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setText(message)
        widget = self._field_widgets().get(field or "")
        # The message goes once the named field is changed (any field when none is named).
        self._error_clearer.arm(widget)
        if widget is self.meldcode:
            widget = self.meldcode.veilig_thuis_button
        if widget is not None:
            widget.setFocus()

    def _save_failed(self, exc: BaseException) -> None:
        """Nothing typed is lost: the form stays as it was, the message names the field."""
        self._saving = False
        self.save_button.setEnabled(True)
        errors.log_exception(exc)
        known = errors.as_known_error(exc)
        field = known.field if isinstance(known, ValidationError) else None
        self._refuse(errors.message_for(exc), field)

    def _saved(self, detail: SignalDetail) -> None:
        self._saving = False
        self.saved = detail
        self._show_result(detail)
        self.signal_saved.emit(detail)

    # ------------------------------------------------------------------ result

    def _build_result(self) -> QWidget:
        self.result_page = IntakeResult(self)
        self.result_title = self.result_page.title
        self.result_routing = self.result_page.routing
        self.result_case = self.result_page.case
        self.open_case_button = self.result_page.open_case_button
        self.open_case_button.clicked.connect(self._open_case)
        self.another_button = self.result_page.another_button
        self.another_button.clicked.connect(self.start_again)
        self.close_button = self.result_page.close_button
        self.close_button.clicked.connect(self.accept)
        return self.result_page

    def _show_result(self, detail: SignalDetail) -> None:
        self.result_page.show_detail(detail)
        self._steps.setCurrentIndex(1)
        self.close_button.setDefault(True)  # Enter closes the result
        self.close_button.setFocus()

    def _open_case(self) -> None:
        if self.saved is not None and self.saved.case_id:
            self.open_case_requested.emit(self.saved.case_id)
        self.accept()

    def start_again(self) -> None:
        """An empty form for the next signal (source and date kept: often a batch)."""
        for edit in (
            self.postcode_edit,
            self.house_number_edit,
            self.addition_edit,
            self.street_edit,
            self.city_edit,
            self.reporter_edit,
        ):
            edit.clear()
        self.description_edit.clear()
        self.persons_editor.clear()
        self.meldcode.clear_decision()
        self.case_box.forget_choice()
        self.error_label.clear()
        self.save_button.setEnabled(True)
        self.saved = None
        self._show_preview(None)
        self._steps.setCurrentIndex(0)
        self.save_button.setDefault(True)
        self._untouched = self._form_state()
        self.postcode_edit.setFocus()

    # ------------------------------------------------------------------ cancel

    def _form_state(self) -> dict[str, object]:
        return {
            "datum": self.received_edit.dateTime(),
            "bron": self.source_combo.currentData(),
            "organisatie": self.organisation_edit.text(),
            "categorie": self.category_combo.currentData(),
            "postcode": self.postcode_edit.text(),
            "huisnummer": self.house_number_edit.text(),
            "toevoeging": self.addition_edit.text(),
            "straat": self.street_edit.text(),
            "plaats": self.city_edit.text(),
            "omschrijving": self.description_edit.toPlainText(),
            "urgentie": self.urgency_combo.currentData(),
            "melder": self.reporter_edit.text(),
            "betrokkene": self.persons_editor.persons(),
        }

    def has_unsaved_input(self) -> bool:
        """Something was typed or chosen on the form and not saved."""
        return self._steps.currentIndex() == 0 and self._form_state() != self._untouched

    def cancel(self) -> None:
        """Esc and Annuleren: an untouched form closes at once; a filled one asks first,
        with 'keep editing' as the default answer."""
        if self.discard_box is not None:
            return
        if not self.has_unsaved_input():
            self.reject()
            return
        box = QMessageBox(self)
        box.setObjectName("discardSignal")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Nieuw signaal"))
        box.setText(self.tr("Het signaal is nog niet opgeslagen. Wegwerpen?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Wegwerpen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Verder invullen"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._discard_answered)
        self.discard_box = box
        box.open()

    def _discard_answered(self, answer: int) -> None:
        box = self.discard_box
        self.discard_box = None
        if box is not None:
            box.deleteLater()
        if answer == QMessageBox.StandardButton.Yes.value:
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button asks like Annuleren; a close by the program (the
        lock) does not."""
        if event.spontaneous() and self.isVisible() and self.has_unsaved_input():
            event.ignore()
            self.cancel()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """Close without asking (the program's own close, e.g. the lock); the user's Esc
        and Annuleren go through ``cancel``."""
        self._preview_generation += 1  # a preview still under way is dropped
        if self.discard_box is not None:
            box, self.discard_box = self.discard_box, None
            box.finished.disconnect(self._discard_answered)
            box.close()
            box.deleteLater()
        super().reject()
