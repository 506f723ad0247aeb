"""Beheer › Back-up: the automatic backup's folder and count, "Nu back-up maken", the
warning of a failed backup that stays until the next good one, and .svbackup everywhere."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.services import autobackup

from sociaalveilig.ui.backup_files import backup_filter, default_backup_name, with_backup_suffix
from sociaalveilig.ui.pages.admin import AdminPage
from sociaalveilig.ui.panels.backup import BackupPanel


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _open(qtbot, ctx, wait_idle) -> AdminPage:
    """The Beheer page on its Back-up tab (the test keeps the page: the panel is its child)."""
    page = AdminPage()
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.set_context(ctx)
    page.tabs.setCurrentWidget(page.backup)
    wait_idle()
    return page


def test_settings_saved_and_backup_made_now(qtbot, admin_ctx, clock, tmp_path, wait_idle):
    folder = tmp_path / "back-ups"
    folder.mkdir()
    page = _open(qtbot, admin_ctx, wait_idle)
    panel: BackupPanel = page.backup
    assert panel.folder_edit.text() == ""
    assert "staat uit" in panel.status_label.text()
    assert not panel.run_now_button.isEnabled()
    assert not panel.auto_warning.isVisible()

    panel.folder_edit.setText(str(folder))
    panel.keep_spin.setValue(2)
    panel.save_settings()
    wait_idle()
    settings = autobackup.get_settings(admin_ctx)
    assert settings.folder == folder and settings.keep == 2
    assert panel.status_label.text() == "Nog geen automatische back-up gemaakt."
    assert panel.run_now_button.isEnabled()

    for _ in range(3):
        panel.run_now()
        wait_idle(30_000)
        clock.advance(timedelta(minutes=1))
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 2  # keeps the last two
    assert all(name.endswith(".svbackup") for name in files)
    assert files[-1] in panel.status_label.text()
    assert "Back-up gemaakt en gecontroleerd" in panel.report.toPlainText()
    # The audit head, to note down outside the computer (an anchor on paper).
    report = panel.report.toPlainText()
    assert re.search(r"Auditketen tot regel \d+, kenmerk [0-9a-f]{12}\.", report)
    assert not panel.auto_warning.isVisible()


def test_failed_backup_warning_stays_until_next_good_one(
    qtbot, admin_ctx, clock, tmp_path, wait_idle
):
    folder = tmp_path / "usb-schijf"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, 3)
    page = _open(qtbot, admin_ctx, wait_idle)
    panel: BackupPanel = page.backup
    assert panel.folder_edit.text() == str(folder)
    assert panel.keep_spin.value() == 3

    folder.rmdir()  # the disk was unplugged
    panel.run_now()
    wait_idle(30_000)
    assert panel.auto_warning.isVisible()
    assert "bestaat niet" in panel.auto_warning.text()
    assert "mislukt" in panel.auto_warning.text()

    # Still there after the panel reloads (lock and unlock), from the store.
    page.set_context(None)
    assert not panel.auto_warning.isVisible() and panel.folder_edit.text() == ""
    page.set_context(admin_ctx)
    wait_idle()
    assert panel.auto_warning.isVisible()

    folder.mkdir()
    clock.advance(timedelta(minutes=5))
    panel.run_now()
    wait_idle(30_000)
    assert not panel.auto_warning.isVisible()
    assert autobackup.status(admin_ctx).warning is None
    assert [p.suffix for p in folder.iterdir()] == [".svbackup"]


def test_refused_settings_keep_what_was_typed(qtbot, admin_ctx, wait_idle):
    page = _open(qtbot, admin_ctx, wait_idle)
    panel: BackupPanel = page.backup
    panel.folder_edit.setText("relatieve/map")
    panel.keep_spin.setValue(9)
    panel.save_settings()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "volledige map" in _error_boxes()[0].text()
    assert panel.folder_edit.text() == "relatieve/map" and panel.keep_spin.value() == 9
    assert panel.folder_edit.hasFocus() or panel.focusWidget() is panel.folder_edit
    for box in _error_boxes():
        box.close()
    # Inside the store folder: refused too (a backup would be lost with the store).
    inside = admin_ctx.store.folder / "back-ups"
    inside.mkdir()
    panel.folder_edit.setText(str(inside))
    panel.save_settings()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert "buiten de opslagmap" in _error_boxes()[0].text()
    for box in _error_boxes():
        box.close()
    assert autobackup.get_settings(admin_ctx).folder is None


def test_backup_by_hand_ends_in_svbackup(qtbot, admin_ctx, tmp_path, wait_idle):
    page = _open(qtbot, admin_ctx, wait_idle)
    panel: BackupPanel = page.backup
    panel.make_backup(tmp_path / "handmatig")  # typed without the extension
    wait_idle(30_000)
    assert (tmp_path / "handmatig.svbackup").is_file()
    assert "handmatig.svbackup" in panel.report.toPlainText()


def test_backup_file_names_and_filter() -> None:
    assert with_backup_suffix(Path("/x/b")) == Path("/x/b.svbackup")
    assert with_backup_suffix(Path("/x/b.svbackup")) == Path("/x/b.svbackup")
    assert with_backup_suffix(Path("/x/b.tar")) == Path("/x/b.tar.svbackup")
    assert default_backup_name("20261128-0930") == "sociaalveilig-backup-20261128-0930.svbackup"
    assert backup_filter().startswith("Sociaal Veilig-back-ups (*.svbackup)")
