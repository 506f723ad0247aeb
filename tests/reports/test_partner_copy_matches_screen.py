"""A partner's printed copy of a meeting holds what that partner sees of it on screen (issue
14): one access rule (``access.partner_agenda_items``) for the screen and the copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import NotFound
from sociaalveilig.reports import api
from sociaalveilig.services import meeting_agenda
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.report_meeting import meeting_doc_data
from tests.conftest import ActorFactory
from tests.reports import sample_data as sd
from tests.reports.pdftext import text


@pytest.fixture
def sample(admin_ctx: ServiceContext) -> sd.Sample:
    return sd.build_sample(admin_ctx)


def _screen_subjects(ctx: ServiceContext, meeting_id: str) -> set[str]:
    detail = meeting_agenda.get_meeting(ctx, meeting_id)
    return {i.case_reference or i.signal_reference or "" for i in detail.items}


@pytest.mark.parametrize("partner", [sd.WONEN, sd.POLITIE, sd.HANDHAVING, sd.ZORG])
def test_each_partners_copy_holds_exactly_the_items_it_sees(
    make_actor: ActorFactory,
    coordinator_ctx: ServiceContext,
    sample: sd.Sample,
    tmp_path: Path,
    partner: str,
) -> None:
    ctx = make_actor(Role.PARTNER, username="partner", partner=partner)
    on_screen = _screen_subjects(ctx, sample.meeting_id)
    assert on_screen  # the meeting has items for every partner taking part
    printed = {line.subject for line in meeting_doc_data(ctx, sample.meeting_id, True).items}
    assert printed == on_screen
    # The coordinator's "Voor {partner}" copy is the same copy.
    partner_id = sample.partners[partner]
    made_for = meeting_doc_data(coordinator_ctx, sample.meeting_id, False, partner_id)
    assert {line.subject for line in made_for.items} == on_screen
    body = text(api.meeting_agenda(ctx, sample.meeting_id, tmp_path / "copy.pdf"))
    for subject in on_screen:
        assert subject in body, subject


def test_a_partner_outside_the_meeting_sees_and_prints_none_of_it(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    outsider = make_actor(Role.PARTNER, username="sociaal", partner="Gemeente – sociaal domein")
    # Another organisation's meeting reads as a missing one, on screen and in print.
    with pytest.raises(NotFound):
        meeting_agenda.get_meeting(outsider, sample.meeting_id)
    with pytest.raises(NotFound):
        api.meeting_agenda(outsider, sample.meeting_id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
