"""Case summary PDF: fields, pseudonymised variant, footer, access and audit."""

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
from tests.reports.pdftext import assert_footer_on_every_page, pages, text


@pytest.fixture
def sample(admin_ctx: ServiceContext) -> sd.Sample:
    return sd.build_sample(admin_ctx)


def prints(ctx: ServiceContext, object_id: str) -> list[AuditEntry]:
    with ctx.unit() as session:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.action == "print",
                                     AuditEntry.object_id == object_id)
        ).scalars().all()
        session.expunge_all()
        return list(rows)


def test_full_summary_holds_every_section(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    out = api.case_summary(coordinator_ctx, sample.case_ref.lower(), tmp_path / "casus.pdf")
    body = text(out)
    for expected in (
        f"Casusoverzicht {sample.case_ref}",
        "Fictiefhof 12, 6419 AB Heerlen",
        "Heerlen Noord (incl. Hoensbroek)",
        "In behandeling",
        "Hoog",
        "Casusregisseur",
        "Woningcorporatie",
        "Volgende evaluatie",
        sd.PERSON_A,
        sd.PERSON_B,
        "1978",
        "Tijdlijn van signalen (4)",
        "02-02-2026",
        "Bewoner",
        "Woonoverlast",
        "Geluidsoverlast tot diep",
        sd.DECISION_MARK,
        "Gezamenlijk huisbezoek",
        "Hulpverleningstraject",
        "Zorg en hulpverlening",
        "26-03-2026",
        "Afgerond",
        "Niemand thuis",
        "Uitgevoerd",
        "Zorg- en Veiligheidshuis Parkstad",
        "Aangemeld",
        "ZVH-2026-0417",
    ):
        assert expected in body, expected
    # The reporter is never printed.
    assert "Melder Anoniem" not in body
    assert_footer_on_every_page(out, coordinator_ctx.actor.display_name)


def test_overdue_action_is_marked(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    # Test clock: 15 April 2026; the hulpverleningstraject was due on 10 April.
    body = text(api.case_summary(coordinator_ctx, sample.case_ref, tmp_path / "c.pdf"))
    assert "10-04-2026 over de termijn" in body


def test_pseudonymised_summary_has_initials_and_no_descriptions(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    out = api.case_summary(coordinator_ctx, sample.case_ref, tmp_path / "p.pdf",
                           pseudonymised=True)
    body = text(out)
    assert "gepseudonimiseerd" in body
    assert "F.V." in body and "J.v.D." in body
    for forbidden in ("Fenna", "Verzonnen", "Joost", "Denkbeeld", "Fictiefhof",
                      "Geluidsoverlast", "Huurachterstand", sd.DECISION_MARK[:30],
                      "ZVH-2026-0417", "schuldhulp", "1978"):
        assert forbidden not in body, forbidden
    # The outline is still there.
    assert "6419 Heerlen" in body and "Woonoverlast" in body and "Gezamenlijk huisbezoek" in body
    assert_footer_on_every_page(out, coordinator_ctx.actor.display_name)


def test_manager_always_gets_the_pseudonymised_variant(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    manager = make_actor(Role.MANAGER, username="manager")
    body = text(api.case_summary(manager, sample.case_ref, tmp_path / "m.pdf",
                                 pseudonymised=False))
    assert sd.PERSON_A not in body and "Verzonnen" not in body
    assert "F.V." in body


def test_long_case_runs_over_pages_with_footer_on_each(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext, sample: sd.Sample,
    tmp_path: Path,
) -> None:
    from datetime import datetime, timedelta

    from sociaalveilig.core.enums import Source
    from sociaalveilig.storage.models import Case, Category, FocusArea

    with admin_ctx.unit() as session:
        case = session.execute(select(Case).where(Case.reference == sample.case_ref)).scalar_one()
        area = session.get(FocusArea, case.focus_area_id)
        cat = session.execute(select(Category.id).where(Category.code == "WO-OVL")).scalar_one()
        for i in range(90):
            sd._signal(session, received=datetime(2026, 1, 1) + timedelta(hours=i),
                       source=Source.BEWONER, category_id=cat, area=area, street="Fictiefhof",
                       number=12, postcode="6419 AB", description=f"Herhaalde melding {i} " * 6,
                       case=case)
    out = api.case_summary(coordinator_ctx, sample.case_ref, tmp_path / "lang.pdf")
    assert len(pages(out)) >= 3
    assert_footer_on_every_page(out, coordinator_ctx.actor.display_name)


def test_every_print_is_audit_logged_with_case_and_persons(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    api.case_summary(coordinator_ctx, sample.case_ref, tmp_path / "a.pdf")
    entries = prints(coordinator_ctx, sample.case_ref)
    assert entries, "no print entry"
    assert all(e.username == "coordinator" and e.outcome == "ok" for e in entries)
    assert {e.person_ref for e in entries} >= set(sample.person_refs)
    # Never content in the log.
    assert not any(sd.PERSON_A in (e.purpose or "") for e in entries)


def test_partner_outside_the_case_is_refused_and_refusal_logged(
    make_actor: ActorFactory, admin_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    # Not in the meeting, no action, not the lead partner.
    outsider = make_actor(Role.PARTNER, username="buiten", partner="Gemeente – sociaal domein")
    out = tmp_path / "geen.pdf"
    with pytest.raises(AccessDenied):
        api.case_summary(outsider, sample.case_ref, out)
    assert not out.exists()
    denied = [e for e in prints(admin_ctx, sample.case_ref) if e.outcome == "denied"]
    assert [e.username for e in denied] == ["buiten"]


def test_partner_sees_own_notes_only(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    zorg = make_actor(Role.PARTNER, username="zorg", partner=sd.ZORG)
    body = text(api.case_summary(zorg, sample.case_ref, tmp_path / "z.pdf"))
    assert "Aanmelding bij schuldhulp" in body  # its own action's note
    assert "Huisbezoek samen met het wijkteam" not in body  # the corporation's note
    assert "Bewoners thuis" not in body  # a visit it did not take part in


def test_wijkagent_of_another_area_is_refused(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    agent = make_actor(Role.WIJKAGENT, areas=[sd.KERKRADE])
    with pytest.raises(AccessDenied):
        api.case_summary(agent, sample.case_ref, tmp_path / "w.pdf")


def test_beheerder_gets_no_case_content(
    admin_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    with pytest.raises(AccessDenied):
        api.case_summary(admin_ctx, sample.case_ref, tmp_path / "b.pdf")


def test_unknown_case(coordinator_ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="C-2026-99999"):
        api.case_summary(coordinator_ctx, "C-2026-99999", tmp_path / "x.pdf")
