"""Translations: core text goes through Qt's translator; Dutch is the source language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from sociaalveilig.core import i18n as core_i18n
from sociaalveilig.core.enums import Role

from sociaalveilig.ui.i18n import install_translations


class _Shouting(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return source.upper() if context == "sociaalveilig" else ""


def test_core_text_goes_through_qt_translator(qapp) -> None:
    install_translations(qapp)
    assert core_i18n.tr("Coördinator") == "Coördinator"  # Dutch source, no catalogue needed
    shouting = _Shouting()
    QCoreApplication.installTranslator(shouting)
    try:
        assert Role.COORDINATOR.label == "COÖRDINATOR"
    finally:
        QCoreApplication.removeTranslator(shouting)
    assert Role.COORDINATOR.label == "Coördinator"


def test_unknown_language_falls_back_to_dutch(qapp) -> None:
    install_translations(qapp, "xx")
    assert core_i18n.tr("Vergrendeld") == "Vergrendeld"



def test_missing_catalogue_is_reported_and_dutch_shown(qapp, caplog) -> None:
    installed = install_translations(qapp, "en")  # no English catalogue shipped yet
    assert all(t.language() != "en" for t in installed)
    assert "no translation for language en" in caplog.text
    assert Role.MANAGER.label == "Manager"
