"""When the program proposes escalation (opschaling); a person always decides.

Two grounds, from DOMAIN.md and the case-work issue:

- the ZVH criteria of Parkstad, as recorded per case: problems on more than one life domain
  leading to criminal or nuisance behaviour, AND cooperation across chains is needed, AND
  (the problems affect the family system or surroundings, OR there is serious local safety
  trouble);
- a pattern: three or more signals from two or more sources in the last six months, with no
  recorded progress on the case since.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sociaalveilig.core.enums import EscalationTarget, Source
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr

PATTERN_MIN_SIGNALS = 3
PATTERN_MIN_SOURCES = 2
PATTERN_WINDOW_MONTHS = 6
PGA_MAX_AGE = 27
MAX_UNMET_REASON = 1000
# The program's users plan and report in Dutch local time, whatever the machine says.
_LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class ZvhCriteria:
    """The ZVH checklist as recorded for a case (all unticked by default)."""

    multiple_life_domains: bool = False
    criminal_or_nuisance_behaviour: bool = False
    chain_cooperation_needed: bool = False
    affects_family_or_surroundings: bool = False
    serious_local_safety_trouble: bool = False

    def met(self) -> bool:
        return (
            self.multiple_life_domains
            and self.criminal_or_nuisance_behaviour
            and self.chain_cooperation_needed
            and (self.affects_family_or_surroundings or self.serious_local_safety_trouble)
        )

    def explain(self) -> list[tuple[str, bool]]:
        """The checklist lines in order, each with whether it is recorded as true."""
        return [
            (tr("Problemen op meer dan één leefgebied"), self.multiple_life_domains),
            (
                tr("Die leiden tot crimineel of overlastgevend gedrag"),
                self.criminal_or_nuisance_behaviour,
            ),
            (tr("Samenwerking tussen ketens is nodig"), self.chain_cooperation_needed),
            (
                tr("De problemen raken het gezinssysteem of de omgeving"),
                self.affects_family_or_surroundings,
            ),
            (
                tr("Er is ernstige lokale veiligheidsproblematiek"),
                self.serious_local_safety_trouble,
            ),
        ]


def missing_criteria(criteria: ZvhCriteria) -> str:
    """Which ZVH criteria are not met, as the checklist says it ("criterium 1, 3 ontbreekt",
    or "criterium 4 of 5 ontbreekt"); empty when they are met."""
    if criteria.met():
        return ""
    lines = criteria.explain()
    missing = [str(n) for n, (_label, holds) in enumerate(lines[:3], start=1) if not holds]
    if missing:
        return tr("criterium {numbers} ontbreekt").format(numbers=", ".join(missing))
    return tr("criterium 4 of 5 ontbreekt")


def check_unmet_criteria_reason(
    target: EscalationTarget, criteria: ZvhCriteria, reason: str | None
) -> str | None:
    """An escalation to the ZVH whose criteria are not met needs its own reason (a person
    decides against the checklist, and says why). Returns the line for the record, or None
    when no such reason is needed."""
    if target is not EscalationTarget.ZVH or criteria.met():
        return None
    text = (reason or "").strip()
    if not text:
        raise ValidationError(
            tr(
                "De casus voldoet niet aan de ZVH-criteria ({missing}). Geef aan waarom u "
                "toch opschaalt naar het Zorg- en Veiligheidshuis, of leg eerst de criteria "
                "vast."
            ).format(missing=missing_criteria(criteria)),
            field="criteria_reden",
        )
    if len(text) > MAX_UNMET_REASON:
        raise ValidationError(
            tr("De reden is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_UNMET_REASON
            ),
            field="criteria_reden",
        )
    return tr("Opgeschaald hoewel de ZVH-criteria niet vervuld zijn ({missing}): {reason}").format(
        missing=missing_criteria(criteria), reason=text
    )


@dataclass(frozen=True)
class SignalFact:
    """What the pattern rule needs to know of one signal on the case."""

    date: date
    """A date or a datetime; a plain date counts as the start of that day."""
    source: Source


@dataclass(frozen=True)
class EscalationProposal:
    propose: bool
    reasons: list[str] = field(default_factory=list)
    """Dutch sentences, one per ground that holds; empty when nothing is proposed."""
    target: EscalationTarget | None = None
    """The suggested target (the ZVH intake) when proposing; the person may choose another."""


def _naive(value: date) -> datetime:
    """A date or datetime as a naive local datetime (aware values are converted)."""
    if isinstance(value, datetime):
        return value if value.tzinfo is None else value.astimezone(_LOCAL_ZONE).replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day-of-month ``months`` earlier, clamped to the month's last day."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def signals_without_progress(
    signals: Iterable[SignalFact], now: datetime, progress_since: datetime | None
) -> list[SignalFact]:
    """Signals of the last six months (up to ``now``) that came after the last progress."""
    now = _naive(now)
    window_start = months_before(now, PATTERN_WINDOW_MONTHS)
    progress = _naive(progress_since) if progress_since is not None else None
    found = []
    for signal in signals:
        moment = _naive(signal.date)
        if window_start <= moment <= now and (progress is None or moment > progress):
            found.append(signal)
    return found


def pattern_proposal(
    signals: Iterable[SignalFact], now: datetime, progress_since: datetime | None
) -> bool:
    """Three or more signals from two or more sources in six months, without progress.

    ``progress_since`` is when progress on the case was last recorded (None: never). Only
    signals after it count, so a case that moved recently is not proposed again at once.
    """
    recent = signals_without_progress(signals, now, progress_since)
    return (
        len(recent) >= PATTERN_MIN_SIGNALS
        and len({signal.source for signal in recent}) >= PATTERN_MIN_SOURCES
    )


def escalation_proposal(
    criteria: ZvhCriteria | None,
    signals: Iterable[SignalFact],
    now: datetime,
    last_progress: datetime | None,
) -> EscalationProposal:
    """Whether to propose escalation for a case, and why (in Dutch)."""
    reasons: list[str] = []
    if criteria is not None and criteria.met():
        reasons.append(
            tr("De vastgelegde feiten voldoen aan de ZVH-criteria: {criteria}.").format(
                criteria="; ".join(label.lower() for label, holds in criteria.explain() if holds)
            )
        )
    signal_list = list(signals)
    if pattern_proposal(signal_list, now, last_progress):
        recent = signals_without_progress(signal_list, now, last_progress)
        sources = sorted({signal.source for signal in recent}, key=list(Source).index)
        if last_progress is None:
            since = tr("zonder vastgelegde voortgang")
        else:
            since = tr("zonder voortgang sinds {date}").format(
                date=last_progress.strftime("%d-%m-%Y")
            )
        reasons.append(
            tr(
                "{count} signalen van {source_count} bronnen ({sources}) in de afgelopen "
                "zes maanden, {since}."
            ).format(
                count=len(recent),
                source_count=len(sources),
                sources=", ".join(source.label.lower() for source in sources),
                since=since,
            )
        )
    if not reasons:
        return EscalationProposal(propose=False)
    return EscalationProposal(propose=True, reasons=reasons, target=EscalationTarget.ZVH)


def pga_eligible(birth_year: int, today: date) -> bool:
    """Whether a person may be 27 or younger today (persoonsgerichte aanpak / PmG).

    Only the birth year is recorded (data minimisation), so someone born 28 years ago may
    still be 27; the program gives the benefit of the doubt and a person decides.
    """
    if birth_year > today.year:
        raise ValidationError(
            tr("Geboortejaar {year} ligt in de toekomst.").format(year=birth_year),
            field="geboortejaar",
        )
    youngest_possible_age = today.year - birth_year - 1
    return youngest_possible_age <= PGA_MAX_AGE


def check_escalation_request(
    target: EscalationTarget, reason: str, today: date, birth_year: int | None = None
) -> None:
    """Refuse an escalation without a reason, or to PGA for someone older than 27."""
    if not reason.strip():
        raise ValidationError(
            tr("Geef een reden voor de opschaling naar {target}.").format(target=target.label),
            field="reden",
        )
    if target is EscalationTarget.PGA:
        if birth_year is None:
            raise ValidationError(
                tr(
                    "Voor opschaling naar {target} is het geboortejaar van de betrokkene "
                    "nodig (tot en met 27 jaar)."
                ).format(target=target.label),
                field="geboortejaar",
            )
        if not pga_eligible(birth_year, today):
            raise ValidationError(
                tr(
                    "{target} is voor jongeren tot en met 27 jaar; de betrokkene (geboren "
                    "{year}) is ouder. Kies het Zorg- en Veiligheidshuis of een ander doel."
                ).format(target=target.label, year=birth_year),
                field="doel",
            )
