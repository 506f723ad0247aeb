"""Translation hook for user-facing text produced below the ui layer.

Source strings are Dutch (the users' language). The core cannot import Qt, so the
ui layer (or the command line, ``sociaalveilig/translations.py``) installs Qt's translator
here at start-up (``install``); until then the Dutch source text is returned unchanged.
Mark every user-facing string with ``tr("...")`` so ``pyside6-lupdate`` extracts it into
``resources/translations/`` (``make translations``); a text kept in a table and translated
later with ``tr(value)`` is marked where it is written with ``QT_TR_NOOP("...")``.
"""

from __future__ import annotations

from collections.abc import Callable

# pyside6-lupdate files a module-level ``tr("...")`` (and one in a class that is not a Qt
# object) under the empty context; looking the text up under the same one makes the
# compiled catalogue apply.
CONTEXT = ""
_translate: Callable[[str, str], str] | None = None


def install(translate: Callable[[str, str], str] | None) -> None:
    """Install a translator taking (context, source) and returning the text to show;
    None goes back to the Dutch source text."""
    global _translate
    _translate = translate


def tr(text: str) -> str:
    """Return the user-facing text for a Dutch source string."""
    if _translate is None:
        return text
    return _translate(CONTEXT, text)


def QT_TR_NOOP(text: str) -> str:  # the name lupdate looks for
    """Mark a Dutch text for extraction without translating it yet: ``tr(value)`` does
    that where it is shown."""
    return text
