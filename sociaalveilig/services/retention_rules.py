"""Retention terms (bewaartermijnen): the rules per kind of record, set by the beheerder.

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

The beheerder sets the terms (``update_rule``, ``set_category_rule``); the purge that
applies them is ``retention_purge``. A term is "past" when the start date plus the term lies
before the peildatum (``as_of``): a signal received on 14-04-2025 falls under a 365-day term
from 15-04-2026 on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import CaseStatus, Role, SignalStatus
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import ServiceContext, local_day_start_utc, utc_to_local
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.services.versions import check_version, refuses_stale
from sociaalveilig.storage.models import Case, Category, RetentionRule, Signal

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
_OPEN_SIGNAL = (SignalStatus.NIEUW.value, SignalStatus.GEROUTEERD.value)


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
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def kind_label(self) -> str:
        return _kind_label(self.applies_to)

    @property
    def minimum_days(self) -> int:
        return MINIMUM_TERM_DAYS.get(self.applies_to, 1)


def _info(rule: RetentionRule) -> RetentionRuleInfo:
    return RetentionRuleInfo(
        rule.code,
        rule.description,
        rule.applies_to,
        rule.category_code,
        rule.term_days,
        rule.legal_basis,
        rule.version,
    )


def format_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def term_cutoff(as_of: date, term_days: int) -> datetime:
    """Records that started before this moment are past a term of ``term_days``: local
    midnight of the day ``term_days`` before ``as_of``, as naive UTC, because it is
    compared with ``*_at`` columns (received_at, closed_at), which hold UTC."""
    return local_day_start_utc(as_of - timedelta(days=term_days))


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
        Signal.received_at < term_cutoff(today, new_term),
        Signal.received_at >= term_cutoff(today, rule.term_days),
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
@refuses_stale
def update_rule(
    ctx: ServiceContext,
    code: str,
    term_days: int,
    legal_basis: str,
    *,
    expected_version: int | None = None,
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
        check_version(
            ctx,
            session,
            rule,
            expected_version,
            "retention_rule",
            rule.id,
            tr("Deze bewaartermijn"),
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
