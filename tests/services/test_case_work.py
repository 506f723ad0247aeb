"""The case as a workbench (issue 14): action steps with a result or reason in the history
and the timeline, the work of one case, finding cases and persons by name."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sociaalveilig.core.enums import ActionStatus, ActionType, Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.services import case_lookup, cases, search
from sociaalveilig.services.actions import (
    ActionInput,
    change_action_deadline,
    change_action_status,
    complete_action,
    create_action,
    get_action,
)
from sociaalveilig.services.case_work import case_work
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import CaseQuery, SignalQuery
from tests.conftest import ActorFactory
from tests.services.seed_casework import HEERLEN, KERKRADE, make_case, make_signal, partner_id

WOCO = "Woningcorporatie"
POLICE = "Politie Limburg"


@pytest.fixture
def case_id(coordinator_ctx: ServiceContext) -> str:
    cid = make_case(coordinator_ctx, persons=(("Gérda Fictief", 1961), ("Jan Verzonnen", 1980)))
    make_signal(coordinator_ctx, case_id=cid, received_at=datetime(2026, 4, 2, 9, 0))
    return cid


def _action(ctx: ServiceContext, case_id: str, owner: str = WOCO) -> str:
    return create_action(
        ctx,
        case_id,
        ActionInput(ActionType.HULPVERLENINGSTRAJECT, partner_id(ctx, owner), date(2026, 4, 30)),
    ).action_id


def _timeline(ctx: ServiceContext, case_id: str) -> list[tuple[str, str | None]]:
    return [(e.title, e.detail) for e in cases.get_case(ctx, case_id).timeline if e.kind == "actie"]


def test_completing_needs_a_result_which_the_timeline_shows(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    action_id = _action(coordinator_ctx, case_id)
    change_action_status(coordinator_ctx, action_id, ActionStatus.IN_UITVOERING)
    with pytest.raises(ValidationError) as err:
        complete_action(coordinator_ctx, action_id, "   ")
    assert err.value.field == "result"
    assert get_action(coordinator_ctx, action_id).status is ActionStatus.IN_UITVOERING
    done = complete_action(coordinator_ctx, action_id, "Schuldhulp gestart.")
    assert done.status is ActionStatus.AFGEROND
    steps = _timeline(coordinator_ctx, case_id)
    assert ("Hulpverleningstraject: open → in uitvoering", None) in steps
    assert ("Hulpverleningstraject: in uitvoering → afgerond", "Schuldhulp gestart.") in steps


def test_a_new_deadline_with_a_reason_goes_into_the_history(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    action_id = _action(coordinator_ctx, case_id)
    with pytest.raises(ValidationError) as err:
        change_action_deadline(coordinator_ctx, action_id, date(2026, 5, 8), " ")
    assert err.value.field == "reason"
    assert get_action(coordinator_ctx, action_id).deadline == date(2026, 4, 30)
    moved = change_action_deadline(
        coordinator_ctx, action_id, date(2026, 5, 8), "Wachten op de rechter."
    )
    assert moved.deadline == date(2026, 5, 8)
    assert moved.status is ActionStatus.OPEN
    assert (
        "Hulpverleningstraject: nieuwe deadline",
        "Deadline 30-04-2026 → 08-05-2026: Wachten op de rechter.",
    ) in _timeline(coordinator_ctx, case_id)


def test_partner_sees_the_case_work_and_may_update_only_its_own(
    coordinator_ctx: ServiceContext, case_id: str, make_actor: ActorFactory
) -> None:
    own = _action(coordinator_ctx, case_id)
    other = _action(coordinator_ctx, case_id, POLICE)
    woco = make_actor(Role.PARTNER, partner=WOCO)
    work = case_work(woco, case_id)
    rows = {r.action_id: r for r in work.actions}
    assert set(rows) == {own, other}
    assert work.may_update(rows[own]) and not work.may_update(rows[other])
    assert not work.may_plan
    with pytest.raises(AccessDenied):
        complete_action(woco, other, "Gedaan.")
    complete_action(woco, own, "Huurachterstand geregeld.")
    # Another partner's result stays hidden from this partner in the timeline.
    police = make_actor(Role.PARTNER, partner=POLICE)
    steps = _timeline(police, case_id)
    assert ("Hulpverleningstraject: open → afgerond", None) in steps
    assert case_work(coordinator_ctx, case_id).may_plan


def test_persons_are_found_by_part_of_the_name_without_accents(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    for text in ("gerda", "FICTIEF", "Ge", "gérda fic", "gerda 1961"):
        found = case_lookup.find_persons(coordinator_ctx, text)
        assert [p.name for p in found] == ["Gérda Fictief"], text
    assert case_lookup.find_persons(coordinator_ctx, "gerda 1962") == []
    assert case_lookup.find_persons(coordinator_ctx, "erda") == []
    person = case_lookup.find_persons(coordinator_ctx, "gerda")[0]
    assert person.birth_year == 1961 and len(person.cases) == 1


def test_persons_and_cases_respect_need_to_know(
    coordinator_ctx: ServiceContext, case_id: str, make_actor: ActorFactory
) -> None:
    outsider = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    local = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    assert case_lookup.find_persons(outsider, "gerda") == []
    assert case_lookup.find_cases(outsider, "gerda") == []
    assert [c.case_id for c in case_lookup.find_cases(local, "gerda")] == [case_id]
    choice = case_lookup.find_cases(local, "gerda")[0]
    assert choice.persons == ("Gérda Fictief",)
    with pytest.raises(AccessDenied):
        case_lookup.find_persons(make_actor(Role.MANAGER), "gerda")


def test_case_picker_finds_by_reference_street_and_postcode(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    other = make_case(coordinator_ctx, postcode="6411 CD", number=3, street="Andereweg")
    reference = cases.get_case(coordinator_ctx, case_id).reference
    for text, expected in (
        (reference, case_id),
        ("Fictiefstraat", case_id),
        ("6411", other),
        ("andereweg", other),
    ):
        assert [c.case_id for c in case_lookup.find_cases(coordinator_ctx, text)] == [expected]


def test_the_case_and_signal_lists_match_persons_names(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    make_case(coordinator_ctx, postcode="6411 CD", number=3, street="Andereweg")
    assert search.case_ids(coordinator_ctx, CaseQuery(text="gerda")) == [case_id]
    assert search.count_cases(coordinator_ctx, CaseQuery(text="gérda")) == 1
    assert search.case_ids(coordinator_ctx, CaseQuery(text="onbekendenaam")) == []
    signals = search.signal_ids(coordinator_ctx, SignalQuery(text="fictief gerda"))
    assert len(signals) == 1
    assert search.count_signals(coordinator_ctx, SignalQuery(text="gerda")) == 1


def test_a_name_with_a_postcode_finds_that_persons_case_there(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    other = make_case(coordinator_ctx, postcode="6411 CD", persons=(("Gerda Anders", 1950),))
    assert {c.case_id for c in case_lookup.find_cases(coordinator_ctx, "gerda")} == {
        case_id,
        other,
    }
    found = case_lookup.find_cases(coordinator_ctx, "gerda 6411")
    assert [c.case_id for c in found] == [other]
    assert found[0].persons == ("Gerda Anders",)


def test_a_word_naming_too_many_persons_is_not_a_name_search(
    coordinator_ctx: ServiceContext, case_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_lookup, "MAX_LIST_PERSONS", 1)
    make_case(coordinator_ctx, postcode="6411 CD", persons=(("Gerda Anders", 1950),))
    # Two Gerdas: too many for the (lowered) cap. The lists fall back to the text alone,
    # the person picker asks for more of the name.
    assert search.case_ids(coordinator_ctx, CaseQuery(text="gerda")) == []
    with pytest.raises(ValidationError):
        case_lookup.find_persons(coordinator_ctx, "gerda")
    assert len(case_lookup.find_persons(coordinator_ctx, "gerda 1961")) == 1
