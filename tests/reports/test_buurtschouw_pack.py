"""Buurtschouw pack: route, open physical signals by street without names, checklist."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.reports import api
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ActorFactory
from tests.reports import sample_data as sd
from tests.reports.pdftext import assert_footer_on_every_page, text


@pytest.fixture
def sample(admin_ctx: ServiceContext) -> sd.Sample:
    return sd.build_sample(admin_ctx)


def test_pack_has_route_signals_checklist_and_findings(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    out = api.buurtschouw_pack(coordinator_ctx, "heerlen noord", tmp_path / "schouw.pdf")
    body = text(out)
    assert "Buurtschouw Heerlen Noord (incl. Hoensbroek), 22-04-2026" in body  # the planned walk
    assert "Route zoals vastgelegd" in body
    for street in ("Fictiefhof", "Proefpad", "Testlaan", "Voorbeeldplein"):
        assert street in body
    # Open physical signals by street, with category and date.
    assert "Woonoverlast" in body and "02-02-2026" in body
    assert "Drugsoverlast" in body and "Vervuiling en verloedering" in body
    for expected in ("Checklist heel, schoon, veilig en CPTED", "Heel", "Schoon", "Veilig",
                     "Verlichting, ook in achterpaden", "Natuurlijk toezicht", "Toegangscontrole",
                     "Territoriale versterking", "Onderhoud", "In orde", "Aandacht nodig",
                     "Bevindingen", "Signaal maken?"):
        assert expected in body, expected
    assert_footer_on_every_page(out, coordinator_ctx.actor.display_name)


def test_pack_holds_no_names_house_numbers_descriptions_or_behind_the_door_signals(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    body = text(api.buurtschouw_pack(coordinator_ctx, "Heerlen", tmp_path / "s.pdf"))
    for forbidden in (sd.PERSON_A, sd.PERSON_B, sd.OTHER_PERSON, "Melder Anoniem",
                      "Fictiefhof 12", "Geluidsoverlast", "Huurachterstand",
                      "Schulden of huurachterstand", "Zorgen om bewoner", "6419 AB"):
        assert forbidden not in body, forbidden


def test_without_a_planned_walk_the_route_comes_from_open_signals(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    body = text(api.buurtschouw_pack(coordinator_ctx, "heerlen noord", tmp_path / "s.pdf",
                                     walk_date=date(2026, 5, 6)))
    assert "06-05-2026" in body
    assert "Geen route vastgelegd: voorstel op basis van de straten" in body
    assert "Voorbeeldplein" not in body  # only on the planned route of another date


def test_area_without_signals_still_gives_a_pack_that_says_so(
    coordinator_ctx: ServiceContext, tmp_path: Path
) -> None:
    out = api.buurtschouw_pack(coordinator_ctx, "ubachsberg", tmp_path / "u.pdf")
    body = text(out)
    assert "Buurtschouw Ubachsberg, 15-04-2026" in body
    assert "Geen openstaande signalen in dit gebied." in body
    assert "Geen route vastgelegd en geen open signalen" in body
    assert "Checklist heel" in body


def test_unknown_or_ambiguous_area_is_refused(
    coordinator_ctx: ServiceContext, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="Onbekend focusgebied"):
        api.buurtschouw_pack(coordinator_ctx, "Maastricht", tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="niet eenduidig"):
        api.buurtschouw_pack(coordinator_ctx, "S", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_wijkagent_prints_for_own_area_only(
    make_actor: ActorFactory, sample: sd.Sample, tmp_path: Path
) -> None:
    agent = make_actor(Role.WIJKAGENT, areas=[sd.HEERLEN])
    assert api.buurtschouw_pack(agent, "heerlen", tmp_path / "a.pdf").exists()
    with pytest.raises(AccessDenied):
        api.buurtschouw_pack(agent, "kerkrade", tmp_path / "b.pdf")
    with pytest.raises(AccessDenied):
        api.buurtschouw_pack(make_actor(Role.MANAGER), "heerlen", tmp_path / "c.pdf")


def test_pack_print_is_logged(
    coordinator_ctx: ServiceContext, sample: sd.Sample, tmp_path: Path
) -> None:
    api.buurtschouw_pack(coordinator_ctx, "heerlen", tmp_path / "s.pdf")
    with coordinator_ctx.unit() as session:
        rows = session.execute(
            select(AuditEntry.object_type, AuditEntry.purpose).where(
                AuditEntry.action == "print", AuditEntry.username == "coordinator"
            )
        ).tuples().all()
    assert rows and rows[0][0] == "buurtschouw"
    assert "Heerlen Noord" in (rows[0][1] or "")
