"""The report of a purge: what was deleted or erased, per rule, in lines for the user and the
register of deletions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sociaalveilig.core.i18n import tr
from sociaalveilig.services.retention_rules import format_date


@dataclass
class PurgeTally:
    """Counts per (kind, rule code), for the register and the summary."""

    counts: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, kind: str, rule_code: str, n: int) -> None:
        if n:
            self.counts[(kind, rule_code)] += n

    def total(self, kind: str) -> int:
        return sum(n for (k, _), n in self.counts.items() if k == kind)


REGISTER_KINDS: tuple[tuple[str, str], ...] = (
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


def summary_lines(as_of: date, tally: PurgeTally, kept_cases: int, reclaimed: bool) -> list[str]:
    lines = [tr("Peildatum: {day}.").format(day=format_date(as_of))]
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
