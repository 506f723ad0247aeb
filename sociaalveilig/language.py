"""The language the program speaks: Dutch (the source texts) or a compiled translation.

The choice is one per computer account, made in the window (Instellingen › Taal) and kept
in the window's QSettings, because it is needed before anyone signs in. The window applies
it at its next start. ``sociaalveilig-admin`` follows the same choice; the environment
variable ``SOCIAALVEILIG_TAAL`` (``nl`` or ``en``) overrides it for one shell or script.
``LANG`` is not followed: managed desks often run an English system for Dutch users, and
the program's default stays Dutch.

The translations are ``sociaalveilig_<lang>.qm`` in ``sociaalveilig/resources/translations``
(package data, compiled from ``resources/translations/*.ts`` by ``make translations``).
Qt is imported only where a catalogue is loaded or the setting is read, so importing this
module keeps the command line free of Qt.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from sociaalveilig.core import i18n as core_i18n

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QSettings, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "nl"
LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
"""Each language with its name in that language (how a speaker looks for it in a list)."""
ENVIRONMENT = "SOCIAALVEILIG_TAAL"
SETTINGS_KEY = "language"
# The window's QSettings identity (ui/settings.py); tests/test_language.py keeps them equal.
SETTINGS_ORGANISATION = "Sociaal Veilig Parkstad"
SETTINGS_APPLICATION = "sociaalveilig"


def known(language: object) -> str | None:
    """``language`` as a code of LANGUAGES ("EN", " en " → "en"), or None."""
    if not isinstance(language, str):
        return None
    code = language.strip().lower()
    return code if code in LANGUAGES else None


def catalogue(language: str) -> Traversable:
    """The compiled translation of ``language`` inside the installed package."""
    return resources.files("sociaalveilig").joinpath(
        "resources", "translations", f"sociaalveilig_{language}.qm"
    )


def load_translator(language: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's translator for ``language``; None for Dutch or when the catalogue is missing."""
    if language == SOURCE_LANGUAGE or known(language) is None:
        return None
    from PySide6.QtCore import QTranslator

    translator = QTranslator(parent)
    resource = catalogue(language)
    loaded = False
    if resource.is_file():
        with resources.as_file(resource) as path:
            loaded = translator.load(str(path))
    if not loaded:
        log.warning("no translation for language %s; showing Dutch", language)
        return None
    return translator


def saved_language(settings: QSettings) -> str:
    """The language chosen in the window; Dutch when none (or an unknown one) is saved."""
    return known(settings.value(SETTINGS_KEY)) or SOURCE_LANGUAGE


def save_language(settings: QSettings, language: str) -> None:
    code = known(language)
    if code is None:
        raise ValueError(f"unknown language {language!r}")
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()


def user_settings() -> QSettings:
    """The window's settings of this computer account (the same file ui/settings.py uses)."""
    from PySide6.QtCore import QSettings

    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        SETTINGS_ORGANISATION,
        SETTINGS_APPLICATION,
    )


def command_line_language(environ: Mapping[str, str] | None = None) -> str:
    """``SOCIAALVEILIG_TAAL`` when set to a known language, else the window's choice."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(ENVIRONMENT)
    if chosen:
        code = known(chosen)
        if code is not None:
            return code
        # Not a failure of the command: its one line on stderr stays its own.
        log.debug("%s=%r is not a known language; using the saved choice", ENVIRONMENT, chosen)
    return saved_language(user_settings())


_cli_translator: QTranslator | None = None


def install_for_command_line(language: str) -> None:
    """Route ``core.i18n.tr`` through the catalogue of ``language`` (no QCoreApplication
    needed); Dutch needs nothing."""
    global _cli_translator
    translator = load_translator(language)
    _cli_translator = translator  # kept alive as long as tr() may use it
    if translator is None:
        core_i18n.install(None)
        return

    def translate(context: str, text: str) -> str:
        # An untranslated text comes back empty: show the Dutch source.
        return translator.translate(context, text) or text

    core_i18n.install(translate)
