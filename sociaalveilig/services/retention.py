"""Retention (bewaartermijnen): the terms, and the purge that applies them.

The terms are rows (``RetentionRule``), one per kind of data, each with its legal basis:

- ``signal`` (default rule ``signal-no-case``): a signal that never became a case and is
  concluded (rejected or handled) is deleted once the term after its receipt has passed.
  Signals still in handling are never deleted.
- ``case`` (``case-closed``): a closed case is deleted, with everything hanging on it
  (its signals, actions, home visits, escalations, agenda items, person links), once the
  term after closing has passed. A closed case with open work left (an open action, an
  open escalation, a planned visit) is kept and reported.
- ``reporter`` (``reporter-details``): the reporter's details on a signal are erased once
  the term after receipt has passed; the signal itself stays.

A category may get a rule of its own (``<base code>:<category code>``, e.g.
``case-closed:ZV-HG``): a signal's term is its category's rule, else the general one; a
case's term is the longest term among its signals. Nothing is deleted that no rule covers.

Who: the beheerder sets the terms (``update_rule``, ``set_category_rule``). Running the
purge is allowed to the beheerder and the coordinator: it only applies terms already set,
with no choice of its own, and the coordinator's desk is where the daily job runs.

A term is "past" when the start date plus the term lies before the peildatum (``as_of``):
a signal received on 14-04-2025 falls under a 365-day term from 15-04-2026 on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    EscalationStatus,
    Role,
    SignalStatus,
    VisitStatus,
)
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import (
    ServiceContext,
    local_day_start_utc,
    utc_to_local,
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

APPLIES_SIGNAL = "signal"
APPLIES_CASE = "case"
APPLIES_REPORTER = "reporter"
APPLIES_TO = (APPLIES_SIGNAL, APPLIES_CASE, APPLIES_REPORTER)

# The shortest term the program accepts per kind, and why (shown when refused).
MINIMUM_TERM_DAYS: dict[str, int] = {
    APPLIES_SIGNAL: 90,  # a concluded signal may still be reconsidered or linked
    APPLIES_CASE: 365,  # a closed case may be reopened when problems return
    APPLIES_REPORTER: 90,  # the reporter may be asked back while the signal is worked on
}
MAXIMUM_TERM_DAYS = 20 * 365 + 5  # twenty years: anything longer is a typing error
LAST_PURGE_SETTING = "retention.last_purge"
RECLAIM_PENDING_SETTING = "retention.reclaim_pending"

_FINAL_SIGNAL = (SignalStatus.AFGEWEZEN.value, SignalStatus.AFGEHANDELD.value)
_OPEN_SIGNAL = (SignalStatus.NIEUW.value, SignalStatus.GEROUTEERD.value)
_OPEN_ACTION = (ActionStatus.OPEN.value, ActionStatus.IN_UITVOERING.value)
_OPEN_ESCALATION = (EscalationStatus.AANGEMELD.value, EscalationStatus.IN_BEHANDELING.value)
_OPEN_VISIT = (VisitStatus.GEPLAND.value,)
_CHUNK = 500
_DATE_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _kind_label(applies_to: str) -> str:
    return {
        APPLIES_SIGNAL: tr("Signalen zonder casus"),
        APPLIES_CASE: tr("Afgesloten casussen"),
        APPLIES_REPORTER: tr("Gegevens van de melder"),
    }.get(applies_to, applies_to)


@dataclass(frozen=True)
class RetentionRuleInfo:
    code: str
    description: str
    applies_to: str
    category_code: str | None
    term_days: int
    legal_basis: str

    @property
    def kind_label(self) -> str:
        return _kind_label(self.applies_to)

    @property
    def minimum_days(self) -> int:
        return MINIMUM_TERM_DAYS.get(self.applies_to, 1)


@dataclass(frozen=True)
class PurgeResult:
    as_of: date
    lines: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    reclaimed: bool = False


def _info(rule: RetentionRule) -> RetentionRuleInfo:
    return RetentionRuleInfo(
        rule.code,
        rule.description,
        rule.applies_to,
        rule.category_code,
        rule.term_days,
        rule.legal_basis,
    )


def _format_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _cutoff(as_of: date, term_days: int) -> datetime:
    """Records that started before this moment are past a term of ``term_days``: local
    midnight of the day ``term_days`` before ``as_of``, as naive UTC, because it is
    compared with ``*_at`` columns (received_at, closed_at), which hold UTC."""
    return local_day_start_utc(as_of - timedelta(days=term_days))


# --------------------------------------------------------------------------- the terms


@retrying
def list_rules(ctx: ServiceContext) -> list[RetentionRuleInfo]:
    """All retention rules, general ones first (beheerder and coordinator)."""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    with ctx.unit() as session:
        rules = session.execute(select(RetentionRule)).scalars().all()
        order = {kind: i for i, kind in enumerate(APPLIES_TO)}
        rules = sorted(
            rules,
            key=lambda r: (order.get(r.applies_to, 9), r.category_code or "", r.code),
        )
        return [_info(r) for r in rules]


def _check_term(applies_to: str, term_days: Any, legal_basis: Any) -> tuple[int, str]:
    if isinstance(term_days, bool) or not isinstance(term_days, int):
        try:
            term_days = int(str(term_days).strip())
        except ValueError:
            raise ValidationError(
                tr("De termijn moet een geheel aantal dagen zijn, bijvoorbeeld 365."),
                field="term_days",
            ) from None
    minimum = MINIMUM_TERM_DAYS.get(applies_to, 1)
    if term_days < minimum:
        reason = {
            APPLIES_SIGNAL: tr("een afgerond signaal kan nog heroverwogen of gekoppeld worden"),
            APPLIES_CASE: tr("een afgesloten casus kan heropend worden als problemen terugkeren"),
            APPLIES_REPORTER: tr("de melder moet bereikbaar blijven zolang het signaal loopt"),
        }.get(applies_to, "")
        raise ValidationError(
            tr(
                "Een termijn van {days} dagen is te kort voor '{kind}': minimaal {minimum} "
                "dagen, want {reason}."
            ).format(days=term_days, kind=_kind_label(applies_to), minimum=minimum, reason=reason),
            field="term_days",
        )
    if term_days > MAXIMUM_TERM_DAYS:
        raise ValidationError(
            tr(
                "Een termijn van {days} dagen is langer dan twintig jaar ({maximum} dagen). "
                "Controleer het getal."
            ).format(days=term_days, maximum=MAXIMUM_TERM_DAYS),
            field="term_days",
        )
    basis = (legal_basis or "").strip() if isinstance(legal_basis, str) else ""
    if len(basis) < 5:
        raise ValidationError(
            tr(
                "Vermeld de wettelijke grondslag van de termijn, bijvoorbeeld "
                "'AVG art. 5 lid 1 sub e; convenant Sociaal Veilig'."
            ),
            field="legal_basis",
        )
    if len(basis) > 1000:
        raise ValidationError(
            tr("De grondslag is te lang (meer dan 1000 tekens). Vat hem samen."),
            field="legal_basis",
        )
    return term_days, basis


def _check_open_work(
    session: Session, ctx: ServiceContext, rule: RetentionRule, new_term: int
) -> None:
    """Refuse shortening a term so far that it would at once strip data from work that
    is still running. Only the reporter rule can touch open work (signal and case rules
    only ever delete concluded signals and closed cases): reporter details of a signal
    in an open case, or of a signal still being handled, must not vanish because the
    term was shortened under it."""
    if rule.applies_to != APPLIES_REPORTER or new_term >= rule.term_days:
        return
    today = ctx.clock.now().date()
    newly_affected = and_(
        Signal.reporter.is_not(None),
        Signal.received_at < _cutoff(today, new_term),
        Signal.received_at >= _cutoff(today, rule.term_days),
    )
    if rule.category_code:
        newly_affected = and_(
            newly_affected,
            Signal.category_id.in_(select(Category.id).where(Category.code == rule.category_code)),
        )
    open_work = or_(
        and_(Signal.case_id.is_(None), Signal.status.in_(_OPEN_SIGNAL)),
        Signal.case_id.in_(select(Case.id).where(Case.status != CaseStatus.AFGESLOTEN.value)),
    )
    row = session.execute(
        select(Signal.reference, Signal.received_at, Case.reference)
        .outerjoin(Case, Case.id == Signal.case_id)
        .where(newly_affected, open_work)
        .order_by(Signal.received_at)
        .limit(1)
    ).first()
    if row is None:
        return
    signal_ref, received_at, case_ref = row
    age = (today - utc_to_local(received_at).date()).days
    shortest = min(age + 1, rule.term_days)
    where = (
        tr("casus {case} loopt nog").format(case=case_ref)
        if case_ref
        else tr("signaal {signal} is nog in behandeling").format(signal=signal_ref)
    )
    raise ValidationError(
        tr(
            "Een termijn van {days} dagen is korter dan een open casus toestaat: {where} en "
            "de melder van signaal {signal} ({age} dagen oud) zou direct gewist worden. "
            "Kies minstens {shortest} dagen, of rond eerst het werk af."
        ).format(days=new_term, where=where, signal=signal_ref, age=age, shortest=shortest),
        field="term_days",
    )


@retrying
def update_rule(
    ctx: ServiceContext, code: str, term_days: int, legal_basis: str
) -> RetentionRuleInfo:
    """Change a rule's term and legal basis (beheerder only)."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        rule = session.execute(
            select(RetentionRule).where(RetentionRule.code == code)
        ).scalar_one_or_none()
        if rule is None:
            known = ", ".join(session.execute(select(RetentionRule.code)).scalars())
            raise NotFound(
                tr("Onbekende bewaarregel '{code}'. Bekend: {known}.").format(
                    code=code, known=known
                )
            )
        days, basis = _check_term(rule.applies_to, term_days, legal_basis)
        _check_open_work(session, ctx, rule, days)
        rule.term_days = days
        rule.legal_basis = basis
        session.flush()
        ctx.audit(session, "retention_rule_update", "retention_rule", rule.id)
        return _info(rule)


@retrying
def set_category_rule(
    ctx: ServiceContext, base_code: str, category_code: str, term_days: int, legal_basis: str
) -> RetentionRuleInfo:
    """Give one category its own term for a kind of data (beheerder only). Creates the
    rule ``<base_code>:<category_code>`` or updates it."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        base = session.execute(
            select(RetentionRule).where(
                RetentionRule.code == base_code, RetentionRule.category_code.is_(None)
            )
        ).scalar_one_or_none()
        if base is None:
            raise NotFound(tr("Onbekende algemene bewaarregel '{code}'.").format(code=base_code))
        category = session.execute(
            select(Category).where(func.upper(Category.code) == category_code.strip().upper())
        ).scalar_one_or_none()
        if category is None:
            raise ValidationError(
                tr("Onbekende categorie '{code}'. Gebruik een categoriecode, zoals ZV-HG.").format(
                    code=category_code
                ),
                field="category_code",
            )
        days, basis = _check_term(base.applies_to, term_days, legal_basis)
        code = f"{base.code}:{category.code}"
        rule = session.execute(
            select(RetentionRule).where(RetentionRule.code == code)
        ).scalar_one_or_none()
        if rule is None:
            rule = RetentionRule(
                code=code,
                description=f"{base.description} – {category.name}",
                applies_to=base.applies_to,
                category_code=category.code,
                term_days=days,
                legal_basis=basis,
            )
            session.add(rule)
        else:
            _check_open_work(session, ctx, rule, days)
            rule.term_days = days
            rule.legal_basis = basis
        session.flush()
        ctx.audit(session, "retention_rule_update", "retention_rule", rule.id)
        return _info(rule)


@retrying
def remove_category_rule(ctx: ServiceContext, code: str) -> None:
    """Remove a category's own rule; the general rule applies again (beheerder only).
    General rules cannot be removed: without one, that kind of data would never go."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        rule = session.execute(
            select(RetentionRule).where(RetentionRule.code == code)
        ).scalar_one_or_none()
        if rule is None:
            raise NotFound(tr("Onbekende bewaarregel '{code}'.").format(code=code))
        if rule.category_code is None:
            raise ValidationError(
                tr("Een algemene bewaarregel kan niet weg; pas de termijn aan."), field="code"
            )
        session.delete(rule)
        ctx.audit(session, "retention_rule_remove", "retention_rule", rule.id)


@retrying
def last_purge(ctx: ServiceContext) -> date | None:
    """The peildatum of the last purge, for the daily job."""
    with ctx.unit() as session:
        value = session.get(Setting, LAST_PURGE_SETTING)
        return date.fromisoformat(value.value) if value is not None else None


# --------------------------------------------------------------------------- peildatum


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
            ).format(day=_format_date(day), today=_format_date(today)),
            field="as_of",
        )


# --------------------------------------------------------------------------- the purge


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


@dataclass
class _Tally:
    """Counts per (kind, rule code), for the register and the summary."""

    counts: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, kind: str, rule_code: str, n: int) -> None:
        if n:
            self.counts[(kind, rule_code)] += n

    def total(self, kind: str) -> int:
        return sum(n for (k, _), n in self.counts.items() if k == kind)


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
    session: Session, rules: _Rules, as_of: date, tally: _Tally
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
                    Signal.received_at < _cutoff(as_of, rule.term_days),
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
    tally: _Tally, rule_of: dict[str, str], kind: str, rows: Iterable[tuple[str, str | None]]
) -> list[str]:
    """Collect record ids and count them under the rule of the case they belong to."""
    found: list[str] = []
    for obj_id, case_id in rows:
        found.append(obj_id)
        if case_id is not None and case_id in rule_of:
            tally.add(kind, rule_of[case_id], 1)
    return found


def _purge_closed_cases(
    session: Session, rules: _Rules, as_of: date, tally: _Tally
) -> tuple[list[str], list[str], int]:
    """Closed cases past their term, with everything that hangs on them. Returns the
    ids of all deleted records (for their history), linked person ids, and the number
    of cases kept because work is still open."""
    all_rules = rules.all()
    if not all_rules:
        return [], [], 0
    earliest = _cutoff(as_of, min(r.term_days for r in all_rules))
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
    expired = {
        case_id: rule
        for case_id, rule in terms.items()
        if candidates[case_id] < _cutoff(as_of, rule.term_days)
    }
    if not expired:
        return [], [], 0
    ids = list(expired)
    # A closed case with open work left (the ZVH still working, a visit still planned)
    # is kept: deleting it would pull the ground from under that work.
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
    case_ids = [cid for cid in ids if cid not in open_work]
    deleted_ids: list[str] = list(case_ids)
    person_ids: list[str] = []
    for chunk in _chunks(case_ids):
        rule_of = {cid: expired[cid].code for cid in chunk}

        for cid in chunk:
            tally.add(APPLIES_CASE, rule_of[cid], 1)
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
        for echunk in _chunks(escalation_ids):
            session.execute(
                delete(Escalation)
                .where(Escalation.id.in_(echunk))
                .execution_options(synchronize_session=False)
            )
        _delete_agenda_items(session, item_ids)
        person_ids.extend(_delete_signals(session, signal_ids))
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
        deleted_ids.extend(signal_ids + action_ids + visit_ids + escalation_ids + item_ids)
    return deleted_ids, person_ids, len(open_work)


def _purge_orphan_persons(
    session: Session, person_ids: list[str], tally: _Tally, rule_code: str
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
    session: Session, rules: _Rules, as_of: date, now_utc: datetime, tally: _Tally
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
                Signal.received_at < _cutoff(as_of, rule.term_days),
            )
            .values(reporter=None, reporter_anonymised_at=now_utc, version=Signal.version + 1)
            .execution_options(synchronize_session=False)
        )
        tally.add(APPLIES_REPORTER, code, int(result.rowcount or 0))


_REGISTER_KINDS: tuple[tuple[str, str], ...] = (
    ("signal", "signal"),
    ("case", "case"),
    ("case_signal", "signal"),
    ("action", "action"),
    ("visit", "visit"),
    ("escalation", "escalation"),
    ("agenda_item", "agenda_item"),
    ("person", "person"),
    ("reporter", "reporter"),
)


def _summary_lines(as_of: date, tally: _Tally, kept_cases: int, reclaimed: bool) -> list[str]:
    lines = [tr("Peildatum: {day}.").format(day=_format_date(as_of))]
    t = tally.total
    if t("signal"):
        lines.append(
            tr("Verwijderd: {n} signalen die nooit een casus werden.").format(n=t("signal"))
        )
    if t("case"):
        lines.append(
            tr(
                "Verwijderd: {n} afgesloten casussen, met {signals} signalen, {actions} acties, "
                "{visits} huisbezoeken, {escalations} opschalingen en {items} agendapunten."
            ).format(
                n=t("case"),
                signals=t("case_signal"),
                actions=t("action"),
                visits=t("visit"),
                escalations=t("escalation"),
                items=t("agenda_item"),
            )
        )
    if t("person"):
        lines.append(
            tr("Verwijderd: {n} betrokkenen die nergens meer bij horen.").format(n=t("person"))
        )
    if t("reporter"):
        lines.append(tr("Geanonimiseerd: de melder van {n} signalen.").format(n=t("reporter")))
    if kept_cases:
        lines.append(
            tr(
                "Bewaard: {n} afgesloten casussen waarvan de termijn verstreken is, maar met nog "
                "lopend werk (open actie, opschaling of gepland huisbezoek)."
            ).format(n=kept_cases)
        )
    if not any(tally.counts.values()):
        lines.append(tr("Niets te verwijderen of te anonimiseren volgens de bewaartermijnen."))
    if not reclaimed:
        lines.append(
            tr(
                "Let op: de vrije ruimte kon nog niet helemaal worden opgeruimd (het bestand "
                "was in gebruik). Dat gebeurt opnieuw bij de volgende opschoning."
            )
        )
    elif any(tally.counts.values()):
        lines.append(
            tr("Ruimte vrijgemaakt: de verwijderde gegevens staan niet meer in het bestand.")
        )
    return lines


@retrying
def purge(ctx: ServiceContext, as_of: date) -> PurgeResult:
    """Apply the retention rules as of ``as_of``: delete and anonymise for real in one
    transaction, write the deletion register (kinds, counts, rules; no content) and the
    audit entry, then rebuild the file so the deleted bytes are gone."""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    _refuse_future(as_of, ctx.clock.now().date())
    tally = _Tally()
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
                    object_type=dict(_REGISTER_KINDS).get(kind, kind),
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
        lines=_summary_lines(as_of, tally, kept, reclaimed),
        counts=dict(counts),
        reclaimed=reclaimed,
    )
