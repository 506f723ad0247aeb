"""Calendar export from the window: one visit or meeting from its screen, and "Mijn agenda"
for the user's own visits and meetings. The files parse with the icalendar library and
carry no resident names."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.services import meeting_planning, visits
from sociaalveilig.services.visits import VisitInput
from tests.services.seed_casework import KERKRADE, make_case, partner_id
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.calendar_export import default_name, exported_message, with_ics_suffix
from sociaalveilig.ui.pages.meetings import MeetingsPage
from sociaalveilig.ui.pages.visits import VisitsPage

RESIDENT = "Verzonnen Bewonersnaam"
POLICE = "Politie Limburg"
HOUSING = "Woningcorporatie"


def _boxes(name: str) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]


def _close(name: str) -> None:
    for box in _boxes(name):
        box.close()


def _events(path: Path) -> list:  # type: ignore[type-arg]
    calendar = Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk("VEVENT")]


def _visit(ctx, case_id: str, start: datetime) -> visits.VisitRow:
    return visits.plan_visit(
        ctx,
        VisitInput(
            case_id=case_id,
            partner_ids=(partner_id(ctx, POLICE), partner_id(ctx, HOUSING)),
            start=start,
            end=start + timedelta(hours=1),
            purpose=f"Zorgen om {RESIDENT} bespreken",
            joint=True,
        ),
    )


def _meeting(ctx, starts_at: datetime) -> meeting_planning.MeetingInfo:
    return meeting_planning.plan_meeting(
        ctx,
        KERKRADE,
        MeetingType.FL,
        starts_at,
        "Coördinatiecentrum Hoensbroek",
        [partner_id(ctx, POLICE), partner_id(ctx, HOUSING)],
    )


def test_one_visit_and_my_calendar_from_the_visits_page(
    qtbot, coordinator_ctx, tmp_path, wait_idle
):
    case_id = make_case(coordinator_ctx, persons=((RESIDENT, 1980),))
    visit = _visit(coordinator_ctx, case_id, datetime(2026, 4, 16, 14, 0))
    _visit(coordinator_ctx, case_id, datetime(2026, 4, 23, 9, 0))
    _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    page = VisitsPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    assert not page.export_button.isEnabled()  # nothing selected
    assert page.my_calendar_button.isVisible()
    page.select_visit_at(*page.model.position_of(visit.visit_id))
    assert page.export_button.isEnabled()

    assert page.export_visit(tmp_path / "bezoek")  # typed without .ics
    wait_idle()
    out = tmp_path / "bezoek.ics"
    events = _events(out)
    assert len(events) == 1
    assert str(events[0]["uid"]).startswith(f"visit-{visit.visit_id}")
    assert RESIDENT not in out.read_text(encoding="utf-8")
    assert page.last_export is not None and page.last_export.path == out
    assert _boxes("calendarExported") and "1 afspraak" in _boxes("calendarExported")[0].text()
    _close("calendarExported")

    assert page.export_my_calendar(tmp_path / "mijn-agenda.ics")
    wait_idle()
    mine = _events(tmp_path / "mijn-agenda.ics")
    kinds = sorted(str(e["uid"]).split("-")[0] for e in mine)
    assert kinds == ["meeting", "visit", "visit"]
    assert RESIDENT not in (tmp_path / "mijn-agenda.ics").read_text(encoding="utf-8")
    _close("calendarExported")


def test_one_meeting_from_the_meetings_page_and_a_refused_folder(
    qtbot, coordinator_ctx, tmp_path, wait_idle
):
    info = _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    page = MeetingsPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    assert not page.export_button.isEnabled()
    page.view.select_row(page.model.row_of(info.meeting_id))
    wait_idle()
    assert page.export_button.isEnabled()
    assert page.export_meeting(tmp_path / "overleg.ics")
    wait_idle()
    events = _events(tmp_path / "overleg.ics")
    assert [str(e["uid"]).split("@")[0] for e in events] == [f"meeting-{info.meeting_id}"]
    assert "Kerkrade Oost" in str(events[0]["summary"])
    _close("calendarExported")

    # A folder that does not exist: a plain Dutch error, no file.
    assert page.export_meeting(tmp_path / "bestaat-niet" / "overleg.ics")
    wait_idle()
    qtbot.waitUntil(lambda: bool(_boxes("errorDialog")))
    assert not (tmp_path / "bestaat-niet").exists()
    _close("errorDialog")


def test_partner_exports_only_its_own_appointments(
    qtbot, coordinator_ctx, make_actor, tmp_path, wait_idle
):
    case_id = make_case(coordinator_ctx)
    _visit(coordinator_ctx, case_id, datetime(2026, 4, 16, 14, 0))
    visits.plan_visit(
        coordinator_ctx,
        VisitInput(
            case_id=case_id,
            partner_ids=(partner_id(coordinator_ctx, POLICE),),
            start=datetime(2026, 4, 17, 10, 0),
            end=datetime(2026, 4, 17, 11, 0),
            purpose="Alleen de politie",
            joint=False,
        ),
    )
    housing = make_actor(Role.PARTNER, partner=HOUSING)
    page = VisitsPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(housing)
    wait_idle()
    assert page.export_my_calendar(tmp_path / "corporatie.ics")
    wait_idle()
    assert len(_events(tmp_path / "corporatie.ics")) == 1
    _close("calendarExported")


def test_names_and_messages() -> None:
    assert (
        default_name("huisbezoek", date(2026, 11, 26)) == "sociaalveilig-huisbezoek-2026-11-26.ics"
    )
    assert with_ics_suffix(Path("/a/b")) == Path("/a/b.ics")
    assert with_ics_suffix(Path("/a/b.ICS")) == Path("/a/b.ICS")
    from sociaalveilig.services.calendar_export import CalendarExport

    assert "leeg" in exported_message(CalendarExport(Path("/a/b.ics"), 0, 0, 0))
