"""One signal: its facts, where routing sent it and why, its case, and the next steps the
workflow allows from here: handled (with a result), rejected (with a reason), a new case
made from it, or linked to a case. Loaded off the GUI thread; a signal outside the user's
scope asks for a reason first (noodknop). A domestic-violence signal shows the Meldcode's
five steps."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import SignalStatus
from sociaalveilig.core.errors import AccessDenied, StaleEdit
from sociaalveilig.services import access, signal_linking, signal_outcomes, signal_records
from sociaalveilig.services.case_lookup import CaseChoice
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_linking import CASE_WORK_ROLES
from sociaalveilig.services.signal_records import SignalDetail

from sociaalveilig.ui import errors
from sociaalveilig.ui.case_picker import CasePicker, pick_case
from sociaalveilig.ui.meldcode_panel import MeldcodePanel, is_meldcode_category
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.signal_outcome_dialog import SignalOutcomeDialog


class SignalDialog(QDialog):
    open_case_requested = Signal(str)
    changed = Signal()

    def __init__(self, ctx: ServiceContext, signal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalDialog")
        self.setWindowTitle(self.tr("Signaal"))
        self._ctx = ctx
        self._signal_id = signal_id
        self._purpose: str | None = None
        self.detail: SignalDetail | None = None
        self.case_picker: CasePicker | None = None

        self.body = QLabel(self.tr("Signaal laden…"), self)
        self.body.setObjectName("signalBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)

        self.case_button = QPushButton(self.tr("Casus openen"), self)
        self.case_button.setObjectName("openCase")
        self.case_button.clicked.connect(self._open_case)
        self.link_button = QPushButton(self.tr("Koppelen aan casus…"), self)
        self.link_button.setObjectName("linkCase")
        self.link_button.clicked.connect(self.ask_link)
        self.reject_button = QPushButton(self.tr("Af&wijzen…"), self)
        self.reject_button.setObjectName("rejectSignal")
        self.reject_button.clicked.connect(self.ask_reject)
        self.handle_button = QPushButton(self.tr("&Afgehandeld…"), self)
        self.handle_button.setObjectName("handleSignal")
        self.handle_button.setToolTip(self.tr("Het signaal is afgehandeld; u geeft het resultaat."))
        self.handle_button.clicked.connect(self.ask_handle)
        self.new_case_button = QPushButton(self.tr("&Nieuwe casus"), self)
        self.new_case_button.setObjectName("newCaseFromSignal")
        self.new_case_button.setToolTip(
            self.tr("Maak een casus op dit adres; dit signaal wordt haar eerste signaal.")
        )
        self.new_case_button.clicked.connect(self.make_case)
        self.outcome_dialog: SignalOutcomeDialog | None = None
        self.meldcode = MeldcodePanel(self)
        self.meldcode.hide()
        close = QPushButton(self.tr("Sluiten"), self)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.case_button)
        buttons.addWidget(self.handle_button)
        buttons.addWidget(self.new_case_button)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        for button in (
            self.case_button,
            self.handle_button,
            self.new_case_button,
            self.link_button,
            self.reject_button,
        ):
            button.setAutoDefault(False)
            button.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.meldcode)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(720, 560)
        self.load()

    # ------------------------------------------------------------------ load

    def load(self, purpose: str | None = None) -> None:
        if purpose is not None:
            self._purpose = purpose  # a reload (after a stale step) opens it the same way
        ctx, signal_id, purpose = self._ctx, self._signal_id, self._purpose
        run_operation(
            self,
            lambda: signal_records.get_signal(ctx, signal_id, purpose),
            self.show_detail,
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AccessDenied) and self._ctx.actor.role in access.EMERGENCY_ROLES:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Noodknop"),
                self.tr(
                    "Dit signaal valt buiten uw werkgebied. Wilt u het toch openen, geef dan de "
                    "reden. Dit wordt vastgelegd en de beheerder ziet het."
                ),
            )
            if ok and reason.strip():
                self.load(reason.strip())
                return
            self.reject()
            return
        self.body.setText(html.escape(errors.message_for(exc)))
        errors.log_exception(exc)

    def show_detail(self, detail: SignalDetail) -> None:
        self.detail = detail
        self.body.setText(self._detail_html(detail))
        self._show_steps(detail)

    def _detail_rows(self, detail: SignalDetail) -> list[tuple[str, str]]:
        """The signal's fields, each a caption and its value."""
        return [
            (self.tr("Ontvangen"), detail.received_at.strftime("%d-%m-%Y %H:%M")),
            (
                self.tr("Bron"),
                detail.source_label + (f" ({detail.organisation})" if detail.organisation else ""),
            ),
            (self.tr("Categorie"), f"{detail.category_name} ({detail.category_code})"),
            (self.tr("Adres"), detail.address),
            (
                self.tr("Focusgebied"),
                detail.focus_area
                or self.tr("geen ({municipality})").format(municipality=detail.municipality),
            ),
            (self.tr("Urgentie"), detail.urgency.label),
            (self.tr("Melder"), detail.reporter or self.tr("anoniem")),
            (self.tr("Status"), detail.status_label),
            (self.tr("Casus"), detail.case_reference or self.tr("geen")),
            (
                self.tr("Afhandelen vóór"),
                (detail.due_date.strftime("%d-%m-%Y") if detail.due_date else "-")
                + (self.tr(" (te laat)") if detail.overdue else "")
                + (
                    self.tr(" (gekoppeld: de casus bewaakt de opvolging)")
                    if detail.status is SignalStatus.GEKOPPELD and detail.due_date
                    else ""
                ),
            ),
            (
                self.tr("Routering"),
                (detail.route_target.label if detail.route_target else self.tr("niet gerouteerd"))
                + (f" – {detail.route_reason}" if detail.route_reason else ""),
            ),
        ]

    def _detail_html(self, detail: SignalDetail) -> str:
        """The signal as the dialog's body: the fields, the description, the persons
        involved and the history (everything escaped)."""
        e = html.escape
        table = "".join(
            f"<tr><td style='color:#555; padding-right:12px'>{e(k)}</td><td>{e(v)}</td></tr>"
            for k, v in self._detail_rows(detail)
        )
        persons = "".join(
            f"<li>{e(p.reference)}: {e(p.name)}"
            + (f", {p.birth_year}" if p.birth_year else "")
            + f" ({e(p.role)})</li>"
            for p in detail.persons
        )
        history = "".join(
            f"<li>{e(h.at.strftime('%d-%m-%Y %H:%M'))}: {e(h.to_status)}"
            + (f" – {e(h.reason)}" if h.reason else "")
            + "</li>"
            for h in detail.history
        )
        notice = (
            "<p style='color:#b00020'>"
            + e(self.tr("Geopend met de noodknop; dit is vastgelegd."))
            + "</p>"
            if detail.emergency_access
            else ""
        )
        # The texts outside the f-strings: lupdate does not read calls inside one.
        title = e(self.tr("Signaal {ref}").format(ref=detail.reference))
        description, involved = e(self.tr("Omschrijving")), e(self.tr("Betrokkenen"))
        earlier = e(self.tr("Geschiedenis"))
        return (
            f"<h3>{title}</h3>{notice}"
            f"<table>{table}</table>"
            f"<p><b>{description}</b><br>{e(detail.description)}</p>"
            + (f"<p><b>{involved}</b></p><ul>{persons}</ul>" if persons else "")
            + (f"<p><b>{earlier}</b></p><ul>{history}</ul>" if history else "")
        )

    def _show_steps(self, detail: SignalDetail) -> None:
        """The steps this user may take on the signal now."""
        may_work = self._ctx.actor.role in CASE_WORK_ROLES
        allowed = set(detail.allowed_next_statuses)
        self.case_button.setVisible(detail.case_id is not None)
        self.link_button.setVisible(may_work and SignalStatus.GEKOPPELD in allowed)
        self.reject_button.setVisible(may_work and SignalStatus.AFGEWEZEN in allowed)
        self.handle_button.setVisible(may_work and SignalStatus.AFGEHANDELD in allowed)
        self.new_case_button.setVisible(
            may_work and detail.case_id is None and SignalStatus.GEKOPPELD in allowed
        )
        # The Meldcode's steps matter while the signal is still to be dealt with.
        self.meldcode.setVisible(
            is_meldcode_category(detail.category_code)
            and detail.status in (SignalStatus.NIEUW, SignalStatus.GEROUTEERD)
        )

    # ------------------------------------------------------------------ steps

    def _open_case(self) -> None:
        if self.detail is not None and self.detail.case_id:
            self.open_case_requested.emit(self.detail.case_id)
        self.accept()

    def ask_link(self) -> CasePicker | None:
        """The case picker (address, postcode, a person's name), then the reason."""
        if self._ctx is None:
            return None
        self.case_picker = pick_case(
            self,
            self._ctx,
            self._link_to,
            title=self.tr("Koppelen aan casus"),
            open_only=True,
            # The signal's postcode area: the cases near it come first to choose from.
            initial_text=self.detail.postcode[:4] if self.detail is not None else "",
        )
        return self.case_picker

    def _link_to(self, choice: CaseChoice) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Koppelen aan casus {ref}").format(ref=choice.reference),
            self.tr("Reden (komt in de geschiedenis):"),
        )
        if ok:
            self.link(choice.reference, reason)

    def _version(self) -> int | None:
        """The version of the signal shown: a step on it is based on what the user saw."""
        return self.detail.version if self.detail is not None else None

    def link(self, case_reference: str, reason: str) -> None:
        ctx, signal_id, version = self._ctx, self._signal_id, self._version()
        run_operation(
            self,
            lambda: signal_linking.move_signal(
                ctx, signal_id, case_reference, reason, expected_version=version
            ),
            self._changed,
            self._step_failed,
        )

    def ask_reject(self) -> SignalOutcomeDialog | None:
        return self._ask_outcome(SignalStatus.AFGEWEZEN)

    def ask_handle(self) -> SignalOutcomeDialog | None:
        return self._ask_outcome(SignalStatus.AFGEHANDELD)

    def _ask_outcome(self, outcome: SignalStatus) -> SignalOutcomeDialog | None:
        if self.detail is None or self.outcome_dialog is not None:
            return None
        dialog = SignalOutcomeDialog(self.detail.reference, outcome, self)
        dialog.finished.connect(self._outcome_answered)
        self.outcome_dialog = dialog
        dialog.open()
        return dialog

    def _outcome_answered(self, result: int) -> None:
        dialog, self.outcome_dialog = self.outcome_dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted.value:
            return
        if dialog.outcome is SignalStatus.AFGEHANDELD:
            self.handle_signal(dialog.text())
        else:
            self.reject_signal(dialog.text())

    def handle_signal(self, result: str) -> None:
        ctx, signal_id, version = self._ctx, self._signal_id, self._version()
        run_operation(
            self,
            lambda: signal_outcomes.handle_signal(
                ctx, signal_id, result, expected_version=version
            ),
            self._changed,
            self._step_failed,
        )

    def reject_signal(self, reason: str) -> None:
        ctx, signal_id, version = self._ctx, self._signal_id, self._version()
        run_operation(
            self,
            lambda: signal_outcomes.reject_signal(
                ctx, signal_id, reason, expected_version=version
            ),
            self._changed,
            self._step_failed,
        )

    def make_case(self) -> None:
        """A new case from this signal; the case opens at once (the signal is its first)."""
        ctx, signal_id, version = self._ctx, self._signal_id, self._version()
        self.new_case_button.setEnabled(False)
        run_operation(
            self,
            lambda: signal_outcomes.case_from_signal(ctx, signal_id, expected_version=version),
            self._case_made,
            self._step_failed,
        )

    def _case_made(self, detail: SignalDetail) -> None:
        self.new_case_button.setEnabled(True)
        self._changed(detail)
        if detail.case_id:
            self.open_case_requested.emit(detail.case_id)
            self.accept()

    def _step_failed(self, exc: BaseException) -> None:
        self.new_case_button.setEnabled(True)
        errors.show_error(self, exc)
        if isinstance(exc, StaleEdit):
            self.load()  # another user changed the signal: show what is stored now

    def _changed(self, detail: SignalDetail) -> None:
        self.show_detail(detail)
        self.changed.emit()
