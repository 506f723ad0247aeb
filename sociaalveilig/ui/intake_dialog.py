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

import html
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIntValidator, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.case_proposal import proposes_new_case
from sociaalveilig.core.enums import Role, Source, Urgency
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.postcode import is_valid_postcode, normalise_postcode
from sociaalveilig.services import reference_data, signal_linking, signals
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import SignalInput
from sociaalveilig.services.signal_records import SignalDetail
from sociaalveilig.services.signals import IntakePreview

from sociaalveilig.ui import errors
from sociaalveilig.ui.intake_case_choice import CaseChoiceBox
from sociaalveilig.ui.intake_fields import DescriptionCounter, FieldErrorClearer
from sociaalveilig.ui.intake_result import IntakeResult
from sociaalveilig.ui.meldcode_panel import (
    MeldcodePanel,
    MeldcodeUrgencyGuard,
    is_meldcode_category,
)
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.persons_editor import PersonsEditor

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


class DateTimeField(QDateTimeEdit):
    """A date-time edit that Tab leaves in one step (plain QDateTimeEdit tabs through day,
    month, year, hour and minute first). The arrow keys still move between the parts."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


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
        now = self._ctx.clock.now()

        self.received_edit = DateTimeField(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)), page
        )
        self.received_edit.setObjectName("datum")
        self.received_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.received_edit.setCalendarPopup(True)

        self.source_combo = QComboBox(page)
        self.source_combo.setObjectName("bron")
        for source in Source:
            self.source_combo.addItem(source.label, source.value)
        self.organisation_edit = QLineEdit(page)
        self.organisation_edit.setObjectName("organisatie")
        self.organisation_edit.setPlaceholderText(self.tr("bijv. de woningcorporatie"))

        self.category_combo = QComboBox(page)
        self.category_combo.setObjectName("categorie")
        if categories is not None:
            self._fill_categories(categories)
        else:
            self.category_combo.setEnabled(False)
            self.category_combo.addItem(self.tr("Categorieën laden…"), "")
            ctx = self._ctx
            run_operation(
                self, lambda: category_choices(ctx), self._fill_categories, self._categories_failed
            )

        self.postcode_edit = QLineEdit(page)
        self.postcode_edit.setObjectName("postcode")
        self.postcode_edit.setPlaceholderText("6411 AB")
        self.postcode_edit.setMaxLength(12)
        self.postcode_edit.textEdited.connect(self._normalise_postcode)
        self.house_number_edit = QLineEdit(page)
        self.house_number_edit.setObjectName("huisnummer")
        self.house_number_edit.setMaxLength(5)
        # Digits only: letters belong in the toevoeging.
        self.house_number_edit.setValidator(QIntValidator(1, 99999, self.house_number_edit))
        self.addition_edit = QLineEdit(page)
        self.addition_edit.setObjectName("toevoeging")
        self.addition_edit.setMaxLength(10)
        self.addition_edit.setPlaceholderText(self.tr("bijv. a"))
        number_row = QHBoxLayout()
        number_row.addWidget(self.house_number_edit, 2)
        number_row.addWidget(QLabel(self.tr("Toevoeging"), page))
        number_row.addWidget(self.addition_edit, 1)
        postcode_row = QHBoxLayout()
        postcode_row.addWidget(self.postcode_edit, 1)
        postcode_row.addWidget(QLabel(self.tr("Huisnummer"), page))
        postcode_row.addLayout(number_row, 2)

        self.street_edit = QLineEdit(page)
        self.street_edit.setObjectName("straat")
        self.city_edit = QLineEdit(page)
        self.city_edit.setObjectName("plaats")
        street_row = QHBoxLayout()
        street_row.addWidget(self.street_edit, 2)
        street_row.addWidget(QLabel(self.tr("Plaats"), page))
        street_row.addWidget(self.city_edit, 1)

        self.place_label = QLabel(page)
        self.place_label.setObjectName("placeLabel")
        self.place_label.setWordWrap(True)
        self.place_label.setMinimumHeight(self.fontMetrics().height() * 2)
        self.place_label.setText(self.tr("Focusgebied: volgt uit de postcode"))

        self.description_edit = QPlainTextEdit(page)
        self.description_edit.setObjectName("omschrijving")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(80)
        self.description_edit.setMaximumHeight(140)
        self.description_edit.setPlaceholderText(
            self.tr("Wat is er gezien of gemeld? Feiten, geen oordelen. (Ctrl+Enter slaat op)")
        )

        self.urgency_combo = QComboBox(page)
        self.urgency_combo.setObjectName("urgentie")
        for urgency in Urgency:
            self.urgency_combo.addItem(urgency.label, urgency.value)
        self.urgency_combo.setCurrentIndex(self.urgency_combo.findData(Urgency.NORMAAL.value))
        self.urgency_note = QLabel(page)
        self.urgency_note.setObjectName("urgencyNote")
        self.urgency_note.setWordWrap(True)
        self.urgency_note.setStyleSheet("color: #b00020;")
        self.urgency_note.hide()
        self.meldcode = MeldcodePanel(page, ask_decision=True)
        self.meldcode.hide()
        self.description_counter = DescriptionCounter(self.description_edit, page)
        self.reporter_edit = QLineEdit(page)
        self.reporter_edit.setObjectName("melder")
        self.reporter_edit.setPlaceholderText(self.tr("leeg laten voor een anonieme melding"))

        self.persons_editor = PersonsEditor(page)
        self.persons_editor.setObjectName("betrokkene")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Datum en tijd"), self.received_edit)
        form.addRow(self.tr("Bron"), self.source_combo)
        form.addRow(self.tr("Organisatie"), self.organisation_edit)
        form.addRow(self.tr("Categorie"), self.category_combo)
        form.addRow(self.tr("Postcode"), postcode_row)
        form.addRow(self.tr("Straat"), street_row)
        form.addRow(self.tr("Omschrijving"), self.description_edit)
        form.addRow("", self.description_counter)
        form.addRow(self.tr("Urgentie"), self.urgency_combo)
        form.addRow("", self.urgency_note)
        form.addRow(self.meldcode)
        form.addRow(self.tr("Melder"), self.reporter_edit)
        form.addRow(self.tr("Betrokkenen"), self.persons_editor)

        self.routing_label = QLabel(page)
        self.routing_label.setObjectName("routingPreview")
        self.routing_label.setWordWrap(True)
        self.routing_label.setTextFormat(Qt.TextFormat.RichText)
        self.case_box = CaseChoiceBox(page)
        self.case_buttons = self.case_box.buttons
        self.case_hint = QLabel(page)
        self.case_hint.setObjectName("caseHint")
        self.case_hint.setWordWrap(True)
        self.case_hint.setStyleSheet("color: #555;")
        self.case_hint.setVisible(False)
        self._set_case_options(())

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

        heading = QLabel(self.tr("Voorstel van het programma"), page)
        heading_font = heading.font()
        heading_font.setBold(True)
        heading.setFont(heading_font)
        hint = QLabel(
            self.tr(
                "Plaats, routering en een open casus op dit adres verschijnen zodra postcode "
                "en huisnummer bekend zijn. Kies hieronder de casus; opslaan bevestigt."
            ),
            page,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        side = QWidget(page)
        side.setObjectName("proposalPanel")
        side.setMinimumWidth(300)
        side.setMaximumWidth(380)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 0, 0, 0)
        side_layout.addWidget(heading)
        side_layout.addWidget(hint)
        side_layout.addSpacing(6)
        side_layout.addWidget(self.place_label)
        side_layout.addSpacing(6)
        side_layout.addWidget(self.routing_label)
        side_layout.addSpacing(6)
        side_layout.addWidget(self.case_box)
        side_layout.addWidget(self.case_hint)
        side_layout.addStretch(1)

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
        columns.addWidget(side, 2)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

        order = [
            self.received_edit,
            self.source_combo,
            self.organisation_edit,
            self.category_combo,
            self.postcode_edit,
            self.house_number_edit,
            self.addition_edit,
            self.street_edit,
            self.city_edit,
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
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), page)
        shortcut.activated.connect(self.save)
        shortcut_enter = QShortcut(QKeySequence("Ctrl+Enter"), page)
        shortcut_enter.activated.connect(self.save)
        return page

    def _fill_categories(self, categories: Sequence[tuple[str, str]]) -> None:
        current = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        for code, name in categories:
            self.category_combo.addItem(f"{name} ({code})", code)
        if not categories:
            self.category_combo.addItem(
                self.tr("Geen actieve categorieën: vraag de beheerder er een aan te zetten."), ""
            )
        index = self.category_combo.findData(current) if current else -1
        self.category_combo.setCurrentIndex(max(index, 0))
        self.category_combo.blockSignals(False)
        self.category_combo.setEnabled(bool(categories))
        if hasattr(self, "_untouched"):  # the list arrived after opening: not a user's edit
            self._untouched = {**self._untouched, "categorie": self.category_combo.currentData()}
        self._schedule_preview()

    def _categories_failed(self, exc: BaseException) -> None:
        """The list could not be read: say so in the field and in a plain message; what
        was typed elsewhere stays."""
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("Categorieën konden niet worden geladen."), "")
        self.category_combo.setEnabled(False)
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

    def _normalise_postcode(self, text: str) -> None:
        """Upper case at once; ``6411 AB`` spacing as soon as it is a valid postcode."""
        shown = normalise_postcode(text) if is_valid_postcode(text) else text.upper()
        if shown != text:
            self.postcode_edit.blockSignals(True)
            self.postcode_edit.setText(shown)
            self.postcode_edit.blockSignals(False)
            self.postcode_edit.setCursorPosition(len(shown))
            self._schedule_preview()

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
            self.place_label.setText(self.tr("Focusgebied: vul het huisnummer in"))
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
        if preview is None:
            self.place_label.setText(self.tr("Focusgebied: volgt uit de postcode"))
            self.routing_label.clear()
            self._set_case_options(())
            return
        if preview.municipality_unknown:
            place = self.tr(
                "Postcode {pc} valt buiten de postcodetabel: gemeente onbekend. "
                "De coördinator controleert dit."
            ).format(pc=preview.postcode)
        elif preview.focus_area:
            place = self.tr("Focusgebied: {area} · gemeente {municipality}").format(
                area=preview.focus_area, municipality=preview.municipality
            )
        else:
            place = self.tr("Geen focusgebied · gemeente {municipality}").format(
                municipality=preview.municipality
            )
        self.place_label.setText(place)
        self.routing_label.setText(
            self.tr("Routering: <b>{target}</b><br>{reason}<br>Afhandelen vóór {due}.").format(
                target=html.escape(preview.routing.target.label),
                reason=html.escape(preview.routing.reason),
                due=preview.due_date.strftime("%d-%m-%Y"),
            )
        )
        self._set_case_options(preview.proposals)

    # ------------------------------------------------------------------ case choice

    def _set_case_options(self, proposals: Sequence[signal_linking.LinkProposal]) -> None:
        may_offer_new = self._ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT)
        outside = self._preview is not None and not self._may_start_case and may_offer_new
        self.case_box.set_options(
            proposals,
            may_offer_new,
            new_case_proposed=proposes_new_case(self.category_combo.currentData()),
            new_case_allowed=not outside,
        )
        self.case_hint.setText(
            self.tr(
                "Dit adres ligt buiten uw focusgebieden: registreer zonder casus, dan maakt "
                "de coördinator de casus."
            )
            if outside
            else ""
        )
        self.case_hint.setVisible(outside)

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
