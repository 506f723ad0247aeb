"""Plan a (joint) home visit: case, partners, time, address and purpose."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from sociaalveilig.services import visits
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.visit_clashes import VisitClash
from sociaalveilig.services.visits import VisitAddress, VisitInput

from sociaalveilig.ui.case_picker import CaseFindButton, is_case_reference
from sociaalveilig.ui.check_list import CheckList
from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.clash_confirm import ClashQuestion, ask_about_clash
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.dutch import dutch, to_date, to_time

DEFAULT_LENGTH = timedelta(hours=1)


class PlanVisitDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        choices: Choices,
        start: datetime,
        parent: QWidget | None = None,
        case_reference: str = "",
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Huisbezoek plannen"))
        self.case = QLineEdit(self)
        self.case.setObjectName("visitCase")
        self.case.setPlaceholderText(self.tr("referentie, adres of naam (F4: zoeken)"))
        self.case.setText(case_reference)
        self.case_find = CaseFindButton(
            self.case, lambda: self.ctx, self, open_only=True, title=self.tr("Casus kiezen")
        )
        self.case_find.refresh()
        case_box = QWidget(self)
        case_row = QHBoxLayout(case_box)
        case_row.setContentsMargins(0, 0, 0, 0)
        case_row.addWidget(self.case, 1)
        case_row.addWidget(self.case_find)

        self.date = QDateEdit(self)
        self.date.setObjectName("visitDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd dd-MM-yyyy")
        self.date.setDate(QDate(start.year, start.month, start.day))
        dutch(self.date)
        self.start = QTimeEdit(self)
        self.start.setObjectName("visitStart")
        self.start.setDisplayFormat("HH:mm")
        self.start.setTime(QTime(start.hour, start.minute))
        end = start + DEFAULT_LENGTH
        self.end = QTimeEdit(self)
        self.end.setObjectName("visitEnd")
        self.end.setDisplayFormat("HH:mm")
        self.end.setTime(QTime(end.hour, end.minute))

        self.partners = CheckList(self)
        self.partners.setObjectName("visitPartners")
        self.partners.set_items([(p.partner_id, p.name) for p in choices.partners])
        self.joint = QCheckBox(self.tr("Gezamenlijk huisbezoek (twee of meer partners)"), self)
        self.joint.setObjectName("visitJoint")
        self.partners.changed.connect(self._partners_changed)

        address = self._build_address()
        self.purpose = QPlainTextEdit(self)
        self.purpose.setObjectName("visitPurpose")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMaximumHeight(70)

        self.add_row(self.tr("&Casus:"), case_box)
        self.register_field("case_id", self.case)
        self.add_row(self.tr("&Datum:"), self.date, "date")
        self.add_row(self.tr("&Van:"), self.start, "start")
        self.add_row(self.tr("&Tot:"), self.end, "end")
        self.add_row(self.tr("&Partners:"), self.partners, "partner_ids")
        self.add_row("", self.joint, "joint")
        self.add_row(self.tr("&Adres:"), address, "address")
        self.register_field("address", self.postcode)
        self.add_row(self.tr("D&oel:"), self.purpose, "purpose")
        note = QLabel(
            self.tr("Noteer geen namen of gezondheidsgegevens in het doel; die staan in de casus."),
            self,
        )
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.resize(560, self.sizeHint().height())
        self.clash_question: ClashQuestion | None = None
        self._submitted: VisitInput | None = None

    def _build_address(self) -> QWidget:
        """The case's address, or another one typed (postcode, number, street, place)."""
        self.case_address = QCheckBox(self.tr("Het adres van de casus"), self)
        self.case_address.setObjectName("visitCaseAddress")
        self.case_address.setChecked(True)
        self.postcode = QLineEdit(self)
        self.postcode.setObjectName("visitPostcode")
        self.postcode.setPlaceholderText(self.tr("1234 AB"))
        self.postcode.setMaxLength(7)
        self.house_number = QSpinBox(self)
        self.house_number.setObjectName("visitHouseNumber")
        self.house_number.setRange(0, 99999)
        self.house_number.setSpecialValueText(self.tr("nr."))
        self.addition = QLineEdit(self)
        self.addition.setObjectName("visitAddition")
        self.addition.setMaxLength(10)
        self.addition.setPlaceholderText(self.tr("toev."))
        self.street = QLineEdit(self)
        self.street.setObjectName("visitStreet")
        self.street.setPlaceholderText(self.tr("straat"))
        self.city = QLineEdit(self)
        self.city.setObjectName("visitCity")
        self.city.setPlaceholderText(self.tr("plaats"))
        address = QWidget(self)
        grid = QGridLayout(address)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.case_address, 0, 0, 1, 3)
        grid.addWidget(self.postcode, 1, 0)
        grid.addWidget(self.house_number, 1, 1)
        grid.addWidget(self.addition, 1, 2)
        grid.addWidget(self.street, 2, 0, 1, 2)
        grid.addWidget(self.city, 2, 2)
        self.case_address.toggled.connect(self._address_mode)
        self._address_mode(True)
        return address

    def _partners_changed(self) -> None:
        if len(self.partners.checked()) >= 2:
            self.joint.setChecked(True)

    def _address_mode(self, use_case_address: bool) -> None:
        for widget in (self.postcode, self.house_number, self.addition, self.street, self.city):
            widget.setEnabled(not use_case_address)

    def visit_input(self) -> VisitInput:
        day = to_date(self.date.date())
        address = None
        if not self.case_address.isChecked():
            address = VisitAddress(
                postcode=self.postcode.text(),
                house_number=self.house_number.value(),
                addition=self.addition.text() or None,
                street=self.street.text() or None,
                city=self.city.text() or None,
            )
        return VisitInput(
            case_id=self.case.text().strip(),
            partner_ids=tuple(self.partners.checked()),
            start=datetime.combine(day, to_time(self.start.time())),
            end=datetime.combine(day, to_time(self.end.time())),
            purpose=self.purpose.toPlainText(),
            address=address,
            joint=self.joint.isChecked(),
        )

    def on_save(self) -> None:
        if not self.case.text().strip():
            self.refuse(
                self.tr("Kies de casus waarvoor het huisbezoek is (F4: zoeken)."), "case_id"
            )
            return
        if not is_case_reference(self.case.text()) and self.case_find.may_pick():
            # An address or a name was typed: choose the case it means first.
            self.case_find.open_picker()
            return
        inp = self.visit_input()
        self._submitted = inp
        self.submit(lambda ctx: visits.plan_visit(ctx, inp))

    def refused(self, exc: BaseException) -> None:
        if not isinstance(exc, VisitClash):
            super().refused(exc)
            return
        # A double booking: ask; the form stays as typed when the user goes back.
        self._busy = False
        self.buttons.setEnabled(True)
        self.last_error = exc
        # Confirm what was checked, not what may have been typed since.
        inp = self._submitted if self._submitted is not None else self.visit_input()
        self.clash_question = ask_about_clash(
            self,
            exc,
            lambda: self.submit(lambda ctx: visits.plan_visit(ctx, inp, confirm_clash=True)),
        )
