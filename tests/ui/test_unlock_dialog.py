"""Signing in: right and wrong passphrase, a damaged store offers restore, first start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from sociaalveilig.core.enums import Role
from sociaalveilig.services import maintenance, setup
from sociaalveilig.storage.sqlite.store import db_path
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

from sociaalveilig.ui.first_start import FirstStartDialog
from sociaalveilig.ui.unlock_dialog import UnlockDialog


def test_right_passphrase_unlocks(qtbot, store_dir: Path, clock) -> None:
    dialog = UnlockDialog(store_dir, ADMIN, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, ADMIN_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    try:
        assert dialog.context is not None
        assert dialog.context.actor.username == ADMIN
        assert dialog.context.actor.role is Role.BEHEERDER
        assert dialog.passphrase_edit.text() == ""
    finally:
        dialog.context.store.close()


def test_wrong_passphrase_says_so_and_stays(qtbot, store_dir: Path, clock, wait_idle) -> None:
    dialog = UnlockDialog(store_dir, ADMIN, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText("dit-is-niet-het-wachtwoord")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Onjuiste" in dialog.message_label.text(), timeout=20_000)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.context is None
    assert "wachtwoord" in dialog.message_label.text()
    assert dialog.passphrase_edit.text() == ""
    assert not dialog.restore_button.isVisible()
    assert dialog.unlock_button.isEnabled()


def test_empty_passphrase_is_asked_for_without_trying(qtbot, store_dir: Path) -> None:
    dialog = UnlockDialog(store_dir, ADMIN)
    qtbot.addWidget(dialog)
    dialog.unlock()
    assert dialog.message_label.text() == "Vul uw wachtwoord in."
    assert dialog.unlock_button.isEnabled()


def test_damaged_store_says_what_and_restores_backup(
    qtbot, store_dir: Path, tmp_path: Path, clock, wait_idle
) -> None:
    # A good backup first, then damage the database file.
    ctx = setup.login(store_dir, ADMIN, ADMIN_PASSPHRASE, clock)
    backup_file = tmp_path / "opslag.svbak"
    maintenance.backup(ctx, backup_file)
    ctx.store.close()
    path = db_path(store_dir)
    data = bytearray(path.read_bytes())
    data[0:4096] = b"\x00" * 4096
    path.write_bytes(bytes(data))

    dialog = UnlockDialog(store_dir, ADMIN, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText(ADMIN_PASSPHRASE)
    dialog.unlock()
    qtbot.waitUntil(lambda: dialog.restore_button.isVisible(), timeout=20_000)
    wait_idle()
    assert "beschadigd" in dialog.message_label.text()
    assert dialog.context is None

    restored: list[str] = []
    dialog.store_restored.connect(restored.append)
    dialog.passphrase_edit.setText(ADMIN_PASSPHRASE)
    dialog.restore(backup_file)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=30_000)
    try:
        assert restored and Path(restored[0]) != store_dir
        assert Path(restored[0]).parent == store_dir.parent
        assert dialog.context is not None
        assert dialog.context.store.folder == Path(restored[0])
    finally:
        dialog.context.store.close()


def test_first_start_creates_store_and_shows_code_once(qtbot, tmp_path: Path, wait_idle) -> None:
    folder = tmp_path / "nieuw"
    dialog = FirstStartDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("beheer")
    dialog.passphrase_edit.setText("kort")
    assert dialog.strength_bar.value() == 0
    assert "Te zwak" in dialog.strength_label.text()
    dialog.create_store()
    assert "te kort" in dialog.error_label.text()

    dialog.passphrase_edit.setText("Paarse-Olifant-Danst-42!")
    assert dialog.strength_bar.value() >= 3
    dialog.repeat_edit.setText("iets anders dan dat")
    dialog.create_store()
    assert "niet gelijk" in dialog.error_label.text()

    dialog.repeat_edit.setText("Paarse-Olifant-Danst-42!")
    dialog.create_store()
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=30_000)
    wait_idle()
    try:
        code = dialog.code_label.text()
        assert len(code.replace("-", "")) == 32
        assert dialog.passphrase_edit.text() == ""
        # Esc does not close the dialog before the code was confirmed.
        dialog.reject()
        assert dialog.isVisible()
        qtbot.mouseClick(dialog.saved_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.code_label.text() == ""
        assert dialog.context.actor.role is Role.BEHEERDER
        assert code not in dialog.recovery_sheet().toPlainText()
    finally:
        dialog.context.store.close()
