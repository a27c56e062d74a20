"""Verzuimanalyse: the school's figures over time as a landscape PDF with ReportLab's own charts (so it
needs no screen) and an XLSX of the same figures, for the MR, the annual report or the inspectorate.

Both name groups and the school only, never a pupil. The charts: the percentage absent per period with
the previous school year beside it (a line), the share per category per group (stacked bars), and the
share of each category in all absent minutes (a pie).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.dutch import one_decimal, whole_hours
from verzuimdesk.domain.engine import Light
from verzuimdesk.domain.trends import CATEGORIES, Figures, Trends
from verzuimdesk.reports.base import build, content_width, d, esc, fonts, p, spacer, styles, table
from verzuimdesk.reports.cells import xlsx_row
from verzuimdesk.reports.data import Letterhead

CATEGORY_NL = {Category.SICK: "ziek", Category.AUTHORISED: "geoorloofd", Category.UNAUTHORISED: "ongeoorloofd",
               Category.UNEXPLAINED: "reden onbekend", Category.SUSPENDED: "schorsing"}
CATEGORY_COLOUR = {Category.SICK: "#4C78A8", Category.AUTHORISED: "#54A24B", Category.UNAUTHORISED: "#E45756",
                   Category.UNEXPLAINED: "#F58518", Category.SUSPENDED: "#8E6C8A"}
THIS_YEAR, LAST_YEAR = "#1F4E79", "#9DB4CC"


def _title(t: Trends) -> str:
    return f"Verzuimanalyse {d(t.start, weekday=False)} t/m {d(t.end, weekday=False)}"


def _legend(x: float, y: float, pairs: list[tuple[str, str]], regular: str) -> Legend:
    lg = Legend()
    lg.x, lg.y, lg.fontName, lg.fontSize = x, y, regular, 7
    lg.alignment, lg.columnMaximum, lg.dx, lg.dy, lg.deltay = "right", 8, 7, 7, 10
    lg.colorNamePairs = [(colors.HexColor(c), n) for c, n in pairs]
    return lg


def line_chart(t: Trends, width: float, height: float = 150) -> Drawing:
    """Percentage absent per period, this year and (where there are data) the year before."""
    regular, bold = fonts()
    dr = Drawing(width, height)
    dr.add(String(0, height - 10, "Verzuim in % van de lestijd per periode", fontName=bold, fontSize=8))
    ch = HorizontalLineChart()
    ch.x, ch.y, ch.width, ch.height = 30, 28, width - 150, height - 50
    # A period without lestijd (a vacation week) is a gap in the line, not a zero.
    now = [pr.current.school.percentage() if pr.current.school.lestijd else None for pr in t.periods]
    before = [pr.previous.school.percentage() if pr.previous and pr.previous.school.lestijd else None
              for pr in t.periods]
    ch.data = [now, before] if any(v is not None for v in before) else [now]
    ch.categoryAxis.categoryNames = [pr.current.label for pr in t.periods]
    ch.categoryAxis.labels.fontName, ch.categoryAxis.labels.fontSize = regular, 6
    ch.categoryAxis.labels.angle = 30 if len(t.periods) > 8 else 0
    ch.categoryAxis.labels.boxAnchor = "ne" if len(t.periods) > 8 else "n"
    ch.valueAxis.valueMin = 0
    top = max([v for v in now + before if v is not None] + [1.0])
    ch.valueAxis.valueMax = top * 1.2
    ch.valueAxis.labels.fontName, ch.valueAxis.labels.fontSize = regular, 6
    ch.valueAxis.labelTextFormat = lambda v: one_decimal(v)
    for i, c in enumerate((THIS_YEAR, LAST_YEAR)):
        ch.lines[i].strokeColor = colors.HexColor(c)
        ch.lines[i].strokeWidth = 1.6 if i == 0 else 1.2
    ch.joinedLines = 1
    if len(t.periods) <= 12:  # the numbers at the points, where they fit
        ch.lineLabelFormat = lambda v: one_decimal(v) if v is not None else ""
    ch.lineLabels.fontName, ch.lineLabels.fontSize, ch.lineLabels.dy = regular, 5.5, 5
    dr.add(ch)
    dr.add(_legend(width - 110, height - 40, [(THIS_YEAR, "deze periode"), (LAST_YEAR, "een jaar eerder")], regular))
    return dr


def group_chart(t: Trends, width: float, height: float = 170) -> Drawing:
    """Per group: the percentage absent over the whole range, stacked by category."""
    regular, bold = fonts()
    dr = Drawing(width, height)
    dr.add(String(0, height - 10, "Verzuim per groep in % van de lestijd, naar categorie", fontName=bold,
                  fontSize=8))
    groups = t.total.current.groups
    ch = VerticalBarChart()
    ch.x, ch.y, ch.width, ch.height = 30, 22, width - 150, height - 45
    ch.data = [[groups[g].percentage(c) for g in t.groups] for c in CATEGORIES]
    ch.categoryAxis.style = "stacked"
    ch.categoryAxis.categoryNames = list(t.groups)
    ch.categoryAxis.labels.fontName, ch.categoryAxis.labels.fontSize = regular, 6.5
    ch.valueAxis.valueMin = 0
    ch.valueAxis.valueMax = max([groups[g].percentage() for g in t.groups] + [1.0]) * 1.15
    ch.valueAxis.labels.fontName, ch.valueAxis.labels.fontSize = regular, 6
    ch.valueAxis.labelTextFormat = lambda v: one_decimal(v)
    for i, c in enumerate(CATEGORIES):
        ch.bars[i].fillColor = colors.HexColor(CATEGORY_COLOUR[c])
        ch.bars[i].strokeColor = None
    ch.barWidth, ch.groupSpacing = 12, 8
    dr.add(ch)
    dr.add(_legend(width - 110, height - 30, [(CATEGORY_COLOUR[c], CATEGORY_NL[c]) for c in CATEGORIES], regular))
    return dr


def category_pie(f: Figures, width: float, height: float = 150) -> Drawing:
    """The share of each category in all absent minutes of the range."""
    regular, bold = fonts()
    dr = Drawing(width, height)
    dr.add(String(0, height - 10, "Aandeel per categorie in de afwezige minuten", fontName=bold, fontSize=8))
    total = sum(f.absent)
    if not total:
        dr.add(String(0, height / 2, "Geen afwezigheid in deze periode.", fontName=regular, fontSize=8))
        return dr
    cats = [c for c in CATEGORIES if f.minutes(c)]
    pie = Pie()
    size = min(height - 40, width - 130)
    pie.x, pie.y, pie.width, pie.height = 40, 15, size - 30, size - 30
    pie.data = [f.minutes(c) for c in cats]
    pie.labels = [f"{one_decimal(100 * f.minutes(c) / total)}%" for c in cats]
    pie.sideLabels = 1
    pie.slices.fontName, pie.slices.fontSize, pie.slices.strokeColor = regular, 6.5, colors.white
    for i, c in enumerate(cats):
        pie.slices[i].fillColor = colors.HexColor(CATEGORY_COLOUR[c])
    dr.add(pie)
    dr.add(_legend(size + 40, height - 30, [(CATEGORY_COLOUR[c], f"{CATEGORY_NL[c]}: {whole_hours(f.minutes(c))} u")
                                            for c in cats], regular))
    return dr


def _figure_cells(f: Figures, before: Figures | None) -> list[str]:
    return [whole_hours(f.lestijd), *(one_decimal(f.percentage(c)) for c in CATEGORIES), one_decimal(f.percentage()),
            one_decimal(before.percentage()) if before is not None else "–", str(f.late), str(f.pupils_absent),
            *(str(f.light_count(x)) for x in (Light.GREEN, Light.ORANGE, Light.RED)), str(f.duo_reports),
            f"{f.cases_opened} / {f.cases_closed}"]


# Header and relative width of each column after the first.
_HEADER = (("Lestijd (uur)", 6), ("Ziek %", 5), ("Geoorl. %", 6.5), ("Ongeoorl. %", 7.5), ("Onbekend %", 7.5),
           ("Schorsing %", 7.5), ("Totaal %", 6), ("Jaar eerder %", 6.5), ("Te laat", 5),
           ("Leerlingen met verzuim", 8), ("Groen", 5), ("Oranje", 5.5), ("Rood", 4.5), ("DUO", 4), ("Zaken + / –", 6))


def _figures_table(first: str, rows: list[list[str]], w: float) -> Flowable:
    scale = w * 0.9 / sum(f for _, f in _HEADER)
    return table([[first, *(h for h, _ in _HEADER)], *rows], [w * 0.1, *(f * scale for _, f in _HEADER)])


def build_trends_pdf(school: str, t: Trends, out: Path, *, printed: date, logo: str | None = None,
                     protocol: str = "") -> None:
    w = content_width(wide=True)
    tot = t.total.current.school
    prev = t.total.previous
    both = tot.minutes(Category.UNAUTHORISED) + tot.minutes(Category.UNEXPLAINED)
    unauthorised = 100 * both / tot.lestijd if tot.lestijd else 0.0
    story: list[Flowable] = [p(
        f"Per {t.per}, per groep en voor de hele school. Verzuim is uitgedrukt in procenten van de "
        "lestijd van de ingeschreven leerlingen; te laat komen telt als aantal keren. De lichten zijn het aantal "
        "leerlingen per kleur aan het eind van elke periode, berekend uit de registraties tot die dag"
        + (f" volgens het stappenplan {protocol}" if protocol else "") + ". Een leerling telt mee in de groep "
        "waarin hij of zij nu zit. In dit overzicht staan geen namen van leerlingen.", "small"), spacer(2),
        Paragraph("<b>Hele periode:</b> " + esc(
            f"{one_decimal(tot.percentage())}% verzuim van {whole_hours(tot.lestijd)} uur lestijd"
          + (f" (een jaar eerder {one_decimal(prev.school.percentage())}%)" if prev else "")
          + f"; ziek {one_decimal(tot.percentage(Category.SICK))}%, ongeoorloofd "
          f"{one_decimal(unauthorised)}% (reden onbekend inbegrepen); {tot.late} keer te laat; "
          f"{tot.pupils_absent} leerlingen met verzuim; {tot.duo_reports} meldingen bij DUO; "
          f"{tot.cases_opened} zaken geopend en {tot.cases_closed} gesloten."), styles()["body"]),
        spacer(3), line_chart(t, w), spacer(2)]
    half = w / 2 - 6
    both = Table([[group_chart(t, half), category_pie(tot, half)]], colWidths=[half + 6, half + 6])
    both.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [both, spacer(3)]
    rows = [[pr.current.label, *_figure_cells(pr.current.school, pr.previous.school if pr.previous else None)]
            for pr in t.periods]
    story.append(KeepTogether([p("De school per periode", "h2"), _figures_table("Periode", rows, w)]))
    group_rows = [[f"groep {g}", *_figure_cells(f, prev.groups.get(g) if prev else None)]
                  for g, f in t.total.current.groups.items()]
    group_rows.append(["school", *_figure_cells(tot, prev.school if prev else None)])
    story += [spacer(3), KeepTogether([p("Per groep over de hele periode", "h2"),
                                       _figures_table("Groep", group_rows, w)])]
    build(out, Letterhead(school, _title(t), printed, logo=logo), story, wide=True)


XLSX_COLUMNS = ("Periode", "Begin", "Einde", "Groep", "Lestijd (minuten)",
                *(f"Afwezig {CATEGORY_NL[c]} (minuten)" for c in CATEGORIES),
                *(f"{CATEGORY_NL[c].capitalize()} (%)" for c in CATEGORIES), "Totaal (%)", "Te laat",
                "Leerlingen met verzuim", "Groen", "Oranje", "Rood", "DUO-meldingen", "Zaken geopend",
                "Zaken gesloten")


def _xlsx_row(label: str, start: date, end: date, group: str, f: Figures) -> list[Any]:
    return [label, start, end, group, f.lestijd, *(f.minutes(c) for c in CATEGORIES),
            *(f.percentage(c) for c in CATEGORIES), f.percentage(), f.late, f.pupils_absent,
            *(f.light_count(x) for x in (Light.GREEN, Light.ORANGE, Light.RED)), f.duo_reports, f.cases_opened,
            f.cases_closed]


def write_trends_xlsx(school: str, t: Trends, out: Path) -> None:
    """Two sheets of typed cells: the periods asked for and the same periods a year before."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    now = wb.active
    assert now is not None  # a new workbook always has its one sheet
    now.title = "Verzuimcijfers"
    earlier = wb.create_sheet("Een jaar eerder")
    for ws, pick in ((now, lambda pr: pr.current), (earlier, lambda pr: pr.previous)):
        ws.append([f"Verzuimanalyse {school}, {t.start:%d-%m-%Y} t/m {t.end:%d-%m-%Y}, per {t.per}; "
                   "geen namen van leerlingen"])
        ws.append(list(XLSX_COLUMNS))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for pr in t.periods:
            pf = pick(pr)
            if pf is None:
                continue
            xlsx_row(ws, _xlsx_row(pf.label, pf.start, pf.end, "school", pf.school))
            for g, f in pf.groups.items():
                xlsx_row(ws, _xlsx_row(pf.label, pf.start, pf.end, g, f))
        for col, header in enumerate(XLSX_COLUMNS, start=1):
            ws.column_dimensions[ws.cell(row=2, column=col).column_letter].width = max(10, min(30, len(header) + 2))
        for row in ws.iter_rows(min_row=3, min_col=2, max_col=3):
            for cell in row:
                cell.number_format = "DD-MM-YYYY"
        ws.freeze_panes = "E3"
    wb.save(str(out))
