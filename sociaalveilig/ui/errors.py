"""Errors as plain Dutch dialogs: the user reads one line, never a traceback.

Expected failures (``SociaalVeiligError`` and its subclasses) carry their own message.
Known low-level failures (a full disk, a busy store) are mapped by
``storage.errors.classify_exception``. Anything else is a bug: the user reads a general
message and the log gets the exception *type* and where it happened, never its text
(which could hold case content).
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from sociaalveilig.core.errors import (
    AccessDenied,
    AuthenticationError,
    NotFound,
    SociaalVeiligError,
    StoreDamaged,
    StoreLocked,
    StoreUnavailable,
    ValidationError,
)
from sociaalveilig.storage.errors import classify_exception

from sociaalveilig.ui.centre_watch import watch_for

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def as_known_error(exc: BaseException) -> SociaalVeiligError | None:
    """The expected-failure form of ``exc``, or None when it is a bug."""
    if isinstance(exc, SociaalVeiligError):
        return exc
    try:
        return classify_exception(exc)
    except Exception:  # classification must never turn one error into two
        return None


def message_for(exc: BaseException) -> str:
    """The one line a user reads for ``exc``."""
    known = as_known_error(exc)
    if known is not None:
        return known.message
    return _t(
        "Er ging iets mis in het programma; er is niets gewijzigd. Probeer het opnieuw. "
        "Blijft dit gebeuren, neem dan contact op met de beheerder."
    )


def title_for(exc: BaseException) -> str:
    """A short dialog title saying what kind of problem it is."""
    known = as_known_error(exc)
    if isinstance(known, ValidationError):
        return _t("Controleer de invoer")
    if isinstance(known, AccessDenied):
        return _t("Geen toegang")
    if isinstance(known, AuthenticationError):
        return _t("Aanmelden mislukt")
    if isinstance(known, StoreDamaged):
        return _t("Opslag beschadigd")
    if isinstance(known, StoreLocked):
        return _t("Vergrendeld")
    if isinstance(known, NotFound):
        return _t("Niet gevonden")
    if known is not None:
        return _t("Melding")
    return _t("Er ging iets mis")


def log_exception(exc: BaseException) -> None:
    """Log a bug without content: the exception type and the code locations only."""
    if as_known_error(exc) is not None:
        log.info("operation refused: %s", type(exc).__name__)
        return
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames))
    log.error("unexpected %s at %s", type(exc).__name__, where or "?")


def _window_tells(parent: QWidget | None, exc: BaseException) -> bool:
    """On a centre the window tells an unreachable centre in its bar and an ended session
    with its sign-in, so a page shows no dialog for them; a dialog the user was saving in
    still says that the save did not happen (it stays open with what was typed)."""
    watch = watch_for(parent)
    if watch is None or not watch.tells(exc):
        return False
    in_dialog = parent is not None and isinstance(parent.window(), QDialog)
    return not (in_dialog and isinstance(exc, StoreUnavailable))


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Log (without content) and show ``exc`` as a plain Dutch dialog (None where the
    window tells it itself: the centre's bar or sign-in).

    The dialog is window-modal but does not block the caller (``open``, not ``exec``), so
    the event loop keeps running and tests can find and close it."""
    log_exception(exc)
    if _window_tells(parent, exc):
        return None
    box = QMessageBox(parent)
    box.setIcon(
        QMessageBox.Icon.Warning if as_known_error(exc) is not None else QMessageBox.Icon.Critical
    )
    box.setWindowTitle(title_for(exc))
    box.setText(message_for(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
