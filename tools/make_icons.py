"""Render the application icon's PNG sizes and the Windows ICO from the one SVG source.

    make icons   # QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.make_icons [--out DIR]

The SVG (``sociaalveilig/resources/icons/hicolor/scalable/apps/<APP_ID>.svg``) is the source;
the PNGs go into the freedesktop ``hicolor`` layout beside it
(``hicolor/<N>x<N>/apps/<APP_ID>.png``) so a Linux install can copy the tree as it is, and
the ICO (``<APP_ID>.ico``) holds the sizes Windows uses. The generated files are committed;
``tests/test_resources.py`` renders them again and fails when they no longer match the SVG.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "nl.parkstad.SociaalVeilig"
ICON_DIR = ROOT / "sociaalveilig" / "resources" / "icons"
SVG_SOURCE = ICON_DIR / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The ICO format stores at most 256 px; Windows picks from these for the task bar,
# the Start menu and Explorer.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(out: Path, size: int) -> Path:
    return out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def ico_path(out: Path) -> Path:
    return out / f"{APP_ID}.ico"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO whose entries are PNG streams (read by Windows Vista and later).

    Written here rather than with Qt's ICO writer, which stores one image per file."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries.append(struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def make_icons(svg: Path, out: Path) -> list[Path]:
    """Write every PNG size and the ICO under ``out``; returns the files written."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("a QGuiApplication is needed to render the icon")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"not a valid SVG: {svg}")
    written: list[Path] = []
    pngs: dict[int, bytes] = {}
    for size in PNG_SIZES:
        data = png_bytes(render(renderer, size))
        target = png_path(out, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
        if size in ICO_SIZES:
            pngs[size] = data
    ico = ico_path(out)
    ico.write_bytes(ico_bytes(pngs))
    written.append(ico)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.make_icons", description=__doc__)
    parser.add_argument("--svg", type=Path, default=SVG_SOURCE)
    parser.add_argument("--out", type=Path, default=ICON_DIR)
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in make_icons(args.svg, args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
