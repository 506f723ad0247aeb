"""Row-level security on the centre's case work: a second line behind ``services/access.py``.

The services decide who sees what (``access.py``) and every list and view asks them. On
the centre, PostgreSQL holds a second copy of the partner's part of that rule, so that a
service that forgot to ask still cannot hand a housing corporation's user the police's
signals or another partner's cases. Each unit says whom it acts for
(``SET LOCAL sociaalveilig.user_id``, ``PgStore.unit``): a user's id, or ``system`` for the
work no user does (sign-in, seeding, scheduled jobs). A transaction that says nothing sees
no rows at all.

For a user who is no partner (and for ``system``) the policies let every row through:
their scopes stay with ``access.py`` alone (a wijkagent's areas are not repeated here).
For a partner they mirror ``access.py``: the cases on the agenda of its meetings, with an
action it owns, or that it leads; those cases' signals, actions, visits, escalations and
persons; the signals on its meetings' agendas and those its user registered; its own
meetings and their agendas. A view with a reason (the noodknop, which ``access.py`` still
checks and logs) is a unit marked ``sociaalveilig.emergency``: it lets a partner past the
scope for that one unit.

INSERT (and the new row of an UPDATE) is only checked for a user being set: the services'
own unit of work inserts a visit before the partners that take part in it, and a policy
on the new row would refuse work ``access.py`` allows.

``FORCE ROW LEVEL SECURITY`` binds the owner too, except on ``actions`` and ``visits``: a
partner sees the cases where it owns an action or takes part in a visit, and the policies
of those tables read the partner's cases in turn; SECURITY DEFINER functions answer those
two questions as the owner (policies that read each other's tables would recurse). The
migrations and the owner's tools set ``system`` for their units.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, event, text

USER_SETTING = "sociaalveilig.user_id"
EMERGENCY_SETTING = "sociaalveilig.emergency"
SYSTEM = "system"

_PARTNER = "(SELECT sv_rls_partner())"
"""The acting partner organisation: '' for a user who is no partner (and ``system``),
NULL when no user is set (nothing visible); an InitPlan, so computed once a statement."""
_EMERGENCY = f"(SELECT current_setting('{EMERGENCY_SETTING}', true) = 'on')"
_USER = f"(SELECT current_setting('{USER_SETTING}', true))"
_LOOKUP = "SELECT unnest(string_to_array(current_setting('sociaalveilig.lookup', true), ' '))"
_NAMED = f"(reference IN ({_LOOKUP}) OR id IN ({_LOOKUP}))"
_NAMED_ID = f"id IN ({_LOOKUP})"
"""A record a service looked up by its reference or id (storage/row_scope.py), before it
asks access.py: the policy lets it through so that access.py, not a missing row, answers."""

_FUNCTIONS = (
    f"""
    CREATE OR REPLACE FUNCTION sv_rls_partner() RETURNS text
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT CASE
            WHEN s IS NULL OR s = '' THEN NULL
            WHEN s = '{SYSTEM}' THEN ''
            ELSE (SELECT CASE WHEN u.role = 'partner' THEN coalesce(u.partner_id, '-')
                              ELSE '' END
                  FROM users u WHERE u.id = s)
        END
        FROM (SELECT current_setting('{USER_SETTING}', true) AS s) AS setting
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION sv_rls_agenda_cases(p text) RETURNS SETOF text
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT ai.case_id FROM agenda_items ai
        JOIN meeting_partners mp ON mp.meeting_id = ai.meeting_id
        WHERE mp.partner_id = p AND ai.case_id IS NOT NULL
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION sv_rls_action_cases(p text) RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.case_id FROM actions a WHERE a.owner_partner_id = p
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION sv_rls_visit_cases(p text) RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT v.case_id FROM visits v
        JOIN visit_partners vp ON vp.visit_id = v.id
        WHERE vp.partner_id = p AND v.case_id IS NOT NULL
    $$
    """,
)

_CASES = (
    f"(SELECT sv_rls_agenda_cases({_PARTNER})) "
    f"UNION ALL SELECT sv_rls_action_cases({_PARTNER}) "
    f"UNION ALL SELECT sv_rls_visit_cases({_PARTNER}) "
    f"UNION ALL SELECT c.id FROM cases c WHERE c.lead_partner_id = {_PARTNER}"
)
"""The partner's cases: ``access.partner_case_ids``, those it leads, and those of the
visits it takes part in (a visit's list row and detail show its case's reference and
address)."""
_MEETINGS = f"SELECT mp.meeting_id FROM meeting_partners mp WHERE mp.partner_id = {_PARTNER}"

PARTNER_SCOPE: dict[str, str] = {
    # Not through _CASES: a policy on ``cases`` that reads ``cases`` would recurse.
    "cases": (
        f"id IN (SELECT sv_rls_agenda_cases({_PARTNER})) "
        f"OR id IN (SELECT sv_rls_action_cases({_PARTNER})) "
        f"OR id IN (SELECT sv_rls_visit_cases({_PARTNER})) "
        f"OR lead_partner_id = {_PARTNER} OR {_NAMED}"
    ),
    "signals": (
        f"case_id IN ({_CASES}) OR created_by = {_USER} OR id IN ("
        f"SELECT ai.signal_id FROM agenda_items ai WHERE ai.meeting_id IN ({_MEETINGS})) "
        f"OR {_NAMED}"
    ),
    "actions": f"owner_partner_id = {_PARTNER} OR case_id IN ({_CASES}) OR {_NAMED_ID}",
    "visits": (
        f"case_id IN ({_CASES}) OR id IN ("
        f"SELECT vp.visit_id FROM visit_partners vp WHERE vp.partner_id = {_PARTNER}) "
        f"OR {_NAMED_ID}"
    ),
    "escalations": f"case_id IN ({_CASES}) OR {_NAMED_ID}",
    "meetings": f"id IN ({_MEETINGS}) OR {_NAMED_ID}",
    # access.partner_agenda_items; reading the partner's cases here would recurse
    # (sv_rls_agenda_cases reads this table).
    "agenda_items": f"meeting_id IN ({_MEETINGS}) OR {_NAMED_ID}",
    "case_persons": f"case_id IN ({_CASES})",
    "signal_persons": "signal_id IN (SELECT s.id FROM signals s)",
    "persons": (
        "id IN (SELECT cp.person_id FROM case_persons cp) "
        "OR id IN (SELECT sp.person_id FROM signal_persons sp)"
    ),
}
"""Per table: the rows a partner sees (besides the noodknop). Where it reads another
table with a policy of its own (``signal_persons`` reads ``signals``), that policy
applies there too, so the rule is written once per table."""
NOT_FORCED = frozenset({"actions", "visits"})


def create_policies(connection: Connection) -> None:
    """Functions, policies and ``ENABLE``/``FORCE ROW LEVEL SECURITY`` (revision 0008)."""
    for statement in _FUNCTIONS:
        connection.execute(text(statement))
    for table, scope in PARTNER_SCOPE.items():
        visible = f"{_PARTNER} = '' OR {_EMERGENCY} OR {scope}"
        someone = f"{_PARTNER} IS NOT NULL"
        connection.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        if table not in NOT_FORCED:
            connection.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
        connection.execute(
            text(f"CREATE POLICY sv_read ON {table} FOR SELECT USING ({visible})")
        )
        connection.execute(
            text(f"CREATE POLICY sv_delete ON {table} FOR DELETE USING ({visible})")
        )
        connection.execute(
            text(
                f"CREATE POLICY sv_update ON {table} FOR UPDATE USING ({visible}) "
                f"WITH CHECK ({someone})"
            )
        )
        connection.execute(
            text(f"CREATE POLICY sv_insert ON {table} FOR INSERT WITH CHECK ({someone})")
        )


def drop_policies(connection: Connection) -> None:
    for table in PARTNER_SCOPE:
        for policy in ("sv_read", "sv_delete", "sv_update", "sv_insert"):
            connection.execute(text(f"DROP POLICY IF EXISTS {policy} ON {table}"))
        connection.execute(text(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY"))
        connection.execute(text(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"))
    for function in (
        "sv_rls_partner()",
        "sv_rls_agenda_cases(text)",
        "sv_rls_action_cases(text)",
        "sv_rls_visit_cases(text)",
    ):
        connection.execute(text(f"DROP FUNCTION IF EXISTS {function}"))


def acting_statements(user_id: str, emergency: bool = False) -> list[str]:
    """The ``SET LOCAL`` statements that start a unit acting for ``user_id``. ``SET``
    takes no snapshot, so they may come before the write order's lock (units.py). The id
    is one of the store's own (hex) or ``system``; anything else is refused, never quoted
    into SQL."""
    if not user_id.replace("-", "").isalnum():
        raise ValueError("not a user id")
    statements = [f"SET LOCAL {USER_SETTING} = '{user_id}'"]
    if emergency:
        statements.append(f"SET LOCAL {EMERGENCY_SETTING} = 'on'")
    return statements


def act_as_system(engine: Engine) -> None:
    """Every transaction of ``engine`` acts for the system: for tools that write in bulk
    outside the store's units (the benchmark's generator) on an engine of their own."""

    def begin(connection: Connection) -> None:
        connection.exec_driver_sql(acting_statements(SYSTEM)[0])

    event.listen(engine, "begin", begin)
