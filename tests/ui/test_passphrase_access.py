"""Passphrases in the window: the recovery code on the sign-in screen, a passphrase a
beheerder set that must be replaced before the window opens, the user's own change under
Instellingen, the wait after failed sign-ins, and the first start's empty-folder rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sociaalveilig.services import setup, users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage import signin_throttle
from sociaalveilig.storage.keyslots import KeySlotFile
from sociaalveilig.storage.sqlite.store import keyslot_path
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.dialogs.change_passphrase import ChangePassphraseDialog
from sociaalveilig.ui.first_start import FirstStartDialog
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.unlock_dialog import UnlockDialog

NEW = "de beheerder weet het weer"
SHOTS = Path("/tmp/h15b")


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    """Save a picture to look at by hand (only when the folder exists)."""
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _opens(folder: Path, user: str, passphrase: str) -> bool:
    try:
        key = KeySlotFile.load(keyslot_path(folder)).unlock(user, passphrase)
    except Exception:
        return False
    key[:] = bytes(len(key))
    return True


def _visible_errors() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_recovery_code_signs_in_and_shows_a_new_code_once(
    qtbot, store_dir: Path, recovery_code: str, clock, wait_idle
) -> None:
    dialog = UnlockDialog(store_dir, None, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.recover_button.text() == "Herstelcode gebruiken…"
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    recover = dialog.recover_dialog
    assert recover is not None and recover.isVisible()
    qtbot.keyClicks(recover.code_edit, recovery_code.lower().replace("-", " "))
    recover.secret.passphrase.setText(NEW)
    recover.secret.repeat.setText(NEW)
    _shot(recover, "recover-form")
    qtbot.mouseClick(recover.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: recover.code_label.text() != "", timeout=30_000)
    wait_idle()
    _shot(recover, "recover-new-code")
    fresh = recover.code_label.text()
    assert len(fresh) == 39 and fresh != recovery_code
    # The new code cannot be closed away unseen: Esc and Annuleren do nothing.
    recover.reject()
    assert recover.isVisible()
    qtbot.mouseClick(recover.saved_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert recover.code_label.text() == ""
    ctx = dialog.context
    assert ctx is not None
    try:
        assert ctx.actor.username == ADMIN
    finally:
        ctx.store.close()
    assert _opens(store_dir, ADMIN, NEW)
    assert not _opens(store_dir, ADMIN, ADMIN_PASSPHRASE)
    with pytest.raises(Exception, match="herstelcode klopt niet"):
        setup.recover(store_dir, recovery_code, "nog een keer vergeten")
    setup.recover(store_dir, fresh, "nog een keer vergeten")[0].store.close()


def test_a_wrong_recovery_code_says_so_and_stays(
    qtbot, store_dir: Path, clock, wait_idle
) -> None:
    dialog = UnlockDialog(store_dir, ADMIN, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.use_recovery_code()
    recover = dialog.recover_dialog
    assert recover is not None
    assert recover.username_edit.text() == ADMIN
    recover.code_edit.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    recover.secret.passphrase.setText(NEW)
    recover.secret.repeat.setText(NEW)
    recover.recover()
    qtbot.waitUntil(lambda: "klopt niet" in recover.message_label.text(), timeout=30_000)
    wait_idle()
    assert recover.isVisible() and recover.recover_button.isEnabled()
    assert dialog.context is None
    assert _opens(store_dir, ADMIN, ADMIN_PASSPHRASE)


def test_a_weak_new_passphrase_is_refused_before_anything_changes(
    qtbot, store_dir: Path, recovery_code: str, clock, wait_idle
) -> None:
    dialog = UnlockDialog(store_dir, ADMIN, clock)
    qtbot.addWidget(dialog)
    dialog.use_recovery_code()
    recover = dialog.recover_dialog
    assert recover is not None
    recover.code_edit.setText(recovery_code)
    recover.secret.passphrase.setText("wachtwoord1234")
    recover.secret.repeat.setText("wachtwoord1234")
    assert "Te zwak" in recover.secret.strength_label.text()
    recover.recover()
    qtbot.waitUntil(lambda: "te makkelijk" in recover.message_label.text(), timeout=30_000)
    wait_idle()
    assert _opens(store_dir, ADMIN, ADMIN_PASSPHRASE)


def _reactivated(admin_ctx: ServiceContext) -> Path:
    users.add_user(admin_ctx, "anna", "coordinator", "anna typt haar eigen zin")
    users.deactivate_user(admin_ctx, "anna")
    users.reactivate_user(admin_ctx, "anna", "de beheerder koos dit")
    return admin_ctx.store.folder


def test_a_passphrase_set_by_the_beheerder_is_replaced_before_the_window_opens(
    qtbot, admin_ctx: ServiceContext, clock, wait_idle
) -> None:
    folder = _reactivated(admin_ctx)
    dialog = UnlockDialog(folder, "anna", clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText("de beheerder koos dit")
    dialog.unlock()
    qtbot.waitUntil(lambda: dialog.choose_dialog is not None, timeout=30_000)
    choose = dialog.choose_dialog
    assert choose is not None and choose.isVisible()
    assert dialog.context is None  # nothing opened yet
    _shot(choose, "choose-own-passphrase")
    # The beheerder's passphrase again is not the user's own.
    choose.secret.passphrase.setText("de beheerder koos dit")
    choose.secret.repeat.setText("de beheerder koos dit")
    choose.choose()
    assert "ander wachtwoord" in choose.message_label.text()
    choose.secret.passphrase.setText("anna kiest zelf iets")
    choose.secret.repeat.setText("anna kiest zelf iets")
    choose.choose()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=30_000)
    wait_idle()
    ctx = dialog.context
    assert ctx is not None
    try:
        assert ctx.actor.username == "anna"
    finally:
        ctx.store.close()
    assert _opens(folder, "anna", "anna kiest zelf iets")
    assert not _opens(folder, "anna", "de beheerder koos dit")
    assert not KeySlotFile.load(keyslot_path(folder)).must_change("anna")


def test_the_wait_after_failed_sign_ins_is_said(
    qtbot, store_dir: Path, clock, wait_idle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(signin_throttle, "clock", lambda: 1_800_000_000.0)
    dialog = UnlockDialog(store_dir, ADMIN, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(3):
        dialog.passphrase_edit.setText("dit is niet het wachtwoord")
        dialog.unlock()
        qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled(), timeout=30_000)
        wait_idle()
    dialog.passphrase_edit.setText(ADMIN_PASSPHRASE)
    dialog.unlock()
    qtbot.waitUntil(lambda: "Te veel" in dialog.message_label.text(), timeout=30_000)
    wait_idle()
    _shot(dialog, "unlock-throttled")
    assert dialog.message_label.text() == (
        "Te veel mislukte pogingen; probeer het over 2 seconden opnieuw."
    )
    assert dialog.context is None


def test_own_passphrase_from_instellingen(
    qtbot, admin_ctx: ServiceContext, ui_settings, wait_idle
) -> None:
    window = MainWindow(admin_ctx, ui_settings, clipboard=SecureClipboard())
    qtbot.addWidget(window)
    window.show()
    wait_idle(20_000)
    menu_texts = [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
    assert "Wachtwoord wijzigen…" in menu_texts
    window.passphrase_action.trigger()
    dialogs = window.findChildren(ChangePassphraseDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.isVisible()
    # A wrong current passphrase: said, nothing changed, typed again.
    dialog.old.setText("niet mijn wachtwoord")
    dialog.secret.passphrase.setText("een eigen nieuwe zin")
    dialog.secret.repeat.setText("een eigen nieuwe zin")
    dialog.on_save()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=30_000)
    wait_idle()
    assert "onjuist wachtwoord" in dialog.error_box.text()
    dialog.error_box.close()
    assert dialog.old.text() == ""
    dialog.old.setText(ADMIN_PASSPHRASE)
    dialog.secret.passphrase.setText("kort")
    assert "Te zwak" in dialog.secret.strength_label.text()
    dialog.secret.passphrase.setText("een eigen nieuwe zin")
    assert dialog.secret.strength() >= 3
    _shot(dialog, "change-passphrase")
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.on_save()
    wait_idle()
    folder = admin_ctx.store.folder
    assert _opens(folder, ADMIN, "een eigen nieuwe zin")
    assert not _opens(folder, ADMIN, ADMIN_PASSPHRASE)
    with admin_ctx.unit() as session:
        from sqlalchemy import select

        from sociaalveilig.storage.models import AuditEntry

        actions = list(session.execute(select(AuditEntry.action)).scalars())
    assert "passwd" in actions
    window.close()


def test_first_start_refuses_a_folder_that_is_not_empty(qtbot, tmp_path: Path, clock) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "notities.txt").write_text("iets\n", encoding="utf-8")
    dialog = FirstStartDialog(folder, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("beheer")
    dialog.passphrase_edit.setText(ADMIN_PASSPHRASE)
    dialog.repeat_edit.setText(ADMIN_PASSPHRASE)
    dialog.create_store()
    assert "is niet leeg" in dialog.error_label.text()
    assert sorted(p.name for p in folder.iterdir()) == ["notities.txt"]
    assert dialog.context is None


def test_first_start_refuses_an_easy_passphrase(qtbot, tmp_path: Path, clock) -> None:
    dialog = FirstStartDialog(tmp_path / "nieuw", clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("beheer")
    dialog.passphrase_edit.setText("aaaaaaaaaaaaaaaa")
    dialog.repeat_edit.setText("aaaaaaaaaaaaaaaa")
    assert "Te zwak" in dialog.strength_label.text()
    dialog.create_store()
    assert "te makkelijk te raden" in dialog.error_label.text()
    assert not (tmp_path / "nieuw").exists()
