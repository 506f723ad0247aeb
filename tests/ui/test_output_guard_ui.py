"""The window's save path into the store (issue 15, item 1): the audit export to a file in
the store's folder is refused with the guard's Dutch line in a message box; the store's key
slots stay as they were and no file appears."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.ui.pages.audit import AuditPage


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_audit_export_into_the_store_shows_the_refusal(  # type: ignore[no-untyped-def]
    qtbot, admin_ctx, store_dir: Path, wait_idle
) -> None:
    page = AuditPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_context(admin_ctx)
    wait_idle()
    slots = (store_dir / "keyslots.json").read_bytes()
    names = sorted(os.listdir(store_dir))

    page.export_csv(store_dir / "keyslots.json")
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    box = _error_boxes()[0]
    assert "opslag" in box.text() and "Kies een map buiten de opslag" in box.text()
    if os.environ.get("SV_H15A_SHOT"):
        box.grab().save(os.environ["SV_H15A_SHOT"])
    box.close()
    assert (store_dir / "keyslots.json").read_bytes() == slots
    assert sorted(os.listdir(store_dir)) == names
    assert "geëxporteerd" not in page.page_label.text()
