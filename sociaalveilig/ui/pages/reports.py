"""Rapportages: the case summary, the buurtschouw pack and the management report.

Each document is made off the GUI thread (a busy dialog when it takes a while) into the
session's private PDF folder and then opened in the system's viewer or sent to a printer,
both through ``DocumentOutput`` (tests pass a fake). "Opslaan als…" writes it where the
user chooses. Which documents a user sees follows the role: the services refuse the rest
anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.reports import api
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.case_picker import CaseFindButton, is_case_reference
from sociaalveilig.ui.choices import AreaChoice, first_own_area, load_areas
from sociaalveilig.ui.document_output import DocumentOutput, ReportFiles, document_output
from sociaalveilig.ui.dutch import dutch, to_date
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.period_picker import PeriodPicker

# What to do with a finished PDF.
OPEN = "open"
PRINT = "print"
SAVE = "save"

CASE_ROLES = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER, Role.MANAGER})
PACK_ROLES = frozenset({Role.COORDINATOR, Role.WIJKAGENT})
MANAGEMENT_ROLES = frozenset({Role.MANAGER, Role.COORDINATOR, Role.BEHEERDER, Role.WIJKAGENT})

Maker = Callable[[ServiceContext, Path], Path]


class ReportsPage(Page):
    def __init__(
        self, parent: QWidget | None = None, output: DocumentOutput | None = None
    ) -> None:
        super().__init__(parent)
        self.output = output if output is not None else document_output()
        self.files = ReportFiles()
        self.last_path: Path | None = None
        self._areas: tuple[AreaChoice, ...] = ()

        self.case_group = self._build_case_group()
        self.pack_group = self._build_pack_group()
        self.management_group = self._build_management_group()

        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        heading = QLabel(self.tr("Rapportages"), self)
        heading.setObjectName("pageHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(
            self.tr(
                "Elk document wordt vastgelegd in het auditlog. Een document opent in de "
                "PDF-viewer van de computer of gaat via het afdrukvenster naar een printer."
            ),
            self,
        )
        hint.setWordWrap(True)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(heading)
        inner.addWidget(hint)
        inner.addWidget(self.case_group)
        inner.addWidget(self.pack_group)
        inner.addWidget(self.management_group)
        inner.addWidget(self.status)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        QShortcut(QKeySequence.StandardKey.Print, self, self._print_focused)

    # ------------------------------------------------------------------ building

    def _buttons(self, group: QGroupBox, name: str, make: Callable[[str], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        open_button = QPushButton(self.tr("Openen"), group)
        open_button.setObjectName(f"{name}Open")
        open_button.setToolTip(self.tr("Maak het document en open het in de PDF-viewer"))
        print_button = QPushButton(self.tr("Afdrukken…"), group)
        print_button.setObjectName(f"{name}Print")
        save_button = QPushButton(self.tr("Opslaan als…"), group)
        save_button.setObjectName(f"{name}Save")
        open_button.clicked.connect(lambda: make(OPEN))
        print_button.clicked.connect(lambda: make(PRINT))
        save_button.clicked.connect(lambda: make(SAVE))
        row.addStretch(1)
        row.addWidget(open_button)
        row.addWidget(print_button)
        row.addWidget(save_button)
        return row

    def _build_case_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Casusoverzicht"), self)
        group.setObjectName("caseGroup")
        self.case_ref = QLineEdit(group)
        self.case_ref.setObjectName("caseReference")
        self.case_ref.setPlaceholderText(self.tr("bijvoorbeeld C-2026-00042"))
        self.case_ref.setClearButtonEnabled(True)
        self.case_ref.setMaximumWidth(280)
        self.case_ref.returnPressed.connect(lambda: self.make_case_summary(OPEN))
        self.case_find = CaseFindButton(self.case_ref, lambda: self.ctx, group)
        self.case_pseudo = QCheckBox(
            self.tr("Gepseudonimiseerd (initialen, geen omschrijvingen)"), group
        )
        self.case_pseudo.setObjectName("casePseudonymised")
        form = QFormLayout()
        case_row = QHBoxLayout()
        case_row.addWidget(self.case_ref)
        case_row.addWidget(self.case_find)
        case_row.addStretch(1)
        form.addRow(self.tr("&Casus:"), case_row)
        form.addRow("", self.case_pseudo)
        layout = QVBoxLayout(group)
        explanation = QLabel(
            self.tr(
                "Kop, betrokkenen, tijdlijn van signalen, besluiten, acties, huisbezoeken en "
                "opschalingen van één casus. Voettekst 'Vertrouwelijk' op elke pagina."
            ),
            group,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(self._buttons(group, "case", self.make_case_summary))
        return group

    def _build_pack_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Buurtschouwpakket"), self)
        group.setObjectName("packGroup")
        self.pack_area = QComboBox(group)
        self.pack_area.setObjectName("packArea")
        self.pack_date = QDateEdit(group)
        self.pack_date.setObjectName("packDate")
        self.pack_date.setCalendarPopup(True)
        self.pack_date.setMaximumWidth(180)
        self.pack_area.setMaximumWidth(460)
        self.pack_date.setDisplayFormat("dd-MM-yyyy")
        dutch(self.pack_date)
        form = QFormLayout()
        form.addRow(self.tr("&Focusgebied:"), self.pack_area)
        form.addRow(self.tr("&Datum van de schouw:"), self.pack_date)
        layout = QVBoxLayout(group)
        explanation = QLabel(
            self.tr(
                "Route, open signalen per straat (zonder namen), de checklist heel, schoon, "
                "veilig en CPTED, en een lege bevindingentabel."
            ),
            group,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(self._buttons(group, "pack", self.make_pack))
        return group

    def _build_management_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Managementrapportage"), self)
        group.setObjectName("managementGroup")
        self.period = PeriodPicker(group)
        self.period.setObjectName("managementPeriod")
        self.management_area = QComboBox(group)
        self.management_area.setObjectName("managementArea")
        self.management_area.setMaximumWidth(460)
        self.period.setMaximumWidth(460)
        form = QFormLayout()
        form.addRow(self.tr("&Periode:"), self.period)
        form.addRow(self.tr("F&ocusgebied:"), self.management_area)
        layout = QVBoxLayout(group)
        explanation = QLabel(
            self.tr(
                "Cijfers per bron en categorie, casussen, behandeltijd, acties, huisbezoeken, "
                "opschalingen en de wijkagentnorm. Geen persoonsgegevens; aantallen onder de "
                "5 als '<5'."
            ),
            group,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(self._buttons(group, "management", self.make_management))
        return group

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Rapportages")

    def set_context(self, ctx: ServiceContext | None) -> None:
        if ctx is not None:
            role = ctx.actor.role
            self.case_group.setVisible(role in CASE_ROLES)
            self.pack_group.setVisible(role in PACK_ROLES)
            self.management_group.setVisible(role in MANAGEMENT_ROLES)
            forced = role is Role.MANAGER
            self.case_pseudo.setChecked(forced)
            self.case_find.setVisible(role is not Role.MANAGER and role in CASE_ROLES)
            self.case_pseudo.setEnabled(not forced)
            today = ctx.clock.now().date()
            self.pack_date.setDate(QDate(today.year, today.month, today.day))
            self.period.set_last_complete_quarter(today)
        super().set_context(ctx)

    def refresh(self) -> None:
        self.run(load_areas, self._areas_arrived)

    def _areas_arrived(self, areas: tuple[AreaChoice, ...]) -> None:
        self._areas = areas
        for combo, all_label in (
            (self.pack_area, None),
            (self.management_area, self.tr("Alle focusgebieden")),
        ):
            current = combo.currentText()
            combo.clear()
            if all_label is not None:
                combo.addItem(all_label, None)
            for area in areas:
                combo.addItem(area.name, area.name)
            index = combo.findText(current)
            if index >= 0:
                combo.setCurrentIndex(index)
            elif combo is self.pack_area:
                # A wijkagent prepares walks in his own areas: the first of them.
                own = first_own_area(areas, self.ctx)
                combo.setCurrentIndex(max(0, combo.findData(own)) if own else 0)

    def clear(self) -> None:
        self.case_ref.clear()
        self.pack_area.clear()
        self.management_area.clear()
        self.status.clear()
        self.last_path = None
        self._areas = ()
        self.files.wipe()

    # ------------------------------------------------------------------ documents

    def make_case_summary(self, how: str, purpose: str | None = None) -> None:
        ref = self.case_ref.text().strip()
        if not ref:
            self._refuse(self.tr("Vul de casusreferentie in, bijvoorbeeld C-2026-00042."),
                         self.case_ref)
            return
        if not is_case_reference(ref) and self.case_find.may_pick():
            self.case_find.open_picker()  # an address or a name: choose the case first
            return
        pseudo = self.case_pseudo.isChecked()

        def make(ctx: ServiceContext, out: Path) -> Path:
            return api.case_summary(ctx, ref, out, pseudonymised=pseudo, purpose=purpose)

        def denied(exc: BaseException) -> None:
            if isinstance(exc, AccessDenied) and purpose is None and self._may_use_noodknop():
                self._ask_noodknop(how, exc)
            else:
                errors.show_error(self, exc)

        self._produce(how, f"casusoverzicht-{ref}", make, on_failure=denied)

    def _may_use_noodknop(self) -> bool:
        ctx = self.ctx
        return ctx is not None and ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT)

    def _ask_noodknop(self, how: str, exc: BaseException) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Geen toegang"),
            self.tr(
                "{message}\n\nIs dit nodig voor uw werk, geef dan de reden op (noodknop). "
                "De reden wordt vastgelegd en de beheerder ziet deze toegang."
            ).format(message=errors.message_for(exc)),
        )
        if ok and reason.strip():
            self.make_case_summary(how, purpose=reason.strip())

    def make_pack(self, how: str) -> None:
        area = self.pack_area.currentData()
        if not area:
            self._refuse(self.tr("Kies een focusgebied."), self.pack_area)
            return
        walk = to_date(self.pack_date.date())

        def make(ctx: ServiceContext, out: Path) -> Path:
            return api.buurtschouw_pack(ctx, area, out, walk_date=walk)

        self._produce(how, f"buurtschouwpakket-{walk:%Y%m%d}", make)

    def make_management(self, how: str) -> None:
        period = self.period.code()
        area = self.management_area.currentData()

        def make(ctx: ServiceContext, out: Path) -> Path:
            return api.management_report(ctx, period, area, out)

        self._produce(how, f"managementrapportage-{period}", make)

    def _produce(
        self,
        how: str,
        stem: str,
        make: Maker,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        if how == SAVE:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Opslaan als"),
                str(Path.home() / f"{stem}.pdf"),
                self.tr("PDF-bestanden (*.pdf)"),
            )
            if not chosen:
                return
            target = Path(chosen)
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
        else:
            target = self.files.path_for(stem)
        self.status.setText(self.tr("Bezig met het document…"))
        self.run(
            lambda ctx: make(ctx, target),
            lambda path: self._deliver(how, path),
            on_failure or self._failed,
            progress=self.tr("Het document wordt gemaakt…"),
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Het document is niet gemaakt."))
        errors.show_error(self, exc)

    def _deliver(self, how: str, path: Path) -> None:
        self.last_path = path
        try:
            if how == OPEN:
                self.output.show(path, self)
                self.status.setText(self.tr("Geopend: {name}").format(name=path.name))
            elif how == PRINT:
                if self.output.print(path, self):
                    self.status.setText(
                        self.tr("Naar de printer gestuurd: {name}").format(name=path.name)
                    )
                else:
                    self.status.setText(self.tr("Afdrukken geannuleerd."))
            else:
                self.status.setText(self.tr("Opgeslagen: {path}").format(path=path))
        except Exception as exc:  # the viewer or printer: a plain message, the file stays
            self.status.setText(self.tr("Gemaakt, maar niet geopend: {path}").format(path=path))
            errors.show_error(self, exc)

    def _refuse(self, message: str, widget: QWidget) -> None:
        errors.show_error(self, ValidationError(message))
        widget.setFocus()

    def _print_focused(self) -> None:
        """Ctrl+P prints the document of the group that has the focus."""
        focus = self.focusWidget()
        for group, make in (
            (self.case_group, self.make_case_summary),
            (self.pack_group, self.make_pack),
            (self.management_group, self.make_management),
        ):
            if focus is not None and group.isAncestorOf(focus) and group.isVisible():
                make(PRINT)
                return
