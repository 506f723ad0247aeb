"""Agenda and minutes (verslag) of a partner meeting; a partner's copy holds the items that
partner sees of the meeting on screen (``access.partner_agenda_items``), no more, no less."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from sociaalveilig.core.i18n import tr
from sociaalveilig.reports.common import (
    CONTENT_WIDTH,
    build_pdf,
    data_table,
    field_table,
    fmt_date,
    fmt_datetime,
    heading,
    para,
    spacer,
)
from sociaalveilig.services.report_meeting import MeetingDocData, MeetingItemLine

W = CONTENT_WIDTH


def title_of(data: MeetingDocData) -> str:
    kind = tr("Verslag") if data.minutes else tr("Agenda")
    return tr("{kind} {type}, {area}, {day}").format(
        kind=kind, type=data.meeting_type.lower(), area=data.area,
        day=fmt_date(data.starts_at.date()),
    )


def _item(data: MeetingDocData, item: MeetingItemLine) -> Flowable:
    head = tr("{pos}. {subject}: {address}").format(
        pos=item.position, subject=item.subject or tr("(geen casus)"), address=item.address
    )
    parts: list[Flowable] = [para(head, "h3")]
    facts = [tr("Reden: {reason}").format(reason=item.reason)]
    if item.categories:
        facts.append(tr("Categorieën: {list}").format(list=item.categories))
    if item.risk_level:
        facts.append(tr("Risico: {level}").format(level=item.risk_level))
    parts.append(para(" · ".join(facts), "note"))
    if data.minutes:
        parts.append(para(tr("Besluit: {text}").format(
            text=item.decision or tr("geen besluit vastgelegd")), "body"))
        parts.append(
            data_table(
                [tr("Actie"), tr("Eigenaar"), tr("Deadline"), tr("Status")],
                [
                    [a.action_type + (f"\n{a.description}" if a.description else ""), a.owner,
                     fmt_date(a.deadline), a.status]
                    for a in item.actions
                ],
                [W - 45 * mm - 22 * mm - 24 * mm, 45 * mm, 22 * mm, 24 * mm],
                empty=tr("Geen acties afgesproken."),
            )
        )
    else:
        parts.append(para(tr("Besluit en acties: ") + "_" * 60, "body"))
    return KeepTogether([*parts, spacer(2 * mm)])


def story(data: MeetingDocData) -> list[Flowable]:
    s: list[Flowable] = [para(title_of(data), "title")]
    if data.copy_for:
        s.append(para(tr("Exemplaar voor {partner}: de punten van dit overleg zoals uw "
                         "organisatie ze in Sociaal Veilig ziet.").format(partner=data.copy_for),
                      "subtitle"))
    else:
        s.append(para(tr("Volledig exemplaar voor de voorzitter en de coördinator."),
                      "subtitle"))
    s.append(
        field_table(
            [
                (tr("Overleg"), data.meeting_type),
                (tr("Focusgebied"), data.area),
                (tr("Datum en tijd"), fmt_datetime(data.starts_at)),
                (tr("Locatie"), data.location or "–"),
                (tr("Deelnemers"), ", ".join(data.partners) or "–"),
                (tr("Punten"), str(len(data.items))),
            ]
        )
    )
    s.append(heading(tr("Besproken casussen en signalen") if data.minutes
                     else tr("Agendapunten")))
    if not data.items:
        s.append(para(tr("Geen punten op deze agenda.") if data.copy_for is None
                      else tr("Geen punten voor uw organisatie in dit overleg."), "body"))
    s += [_item(data, item) for item in data.items]
    if data.minutes:
        actions = sorted(
            ((item, a) for item in data.items for a in item.actions), key=lambda x: x[1].deadline
        )
        s.append(heading(tr("Actielijst")))
        s.append(
            data_table(
                [tr("Punt"), tr("Actie"), tr("Eigenaar"), tr("Deadline")],
                [[f"{item.position}. {item.subject}", a.action_type, a.owner,
                  fmt_date(a.deadline)] for item, a in actions],
                [35 * mm, W - 35 * mm - 50 * mm - 22 * mm, 50 * mm, 22 * mm],
                empty=tr("Geen acties afgesproken."),
            )
        )
    return s


def render(data: MeetingDocData) -> bytes:
    return build_pdf(story(data), data.meta, title_of(data))
