"""A person's own data (AVG art. 15): all of theirs, nobody else's. Names are fictional."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import CaseStatus, Role, SignalStatus
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.reports.api import subject_access_export
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ActorFactory
from tests.reports.pdftext import text as pdf_text
from tests.services.test_retention import (
    add_case,
    add_casework,
    add_meeting,
    add_person,
    add_signal,
)

# What must be in Anna's copy, and what must not (other people's data).
MINE = ("Anna Verzonnen", "ALFAONLY", "SOLOCASE", "Woningcorporatie", "Partner")
NOT_MINE = (
    "Bram Bedacht",  # the other person in her household case
    "BRAVOTEXT",  # a signal about Bram only
    "SHAREDTEXT",  # a signal about both: free text left out
    "SUMMARYTEXT",  # the household case's summary
    "ACTIONTEXT",  # free text of an action in the household case
    "Charlie Melder",  # the reporter
    "UNRELATEDTEXT",  # somebody else entirely
    "partnerpiet",  # a staff member's user name
    "Coordinator Cor",  # the exporting coordinator's name
)


@pytest.fixture
def scene(admin_ctx: ServiceContext, make_actor: ActorFactory) -> dict[str, str]:
    with admin_ctx.unit() as s:
        anna = add_person(s, "Anna Verzonnen", 1984)
        bram = add_person(s, "Bram Bedacht", 1979)
        other = add_person(s, "Dirk Anders", 1990)
        household = add_case(
            s,
            status=CaseStatus.IN_BEHANDELING,
            summary="Huishouden SUMMARYTEXT",
            persons=((anna, "bewoner"), (bram, "bewoner")),
        )
        add_signal(
            s,
            received_at=datetime(2026, 3, 1, 9),
            description="Zorgen ALFAONLY",
            status=SignalStatus.GEKOPPELD,
            case=household,
            reporter="Charlie Melder",
            persons=((anna, "bewoner"),),
        )
        add_signal(
            s,
            received_at=datetime(2026, 3, 2, 9),
            description="Over BRAVOTEXT",
            status=SignalStatus.GEKOPPELD,
            case=household,
            persons=((bram, "bewoner"),),
        )
        add_signal(
            s,
            received_at=datetime(2026, 3, 3, 9),
            description="Samen SHAREDTEXT",
            status=SignalStatus.GEKOPPELD,
            case=household,
            persons=((anna, "bewoner"), (bram, "partner")),
        )
        add_casework(s, household, add_meeting(s), "ACTIONTEXT")
        solo = add_case(
            s, status=CaseStatus.OPEN, summary="Alleen SOLOCASE", number=7, persons=((anna, "x"),)
        )
        elsewhere = add_case(s, number=99, persons=((other, "bewoner"),))
        add_signal(
            s,
            received_at=datetime(2026, 3, 4, 9),
            description="UNRELATEDTEXT",
            case=elsewhere,
            persons=((other, "bewoner"),),
        )
        refs = {
            "anna": anna.reference,
            "bram": bram.reference,
            "household": household.reference,
            "solo": solo.reference,
        }
    partner_ctx = make_actor(Role.PARTNER, username="partnerpiet", partner="Woningcorporatie")
    with partner_ctx.unit() as s:
        partner_ctx.audit(s, "view", "case", refs["household"], person_ref=refs["anna"])
        partner_ctx.audit(s, "view", "case", refs["household"], person_ref=refs["bram"])
    return refs


@pytest.fixture
def coordinator(make_actor: ActorFactory) -> ServiceContext:
    return make_actor(Role.COORDINATOR, username="cor")


def test_export_holds_her_data_and_nobody_elses(
    scene: dict[str, str], coordinator: ServiceContext, tmp_path: Path
) -> None:
    pdf, js = tmp_path / "inzage.pdf", tmp_path / "inzage.json"
    result = subject_access_export(coordinator, scene["anna"].lower(), pdf, js)
    assert (result.signals, result.cases) == (2, 2)

    text = pdf_text(pdf)
    raw_json = js.read_text(encoding="utf-8")
    for needle in MINE:
        assert needle in text, needle
        assert needle in raw_json, needle
    for needle in NOT_MINE:
        assert needle not in text, needle
        assert needle not in raw_json, needle
    assert "pagina 1 van" in text


def test_json_is_machine_readable(
    scene: dict[str, str], coordinator: ServiceContext, tmp_path: Path
) -> None:
    js = tmp_path / "inzage.json"
    subject_access_export(coordinator, scene["anna"], tmp_path / "inzage.pdf", js)
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["formaat"] == "sociaalveilig-inzage-avg15"
    assert doc["persoon"]["referentie"] == scene["anna"]
    assert doc["persoon"]["geboortejaar"] == 1984
    signals = {s["omschrijving"] for s in doc["signalen"]}
    assert signals == {"Zorgen ALFAONLY", None}
    assert all("Charlie" not in s["melder"] for s in doc["signalen"])
    cases = {c["referentie"]: c for c in doc["casussen"]}
    assert set(cases) == {scene["household"], scene["solo"]}
    household = cases[scene["household"]]
    assert household["tekst_weggelaten"] is True
    assert household["samenvatting"] is None
    assert household["andere_signalen_in_casus"] == 1
    assert household["acties"][0]["uitvoerder"] == "Woningcorporatie"
    assert household["acties"][0]["omschrijving"] is None
    assert household["huisbezoeken"][0]["doel"] is None
    assert household["opschalingen"][0]["reden"] is None
    assert household["besprekingen"][0]["besluit"] is None
    assert cases[scene["solo"]]["samenvatting"] == "Alleen SOLOCASE"
    # Who looked: both views of her household case (one was logged for Bram, but it is
    # her case too), by role and organisation.
    views = [a for a in doc["inzage_en_wijzigingen"] if a["handeling"] == "ingezien"]
    assert len(views) == 2
    assert {(a["rol"], a["organisatie"]) for a in views} == {("Partner", "Woningcorporatie")}


def test_export_is_audited_with_the_person(
    scene: dict[str, str], coordinator: ServiceContext, tmp_path: Path
) -> None:
    subject_access_export(
        coordinator, scene["anna"], tmp_path / "a.pdf", tmp_path / "a.json"
    )
    with coordinator.unit() as s:
        entry = (
            s.execute(
                select(AuditEntry)
                .where(AuditEntry.action == "export")
                .order_by(AuditEntry.id.desc())
            )
            .scalars()
            .first()
        )
    assert entry is not None
    assert entry.person_ref == scene["anna"]
    assert entry.username == "cor"
    assert entry.object_type == "person"


def test_a_person_in_nothing_gets_an_empty_but_complete_copy(
    admin_ctx: ServiceContext, coordinator: ServiceContext, tmp_path: Path
) -> None:
    with admin_ctx.unit() as s:
        ref = add_person(s, "Eva Nergens", None).reference
    result = subject_access_export(coordinator, ref, tmp_path / "e.pdf", tmp_path / "e.json")
    assert (result.signals, result.cases, result.accesses) == (0, 0, 0)
    text = pdf_text(tmp_path / "e.pdf")
    assert "Eva Nergens" in text
    assert "Er zijn geen signalen over u vastgelegd." in text


@pytest.mark.parametrize("role", [Role.BEHEERDER, Role.MANAGER, Role.WIJKAGENT])
def test_only_the_coordinator_exports(
    scene: dict[str, str], make_actor: ActorFactory, role: Role, tmp_path: Path
) -> None:
    with pytest.raises(AccessDenied):
        subject_access_export(
            make_actor(role), scene["anna"], tmp_path / "x.pdf", tmp_path / "x.json"
        )
    assert not (tmp_path / "x.pdf").exists()


def test_partner_is_refused(
    scene: dict[str, str], make_actor: ActorFactory, tmp_path: Path
) -> None:
    ctx = make_actor(Role.PARTNER, partner="Woningcorporatie")
    with pytest.raises(AccessDenied):
        subject_access_export(ctx, scene["anna"], tmp_path / "x.pdf", tmp_path / "x.json")


def test_bad_requests(scene: dict[str, str], coordinator: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="P-2099-000001"):
        subject_access_export(
            coordinator, "P-2099-000001", tmp_path / "x.pdf", tmp_path / "x.json"
        )
    with pytest.raises(ValidationError) as exc:
        subject_access_export(coordinator, "  ", tmp_path / "x.pdf", tmp_path / "x.json")
    assert exc.value.field == "person_ref"
    with pytest.raises(ValidationError):
        subject_access_export(coordinator, scene["anna"], tmp_path / "x", tmp_path / "x")


def test_a_failed_write_leaves_nothing_and_logs_nothing(
    scene: dict[str, str], coordinator: ServiceContext, tmp_path: Path
) -> None:
    pdf = tmp_path / "x.pdf"
    with pytest.raises(ValidationError, match="bestaat niet"):
        subject_access_export(coordinator, scene["anna"], pdf, tmp_path / "nope" / "x.json")
    assert not pdf.exists()
    with coordinator.unit() as s:
        exports = s.execute(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert exports == []
