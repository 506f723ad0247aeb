"""``sociaalveilig-server recover``: a beheerder of the centre regains access.

Standard input (``--passphrase-stdin``) or the terminal gives the recovery code, then the
new passphrase. The beheerder gets the new passphrase and the centre a new recovery code,
shown once; the code that was used opens nothing any more. A wrong code: exit 3.
"""

from __future__ import annotations

from sociaalveilig.core.i18n import tr
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.services import centre


def main(env: ServerEnv) -> int:
    username = env.args.user
    code = env.passphrases.read(tr("Herstelcode: "))
    new = env.passphrases.read_new(tr("Nieuw wachtwoord: "), tr("Herhaal het nieuwe wachtwoord: "))
    new_code = centre.recover(env.database_url, username, code, new)
    env.say(tr("Nieuw wachtwoord ingesteld voor beheerder {user}.").format(user=username))
    env.say(
        tr(
            "De gebruikte herstelcode werkt niet meer. Nieuwe herstelcode (wordt maar één keer "
            "getoond; print en bewaar hem veilig):"
        )
    )
    env.say("    " + new_code)
    return 0
