"""resources/: the icon is current with its SVG, the desktop entry and the metainfo are
valid and agree with the program, and the installed package finds them."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

from PySide6.QtGui import QImage

from sociaalveilig import APP_ID, APP_NAME
from tools import make_icons

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _pixels(path: Path) -> tuple[int, int, bytes]:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    return image.width(), image.height(), bytes(image.constBits())


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    entries = []
    for i in range(count):
        edge, _h, _c, _r, _planes, _bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        entries.append((edge or 256, data[offset : offset + size]))
    return entries


def test_every_icon_size_is_there_with_its_dimensions() -> None:
    for size in make_icons.PNG_SIZES:
        width, height, _ = _pixels(make_icons.png_path(make_icons.ICON_DIR, size))
        assert (width, height) == (size, size)
    entries = _ico_entries(make_icons.ico_path(make_icons.ICON_DIR).read_bytes())
    assert [edge for edge, _ in entries] == list(make_icons.ICO_SIZES)
    for edge, png in entries:
        assert png.startswith(b"\x89PNG")
        width, height = struct.unpack(">II", png[16:24])  # the PNG's IHDR
        assert (width, height) == (edge, edge)


def test_the_committed_icons_are_current_with_the_svg(qapp, tmp_path: Path) -> None:
    """Change the SVG, run `make icons`, commit the PNGs and the ICO."""
    make_icons.make_icons(make_icons.SVG_SOURCE, tmp_path)
    for size in make_icons.PNG_SIZES:
        fresh = _pixels(make_icons.png_path(tmp_path, size))
        committed = _pixels(make_icons.png_path(make_icons.ICON_DIR, size))
        assert fresh[:2] == committed[:2]
        # Another Qt version may antialias an edge differently; a changed drawing differs
        # in many pixels.
        differing = sum(1 for a, b in zip(fresh[2], committed[2], strict=True) if abs(a - b) > 8)
        assert differing <= len(fresh[2]) // 200, f"{size} px icon is not current"
    fresh_ico = _ico_entries(make_icons.ico_path(tmp_path).read_bytes())
    committed_ico = _ico_entries(make_icons.ico_path(make_icons.ICON_DIR).read_bytes())
    assert [e for e, _ in fresh_ico] == [e for e, _ in committed_ico]


def test_the_package_reads_the_resources_through_importlib() -> None:
    """The files are package data in sociaalveilig/resources (the top-level resources of
    DESIGN.md links to it); the wheel and the PyInstaller folder carry them under the same
    name (pyproject.toml, tools/*.spec)."""
    packaged = files("sociaalveilig") / "resources"
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"):
        assert (packaged / name).read_bytes() == (RESOURCES / name).read_bytes()
    assert (packaged / "icons" / f"{APP_ID}.ico").is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "resources/**/*" in config["tool"]["setuptools"]["package-data"]["sociaalveilig"]
    spec = (ROOT / "tools" / "sociaalveilig.spec").read_text(encoding="utf-8")
    assert '(str(RESOURCES), "sociaalveilig/resources")' in spec
    assert 'RESOURCES = ROOT / "sociaalveilig" / "resources"' in spec


def test_the_desktop_entry_starts_the_program_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert section["Exec"] in config["project"]["gui-scripts"]
    assert section["Icon"] == APP_ID
    assert section["Name"] == APP_NAME and section["Name[en]"]
    assert section["Comment"] and section["Comment[en]"] != section["Comment"]


def test_the_metainfo_names_the_program_licence_and_both_languages() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("project_license") == "EUPL-1.2"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating") is not None
    languages = {p.get(XML_LANG) for p in root.iter("p")}
    assert languages == {None, "nl"}  # English (the default) and Dutch


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed (CI installs it: .ci/run)")
def test_desktop_file_validate_accepts_the_entry() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstream not installed (CI installs it: .ci/run)")
def test_appstreamcli_accepts_the_metainfo() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
