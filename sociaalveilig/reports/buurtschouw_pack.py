"""Buurtschouw pack: what the walkers take along. Route, open signals about the physical
living environment by street (category and date only: residents walk along), the heel /
schoon / veilig and CPTED checklist with tick boxes, and a blank findings table."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle

from sociaalveilig.core.i18n import tr
from sociaalveilig.reports.common import (
    CONTENT_WIDTH,
    HEADER_FILL,
    INK,
    RULE,
    TickBox,
    build_pdf,
    data_table,
    field_table,
    fmt_date,
    heading,
    markup,
    para,
    section,
    spacer,
)
from sociaalveilig.services.report_buurtschouw import BuurtschouwPackData

W = CONTENT_WIDTH
FINDING_ROWS = 14
RECENT_DATES = 3
BLANK = "_" * 28


def title_of(data: BuurtschouwPackData) -> str:
    return tr("Buurtschouw {area}, {day}").format(area=data.area, day=fmt_date(data.walk_date))


def _checklist(data: BuurtschouwPackData) -> list[Flowable]:
    out: list[Flowable] = [heading(tr("Checklist heel, schoon, veilig en CPTED"))]
    out.append(para(tr("Vink per punt aan wat u aantreft; noteer bijzonderheden met de plek "
                       "in de tabel met bevindingen."), "note"))
    for sec in data.checklist:
        rows: list[list[Flowable | str]] = [
            [para(sec.title, "head"), para(tr("In orde"), "head"),
             para(tr("Aandacht nodig"), "head"), para(tr("Opmerking"), "head")]
        ]
        for item in sec.items:
            label = markup(f"{escape(item.label)}<br/><font size=7 color='#52606d'>"
                           f"{escape(item.hint)}</font>", "cell")
            rows.append([label, TickBox(), TickBox(), ""])
        table = Table(rows, colWidths=[92 * mm, 17 * mm, 24 * mm, W - 133 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                    ("ALIGN", (1, 1), (2, -1), "CENTER"),
                    ("TOPPADDING", (0, 1), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
                ]
            )
        )
        out.append(KeepTogether([spacer(2 * mm), table]))
    return out


def _findings() -> list[Flowable]:
    header = [tr("Nr."), tr("Plek (straat, huisnummer of omschrijving)"), tr("Checklistpunt"),
              tr("Bevinding"), tr("Signaal maken?")]
    rows: list[list[Flowable | str]] = [[para(h, "head") for h in header]]
    for n in range(1, FINDING_ROWS + 1):
        rows.append([para(str(n), "cell"), "", "", "", TickBox()])
    table = Table(
        rows,
        colWidths=[10 * mm, 50 * mm, 30 * mm, W - 115 * mm, 25 * mm],
        rowHeights=[None] + [11 * mm] * FINDING_ROWS,
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("ALIGN", (4, 1), (4, -1), "CENTER"),
            ]
        )
    )
    return [
        heading(tr("Bevindingen")),
        para(tr("Na afloop voert de wijkagent of coördinator de bevindingen in; elke bevinding "
                "met een vinkje wordt een signaal met bron buurtschouw."), "note"),
        table,
    ]


def _street_rows(data: BuurtschouwPackData) -> list[list[str]]:
    """Per street, per category: how many open signals and the latest dates (at most three).
    The street name stands on its first row only."""
    rows: list[list[str]] = []
    for street in data.streets:
        per_category: dict[str, list[date]] = {}
        for day, category in street.signals:
            per_category.setdefault(category, []).append(day)
        ordered = sorted(per_category.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        for i, (category, days) in enumerate(ordered):
            recent = sorted(days, reverse=True)
            text = ", ".join(fmt_date(d) for d in recent[:RECENT_DATES])
            if len(recent) > RECENT_DATES:
                text += " …"
            rows.append([street.street if i == 0 else "", category, str(len(days)), text])
    return rows


def story(data: BuurtschouwPackData) -> list[Flowable]:
    count = sum(len(s.signals) for s in data.streets)
    s: list[Flowable] = [
        para(title_of(data), "title"),
        para(tr("Voorbereiding van de buurtschouw: route, openstaande signalen, checklist en "
                "bevindingen."), "subtitle"),
        field_table(
            [
                (tr("Focusgebied"), data.area),
                (tr("Gemeente"), data.municipality),
                (tr("Datum"), fmt_date(data.walk_date)),
                (tr("Open signalen"), str(count)),
                (tr("Deelnemers"), BLANK),
                (tr("Verzamelpunt"), BLANK),
            ]
        ),
    ]
    if data.route:
        note = (
            tr("Geen route vastgelegd: voorstel op basis van de straten met de meeste open "
               "signalen.")
            if data.route_from_signals
            else tr("Route zoals vastgelegd bij het plannen van de buurtschouw.")
        )
        route_rows = [[str(i), street, TickBox()] for i, street in enumerate(data.route, 1)]
        s += section(
            tr("Route"),
            para(note, "note"),
            data_table([tr("Nr."), tr("Straat"), tr("Gelopen")], route_rows,
                       [12 * mm, W - 37 * mm, 25 * mm]),
        )
    else:
        s += section(
            tr("Route"),
            para(tr("Geen route vastgelegd en geen open signalen in dit gebied: bepaal de route "
                    "ter plekke en noteer de straten hieronder."), "note"),
            data_table([tr("Nr."), tr("Straat"), tr("Gelopen")],
                       [[str(i), "", TickBox()] for i in range(1, 7)],
                       [12 * mm, W - 37 * mm, 25 * mm]),
        )

    s += section(
        tr("Openstaande signalen per straat"),
        para(tr("Alleen signalen over de fysieke leefomgeving, zonder namen en huisnummers; "
                "signalen over zorgen achter de voordeur staan nooit in dit pakket."), "note"),
    )
    rows = _street_rows(data)
    s.append(
        data_table(
            [tr("Straat"), tr("Categorie"), tr("Aantal"), tr("Meest recent ontvangen")],
            rows,
            [42 * mm, W - 42 * mm - 16 * mm - 60 * mm, 16 * mm, 60 * mm],
            empty=tr("Geen openstaande signalen in dit gebied."),
            bold_first=True,
            align_right=(2,),
            rule_above=[i for i, row in enumerate(rows) if row[0]],
        )
    )
    s.append(PageBreak())
    s += _checklist(data)
    s.append(PageBreak())
    s += _findings()
    return s


def render(data: BuurtschouwPackData) -> bytes:
    return build_pdf(story(data), data.meta, title_of(data))
