"""More screenshots for ``make screenshots``: the case view's actions and Beheer.

Called by ``tools/screenshots.py`` after the page shots, on the same demo store:

- the case view of a case for which the program proposes escalation (advice in the header),
  and its dialogs: add a person involved, choose the casusregisseur, the ZVH criteria;
- a meeting selected on the Overleggen page (agenda, documents, calendar export);
- Beheer as the demo beheerder: Gebruikers (one user without access), Partners, Back-up
  (with the warning of a failed automatic backup), and the change-role and
  give-access-again dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from sociaalveilig.app import DEMO_PASSPHRASE
from sociaalveilig.core.enums import Role
from sociaalveilig.services import autobackup, cases, search, users
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.setup import context_for

from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.settings import UiSettings

Grab = Callable[[QApplication, QWidget, Path], None]
Settle = Callable[[QApplication], None]


def _case_with_advice(ctx: ServiceContext) -> str:
    """The open case with the most signals for which the program proposes escalation."""
    best: tuple[int, str] | None = None
    for case_id in search.case_ids(ctx, search.CaseQuery(open_only=True)):
        if not cases.escalation_advice(ctx, case_id).propose:
            continue
        count = cases.get_case(ctx, case_id).signal_count
        if best is None or count > best[0]:
            best = (count, case_id)
    if best is None:
        raise SystemExit("De demo-opslag heeft geen casus met een opschalingsvoorstel.")
    return best[1]


def _close(dialog: QDialog) -> None:
    dialog.reject()


def case_actions(
    app: QApplication,
    window: MainWindow,
    ctx: ServiceContext,
    out: Path,
    grab: Grab,
    settle: Settle,
) -> None:
    from sociaalveilig.ui.dialogs.lead_partner import LeadPartnerDialog
    from sociaalveilig.ui.pages.cases import CasesPage

    page = window.page("CasesPage")
    assert isinstance(page, CasesPage)
    window.nav.setCurrentRow(window.pages.index(page))
    settle(app)
    page.open_case(_case_with_advice(ctx))
    settle(app)
    grab(app, window, out / "21-casus-opschalingsvoorstel.png")
    view = page.case_view

    person = view.add_person()
    assert person is not None
    person.name.setText("Sam Verzonnen")
    person.birth_year.setText("2009")
    person.role.setCurrentText("kind")
    grab(app, person, out / "22-betrokkene-toevoegen.png")
    _close(person)

    view.choose_lead_partner()
    settle(app)
    lead = view.last_dialog
    assert isinstance(lead, LeadPartnerDialog)
    lead.partner.setCurrentIndex(max(0, lead.partner.findText("Woningcorporatie")))
    grab(app, lead, out / "23-casusregisseur.png")
    _close(lead)

    zvh = view.show_zvh_criteria()
    assert zvh is not None
    settle(app)
    grab(app, zvh, out / "24-zvh-criteria.png")
    zvh.reject()
    page.show_list()
    settle(app)


def meeting_selected(
    app: QApplication, window: MainWindow, out: Path, grab: Grab, settle: Settle
) -> None:
    from sociaalveilig.ui.pages.meetings import MeetingsPage

    page = window.page("MeetingsPage")
    assert isinstance(page, MeetingsPage)
    window.nav.setCurrentRow(window.pages.index(page))
    settle(app)
    rows = page.model.rows
    upcoming = [m for m in rows if m.starts_at >= page.ctx.clock.now()] if page.ctx else []
    chosen = (upcoming or rows)[0]
    page.view.select_row(page.model.row_of(chosen.meeting_id))
    settle(app)
    grab(app, window, out / "25-overleg-gekozen.png")


def beheer(
    app: QApplication,
    ctx: ServiceContext,
    clock: FixedClock,
    work: Path,
    out: Path,
    grab: Grab,
    settle: Settle,
    size: tuple[int, int],
) -> None:
    """Beheer as the demo beheerder, in a window of its own on the same store."""
    from sociaalveilig.ui.pages.admin import AdminPage

    admin = context_for(ctx.store, "beheer", clock)
    users.add_user(
        admin,
        "wijkagent.nuth",
        Role.WIJKAGENT.value,
        DEMO_PASSPHRASE,
        display_name="Wijkagent Nuth (demo)",
        areas=["Nuth", "Schinveld"],
    )
    users.add_user(
        admin,
        "corporatie",
        Role.PARTNER.value,
        DEMO_PASSPHRASE,
        display_name="Medewerker corporatie (demo)",
        partner="Woningcorporatie",
    )
    users.deactivate_user(admin, "corporatie")
    # An automatic backup that worked once, then failed: the disk was unplugged.
    folder = work / "usb-back-up"
    folder.mkdir()
    autobackup.configure(admin, folder, 7)
    autobackup.run_backup(admin, force=True)
    folder.joinpath(next(p.name for p in folder.iterdir())).unlink()
    folder.rmdir()
    clock.advance(timedelta(days=1))
    autobackup.run_backup(admin, force=True)

    settings = UiSettings(QSettings(str(work / "beheer.ini"), QSettings.Format.IniFormat))
    window = MainWindow(admin, settings)
    window.resize(*size)
    window.show()
    settle(app)
    page = window.page("AdminPage")
    assert isinstance(page, AdminPage)
    window.nav.setCurrentRow(window.pages.index(page))
    settle(app)
    panel = page.users
    panel.view.select_row(next(i for i, u in enumerate(panel.model.rows) if not u.active))
    grab(app, window, out / "50-beheer-gebruikers.png")

    panel.view.select_row(
        next(i for i, u in enumerate(panel.model.rows) if u.username == "wijkagent.nuth")
    )
    role = panel.change_role()
    assert role is not None
    grab(app, role, out / "51-rol-wijzigen.png")
    _close(role)
    panel.view.select_row(next(i for i, u in enumerate(panel.model.rows) if not u.active))
    again = panel.reactivate()
    assert again is not None
    again.passphrase.setText("Paarse olifant danst om half acht")
    again.repeat.setText("Paarse olifant danst om half acht")
    grab(app, again, out / "52-toegang-herstellen.png")
    _close(again)

    page.tabs.setCurrentWidget(page.partners)
    settle(app)
    grab(app, window, out / "53-beheer-partners.png")
    page.tabs.setCurrentWidget(page.backup)
    settle(app)
    grab(app, window, out / "54-beheer-back-up.png")
    window.close()
