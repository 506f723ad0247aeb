"""Translation hook for user-facing text produced below the ui layer.

Source strings are Dutch (the users' language). The core cannot import Qt, so the
ui layer installs Qt's translator here at start-up (``install``); until then the
Dutch source text is returned unchanged. Mark every user-facing string with
``tr("...")`` so Qt's tools can extract it.
"""

from __future__ import annotations

from collections.abc import Callable

_CONTEXT = "sociaalveilig"
_translate: Callable[[str, str], str] | None = None


def install(translate: Callable[[str, str], str]) -> None:
    """Install a translator taking (context, source) and returning the text to show."""
    global _translate
    _translate = translate


def tr(text: str) -> str:
    """Return the user-facing text for a Dutch source string."""
    if _translate is None:
        return text
    return _translate(_CONTEXT, text)
