"""What every document shares: the font, the styles, the letterhead and "pagina 2 van 5".

Font: DejaVu Sans where the system has it, else the Bitstream Vera that ReportLab ships in
`reportlab/fonts` (both hold ë, é, ï and the other Dutch accents), else Helvetica, whose WinAnsi
encoding still renders the accents of Dutch names. The choice is made once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.reports.data import Letterhead

MARGIN = 18 * mm
HEADER_H = 22 * mm
GREY = colors.HexColor("#666666")
LINE = colors.HexColor("#B0B0B0")
HEAD_BG = colors.HexColor("#E8EEF4")

_SYSTEM_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


@cache
def fonts() -> tuple[str, str]:
    """(regular, bold) font names registered with ReportLab, best available first."""
    candidates: list[tuple[str, Path, Path]] = [
        ("DejaVuSans", d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf") for d in _SYSTEM_DIRS
    ]
    shipped = Path(reportlab.__file__).parent / "fonts"
    candidates.append(("Vera", shipped / "Vera.ttf", shipped / "VeraBd.ttf"))
    for name, regular, bold in candidates:
        if regular.is_file() and bold.is_file():
            try:
                pdfmetrics.registerFont(TTFont(name, str(regular)))
                pdfmetrics.registerFont(TTFont(f"{name}-Bold", str(bold)))
            except Exception:  # a damaged font file: try the next one rather than fail the export
                continue
            pdfmetrics.registerFontFamily(name, normal=name, bold=f"{name}-Bold", italic=name,
                                          boldItalic=f"{name}-Bold")
            return name, f"{name}-Bold"
    return "Helvetica", "Helvetica-Bold"


@cache
def styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12)
    h2 = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=11, leading=14, spaceBefore=10, keepWithNext=1,
                        spaceAfter=4)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "cellb": ParagraphStyle("cellb", parent=body, fontName=bold, fontSize=8, leading=10),
        "h1": ParagraphStyle("h1", parent=body, fontName=bold, fontSize=15, leading=19, spaceAfter=4),
        "h2": h2,
        "h2_loose": ParagraphStyle("h2_loose", parent=h2, keepWithNext=0),  # not kept with what follows
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "letter": ParagraphStyle("letter", parent=body, fontSize=10, leading=14),
        # a notice the reader must not miss (a reprint whose records changed since): bold, boxed
        "notice": ParagraphStyle("notice", parent=body, fontName=bold, borderWidth=0.75, borderColor=LINE,
                                 borderPadding=4, spaceBefore=6, spaceAfter=6),
    }


def esc(text: str) -> str:
    """Text for a Paragraph: its mini-markup must not eat a user's '<' or '&'."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def after_name(name: str, text: str) -> str | None:
    """A rule's text without the name it opens with ("Langdurig relatief verzuim: langer dan ..." after
    the name "Langdurig relatief verzuim" is "langer dan ..."); None when the text does not open with it.
    A sheet that prints the name and then the text would otherwise say the name twice."""
    if not name or not text.casefold().startswith(name.casefold()):
        return None
    return text[len(name):].lstrip(": ") or None


def p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(esc(text), styles()[style])


def heading_over_long_table(text: str) -> list[Flowable]:
    """An h2 over a table that may run over pages. An h2 keeps with what follows, and a table that fits on
    one page was moved whole to the next page to stay with it, leaving a page nearly empty: here the
    heading and table start where there is room for the heading and a few rows, and the table's header
    row repeats on each page it runs onto."""
    return [CondPageBreak(30 * mm), p(text, "h2_loose")]


def d(day: date | None, *, weekday: bool = True) -> str:
    return format_date(day, weekday=weekday) if day else "–"


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header: bool = True,
          extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A plain ruled table; strings become wrapping paragraphs so long text never runs off the page."""
    body = [[p(c, "cellb" if header and i == 0 else "cell") if isinstance(c, str) else c for c in row]
            for i, row in enumerate(rows)]
    t = Table(body, colWidths=list(widths), repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    t.setStyle(TableStyle([*style, *extra]))
    return t


def fitted_widths(rows: Sequence[Sequence[Any]], total: float, *, header: bool = True) -> list[float]:
    """Column widths for `table` that split no word: each column gets at least its longest word (a
    Paragraph wraps only at spaces), and the room left goes to the columns whose text is longest, as a
    browser lays out a table. Only if even the longest words do not fit are the columns scaled down."""
    st = styles()
    pad = 6 + 0.5  # LEFTPADDING + RIGHTPADDING of `table`, and a little for rounding

    def width(text: str, style: str) -> float:
        return pdfmetrics.stringWidth(text, st[style].fontName, st[style].fontSize)

    least = [0.0] * len(rows[0])
    natural = [0.0] * len(rows[0])
    for i, row in enumerate(rows):
        style = "cellb" if header and i == 0 else "cell"
        for c, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            for line in cell.split("\n"):
                least[c] = max(least[c], *(width(w, style) + pad for w in line.split() or [""]))
                natural[c] = max(natural[c], width(line, style) + pad)
    if sum(least) >= total:
        return [w * total / sum(least) for w in least]
    if sum(natural) <= total:
        return [w * total / sum(natural) for w in natural]
    room, want = total - sum(least), [n - m for n, m in zip(natural, least, strict=True)]
    return [m + room * x / sum(want) for m, x in zip(least, want, strict=True)]


def facts(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """Label–value pairs in two columns, the labels grey."""
    rows = [[p(k, "small"), p(v, "cell")] for k, v in pairs]
    t = Table(rows, colWidths=[width * 0.3, width * 0.7])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return t


def empty(text: str) -> Paragraph:
    return p(text, "small")


class _NumberedCanvas(Canvas):
    """Holds every page until the end, so each footer can say how many pages there are."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        w, _ = self._pagesize
        regular, _bold = fonts()
        self.setFont(regular, 7.5)
        self.setFillColor(GREY)
        self.drawRightString(w - MARGIN, 10 * mm, f"pagina {self._pageNumber} van {total}")


def _letterhead(head: Letterhead) -> Any:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        w, h = doc.pagesize
        regular, bold = fonts()
        top = h - 12 * mm
        x = MARGIN
        if head.logo and Path(head.logo).is_file():
            try:
                canvas.drawImage(head.logo, MARGIN, top - 12 * mm, width=24 * mm, height=14 * mm,
                                 preserveAspectRatio=True, anchor="sw", mask="auto")
                x = MARGIN + 27 * mm
            except Exception:  # an unreadable image: the school name alone is enough
                x = MARGIN
        canvas.setFillColor(colors.black)
        canvas.setFont(bold, 10)
        canvas.drawString(x, top - 3 * mm, head.school)
        canvas.setFont(regular, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(x, top - 7.5 * mm, head.title + (f" — {head.subtitle}" if head.subtitle else ""))
        canvas.setFont(bold, 9)
        canvas.setFillColor(colors.HexColor("#B00020"))
        canvas.drawRightString(w - MARGIN, top - 3 * mm, "Vertrouwelijk")
        canvas.setFont(regular, 8)
        canvas.setFillColor(GREY)
        canvas.drawRightString(w - MARGIN, top - 7.5 * mm, f"afgedrukt op {format_date(head.printed)}")
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, h - HEADER_H, w - MARGIN, h - HEADER_H)
        canvas.setFont(regular, 7.5)
        canvas.drawString(MARGIN, 10 * mm, f"{head.school} · {head.title}")
    return draw


def build(out: Path, head: Letterhead, story: list[Flowable], *, wide: bool = False, heading: bool = True) -> None:
    """Write `story` to `out` as an A4 document (landscape when `wide`) with the letterhead; the title
    opens the story unless `heading` is False (a letter says it in its own "Betreft")."""
    size = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=HEADER_H + 6 * mm, bottomMargin=18 * mm, title=head.title,
                            author=head.school, subject="Vertrouwelijk", creator="VerzuimDesk")
    draw = _letterhead(head)
    doc.build([p(head.title, "h1"), *story] if heading else story, onFirstPage=draw, onLaterPages=draw,
              canvasmaker=_NumberedCanvas)


def content_width(*, wide: bool = False) -> float:
    """The width a flowable may take: the page less the margins and the frame's own 6 pt paddings."""
    size = landscape(A4) if wide else A4
    return float(size[0] - 2 * MARGIN - 12)


def spacer(h: float = 4) -> Spacer:
    return Spacer(1, h * mm)

