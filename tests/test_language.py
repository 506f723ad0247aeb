"""Which language the command line speaks: SOCIAALVEILIG_TAAL, else the window's choice,
else Dutch (never LANG)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sociaalveilig import language


def _run_admin(home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``sociaalveilig-admin`` without a command, in a process with its own settings home."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in (language.ENVIRONMENT, "LANG", "LC_ALL", "LANGUAGE")
    }
    environment.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), **env)
    return subprocess.run(
        [sys.executable, "-m", "sociaalveilig.cli", "--store", str(home / "opslag")],
        capture_output=True, text=True, env=environment, timeout=60,
    )


def _save_window_choice(home: Path, code: str) -> None:
    # Where Qt keeps the window's settings on Linux (QSettings IniFormat, UserScope).
    folder = home / ".config" / language.SETTINGS_ORGANISATION
    folder.mkdir(parents=True)
    (folder / f"{language.SETTINGS_APPLICATION}.ini").write_text(
        f"[General]\n{language.SETTINGS_KEY}={code}\n", encoding="utf-8"
    )


def test_the_command_line_speaks_dutch_by_default_even_under_an_english_lang(
    tmp_path: Path,
) -> None:
    result = _run_admin(tmp_path, LANG="en_GB.UTF-8")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "sociaalveilig-admin: Geef een opdracht. Zie 'sociaalveilig-admin --help'."
    )


def test_the_environment_variable_chooses_english(tmp_path: Path) -> None:
    result = _run_admin(tmp_path, SOCIAALVEILIG_TAAL="en")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "sociaalveilig-admin: Give a command. See 'sociaalveilig-admin --help'."
    )


def test_the_command_line_follows_the_choice_made_in_the_window(tmp_path: Path) -> None:
    _save_window_choice(tmp_path, "en")
    assert "Give a command" in _run_admin(tmp_path).stderr
    # The variable wins over the saved choice, for one shell or script.
    assert "Geef een opdracht" in _run_admin(tmp_path, SOCIAALVEILIG_TAAL="nl").stderr


def test_an_unknown_value_of_the_variable_falls_back_to_the_saved_choice(
    tmp_path: Path,
) -> None:
    result = _run_admin(tmp_path, SOCIAALVEILIG_TAAL="klingon")
    assert result.returncode == 2
    assert "Geef een opdracht" in result.stderr
    assert "Traceback" not in result.stderr


def test_known_normalises_codes() -> None:
    assert language.known(" EN ") == "en"
    assert language.known("de") is None
    assert language.known(None) is None
