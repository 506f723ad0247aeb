"""Casusoverzicht: one case on paper, in full or pseudonymised (initials, no descriptions)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from sociaalveilig.core.i18n import tr
from sociaalveilig.reports.common import (
    CONTENT_WIDTH,
    build_pdf,
    data_table,
    field_table,
    fmt_date,
    fmt_datetime,
    para,
    section,
    spacer,
)
from sociaalveilig.services.report_case import CaseSummaryData

W = CONTENT_WIDTH


def title_of(data: CaseSummaryData) -> str:
    if data.pseudonymised:
        return tr("Casusoverzicht {ref} (gepseudonimiseerd)").format(ref=data.reference)
    return tr("Casusoverzicht {ref}").format(ref=data.reference)


def story(data: CaseSummaryData) -> list[Flowable]:
    return [
        *_head(data),
        *_persons(data),
        *_signals(data),
        *_decisions(data),
        *_actions(data),
        *_visits(data),
        *_escalations(data),
        *_zvh(data),
    ]


def _head(data: CaseSummaryData) -> list[Flowable]:
    """The title, who the paper is for, the case's fields and its summary."""
    s: list[Flowable] = [para(title_of(data), "title")]
    if data.pseudonymised:
        s.append(
            para(
                tr("Gepseudonimiseerd: betrokkenen met initialen, zonder omschrijvingen, "
                   "besluitteksten en exacte adres. Alleen voor de hoofdlijn."),
                "subtitle",
            )
        )
    else:
        s.append(para(tr("Alleen voor wie bij deze casus betrokken is. Niet verder "
                         "verspreiden."), "subtitle"))
    review = fmt_date(data.next_review)
    if data.next_review and data.next_review < data.meta.printed_at.date() and not data.closed:
        review += " " + tr("(verstreken)")
    s.append(
        field_table(
            [
                (tr("Casus"), data.reference),
                (tr("Status"), data.status),
                (tr("Adres") if not data.pseudonymised else tr("Gebied (PC4)"), data.address),
                (tr("Risiconiveau"), data.risk_level),
                (tr("Focusgebied"), data.area or tr("geen focusgebied")),
                (tr("Casusregisseur"), data.lead_partner or tr("nog niet aangewezen")),
                (tr("Gemeente"), data.municipality),
                (tr("Volgende evaluatie"), review),
                (tr("Geopend"), fmt_date(data.opened)),
                (tr("Afgesloten"), fmt_date(data.closed) if data.closed else tr("nee")),
            ]
        )
    )
    if data.summary:
        s += section(tr("Samenvatting"), para(data.summary))
    return s


def _persons(data: CaseSummaryData) -> list[Flowable]:
    if data.pseudonymised:
        persons = data_table(
            [tr("Initialen"), tr("Rol")],
            [[p.name, p.role] for p in data.persons],
            [70 * mm, W - 70 * mm],
            empty=tr("Geen betrokkenen vastgelegd."),
        )
    else:
        persons = data_table(
            [tr("Naam"), tr("Geboortejaar"), tr("Rol")],
            [[p.name, str(p.birth_year) if p.birth_year else "–", p.role] for p in data.persons],
            [70 * mm, 30 * mm, W - 100 * mm],
            empty=tr("Geen betrokkenen vastgelegd."),
        )
    return section(tr("Betrokkenen"), persons)


def _signals(data: CaseSummaryData) -> list[Flowable]:
    signal_header = [tr("Datum"), tr("Signaal"), tr("Bron"), tr("Categorie")]
    widths = [20 * mm, 27 * mm, 35 * mm, 40 * mm]
    if not data.pseudonymised:
        signal_header.append(tr("Korte omschrijving"))
        widths.append(W - sum(widths))
    else:
        widths[-1] = W - sum(widths[:-1])
    return section(
        tr("Tijdlijn van signalen ({n})").format(n=len(data.signals)),
        data_table(
            signal_header,
            [
                [fmt_date(x.received), x.reference, x.source, x.category]
                + ([] if data.pseudonymised else [x.description])
                for x in data.signals
            ],
            widths,
            empty=tr("Geen signalen gekoppeld."),
        ),
    )


def _decisions(data: CaseSummaryData) -> list[Flowable]:
    return section(
        tr("Besluiten uit overleggen"),
        data_table(
            [tr("Overleg"), tr("Soort"), tr("Besluit")],
            [
                [fmt_date(d.meeting_date), d.meeting_type,
                 d.decision if not data.pseudonymised else tr("(vastgelegd; tekst niet getoond)")]
                for d in data.decisions
            ],
            [22 * mm, 55 * mm, W - 77 * mm],
            empty=tr("Nog geen besluiten."),
        ),
    )


def _actions(data: CaseSummaryData) -> list[Flowable]:
    return section(
        tr("Acties"),
        data_table(
            [tr("Actie"), tr("Soort"), tr("Eigenaar"), tr("Deadline"), tr("Status")],
            [
                [
                    a.reference,
                    a.action_type + (f"\n{a.description}" if a.description else ""),
                    a.owner,
                    fmt_date(a.deadline) + ("\n" + tr("over de termijn") if a.overdue else ""),
                    a.status,
                ]
                for a in data.actions
            ],
            [25 * mm, W - 25 * mm - 45 * mm - 24 * mm - 24 * mm, 45 * mm, 24 * mm, 24 * mm],
            empty=tr("Geen acties."),
        ),
    )


def _visits(data: CaseSummaryData) -> list[Flowable]:
    visit_header = [tr("Gepland"), tr("Partners"), tr("Uitkomst")]
    visit_widths = [27 * mm, 50 * mm, 26 * mm]
    if data.pseudonymised:
        visit_widths[1] += W - sum(visit_widths)
    else:
        visit_header.append(tr("Doel en verslag"))
        visit_widths.append(W - sum(visit_widths))
    visit_rows: list[list[str]] = []
    for v in data.visits:
        row = [fmt_datetime(v.planned),
               v.partners + ("\n" + tr("(gezamenlijk)") if v.joint else ""), v.status]
        if not data.pseudonymised:
            row.append("\n".join(x for x in (v.purpose, v.outcome) if x))
        visit_rows.append(row)
    return section(
        tr("Huisbezoeken"),
        data_table(visit_header, visit_rows, visit_widths, empty=tr("Geen huisbezoeken.")),
    )


def _escalations(data: CaseSummaryData) -> list[Flowable]:
    esc_header = [tr("Opschaling"), tr("Naar"), tr("Status"), tr("Sinds")]
    esc_widths = [25 * mm, 60 * mm, 35 * mm, 22 * mm]
    if data.pseudonymised:
        esc_widths[1] += W - sum(esc_widths)
    else:
        esc_header.append(tr("Toelichting"))
        esc_widths[1] = 45 * mm
        esc_widths[2] = 28 * mm
        esc_widths[3] = 20 * mm
        esc_widths.append(W - sum(esc_widths))
    esc_rows: list[list[str]] = []
    for e in data.escalations:
        row = [e.reference, e.target, e.status, fmt_date(e.since)]
        if not data.pseudonymised:
            kenmerk = (tr("Kenmerk: {ref}").format(ref=e.external_reference)
                       if e.external_reference else "")
            row.append("\n".join(x for x in (kenmerk, e.reason) if x))
        esc_rows.append(row)
    return section(
        tr("Opschaling"),
        data_table(esc_header, esc_rows, esc_widths, empty=tr("Niet opgeschaald.")),
    )


def _zvh(data: CaseSummaryData) -> list[Flowable]:
    met = [label for label, ok in data.zvh_criteria if ok]
    return [
        spacer(2 * mm),
        para(
            tr("ZVH-criteria vastgelegd: {list}.").format(list="; ".join(met))
            if met
            else tr("ZVH-criteria: geen vastgelegd."),
            "note",
        ),
    ]


def render(data: CaseSummaryData) -> bytes:
    return build_pdf(story(data), data.meta, title_of(data))
