"""Reading back what a PDF says, for the report tests."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader


def pages(path: Path) -> list[str]:
    """The text of each page, with runs of whitespace made single spaces."""
    reader = PdfReader(str(path))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def text(path: Path) -> str:
    return " ".join(pages(path))


def assert_footer_on_every_page(path: Path, display_name: str) -> None:
    texts = pages(path)
    total = len(texts)
    assert total >= 1
    for number, page in enumerate(texts, 1):
        assert "Vertrouwelijk" in page, f"page {number} lacks 'Vertrouwelijk'"
        assert f"pagina {number} van {total}" in page, f"page {number} lacks its page number"
        assert f"Afgedrukt door {display_name}" in page, f"page {number} lacks who printed it"
