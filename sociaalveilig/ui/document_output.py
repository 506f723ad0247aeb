"""Where a finished PDF goes: the system's PDF viewer or a printer.

Behind a small interface (STYLE.md 2) so pages never call the desktop directly and tests
pass a fake that records what would have been shown or printed. ``app.py`` may wire another
implementation with ``set_document_output``; pages take the current one when built.

The PDFs themselves are written by ``ReportFiles`` into a private temporary folder (mode
0700) that is emptied when the window locks and when the program ends, so printed case
content does not linger in a shared temp directory.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from sociaalveilig.core.errors import SociaalVeiligError


def _t(text: str) -> str:
    return QCoreApplication.translate("document_output", text)


class DocumentOutputError(SociaalVeiligError):
    """The viewer or printer could not be reached; the message says where the file is."""


class DocumentOutput(Protocol):
    def show(self, path: Path, parent: QWidget | None = None) -> None:
        """Open the PDF in the system's viewer."""
        ...

    def print(self, path: Path, parent: QWidget | None = None) -> bool:
        """Ask for a printer and print the PDF; False when the user cancelled."""
        ...


class SystemDocumentOutput:
    """The desktop's PDF viewer (QDesktopServices) and Qt's print dialog."""

    def show(self, path: Path, parent: QWidget | None = None) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            raise DocumentOutputError(
                _t(
                    "Er is geen programma gevonden om PDF-bestanden te openen. "
                    "Het document staat in {path}."
                ).format(path=path)
            )

    def print(self, path: Path, parent: QWidget | None = None) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.name)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_t("Afdrukken"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._send(path, printer.printerName(), printer.copyCount())
        return True

    @staticmethod
    def _send(path: Path, printer_name: str, copies: int) -> None:
        # Qt cannot rasterise a PDF without QtPdf; the platform's own spooler can.
        if sys.platform.startswith("win"):
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
            return
        lp = shutil.which("lp")
        if lp is None:
            raise DocumentOutputError(
                _t(
                    "Afdrukken is op deze computer niet ingesteld (geen 'lp'). Open het "
                    "document in de PDF-viewer en druk het daar af: {path}."
                ).format(path=path)
            )
        command = [lp, "-n", str(max(1, copies))]
        if printer_name:
            command += ["-d", printer_name]
        command.append(str(path))
        result = subprocess.run(command, capture_output=True, check=False, timeout=60)
        if result.returncode != 0:
            raise DocumentOutputError(
                _t("De printer weigerde het document. Het staat in {path}.").format(path=path)
            )


_current: DocumentOutput | None = None


def document_output() -> DocumentOutput:
    """The output pages use (the system's, unless ``app.py`` or a test set another)."""
    global _current
    if _current is None:
        _current = SystemDocumentOutput()
    return _current


def set_document_output(output: DocumentOutput | None) -> None:
    global _current
    _current = output


class ReportFiles:
    """A private folder for the PDFs of this session; emptied on lock and at exit."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    def folder(self) -> Path:
        if self._folder is None or not self._folder.exists():
            self._folder = Path(tempfile.mkdtemp(prefix="sociaalveilig-pdf-"))
            os.chmod(self._folder, 0o700)
            atexit.register(shutil.rmtree, self._folder, True)
        return self._folder

    def path_for(self, stem: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem) or "document"
        return self.folder() / f"{safe}.pdf"

    def write(self, stem: str, data: bytes) -> Path:
        path = self.path_for(stem)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return path

    def wipe(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
