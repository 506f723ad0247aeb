"""How a list shows where something is: the focus area, or plainly that there is none.

A bare municipality in a "Focusgebied" column ("Heerlen" beside "Heerlen Noord (incl.
Hoensbroek)") reads as a focus area of its own; "geen (Heerlen)" says what it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("AreaText", text)


def area_text(focus_area: str | None, municipality: str | None) -> str:
    """The focus area's name, or "geen (municipality)" outside the focus areas."""
    if focus_area:
        return focus_area
    if municipality:
        return _t("geen ({municipality})").format(municipality=municipality)
    return _t("geen")


def area_tooltip(focus_area: str | None, municipality: str | None) -> str:
    if focus_area:
        return focus_area
    if municipality:
        return _t("Geen focusgebied; gemeente {municipality}").format(municipality=municipality)
    return _t("Geen focusgebied")
