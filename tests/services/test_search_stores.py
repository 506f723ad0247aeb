"""The text search gives the same answers on both stores, for the benchmark's searches and
the tests' own, except where PostgreSQL finds more on purpose (docs/architecture.md, "Two
stores"): a Dutch stem ("jongeren" finds "jongere") and a word inside a street name
("mergelweg" finds "Kleinmergelweg")."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sociaalveilig.services import search
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import SignalQuery
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from tests.conftest import TEST_NOW

# (street, postcode, city, description): fictional.
SIGNALS = {
    "kouvender": ("Kouvenderstraat", "6463 AB", "Kerkrade",
                  "Fictief: geluidsoverlast van de buren"),
    "mergel": ("Mergelweg", "6431 BC", "Hoensbroek", "Fictief: hennepgeur bij de woning"),
    "aker": ("Akerstraat", "6411 CD", "Heerlen", "Fictief: een jongere met verward gedrag"),
    "klein": ("Kleinmergelweg", "6371 AA", "Landgraaf",
              "Fictief: huurachterstand en jongeren"),
    "cafe": (None, "6351 AB", "Simpelveld", "Fictief: inbraak in het café"),
}

# Search text → the signals both stores find, and what PostgreSQL finds besides.
SAME = {
    # The benchmark's searches (bench/run.py SEARCHES).
    "hennep": ({"mergel"}, set()),
    "geluidsoverlast buren": ({"kouvender"}, set()),
    "Mergelweg": ({"mergel"}, {"klein"}),
    "jongeren": ({"klein"}, {"aker"}),
    "huurachterstand": ({"klein"}, set()),
    "6431": ({"mergel"}, set()),
    "inbraak": ({"cafe"}, set()),
    "verward gedrag": ({"aker"}, set()),
    # Word starts, accents, case, postcodes, cities, operators as text.
    "kouvender": ({"kouvender"}, set()),
    "KOUVENDERSTRAAT": ({"kouvender"}, set()),
    "cafe": ({"cafe"}, set()),
    "Café": ({"cafe"}, set()),
    "heerlen": ({"aker"}, set()),
    "6463 ab": ({"kouvender"}, set()),
    "fictief jongere": ({"aker", "klein"}, set()),
    "NOT hennep": (set(), set()),
    'hennep" OR "inbraak': (set(), set()),
    "zzzonbekend": (set(), set()),
}


REFERENCES: dict[str, str] = {}


@pytest.fixture
def made(coordinator_ctx: ServiceContext) -> dict[str, str]:
    """The signals above, registered by a coordinator: signal id → key."""
    ids: dict[str, str] = {}
    REFERENCES.clear()
    for n, (key, (street, postcode, city, description)) in enumerate(SIGNALS.items()):
        detail = sv.register_signal(
            coordinator_ctx,
            SignalInput(
                received_at=TEST_NOW - timedelta(hours=n),
                source="bewoner",
                category="WO-OVL",
                postcode=postcode,
                house_number=n + 1,
                street=street,
                city=city,
                description=description,
            ),
            NO_CASE,
        )
        ids[detail.signal_id] = key
        REFERENCES[detail.signal_id] = detail.reference
    return ids


@pytest.mark.parametrize("text", list(SAME))
def test_the_same_searches_find_the_same_signals(
    coordinator_ctx: ServiceContext, made: dict[str, str], text: str
) -> None:
    both, postgresql_also = SAME[text]
    found = {made[i] for i in search.signal_ids(coordinator_ctx, SignalQuery(text=text))}
    postgresql = coordinator_ctx.store.capabilities.dialect == "postgresql"
    assert found == both | (postgresql_also if postgresql else set())


def test_a_reference_finds_its_signal(
    coordinator_ctx: ServiceContext, made: dict[str, str]
) -> None:
    for signal_id in made:
        reference = REFERENCES[signal_id]
        for typed in (reference, reference.lower()):
            found = search.signal_ids(coordinator_ctx, SignalQuery(text=typed))
            assert found == [signal_id]
