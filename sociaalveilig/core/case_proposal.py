"""When the intake proposes a new case (a person decides; the program never opens one
unasked).

A case groups the signals about one address, household or person (DOMAIN.md). The intake
proposes a new case only where the category is about a person or household: the
achter-de-voordeur categories, verward gedrag and woonoverlast (a household causing
nuisance). A broken streetlight or litter in a street gets no case proposed.
"""

from __future__ import annotations

PERSON_CATEGORIES = frozenset(
    {"ZV-ZORG", "ZV-HG", "ZV-SCHULD", "ZV-JEUGD", "OP-VERWARD", "WO-OVL"}
)


def proposes_new_case(category_code: str | None) -> bool:
    """Whether a signal of this category makes the intake propose a new case."""
    return (category_code or "").strip().upper() in PERSON_CATEGORIES
