"""``sociaalveilig --self-test`` (ui/self_test.py) and the start-up probe and imports."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sociaalveilig import app, demo
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.app_icon import apply_identity
from sociaalveilig.ui.self_test import run_self_test


@pytest.fixture
def identity(qapp: QApplication) -> Iterator[None]:
    """The icon and name as main() sets them, undone afterwards."""
    before = (qapp.windowIcon(), qapp.applicationDisplayName(), qapp.desktopFileName())
    apply_identity(qapp)
    yield
    qapp.setWindowIcon(before[0])
    qapp.setApplicationDisplayName(before[1])
    qapp.setDesktopFileName(before[2])


def test_the_self_test_opens_the_window_prints_and_cleans_up(
    qtbot, identity: None, coordinator_ctx: ServiceContext
) -> None:
    folders: list[Path] = []

    def make_store(folder: Path) -> ServiceContext:
        folders.append(folder)
        demo.fill_demo(coordinator_ctx, 20)
        return coordinator_ctx

    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(make_store, app.open_window, out, err) == 0
    assert out.getvalue().startswith("Zelftest geslaagd in ")
    assert err.getvalue() == ""
    assert not folders[0].parent.exists()  # the temporary folder is gone


def test_a_package_without_its_icon_fails_the_self_test(
    qtbot, qapp: QApplication, coordinator_ctx: ServiceContext
) -> None:
    """A null application icon: as when the resources are missing from a package."""
    before = qapp.windowIcon()
    qapp.setWindowIcon(QIcon())
    err = io.StringIO()
    try:
        result = run_self_test(lambda _f: coordinator_ctx, app.open_window, io.StringIO(), err)
    finally:
        qapp.setWindowIcon(before)
    assert result == 1
    assert err.getvalue().startswith(
        "Zelftest mislukt bij het hoofdvenster openen: Het programma-icoon ontbreekt. "
    )


def test_a_failing_step_gives_one_dutch_line_and_exit_1(qtbot) -> None:
    folders: list[Path] = []

    def broken_store(folder: Path) -> ServiceContext:
        folders.append(folder)
        folder.mkdir(parents=True)
        raise OSError("schijf vol")

    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(broken_store, app.open_window, out, err) == 1
    lines = err.getvalue().splitlines()
    assert lines == [
        "Zelftest mislukt bij de tijdelijke opslag maken: OSError. Installeer het programma "
        "opnieuw of neem contact op met de beheerder."
    ]
    assert out.getvalue() == ""
    assert not folders[0].parent.exists()


def test_a_module_missing_from_a_package_is_named(qtbot) -> None:
    def missing(_folder: Path) -> ServiceContext:
        raise ModuleNotFoundError("No module named 'PIL'", name="PIL")

    err = io.StringIO()
    assert run_self_test(missing, app.open_window, io.StringIO(), err) == 1
    assert "ModuleNotFoundError (PIL)." in err.getvalue()


def test_a_window_that_does_not_open_is_named(qtbot, coordinator_ctx: ServiceContext) -> None:
    def no_window(ctx: ServiceContext, settings: object) -> object:
        raise RuntimeError("no display")

    err = io.StringIO()
    assert run_self_test(lambda _f: coordinator_ctx, no_window, io.StringIO(), err) == 1  # type: ignore[arg-type]
    assert err.getvalue().startswith("Zelftest mislukt bij het hoofdvenster openen: RuntimeError.")


def test_the_sign_in_screen_does_not_wait_for_the_window_or_alembic() -> None:
    probe = (
        "import sys, sociaalveilig.app\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')"
        " or m == 'sociaalveilig.ui.main_window' or m.startswith('sociaalveilig.ui.pages')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.stdout.strip() == "[]"


def test_the_startup_probe_reports_the_unlock_dialog(store_dir: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "sociaalveilig.app", "--store", str(store_dir),
         "--startup-probe"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    word, shown_at, dialog = done.stdout.split()
    assert (word, dialog) == ("startup-probe", "UnlockDialog")
    assert started < float(shown_at) < time.time()
    assert "Traceback" not in done.stderr


def test_the_option_runs_the_self_test_in_a_real_process(tmp_path: Path) -> None:
    """main() wires it: the icon set, a demo store made with the real KDF, exit 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "sociaalveilig.app", "--self-test"],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Zelftest geslaagd in ")
    assert list(tmp_path.glob("sociaalveilig-zelftest-*")) == []  # cleaned up
