"""Test doubles for the window's outside things (the PDF viewer and the printer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget


class FakeDocumentOutput:
    """Records what would have been opened or printed; prints unless told to cancel."""

    def __init__(self, accept_print: bool = True) -> None:
        self.shown: list[Path] = []
        self.printed: list[Path] = []
        self.accept_print = accept_print

    def show(self, path: Path, parent: QWidget | None = None) -> None:
        self.shown.append(path)

    def print(self, path: Path, parent: QWidget | None = None) -> bool:
        if self.accept_print:
            self.printed.append(path)
        return self.accept_print
