"""Translations: core text goes through Qt's translator; Dutch is the source language;
the English catalogue translates the window and the texts made below it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QTranslator

from sociaalveilig import language
from sociaalveilig.core import i18n as core_i18n
from sociaalveilig.core.enums import Role

from sociaalveilig.ui.dutch import program_locale, set_program_language
from sociaalveilig.ui.i18n import install_translations
from sociaalveilig.ui.models.walk_table import WalkTableModel


class _Walk:
    walk_date = date(2026, 11, 24)


class _Shouting(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == core_i18n.CONTEXT else ""


@pytest.fixture
def installed(qapp) -> Iterator[list[QTranslator]]:
    """The translators a test installs, removed again so the next test sees Dutch."""
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    set_program_language("nl")


def test_core_text_goes_through_qt_translator(qapp, installed) -> None:
    installed += install_translations(qapp)
    assert core_i18n.tr("Coördinator") == "Coördinator"  # Dutch source, no catalogue needed
    shouting = _Shouting()
    QCoreApplication.installTranslator(shouting)
    try:
        assert Role.COORDINATOR.label == "COÖRDINATOR"
    finally:
        QCoreApplication.removeTranslator(shouting)
    assert Role.COORDINATOR.label == "Coördinator"


def test_unknown_language_falls_back_to_dutch(qapp, installed) -> None:
    installed += install_translations(qapp, "xx")
    assert core_i18n.tr("Vergrendeld") == "Vergrendeld"


def test_missing_catalogue_is_reported_and_dutch_shown(
    qapp, installed, caplog, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(language, "catalogue", lambda code: tmp_path / f"missing_{code}.qm")
    installed += install_translations(qapp, "en")
    assert "no translation for language en" in caplog.text
    assert Role.MANAGER.label == "Manager"
    assert QCoreApplication.translate("MainWindow", "&Instellingen") == "&Instellingen"
    assert program_locale().dayName(2) == "dinsdag"


def test_english_translates_the_window_and_the_core(qapp, installed) -> None:
    installed += install_translations(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&Instellingen") == "&Settings"
    assert Role.COORDINATOR.label == "Coordinator"
    assert core_i18n.tr("{q}e kwartaal {y}").format(q=3, y=2026) == "Q3 2026"
    # Day and month names follow the language (they were always Dutch).
    assert program_locale().dayName(2) == "Tuesday"
    assert WalkTableModel.day(None, _Walk()).startswith("Tue ")  # type: ignore[arg-type]
    # A text nobody translated yet shows its Dutch source.
    assert QCoreApplication.translate("MainWindow", "Nog niet vertaald") == "Nog niet vertaald"
