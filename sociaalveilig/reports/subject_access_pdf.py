"""The AVG art. 15 copy as a PDF: what Sociaal Veilig holds about one person.

This document is handed to the resident, so unlike the other prints it carries no
employee's name: no watermark with the printing user, and a footer that names the person's
reference and the date instead (see ``services.subject_access`` for what is in it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from sociaalveilig.core.i18n import tr
from sociaalveilig.reports.common import (
    CONTENT_WIDTH,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    data_table,
    field_table,
    fmt_date,
    fmt_datetime,
    para,
    section,
    spacer,
)
from sociaalveilig.services.subject_access import (
    CaseRecord,
    SignalRecord,
    SubjectAccessReport,
)

W = CONTENT_WIDTH


def _footer_canvas(report: SubjectAccessReport) -> Callable[..., Canvas]:
    """A canvas that numbers pages 'x van y' and names the person's reference."""
    left = tr("Inzage AVG art. 15 – {ref}").format(ref=report.person.reference)
    middle = tr("Opgesteld op {day}").format(day=fmt_date(report.generated_at.date()))

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                y = 10 * mm
                self.saveState()
                self.setStrokeColor(RULE)
                self.setLineWidth(0.5)
                self.line(MARGIN, y + 4.2 * mm, PAGE_WIDTH - MARGIN, y + 4.2 * mm)
                self.setFillColor(MUTED)
                self.setFont("Helvetica", 7.5)
                self.drawString(MARGIN, y, left)
                self.drawCentredString(PAGE_WIDTH / 2, y, middle)
                self.drawRightString(
                    PAGE_WIDTH - MARGIN,
                    y,
                    tr("pagina {page} van {total}").format(page=self._pageNumber, total=total),
                )
                self.restoreState()
                super().showPage()
            super().save()

    return FooterCanvas


def _header(canvas: Canvas, _doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.setFillColor(MUTED)
    top = PAGE_HEIGHT - 10 * mm
    canvas.drawString(MARGIN, top, tr("Sociaal Veilig Parkstad"))
    canvas.drawRightString(PAGE_WIDTH - MARGIN, top, tr("Uw gegevens (AVG artikel 15)"))
    canvas.restoreState()


def _text_or_note(value: str | None, note: str) -> str:
    return value if value else note


def _signal_block(signal: SignalRecord) -> list[Flowable]:
    items: list[Flowable] = [
        para(
            tr("Signaal {ref}, ontvangen {at}").format(
                ref=signal.reference, at=fmt_datetime(signal.received_at)
            ),
            "h3",
        ),
        field_table(
            [
                (tr("Bron"), signal.source),
                (tr("Organisatie"), signal.organisation or "–"),
                (tr("Categorie"), signal.category),
                (tr("Urgentie"), signal.urgency),
                (tr("Adres"), signal.address),
                (tr("Status"), signal.status),
                (tr("Uw rol"), signal.role),
                (tr("Casus"), signal.case_reference or "–"),
                (tr("Melder"), signal.reporter),
            ]
        ),
    ]
    if signal.description is not None:
        items += [para(tr("Omschrijving:"), "note"), para(signal.description)]
    elif signal.description_note:
        items.append(para(signal.description_note, "note"))
    return items


def _case_block(case: CaseRecord) -> list[Flowable]:
    return [
        *_case_head(case),
        *_case_actions(case),
        *_case_visits(case),
        *_case_escalations(case),
        *_case_discussions(case),
        spacer(),
    ]


def _withheld(case: CaseRecord) -> str:
    """What stands in place of a free text: withheld when the case is also about others."""
    return tr("(weggelaten: gaat ook over anderen)") if case.free_text_withheld else "–"


def _case_head(case: CaseRecord) -> list[Flowable]:
    items: list[Flowable] = [
        para(tr("Casus {ref}").format(ref=case.reference), "h3"),
        field_table(
            [
                (tr("Status"), case.status),
                (tr("Risico"), case.risk_level),
                (tr("Adres"), case.address),
                (tr("Uw rol"), ", ".join(case.roles)),
                (tr("Geopend"), fmt_date(case.opened_on)),
                (tr("Afgesloten"), fmt_date(case.closed_on)),
            ]
        ),
    ]
    if case.free_text_withheld:
        items.append(
            para(
                tr(
                    "Deze casus gaat ook over anderen. Samenvatting, beschrijvingen en besluiten "
                    "zijn daarom weggelaten."
                ),
                "note",
            )
        )
    elif case.summary:
        items += [para(tr("Samenvatting:"), "note"), para(case.summary)]
    if case.other_signals:
        items.append(
            para(
                tr("De casus bevat daarnaast {n} signaal/signalen die niet over u gaan.").format(
                    n=case.other_signals
                ),
                "note",
            )
        )
    return items


def _case_actions(case: CaseRecord) -> list[Flowable]:
    """The case's actions."""
    if not case.actions:
        return []
    items: list[Flowable] = []
    items.append(para(tr("Acties"), "note"))
    items.append(
        data_table(
            [
                tr("Kenmerk"),
                tr("Soort"),
                tr("Uitvoerder"),
                tr("Deadline"),
                tr("Status"),
                tr("Beschrijving"),
            ],
            [
                [
                    a.reference,
                    a.action_type,
                    a.owner,
                    fmt_date(a.deadline),
                    a.status,
                    _text_or_note(a.description, _withheld(case)),
                ]
                for a in case.actions
            ],
            [0.14 * W, 0.17 * W, 0.17 * W, 0.12 * W, 0.12 * W, 0.28 * W],
        )
    )
    return items


def _case_visits(case: CaseRecord) -> list[Flowable]:
    """The case's home visits."""
    if not case.visits:
        return []
    items: list[Flowable] = []
    items.append(para(tr("Huisbezoeken"), "note"))
    items.append(
        data_table(
            [tr("Gepland"), tr("Status"), tr("Partners"), tr("Doel"), tr("Uitkomst")],
            [
                [
                    fmt_datetime(v.planned_start),
                    v.status,
                    ", ".join(v.partners) or "–",
                    _text_or_note(v.purpose, _withheld(case)),
                    _text_or_note(v.outcome, _withheld(case)),
                ]
                for v in case.visits
            ],
            [0.16 * W, 0.13 * W, 0.21 * W, 0.25 * W, 0.25 * W],
        )
    )
    return items


def _case_escalations(case: CaseRecord) -> list[Flowable]:
    """The case's escalations."""
    if not case.escalations:
        return []
    items: list[Flowable] = []
    items.append(para(tr("Opschalingen"), "note"))
    items.append(
        data_table(
            [
                tr("Kenmerk"),
                tr("Naar"),
                tr("Status"),
                tr("Aangemeld"),
                tr("Afgesloten"),
                tr("Reden"),
            ],
            [
                [
                    e.reference,
                    e.target,
                    e.status,
                    fmt_date(e.created_on),
                    fmt_date(e.closed_on),
                    _text_or_note(e.reason, _withheld(case)),
                ]
                for e in case.escalations
            ],
            [0.14 * W, 0.2 * W, 0.12 * W, 0.12 * W, 0.12 * W, 0.3 * W],
        )
    )
    return items


def _case_discussions(case: CaseRecord) -> list[Flowable]:
    """The meetings that discussed the case, with their decisions."""
    if not case.discussions:
        return []
    items: list[Flowable] = []
    items.append(para(tr("Besproken in overleg"), "note"))
    items.append(
        data_table(
            [tr("Datum"), tr("Overleg"), tr("Besluit")],
            [
                [
                    fmt_date(d.meeting_date),
                    d.meeting_type,
                    _text_or_note(d.decision, _withheld(case)),
                ]
                for d in case.discussions
            ],
            [0.15 * W, 0.3 * W, 0.55 * W],
        )
    )
    return items


def story(report: SubjectAccessReport) -> Sequence[Flowable]:
    person = report.person
    items: list[Flowable] = [
        para(tr("Uw gegevens bij Sociaal Veilig Parkstad"), "title"),
        para(
            tr("Overzicht op grond van artikel 15 AVG, opgesteld op {day}.").format(
                day=fmt_datetime(report.generated_at)
            ),
            "subtitle",
        ),
        field_table(
            [
                (tr("Naam"), person.name),
                (tr("Referentie"), person.reference),
                (tr("Geboortejaar"), str(person.birth_year) if person.birth_year else "–"),
                (tr("Vastgelegd op"), fmt_date(person.registered_on)),
            ]
        ),
        spacer(),
    ]
    items += [para(note, "note") for note in report.notes]

    signal_items: list[Flowable] = []
    for signal in report.signals:
        signal_items += _signal_block(signal)
    items += section(
        tr("Signalen over u ({n})").format(n=len(report.signals)),
        *(signal_items or [para(tr("Er zijn geen signalen over u vastgelegd."), "note")]),
    )
    case_items: list[Flowable] = []
    for case in report.cases:
        case_items += _case_block(case)
    items += section(
        tr("Casussen waarbij u betrokken bent ({n})").format(n=len(report.cases)),
        *(case_items or [para(tr("U bent bij geen casus betrokken."), "note")]),
    )
    items += section(
        tr("Wie uw gegevens heeft ingezien of gewijzigd ({n})").format(n=len(report.accesses)),
        data_table(
            [tr("Wanneer"), tr("Rol"), tr("Organisatie"), tr("Wat"), tr("Betreft"), tr("Doel")],
            [
                [
                    fmt_datetime(a.at),
                    a.role,
                    a.organisation,
                    a.action + ("" if a.outcome == "ok" else f" ({a.outcome})"),
                    a.object_type,
                    a.purpose or "–",
                ]
                for a in report.accesses
            ],
            [0.15 * W, 0.16 * W, 0.19 * W, 0.2 * W, 0.12 * W, 0.18 * W],
            empty=tr("Niemand heeft uw gegevens ingezien."),
        ),
    )
    return items


def render_subject_access(report: SubjectAccessReport) -> bytes:
    """The art. 15 copy as PDF bytes."""
    buffer = BytesIO()
    title = tr("Inzage AVG art. 15 – {ref}").format(ref=report.person.reference)
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=tr("Sociaal Veilig Parkstad"),
        subject=tr("Uw gegevens (AVG artikel 15)"),
        creator="Sociaal Veilig Parkstad",
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_header)])
    doc.build(list(story(report)), canvasmaker=_footer_canvas(report))
    return buffer.getvalue()
