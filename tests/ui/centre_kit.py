"""A real centre for the window's journeys: ``sociaalveilig-server``'s app (uvicorn on
127.0.0.1, a free port) over a cloned test database, with two users who chose their own
passphrases. The server can be stopped and started again on the same port (the sessions
live in the database, so they outlast it), which is how a journey takes the centre away.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget

from sociaalveilig.services import centre, users
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

from sociaalveilig.ui import operations
from sociaalveilig.ui.centre_address import CentreAddress
from sociaalveilig.ui.centre_sign_in import CentreSignInDialog
from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.settings import UiSettings

COORDINATOR = "coord-an"
SECOND = "coord-bo"
PASSPHRASE = "eigen-wachtwoord-centrum-7"
SET_BY_BEHEERDER = "door-beheer-gezet-wachtwoord-3"
START_BOUND_S = 20.0


class CentreServer:
    """uvicorn in a thread, serving ``create_app`` over one PgStore."""

    def __init__(self, database_url: str) -> None:
        from sociaalveilig.storage.postgres.store import PgStore

        self.store = PgStore.open(database_url, pool_size=4)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._server: Any = None
        self._app: Any = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        import uvicorn

        from sociaalveilig.server.app import create_app

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self._app = create_app(self.store)
        config = uvicorn.Config(
            self._app,
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_BOUND_S
        while not server.started:  # a condition with a bound, not a sleep to wait out
            assert time.monotonic() < deadline, "the centre's server did not start"
            assert self._thread.is_alive(), "the centre's server stopped while starting"
            time.sleep(0.02)

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=START_BOUND_S)
        assert not self._thread.is_alive(), "the centre's server did not stop"
        self._app.state.centre.feed.stop()  # the change feed's LISTEN thread
        self._server = None
        self._thread = None

    def close(self) -> None:
        self.stop()
        self.store.close()


@dataclass
class CentreDesk:
    """A journey's desks on one centre."""

    qtbot: Any
    server: CentreServer
    tmp_path: Path
    windows: list[MainWindow] = field(default_factory=list)

    @property
    def address(self) -> CentreAddress:
        return CentreAddress(self.server.url)

    def settings(self, name: str) -> UiSettings:
        return UiSettings(QSettings(str(self.tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))

    def wait_idle(self, timeout: int = 20_000) -> None:
        self.qtbot.waitUntil(lambda: operations.active_operations() == 0, timeout=timeout)
        QApplication.processEvents()

    def sign_in(self, username: str, passphrase: str = PASSPHRASE) -> CentreSignInDialog:
        """The centre's sign-in dialog, typed into as a person does; signed in."""
        dialog = CentreSignInDialog(self.address)
        self.qtbot.addWidget(dialog)
        dialog.show()
        QTest.keyClicks(dialog.username_edit, username)
        QTest.keyClicks(dialog.passphrase_edit, passphrase)
        QTest.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
        self.qtbot.waitUntil(
            lambda: (
                dialog.context is not None
                or dialog.choose_dialog is not None
                or (bool(dialog.message_label.text()) and not dialog._busy)
            ),
            timeout=30_000,
        )
        return dialog

    def open_window(self, username: str, passphrase: str = PASSPHRASE) -> MainWindow:
        dialog = self.sign_in(username, passphrase)
        assert dialog.context is not None, dialog.message_label.text()
        window = MainWindow(
            dialog.context, self.settings(username), SecureClipboard(), centre=self.address
        )
        self.qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        self.windows.append(window)
        self.wait_idle()
        return window

    def fill_demo(self, signals: int = 60) -> None:
        """Fictional demo data in the centre, made as its coordinator (straight on the
        database: this is the test's preparation, not the window's work)."""
        from sociaalveilig import demo
        from sociaalveilig.services import setup

        demo.fill_demo(setup.context_for(self.server.store, COORDINATOR), signals)

    def go(self, window: MainWindow, title: str) -> QWidget:
        nav = window.nav
        titles = [nav.item(i).text() for i in range(nav.count())]
        assert title in titles, titles
        window.nav.setCurrentRow(titles.index(title))
        self.wait_idle()
        page = window.current_page()
        assert page is not None
        return page

    def shot(self, name: str, widget: QWidget) -> None:
        """As journey_kit's: the widget grabbed, saved in SV_JOURNEY_SHOTS when set."""
        self.wait_idle()
        pixmap = widget.grab()
        assert not pixmap.isNull()
        out_dir = os.environ.get("SV_JOURNEY_SHOTS")
        if out_dir:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
            pixmap.save(str(Path(out_dir) / f"{name}.png"))

    def close(self) -> None:
        for window in self.windows:
            if window.context is not None:
                self.wait_idle()
            window.close()
        self.windows.clear()


def choose(combo: QComboBox, text: str) -> None:
    for index in range(combo.count()):
        if combo.itemText(index).startswith(text):
            combo.setCurrentIndex(index)
            return
    raise AssertionError(f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def modal(qtbot: Any, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=10_000)
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind)
    return widget


def close_dialogs(kind: type[QDialog]) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            widget.close()


def _make_users(database_url: str) -> None:
    """Two coordinators who already chose their own passphrases, and one whose passphrase
    the beheerder set (to be replaced at the first sign-in)."""
    admin = centre.centre_login(database_url, ADMIN, ADMIN_PASSPHRASE)
    try:
        for name, display in ((COORDINATOR, "An Coördinator"), (SECOND, "Bo Coördinator")):
            users.add_user(admin, name, "coordinator", SET_BY_BEHEERDER, display_name=display)
        # Cas had left and is given access again: the beheerder's passphrase must be
        # replaced at the next sign-in.
        users.add_user(
            admin, "coord-cas", "coordinator", SET_BY_BEHEERDER, display_name="Cas Terug"
        )
        users.deactivate_user(admin, "coord-cas")
        users.reactivate_user(admin, "coord-cas", SET_BY_BEHEERDER)
    finally:
        admin.store.close()
    for name in (COORDINATOR, SECOND):
        centre.change_passphrase(database_url, name, SET_BY_BEHEERDER, PASSPHRASE)


@pytest.fixture
def centre_server(pg_database: str) -> Iterator[CentreServer]:
    _make_users(pg_database)
    server = CentreServer(pg_database)
    server.start()
    yield server
    server.close()


@pytest.fixture
def desks(qtbot: Any, centre_server: CentreServer, tmp_path: Path) -> Iterator[CentreDesk]:
    trip = CentreDesk(qtbot, centre_server, tmp_path)
    yield trip
    trip.close()
