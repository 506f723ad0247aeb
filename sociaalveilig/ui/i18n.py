"""Qt's translation layer for the whole program.

Source strings are Dutch, the users' language, so Dutch needs no translation file of the
program's own; Qt's own Dutch catalogue (``qtbase_nl``) translates the standard buttons
("Annuleren", "Ja", "Nee"). A translation of the program into another language is a
``sociaalveilig_<lang>.qm`` in ``sociaalveilig/resources/translations`` (package data,
``sociaalveilig/language.py``), compiled from ``resources/translations`` by
``make translations``; a text without a translation there shows its Dutch source.
``core.i18n`` is pointed at ``QCoreApplication.translate`` so texts made below the ui
layer go through the same translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sociaalveilig.core import i18n as core_i18n
from sociaalveilig.language import SOURCE_LANGUAGE, load_translator

from sociaalveilig.ui.dutch import set_program_language

__all__ = ["SOURCE_LANGUAGE", "install_translations"]


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def install_translations(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Install Qt's and the program's translators for ``language`` (default: Dutch, the
    source language) and route ``core.i18n.tr`` through Qt. Returns the translators
    (parented to ``app``)."""
    language = language or SOURCE_LANGUAGE
    installed: list[QTranslator] = []

    qt_catalogue = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_catalogue.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_catalogue)
        installed.append(qt_catalogue)

    own = load_translator(language, app)
    if own is not None:
        app.installTranslator(own)
        installed.append(own)

    core_i18n.install(_translate)
    set_program_language(language if own is not None else SOURCE_LANGUAGE)
    return installed
