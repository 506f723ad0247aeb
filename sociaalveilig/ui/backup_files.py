"""The one file type of a Sociaal Veilig backup, for every file dialog that saves or opens
one: the extension ``.svbackup`` (the same as the automatic daily backups) and its filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from sociaalveilig.services.autobackup import SUFFIX

BACKUP_SUFFIX = SUFFIX  # ".svbackup"


def backup_filter() -> str:
    """The name filter for QFileDialog: backups first, all files as a way out."""
    return QCoreApplication.translate(
        "backup_files", "Sociaal Veilig-back-ups (*{suffix});;Alle bestanden (*)"
    ).format(suffix=BACKUP_SUFFIX)


def with_backup_suffix(path: Path) -> Path:
    """``path`` ending in ``.svbackup``: a name typed without it gets it."""
    if path.suffix.lower() == BACKUP_SUFFIX:
        return path
    return path.with_name(path.name + BACKUP_SUFFIX)


def default_backup_name(stamp: str) -> str:
    """The proposed name of a backup made by hand, e.g. ``sociaalveilig-backup-20261128-0930``."""
    return f"sociaalveilig-backup-{stamp}{BACKUP_SUFFIX}"
