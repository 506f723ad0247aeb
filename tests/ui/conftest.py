"""Fixtures for the window tests: settings in a temporary file, waiting for operations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings

from sociaalveilig.ui import operations
from sociaalveilig.ui.collector import GuiThreadCollector
from sociaalveilig.ui.settings import UiSettings


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    """Per-test settings file: no test reads or writes the real user settings."""
    return UiSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def gui_collector(qapp) -> Iterator[GuiThreadCollector]:  # type: ignore[no-untyped-def]
    """Reference cycles collected on the GUI thread only, as in the program (app.main):
    a collection on a pool thread once freed a Qt object there and crashed the tests."""
    collector = GuiThreadCollector()
    yield collector
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def _drop_pending_operations():  # type: ignore[no-untyped-def]
    """Results still under way when a test ends are not delivered into the next test."""
    yield
    operations.discard_all()


@pytest.fixture
def wait_idle(qtbot):  # type: ignore[no-untyped-def]
    """Wait until every background operation has delivered its result."""

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: operations.active_operations() == 0, timeout=timeout)

    return wait


# Journeys through the window on a demo store (tests/ui/journey_kit.py).
# Desks on a real centre (tests/ui/centre_kit.py; PostgreSQL needed).
from tests.ui.centre_kit import centre_server, desks  # noqa: E402, F401
from tests.ui.journey_kit import journey, journey_template  # noqa: E402, F401
