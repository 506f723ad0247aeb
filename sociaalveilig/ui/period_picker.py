"""Choose a reporting period: a quarter, a month or a year (codes 2026Q3, 2026-07, 2026)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

KIND_QUARTER = "quarter"
KIND_MONTH = "month"
KIND_YEAR = "year"


class PeriodPicker(QWidget):
    changed = Signal(str)  # the period code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.kind.setObjectName("periodKind")
        self.kind.setAccessibleName(self.tr("Soort periode"))
        self.kind.addItem(self.tr("Kwartaal"), KIND_QUARTER)
        self.kind.addItem(self.tr("Maand"), KIND_MONTH)
        self.kind.addItem(self.tr("Jaar"), KIND_YEAR)
        self.year = QSpinBox(self)
        self.year.setObjectName("periodYear")
        self.year.setAccessibleName(self.tr("Jaar"))
        self.year.setRange(2000, 2100)
        self.part = QComboBox(self)
        self.part.setObjectName("periodPart")
        self.part.setAccessibleName(self.tr("Kwartaal of maand"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.year)
        layout.addWidget(self.part, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(lambda _v: self.changed.emit(self.code()))
        self.part.currentIndexChanged.connect(lambda _i: self.changed.emit(self.code()))
        self.set_last_complete_quarter(date.today())

    def _fill_parts(self) -> None:
        kind = self.kind.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        if kind == KIND_QUARTER:
            for quarter in range(1, 5):
                self.part.addItem(self.tr("{n}e kwartaal").format(n=quarter), quarter)
        elif kind == KIND_MONTH:
            locale = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
            for month in range(1, 13):
                self.part.addItem(locale.standaloneMonthName(month), month)
        self.part.setEnabled(kind != KIND_YEAR)
        self.part.blockSignals(False)

    def _kind_changed(self) -> None:
        self._fill_parts()
        self.changed.emit(self.code())

    def set_last_complete_quarter(self, today: date) -> None:
        """Default: the last quarter that has ended (what managers usually report on)."""
        quarter = (today.month - 1) // 3  # the current quarter is 1-based quarter + 1
        year = today.year
        if quarter == 0:
            quarter, year = 4, year - 1
        self.set_period(KIND_QUARTER, year, quarter)

    def set_period(self, kind: str, year: int, part: int | None = None) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        self._fill_parts()
        self.year.setValue(year)
        if part is not None:
            self.part.setCurrentIndex(max(0, self.part.findData(part)))
        self.changed.emit(self.code())

    def code(self) -> str:
        kind = self.kind.currentData()
        year = self.year.value()
        part = self.part.currentData()
        if kind == KIND_QUARTER:
            return f"{year}Q{part}"
        if kind == KIND_MONTH:
            return f"{year}-{int(part):02d}"
        return str(year)
