"""The purge (opschoning): the retention terms of ``retention_rules`` applied to the store.

Running the purge is allowed to the beheerder and the coordinator: it only applies terms
already set, with no choice of its own, and the coordinator's desk is where the daily job
runs. The peildatum (``as_of``) is today or a day before it, never later. What was deleted
or erased is counted per rule, kept in the register of deletions and summed up for the user
(``retention_report``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    EscalationStatus,
    Role,
    SignalStatus,
    VisitStatus,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retention_report import REGISTER_KINDS, PurgeTally, summary_lines
from sociaalveilig.services.retention_rules import (
    APPLIES_CASE,
    APPLIES_REPORTER,
    APPLIES_SIGNAL,
    APPLIES_TO,
    format_date,
    term_cutoff,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    BuurtschouwFinding,
    Case,
    CasePerson,
    Category,
    DeletionRecord,
    Escalation,
    Person,
    RetentionRule,
    Setting,
    Signal,
    SignalPerson,
    Visit,
    VisitPartner,
)

LAST_PURGE_SETTING = "retention.last_purge"
RECLAIM_PENDING_SETTING = "retention.reclaim_pending"
_FINAL_SIGNAL = (SignalStatus.AFGEWEZEN.value, SignalStatus.AFGEHANDELD.value)
_OPEN_ACTION = (ActionStatus.OPEN.value, ActionStatus.IN_UITVOERING.value)
_OPEN_ESCALATION = (EscalationStatus.AANGEMELD.value, EscalationStatus.IN_BEHANDELING.value)
_OPEN_VISIT = (VisitStatus.GEPLAND.value,)
_CHUNK = 500
_DATE_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class PurgeResult:
    as_of: date
    lines: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    reclaimed: bool = False


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


@retrying
def last_purge(ctx: ServiceContext) -> date | None:
    """The peildatum of the last purge, for the daily job."""
    with ctx.unit() as session:
        value = session.get(Setting, LAST_PURGE_SETTING)
        return date.fromisoformat(value.value) if value is not None else None


def parse_as_of(ctx: ServiceContext, text: str | None) -> date:
    """The peildatum of a purge: ``dd-mm-jjjj`` or ``jjjj-mm-dd``; empty means today.
    A date in the future is refused (it would delete data whose term has not ended)."""
    today = ctx.clock.now().date()
    if text is None or not text.strip():
        return today
    value = text.strip()
    parts: tuple[int, int, int] | None = None
    if m := _DATE_NL.match(value):
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    elif m := _DATE_ISO.match(value):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        if parts is None:
            raise ValueError(value)
        day = date(*parts)
    except ValueError:
        raise ValidationError(
            tr("Ongeldige peildatum '{text}'. Schrijf dd-mm-jjjj of jjjj-mm-dd.").format(
                text=value
            ),
            field="as_of",
        ) from None
    _refuse_future(day, today)
    return day


def _refuse_future(day: date, today: date) -> None:
    if day > today:
        raise ValidationError(
            tr(
                "De peildatum ligt in de toekomst ({day}); dan zou data verdwijnen waarvan de "
                "termijn nog loopt. Kies vandaag ({today}) of eerder."
            ).format(day=format_date(day), today=format_date(today)),
            field="as_of",
        )


@dataclass
class _Rules:
    """The rules of one kind: the general one and per-category ones."""

    general: RetentionRule | None = None
    by_category: dict[str, RetentionRule] = field(default_factory=dict)

    def for_category(self, code: str | None) -> RetentionRule | None:
        if code is not None and code in self.by_category:
            return self.by_category[code]
        return self.general

    def all(self) -> list[RetentionRule]:
        return ([self.general] if self.general else []) + list(self.by_category.values())


def _load_rules(session: Session) -> dict[str, _Rules]:
    rules: dict[str, _Rules] = {kind: _Rules() for kind in APPLIES_TO}
    for rule in session.execute(select(RetentionRule)).scalars():
        bucket = rules.setdefault(rule.applies_to, _Rules())
        if rule.category_code:
            bucket.by_category[rule.category_code] = rule
        else:
            bucket.general = rule
    return rules


def _category_terms(session: Session, rules: _Rules) -> dict[str, RetentionRule]:
    """Category id → the rule that governs it (categories no rule covers are absent)."""
    result: dict[str, RetentionRule] = {}
    for cat_id, code in session.execute(select(Category.id, Category.code)).tuples():
        rule = rules.for_category(code)
        if rule is not None:
            result[cat_id] = rule
    return result


def _purge_loose_signals(
    session: Session, rules: _Rules, as_of: date, tally: PurgeTally
) -> tuple[list[str], list[str]]:
    """Concluded signals that never became a case, past their term. Returns the
    deleted signal ids and the ids of persons that were linked to them."""
    by_rule: dict[str, list[str]] = defaultdict(list)
    for cat_id, rule in _category_terms(session, rules).items():
        by_rule[rule.code].append(cat_id)
    rules_by_code = {r.code: r for r in rules.all()}
    signal_ids: list[str] = []
    for code, cat_ids in by_rule.items():
        rule = rules_by_code[code]
        ids = list(
            session.execute(
                select(Signal.id).where(
                    Signal.case_id.is_(None),
                    Signal.status.in_(_FINAL_SIGNAL),
                    Signal.category_id.in_(cat_ids),
                    Signal.received_at < term_cutoff(as_of, rule.term_days),
                )
            ).scalars()
        )
        tally.add(APPLIES_SIGNAL, code, len(ids))
        signal_ids.extend(ids)
    person_ids = _delete_signals(session, signal_ids)
    return signal_ids, person_ids


def _delete_signals(session: Session, signal_ids: list[str]) -> list[str]:
    """Delete signals with their person links, agenda items about them alone, and
    unlink buurtschouw findings (the walk's record stays). Returns linked person ids."""
    person_ids: list[str] = []
    for chunk in _chunks(signal_ids):
        person_ids.extend(
            session.execute(
                select(SignalPerson.person_id).where(SignalPerson.signal_id.in_(chunk))
            ).scalars()
        )
        session.execute(
            update(BuurtschouwFinding)
            .where(BuurtschouwFinding.signal_id.in_(chunk))
            .values(signal_id=None, version=BuurtschouwFinding.version + 1)
            .execution_options(synchronize_session=False)
        )
        # An agenda item about the signal alone goes with it; one that is really about
        # a (kept) case only loses the reference.
        loose_items = list(
            session.execute(
                select(AgendaItem.id).where(
                    AgendaItem.signal_id.in_(chunk), AgendaItem.case_id.is_(None)
                )
            ).scalars()
        )
        _delete_agenda_items(session, loose_items)
        session.execute(
            update(AgendaItem)
            .where(AgendaItem.signal_id.in_(chunk))
            .values(signal_id=None, version=AgendaItem.version + 1)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(SignalPerson)
            .where(SignalPerson.signal_id.in_(chunk))
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(Signal).where(Signal.id.in_(chunk)).execution_options(synchronize_session=False)
        )
    return person_ids


def _delete_agenda_items(session: Session, item_ids: list[str]) -> None:
    for chunk in _chunks(item_ids):
        session.execute(
            update(Action)
            .where(Action.agenda_item_id.in_(chunk))
            .values(agenda_item_id=None, version=Action.version + 1)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(AgendaItem)
            .where(AgendaItem.id.in_(chunk))
            .execution_options(synchronize_session=False)
        )


def _case_terms(
    session: Session, rules: _Rules, candidate_ids: list[str]
) -> dict[str, RetentionRule]:
    """For each candidate case the governing rule: the longest term among the rules of
    its signals' categories (the general rule for a case without signals)."""
    cat_code = dict(session.execute(select(Category.id, Category.code)).tuples().all())
    codes: dict[str, set[str | None]] = {case_id: set() for case_id in candidate_ids}
    for chunk in _chunks(candidate_ids):
        for case_id, cat_id in session.execute(
            select(Signal.case_id, Signal.category_id).where(Signal.case_id.in_(chunk))
        ).tuples():
            if case_id is not None:
                codes[case_id].add(cat_code.get(cat_id))
    result: dict[str, RetentionRule] = {}
    for case_id, case_codes in codes.items():
        governing = [rules.for_category(code) for code in (case_codes or {None})]
        if any(rule is None for rule in governing):
            continue  # part of this case falls under no rule: keep it
        covered = [rule for rule in governing if rule is not None]
        result[case_id] = max(covered, key=lambda r: r.term_days)
    return result


def _count_per_rule(
    tally: PurgeTally, rule_of: dict[str, str], kind: str, rows: Iterable[tuple[str, str | None]]
) -> list[str]:
    """Collect record ids and count them under the rule of the case they belong to."""
    found: list[str] = []
    for obj_id, case_id in rows:
        found.append(obj_id)
        if case_id is not None and case_id in rule_of:
            tally.add(kind, rule_of[case_id], 1)
    return found


def _purge_closed_cases(
    session: Session, rules: _Rules, as_of: date, tally: PurgeTally
) -> tuple[list[str], list[str], int]:
    """Closed cases past their term, with everything that hangs on them. Returns the
    ids of all deleted records (for their history), linked person ids, and the number
    of cases kept because work is still open."""
    expired = _expired_cases(session, rules, as_of)
    if not expired:
        return [], [], 0
    ids = list(expired)
    # A closed case with open work left (the ZVH still working, a visit still planned)
    # is kept: deleting it would pull the ground from under that work.
    open_work = _cases_with_open_work(session, ids)
    case_ids = [cid for cid in ids if cid not in open_work]
    deleted_ids: list[str] = list(case_ids)
    person_ids: list[str] = []
    for chunk in _chunks(case_ids):
        rule_of = {cid: expired[cid].code for cid in chunk}
        for cid in chunk:
            tally.add(APPLIES_CASE, rule_of[cid], 1)
        hanging = _hanging_records(session, chunk, rule_of, tally)
        person_ids.extend(_delete_cases(session, chunk, hanging))
        deleted_ids.extend(hanging.all_ids())
    return deleted_ids, person_ids, len(open_work)


def _expired_cases(session: Session, rules: _Rules, as_of: date) -> dict[str, RetentionRule]:
    """Closed cases whose term has passed, each with the rule that governs it."""
    all_rules = rules.all()
    if not all_rules:
        return {}
    earliest = term_cutoff(as_of, min(r.term_days for r in all_rules))
    candidates: dict[str, datetime] = {}
    for case_id, closed_at in session.execute(
        select(Case.id, Case.closed_at).where(
            Case.status == CaseStatus.AFGESLOTEN.value,
            Case.closed_at.is_not(None),
            Case.closed_at < earliest,
        )
    ).tuples():
        if closed_at is not None:
            candidates[case_id] = closed_at
    terms = _case_terms(session, rules, list(candidates))
    return {
        case_id: rule
        for case_id, rule in terms.items()
        if candidates[case_id] < term_cutoff(as_of, rule.term_days)
    }


def _cases_with_open_work(session: Session, ids: list[str]) -> set[str]:
    """The cases among ``ids`` with an open action, an open escalation or a planned visit."""
    open_work: set[str] = set()
    for chunk in _chunks(ids):
        open_work.update(
            session.execute(
                select(Action.case_id).where(
                    Action.case_id.in_(chunk), Action.status.in_(_OPEN_ACTION)
                )
            ).scalars()
        )
        open_work.update(
            session.execute(
                select(Escalation.case_id).where(
                    Escalation.case_id.in_(chunk), Escalation.status.in_(_OPEN_ESCALATION)
                )
            ).scalars()
        )
        open_work.update(
            cid
            for cid in session.execute(
                select(Visit.case_id).where(Visit.case_id.in_(chunk), Visit.status.in_(_OPEN_VISIT))
            ).scalars()
            if cid is not None
        )
    return open_work


@dataclass(frozen=True)
class _Hanging:
    """The ids of the records that hang on a chunk of cases about to be deleted."""

    signal_ids: list[str]
    action_ids: list[str]
    visit_ids: list[str]
    escalation_ids: list[str]
    item_ids: list[str]

    def all_ids(self) -> list[str]:
        return (
            self.signal_ids + self.action_ids + self.visit_ids + self.escalation_ids
            + self.item_ids
        )


def _hanging_records(
    session: Session, chunk: Sequence[str], rule_of: dict[str, str], tally: PurgeTally
) -> _Hanging:
    """Collect what hangs on these cases, counted under each case's rule."""
    signal_ids = _count_per_rule(
        tally,
        rule_of,
        "case_signal",
        session.execute(
            select(Signal.id, Signal.case_id).where(Signal.case_id.in_(chunk))
        ).tuples(),
    )
    action_ids = _count_per_rule(
        tally,
        rule_of,
        "action",
        session.execute(
            select(Action.id, Action.case_id).where(Action.case_id.in_(chunk))
        ).tuples(),
    )
    visit_rows = session.execute(
        select(Visit.id, Visit.case_id, Action.case_id)
        .outerjoin(Action, Action.id == Visit.action_id)
        .where(
            or_(
                Visit.case_id.in_(chunk),
                and_(Visit.case_id.is_(None), Visit.action_id.in_(action_ids)),
            )
        )
    ).tuples()
    visit_ids = _count_per_rule(
        tally, rule_of, "visit", ((vid, vcase or acase) for vid, vcase, acase in visit_rows)
    )
    escalation_ids = _count_per_rule(
        tally,
        rule_of,
        "escalation",
        session.execute(
            select(Escalation.id, Escalation.case_id).where(Escalation.case_id.in_(chunk))
        ).tuples(),
    )
    item_ids = _count_per_rule(
        tally,
        rule_of,
        "agenda_item",
        session.execute(
            select(AgendaItem.id, AgendaItem.case_id).where(AgendaItem.case_id.in_(chunk))
        ).tuples(),
    )
    return _Hanging(signal_ids, action_ids, visit_ids, escalation_ids, item_ids)


def _delete_cases(session: Session, chunk: Sequence[str], hanging: _Hanging) -> list[str]:
    """Delete these cases and what hangs on them; returns the ids of the persons that were
    linked to them (whether they are still needed is checked afterwards)."""
    visit_ids, action_ids = hanging.visit_ids, hanging.action_ids
    # Records of other cases that merely point at these are unlinked, not deleted.
    session.execute(
        update(Visit)
        .where(Visit.follow_up_of.in_(visit_ids), Visit.id.not_in(visit_ids))
        .values(follow_up_of=None, version=Visit.version + 1)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Visit)
        .where(Visit.action_id.in_(action_ids), Visit.id.not_in(visit_ids))
        .values(action_id=None, version=Visit.version + 1)
        .execution_options(synchronize_session=False)
    )
    for vchunk in _chunks(visit_ids):
        session.execute(
            delete(VisitPartner)
            .where(VisitPartner.visit_id.in_(vchunk))
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(Visit)
            .where(Visit.id.in_(vchunk))
            .execution_options(synchronize_session=False)
        )
    for achunk in _chunks(action_ids):
        session.execute(
            delete(Action)
            .where(Action.id.in_(achunk))
            .execution_options(synchronize_session=False)
        )
    for echunk in _chunks(hanging.escalation_ids):
        session.execute(
            delete(Escalation)
            .where(Escalation.id.in_(echunk))
            .execution_options(synchronize_session=False)
        )
    _delete_agenda_items(session, hanging.item_ids)
    person_ids = _delete_signals(session, hanging.signal_ids)
    person_ids.extend(
        session.execute(
            select(CasePerson.person_id).where(CasePerson.case_id.in_(chunk))
        ).scalars()
    )
    session.execute(
        delete(CasePerson)
        .where(CasePerson.case_id.in_(chunk))
        .execution_options(synchronize_session=False)
    )
    session.execute(
        delete(Case).where(Case.id.in_(chunk)).execution_options(synchronize_session=False)
    )
    return person_ids


def _purge_orphan_persons(
    session: Session, person_ids: list[str], tally: PurgeTally, rule_code: str
) -> list[str]:
    """Persons linked to purged records that no remaining record refers to."""
    candidates = sorted(set(person_ids))
    removed: list[str] = []
    for chunk in _chunks(candidates):
        still_linked = set(
            session.execute(
                select(SignalPerson.person_id).where(SignalPerson.person_id.in_(chunk))
            ).scalars()
        ) | set(
            session.execute(
                select(CasePerson.person_id).where(CasePerson.person_id.in_(chunk))
            ).scalars()
        )
        orphans = [pid for pid in chunk if pid not in still_linked]
        if orphans:
            session.execute(
                delete(Person)
                .where(Person.id.in_(orphans))
                .execution_options(synchronize_session=False)
            )
            removed.extend(orphans)
    tally.add("person", rule_code, len(removed))
    return removed


def _anonymise_reporters(
    session: Session, rules: _Rules, as_of: date, now_utc: datetime, tally: PurgeTally
) -> None:
    by_rule: dict[str, list[str]] = defaultdict(list)
    for cat_id, rule in _category_terms(session, rules).items():
        by_rule[rule.code].append(cat_id)
    rules_by_code = {r.code: r for r in rules.all()}
    for code, cat_ids in by_rule.items():
        rule = rules_by_code[code]
        result: Any = session.execute(
            update(Signal)
            .where(
                Signal.reporter.is_not(None),
                Signal.category_id.in_(cat_ids),
                Signal.received_at < term_cutoff(as_of, rule.term_days),
            )
            .values(reporter=None, reporter_anonymised_at=now_utc, version=Signal.version + 1)
            .execution_options(synchronize_session=False)
        )
        tally.add(APPLIES_REPORTER, code, int(result.rowcount or 0))


@retrying
def purge(ctx: ServiceContext, as_of: date) -> PurgeResult:
    """Apply the retention rules as of ``as_of``: delete and anonymise for real in one
    transaction, write the deletion register (kinds, counts, rules; no content) and the
    audit entry, then rebuild the file so the deleted bytes are gone."""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    _refuse_future(as_of, ctx.clock.now().date())
    tally = PurgeTally()
    now_utc = ctx.clock.utcnow().replace(tzinfo=None)
    with ctx.unit() as session:
        rules = _load_rules(session)
        signal_ids, signal_persons = _purge_loose_signals(
            session, rules[APPLIES_SIGNAL], as_of, tally
        )
        case_deleted, case_persons, kept = _purge_closed_cases(
            session, rules[APPLIES_CASE], as_of, tally
        )
        # Persons go under the rule that removed their last link.
        for kind, person_ids in ((APPLIES_CASE, case_persons), (APPLIES_SIGNAL, signal_persons)):
            general = rules[kind].general
            _purge_orphan_persons(
                session, person_ids, tally, general.code if general is not None else kind
            )
        ctx.store.maintenance.purge_status_history(session, signal_ids + case_deleted)
        _anonymise_reporters(session, rules[APPLIES_REPORTER], as_of, now_utc, tally)
        for (kind, rule_code), n in sorted(tally.counts.items()):
            session.add(
                DeletionRecord(
                    at=now_utc,
                    object_type=dict(REGISTER_KINDS).get(kind, kind),
                    count=n,
                    rule_code=rule_code,
                    user_id=ctx.actor.user_id,
                )
            )
        setting = session.get(Setting, LAST_PURGE_SETTING)
        if setting is None:
            session.add(Setting(key=LAST_PURGE_SETTING, value=as_of.isoformat()))
        else:
            setting.value = as_of.isoformat()
        ctx.audit(
            session,
            "purge",
            "store",
            None,
            purpose=tr("bewaartermijnen, peildatum {day}").format(day=as_of.isoformat()),
        )
        pending = session.get(Setting, RECLAIM_PENDING_SETTING)
        needs_reclaim = any(tally.counts.values()) or pending is not None
    reclaimed = True
    if needs_reclaim:
        # Fewer rows may make another plan the better one; taken before the space is
        # reclaimed, which leaves the write-ahead log empty.
        ctx.store.maintenance.refresh_statistics()
        reclaimed = ctx.store.maintenance.reclaim_space()
        # Remember an incomplete reclaim, so the next purge tries again even when it
        # deletes nothing itself.
        with ctx.unit() as session:
            pending = session.get(Setting, RECLAIM_PENDING_SETTING)
            if reclaimed and pending is not None:
                session.delete(pending)
            elif not reclaimed and pending is None:
                session.add(Setting(key=RECLAIM_PENDING_SETTING, value="1"))
    counts: dict[str, int] = defaultdict(int)
    for (kind, _), n in tally.counts.items():
        counts[kind] += n
    counts["case_kept"] = kept
    return PurgeResult(
        as_of=as_of,
        lines=summary_lines(as_of, tally, kept, reclaimed),
        counts=dict(counts),
        reclaimed=reclaimed,
    )
