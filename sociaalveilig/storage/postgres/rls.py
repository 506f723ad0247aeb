"""Row-level security on the centre's case work: a second line behind ``services/access.py``.

The services decide who sees what (``access.py``) and every list and view asks them. On
the centre, PostgreSQL holds a second copy of the partner's part of that rule, so that a
service that forgot to ask still cannot hand a housing corporation's user the police's
signals or another partner's cases.

Each unit says whom it acts for (``PgStore.unit``): ``SET LOCAL sociaalveilig.user_id``
and ``SET LOCAL ROLE`` to one of two variants of the runtime role (roles.py). A partner's
unit acts as ``…_partner``, whose policies mirror ``access.py``: the cases on the agenda
of its meetings, with an action it owns, of a visit it takes part in, or that it leads;
those cases' signals, actions, visits, escalations and persons; the signals on its
meetings' agendas and those its user registered; its own meetings and their agendas. The
partner is read from the user's row. Every other unit (other roles, ``system`` work such
as sign-in, seeding and jobs, and a view with a noodknop reason, which ``access.py``
still checks and logs) acts as ``…_all``, whose policy lets every row through. A
transaction that says nothing stays the plain runtime role (or the owner), for which no
policy exists: it sees no rows at all.

Why two roles and not one policy that asks who acts: a policy is a security barrier, and
PostgreSQL does not use an index for a condition of the query that is not leakproof (a
text search, ``LIKE``) before the policy's own condition holds. One policy for everyone
made every list and search of every user walk far more rows (docs: README, "The
centre's walls"); ``USING (true)`` is no barrier, so only a partner's lists pay.

A record a service looks up by reference or id before it asks ``access.py``
(storage/row_scope.py) gets through a partner's policies, so that ``access.py``, not a
missing row, answers ("outside your area: give a reason"). INSERT (and the new row of an
UPDATE) by a partner is not limited: the services' unit of work inserts a visit before
the partners that take part in it.

The owner is not bound (no ``FORCE ROW LEVEL SECURITY``): it is the operator's tools
(init, migrations, backup, restore, verify, import-store), which must see every row — a
backup that silently saw none would be worse than no backup — and the server never acts as
the owner (PgStore.open switches each pooled connection to the runtime role). A partner
sees the cases where it owns an action or takes part in a visit, and the policies of those
tables read the partner's cases in turn; SECURITY DEFINER functions answer those two
questions as the owner (policies that read each other's tables would recurse).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, event, text

from sociaalveilig.storage.postgres.roles import all_role, partner_role, quoted

USER_SETTING = "sociaalveilig.user_id"
SYSTEM = "system"

_PARTNER = "(SELECT sv_rls_partner())"
"""The acting user's partner organisation ('-' for none: nothing matches); an InitPlan,
so computed once a statement."""
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
        SELECT coalesce(
            (SELECT u.partner_id FROM users u
             WHERE u.id = current_setting('{USER_SETTING}', true) AND u.role = 'partner'),
            '-')
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


def create_policies(connection: Connection, everyone: str, partner: str) -> None:
    """Functions, policies and ``ENABLE ROW LEVEL SECURITY`` (revision 0008), for
    the runtime role's variants ``everyone`` (every row) and ``partner``."""
    for statement in _FUNCTIONS:
        connection.execute(text(statement))
    all_role, partner_role = quoted(everyone), quoted(partner)
    for table, scope in PARTNER_SCOPE.items():
        connection.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        for statement in (
            f"CREATE POLICY sv_all ON {table} TO {all_role} USING (true) WITH CHECK (true)",
            f"CREATE POLICY sv_read ON {table} FOR SELECT TO {partner_role} USING ({scope})",
            f"CREATE POLICY sv_delete ON {table} FOR DELETE TO {partner_role} USING ({scope})",
            f"CREATE POLICY sv_update ON {table} FOR UPDATE TO {partner_role} USING ({scope}) "
            "WITH CHECK (true)",
            f"CREATE POLICY sv_insert ON {table} FOR INSERT TO {partner_role} WITH CHECK (true)",
        ):
            connection.execute(text(statement))


def drop_policies(connection: Connection) -> None:
    for table in PARTNER_SCOPE:
        for policy in ("sv_all", "sv_read", "sv_delete", "sv_update", "sv_insert"):
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


def acting_statements(base_role: str, user_id: str, *, partner: bool = False) -> list[str]:
    """The ``SET LOCAL`` statements that start a unit acting for ``user_id``: as the
    runtime role ``base_role``'s partner variant for a partner's unit, else as its
    every-row variant. ``SET`` takes no snapshot, so they may come before the write
    order's lock (units.py). The id is one of the store's own (hex) or ``system``; anything
    else is refused, never quoted into SQL."""
    if not user_id.replace("-", "").isalnum():
        raise ValueError("not a user id")
    role = partner_role(base_role) if partner else all_role(base_role)
    return [f"SET LOCAL {USER_SETTING} = '{user_id}'", f"SET LOCAL ROLE {quoted(role)}"]


def act_as_system(engine: Engine, base_role: str) -> None:
    """Every transaction of ``engine`` acts for the system: for tools that write in bulk
    outside the store's units (the benchmark's generator) on an engine of their own."""
    statements = acting_statements(base_role, SYSTEM)

    def begin(connection: Connection) -> None:
        for statement in statements:
            connection.exec_driver_sql(statement)

    event.listen(engine, "begin", begin)
