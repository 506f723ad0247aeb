"""Managementrapportage: figures per period and focus area. No personal data at all, and
small counts suppressed so no one is recognisable."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from sociaalveilig.core.i18n import tr
from sociaalveilig.reports.common import (
    ACCENT,
    CONTENT_WIDTH,
    MUTED,
    RULE,
    build_pdf,
    data_table,
    field_table,
    fmt_date,
    fmt_days,
    fmt_number,
    para,
    right,
    section,
    spacer,
)
from sociaalveilig.services.report_management import (
    RESIDENTS_PER_WIJKAGENT,
    SECONDARY_MARK,
    SUPPRESSION_THRESHOLD,
    CountRow,
    ManagementData,
    MonthCount,
    suppress_breakdown,
    suppressed,
)

W = CONTENT_WIDTH
SECOND = colors.HexColor("#e8a33d")


def title_of(data: ManagementData) -> str:
    return tr("Managementrapportage {period}, {area}").format(
        period=data.period.title, area=data.area or tr("alle focusgebieden")
    )


def _short_area(name: str) -> str:
    return name.split(" (")[0].split(" – ")[0]


def _is_hidden(count: int) -> bool:
    return 0 < count < SUPPRESSION_THRESHOLD


def _breakdown_rows(rows: Sequence[CountRow], total: int) -> list[list[str | Flowable]]:
    cells = suppress_breakdown([r.count for r in rows])
    out: list[list[str | Flowable]] = [
        [r.label, right(c)] for r, c in zip(rows, cells, strict=True)
    ]
    out.append([tr("Totaal"), right(suppressed(total), bold=True)])
    return out


def _hbar(rows: Sequence[CountRow], width: float, label_width: float) -> Drawing:
    """Horizontal bars; a suppressed count is drawn as an empty bar labelled "<5"."""
    shown = suppress_breakdown([r.count for r in rows])
    values = [r.count if s.isdigit() else 0 for r, s in zip(rows, shown, strict=True)]
    bar_h = 5.2 * mm
    height = max(len(rows), 1) * bar_h + 12 * mm
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 8 * mm
    chart.width = width - label_width - 14 * mm
    chart.height = height - 12 * mm
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = [r.label for r in reversed(rows)] or [""]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.forceZero = True
    if max(values, default=0) == 0:
        chart.valueAxis.valueMax = 10
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(reversed(shown)) or [""]]
    chart.barLabels.fontName = "Helvetica"
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _month_chart(months: Sequence[MonthCount], width: float) -> Drawing:
    """Signals per month; months with 1–4 signals are left out of the line (suppressed)."""
    height = 58 * mm
    d = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x = 12 * mm
    chart.y = 12 * mm
    chart.width = width - 16 * mm
    chart.height = height - 20 * mm
    values: list[float | None] = [None if _is_hidden(m.count) else m.count for m in months]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [m.label.replace(" ", "\n") for m in months]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    if max((v or 0) for v in values) == 0:
        chart.valueAxis.valueMax = 10
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.lines[0].strokeColor = ACCENT
    chart.lines[0].strokeWidth = 1.6
    chart.lines[0].symbol = makeMarker("FilledCircle")
    chart.lines[0].symbol.size = 3.5
    chart.lines[0].symbol.fillColor = ACCENT
    chart.lines[0].symbol.strokeColor = ACCENT
    d.add(chart)
    d.add(String(12 * mm, height - 5 * mm, tr("Aantal signalen per maand"),
                 fontName="Helvetica-Bold", fontSize=8, fillColor=MUTED))
    return d


def _norm_chart(data: ManagementData, width: float) -> Drawing:
    """Per focus area: wijkagenten the norm asks for (residents / 5,000) and those deployed."""
    areas = data.areas
    height = 62 * mm
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x = 12 * mm
    chart.y = 16 * mm
    chart.width = width - 16 * mm
    chart.height = height - 28 * mm
    chart.data = [[a.norm_fte for a in areas] or [0], [a.wijkagent_fte for a in areas] or [0]]
    chart.categoryAxis.categoryNames = [_short_area(a.area) for a in areas] or [""]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 20 if len(areas) > 4 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(areas) > 4 else "n"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = SECOND
    chart.bars.strokeColor = None
    chart.groupSpacing = 6
    d.add(chart)
    legend = Legend()
    legend.x = 14 * mm
    legend.y = height - 4 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = "Helvetica"
    legend.fontSize = 7
    legend.deltax = 70 * mm
    legend.colorNamePairs = [
        (ACCENT, tr("Norm: inwoners / {n}").format(n=fmt_number(RESIDENTS_PER_WIJKAGENT, 0))),
        (SECOND, tr("Ingezet (fte wijkagent)")),
    ]
    d.add(legend)
    return d


def story(data: ManagementData) -> list[Flowable]:
    p = data.period
    area_text = data.area or tr("alle focusgebieden (Parkstad)")
    h = data.handling
    enough = h.count >= SUPPRESSION_THRESHOLD
    a = data.actions
    s: list[Flowable] = [
        para(tr("Managementrapportage {period}").format(period=p.title), "title"),
        para(area_text, "subtitle"),
        field_table(
            [
                (tr("Periode"), f"{fmt_date(p.start)} t/m {fmt_date(p.last_day)}"),
                (tr("Gebied"), area_text),
                (tr("Stand tot en met"), fmt_date(data.as_of)),
                (tr("Signalen"), suppressed(data.signals_total)),
                (tr("Nieuwe casussen"), suppressed(data.new_cases)),
                (tr("Afgesloten casussen"), suppressed(data.closed_cases)),
                (tr("Behandelduur mediaan"), fmt_days(h.median_days) if enough else "–"),
                (tr("Behandelduur 90e perc."), fmt_days(h.p90_days) if enough else "–"),
                (tr("Huisbezoeken uitgevoerd"), suppressed(data.visits_done)),
                (tr("Acties te laat of over termijn"), suppressed(a.late + a.open_overdue)),
            ]
        ),
        spacer(2 * mm),
        para(
            tr("Dit rapport bevat geen persoonsgegevens: geen namen, adressen of omschrijvingen. "
               "Aantallen van 1 tot en met 4 staan als '<5'; '{x}' betekent afgeschermd, zodat "
               "een klein aantal niet uit het totaal kan worden teruggerekend.")
            .format(x=SECONDARY_MARK),
            "note",
        ),
    ]
    if data.as_of < p.last_day:
        s.append(para(tr("De periode loopt nog: de cijfers gaan tot en met {day}.").format(
            day=fmt_date(data.as_of)), "note"))
    if data.empty:
        s.append(spacer(2 * mm))
        s.append(para(tr("Er zijn in deze periode geen gegevens voor {area}: geen signalen, "
                         "casussen, acties, huisbezoeken of opschalingen.").format(
            area=area_text), "warn"))

    s += _signal_sections(data)
    s += _case_section(data)
    s += _action_section(data)
    s += _visit_and_escalation_sections(data)
    s += _area_section(data)
    return s


def _signal_sections(data: ManagementData) -> list[Flowable]:
    """Signals per month, per source and per category."""
    s: list[Flowable] = []
    s += section(tr("Signalen per maand"), _month_chart(data.by_month, W))
    s.append(para(tr("De twaalf maanden tot en met het einde van de periode. Maanden met 1 "
                     "tot en met 4 signalen zijn afgeschermd en ontbreken in de lijn."), "note"))

    s += section(
        tr("Signalen naar bron"),
        data_table([tr("Bron"), tr("Aantal")], _breakdown_rows(data.by_source,
                                                               data.signals_total),
                   [W - 30 * mm, 30 * mm], align_right=(1,)),
    )
    if data.by_source:
        s.append(_hbar(data.by_source, W, 38 * mm))

    s += section(
        tr("Signalen naar categorie"),
        data_table([tr("Categorie"), tr("Aantal")],
                   _breakdown_rows(data.by_category, data.signals_total),
                   [W - 30 * mm, 30 * mm], align_right=(1,)),
    )
    if data.by_category:
        s.append(_hbar(data.by_category, W, 72 * mm))
    return s


def _case_section(data: ManagementData) -> list[Flowable]:
    """New and closed cases and the handling time."""
    h = data.handling
    enough = h.count >= SUPPRESSION_THRESHOLD
    s: list[Flowable] = []
    s += section(
        tr("Casussen en behandelduur"),
        data_table(
            [tr("Kengetal"), tr("Waarde")],
            [
                [tr("Nieuwe casussen"), right(suppressed(data.new_cases))],
                [tr("Afgesloten casussen"), right(suppressed(data.closed_cases))],
                [tr("Signalen afgehandeld in de periode"), right(suppressed(h.count))],
                [tr("Behandelduur, mediaan"),
                 right(fmt_days(h.median_days) if enough else tr("te weinig (<5)"))],
                [tr("Behandelduur, 90e percentiel"),
                 right(fmt_days(h.p90_days) if enough else tr("te weinig (<5)"))],
            ],
            [W - 40 * mm, 40 * mm],
            align_right=(1,),
        ),
        para(
            tr("Behandelduur: de tijd van ontvangst van een signaal tot het afsluiten van de "
               "casus waaraan het gekoppeld is, of, voor een signaal zonder casus, tot het "
               "moment dat het signaal op 'afgehandeld' is gezet. Geteld over de signalen "
               "waarvan de behandeling in deze periode eindigde. Mediaan: de middelste waarde; "
               "90e percentiel: 90% van de signalen was binnen deze tijd afgehandeld."),
            "note",
        ),
    )
    return s


def _action_section(data: ManagementData) -> list[Flowable]:
    a = data.actions
    s: list[Flowable] = []
    s += section(
        tr("Acties"),
        data_table(
            [tr("Acties met een deadline in de periode"), tr("Aantal")],
            [
                [tr("Totaal (zonder vervallen acties)"), right(suppressed(a.due))],
                [tr("Op tijd afgerond"), right(suppressed(a.on_time))],
                [tr("Te laat afgerond"), right(suppressed(a.late))],
                [tr("Nog open en over de termijn (stand {day})").format(
                    day=fmt_date(data.meta.printed_at.date())), right(suppressed(a.open_overdue))],
            ],
            [W - 40 * mm, 40 * mm],
            align_right=(1,),
        ),
    )
    return s


def _visit_and_escalation_sections(data: ManagementData) -> list[Flowable]:
    s: list[Flowable] = []
    visit_total = sum(r.count for r in data.visits)
    s += section(
        tr("Huisbezoeken"),
        data_table([tr("Uitkomst (gepland in de periode)"), tr("Aantal")],
                   _breakdown_rows(data.visits, visit_total), [W - 40 * mm, 40 * mm],
                   align_right=(1,)),
    )
    esc_total = sum(r.count for r in data.escalations)
    s += section(
        tr("Opschalingen naar doel"),
        data_table([tr("Opgeschaald naar"), tr("Aantal")],
                   _breakdown_rows(data.escalations, esc_total), [W - 40 * mm, 40 * mm],
                   align_right=(1,)),
    )
    return s


def _area_section(data: ManagementData) -> list[Flowable]:
    """The focus areas against the wijkagent norm, table and chart."""
    s: list[Flowable] = []
    area_rows: list[list[str | Flowable]] = []
    # Each column adds up to a figure shown above: suppress per column.
    signal_cells = suppress_breakdown([fa.signals for fa in data.areas])
    new_cells = suppress_breakdown([fa.new_cases for fa in data.areas])
    closed_cells = suppress_breakdown([fa.closed_cases for fa in data.areas])
    for i, fa in enumerate(data.areas):
        gap = fa.wijkagent_fte - fa.norm_fte
        area_rows.append(
            [
                fa.area,
                right(fmt_number(fa.residents, 0)),
                right(signal_cells[i]),
                right(new_cells[i]),
                right(closed_cells[i]),
                right(fmt_number(fa.norm_fte)),
                right(fmt_number(fa.wijkagent_fte)),
                right(("+" if gap > 0 else "") + fmt_number(gap)),
            ]
        )
    # The area table and its chart belong together: start them on a fresh page if needed.
    s.append(CondPageBreak((40 + 8 * len(data.areas) + 62) * mm))
    s += section(
        tr("Focusgebieden en de wijkagentnorm"),
        data_table(
            [tr("Focusgebied"), tr("Inwoners"), tr("Signalen"), tr("Nieuwe casussen"),
             tr("Afgesloten"), tr("Norm (fte)"), tr("Ingezet (fte)"), tr("Verschil")],
            area_rows,
            [W - 7 * 18.5 * mm] + [18.5 * mm] * 7,
            align_right=range(1, 8),
        ),
        para(tr("Wettelijke norm: één wijkagent per {n} inwoners; norm = inwoners / {n}. "
                "Ingezet = vastgelegde fte wijkagent per focusgebied (beheer). Een negatief "
                "verschil is een tekort.").format(n=fmt_number(RESIDENTS_PER_WIJKAGENT, 0)),
             "note"),
    )
    if data.areas:
        s.append(KeepTogether([spacer(2 * mm), _norm_chart(data, W)]))
    if any(fa.wijkagent_fte == 0 for fa in data.areas):
        s.append(para(tr("Bij een focusgebied met 0 fte is de inzet nog niet vastgelegd."),
                      "note"))
    return s


def render(data: ManagementData) -> bytes:
    return build_pdf(story(data), data.meta, title_of(data))

