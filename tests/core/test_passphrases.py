"""The passphrase judge takes any length the policy allows (up to 1024 characters)."""

import pytest

from sociaalveilig.core.passphrases import passphrase_score, weak_passphrase_problem


@pytest.mark.parametrize("length", [72, 73, 200, 1024])
def test_a_long_passphrase_is_judged(length: int) -> None:
    # zxcvbn 4.5 raises ValueError past 72 characters; the judge looks at the first 72.
    phrase = ("kastanje vijver lantaarn molenrad " * 40)[:length]
    assert passphrase_score(phrase) >= 3
    assert weak_passphrase_problem(phrase) is None


def test_a_long_but_guessable_passphrase_is_still_weak() -> None:
    assert weak_passphrase_problem("a" * 500) is not None
