"""Signing in to a database older than its last known state: said in plain words, and the
restore is offered, as for a damaged store."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sociaalveilig.services import maintenance, setup
from sociaalveilig.storage.sqlite.store import DB_FILENAME
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

from sociaalveilig.ui.unlock_dialog import UnlockDialog


def test_an_older_database_is_refused_and_restore_offered(
    qtbot, store_dir: Path, tmp_path: Path, clock, wait_idle
) -> None:
    older = tmp_path / "ouder.db"
    shutil.copyfile(store_dir / DB_FILENAME, older)
    ctx = setup.login(store_dir, ADMIN, ADMIN_PASSPHRASE, clock)
    maintenance.backup(ctx, tmp_path / "opslag.svbak")
    setup.lock(ctx)
    for path in store_dir.glob(DB_FILENAME + "-*"):
        path.unlink()
    shutil.copyfile(older, store_dir / DB_FILENAME)

    dialog = UnlockDialog(store_dir, ADMIN, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText(ADMIN_PASSPHRASE)
    dialog.unlock()
    qtbot.waitUntil(lambda: dialog.restore_button.isVisible(), timeout=20_000)
    wait_idle()
    assert "ouder dan de laatst bekende stand" in dialog.message_label.text()
    assert dialog.context is None
    # The whole message is readable: the dialog grew to the label's wrapped height.
    label = dialog.message_label
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.geometry().bottom() < dialog.height()
    if os.environ.get("SV_SHOTS"):
        dialog.grab().save(os.environ["SV_SHOTS"])
