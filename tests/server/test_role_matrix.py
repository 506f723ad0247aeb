"""The role matrix over HTTP (issue 18): every function the centre exposes, for every role,
through ``create_app`` as a desk reaches it (sign-in, a Bearer token, the codec), on one
centre database; and the sessions and tokens that open the door at all.

The table is ``matrix_table.MATRIX``: a function the registry exposes without a row fails
``test_every_exposed_function_has_a_row``, so a new service function gets its rule written
down on purpose. For each row the roles outside ``allowed`` must be refused (403
AccessDenied, or 404 NotFound where another organisation's record reads as a missing one),
and the roles inside must not be: they may still meet the workflow's own objections (a
status already reached, a meeting still to come), which are not about who they are.

The world (``matrix_world.py``) is built once for the module: the lists and the guessed ids
are checked before the matrix's changes run, in file order.
"""

from __future__ import annotations

import json
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from sociaalveilig.server.app import ServerSettings, create_app
from sociaalveilig.server.registry import exposed_functions
from sociaalveilig.services import centre_sessions
from sociaalveilig.services.context import FixedClock
from sociaalveilig.services.remote import codec
from sociaalveilig.services.search import CaseQuery, SignalQuery
from sociaalveilig.services.setup import context_for
from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.postgres.store import PgStore
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, TEST_NOW, pg_clone
from tests.server.matrix_table import MATRIX, NEW_PASSPHRASE
from tests.server.matrix_world import ROLES, World, build_world
from tests.services import test_role_matrix as in_process

with warnings.catch_warnings():
    # Starlette 1.x suggests httpx2 for its TestClient; httpx (the desk's client) works.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

API = "/api/v1"
CHANGED_PASSPHRASE = "matrix-eigen-wachtwoord-{role}-9Jv"
"""Each role's own passphrase after the first sign-in (the beheerder set the first)."""


@dataclass
class Answer:
    status: int
    kind: str | None = None
    message: str | None = None
    result: Any = None

    @property
    def refused(self) -> bool:
        # 403: AccessDenied, or a service's own subclass of it (it travels by its own name).
        return self.status == 403 or (self.status, self.kind) == (404, "NotFound")


@dataclass
class Centre:
    """The app over the world's database, with a signed-in token per role."""

    http: TestClient
    store: PgStore
    world: World
    tokens: dict[str, str] = field(default_factory=dict)
    session_offset: list[timedelta] = field(default_factory=lambda: [timedelta(0)])

    def sign_in(self, role: str) -> str:
        """Sign in as ``role`` as a desk does; a passphrase the beheerder set is replaced
        by the user's own first (the centre asks for that)."""
        name = self.world.usernames[role]
        answer = self.post("/session", {"username": name,
                                        "passphrase": self.world.passphrases[role]})
        if answer.kind == "PassphraseChangeRequired":
            own = CHANGED_PASSPHRASE.format(role=role)
            changed = self.post("/passphrase", {"username": name,
                                                "old": self.world.passphrases[role], "new": own})
            assert changed.status == 200, changed
            self.world.passphrases[role] = own
            answer = self.post("/session", {"username": name, "passphrase": own})
        assert answer.status == 200, answer
        token = answer.result["token"]
        self.tokens[role] = token
        return str(token)

    def post(self, path: str, body: dict[str, Any], token: str | None = None) -> Answer:
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        content = json.dumps({key: codec.encode(value) for key, value in body.items()})
        response = self.http.post(API + path, content=content, headers=headers)
        return _answer(response.status_code, response.content)

    def call(self, role: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any],
             token: str | None = None) -> Answer:
        module, function = name.split(".")
        body = {"args": list(args), "kwargs": kwargs}
        return self.post(f"/call/{module}/{function}", body,
                         token if token is not None else self.tokens[role])


def _answer(status: int, content: bytes) -> Answer:
    parsed = json.loads(content) if content else {}
    error = parsed.get("error") if isinstance(parsed, dict) else None
    if isinstance(error, dict):
        return Answer(status, str(error.get("kind")), str(error.get("message")))
    fields = {key: codec.decode(value) for key, value in parsed.items()}
    return Answer(status, result=fields.get("result", fields))


@pytest.fixture(scope="module")
def centre(pg_template: str) -> Iterator[Centre]:
    with pg_clone(pg_template) as url:
        store = PgStore.open(url, pool_size=4)
        clock = FixedClock(TEST_NOW)
        try:
            admin = context_for(store, ADMIN, clock)
            world = build_world(admin, ADMIN_PASSPHRASE)
            offset = [timedelta(0)]
            settings = ServerSettings(now=lambda: centre_sessions.real_utcnow() + offset[0])
            with TestClient(create_app(store, clock=clock, settings=settings)) as http:
                c = Centre(http, store, world, session_offset=offset)
                for role in ROLES:
                    c.sign_in(role)
                yield c
        finally:
            store.close()


def _denied_views(c: Centre, role: str) -> set[str | None]:
    """The objects of the refused views the audit log holds for ``role``'s user."""
    with c.store.unit() as session:
        return set(
            session.execute(
                select(AuditEntry.object_id).where(
                    AuditEntry.username == c.world.usernames[role],
                    AuditEntry.outcome == "denied",
                )
            ).scalars()
        )


# --------------------------------------------------------------------------- the table


def test_every_exposed_function_has_a_row() -> None:
    exposed = {f"{module}.{function}" for module, function in exposed_functions()}
    assert sorted(exposed - MATRIX.keys()) == [], "exposed without a row in MATRIX"
    assert sorted(MATRIX.keys() - exposed) == [], "a row for a function the centre lacks"


# --------------------------------------------------------------------------- what lists show


def _keys(c: Centre, ids: set[str]) -> set[str]:
    back = {value: key for key, value in c.world.ids.items()}
    return {back.get(i, i) for i in ids}


@pytest.mark.parametrize("role", in_process.ROLES)
def test_lists_and_records_show_what_the_desk_shows(centre: Centre, role: str) -> None:
    """Over HTTP each role sees exactly the records of the in-process matrix
    (tests/services/test_role_matrix.py), no more and no less."""
    scene_only = {"k", "h", "sk", "sh", "sl", "ak", "ah", "mk", "mk2", "mh", "ek", "eh", "vk",
                  "vh"}
    expected: dict[str, tuple[str, tuple[Any, ...], Any]] = {
        "cases": ("search.case_ids", (CaseQuery(),), in_process.CASE_LIST[role]),
        "signals": ("search.signal_ids", (SignalQuery(),), in_process.SIGNAL_LIST[role]),
        "actions": ("actions.list_actions", (), in_process.ACTIONS[role]),
        "escalations": ("escalations.list_escalations", (), in_process.ESCALATIONS[role]),
        "visits": ("visits.week_plan", (TEST_NOW.date(),), in_process.VISITS[role]),
    }
    for what, (name, args, want) in expected.items():
        answer = centre.call(role, name, args, {"open_only": False} if what == "actions" else {})
        if want == in_process.REFUSED:
            assert answer.refused, (what, answer)
            continue
        assert answer.status == 200, (what, answer)
        ids = {
            getattr(row, "action_id", None) or getattr(row, "escalation_id", None)
            or getattr(row, "visit_id", None) or row
            for row in answer.result
        }
        assert _keys(centre, ids) & scene_only == set(want), what
    meetings = centre.call(role, "meeting_planning.list_meetings",
                           (TEST_NOW.date() - timedelta(days=14), TEST_NOW.date()), {})
    if in_process.MEETINGS[role] == in_process.REFUSED:
        assert meetings.refused
    else:
        listed = _keys(centre, {m.meeting_id for m in meetings.result}) & scene_only
        assert listed == in_process.MEETINGS[role]
    opened = {
        key for key in ("k", "h")
        if not centre.call(role, "cases.get_case", (centre.world.refs[key],), {}).refused
    }
    want_cases = in_process.CASE_DETAIL[role]
    assert opened == (set() if want_cases == in_process.REFUSED else want_cases)


# --------------------------------------------------------------------------- guessed ids

GUESSES = {
    # function, the other organisation's record, the missing message's form
    "actions.get_action": "ah",
    "actions.change_action_status": "ah",
    "visits.get_visit": "vh",
    "visits.record_outcome": "vh",
    "meeting_agenda.get_meeting": "mh",
    "report_meeting.meeting_doc_data": "mh",
    "calendar_export.visit_file": "vh",
    "calendar_export.meeting_file": "mh",
}
EXTRA_ARGS: dict[str, tuple[Any, ...]] = {
    "actions.change_action_status": ("afgerond",),
    "visits.record_outcome": ("uitgevoerd",),
    "report_meeting.meeting_doc_data": (True,),
}


@pytest.mark.parametrize("name", sorted(GUESSES))
def test_a_partner_guessing_another_partners_ids_learns_nothing(
    centre: Centre, name: str
) -> None:
    """The Woningcorporatie tries the ids of the Zorg organisation's action, visit and
    meeting: the same answer as for an id that does not exist, and the try is logged."""
    target = centre.world.ids[GUESSES[name]]
    missing = uuid.uuid4().hex
    extra = EXTRA_ARGS.get(name, ())
    guessed = centre.call("partner_woco", name, (target, *extra), {})
    absent = centre.call("partner_woco", name, (missing, *extra), {})
    assert (guessed.status, guessed.kind) == (absent.status, absent.kind) == (404, "NotFound")
    assert guessed.message == (absent.message or "").replace(missing, target)
    # Zorg itself opens it (the refusal is not a broken id).
    if name.endswith(("get_action", "get_visit", "get_meeting")):
        assert centre.call("partner_zorg", name, (target, *extra), {}).status == 200
    denied = _denied_views(centre, "partner_woco")
    assert target in denied or centre.world.refs[GUESSES[name]] in denied


def test_a_partner_guessing_a_signal_gets_no_content_and_is_logged(centre: Centre) -> None:
    """Signals (and cases) keep the noodknop, which partners have (docs/privacy.md): the
    refusal names the reference so a reason can be given, but shows nothing of the signal,
    and it is logged."""
    answer = centre.call("partner_woco", "signal_records.get_signal", (centre.world.ids["sh"],),
                         {})
    assert answer.status == 403 and "noodknop" in (answer.message or "")
    assert "HDESC" not in (answer.message or "") and "Rinus" not in (answer.message or "")
    assert centre.world.refs["sh"] in _denied_views(centre, "partner_woco")


# --------------------------------------------------------------------------- sessions


def test_no_forged_tampered_or_missing_token_opens_a_call(centre: Centre) -> None:
    token = centre.tokens["coordinator"]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in ("", "niet-een-token", uuid.uuid4().hex, tampered, token + "x"):
        answer = centre.call("coordinator", "partners.list_partners", (), {}, token=bad)
        assert answer.status == 401, bad
        assert answer.kind in {"AuthenticationError", "SessionEnded"}
    response = centre.http.post(API + "/call/partners/list_partners", content=b"{}",
                                headers={"Content-Type": "application/json"})
    assert response.status_code == 401
    assert centre.call("coordinator", "partners.list_partners", (), {}).status == 200


def test_an_ended_session_is_refused(centre: Centre) -> None:
    token = centre.sign_in("manager")
    assert centre.call("manager", "partners.list_partners", (), {}).status == 200
    ended = centre.http.delete(API + "/session", headers={"Authorization": f"Bearer {token}"})
    assert ended.status_code == 200
    assert centre.call("manager", "partners.list_partners", (), {}).status == 401
    centre.sign_in("manager")


def test_an_idle_session_expires(centre: Centre) -> None:
    token = centre.sign_in("manager")
    centre.session_offset[0] = timedelta(hours=1)  # past the 15 minutes of idle time
    try:
        answer = centre.call("manager", "partners.list_partners", (), {}, token=token)
    finally:
        centre.session_offset[0] = timedelta(0)
    assert answer.status == 401
    centre.sign_in("manager")


def test_a_deactivated_user_is_refused_at_once(centre: Centre) -> None:
    """The actor is read on every request: a user the beheerder deactivates has no use of a
    session opened before."""
    from sociaalveilig.services import users

    admin = context_for(centre.store, ADMIN, FixedClock(TEST_NOW))
    users.add_user(admin, "mxgone", "coordinator", "matrix-weg-wachtwoord-5Tr")
    centre.world.usernames["gone"] = "mxgone"
    centre.world.passphrases["gone"] = "matrix-weg-wachtwoord-5Tr"
    token = centre.sign_in("gone")
    assert centre.call("gone", "partners.list_partners", (), {}).status == 200
    deactivated = centre.call("beheerder", "users.deactivate_user", ("mxgone",), {})
    assert deactivated.status == 200, deactivated
    answer = centre.call("gone", "partners.list_partners", (), {}, token=token)
    assert answer.status == 401
    assert centre.call("gone", "search.case_ids", (CaseQuery(),), {},
                       token=token).status == 401


# --------------------------------------------------------------------------- the matrix


@pytest.mark.parametrize("name", list(MATRIX))
def test_role_matrix(centre: Centre, name: str) -> None:
    row = MATRIX[name]
    wrong: list[str] = []
    # The refused first: an allowed role's change must not be what refuses them.
    for role in sorted(ROLES, key=lambda r: r in row.allowed):
        args, kwargs = row.args(centre.world, role)
        answer = centre.call(role, name, args, kwargs)
        if answer.status in (400, 401) or answer.status >= 500:
            wrong.append(f"{role}: {answer.status} {answer.kind}: {answer.message}")
        elif role in row.allowed and answer.refused:
            wrong.append(f"{role} should be allowed, got {answer.kind}: {answer.message}")
        elif role not in row.allowed and not answer.refused:
            wrong.append(f"{role} should be refused, got {answer.status} {answer.kind}")
        if name == "users.change_own_passphrase" and answer.status == 200:
            centre.world.passphrases[role] = NEW_PASSPHRASE.format(role=role)
    assert wrong == []
