"""The Meldcode huiselijk geweld en kindermishandeling, as the program applies it.

A signal of a domestic-violence or child-abuse category is at least "hoog", keeps its short
handling term (the category's), shows the Meldcode's five steps with advice from Veilig
Thuis as the first, and never waits for the next overleg without a person deciding so: at
intake the user chooses to consult Veilig Thuis (or escalate) now, or to send it to the
overleg with a reason. The decision goes into the signal's history.
"""

from __future__ import annotations

from enum import StrEnum

from sociaalveilig.core.enums import Urgency
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr

MELDCODE_CATEGORIES = frozenset({"ZV-HG"})
"""Category codes the Meldcode applies to (codes never change; names may)."""

MINIMUM_URGENCY = Urgency.HOOG
_URGENCY_ORDER = (Urgency.LAAG, Urgency.NORMAAL, Urgency.HOOG, Urgency.ACUUT)
MAX_MELDCODE_REASON = 1000


class MeldcodeDecision(StrEnum):
    VEILIG_THUIS = "veilig-thuis"
    """Veilig Thuis is consulted (or the case escalated) now, not at the next overleg."""
    OVERLEG = "overleg"
    """To the overleg, for a reason the user gives."""

    @property
    def label(self) -> str:
        return {
            MeldcodeDecision.VEILIG_THUIS: tr("Nu Veilig Thuis raadplegen of opschalen"),
            MeldcodeDecision.OVERLEG: tr("Naar het overleg, omdat …"),
        }[self]


def meldcode_applies(category_code: str) -> bool:
    return category_code.strip().upper() in MELDCODE_CATEGORIES


def meldcode_steps() -> list[str]:
    """The five steps, advice from Veilig Thuis first (Dutch, for the window)."""
    return [
        tr("Vraag advies aan Veilig Thuis (0800-2000, gratis, dag en nacht)."),
        tr("Breng de signalen in kaart en leg ze feitelijk vast."),
        tr("Overleg met een collega en zo nodig met een deskundige op letselduiding."),
        tr("Ga in gesprek met de betrokkene(n), als dat veilig kan."),
        tr(
            "Weeg het geweld of de kindermishandeling (afwegingskader) en beslis: zelf hulp "
            "organiseren of melden bij Veilig Thuis."
        ),
    ]


def urgency_below_minimum(urgency: Urgency) -> bool:
    return _URGENCY_ORDER.index(urgency) < _URGENCY_ORDER.index(MINIMUM_URGENCY)


def check_meldcode(
    category_code: str,
    urgency: Urgency,
    decision: str | None,
    reason: str | None,
) -> str | None:
    """For a Meldcode category: refuse an urgency below hoog and a missing decision (or
    a missing reason for the overleg). Returns the line for the signal's history, or None
    when the Meldcode does not apply."""
    if not meldcode_applies(category_code):
        return None
    if urgency_below_minimum(urgency):
        raise ValidationError(
            tr(
                "Bij een vermoeden van huiselijk geweld of kindermishandeling is de urgentie "
                "minstens 'hoog' (Meldcode). Kies 'hoog' of 'acuut'."
            ),
            field="urgentie",
        )
    try:
        chosen = MeldcodeDecision((decision or "").strip())
    except ValueError:
        raise ValidationError(
            tr(
                "Meldcode: kies wat er nu gebeurt: Veilig Thuis raadplegen of opschalen, of "
                "naar het overleg met een reden. Het signaal wacht niet vanzelf op het overleg."
            ),
            field="meldcode",
        ) from None
    if chosen is MeldcodeDecision.VEILIG_THUIS:
        return tr("Meldcode: besloten nu Veilig Thuis te raadplegen of op te schalen.")
    text = (reason or "").strip()
    if not text:
        raise ValidationError(
            tr("Meldcode: geef de reden waarom dit signaal naar het overleg gaat."),
            field="meldcode",
        )
    if len(text) > MAX_MELDCODE_REASON:
        raise ValidationError(
            tr("Meldcode: de reden is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_MELDCODE_REASON
            ),
            field="meldcode",
        )
    return tr("Meldcode: naar het overleg, omdat {reason}").format(reason=text)
