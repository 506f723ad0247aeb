"""Where the store lives when no folder is given: shared by the window and the CLI."""

from __future__ import annotations

import os
from pathlib import Path


def default_store_dir() -> Path:
    """The user data folder (platformdirs), overridable with SOCIAALVEILIG_STORE."""
    env = os.environ.get("SOCIAALVEILIG_STORE")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("SociaalVeilig", "Parkstad")) / "opslag"
