"""Export home visits and meetings to a calendar file (.ics) from the window.

One visit or one meeting from its screen ("Exporteren naar agenda (.ics)…"), or the user's
own visits and meetings ("Mijn agenda exporteren…"). The user picks where the file goes
(the proposed name from ``calendar_export.default_filename``); the service writes it off
the GUI thread and logs the export. The appointments carry the case reference, area and
kind of visit or meeting, never residents' names: the message after saving says so, since
the file usually ends up in a mail server's calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sociaalveilig.services import calendar_export
from sociaalveilig.services.calendar_export import CalendarExport
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.pages.base import Page

ICS_SUFFIX = ".ics"
KIND_VISIT = "huisbezoek"
KIND_MEETING = "overleg"
KIND_CALENDAR = "agenda"

ExportCall = Callable[[ServiceContext, Path], CalendarExport]


def _t(text: str) -> str:
    return QCoreApplication.translate("calendar_export", text)


def default_name(kind: str, day: date) -> str:
    """``sociaalveilig-huisbezoek-2026-11-26.ics`` and the like."""
    return calendar_export.default_filename(kind, day)


def with_ics_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ICS_SUFFIX else path.with_name(path.name + ICS_SUFFIX)


def ask_ics_path(parent: QWidget, title: str, proposed: str) -> Path | None:
    """A save dialog for an .ics file; None when the user cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path.home() / proposed),
        _t("Agenda-bestanden (*.ics);;Alle bestanden (*)"),
    )
    return with_ics_suffix(Path(chosen)) if chosen else None


def exported_message(result: CalendarExport) -> str:
    if result.events == 0:
        return _t(
            "Er stonden geen huisbezoeken of overleggen in de periode; het bestand {path} is leeg."
        ).format(path=result.path)
    return _t(
        "{n} afspraak/afspraken opgeslagen in {path}. Open het bestand met Outlook of een "
        "ander agendaprogramma. De afspraken noemen het casusnummer, het gebied en het soort "
        "bezoek of overleg, geen namen van bewoners."
    ).format(n=result.events, path=result.path)


def show_exported(parent: QWidget, result: CalendarExport) -> QMessageBox:
    """A plain, non-blocking confirmation (``calendarExported``)."""
    box = QMessageBox(parent)
    box.setObjectName("calendarExported")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_t("Agenda-export"))
    box.setText(exported_message(result))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def export_to_calendar(
    page: Page,
    call: ExportCall,
    proposed: str,
    out: Path | None = None,
    on_done: Callable[[CalendarExport], None] | None = None,
) -> bool:
    """Ask where (unless ``out`` is given), then run ``call(ctx, path)`` off the GUI thread
    for ``page``; a confirmation or a plain Dutch error follows. False when cancelled."""
    if page.ctx is None:
        return False
    target = (
        with_ics_suffix(out)
        if out is not None
        else ask_ics_path(page, _t("Opslaan als agenda-bestand"), proposed)
    )
    if target is None:
        return False
    path = target

    def done(result: CalendarExport) -> None:
        if on_done is not None:
            on_done(result)
        show_exported(page, result)

    page.run(
        lambda ctx: call(ctx, path),
        done,
        progress=_t("Het agenda-bestand wordt gemaakt…"),
    )
    return True


def export_my_calendar(
    page: Page,
    out: Path | None = None,
    on_done: Callable[[CalendarExport], None] | None = None,
) -> bool:
    """The user's own visits and meetings as one .ics file (both planning pages)."""
    if page.ctx is None:
        return False
    return export_to_calendar(
        page,
        calendar_export.export_calendar,
        default_name(KIND_CALENDAR, page.ctx.clock.now().date()),
        out,
        on_done,
    )
