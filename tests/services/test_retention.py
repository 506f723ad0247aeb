"""Retention: the terms, their checks, and a purge that leaves nothing behind in the file.

All names, addresses and texts are fictional.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import delete, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sociaalveilig import cli
from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    EscalationStatus,
    Role,
    SignalStatus,
    VisitStatus,
)
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.services import autobackup, retention_purge, retention_rules
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.refs import RefKind, next_reference
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    Buurtschouw,
    BuurtschouwFinding,
    Case,
    CasePerson,
    Category,
    DeletionRecord,
    Escalation,
    FocusArea,
    Meeting,
    Partner,
    Person,
    Signal,
    SignalPerson,
    StatusChange,
    Visit,
    VisitPartner,
)
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, ActorFactory, append_only_triggers

KERKRADE = "Kerkrade Oost"
AS_OF = date(2026, 4, 15)

# --------------------------------------------------------------------------- builders


def area(session: Session, name: str = KERKRADE) -> FocusArea:
    return session.execute(select(FocusArea).where(FocusArea.name == name)).scalar_one()


def partner(session: Session, name: str = "Woningcorporatie") -> Partner:
    return session.execute(select(Partner).where(Partner.name == name)).scalar_one()


def add_person(session: Session, name: str, birth_year: int | None = 1980) -> Person:
    person = Person(
        reference=next_reference(session, RefKind.PERSON, 2026),
        name=name,
        birth_year=birth_year,
        created_at=datetime(2019, 1, 1),
    )
    session.add(person)
    session.flush()
    return person


def add_case(
    session: Session,
    *,
    status: CaseStatus = CaseStatus.OPEN,
    created_at: datetime = datetime(2019, 1, 1),
    closed_at: datetime | None = None,
    summary: str = "Fictieve casus.",
    number: int = 12,
    area_name: str = KERKRADE,
    persons: tuple[tuple[Person, str], ...] = (),
) -> Case:
    focus = area(session, area_name)
    case = Case(
        reference=next_reference(session, RefKind.CASE, created_at.year),
        status=str(status),
        risk_level="midden",
        postcode="6461 AB",
        house_number=number,
        street="Verzonnenlaan",
        city="Kerkrade",
        address_key=f"6461AB-{number}",
        municipality_id=focus.municipality_id,
        focus_area_id=focus.id,
        summary=summary,
        created_at=created_at,
        closed_at=closed_at,
    )
    session.add(case)
    session.flush()
    for person, role in persons:
        session.add(CasePerson(case_id=case.id, person_id=person.id, role=role))
    session.flush()
    return case


def add_signal(
    session: Session,
    *,
    received_at: datetime,
    description: str,
    status: SignalStatus = SignalStatus.AFGEWEZEN,
    case: Case | None = None,
    reporter: str | None = None,
    category: str = "WO-OVL",
    number: int = 12,
    persons: tuple[tuple[Person, str], ...] = (),
) -> Signal:
    focus = area(session)
    category_id = session.execute(select(Category.id).where(Category.code == category)).scalar_one()
    signal = Signal(
        reference=next_reference(session, RefKind.SIGNAL, received_at.year),
        received_at=received_at,
        source="politie",
        category_id=category_id,
        postcode="6461 AB",
        house_number=number,
        street="Verzonnenlaan",
        city="Kerkrade",
        address_key=f"6461AB-{number}",
        municipality_id=focus.municipality_id,
        focus_area_id=focus.id,
        description=description,
        urgency="normaal",
        reporter=reporter,
        status=str(status),
        case_id=case.id if case else None,
        created_at=received_at,
    )
    session.add(signal)
    session.flush()
    for person, role in persons:
        session.add(SignalPerson(signal_id=signal.id, person_id=person.id, role=role))
    session.flush()
    return signal


def add_meeting(session: Session, starts_at: datetime = datetime(2020, 1, 10, 14)) -> Meeting:
    meeting = Meeting(
        focus_area_id=area(session).id,
        meeting_type="fysieke_leefomgeving",
        starts_at=starts_at,
        location="Hoensbroek",
        status="afgerond",
    )
    session.add(meeting)
    session.flush()
    return meeting


def add_casework(
    session: Session,
    case: Case,
    meeting: Meeting,
    marker: str,
    *,
    action_status: ActionStatus = ActionStatus.AFGEROND,
    escalation_status: EscalationStatus = EscalationStatus.AFGESLOTEN,
) -> dict[str, str]:
    """An agenda item, an action, a joint visit and an escalation on ``case``."""
    owner = partner(session)
    item = AgendaItem(
        meeting_id=meeting.id,
        position=1,
        case_id=case.id,
        reason="routed",
        decision=f"Besluit {marker}",
    )
    session.add(item)
    session.flush()
    action = Action(
        reference=next_reference(session, RefKind.ACTION, 2020),
        case_id=case.id,
        agenda_item_id=item.id,
        action_type="gezamenlijk_huisbezoek",
        owner_partner_id=owner.id,
        deadline=date(2020, 2, 1),
        status=str(action_status),
        description=f"Actie {marker}",
        created_at=datetime(2020, 1, 10),
    )
    session.add(action)
    session.flush()
    visit = Visit(
        case_id=case.id,
        action_id=action.id,
        planned_start=datetime(2020, 1, 20, 10),
        planned_end=datetime(2020, 1, 20, 11),
        postcode=case.postcode,
        house_number=case.house_number,
        purpose=f"Huisbezoek {marker}",
        joint=True,
        status=str(VisitStatus.UITGEVOERD),
        outcome_notes=f"Uitkomst {marker}",
        created_at=datetime(2020, 1, 10),
    )
    session.add(visit)
    session.flush()
    session.add(VisitPartner(visit_id=visit.id, partner_id=owner.id))
    escalation = Escalation(
        reference=next_reference(session, RefKind.ESCALATION, 2020),
        case_id=case.id,
        target="zvh",
        reason=f"Opschaling {marker}",
        status=str(escalation_status),
        created_at=datetime(2020, 1, 10),
        status_changed_at=datetime(2020, 2, 10),
    )
    session.add(escalation)
    session.add(
        StatusChange(
            object_type="casus",
            object_id=case.id,
            from_status="open",
            to_status="afgesloten",
            at=datetime(2020, 3, 1),
            reason=f"Afgesloten {marker}",
        )
    )
    session.flush()
    return {
        "item": item.id,
        "action": action.id,
        "visit": visit.id,
        "escalation": escalation.id,
    }


# --------------------------------------------------------------------------- reading the file


def decrypt_pages(data: bytes, key: bytes, first_page_no: int = 1) -> bytes:
    """SQLCipher 4 pages (4096 bytes, 80 reserved: IV + HMAC) decrypted with the raw key;
    page 1 keeps its 16-byte salt in the clear."""
    size, reserve = 4096, 80
    out = bytearray()
    for start in range(0, len(data) - size + 1, size):
        page = data[start : start + size]
        offset = 16 if (start // size + first_page_no) == 1 else 0
        iv = page[size - reserve : size - reserve + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out += dec.update(page[offset : size - reserve]) + dec.finalize()
    return bytes(out)


def decrypt_wal(data: bytes, key: bytes) -> bytes:
    """Every frame of a write-ahead log (32-byte header, 24-byte frame headers)."""
    size = 4096
    out = bytearray()
    pos = 32
    while pos + 24 + size <= len(data):
        page_no = int.from_bytes(data[pos : pos + 4], "big")
        out += decrypt_pages(data[pos + 24 : pos + 24 + size], key, first_page_no=page_no)
        pos += 24 + size
    return bytes(out)


def store_bytes(folder: Path, key: bytes) -> bytes:
    """All bytes of the store's database files, raw and decrypted, lower-cased (the full-text
    index keeps words in lower case)."""
    parts: list[bytes] = []
    for name in ("sociaalveilig.db", "sociaalveilig.db-wal", "sociaalveilig.db-shm"):
        path = folder / name
        if not path.exists():
            continue
        raw = path.read_bytes()
        parts.append(raw)
        if name.endswith(".db"):
            parts.append(decrypt_pages(raw, key))
        elif name.endswith("-wal"):
            parts.append(decrypt_wal(raw, key))
    return b"\n".join(parts).lower()


def count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


# --------------------------------------------------------------------------- the scene


@dataclass
class Scene:
    ids: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)


def build_scene(ctx: ServiceContext) -> Scene:
    """What the default rules say, per record (peildatum 15-04-2026):

    - s_old: concluded signal without a case, received 2025-01-10 → deleted, with its
      only person (Alfa), its agenda item and its link from a buurtschouw finding;
    - s_young: concluded, received 2025-12-01 → kept;
    - s_open: still routed, received 2024-06-01 → kept, reporter erased;
    - c_old: closed 2020-03-01 → deleted with signal, action, visit, escalation, agenda
      item, history, its only person (Charlie); Bravo stays (also in c_open);
    - c_busy: closed 2020-03-01 but its escalation still open → kept;
    - c_open: open since 2019 → kept, the reporter of its 2019 signal erased;
    - c_recent: closed 2023-01-01 → kept.
    """
    scene = Scene()
    with ctx.unit() as s:
        alfa = add_person(s, "Alfa Verzonnen")
        bravo = add_person(s, "Bravo Bedacht")
        charlie = add_person(s, "Charlie Fictief")
        s_old = add_signal(
            s,
            received_at=datetime(2025, 1, 10, 9),
            description="Oud signaal QXPURGEMARKA zonder casus",
            persons=((alfa, "bewoner"),),
            reporter="Melder QXREPORTERA",
        )
        s_young = add_signal(
            s, received_at=datetime(2025, 12, 1, 9), description="Jong signaal blijft"
        )
        s_open = add_signal(
            s,
            received_at=datetime(2024, 6, 1, 9),
            description="Signaal nog in behandeling",
            status=SignalStatus.GEROUTEERD,
            reporter="Melder QXREPORTERB",
        )
        meeting = add_meeting(s)
        loose_item = AgendaItem(
            meeting_id=meeting.id, position=2, signal_id=s_old.id, reason="routed"
        )
        s.add(loose_item)
        walk = Buurtschouw(
            focus_area_id=area(s).id,
            walk_date=date(2025, 1, 5),
            status="afgerond",
            created_at=datetime(2025, 1, 5),
        )
        s.add(walk)
        s.flush()
        finding = BuurtschouwFinding(
            buurtschouw_id=walk.id,
            checklist_item="schoon",
            description="Zwerfvuil bij de bushalte",
            signal_id=s_old.id,
        )
        s.add(finding)

        c_old = add_case(
            s,
            status=CaseStatus.AFGESLOTEN,
            closed_at=datetime(2020, 3, 1, 12),
            summary="Casus QXPURGEMARKC afgesloten",
            number=20,
            persons=((bravo, "bewoner"), (charlie, "bewoner")),
        )
        c_old_signal = add_signal(
            s,
            received_at=datetime(2019, 11, 1, 9),
            description="Signaal QXPURGEMARKC in casus",
            status=SignalStatus.AFGEHANDELD,
            case=c_old,
            number=20,
            persons=((charlie, "bewoner"),),
        )
        work = add_casework(s, c_old, meeting, "QXPURGEMARKC")
        c_busy = add_case(
            s, status=CaseStatus.AFGESLOTEN, closed_at=datetime(2020, 3, 1, 12), number=30
        )
        busy_work = add_casework(
            s, c_busy, meeting, "busy", escalation_status=EscalationStatus.IN_BEHANDELING
        )
        c_open = add_case(s, status=CaseStatus.IN_BEHANDELING, number=40, persons=((bravo, "x"),))
        c_open_signal = add_signal(
            s,
            received_at=datetime(2019, 2, 1, 9),
            description="Signaal in open casus",
            status=SignalStatus.GEKOPPELD,
            case=c_open,
            number=40,
            reporter="Melder QXREPORTERC",
        )
        c_recent = add_case(
            s, status=CaseStatus.AFGESLOTEN, closed_at=datetime(2023, 1, 1, 12), number=50
        )
        s.flush()
        scene.ids.update(
            alfa=alfa.id,
            bravo=bravo.id,
            charlie=charlie.id,
            s_old=s_old.id,
            s_young=s_young.id,
            s_open=s_open.id,
            loose_item=loose_item.id,
            finding=finding.id,
            c_old=c_old.id,
            c_old_signal=c_old_signal.id,
            c_busy=c_busy.id,
            c_busy_escalation=busy_work["escalation"],
            c_open=c_open.id,
            c_open_signal=c_open_signal.id,
            c_recent=c_recent.id,
            **{f"c_old_{k}": v for k, v in work.items()},
        )
        scene.refs.update(alfa=alfa.reference, c_old=c_old.reference)
    return scene


MARKERS = (b"qxpurgemarka", b"qxpurgemarkc", b"qxreportera", b"qxreporterb", b"qxreporterc")


# --------------------------------------------------------------------------- purge


@pytest.mark.desk_store  # reads the SQLCipher file's bytes after the purge
def test_purge_removes_exactly_what_the_rules_say(admin_ctx: ServiceContext) -> None:
    scene = build_scene(admin_ctx)
    key = bytes(admin_ctx.store.data_key())
    before = store_bytes(admin_ctx.store.folder, key)
    # The check at the end is not blind: before the purge every marker is readable.
    assert [marker for marker in MARKERS if marker not in before] == []

    result = retention_purge.purge(admin_ctx, AS_OF)

    ids = scene.ids
    with admin_ctx.unit() as s:
        assert s.get(Signal, ids["s_old"]) is None
        assert s.get(Signal, ids["s_young"]) is not None
        kept_open = s.get(Signal, ids["s_open"])
        assert kept_open is not None and kept_open.reporter is None
        assert kept_open.reporter_anonymised_at is not None
        assert s.get(AgendaItem, ids["loose_item"]) is None
        finding = s.get(BuurtschouwFinding, ids["finding"])
        assert finding is not None and finding.signal_id is None
        assert s.get(Person, ids["alfa"]) is None
        # The old closed case and everything on it.
        assert s.get(Case, ids["c_old"]) is None
        for model, key_name in (
            (Signal, "c_old_signal"),
            (Action, "c_old_action"),
            (Visit, "c_old_visit"),
            (Escalation, "c_old_escalation"),
            (AgendaItem, "c_old_item"),
        ):
            assert s.get(model, ids[key_name]) is None, key_name
        assert s.get(Person, ids["charlie"]) is None
        assert s.get(Person, ids["bravo"]) is not None  # still in an open case
        assert count(s, VisitPartner) == 1  # the busy case's visit only
        assert (
            s.scalar(
                select(func.count())
                .select_from(StatusChange)
                .where(StatusChange.object_id == ids["c_old"])
            )
            == 0
        )
        # Kept: work still open, an open case, a recent closure.
        assert s.get(Case, ids["c_busy"]) is not None
        assert s.get(Escalation, ids["c_busy_escalation"]) is not None
        assert s.get(Case, ids["c_open"]) is not None
        open_signal = s.get(Signal, ids["c_open_signal"])
        assert open_signal is not None and open_signal.reporter is None
        assert s.get(Case, ids["c_recent"]) is not None
        assert count(s, Case) == 3
        assert count(s, Signal) == 3
        assert count(s, Person) == 1

        register = {
            (r.object_type, r.rule_code): r.count
            for r in s.execute(select(DeletionRecord)).scalars()
        }
        purge_audit = s.execute(select(AuditEntry).where(AuditEntry.action == "purge")).scalar_one()

    assert register == {
        ("signal", "signal-no-case"): 1,
        ("person", "signal-no-case"): 1,
        ("case", "case-closed"): 1,
        ("signal", "case-closed"): 1,
        ("action", "case-closed"): 1,
        ("visit", "case-closed"): 1,
        ("escalation", "case-closed"): 1,
        ("agenda_item", "case-closed"): 1,
        ("person", "case-closed"): 1,
        ("reporter", "reporter-details"): 2,
    }
    assert result.counts["signal"] == 1
    assert result.counts["case"] == 1
    assert result.counts["reporter"] == 2
    assert result.counts["case_kept"] == 1
    assert result.reclaimed
    assert result.lines[0] == "Peildatum: 15-04-2026."
    assert any("1 afgesloten casussen" in line for line in result.lines)
    assert purge_audit.username == ADMIN and purge_audit.purpose is not None
    assert "2026-04-15" in purge_audit.purpose

    # Gone from the file: not in the database pages, the log or the shared memory.
    after = store_bytes(admin_ctx.store.folder, key)
    assert [marker for marker in MARKERS if marker in after] == []
    # The kept data is still readable the same way (the check is not blind).
    assert b"jong signaal blijft" in after
    wal = admin_ctx.store.folder / "sociaalveilig.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_history_stays_append_only_after_a_purge(admin_ctx: ServiceContext) -> None:
    build_scene(admin_ctx)
    retention_purge.purge(admin_ctx, AS_OF)
    with pytest.raises(DBAPIError, match="append-only"), admin_ctx.unit() as s:
        s.execute(delete(StatusChange))


def test_purge_twice_deletes_nothing_more(admin_ctx: ServiceContext) -> None:
    build_scene(admin_ctx)
    retention_purge.purge(admin_ctx, AS_OF)
    again = retention_purge.purge(admin_ctx, AS_OF)
    assert not any(n for kind, n in again.counts.items() if kind != "case_kept")
    assert any("Niets te verwijderen" in line for line in again.lines)
    assert retention_purge.last_purge(admin_ctx) == AS_OF


def test_an_earlier_peildatum_deletes_less(admin_ctx: ServiceContext) -> None:
    scene = build_scene(admin_ctx)
    # On 2026-01-09 the old loose signal (received 2025-01-10) has not passed 365 days.
    result = retention_purge.purge(admin_ctx, date(2026, 1, 9))
    assert result.counts.get("signal", 0) == 0
    with admin_ctx.unit() as s:
        assert s.get(Signal, scene.ids["s_old"]) is not None
    result = retention_purge.purge(admin_ctx, date(2026, 1, 11))
    assert result.counts["signal"] == 1


def test_a_category_rule_keeps_its_own_term(admin_ctx: ServiceContext) -> None:
    with admin_ctx.unit() as s:
        hg = add_signal(s, received_at=datetime(2025, 1, 10), description="hg", category="ZV-HG").id
        ovl = add_signal(s, received_at=datetime(2025, 1, 10), description="ovl").id
    rule = retention_rules.set_category_rule(
        admin_ctx, "signal-no-case", "zv-hg", 730, "Convenant Veilig Thuis, art. 4"
    )
    assert rule.code == "signal-no-case:ZV-HG" and rule.category_code == "ZV-HG"
    result = retention_purge.purge(admin_ctx, AS_OF)
    assert result.counts["signal"] == 1
    with admin_ctx.unit() as s:
        assert s.get(Signal, hg) is not None
        assert s.get(Signal, ovl) is None
    retention_rules.remove_category_rule(admin_ctx, "signal-no-case:ZV-HG")
    assert retention_purge.purge(admin_ctx, AS_OF).counts["signal"] == 1


def test_a_case_takes_the_longest_term_of_its_signals(admin_ctx: ServiceContext) -> None:
    retention_rules.set_category_rule(
        admin_ctx, "case-closed", "ZV-HG", 3650, "Archiefwet, selectielijst"
    )
    with admin_ctx.unit() as s:
        case = add_case(s, status=CaseStatus.AFGESLOTEN, closed_at=datetime(2020, 3, 1))
        add_signal(s, received_at=datetime(2019, 5, 1), description="a", case=case)
        add_signal(
            s, received_at=datetime(2019, 5, 1), description="b", case=case, category="ZV-HG"
        )
        case_id = case.id
    assert retention_purge.purge(admin_ctx, AS_OF).counts.get("case", 0) == 0
    with admin_ctx.unit() as s:
        assert s.get(Case, case_id) is not None


def test_purge_in_the_future_is_refused(admin_ctx: ServiceContext) -> None:
    build_scene(admin_ctx)
    with pytest.raises(ValidationError, match="De peildatum ligt in de toekomst") as exc:
        retention_purge.purge(admin_ctx, AS_OF + timedelta(days=1))
    assert exc.value.field == "as_of"
    with admin_ctx.unit() as s:
        assert count(s, DeletionRecord) == 0
        assert count(s, Case) == 4


def test_purge_roles(make_actor: ActorFactory) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    assert retention_purge.purge(coordinator, AS_OF).as_of == AS_OF
    for role in (Role.WIJKAGENT, Role.MANAGER):
        with pytest.raises(AccessDenied):
            retention_purge.purge(make_actor(role), AS_OF)
    with pytest.raises(AccessDenied):
        retention_purge.purge(make_actor(Role.PARTNER, partner="Woningcorporatie"), AS_OF)


# --------------------------------------------------------------------------- peildatum


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, AS_OF),
        ("", AS_OF),
        ("01-03-2026", date(2026, 3, 1)),
        (" 2026-03-01 ", date(2026, 3, 1)),
        ("1-3-2026", date(2026, 3, 1)),
        ("15-04-2026", AS_OF),
    ],
)
def test_parse_as_of(admin_ctx: ServiceContext, text: str | None, expected: date) -> None:
    assert retention_purge.parse_as_of(admin_ctx, text) == expected


@pytest.mark.parametrize("text", ["16-04-2026", "2027-01-01"])
def test_parse_as_of_refuses_the_future(admin_ctx: ServiceContext, text: str) -> None:
    with pytest.raises(ValidationError) as exc:
        retention_purge.parse_as_of(admin_ctx, text)
    assert exc.value.message.startswith("De peildatum ligt in de toekomst")
    assert "15-04-2026" in exc.value.message


@pytest.mark.parametrize("text", ["morgen", "31-02-2026", "2026/04/01", "15-4-26"])
def test_parse_as_of_refuses_nonsense(admin_ctx: ServiceContext, text: str) -> None:
    with pytest.raises(ValidationError, match="dd-mm-jjjj of jjjj-mm-dd") as exc:
        retention_purge.parse_as_of(admin_ctx, text)
    assert exc.value.field == "as_of"


def test_cli_purge_refuses_a_future_date(store_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        [
            "--store",
            str(store_dir),
            "--user",
            ADMIN,
            "--passphrase-stdin",
            "purge",
            "--as-of",
            "2999-01-01",
        ],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 4
    assert "De peildatum ligt in de toekomst" in err.getvalue()
    assert len(err.getvalue().strip().splitlines()) == 1


def test_cli_purge_prints_the_summary(store_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["--store", str(store_dir), "--user", ADMIN, "--passphrase-stdin", "purge"],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    assert out.getvalue().startswith("Peildatum: ")
    assert "Niets te verwijderen" in out.getvalue()


GENERAL_BACKUP_NOTE = (
    "Let op: back-ups van vóór deze opschoning bevatten de verwijderde gegevens nog, tot ze "
    "door rotatie verdwijnen of worden verwijderd."
)


def _cli_purge(store_dir: Path, *extra: str) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["--store", str(store_dir), "--user", ADMIN, "--passphrase-stdin", "purge", *extra],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"),
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue().splitlines(), err.getvalue()


def test_cli_purge_says_older_backups_still_hold_the_purged_records(store_dir: Path) -> None:
    code, lines, err = _cli_purge(store_dir)
    assert (code, err) == (0, "")
    assert lines[0].startswith("Peildatum: ")
    # Exactly one extra line, the last, and only once.
    assert lines[-1] == GENERAL_BACKUP_NOTE
    assert sum("back-up" in line for line in lines) == 1

    # A refused purge (exit 4, one line on stderr) says nothing about backups.
    code, lines, err = _cli_purge(store_dir, "--as-of", "2999-01-01")
    assert code == 4 and lines == []
    assert len(err.strip().splitlines()) == 1 and "back-up" not in err


@pytest.mark.parametrize(("n_backups", "keep"), [(3, 5), (1, 7)])
def test_cli_purge_counts_the_automatic_backups_in_the_chosen_folder(
    admin_ctx: ServiceContext, store_dir: Path, tmp_path: Path, n_backups: int, keep: int
) -> None:
    folder = tmp_path / "back-ups"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, keep)
    admin_ctx.store.close()  # the command logs in by itself
    for day in range(n_backups):
        (folder / f"sociaalveilig-auto-2026041{day}-020000.svbackup").write_bytes(b"x")
    (folder / "eigen-kopie.svbackup").write_bytes(b"x")  # not made by the program: not counted

    code, lines, err = _cli_purge(store_dir)
    assert (code, err) == (0, "")
    note = lines[-1]
    if n_backups == 1:
        expected = f"Let op: de bestaande automatische back-up in {folder} bevat "
    else:
        expected = f"Let op: de {n_backups} bestaande automatische back-ups in {folder} bevatten "
    assert note.startswith(expected), note
    assert f"na {keep} nieuwe back-ups" in note
    assert "met de hand gemaakte back-ups" in note
    assert sum("back-up" in line for line in lines) == 1


@pytest.mark.desk_store  # the desk's automatic backups
def test_purge_backup_note_falls_back_when_the_folder_is_gone(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, 3)
    (folder / "sociaalveilig-auto-20260410-020000.svbackup").write_bytes(b"x")
    assert "de bestaande automatische back-up" in autobackup.purge_backup_note(admin_ctx)
    (folder / "sociaalveilig-auto-20260410-020000.svbackup").unlink()
    folder.rmdir()  # the USB disk is not plugged in
    assert autobackup.purge_backup_note(admin_ctx) == GENERAL_BACKUP_NOTE


# --------------------------------------------------------------------------- the terms


def test_list_rules_shows_the_defaults(admin_ctx: ServiceContext) -> None:
    rules = {r.code: r for r in retention_rules.list_rules(admin_ctx)}
    assert rules["signal-no-case"].term_days == 365
    assert rules["case-closed"].term_days == 5 * 365
    assert rules["reporter-details"].term_days == 365
    assert all(r.legal_basis for r in rules.values())
    assert [r.applies_to for r in retention_rules.list_rules(admin_ctx)] == [
        "signal",
        "case",
        "reporter",
    ]


def test_update_rule_with_legal_basis_is_audited(admin_ctx: ServiceContext) -> None:
    info = retention_rules.update_rule(admin_ctx, "case-closed", 7 * 365, "Archiefwet 1995, art. 5")
    assert info.term_days == 7 * 365 and info.legal_basis == "Archiefwet 1995, art. 5"
    terms = {r.code: r.term_days for r in retention_rules.list_rules(admin_ctx)}
    assert terms["case-closed"] == 2555
    with admin_ctx.unit() as s:
        actions = list(s.execute(select(AuditEntry.action)).scalars())
    assert "retention_rule_update" in actions


def test_a_term_below_the_minimum_is_refused(admin_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError, match="minimaal 365 dagen") as exc:
        retention_rules.update_rule(admin_ctx, "case-closed", 30, "AVG art. 5")
    assert exc.value.field == "term_days"
    terms = {r.code: r.term_days for r in retention_rules.list_rules(admin_ctx)}
    assert terms["case-closed"] == 1825


@pytest.mark.parametrize(
    ("days", "basis", "field_name"),
    [
        (0, "AVG art. 5", "term_days"),
        (-5, "AVG art. 5", "term_days"),
        (99999, "AVG art. 5", "term_days"),
        ("veel", "AVG art. 5", "term_days"),
        (365, "", "legal_basis"),
        (365, "  ", "legal_basis"),
    ],
)
def test_bad_terms_are_refused(
    admin_ctx: ServiceContext, days: object, basis: str, field_name: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        retention_rules.update_rule(admin_ctx, "signal-no-case", days, basis)  # type: ignore[arg-type]
    assert exc.value.field == field_name


def test_a_term_shorter_than_an_open_case_allows_is_refused(
    admin_ctx: ServiceContext, clock: FixedClock
) -> None:
    with admin_ctx.unit() as s:
        case = add_case(s, status=CaseStatus.IN_BEHANDELING)
        add_signal(
            s,
            received_at=datetime(2025, 9, 27, 9),  # 200 days before 15-04-2026
            description="x",
            status=SignalStatus.GEKOPPELD,
            case=case,
            reporter="Melder Delta",
        )
        case_ref = case.reference
    with pytest.raises(ValidationError) as exc:
        retention_rules.update_rule(admin_ctx, "reporter-details", 120, "AVG art. 5 lid 1 sub c")
    assert exc.value.field == "term_days"
    assert case_ref in exc.value.message
    assert "minstens 201 dagen" in exc.value.message
    # Long enough for the open case: accepted.
    updated = retention_rules.update_rule(admin_ctx, "reporter-details", 201, "AVG art. 5")
    assert updated.term_days == 201


def test_shortening_past_closed_work_only_is_allowed(admin_ctx: ServiceContext) -> None:
    with admin_ctx.unit() as s:
        case = add_case(s, status=CaseStatus.AFGESLOTEN, closed_at=datetime(2026, 1, 1))
        add_signal(
            s,
            received_at=datetime(2025, 9, 27),
            description="x",
            status=SignalStatus.AFGEHANDELD,
            case=case,
            reporter="Melder Echo",
        )
    updated = retention_rules.update_rule(admin_ctx, "reporter-details", 120, "AVG art. 5")
    assert updated.term_days == 120


def test_only_the_beheerder_edits_terms(make_actor: ActorFactory) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    assert retention_rules.list_rules(coordinator)
    with pytest.raises(AccessDenied):
        retention_rules.update_rule(coordinator, "case-closed", 3650, "Archiefwet")
    with pytest.raises(AccessDenied):
        retention_rules.list_rules(make_actor(Role.MANAGER))


def test_unknown_rule_and_category(admin_ctx: ServiceContext) -> None:
    with pytest.raises(Exception, match="Onbekende bewaarregel"):
        retention_rules.update_rule(admin_ctx, "alles", 365, "AVG art. 5")
    with pytest.raises(ValidationError, match="Onbekende categorie"):
        retention_rules.set_category_rule(admin_ctx, "case-closed", "XX-NIKS", 3650, "Archiefwet")
    with pytest.raises(ValidationError, match="algemene bewaarregel"):
        retention_rules.remove_category_rule(admin_ctx, "case-closed")


def test_status_history_trigger_is_restored_even_without_history(
    admin_ctx: ServiceContext,
) -> None:
    retention_purge.purge(admin_ctx, AS_OF)
    with admin_ctx.unit() as s:
        names = append_only_triggers(s)
    assert "status_history_no_delete" in names


def test_an_incomplete_reclaim_is_retried_by_the_next_purge(
    admin_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_scene(admin_ctx)
    calls: list[str] = []
    maintenance = admin_ctx.store.maintenance
    real = maintenance.reclaim_space

    def busy() -> bool:
        calls.append("busy")
        return False

    monkeypatch.setattr(maintenance, "reclaim_space", busy)
    first = retention_purge.purge(admin_ctx, AS_OF)
    assert not first.reclaimed
    assert any("kon nog niet helemaal worden opgeruimd" in line for line in first.lines)

    def tracked() -> bool:
        calls.append("real")
        return real()

    monkeypatch.setattr(maintenance, "reclaim_space", tracked)
    second = retention_purge.purge(admin_ctx, AS_OF)  # deletes nothing, but reclaims
    assert second.reclaimed and calls == ["busy", "real"]
    third = retention_purge.purge(admin_ctx, AS_OF)  # nothing pending any more
    assert third.reclaimed and calls == ["busy", "real"]
