"""The one place where store, services, scheduler and window are wired together.

``sociaalveilig [--store DIR | --server URL [--ca PEM]] [--demo] [--self-test]``: opens the
store (first start creates it, or chooses a centre), asks the user to sign in and shows the
main window. ``--server`` opens the window on a centre's sign-in straight away. ``--demo``
makes a throw-away store in a temporary folder, fills it with clearly fictional data and
opens it signed in.
``--self-test`` checks an installation the same way and exits (ui/self_test.py).
"""

from __future__ import annotations

import argparse
import atexit
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog

from sociaalveilig.core.errors import SociaalVeiligError, UsageError
from sociaalveilig.services.context import Clock, ServiceContext
from sociaalveilig.storage.sqlite.store import store_exists

from sociaalveilig.ui.app_icon import apply_identity
from sociaalveilig.ui.centre_address import CentreAddress, address_problem, certificate_problem
from sociaalveilig.ui.collector import GuiThreadCollector
from sociaalveilig.ui.i18n import install_translations
from sociaalveilig.ui.settings import APPLICATION, ORGANISATION, UiSettings

if TYPE_CHECKING:
    # Imported when the window opens: the sign-in screen shows sooner without the pages.
    from sociaalveilig.ui.main_window import MainWindow

log = logging.getLogger("sociaalveilig")

DEMO_USER = "demo"
DEMO_DISPLAY_NAME = "Demo Coördinator"
DEMO_PASSPHRASE = "demo-wachtwoord-parkstad"
"""The demo store's passphrase (fictional data only; shown in the demo window)."""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="sociaalveilig",
        description=QCoreApplication.translate(
            "app", "Sociaal Veilig Parkstad: signalen verbinden, casussen volgen."
        ),
    )
    parser.add_argument(
        "--store",
        metavar="MAP",
        type=Path,
        help=QCoreApplication.translate("app", "map van de opslag (standaard: gebruikersmap)"),
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        help=QCoreApplication.translate(
            "app",
            "werk op de server van het centrum (https://…, of http://127.0.0.1:… om te proberen)",
        ),
    )
    parser.add_argument(
        "--ca",
        metavar="PEM",
        type=Path,
        help=QCoreApplication.translate(
            "app", "certificaat om te vertrouwen, waar het centrum een eigen certificaat gebruikt"
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=QCoreApplication.translate(
            "app", "open een tijdelijke opslag met verzonnen gegevens (wordt na afloop gewist)"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=QCoreApplication.translate(
            "app", "controleer de installatie met een tijdelijke opslag en stop (0: in orde)"
        ),
    )
    parser.add_argument("--signals", type=int, default=500, help=argparse.SUPPRESS)
    # Prints when the first sign-in dialog is shown, then quits (bench/package.py).
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv) if argv is not None else None)


def default_store_dir() -> Path:
    from sociaalveilig.storage.location import default_store_dir as location_default

    return location_default()


def make_demo_store(folder: Path, signals: int = 500, clock: Clock | None = None) -> ServiceContext:
    """A new store in ``folder`` with fictional data, signed in as a demo coordinator.

    The beheerder ``beheer`` and the coordinator ``demo`` share the demo passphrase."""
    from sociaalveilig import demo
    from sociaalveilig.services import setup, users

    admin, _recovery_code = setup.create_store(
        folder, "beheer", DEMO_PASSPHRASE, "Demo Beheerder", clock
    )
    try:
        users.add_user(
            admin, DEMO_USER, "coordinator", DEMO_PASSPHRASE, display_name=DEMO_DISPLAY_NAME
        )
    finally:
        setup.lock(admin)
    ctx = setup.login(folder, DEMO_USER, DEMO_PASSPHRASE, clock)
    demo.fill_demo(ctx, signals)
    return ctx


def sign_in(
    folder: Path,
    settings: UiSettings,
    centre: CentreAddress | None = None,
    *,
    this_computer: bool = False,
) -> tuple[ServiceContext, CentreAddress | None] | None:
    """First start, the unlock dialog or a centre's sign-in; None when the user quits.

    ``centre`` (from ``--server``) or the remembered centre leads to the centre's sign-in;
    from there "Andere verbinding…" may lead to this computer's store or another centre,
    and first start may choose a centre instead of making a store. ``this_computer``
    (``--store DIR`` given): the store in ``folder``, not the remembered centre."""
    from sociaalveilig.ui.connection_dialog import ConnectionDialog

    address = centre if centre is not None or this_computer else settings.centre()
    while True:
        if address is not None:
            outcome = _sign_in_centre(address, settings)
            if isinstance(outcome, tuple):
                return outcome
            if not outcome:
                return None
            choice = ConnectionDialog(folder, address)
            if choice.exec() != QDialog.DialogCode.Accepted:
                return None
            address = choice.centre
            settings.set_centre(address)
            continue
        local = _sign_in_local(folder, settings)
        if isinstance(local, CentreAddress):
            address = local
            continue
        return (local, None) if local is not None else None


def _sign_in_centre(
    address: CentreAddress, settings: UiSettings
) -> tuple[ServiceContext, CentreAddress] | bool:
    """The centre's sign-in: the context, True for "another connection", False to quit."""
    from sociaalveilig.ui.centre_sign_in import CentreSignInDialog

    dialog = CentreSignInDialog(address, settings.last_user())
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.context is not None:
        settings.set_centre(address)
        settings.set_last_user(dialog.context.actor.username)
        return dialog.context, address
    return dialog.switch_chosen


def _sign_in_local(folder: Path, settings: UiSettings) -> ServiceContext | CentreAddress | None:
    from sociaalveilig.ui.first_start import FirstStartDialog
    from sociaalveilig.ui.unlock_dialog import UnlockDialog

    if not store_exists(folder):
        first = FirstStartDialog(folder)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
        if first.centre is not None:
            return first.centre
        if first.context is None:
            return None
        settings.set_centre(None)
        settings.set_last_store(str(first.folder))
        settings.set_last_user(first.context.actor.username)
        return first.context
    dialog = UnlockDialog(folder, settings.last_user(), allow_switch=True)
    dialog.store_restored.connect(settings.set_last_store)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.context is None:
        return _other_connection(folder, settings) if dialog.switch_chosen else None
    settings.set_last_store(str(dialog.folder))
    settings.set_last_user(dialog.context.actor.username)
    return dialog.context


def _other_connection(folder: Path, settings: UiSettings) -> ServiceContext | CentreAddress | None:
    """From this computer's sign-in to a centre (the only other connection there is)."""
    from sociaalveilig.ui.connection_dialog import ConnectionDialog

    choice = ConnectionDialog(folder, settings.remembered_centre())
    choice.centre_choice.setChecked(True)
    if choice.exec() != QDialog.DialogCode.Accepted:
        return None
    if choice.centre is None:
        return _sign_in_local(folder, settings)
    return choice.centre


def centre_from_args(args: argparse.Namespace) -> CentreAddress | None:
    """``--server URL [--ca PEM]`` as an address; UsageError (one Dutch line) when wrong."""

    if args.server is None:
        if args.ca is not None:
            raise UsageError(
                QCoreApplication.translate("app", "--ca hoort bij --server URL; geef die ook op.")
            )
        return None
    problem = address_problem(args.server) or certificate_problem(args.ca)
    if problem is not None:
        raise UsageError(problem)
    return CentreAddress(args.server.strip().rstrip("/"), args.ca)


def wire_reminders(window: MainWindow, ctx: ServiceContext) -> None:
    """HOOK (issue 5, reminder scheduler): build the scheduler here.

    The scheduler is rebuilt from the store's rows at unlock and removed on lock:
    connect ``window.unlocked`` (carries the new ServiceContext) and ``window.locked``.
    Jobs only emit Qt signals; the window reacts (tray notification without case content,
    the Vandaag page through its ``set_reminder_center``).
    """
    from sociaalveilig.ui.scheduler import install_reminders

    install_reminders(window, ctx)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # Reference cycles are collected on this thread only (ui/collector.py).
    GuiThreadCollector(app)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    apply_identity(app)  # icon, display name (Qt appends it to titles), desktop id
    install_translations(app, UiSettings().language())  # the choice in Instellingen › Taal
    args = parse_args(argv)
    try:
        centre = centre_from_args(args)
    except SociaalVeiligError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    if args.self_test:
        from sociaalveilig.ui.self_test import run_self_test

        return run_self_test(lambda folder: make_demo_store(folder, signals=40), open_window)
    if args.startup_probe:
        from sociaalveilig.ui.startup_probe import StartupProbe

        StartupProbe(app)

    if args.demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="sociaalveilig-demo-"))
        atexit.register(shutil.rmtree, demo_dir, True)
        # The demo remembers nothing in the real user settings.
        settings = UiSettings(
            QSettings(str(demo_dir / "instellingen.ini"), QSettings.Format.IniFormat)
        )
        ctx = make_demo_store(demo_dir / "opslag", args.signals)
        print(  # the demo user needs the passphrase to unlock after Ctrl+L
            QCoreApplication.translate(
                "app", "Demo-opslag in {folder}; gebruiker {user}, wachtwoord {passphrase}"
            ).format(folder=demo_dir, user=DEMO_USER, passphrase=DEMO_PASSPHRASE)
        )
    else:
        settings = UiSettings()
        last = settings.last_store()
        folder = args.store or (Path(last) if last else default_store_dir())
        signed_in = sign_in(folder, settings, centre, this_computer=args.store is not None)
        if signed_in is None:
            return 0
        ctx, centre = signed_in

    window = open_window(ctx, settings, centre)
    window.show()
    return app.exec()


def open_window(
    ctx: ServiceContext, settings: UiSettings, centre: CentreAddress | None = None
) -> MainWindow:
    from sociaalveilig.ui.main_window import MainWindow

    window = MainWindow(ctx, settings, centre=centre)
    wire_reminders(window, ctx)
    return window


if __name__ == "__main__":
    sys.exit(main())
