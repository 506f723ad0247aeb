"""Beheer › Gebruikers and › Partners: change a role, take access away and give it back
with a new passphrase; partner organisations added, renamed and deactivated."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import Role, Source
from sociaalveilig.services import partners, users

from sociaalveilig.ui.dialogs.change_role import ChangeRoleDialog
from sociaalveilig.ui.dialogs.reactivate_user import ReactivateUserDialog
from sociaalveilig.ui.models.partner_table import PartnerTableModel
from sociaalveilig.ui.pages.admin import AdminPage

GOOD_PASSPHRASE = "Groene fiets rijdt 7 keer rond het plein!"


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _close_errors() -> None:
    for box in _error_boxes():
        box.close()


def _admin(qtbot, ctx, wait_idle) -> AdminPage:
    page = AdminPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def _select_user(page: AdminPage, username: str) -> None:
    panel = page.users
    row = next(r for r, u in enumerate(panel.model.rows) if u.username == username)
    panel.view.select_row(row)


def _user(ctx, username: str):
    return next(u for u in users.list_users(ctx) if u.username == username)


def test_change_role_with_areas_and_partner_refusal(qtbot, admin_ctx, make_actor, wait_idle):
    make_actor(Role.WIJKAGENT, username="agent", areas=["Kerkrade Oost"])
    page = _admin(qtbot, admin_ctx, wait_idle)
    panel = page.users
    assert not panel.role_button.isEnabled()  # nothing selected yet
    _select_user(page, "agent")
    assert panel.role_button.isEnabled() and panel.deactivate_button.isEnabled()
    assert not panel.reactivate_button.isEnabled()

    dialog = panel.change_role()
    assert isinstance(dialog, ChangeRoleDialog)
    assert dialog.areas.checked() == ["Kerkrade Oost"]  # prefilled from the user
    assert not dialog.partner.isEnabled()

    # A partner user without an organisation: refused before the service, input kept.
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PARTNER.value))
    assert dialog.partner.isEnabled() and not dialog.areas.isEnabled()
    dialog.on_save()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert dialog.isVisible() and dialog.chosen_role() is Role.PARTNER
    assert dialog.focusWidget() is dialog.partner
    _close_errors()

    dialog.role.setCurrentIndex(dialog.role.findData(Role.WIJKAGENT.value))
    dialog.areas.set_checked(["Kerkrade Oost", "Nuth"])
    dialog.on_save()
    wait_idle()
    wait_idle()
    changed = _user(admin_ctx, "agent")
    assert changed.role is Role.WIJKAGENT
    assert set(changed.areas) == {"Kerkrade Oost", "Nuth"}
    shown = panel.selected()
    assert shown is not None and shown.username == "agent"
    assert set(shown.areas) == {"Kerkrade Oost", "Nuth"}

    dialog = panel.change_role()
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PARTNER.value))
    dialog.partner.setCurrentIndex(dialog.partner.findData("Woningcorporatie"))
    dialog.on_save()
    wait_idle()
    wait_idle()
    changed = _user(admin_ctx, "agent")
    assert changed.role is Role.PARTNER and changed.partner == "Woningcorporatie"
    assert changed.areas == ()


def test_last_beheerder_keeps_role_and_own_account_stays(qtbot, admin_ctx, wait_idle):
    page = _admin(qtbot, admin_ctx, wait_idle)
    panel = page.users
    _select_user(page, "beheer")
    assert not panel.deactivate_button.isEnabled()  # one's own account
    dialog = panel.change_role()
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findData(Role.COORDINATOR.value))
    dialog.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "enige beheerder" in _error_boxes()[0].text()
    assert dialog.isVisible() and dialog.chosen_role() is Role.COORDINATOR
    _close_errors()
    dialog.reject()
    assert _user(admin_ctx, "beheer").role is Role.BEHEERDER


def test_deactivate_and_reactivate_with_new_passphrase(qtbot, admin_ctx, make_actor, wait_idle):
    make_actor(Role.COORDINATOR, username="coord")
    page = _admin(qtbot, admin_ctx, wait_idle)
    panel = page.users
    _select_user(page, "coord")
    panel.deactivate(confirm=False)
    wait_idle()
    wait_idle()
    assert not _user(admin_ctx, "coord").active
    assert panel.selected().username == "coord"
    assert panel.model.index(panel.view.current_row(), panel.model.COL_ACTIVE).data() == "nee"
    assert panel.reactivate_button.isEnabled() and not panel.deactivate_button.isEnabled()

    dialog = panel.reactivate()
    assert isinstance(dialog, ReactivateUserDialog)
    assert "Minstens 12 tekens" in dialog.secret.strength_label.text()  # nothing typed yet
    dialog.passphrase.setText("aaaaaaaaaaaaaaaa")
    assert "Te zwak" in dialog.secret.strength_label.text()
    # Two different passphrases: refused locally, both kept.
    dialog.passphrase.setText(GOOD_PASSPHRASE)
    dialog.repeat.setText(GOOD_PASSPHRASE + "x")
    assert dialog.secret.strength() >= 3
    dialog.on_save()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert dialog.passphrase.text() == GOOD_PASSPHRASE
    assert dialog.focusWidget() is dialog.repeat
    _close_errors()
    # Too short: the service refuses, the form stays open with the input.
    dialog.passphrase.setText("kort")
    dialog.repeat.setText("kort")
    dialog.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "te kort" in _error_boxes()[0].text()
    assert dialog.isVisible() and dialog.repeat.text() == "kort"
    _close_errors()
    assert not _user(admin_ctx, "coord").active

    dialog.passphrase.setText(GOOD_PASSPHRASE)
    dialog.repeat.setText(GOOD_PASSPHRASE)
    dialog.on_save()
    wait_idle(30_000)
    wait_idle()
    assert _user(admin_ctx, "coord").active
    assert admin_ctx.store.keyslots.has_user("coord")
    assert panel.selected().username == "coord"
    assert panel.deactivate_button.isEnabled()


def test_partners_added_renamed_and_deactivated(qtbot, admin_ctx, make_actor, wait_idle):
    make_actor(Role.PARTNER, username="corp", partner="Woningcorporatie")
    page = _admin(qtbot, admin_ctx, wait_idle)
    page.tabs.setCurrentWidget(page.partners)
    wait_idle()
    panel = page.partners
    assert page.tabs.tabText(page.tabs.indexOf(panel)) == "Partners"
    before = panel.model.rowCount()
    assert before == 6

    dialog = panel.add_partner()
    assert dialog is not None
    dialog.name.setText("Politie Limburg")  # exists: refused, input kept
    dialog.source.setCurrentIndex(dialog.source.findData(Source.ZORG.value))
    dialog.on_save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert dialog.isVisible() and dialog.source.currentData() == Source.ZORG.value
    assert dialog.focusWidget() is dialog.name
    _close_errors()
    dialog.name.setText("Stichting Verzonnen Zorg")
    dialog.on_save()
    wait_idle()
    wait_idle()
    assert panel.model.rowCount() == before + 1
    assert panel.selected().name == "Stichting Verzonnen Zorg"
    assert panel.selected().source_type is Source.ZORG

    dialog = panel.edit_partner()
    assert dialog is not None
    dialog.name.setText("Stichting Denkbeeldige Zorg")
    dialog.on_save()
    wait_idle()
    wait_idle()
    assert panel.selected().name == "Stichting Denkbeeldige Zorg"

    panel.toggle_active()
    wait_idle()
    wait_idle()
    assert panel.selected().name == "Stichting Denkbeeldige Zorg"
    assert not panel.selected().active
    assert panel.active_button.text().replace("&", "") == "Activeren"
    names = [p.name for p in partners.list_partners(admin_ctx)]
    assert "Stichting Denkbeeldige Zorg" not in names  # no longer offered in pickers

    # An organisation with an active user stays active.
    row = panel.model.row_of(
        next(p.partner_id for p in panel.model.rows if p.name == "Woningcorporatie")
    )
    panel.view.select_row(row)
    panel.toggle_active()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "actieve gebruiker" in _error_boxes()[0].text()
    _close_errors()
    assert "Woningcorporatie" in [p.name for p in partners.list_partners(admin_ctx)]

    page.set_context(None)
    assert panel.model.rowCount() == 0


def test_partner_model_passes_the_model_tester(qtmodeltester, admin_ctx) -> None:
    model = PartnerTableModel()
    model.set_rows(partners.list_partners(admin_ctx, include_inactive=True))
    qtmodeltester.check(model)
    model.sort(PartnerTableModel.COL_SOURCE)
    qtmodeltester.check(model)
