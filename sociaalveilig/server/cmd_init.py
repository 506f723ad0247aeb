"""``sociaalveilig-server init``: make an empty PostgreSQL database a centre.

The schema (with the runtime role and its row-level policies, revision 0008: the URL's
role needs CREATEROLE there, docs/server.md), the reference data, the first beheerder and
the recovery code, shown once; only its hash is kept. A database that already holds
tables (a centre or anything else) is refused with nothing changed (exit 4), one that
cannot be reached with exit 6.
"""

from __future__ import annotations

from sociaalveilig.core.i18n import tr
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.services import centre
from sociaalveilig.storage.postgres.store import shown_url


def main(env: ServerEnv) -> int:
    username = env.args.user
    passphrase = env.passphrases.read_new(
        tr("Nieuw wachtwoord voor {user}: ").format(user=username), tr("Herhaal het wachtwoord: ")
    )
    ctx = centre.create_centre(env.database_url, username, passphrase)
    try:
        code = centre.new_recovery_code(ctx)
    finally:
        ctx.store.close()
    env.say(
        tr("Centrum ingericht in {database} met beheerder {user}.").format(
            database=shown_url(env.database_url), user=ctx.actor.username
        )
    )
    env.say(tr("Herstelcode (wordt maar één keer getoond; print en bewaar hem veilig):"))
    env.say("    " + code)
    return 0
