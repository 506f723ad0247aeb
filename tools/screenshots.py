"""``make screenshots``: every page and the main dialogs, with demo data, as PNGs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots [--out docs/screenshots]

Makes a throw-away demo store in a temporary folder (``app.make_demo_store``, fictional data
only), opens the main window at 1366×768 and grabs each page and dialog to
``docs/screenshots/NN-name.png``. The clock is fixed so the pictures are reproducible.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from sociaalveilig.app import DEMO_USER, make_demo_store, wire_reminders  # noqa: E402
from sociaalveilig.core.enums import CaseStatus  # noqa: E402
from sociaalveilig.services.context import FixedClock  # noqa: E402

from sociaalveilig.ui import operations  # noqa: E402
from sociaalveilig.ui.i18n import install_translations  # noqa: E402
from sociaalveilig.ui.main_window import MainWindow  # noqa: E402
from sociaalveilig.ui.models.lazy import RowRole  # noqa: E402
from sociaalveilig.ui.settings import UiSettings  # noqa: E402

SIZE = (1366, 768)
# A Thursday morning: the week planner and "Vandaag" have something to show.
DEMO_NOW = datetime(2026, 11, 26, 9, 30)


def settle(app: QApplication, timeout: float = 60.0) -> None:
    """Process events until no operation is running and nothing new starts."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < 5:
        app.processEvents()
        if operations.active_operations() == 0:
            quiet += 1
        else:
            quiet = 0
        time.sleep(0.02)


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    """Paint (which asks lazy models for their rows), wait for them, paint again."""
    widget.grab()
    settle(app)
    widget.grab()
    settle(app)
    widget.grab().save(str(path), "PNG")
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--signals", type=int, default=400)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    app.setFont(QFont("DejaVu Sans", 9))
    QCoreApplication.setApplicationName("sociaalveilig-screenshots")
    install_translations(app)

    work = Path(tempfile.mkdtemp(prefix="sv-screenshots-"))
    clock = FixedClock(DEMO_NOW)
    print(f"Demo-opslag in {work} …")
    ctx = make_demo_store(work / "opslag", args.signals, clock=clock)
    settings = UiSettings(QSettings(str(work / "instellingen.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ctx, settings)
    wire_reminders(window, ctx)  # as app.py does: the reminders show in Vandaag
    window.resize(*SIZE)
    window.show()
    settle(app)

    shots: list[tuple[str, Callable[[], QWidget]]] = []
    for number, page in enumerate(window.pages, start=1):
        name = type(page).__name__.removesuffix("Page").lower()

        def show(page=page) -> QWidget:  # type: ignore[no-untyped-def]
            window.nav.setCurrentRow(window.pages.index(page))
            return window

        shots.append((f"{number:02d}-{name}", show))

    def case_view() -> QWidget:
        from sociaalveilig.ui.pages.cases import CasesPage

        cases_page = window.page("CasesPage")
        assert isinstance(cases_page, CasesPage)
        window.nav.setCurrentRow(window.pages.index(cases_page))
        settle(app)
        cases_page.model.index(0, 0).data()
        settle(app)
        rows = [
            cases_page.model.index(r, 0).data(RowRole)
            for r in range(min(40, cases_page.model.rowCount()))
        ]
        best = max((r for r in rows if r is not None), key=lambda r: r.signal_count)
        cases_page.open_case(best.case_id)
        return window

    shots.append(("20-casus", case_view))

    for name, prepare in shots:
        widget = prepare()
        settle(app)
        grab(app, widget, args.out / f"{name}.png")

    # ---- the case view's actions and a chosen meeting (tools/screenshot_extras.py)
    from tools import screenshot_extras

    screenshot_extras.case_actions(app, window, ctx, args.out, grab, settle)
    screenshot_extras.meeting_selected(app, window, args.out, grab, settle)

    # ---- dialogs
    # A new signal at the address of an open case: the dialog proposes that case.
    from sociaalveilig.services import cases, search

    from sociaalveilig.ui.first_start import FirstStartDialog
    from sociaalveilig.ui.intake_dialog import IntakeDialog
    from sociaalveilig.ui.status_change_dialog import StatusChangeDialog
    from sociaalveilig.ui.unlock_dialog import UnlockDialog

    open_case = cases.get_case(ctx, search.case_ids(ctx, search.CaseQuery(open_only=True))[0])
    intake = IntakeDialog(ctx, window)
    intake.show()
    settle(app)
    intake.source_combo.setCurrentIndex(intake.source_combo.findData("woningcorporatie"))
    intake.category_combo.setCurrentIndex(intake.category_combo.findData("WO-OVL"))
    intake.organisation_edit.setText("Woningcorporatie")
    intake.postcode_edit.setText(open_case.postcode)
    intake.house_number_edit.setText(str(open_case.house_number))
    intake.addition_edit.setText(open_case.addition or "")
    intake.street_edit.setText(open_case.street or "")
    intake.city_edit.setText(open_case.city or "")
    intake.description_edit.setPlainText(
        "Buren melden al weken geluidsoverlast in de nacht en afval in de achtertuin."
    )
    intake.persons_editor.add_row("Bewoner Voorbeeld", 1979, "bewoner")
    intake.request_preview()
    settle(app)
    grab(app, intake, args.out / "30-intake.png")
    intake.save()
    settle(app)
    grab(app, intake, args.out / "31-intake-opgeslagen.png")
    intake.accept()

    status = StatusChangeDialog(
        "C-2026-00012", CaseStatus.IN_BEHANDELING, CaseStatus.OPGESCHAALD, window
    )
    status.reason_edit.setPlainText(
        "Problemen op meerdere leefgebieden; samenwerking in de keten is nodig."
    )
    status.show()
    grab(app, status, args.out / "32-opschalen.png")
    status.reject()

    unlock = UnlockDialog(ctx.store.folder, DEMO_USER, clock, locked=True)
    unlock.show()
    grab(app, unlock, args.out / "33-ontgrendelen.png")
    unlock.passphrase_edit.setText("niet-het-goede-wachtwoord")
    unlock.unlock()
    settle(app)
    grab(app, unlock, args.out / "34-onjuist-wachtwoord.png")
    unlock.close()

    first = FirstStartDialog(work / "nieuwe-opslag")
    first.username_edit.setText("beheer")
    first.display_name_edit.setText("Functioneel beheer")
    first.passphrase_edit.setText("Paarse olifant danst om half acht")
    first.repeat_edit.setText("Paarse olifant danst om half acht")
    first.show()
    grab(app, first, args.out / "35-eerste-start.png")
    first.show_recovery_code("VOOR-BEEL-DCOD-E000-0000-0000-0000-0000")
    grab(app, first, args.out / "36-herstelcode.png")
    first.confirm_saved()
    centre_dialogs(app, work, args.out)

    # ---- the beheerder's audit log (object types in Dutch)
    from sociaalveilig.services.setup import context_for

    admin_settings = UiSettings(
        QSettings(str(work / "instellingen-audit.ini"), QSettings.Format.IniFormat)
    )
    admin_window = MainWindow(context_for(ctx.store, "beheer", clock), admin_settings)
    admin_window.resize(*SIZE)
    admin_window.show()
    admin_window.show_page("AuditPage")
    settle(app)
    grab(app, admin_window, args.out / "55-beheer-auditlog.png")
    # Not close(): closing a window locks its store, and the next windows share it.
    admin_window.hide()
    admin_window.deleteLater()

    # ---- Beheer as the demo beheerder, in a window of its own
    screenshot_extras.beheer(app, ctx, clock, work, args.out, grab, settle, SIZE)

    window.lock()
    settle(app)
    grab(app, window, args.out / "40-vergrendeld.png")
    return 0


def centre_dialogs(app: QApplication, work: Path, out: Path) -> None:
    """A desk on a centre: first start with "Server van het centrum" chosen, and the
    centre's sign-in. (The window on a centre needs a running server: its shots come from
    tests/ui/test_centre_journeys.py with SV_JOURNEY_SHOTS set.)"""
    from sociaalveilig.ui.centre_address import CentreAddress
    from sociaalveilig.ui.centre_sign_in import CentreSignInDialog
    from sociaalveilig.ui.first_start import FirstStartDialog

    address = CentreAddress("https://centrum.parkstad.example:8443")
    first = FirstStartDialog(work / "nieuwe-opslag-centrum")
    first.centre_choice.setChecked(True)
    first.centre_fields.url_edit.setText(address.url)
    first.show()
    grab(app, first, out / "37-eerste-start-centrum.png")
    first.close()
    sign_in = CentreSignInDialog(address, "a.jansen")
    sign_in.show()
    grab(app, sign_in, out / "38-aanmelden-centrum.png")
    sign_in.close()


if __name__ == "__main__":
    sys.exit(main())
