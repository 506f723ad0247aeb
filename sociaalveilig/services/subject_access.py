"""A person's own data (AVG art. 15): everything held about one betrokkene, as a PDF and a
machine-readable JSON file, with other people's personal data left out.

What is in it, and what is deliberately not (art. 15 lid 4: the copy must not harm the
rights of others):

- the person record (reference, name, birth year, since when);
- every signal the person is linked to: date, source and organisation (art. 15 lid 1 sub g,
  where the data came from), category, address, urgency, status, the person's role. The
  description is included when the signal concerns this person alone; a signal that is
  also about someone else keeps its structured fields only. The reporter is never named:
  a reporter is another person (and may need protection);
- every case the person is linked to (directly, or through one of their signals): status,
  risk, address, dates, role, and the case's actions, home visits, escalations and the
  meetings where it was discussed. Free text on the case level (summary, action
  descriptions, visit purpose and outcome, escalation reasons, meeting decisions) is
  included only when this person is the only person in the case; otherwise it is left out
  with a note. Other persons in the case are never named or counted; the case's signals
  that are not about this person are only counted;
- who accessed the data: every audit entry naming this person or one of the records
  above, with time, role, organisation, what was done and why. Staff are named by role and
  organisation, not by name (CJEU C-579/21 *Pankki S*: the log itself must be given, the
  identity of individual employees generally not).

Who: the coordinator answers the request (all cases in scope). The beheerder has no case
content and so cannot export it. Every export is logged as ``export`` with the person's
reference.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    Role,
    SignalStatus,
    Source,
    Urgency,
    VisitStatus,
)
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import QT_TR_NOOP, tr
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.files import atomic_output
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    Case,
    CasePerson,
    Category,
    Escalation,
    Meeting,
    Partner,
    Person,
    Signal,
    SignalPerson,
    User,
    Visit,
    VisitPartner,
)
from sociaalveilig.storage.output_guard import check_output_file

JSON_FORMAT = "sociaalveilig-inzage-avg15"
JSON_VERSION = 1
EXPORT_PURPOSE = "inzageverzoek AVG art. 15"


# --------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class PersonRecord:
    reference: str
    name: str
    birth_year: int | None
    registered_on: date


@dataclass(frozen=True)
class SignalRecord:
    reference: str
    received_at: datetime
    """Local time."""
    source: str
    organisation: str | None
    category: str
    address: str
    urgency: str
    status: str
    role: str
    case_reference: str | None
    description: str | None
    """None when the signal is also about someone else (see ``description_note``)."""
    description_note: str | None
    reporter: str
    """What is said about the reporter: never a name."""


@dataclass(frozen=True)
class ActionRecord:
    reference: str
    action_type: str
    owner: str
    deadline: date
    status: str
    created_on: date
    completed_on: date | None
    description: str | None


@dataclass(frozen=True)
class VisitRecord:
    planned_start: datetime
    """Local time, as planned."""
    status: str
    joint: bool
    partners: tuple[str, ...]
    purpose: str | None
    outcome: str | None


@dataclass(frozen=True)
class EscalationRecord:
    reference: str
    target: str
    status: str
    created_on: date
    closed_on: date | None
    external_reference: str | None
    reason: str | None


@dataclass(frozen=True)
class DiscussionRecord:
    meeting_date: date
    meeting_type: str
    decision: str | None


@dataclass(frozen=True)
class CaseRecord:
    reference: str
    status: str
    risk_level: str
    address: str
    opened_on: date
    closed_on: date | None
    roles: tuple[str, ...]
    """The person's role(s): in the case, or 'via signal' when only linked that way."""
    summary: str | None
    free_text_withheld: bool
    """True when the case is also about others, so its free texts are left out."""
    other_signals: int
    """Signals in the case that are not about this person (counted only)."""
    actions: tuple[ActionRecord, ...]
    visits: tuple[VisitRecord, ...]
    escalations: tuple[EscalationRecord, ...]
    discussions: tuple[DiscussionRecord, ...]


@dataclass(frozen=True)
class AccessRecord:
    at: datetime
    """Local time."""
    role: str
    organisation: str
    action: str
    object_type: str
    purpose: str | None
    outcome: str


@dataclass(frozen=True)
class SubjectAccessReport:
    generated_at: datetime
    """Local time."""
    person: PersonRecord
    signals: tuple[SignalRecord, ...]
    cases: tuple[CaseRecord, ...]
    accesses: tuple[AccessRecord, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ExportResult:
    person_reference: str
    pdf: Path
    json: Path
    signals: int
    cases: int
    accesses: int


# --------------------------------------------------------------------------- helpers


def _label(enum_type: type[StrEnum], value: str | None) -> str:
    if value is None:
        return "–"
    try:
        member = enum_type(value)
    except ValueError:
        return value
    label = getattr(member, "label", None)
    return label if isinstance(label, str) else value


def _local(moment: datetime) -> datetime:
    """A stored naive-UTC moment in local time (naive)."""
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def _local_date(moment: datetime | None) -> date | None:
    return _local(moment).date() if moment is not None else None


def _address(
    street: str | None, number: int, addition: str | None, postcode: str, city: str | None
) -> str:
    house = f"{number}{addition or ''}"
    first = f"{street} {house}" if street else house
    return ", ".join(part for part in (first, postcode, city) if part)


_ACTION_LABELS = {
    "view": QT_TR_NOOP("ingezien"),
    "print": QT_TR_NOOP("afgedrukt"),
    "export": QT_TR_NOOP("geëxporteerd"),
    "create": QT_TR_NOOP("aangemaakt"),
    "update": QT_TR_NOOP("gewijzigd"),
    "link": QT_TR_NOOP("gekoppeld"),
    "emergency_access": QT_TR_NOOP("geopend met de noodknop (buiten het eigen werkgebied)"),
    "search": QT_TR_NOOP("gezocht"),
    "purge": QT_TR_NOOP("verwijderd volgens de bewaartermijn"),
}


def _action_label(action: str) -> str:
    label = _ACTION_LABELS.get(action)
    return tr(label) if label else action


def _object_label(object_type: str | None) -> str:
    labels = {
        "case": tr("casus"),
        "casus": tr("casus"),
        "signal": tr("signaal"),
        "signaal": tr("signaal"),
        "person": tr("persoonsgegevens"),
        "action": tr("actie"),
        "action_list": tr("acties van de casus"),
        "visit": tr("huisbezoek"),
        "escalation": tr("opschaling"),
        "escalation_list": tr("opschalingen van de casus"),
        "meeting": tr("overleg"),
        "agenda_item": tr("agendapunt overleg"),
    }
    return labels.get(object_type or "", object_type or "–")


def _normalise_ref(person_ref: str) -> str:
    ref = (person_ref or "").strip().upper()
    if not ref:
        raise ValidationError(
            tr("Geef de referentie van de betrokkene, zoals P-2026-000015."), field="person_ref"
        )
    return ref


# --------------------------------------------------------------------------- gathering


def _signal_persons(session: Session, signal_ids: list[str]) -> dict[str, set[str]]:
    """Signal id → ids of the persons linked to it."""
    result: dict[str, set[str]] = {i: set() for i in signal_ids}
    for start in range(0, len(signal_ids), 500):
        chunk = signal_ids[start : start + 500]
        for signal_id, person_id in session.execute(
            select(SignalPerson.signal_id, SignalPerson.person_id).where(
                SignalPerson.signal_id.in_(chunk)
            )
        ).tuples():
            result[signal_id].add(person_id)
    return result


def _case_persons(session: Session, case_id: str) -> set[str]:
    return set(
        session.execute(select(CasePerson.person_id).where(CasePerson.case_id == case_id)).scalars()
    )


def _signal_record(
    signal: Signal,
    role: str,
    categories: dict[str, str],
    case_refs: dict[str, str],
    about_only_this_person: bool,
) -> SignalRecord:
    if signal.reporter:
        reporter = tr("niet vermeld (de melder is een ander persoon)")
    elif signal.reporter_anonymised_at is not None:
        reporter = tr("niet vermeld (gewist na de bewaartermijn)")
    else:
        reporter = tr("anoniem of niet vastgelegd")
    return SignalRecord(
        reference=signal.reference,
        received_at=_local(signal.received_at),
        source=_label(Source, signal.source),
        organisation=signal.organisation,
        category=categories.get(signal.category_id, "–"),
        address=_address(
            signal.street, signal.house_number, signal.addition, signal.postcode, signal.city
        ),
        urgency=_label(Urgency, signal.urgency),
        status=_label(SignalStatus, signal.status),
        role=role,
        case_reference=case_refs.get(signal.case_id) if signal.case_id else None,
        description=signal.description if about_only_this_person else None,
        description_note=None
        if about_only_this_person
        else tr("Omschrijving weggelaten: dit signaal gaat ook over een ander."),
        reporter=reporter,
    )


def _case_record(
    session: Session,
    case: Case,
    roles: tuple[str, ...],
    sole: bool,
    other_signals: int,
    partners: dict[str, str],
) -> CaseRecord:
    actions = session.execute(
        select(Action).where(Action.case_id == case.id).order_by(Action.created_at, Action.id)
    ).scalars()
    action_rows = tuple(
        ActionRecord(
            reference=a.reference,
            action_type=_label(ActionType, a.action_type),
            owner=partners.get(a.owner_partner_id, "–"),
            deadline=a.deadline,
            status=_label(ActionStatus, a.status),
            created_on=_local(a.created_at).date(),
            completed_on=_local_date(a.completed_at),
            description=a.description if sole else None,
        )
        for a in actions
    )
    visits = list(
        session.execute(
            select(Visit).where(Visit.case_id == case.id).order_by(Visit.planned_start, Visit.id)
        ).scalars()
    )
    visit_partners: dict[str, list[str]] = {v.id: [] for v in visits}
    if visits:
        for visit_id, partner_id in session.execute(
            select(VisitPartner.visit_id, VisitPartner.partner_id).where(
                VisitPartner.visit_id.in_(list(visit_partners))
            )
        ).tuples():
            visit_partners[visit_id].append(partners.get(partner_id, "–"))
    visit_rows = tuple(
        VisitRecord(
            planned_start=v.planned_start,
            status=_label(VisitStatus, v.status),
            joint=v.joint,
            partners=tuple(sorted(visit_partners[v.id])),
            purpose=v.purpose if sole else None,
            outcome=v.outcome_notes if sole else None,
        )
        for v in visits
    )
    escalation_rows = tuple(
        EscalationRecord(
            reference=e.reference,
            target=_label(EscalationTarget, e.target),
            status=_label(EscalationStatus, e.status),
            created_on=_local(e.created_at).date(),
            closed_on=_local_date(e.closed_at),
            external_reference=e.external_reference,
            reason=e.reason if sole else None,
        )
        for e in session.execute(
            select(Escalation)
            .where(Escalation.case_id == case.id)
            .order_by(Escalation.created_at, Escalation.reference)
        ).scalars()
    )
    discussion_rows = tuple(
        DiscussionRecord(
            meeting_date=starts_at.date(),
            meeting_type=_label(MeetingType, meeting_type),
            decision=decision if sole else None,
        )
        for starts_at, meeting_type, decision in session.execute(
            select(Meeting.starts_at, Meeting.meeting_type, AgendaItem.decision)
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .where(AgendaItem.case_id == case.id)
            .order_by(Meeting.starts_at, Meeting.id)
        ).tuples()
    )
    return CaseRecord(
        reference=case.reference,
        status=_label(CaseStatus, case.status),
        risk_level=_label(RiskLevel, case.risk_level),
        address=_address(case.street, case.house_number, case.addition, case.postcode, case.city),
        opened_on=_local(case.created_at).date(),
        closed_on=_local_date(case.closed_at),
        roles=roles,
        summary=case.summary if sole else None,
        free_text_withheld=not sole,
        other_signals=other_signals,
        actions=action_rows,
        visits=visit_rows,
        escalations=escalation_rows,
        discussions=discussion_rows,
    )


def _accesses(
    session: Session, person_ref: str, object_keys: Iterable[str]
) -> tuple[AccessRecord, ...]:
    """Audit entries about the person or any of their records (entries name records by
    id or by reference, so both are matched)."""
    keys = sorted(set(object_keys))
    organisation_of: dict[str, str] = {}
    partners = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    for username, partner_id in session.execute(select(User.username, User.partner_id)).tuples():
        if partner_id:
            organisation_of[username] = partners.get(partner_id, "–")
    centre = tr("Sociaal Veilig Parkstad")
    condition = AuditEntry.person_ref == person_ref
    rows: dict[int, AuditEntry] = {}
    for entry in session.execute(select(AuditEntry).where(condition)).scalars():
        rows[entry.id] = entry
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for entry in session.execute(
            select(AuditEntry).where(AuditEntry.object_id.in_(chunk))
        ).scalars():
            rows[entry.id] = entry
    result: list[AccessRecord] = []
    for entry in sorted(rows.values(), key=lambda e: e.id):
        try:
            role = Role(entry.role).label
        except ValueError:
            role = entry.role
        moment = datetime.strptime(entry.at, "%Y-%m-%dT%H:%M:%S.%fZ")
        result.append(
            AccessRecord(
                at=_local(moment),
                role=role,
                organisation=organisation_of.get(entry.username, centre),
                action=_action_label(entry.action),
                object_type=_object_label(entry.object_type),
                purpose=entry.purpose,
                outcome=entry.outcome,
            )
        )
    return tuple(result)


def gather(session: Session, ctx: ServiceContext, person_ref: str) -> SubjectAccessReport:
    """Everything held about one person, minus other people's data (see the module text).
    Runs inside the caller's unit of work; does not log."""
    ref = _normalise_ref(person_ref)
    person = session.execute(select(Person).where(Person.reference == ref)).scalar_one_or_none()
    if person is None:
        raise NotFound(
            tr("Geen betrokkene met referentie {ref}. Controleer de referentie.").format(ref=ref)
        )
    categories = dict(session.execute(select(Category.id, Category.name)).tuples().all())
    partners = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())

    signal_roles = dict(
        session.execute(
            select(SignalPerson.signal_id, SignalPerson.role).where(
                SignalPerson.person_id == person.id
            )
        )
        .tuples()
        .all()
    )
    signals = list(
        session.execute(
            select(Signal)
            .where(Signal.id.in_(list(signal_roles)))
            .order_by(Signal.received_at, Signal.reference)
        ).scalars()
    )
    case_roles: dict[str, list[str]] = {}
    for case_id, role in session.execute(
        select(CasePerson.case_id, CasePerson.role).where(CasePerson.person_id == person.id)
    ).tuples():
        case_roles.setdefault(case_id, []).append(role)
    for signal in signals:
        if signal.case_id and signal.case_id not in case_roles:
            case_roles[signal.case_id] = []
    cases = list(
        session.execute(
            select(Case)
            .where(Case.id.in_(list(case_roles)))
            .order_by(Case.created_at, Case.reference)
        ).scalars()
    )
    case_refs = {c.id: c.reference for c in cases}

    signal_people = _signal_persons(session, [s.id for s in signals])
    signal_records = tuple(
        _signal_record(
            s,
            signal_roles[s.id],
            categories,
            case_refs,
            about_only_this_person=signal_people[s.id] <= {person.id},
        )
        for s in signals
    )

    case_records: list[CaseRecord] = []
    object_keys: set[str] = {person.id, person.reference}
    for s in signals:
        object_keys.update((s.id, s.reference))
    for case in cases:
        case_signals = list(
            session.execute(select(Signal.id, Signal.reference).where(Signal.case_id == case.id))
        )
        people = _case_persons(session, case.id)
        for persons in _signal_persons(session, [sid for sid, _ in case_signals]).values():
            people |= persons
        sole = people <= {person.id}
        others = sum(1 for sid, _ in case_signals if sid not in signal_roles)
        roles = tuple(case_roles[case.id]) or (tr("via een signaal"),)
        record = _case_record(session, case, roles, sole, others, partners)
        case_records.append(record)
        object_keys.update((case.id, case.reference))
        object_keys.update(a.reference for a in record.actions)
        object_keys.update(e.reference for e in record.escalations)
        object_keys.update(
            session.execute(select(Action.id).where(Action.case_id == case.id)).scalars()
        )
        object_keys.update(
            session.execute(select(Visit.id).where(Visit.case_id == case.id)).scalars()
        )
        object_keys.update(
            session.execute(select(Escalation.id).where(Escalation.case_id == case.id)).scalars()
        )

    notes = [
        tr(
            "Dit overzicht bevat alle gegevens die Sociaal Veilig Parkstad over u heeft "
            "vastgelegd, met de herkomst, en wie ze wanneer heeft ingezien of gewijzigd."
        ),
        tr(
            "Gegevens over andere personen zijn weggelaten (AVG art. 15 lid 4): andere "
            "betrokkenen worden niet genoemd, melders worden nooit genoemd, en vrije tekst die "
            "ook over anderen gaat is niet opgenomen."
        ),
        tr(
            "Medewerkers worden genoemd met hun rol en organisatie, niet met hun naam. Wilt u "
            "meer weten over een vermelding, neem dan contact op met het coördinatiecentrum "
            "in Hoensbroek."
        ),
    ]
    if any(c.free_text_withheld for c in case_records) or any(
        s.description is None for s in signal_records
    ):
        notes.append(
            tr(
                "Bij een of meer vermeldingen is de tekst weggelaten omdat die ook over "
                "anderen gaat. U kunt de coördinator vragen om een samenvatting van wat alleen "
                "u betreft."
            )
        )
    return SubjectAccessReport(
        generated_at=ctx.clock.now(),
        person=PersonRecord(
            person.reference, person.name, person.birth_year, _local(person.created_at).date()
        ),
        signals=signal_records,
        cases=tuple(case_records),
        accesses=_accesses(session, person.reference, object_keys),
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------- the files


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(type(value).__name__)


_JSON_KEYS = {
    "reference": "referentie",
    "name": "naam",
    "birth_year": "geboortejaar",
    "registered_on": "vastgelegd_op",
    "received_at": "ontvangen",
    "source": "bron",
    "organisation": "organisatie",
    "category": "categorie",
    "address": "adres",
    "urgency": "urgentie",
    "status": "status",
    "role": "rol",
    "roles": "rollen",
    "case_reference": "casus",
    "description": "omschrijving",
    "description_note": "opmerking",
    "reporter": "melder",
    "action_type": "soort",
    "owner": "uitvoerder",
    "deadline": "deadline",
    "created_on": "aangemaakt_op",
    "completed_on": "afgerond_op",
    "planned_start": "gepland",
    "joint": "gezamenlijk",
    "partners": "partners",
    "purpose": "doel",
    "outcome": "uitkomst",
    "target": "naar",
    "closed_on": "afgesloten_op",
    "external_reference": "extern_kenmerk",
    "reason": "reden",
    "meeting_date": "datum",
    "meeting_type": "overleg",
    "decision": "besluit",
    "risk_level": "risico",
    "opened_on": "geopend_op",
    "summary": "samenvatting",
    "free_text_withheld": "tekst_weggelaten",
    "other_signals": "andere_signalen_in_casus",
    "actions": "acties",
    "visits": "huisbezoeken",
    "escalations": "opschalingen",
    "discussions": "besprekingen",
    "at": "tijd",
    "action": "handeling",
    "object_type": "betreft",
}


def _dutch_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_JSON_KEYS.get(k, k): _dutch_keys(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_dutch_keys(v) for v in value]
    return value


def to_json(report: SubjectAccessReport) -> str:
    """The machine-readable copy: Dutch keys, ISO dates, local times (Europe/Amsterdam)."""
    document = {
        "formaat": JSON_FORMAT,
        "versie": JSON_VERSION,
        "tijdzone": "Europe/Amsterdam",
        "opgesteld": report.generated_at.isoformat(timespec="minutes"),
        "toelichting": list(report.notes),
        "persoon": _dutch_keys(asdict(report.person)),
        "signalen": _dutch_keys([asdict(s) for s in report.signals]),
        "casussen": _dutch_keys([asdict(c) for c in report.cases]),
        "inzage_en_wijzigingen": _dutch_keys([asdict(a) for a in report.accesses]),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=_json_default) + "\n"


@dataclass(frozen=True)
class PersonExport:
    """What ``person_export`` hands the desk: the report (for its PDF) and its JSON copy."""

    report: SubjectAccessReport
    json_text: str


@retrying
def person_export(ctx: ServiceContext, person_ref: str) -> PersonExport:
    """Everything held about one person (coordinator only), gathered and logged as
    exported where the data is: on the desk's own store, or on the centre's server."""
    require_role(ctx, Role.COORDINATOR)
    with ctx.unit() as session:
        report = gather(session, ctx, person_ref)
        ctx.audit(
            session,
            "export",
            "person",
            report.person.reference,
            person_ref=report.person.reference,
            purpose=EXPORT_PURPOSE,
        )
    return PersonExport(report, to_json(report))


@retrying
def log_failed_person_export(ctx: ServiceContext, person_reference: str) -> None:
    """A person's export that did not reach its files, in the audit log."""
    with ctx.unit() as session:
        ctx.audit(
            session,
            "export",
            "person",
            person_reference,
            person_ref=person_reference,
            purpose=EXPORT_PURPOSE,
            outcome="failed",
        )


def export_person(
    ctx: ServiceContext,
    person_ref: str,
    out_pdf: Path,
    out_json: Path,
    *,
    render_pdf: Callable[[SubjectAccessReport], bytes],
) -> ExportResult:
    """Write everything held about one person as a PDF and a JSON file (coordinator only).

    ``render_pdf`` lays the report out (``reports.api.subject_access_export`` passes the
    reportlab layout): the services sit below the reports and never import them. Both files
    are opened before the report is gathered, so a file that cannot be made is told before
    anything is read or logged; a failure after that leaves neither file and is logged as a
    failed export."""
    require_role(ctx, Role.COORDINATOR)
    # Both refused up front (never a store's file, a device, a link out of the folder), so
    # a refused JSON path never leaves the PDF written alone.
    pdf_path, json_path = check_output_file(Path(out_pdf)), check_output_file(Path(out_json))
    if pdf_path.resolve() == json_path.resolve():
        raise ValidationError(
            tr("Kies twee verschillende bestanden voor de PDF en het JSON-bestand."),
            field="out_json",
        )
    made: PersonExport | None = None
    json_written = False
    try:
        with atomic_output(pdf_path) as pdf_file:
            with atomic_output(json_path) as json_file:
                made = person_export(ctx, person_ref)
                pdf_file.write(render_pdf(made.report))
                json_file.write(made.json_text.encode("utf-8"))
            json_written = True
    except BaseException:
        if json_written:
            with contextlib.suppress(OSError):
                json_path.unlink()
        if made is not None:
            log_failed_person_export(ctx, made.report.person.reference)
        raise
    report = made.report
    return ExportResult(
        report.person.reference,
        pdf_path,
        json_path,
        len(report.signals),
        len(report.cases),
        len(report.accesses),
    )
