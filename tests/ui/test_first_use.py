"""The first minutes of a new beheerder, manager and coordinator: the first start types into
the first field, the window opens on a page the role may use (no "geen toegang" greeting),
the status bar names the store recognisably, and counts read as Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.first_start import FirstStartDialog
from sociaalveilig.ui.main_window import MainWindow, store_short_name
from sociaalveilig.ui.models.area_text import area_text, area_tooltip
from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.signals import SignalsPage, count_text
from sociaalveilig.ui.unlock_dialog import UnlockDialog


def _error_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _open_window(qtbot, ctx: ServiceContext, ui_settings) -> MainWindow:
    window = MainWindow(ctx, ui_settings, clipboard=SecureClipboard())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.mark.parametrize(
    ("role", "start_page", "hidden"),
    [
        (Role.BEHEERDER, "AdminPage", {"SignalsPage", "CasesPage"}),
        (Role.MANAGER, "ReportsPage", {"SignalsPage"}),
    ],
)
def test_window_opens_on_a_page_the_role_may_use(
    qtbot, admin_ctx, make_actor, ui_settings, wait_idle, role, start_page, hidden
):
    ctx = admin_ctx if role is Role.BEHEERDER else make_actor(role)
    window = _open_window(qtbot, ctx, ui_settings)
    wait_idle(20_000)
    names = [type(p).__name__ for p in window.pages]
    assert hidden.isdisjoint(names)
    assert type(window.current_page()).__name__ == start_page
    assert _error_dialogs() == []
    window.close()


def test_signal_and_case_lists_are_for_the_roles_the_services_serve():
    assert not SignalsPage.visible_for(Role.BEHEERDER)
    assert not SignalsPage.visible_for(Role.MANAGER)
    assert SignalsPage.visible_for(Role.WIJKAGENT)
    assert not CasesPage.visible_for(Role.BEHEERDER)
    assert CasesPage.visible_for(Role.MANAGER)  # pseudonymised


def test_remembered_page_still_wins(qtbot, admin_ctx, ui_settings, wait_idle):
    ui_settings.set_user(admin_ctx.actor.username)
    ui_settings.set_last_page("AuditPage")
    window = _open_window(qtbot, admin_ctx, ui_settings)
    wait_idle(20_000)
    assert type(window.current_page()).__name__ == "AuditPage"
    window.close()


def test_store_short_name_is_recognisable(tmp_path: Path):
    home = Path("/home/anna")
    assert store_short_name(Path("/home/anna/Documenten/sv"), home=home) == "~/Documenten/sv"
    demo = Path("/tmp/sociaalveilig-demo-gigmpbw4/opslag")
    assert store_short_name(demo, home=home) == str(demo)
    deep = Path("/srv/gedeeld/sociaal-domein/centrum-hoensbroek/opslag-hersteld-20261128-1015")
    short = store_short_name(deep, home=home)
    assert short == "…/opslag-hersteld-20261128-1015"
    two = Path("/srv/gedeeld/sociaal-domein/centrum-hoensbroek/opslag")
    assert store_short_name(two, home=home) == "…/centrum-hoensbroek/opslag"
    assert store_short_name(tmp_path, home=home, default=tmp_path) == "standaardmap"


def test_status_bar_names_the_store_and_shows_the_path(qtbot, coordinator_ctx, ui_settings):
    window = _open_window(qtbot, coordinator_ctx, ui_settings)
    folder = coordinator_ctx.store.folder
    text = window.store_label.text()
    assert text != f"Opslag: {folder.name}"  # a bare "opslag" said nothing
    assert text.endswith(str(Path(folder.parent.name, folder.name)))
    assert str(folder.resolve()) in window.store_label.toolTip()
    window.close()


def test_locked_status_bar_keeps_the_display_name(qtbot, coordinator_ctx, ui_settings, wait_idle):
    window = _open_window(qtbot, coordinator_ctx, ui_settings)
    window.lock()
    wait_idle()
    assert window.user_label.text() == "Gebruiker: Coordinator"
    assert window.lock_label.text() == "Vergrendeld"
    assert not window.role_label.isVisible()
    dialog = window.findChild(UnlockDialog)
    assert dialog is not None and dialog.windowTitle() == "Vergrendeld"
    dialog.reject()


def test_counts_read_as_dutch():
    assert count_text(1, "{n} signaal", "{n} signalen") == "1 signaal"
    assert count_text(0, "{n} signaal", "{n} signalen") == "0 signalen"
    assert count_text(200_000, "{n} casus", "{n} casussen") == "200.000 casussen"


def test_no_focus_area_is_said_plainly():
    assert area_text("Nuth", "Beekdaelen") == "Nuth"
    assert area_text(None, "Heerlen") == "geen (Heerlen)"
    assert area_tooltip(None, "Heerlen") == "Geen focusgebied; gemeente Heerlen"
    assert area_text(None, None) == "geen"


def test_case_list_keeps_its_margins(qtbot, coordinator_ctx):
    page = CasesPage()
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    top_left = page.search_edit.mapTo(page, page.search_edit.rect().topLeft())
    assert top_left.x() >= 6 and top_left.y() >= 6
    count_right = page.count_label.mapTo(page, page.count_label.rect().topRight()).x()
    assert count_right <= page.width() - 6


def test_first_start_types_into_the_first_field(qtbot, tmp_path: Path):
    dialog = FirstStartDialog(tmp_path / "nieuw")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    assert dialog.focusWidget() is dialog.username_edit
    assert "Te zwak" not in dialog.strength_label.text()  # nothing typed yet
    assert not dialog.choose_button.autoDefault()


def test_first_start_cannot_be_cancelled_while_the_store_is_made(qtbot, tmp_path: Path, wait_idle):
    dialog = FirstStartDialog(tmp_path / "nieuw")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("beheer")
    dialog.passphrase_edit.setText("Paarse-Olifant-Danst-42!")
    dialog.repeat_edit.setText("Paarse-Olifant-Danst-42!")
    dialog.create_store()
    assert not dialog.cancel_button.isEnabled()
    assert not dialog.passphrase_edit.isEnabled()
    dialog.reject()  # Esc while busy
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=30_000)
    wait_idle()
    try:
        assert dialog.saved_button.isVisible()
        dialog.confirm_saved()
    finally:
        dialog.context.store.close()


def test_first_start_in_an_unusable_folder_says_so_in_dutch(qtbot, tmp_path: Path, wait_idle):
    blocker = tmp_path / "een-bestand.txt"
    blocker.write_text("geen map")
    dialog = FirstStartDialog(blocker / "opslag")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("beheer")
    dialog.passphrase_edit.setText("Paarse-Olifant-Danst-42!")
    dialog.repeat_edit.setText("Paarse-Olifant-Danst-42!")
    dialog.create_store()
    qtbot.waitUntil(dialog.create_button.isEnabled, timeout=30_000)
    wait_idle()
    text = dialog.error_label.text()
    assert "kan niet in" in text and "Andere map" in text
    assert "Er ging iets mis in het programma" not in text
    assert dialog.context is None
    assert dialog.passphrase_edit.text() == "Paarse-Olifant-Danst-42!"  # nothing typed is lost


def test_first_window_fits_the_free_screen_area(qtbot, coordinator_ctx, ui_settings):
    window = MainWindow(coordinator_ctx, ui_settings, clipboard=SecureClipboard())
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    # Title bar and borders fit too: on a 1366×768 laptop the status bar stays in view.
    assert window.width() + 16 <= free.width()
    assert window.height() + 40 <= free.height()
    assert free.contains(window.pos())
    window.close()


def test_remembered_geometry_wins_over_fitting(qtbot, coordinator_ctx, ui_settings):
    first = MainWindow(coordinator_ctx, ui_settings, clipboard=SecureClipboard())
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.save_layout()
    again = MainWindow(coordinator_ctx, ui_settings, clipboard=SecureClipboard())
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
