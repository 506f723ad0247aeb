"""Instellingen › Taal: the choice is saved for the next start; Dutch is the default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel

from sociaalveilig import language

from sociaalveilig.ui import settings as ui_settings_module
from sociaalveilig.ui.i18n import install_translations
from sociaalveilig.ui.language_dialog import LanguageDialog
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.settings import UiSettings


def test_dutch_is_the_default(ui_settings: UiSettings) -> None:
    assert ui_settings.language() == "nl"


def test_choosing_english_saves_it_for_the_next_start(qtbot, ui_settings: UiSettings) -> None:
    dialog = LanguageDialog(ui_settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "nl"
    note = dialog.findChild(QLabel, "languageNote")
    assert "volgende keer dat u het programma start" in note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert ui_settings.language() == "en"
    assert ui_settings.qsettings.value(language.SETTINGS_KEY) == "en"
    # The dialog opened again shows the saved choice.
    again = LanguageDialog(ui_settings)
    qtbot.addWidget(again)
    assert again.language.currentData() == "en"


def test_cancel_keeps_the_language(qtbot, ui_settings: UiSettings) -> None:
    dialog = LanguageDialog(ui_settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.reject()
    assert ui_settings.language() == "nl"


def test_an_unknown_saved_value_reads_as_dutch(ui_settings: UiSettings) -> None:
    ui_settings.qsettings.setValue(language.SETTINGS_KEY, "tlh")
    assert ui_settings.language() == "nl"
    with pytest.raises(ValueError):
        ui_settings.set_language("tlh")


def test_the_settings_menu_offers_the_language(qtbot, coordinator_ctx, ui_settings) -> None:
    window = MainWindow(coordinator_ctx, ui_settings)
    qtbot.addWidget(window)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    names = [a.objectName() for a in menus["&Instellingen"].actions()]
    assert "languageAction" in names


def test_the_command_line_reads_the_same_settings_as_the_window() -> None:
    assert language.SETTINGS_ORGANISATION == ui_settings_module.ORGANISATION
    assert language.SETTINGS_APPLICATION == ui_settings_module.APPLICATION


@pytest.fixture
def english(qapp) -> Iterator[None]:
    translators: list[QTranslator] = install_translations(qapp, "en")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    install_translations(qapp)


def test_the_dialog_in_english(qtbot, ui_settings: UiSettings, english: None) -> None:
    dialog = LanguageDialog(ui_settings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Language"
