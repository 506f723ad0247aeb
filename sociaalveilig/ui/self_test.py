"""``sociaalveilig --self-test``: does this installation work, without touching real data?

Made for a packaged program (PyInstaller folder, an MSI on a managed desk): it creates a
throw-away store with fictional data in a temporary folder, signs in, opens the main window
until its first page has loaded (with the program's icon), prints one report to PDF, closes
everything and removes the folder. Each step exercises what a package can lack (SQLCipher,
Argon2id from cryptography, the Alembic migrations, the Qt platform plugin, the resources,
reportlab's fonts). A failure prints one Dutch line saying which step failed; the exit code
is then 1.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.operations import active_operations
from sociaalveilig.ui.settings import UiSettings

log = logging.getLogger(__name__)

WINDOW_TIMEOUT_MS = 60_000
"""How long the first page may take to load before the self-test gives up."""


class SelfTestFailed(Exception):
    """A step did not work; ``str()`` is the Dutch line for the user."""


def _t(text: str) -> str:
    return QCoreApplication.translate("self_test", text)


def wait_until(condition: Callable[[], bool], timeout_ms: int) -> bool:
    """Run the event loop until ``condition()`` holds or the time is up."""
    if condition():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start(timeout_ms)
    loop.exec()
    poll.stop()
    deadline.stop()
    return condition()


def _error_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def run_self_test(
    make_store: Callable[[Path], ServiceContext],
    open_window: Callable[[ServiceContext, UiSettings], QMainWindow],
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """0 when every step worked; otherwise 1 and one Dutch line on ``err``.

    ``make_store(folder)`` creates a store with fictional data and returns a signed-in
    context; ``open_window(ctx, settings)`` builds the main window as the program does."""
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="sociaalveilig-zelftest-"))
    ctx: ServiceContext | None = None
    window: QMainWindow | None = None
    step = _t("de tijdelijke opslag maken")
    try:
        ctx = make_store(folder / "opslag")
        step = _t("het hoofdvenster openen")
        settings = UiSettings(
            QSettings(str(folder / "instellingen.ini"), QSettings.Format.IniFormat)
        )
        window = open_window(ctx, settings)
        window.show()
        # The first page starts loading when it is shown; give that one event loop turn.
        QCoreApplication.processEvents()
        if not wait_until(lambda: active_operations() == 0, WINDOW_TIMEOUT_MS):
            raise SelfTestFailed(_t("De eerste pagina laadde niet binnen een minuut."))
        if _error_dialogs():
            raise SelfTestFailed(_t("De eerste pagina gaf een foutmelding."))
        if window.windowIcon().isNull():
            # The resources (icon, desktop entry) did not make it into the package.
            raise SelfTestFailed(_t("Het programma-icoon ontbreekt."))
        step = _t("een rapport als PDF maken")
        from sociaalveilig.reports import api

        pdf = api.management_report(ctx, str(date.today().year), None, folder / "rapport.pdf")
        if not pdf.read_bytes().startswith(b"%PDF-"):
            raise SelfTestFailed(_t("Het rapport is geen PDF."))
        step = _t("afsluiten")
        window.close()
        window.deleteLater()
        window = None
        ctx.store.close()
        ctx = None
    except Exception as exc:  # every failure becomes the one line below
        log.debug("self-test failed", exc_info=True)
        reason = str(exc).rstrip(".") if isinstance(exc, SelfTestFailed) else type(exc).__name__
        if isinstance(exc, ImportError) and exc.name:
            # A module missing from a package: the one fact that says what to fix.
            reason = f"{reason} ({exc.name})"
        print(
            _t(
                "Zelftest mislukt bij {step}: {reason}. Installeer het programma opnieuw "
                "of neem contact op met de beheerder."
            ).format(step=step, reason=reason),
            file=err,
        )
        return 1
    finally:
        if window is not None:
            window.close()
        if ctx is not None:
            ctx.store.close()
        shutil.rmtree(folder, ignore_errors=True)
    print(
        _t("Zelftest geslaagd in {seconds:.1f} s.").format(
            seconds=time.perf_counter() - started
        ),
        file=out,
    )
    return 0
