"""The wiring in app.py: arguments, the demo store, the window on a demo store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from sociaalveilig import app
from sociaalveilig.core.enums import Role

from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.settings import UiSettings


def test_arguments() -> None:
    args = app.parse_args(["--store", "/tmp/x", "--demo"])
    assert args.store == Path("/tmp/x") and args.demo
    assert app.parse_args([]).store is None


def test_demo_store_opens_signed_in_as_coordinator(qtbot, tmp_path: Path, clock, wait_idle):
    ctx = app.make_demo_store(tmp_path / "opslag", signals=30, clock=clock)
    try:
        assert ctx.actor.username == app.DEMO_USER
        assert ctx.actor.role is Role.COORDINATOR
        settings = UiSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(ctx, settings, SecureClipboard())
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert titles[:3] == ["Vandaag", "Signalen", "Casussen"]
        assert "Beheer" not in titles  # beheerder only
        today = window.page("TodayPage")
        qtbot.waitUntil(lambda: today.summary_label.text().startswith("Vandaag,"), timeout=20_000)
        wait_idle()
        window.nav.setCurrentRow(titles.index("Signalen"))
        signals_page = window.page("SignalsPage")
        qtbot.waitUntil(lambda: signals_page.model.rowCount() >= 30, timeout=20_000)
        wait_idle()
    finally:
        ctx.store.close()
