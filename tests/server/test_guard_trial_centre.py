"""``make centre``'s preparation (tools/trial_centre.py): a centre with a fictional
beheerder and demo data, signed in to with the passphrase it shows."""

from __future__ import annotations

from sqlalchemy import func, select

from sociaalveilig.services import centre
from sociaalveilig.storage.models import Signal, User
from tests.server.test_cmd_init import empty_database  # noqa: F401  (the fixture)
from tools import trial_centre


def test_the_trial_centre_is_a_centre_with_demo_data(empty_database: str) -> None:  # noqa: F811
    trial = trial_centre.prepare(empty_database, signals=12)
    assert trial.passphrase.startswith("proefcentrum-") and len(trial.passphrase) > 20
    ctx = centre.centre_login(empty_database, trial.username, trial.passphrase)
    try:
        with ctx.unit() as session:
            signals = session.execute(select(func.count()).select_from(Signal)).scalar_one()
            users = session.execute(select(func.count()).select_from(User)).scalar_one()
        assert signals >= 12
        assert users > 1  # the demo's fictional coordinator, wijkagenten, partners
    finally:
        ctx.store.close()
