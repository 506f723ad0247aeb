"""``sociaalveilig-server import-store DIR``: a desk's store moved into an empty centre.

The other users' one-time passphrases are printed here once, and nowhere else: the
operator hands each to its user, who must choose a new one at the first sign-in.
"""

from __future__ import annotations

from pathlib import Path

from sociaalveilig.core.i18n import tr
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.services.centre_import import import_store
from sociaalveilig.services.setup import single_user


def main(env: ServerEnv) -> int:
    folder = Path(env.args.folder)
    username = env.args.user or single_user(folder)
    passphrase = env.passphrases.read(tr("Wachtwoord voor {user}: ").format(user=username))
    result = import_store(folder, env.database_url, username, passphrase)
    line = tr("Opslag verhuisd naar het centrum en gecontroleerd: {n} auditregels.").format(
        n=result.audit_entries
    )
    if result.audit_head is not None:
        line += " " + tr("Auditketen tot regel {n}, kenmerk {hash}.").format(
            n=result.audit_head.last_id, hash=result.audit_head.short_hash
        )
    env.say(line)
    # As init shows it: the same words, the code on a line of its own.
    env.say(tr("Herstelcode (wordt maar één keer getoond; print en bewaar hem veilig):"))
    env.say("    " + result.recovery_code)
    others = [user for user in result.users if user.one_time_passphrase is not None]
    if others:
        env.say(tr("Eenmalige wachtwoorden (nu noteren; ze worden niet opnieuw getoond; "
                   "bij de eerste aanmelding kiest iedere gebruiker een nieuw):"))
        for user in others:
            env.say(f"  {user.username}: {user.one_time_passphrase}")
    return 0
