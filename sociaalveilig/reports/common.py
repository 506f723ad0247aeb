"""The page template every printed document shares, and small layout helpers.

A4 portrait; a running header with the document title; a footer on every page with
"Vertrouwelijk", who printed it and when, and "pagina x van y"; a light diagonal watermark
with the printing user's name, so a copy found on a desk tells whose it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from io import BytesIO
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sociaalveilig.core.i18n import tr
from sociaalveilig.services.report_shared import PrintMeta

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#cbd2d9")
HEADER_FILL = colors.HexColor("#e4e7eb")
ZEBRA = colors.HexColor("#f5f7fa")
WARN = colors.HexColor("#b44d12")


CELL_SIZE = 8.5
CELL_LEADING = 10.5


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "svBody", parent=base["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5,
        textColor=INK, alignment=TA_LEFT, spaceAfter=3,
    )
    return {
        "title": ParagraphStyle("svTitle", parent=body, fontName="Helvetica-Bold",
                                fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2),
        "subtitle": ParagraphStyle("svSubtitle", parent=body, fontSize=10.5, leading=14,
                                   textColor=MUTED, spaceAfter=8),
        "h2": ParagraphStyle("svH2", parent=body, fontName="Helvetica-Bold", fontSize=12,
                             leading=15, textColor=ACCENT, spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("svH3", parent=body, fontName="Helvetica-Bold", fontSize=10,
                             leading=13, spaceBefore=6, spaceAfter=2),
        "body": body,
        "note": ParagraphStyle("svNote", parent=body, fontSize=8.5, leading=11,
                               textColor=MUTED),
        "warn": ParagraphStyle("svWarn", parent=body, fontName="Helvetica-Bold",
                               textColor=WARN),
        "cell": ParagraphStyle("svCell", parent=body, fontSize=CELL_SIZE, leading=CELL_LEADING,
                               spaceAfter=0),
        "cellb": ParagraphStyle("svCellB", parent=body, fontName="Helvetica-Bold",
                                fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0),
        "head": ParagraphStyle("svHead", parent=body, fontName="Helvetica-Bold",
                               fontSize=8.5, leading=10.5, spaceAfter=0),
    }


STYLES = _styles()


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: user data never becomes markup)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), STYLES[style])


def markup(text: str, style: str = "body") -> Paragraph:
    """A paragraph of program-made markup (<b>, <i>); never pass user data unescaped."""
    return Paragraph(text, STYLES[style])


def heading(text: str) -> Paragraph:
    return para(text, "h2")


def fmt_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "–"


def fmt_datetime(moment: datetime | None) -> str:
    return moment.strftime("%d-%m-%Y %H:%M") if moment else "–"


def fmt_days(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", ",") + " " + tr("dagen")


def fmt_number(value: float, decimals: int = 1) -> str:
    # Dutch: a point between thousands, a comma before decimals (56.000; 2,5).
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


Cell: TypeAlias = str | Flowable


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    empty: str | None = None,
    bold_first: bool = False,
    align_right: Sequence[int] = (),
    rule_above: Sequence[int] = (),
) -> Flowable:
    """A table with a shaded header that repeats on each page; text cells wrap.
    ``rule_above`` lists data rows (0-based) that start a group: a darker line above."""
    if not rows and empty is not None:
        return para(empty, "note")

    def cell(value: Cell, col: int) -> Flowable | str:
        if isinstance(value, Flowable):
            return value
        font = "Helvetica-Bold" if bold_first and col == 0 else "Helvetica"
        # Text that fits on one line stays a plain string: laying out a Paragraph per cell
        # is what makes a long table slow.
        room = widths[col] - 6.5
        if "\n" not in value and stringWidth(value, font, CELL_SIZE) <= room:
            return value
        # Wrapped once here into lines of a plain string; a Paragraph only when a single
        # word is wider than the column (it can break words).
        lines = [line for part in value.split("\n") for line in
                 (simpleSplit(part, font, CELL_SIZE, room) or [""])]
        if all(stringWidth(line, font, CELL_SIZE) <= room for line in lines):
            return "\n".join(lines)
        return para(value, "cellb" if bold_first and col == 0 else "cell")

    body: list[list[Flowable | str]] = [
        [right(h, bold=True) if i in align_right else para(h, "head") for i, h in enumerate(header)]
    ]
    body += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    table = LongTable(body, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 1), (-1, -1), "Helvetica", CELL_SIZE, CELL_LEADING),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in range(2, len(body), 2):
        style.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    if bold_first:
        style.append(("FONT", (0, 1), (0, -1), "Helvetica-Bold", CELL_SIZE, CELL_LEADING))
    for col in align_right:
        style.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    for row in rule_above:
        if row > 0:
            style.append(("LINEABOVE", (0, row + 1), (-1, row + 1), 0.8, MUTED))
    table.setStyle(TableStyle(style))
    return table


def right(text: str, bold: bool = False) -> Paragraph:
    style = ParagraphStyle("svRight", parent=STYLES["cellb" if bold else "cell"], alignment=2)
    return Paragraph(escape(text), style)


def field_table(fields: Sequence[tuple[str, str]], columns: int = 2) -> Flowable:
    """Label/value pairs in a compact grid (the header block of a document)."""
    label_w = 34 * mm
    value_w = CONTENT_WIDTH / columns - label_w
    rows: list[list[Flowable | str]] = []
    for i in range(0, len(fields), columns):
        row: list[Flowable | str] = []
        for label, value in fields[i : i + columns]:
            row += [para(label, "note"), para(value or "–", "cellb")]
        while len(row) < 2 * columns:
            row += [""]
        rows.append(row)
    table = Table(rows, colWidths=[label_w, value_w] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


class TickBox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.size = size
        self.width = size
        self.height = size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def section(title: str, *flowables: Flowable) -> list[Flowable]:
    """A heading kept on the same page as the start of what follows it."""
    items = list(flowables)
    if not items:
        return [heading(title)]
    return [KeepTogether([heading(title), items[0]]), *items[1:]]


def spacer(height: float = 4 * mm) -> Spacer:
    return Spacer(1, height)


# --------------------------------------------------------------------------- page template


def footer_text(meta: PrintMeta) -> str:
    return tr("Afgedrukt door {name} ({user}) op {day} om {time}").format(
        name=meta.display_name,
        user=meta.username,
        day=meta.printed_at.strftime("%d-%m-%Y"),
        time=meta.printed_at.strftime("%H:%M"),
    )


def audit_anchor_text(meta: PrintMeta) -> str:
    """The audit head at the time of printing, where the document carries it."""
    if meta.audit_head is None:
        return ""
    last_id, short_hash = meta.audit_head
    return tr("Auditketen bij afdruk: regel {n}, kenmerk {hash}").format(
        n=last_id, hash=short_hash
    )


def page_label(page: int, total: int) -> str:
    return tr("pagina {page} van {total}").format(page=page, total=total)


def _numbered_canvas(meta: PrintMeta, title: str) -> Callable[..., Canvas]:
    """A canvas class that holds its pages back until the end, so each footer can say
    how many pages there are."""

    class NumberedCanvas(Canvas):
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
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            y = 10 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 4.2 * mm, PAGE_WIDTH - MARGIN, y + 4.2 * mm)
            self.setFillColor(WARN)
            self.setFont("Helvetica-Bold", 8)
            self.drawString(MARGIN, y, tr("Vertrouwelijk"))
            self.setFillColor(MUTED)
            self.setFont("Helvetica", 7.5)
            self.drawCentredString(PAGE_WIDTH / 2, y, footer_text(meta))
            self.drawRightString(PAGE_WIDTH - MARGIN, y, page_label(self._pageNumber, total))
            anchor = audit_anchor_text(meta)
            if anchor:
                self.setFont("Helvetica", 6.5)
                self.drawCentredString(PAGE_WIDTH / 2, y - 3.2 * mm, anchor)
            self.restoreState()

    return NumberedCanvas


def _page_decorations(meta: PrintMeta, title: str) -> Callable[[Canvas, Any], None]:
    def on_page(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        # Watermark first, so the content is drawn over it.
        canvas.setFillColor(colors.Color(0.45, 0.5, 0.55, alpha=0.09))
        canvas.setFont("Helvetica-Bold", 40)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, 12 * mm, meta.display_name)
        canvas.setFont("Helvetica-Bold", 22)
        canvas.drawCentredString(0, -6 * mm, meta.printed_at.strftime("%d-%m-%Y %H:%M"))
        canvas.restoreState()
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(MUTED)
        top = PAGE_HEIGHT - 10 * mm
        canvas.drawString(MARGIN, top, tr("Sociaal Veilig Parkstad"))
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top, title)
        canvas.restoreState()

    return on_page


def build_pdf(story: Sequence[Flowable], meta: PrintMeta, title: str) -> bytes:
    """Lay out ``story`` on the shared A4 template; returns the PDF bytes."""
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=meta.display_name,
        subject=tr("Vertrouwelijk"),
        creator="Sociaal Veilig Parkstad",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_page_decorations(meta, title))]
    )
    doc.build(list(story), canvasmaker=_numbered_canvas(meta, title))
    return buffer.getvalue()
