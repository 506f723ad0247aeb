"""Journeys through the window as a person drives it (issue 14).

The demo store is made once per test session (fictional data, a fixed clock) and each
journey gets its own copy. The demo's wijkagent and partner users get the demo passphrase
so a journey can sign in as them through the unlock dialog, typing like a person. After
that, a journey uses only the window: clicks and keys with QTest, no service calls.

Use in a test module::

    def test_something(journey):
        window = journey.sign_in("demo")          # the demo coördinator
        journey.go("Signalen")
        ...
        journey.shot("30-intake")                 # docs/screenshots when SV_JOURNEY_SHOTS is set

``SV_JOURNEY_SHOTS=docs/screenshots`` makes ``shot`` write PNGs there (tools/screenshots
uses that); otherwise ``shot`` only grabs the window (so a broken paint still fails).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from sociaalveilig import app
from sociaalveilig.services import setup, users
from sociaalveilig.services.context import FixedClock
from tests.conftest import TEST_NOW

from sociaalveilig.ui import operations
from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.unlock_dialog import UnlockDialog

JOURNEY_SIGNALS = 150
PASSPHRASE = app.DEMO_PASSPHRASE
COORDINATOR = app.DEMO_USER
# The demo's other people (demo.casework_cast.DEMO_USERS), given the demo passphrase here.
WIJKAGENT = "demo-wijkagent"
PARTNER = "demo-woonstichting"
CARE_PARTNER = "demo-zorggroep"
BEHEERDER = "beheer"
MANAGER = "demo-manager"
SIGN_IN_USERS = (WIJKAGENT, "demo-boa", PARTNER, CARE_PARTNER, MANAGER)


@pytest.fixture(scope="session")
def journey_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store every journey starts from (made once; locked)."""
    folder = tmp_path_factory.mktemp("journey-template") / "opslag"
    clock = FixedClock(TEST_NOW)
    ctx = app.make_demo_store(folder, signals=JOURNEY_SIGNALS, clock=clock)
    ctx.store.close()
    admin = setup.login(folder, BEHEERDER, PASSPHRASE, clock)
    try:
        known = {info.username for info in users.list_users(admin)}
        key = admin.store.data_key()
        try:
            for username in SIGN_IN_USERS:
                if username in known:
                    # Straight into the key slots: Toegang herstellen would mark the
                    # passphrase as the beheerder's, to be replaced at the first sign-in.
                    admin.store.keyslots.set_user(username, PASSPHRASE, key)
        finally:
            key[:] = bytes(len(key))
    finally:
        setup.lock(admin)
    return folder


@dataclass
class Journey:
    """One person's session at the desk: a copy of the demo store and the window on it."""

    qtbot: object
    folder: Path
    settings: UiSettings
    clock: FixedClock
    window: MainWindow | None = None
    _windows: list[MainWindow] = field(default_factory=list)

    # ------------------------------------------------------------------ signing in

    def sign_in(
        self, username: str = COORDINATOR, size: tuple[int, int] = (1366, 768)
    ) -> MainWindow:
        """Types the user name and passphrase into the unlock dialog, as at a start."""
        self.close()
        dialog = UnlockDialog(self.folder, None, self.clock)
        self.qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        dialog.show()
        dialog.username_edit.clear()
        QTest.keyClicks(dialog.username_edit, username)
        QTest.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        QTest.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
        self.qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: dialog.context is not None
            or (bool(dialog.message_label.text()) and not dialog._busy),
            timeout=30_000,
        )
        assert dialog.context is not None, dialog.message_label.text()
        window = MainWindow(dialog.context, self.settings, SecureClipboard())
        self.qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.resize(*size)
        window.show()
        self.window = window
        self._windows.append(window)
        self.wait_idle()
        return window

    def close(self) -> None:
        if self.window is not None:
            self.wait_idle()
            ctx = self.window._ctx
            self.window.close()
            if ctx is not None:
                ctx.store.close()
            self.window = None

    # ------------------------------------------------------------------ moving about

    def wait_idle(self, timeout: int = 20_000) -> None:
        self.qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: operations.active_operations() == 0, timeout=timeout
        )
        QApplication.processEvents()

    def go(self, title: str) -> QWidget:
        """Clicks the page ``title`` in the navigation; returns the page shown."""
        assert self.window is not None
        nav = self.window.nav
        titles = [nav.item(i).text() for i in range(nav.count())]
        assert title in titles, f"{title!r} not in the navigation {titles}"
        item = nav.item(titles.index(title))
        rect = nav.visualItemRect(item)
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.wait_idle()
        page = self.window.current_page()
        assert page is not None
        return page

    def shot(self, name: str, widget: QWidget | None = None) -> Path | None:
        """Grabs the window (or ``widget``); saved as ``name``.png in SV_JOURNEY_SHOTS."""
        target = widget if widget is not None else self.window
        assert target is not None
        self.wait_idle()
        pixmap = target.grab()
        assert not pixmap.isNull()
        out_dir = os.environ.get("SV_JOURNEY_SHOTS")
        if not out_dir:
            return None
        path = Path(out_dir) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        pixmap.save(str(path))
        return path


@pytest.fixture
def journey(
    qtbot, journey_template: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> Iterator[Journey]:
    folder = tmp_path / "opslag"
    shutil.copytree(journey_template, folder)
    settings = UiSettings(QSettings(str(tmp_path / "instellingen.ini"), QSettings.Format.IniFormat))
    trip = Journey(qtbot, folder, settings, FixedClock(TEST_NOW))
    yield trip
    trip.close()
