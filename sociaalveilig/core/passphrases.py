"""How hard a new passphrase is to guess: a zxcvbn estimate, with Dutch words it knows too.

zxcvbn (Dropbox's estimator, the ``zxcvbn`` package) finds repeats, sequences, keyboard
patterns, dates and common words and passwords, and scores 0..4 by the guesses an attacker
would need. Its dictionaries are English; the Dutch words below are the first a person at
this desk would reach for, so ``wachtwoord1234`` scores as weak as ``password1234``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from zxcvbn import zxcvbn

from sociaalveilig.core.i18n import tr

# Score 3: about 10^8 guesses or more. With Argon2id at 64 MiB per guess that is years of
# offline work for one desktop; scores 0..2 fall to a plain dictionary run.
MIN_SCORE: Final = 3

# zxcvbn's run time grows with the length; the first characters decide the score of
# anything this long anyway (a longer passphrase only adds guesses). zxcvbn 4.5 refuses
# more than 72 characters with a ValueError (a passphrase of 73 to 1024 characters, which
# the policy allows, failed as an internal error: found by fuzzing the centre's server).
_ESTIMATE_PREFIX: Final = 72

# Words zxcvbn should treat as guessable here (lower case): Dutch for password, welcome and
# secret, the program's and the region's names, the roles.
DUTCH_GUESSABLE: Final = (
    "wachtwoord",
    "welkom",
    "geheim",
    "sociaalveilig",
    "sociaal",
    "veilig",
    "parkstad",
    "heerlen",
    "kerkrade",
    "brunssum",
    "landgraaf",
    "hoensbroek",
    "beheerder",
    "beheer",
    "wijkagent",
    "coordinator",
)

# zxcvbn's English warnings that carry over well, in Dutch.
_WARNINGS: Final = {
    'Repeats like "aaa" are easy to guess.': "Herhalingen zoals 'aaa' zijn makkelijk te raden.",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': (
        "Herhalingen zoals 'abcabc' zijn nauwelijks moeilijker te raden dan 'abc'."
    ),
    "Sequences like abc or 6543 are easy to guess.": (
        "Reeksen zoals 'abc' of '6543' zijn makkelijk te raden."
    ),
    "Straight rows of keys are easy to guess.": (
        "Rijen toetsen naast elkaar (zoals 'qwerty') zijn makkelijk te raden."
    ),
    "Short keyboard patterns are easy to guess.": (
        "Patronen op het toetsenbord zijn makkelijk te raden."
    ),
    "This is similar to a commonly used password.": (
        "Dit lijkt op een veelgebruikt wachtwoord."
    ),
    "This is a very common password.": "Dit is een veelgebruikt wachtwoord.",
    "This is a top-10 common password.": "Dit is een veelgebruikt wachtwoord.",
    "This is a top-100 common password.": "Dit is een veelgebruikt wachtwoord.",
    "Dates are often easy to guess.": "Datums zijn makkelijk te raden.",
    "Recent years are easy to guess.": "Jaartallen zijn makkelijk te raden.",
}


def _estimate(passphrase: str, user_inputs: Iterable[str]) -> dict[str, object]:
    inputs = [*DUTCH_GUESSABLE, *(s.lower() for s in user_inputs if s)]
    result: dict[str, object] = zxcvbn(passphrase[:_ESTIMATE_PREFIX], user_inputs=inputs)
    return result


def passphrase_score(passphrase: str, user_inputs: Iterable[str] = ()) -> int:
    """zxcvbn's score 0..4 for ``passphrase`` (``user_inputs``: the user's name and other
    words an attacker would try first)."""
    if not passphrase:
        return 0
    score = _estimate(passphrase, user_inputs)["score"]
    assert isinstance(score, int)
    return score


def weak_passphrase_problem(passphrase: str, user_inputs: Iterable[str] = ()) -> str | None:
    """One Dutch line saying why ``passphrase`` is too easy to guess and what to do, or None
    when it scores at least MIN_SCORE."""
    if not passphrase:
        return tr("Vul een wachtwoord in.")
    result = _estimate(passphrase, user_inputs)
    score = result["score"]
    assert isinstance(score, int)
    if score >= MIN_SCORE:
        return None
    feedback = result.get("feedback")
    warning = feedback.get("warning", "") if isinstance(feedback, dict) else ""
    reason = _WARNINGS.get(str(warning), "")
    advice = tr(
        "Het wachtwoord is te makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld "
        "een paar woorden die niets met elkaar te maken hebben."
    )
    return f"{advice} {tr(reason)}" if reason else advice
