"""``sociaalveilig-server verify``: the centre's schema, references and audit chain."""

from __future__ import annotations

from sociaalveilig.core.errors import StoreDamaged, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.services.centre_backup import verify_centre


def main(env: ServerEnv) -> int:
    report = verify_centre(env.database_url)
    if not report.schema_current:
        raise ValidationError(
            tr("Het centrum is niet gecontroleerd: {problem}. Voer eerst "
               "'sociaalveilig-server upgrade' uit.").format(problem=report.lines[0]),
            field="database",
        )
    for line in report.lines:
        env.say(line)
    if not report.ok:
        raise StoreDamaged(
            tr("Het centrum is beschadigd of gemanipuleerd: {first}. Herstel uit een "
               "back-up.").format(first=report.lines[0])
        )
    text = tr("Centrum in orde: verwijzingen, tellers en auditketen ({n} regels).").format(
        n=report.audit_entries
    )
    if report.audit_head is not None:
        text += " " + tr("Auditketen tot regel {n}, kenmerk {hash}.").format(
            n=report.audit_head.last_id, hash=report.audit_head.short_hash
        )
    env.say(text)
    return 0
