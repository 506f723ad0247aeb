"""A trial centre in one command: ``make centre``.

Run inside a throw-away cluster (``python -m tools.pgcluster run -- python -m
tools.trial_centre``, which sets ``SV_TEST_DATABASE_URL``): the database becomes a centre
(``sociaalveilig-server init``'s service) with a fictional beheerder whose passphrase is
shown on screen, is filled with the clearly fictional demo data (the services' demo, run
on the centre's store as the beheerder), and is served with ``sociaalveilig-server run``
on 127.0.0.1 until Ctrl-C. The cluster and its folder go with it (tools/pgcluster.py).
Nothing here is for real data: the passphrase is on screen, the cluster keeps nothing.
"""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass

from tools.pgcluster import URL_VARIABLE, free_port

DEMO_SIGNALS = 400
TRIAL_USER = "beheer"


@dataclass(frozen=True)
class TrialCentre:
    url: str
    username: str
    passphrase: str
    summary: str


def prepare(url: str, signals: int = DEMO_SIGNALS) -> TrialCentre:
    """Make the empty database at ``url`` a centre with demo data; returns how to sign in."""
    from sociaalveilig.demo import fill_demo
    from sociaalveilig.services import centre

    # Random, so no trial centre shares one; shown on screen, so nothing real belongs here.
    passphrase = "proefcentrum-" + secrets.token_urlsafe(12)
    ctx = centre.create_centre(url, TRIAL_USER, passphrase, "Beheerder (proef, fictief)")
    try:
        summary = fill_demo(ctx, signals)
    finally:
        ctx.store.close()
    return TrialCentre(url, TRIAL_USER, passphrase, summary)


def main() -> int:
    url = os.environ.get(URL_VARIABLE, "")
    if not url:
        print("trial_centre: run it through 'make centre' (tools/pgcluster.py gives the "
              "database)", file=sys.stderr)
        return 2
    from sociaalveilig.server import cli

    print("Proefcentrum wordt ingericht (fictieve demogegevens)...", flush=True)
    trial = prepare(url)
    port = free_port()
    server_url = f"http://127.0.0.1:{port}"
    print(trial.summary)
    print(
        "\n"
        f"Proefcentrum: {server_url}\n"
        f"  gebruiker:  {trial.username}\n"
        f"  wachtwoord: {trial.passphrase}\n"
        "Start een werkplek ertegen (in een tweede terminal):\n"
        f"  .venv/bin/sociaalveilig --server {server_url}\n"
        f"  .venv/bin/sociaalveilig-admin --server {server_url} --user {trial.username} "
        "export signals signalen.csv\n"
        "Ctrl-C stopt het centrum en verwijdert alles.\n",
        flush=True,
    )
    return cli.run(["run", "--database", url, "--listen", f"127.0.0.1:{port}"])


if __name__ == "__main__":
    sys.exit(main())
