"""``sociaalveilig-server restore IN``: a centre's backup back into an empty database."""

from __future__ import annotations

from pathlib import Path

from sociaalveilig.core.i18n import tr
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.services.centre_backup import restore_centre


def main(env: ServerEnv) -> int:
    passphrase = env.passphrases.read(tr("Wachtwoord van de back-up: "))
    report = restore_centre(Path(env.args.source), env.database_url, passphrase)
    line = tr("Back-up teruggezet en gecontroleerd ({n} auditregels).").format(
        n=report.audit_entries
    )
    if report.audit_head is not None:
        line += " " + tr("Auditketen tot regel {n}, kenmerk {hash}.").format(
            n=report.audit_head.last_id, hash=report.audit_head.short_hash
        )
    env.say(line)
    return 0
