"""The one CSV writer of the program: no cell can run as a spreadsheet formula.

A signal's description, a street or a reporter is typed by someone outside the desk; a
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken by
Excel and LibreOffice as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``). As OWASP
advises, such a cell is written with a leading ``'``, which spreadsheets read as "this is
text". ``restore_cell`` undoes it on import, so an exported file imports again with its
texts as they were (a description that starts with ``-`` stays readable both ways).

Not ``defusedcsv``: it also rewrites ``|`` inside a cell and passes tab and carriage
return through, so an exported text would not come back as it was, and it would still need
the import side written here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE_PREFIX = "'"


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def neutralise(cell: str) -> str:
    """``cell`` as text a spreadsheet will not evaluate."""
    if cell.startswith(FORMULA_STARTS):
        return QUOTE_PREFIX + cell
    return cell


def restore_cell(cell: str) -> str:
    """A cell read back from a file this program (or a spreadsheet) wrote: the ``'`` put
    before a formula character is dropped. A ``'`` before anything else is the user's own
    (``'s avonds``) and stays."""
    if cell.startswith(QUOTE_PREFIX) and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


class SafeWriter:
    """``csv.writer`` whose text cells pass ``neutralise``; numbers are written as they are."""

    def __init__(self, out: _Writable, delimiter: str = ";") -> None:
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow(
            [neutralise(cell) if isinstance(cell, str) else cell for cell in row]
        )

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(out: _Writable, delimiter: str = ";") -> SafeWriter:
    """The writer every CSV the program writes goes through (exports, rejects, audit)."""
    return SafeWriter(out, delimiter)
