"""``sociaalveilig-server backup OUT``: an encrypted, verified backup of the whole centre."""

from __future__ import annotations

from pathlib import Path

from sociaalveilig.core.i18n import tr
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.services.centre_backup import backup_centre


def main(env: ServerEnv) -> int:
    passphrase = env.passphrases.read_new(
        tr("Wachtwoord voor de back-up: "), tr("Herhaal het wachtwoord voor de back-up: ")
    )
    info = backup_centre(env.database_url, Path(env.args.out), passphrase, force=env.args.force)
    # The head on paper or in a mail: a later rewrite of the chain no longer fits it.
    env.say(
        tr("Back-up geschreven en gecontroleerd: {path} ({size} bytes).").format(
            path=info.path, size=info.size
        )
        + " "
        + tr("Auditketen tot regel {n}, kenmerk {hash}.").format(
            n=info.audit_head.last_id, hash=info.audit_head.short_hash
        )
    )
    return 0
