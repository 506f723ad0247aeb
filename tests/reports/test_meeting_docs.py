"""Meeting agenda and minutes: order, decisions, actions, and each partner's own copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, NotFound
from sociaalveilig.reports import api
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ActorFactory
from tests.reports import sample_data as sd
from tests.reports.pdftext import assert_footer_on_every_page, text


@pytest.fixture
def sample(admin_ctx: ServiceContext) -> sd.Sample:
    return sd.build_sample(admin_ctx)


def test_full_agenda_lists_items_in_order_without_decisions(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    out = api.meeting_agenda(coordinator_ctx, sample.meeting_id, tmp_path / "agenda.pdf")
    body = text(out)
    assert "Agenda overleg fysieke leefomgeving" in body
    assert "12-03-2026 13:30" in body and "Voormalig politiebureau Hoensbroek" in body
    first = body.index(f"1. {sample.case_ref}")
    second = body.index(f"2. {sample.other_case_ref}")
    third = body.index(f"3. {sample.signal_only_ref}")
    assert first < second < third
    assert "Evaluatie" in body and "Nieuw signaal" in body
    assert sd.DECISION_MARK not in body  # an agenda holds no decisions yet
    assert_footer_on_every_page(out, coordinator_ctx.actor.display_name)


def test_full_minutes_hold_decisions_and_actions(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    out = api.meeting_minutes(coordinator_ctx, sample.meeting_id, tmp_path / "verslag.pdf")
    body = text(out)
    assert "Verslag overleg fysieke leefomgeving" in body
    for expected in (sd.DECISION_MARK, sd.OTHER_DECISION, "Gezamenlijk huisbezoek",
                     "Woningcorporatie", "26-03-2026", "Integrale controle", "Politie Limburg",
                     "20-04-2026", "Actielijst"):
        assert expected in body, expected
    assert_footer_on_every_page(out, coordinator_ctx.actor.display_name)


def test_partner_copy_of_minutes_holds_the_agenda_it_sees_without_other_partners_notes(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    # DOMAIN.md: a partner sees the cases on the agenda of a meeting it takes part in, and
    # its copy prints what it sees: every item of this meeting, other partners' notes not.
    woning = make_actor(Role.PARTNER, username="woning", partner=sd.WONEN)
    body = text(api.meeting_minutes(woning, sample.meeting_id, tmp_path / "w.pdf"))
    assert "Exemplaar voor Woningcorporatie" in body
    for expected in (sample.case_ref, sd.DECISION_MARK, sample.other_case_ref,
                     sd.OTHER_DECISION, sample.signal_only_ref):
        assert expected in body, expected
    assert sd.OTHER_ACTION_NOTE not in body


def test_coordinator_prints_a_partners_copy_as_that_partner_sees_it(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory, sample: sd.Sample,
    tmp_path: Path
) -> None:
    police = sample.partners[sd.POLITIE]
    body = text(api.meeting_minutes(coordinator_ctx, sample.meeting_id, tmp_path / "p.pdf",
                                    partner_id=police))
    assert "Exemplaar voor Politie Limburg" in body
    own = text(api.meeting_minutes(
        make_actor(Role.PARTNER, username="politie", partner=sd.POLITIE), sample.meeting_id,
        tmp_path / "own.pdf"))
    # The same items as the police prints itself (the footer names who printed).
    for ref in (sample.case_ref, sample.other_case_ref, sample.signal_only_ref):
        assert (ref in body) and (ref in own), ref


def test_partner_reads_only_its_own_action_notes(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    zorg = make_actor(Role.PARTNER, username="zorg", partner=sd.ZORG)
    body = text(api.meeting_minutes(zorg, sample.meeting_id, tmp_path / "z.pdf"))
    assert "Aanmelding bij schuldhulp" in body
    assert "Gezamenlijk huisbezoek" in body  # who does what is shared...
    assert "Huisbezoek samen met het wijkteam" not in body  # ...another partner's note is not


def test_partner_cannot_print_another_partners_copy(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    woning = make_actor(Role.PARTNER, username="woning", partner=sd.WONEN)
    out = tmp_path / "x.pdf"
    with pytest.raises(AccessDenied):
        api.meeting_minutes(woning, sample.meeting_id, out, partner_id=sample.partners[sd.POLITIE])
    assert not out.exists()


def test_partner_outside_the_meeting_gets_nothing(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    outsider = make_actor(Role.PARTNER, username="sociaal", partner="Gemeente – sociaal domein")
    # As if the meeting did not exist: the same answer as test_unknown_meeting's.
    with pytest.raises(NotFound, match="bestaat niet"):
        api.meeting_agenda(outsider, sample.meeting_id, tmp_path / "x.pdf")


def test_manager_and_beheerder_print_no_meeting_documents(
    make_actor: ActorFactory, admin_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    with pytest.raises(AccessDenied):
        api.meeting_minutes(make_actor(Role.MANAGER), sample.meeting_id, tmp_path / "m.pdf")
    with pytest.raises(AccessDenied):
        api.meeting_minutes(admin_ctx, sample.meeting_id, tmp_path / "b.pdf")


def test_unknown_meeting(coordinator_ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        api.meeting_agenda(coordinator_ctx, "0" * 32, tmp_path / "x.pdf")


def test_minutes_print_is_logged_for_the_meeting_and_the_visible_cases_only(
    make_actor: ActorFactory, admin_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    woning = make_actor(Role.PARTNER, username="woning", partner=sd.WONEN)
    api.meeting_minutes(woning, sample.meeting_id, tmp_path / "w.pdf")
    with admin_ctx.unit() as session:
        rows = session.execute(
            select(AuditEntry.object_type, AuditEntry.object_id, AuditEntry.person_ref)
            .where(AuditEntry.action == "print", AuditEntry.username == "woning")
        ).tuples().all()
    assert ("meeting", sample.meeting_id, None) in rows
    cases = {object_id for kind, object_id, _ in rows if kind == "case"}
    # Every case on the agenda it sees is logged as printed (both cases of this meeting).
    assert cases == {sample.case_ref, sample.other_case_ref}
    # The persons of both cases too (the first case's two, and the other case's one).
    persons = {ref for _, _, ref in rows if ref}
    assert set(sample.person_refs) < persons and len(persons) == len(sample.person_refs) + 1
