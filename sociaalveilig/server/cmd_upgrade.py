"""``sociaalveilig-server upgrade``: the centre's schema to this version's Alembic head."""

from __future__ import annotations

from sociaalveilig.core.i18n import tr
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.services.centre_backup import upgrade_centre


def main(env: ServerEnv) -> int:
    before, after = upgrade_centre(env.database_url)
    if before == after:
        env.say(tr("Het schema is al actueel (revisie {revision}).").format(revision=after))
    else:
        env.say(
            tr("Schema bijgewerkt van revisie {before} naar {after}.").format(
                before=before or "-", after=after
            )
        )
    return 0
