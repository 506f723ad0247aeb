"""A record asked for by name, for a store whose row-level policies would hide it.

On the centre a partner's units see only the partner's rows (storage/postgres/rls.py).
Opening a case or signal by its reference must still find a record outside that scope, so
that ``services/access.py`` can say "outside your area: give a reason" (the noodknop)
instead of "does not exist". A service that looks a record up by reference or id names
it here first; the policies then let that one record through for the rest of the unit,
and ``access.py`` decides, as it does on the desk. Lists and searches name nothing and
stay within the scope. A store without such policies (the desk's) ignores it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

LOOKUP_SETTING = "sociaalveilig.lookup"


def named(session: Session, *keys: str) -> None:
    """Let the records with these references or ids through the unit's row policies."""
    if session.get_bind().dialect.name != "postgresql":
        return
    value = " ".join(key for key in keys if key and " " not in key)
    session.execute(text("SELECT set_config(:name, :value, true)"),
                    {"name": LOOKUP_SETTING, "value": value})
