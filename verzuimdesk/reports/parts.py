"""Blocks the pupil documents share: the pupil's facts, totals per category, the calendar strip,
the rules that hold, the reports made. Each takes plain data and returns flowables."""

from __future__ import annotations

import calendar as pycal
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.dutch import ACTION_NL, DUO_FOLLOW_UP_NL, EVENT_NL, hours, number
from verzuimdesk.domain.engine import Action, RuleHit
from verzuimdesk.domain.leerplicht import ARTICLES
from verzuimdesk.reports.base import GREY, LINE, after_name, d, empty, esc, facts, fonts, p, styles, table
from verzuimdesk.reports.data import CATEGORY_NL, RECIPIENT_NL, Dossier, Recipient, RecordRow

CATEGORY_COLOUR = {
    Category.UNAUTHORISED: colors.HexColor("#D64545"),
    Category.UNEXPLAINED: colors.HexColor("#F08C3C"),
    Category.SICK: colors.HexColor("#4A90D9"),
    Category.AUTHORISED: colors.HexColor("#8CC084"),
    Category.SUSPENDED: colors.HexColor("#9B6BC2"),
    Category.LATE: colors.HexColor("#F2D64B"),
    Category.PRESENT_ELSEWHERE: colors.HexColor("#D8D8D8"),
}
# Which record colours a day when a day holds several: the one a reader must not miss first.
PRIORITY = (Category.UNAUTHORISED, Category.UNEXPLAINED, Category.SUSPENDED, Category.SICK, Category.AUTHORISED,
            Category.LATE, Category.PRESENT_ELSEWHERE)
NO_SCHOOL = colors.HexColor("#EFEFEF")
NOT_HERE = colors.HexColor("#B8B8B8")  # a day whose records this version leaves out
FOR_NL = {Recipient.OUDERS: "voor de ouders / verzorgers", Recipient.LEERPLICHT: "voor de leerplichtambtenaar",
          Recipient.JEUGDARTS: "voor de jeugdarts (JGZ)", Recipient.SWV: "voor het samenwerkingsverband"}


def not_included(dossier: Dossier) -> str:
    """'niet opgenomen in deze versie voor de leerplichtambtenaar'"""
    who = FOR_NL[dossier.recipient] if dossier.recipient else ""
    return f"niet opgenomen in deze versie {who}".strip()


def none_or_withheld(dossier: Dossier, section: str, shown: bool, none_text: str) -> list[Flowable]:
    """What a section says under its list: nothing, that there is none, or that this version leaves some out.

    A filtered version never claims there is nothing where it left something out.
    """
    if section in dossier.withheld:
        text = not_included(dossier)
        return [empty(("Meer is " if shown else "") + (text if shown else text[0].upper() + text[1:]) + ".")]
    return [] if shown else [empty(none_text)]
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def pupil_block(dossier: Dossier, width: float) -> list[Flowable]:
    pu = dossier.pupil
    pairs = [
        ("Leerling", pu.name),
        ("Leerlingnummer", pu.number),
        ("Groep", pu.group),
        ("Geboortedatum", d(pu.birth_date, weekday=False) if pu.birth_date else "ontbreekt"),
        ("Leerplichtig", f"vanaf {d(dossier.leerplicht_from, weekday=False)}" if dossier.leerplicht_from
         else "geboortedatum ontbreekt, gerekend als leerplichtig"),
        ("Ingeschreven", d(pu.enrolled_from, weekday=False)
         + (f" tot en met {d(pu.enrolled_until, weekday=False)}" if pu.enrolled_until else "")),
    ]
    for start, end, article in dossier.exemptions:
        ground = f"{ARTICLES.get(article, article).split(':')[0]}, " if article else ""
        until = f"tot en met {d(end, weekday=False)}" if end else "tot nader order"
        pairs.append(("Vrijstelling", f"{ground}van {d(start, weekday=False)} {until}"))
    if pu.ot_number:
        pairs.append(("SWV/OT-nummer", pu.ot_number))
    pairs.append(("Periode", f"{d(dossier.start)} t/m {d(dossier.end)}"))
    for g in dossier.guardians:
        reach = " · ".join(x for x in (g.phone, g.email) if x)
        pairs.append((f"Ouder/verzorger{f' ({g.relation})' if g.relation else ''}",
                      g.name + (f" — {reach}" if reach else "")))
    if dossier.recipient is not None:
        pairs.append(("Bestemd voor", RECIPIENT_NL[dossier.recipient]))
    out: list[Flowable] = [facts(pairs, width)]
    if dossier.left_out:
        out.append(p(dossier.left_out, "small"))
    return out


@dataclass(frozen=True, slots=True)
class Total:
    category: Category
    minutes: int
    episodes: int
    records: int


def totals(records: Sequence[RecordRow], schooldagen: Sequence[date]) -> list[Total]:
    """Per category: absent minutes, episodes (runs of consecutive schooldagen with such a record) and records."""
    index = {day: i for i, day in enumerate(schooldagen)}
    out = []
    for cat in PRIORITY:
        recs = [r for r in records if r.category is cat]
        if not recs:
            continue
        positions = sorted({index[r.day] for r in recs if r.day in index})
        episodes = sum(1 for k, i in enumerate(positions) if k == 0 or positions[k - 1] != i - 1)
        out.append(Total(cat, sum(r.minutes for r in recs), episodes, len(recs)))
    return out


def totals_block(dossier: Dossier, width: float) -> list[Flowable]:
    rows: list[list[Any]] = [["Soort verzuim", "Uren", "Perioden", "Registraties"]]
    for t in totals(dossier.records, dossier.schooldagen):
        uren = "–" if t.category is Category.LATE else hours(t.minutes)
        rows.append([CATEGORY_NL[t.category], uren, str(t.episodes), str(t.records)])
    shown = len(rows) > 1
    out: list[Flowable] = [table(rows, [width * 0.4, width * 0.15, width * 0.25, width * 0.2])] if shown else []
    return out + none_or_withheld(dossier, "records", shown, "Geen verzuim geregistreerd in deze periode.")


def calendar_strip(records: Sequence[RecordRow], schooldagen: Sequence[date], start: date, end: date,
                   width: float, hidden: frozenset[date] = frozenset()) -> list[Flowable]:
    """A month per row, a day per column, each schooldag coloured by its weightiest record and lettered
    with its code, so the strip also reads in black and white. A day whose records this version leaves
    out (`hidden`) is dark grey and lettered '·': not shown as a day the pupil was present."""
    by_day: dict[date, RecordRow] = {}
    for r in records:
        cur = by_day.get(r.day)
        if cur is None or PRIORITY.index(r.category) < PRIORITY.index(cur.category):
            by_day[r.day] = r
    school = set(schooldagen)
    label_w = 22 * 2.83
    cell = min(13.5, (width - label_w) / 31)
    rows: list[list[str]] = [["", *[str(i) for i in range(1, 32)]]]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts()[0], 6),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TEXTCOLOR", (0, 0), (-1, 0), GREY),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    month = date(start.year, start.month, 1)
    while month <= end:
        row_i = len(rows)
        days_in = pycal.monthrange(month.year, month.month)[1]
        row = [f"{_MONTHS[month.month - 1][:3]} {month.year}"]
        for i in range(1, 32):
            text = ""
            if i <= days_in:
                day = month.replace(day=i)
                rec = by_day.get(day)
                if not (start <= day <= end) or day not in school:
                    style.append(("BACKGROUND", (i, row_i), (i, row_i), NO_SCHOOL))
                elif rec is not None:
                    text = rec.code
                    style.append(("BACKGROUND", (i, row_i), (i, row_i), CATEGORY_COLOUR[rec.category]))
                elif day in hidden:
                    text = "·"
                    style.append(("BACKGROUND", (i, row_i), (i, row_i), NOT_HERE))
                else:
                    style.append(("GRID", (i, row_i), (i, row_i), 0.25, LINE))
            row.append(text)
        rows.append(row)
        month = (month + timedelta(days=32)).replace(day=1)
    strip = Table(rows, colWidths=[label_w] + [cell] * 31, rowHeights=11)
    strip.setStyle(TableStyle(style))
    legend_cells: list[Any] = []
    legend_style: list[tuple[Any, ...]] = [("FONT", (0, 0), (-1, -1), fonts()[0], 6.5),
                                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                           ("LEFTPADDING", (0, 0), (-1, -1), 2)]
    shown = [c for c in PRIORITY if any(r.category is c for r in records)]
    for k, cat in enumerate(shown):
        legend_cells += ["", CATEGORY_NL[cat]]
        legend_style.append(("BACKGROUND", (2 * k, 0), (2 * k, 0), CATEGORY_COLOUR[cat]))
    extra = [("geen schooldag", NO_SCHOOL)]
    if any(start <= day <= end for day in hidden):
        extra.append(("niet in deze versie", NOT_HERE))
    for k, (text, colour) in enumerate(extra, start=len(shown)):
        legend_cells += ["", text]
        legend_style.append(("BACKGROUND", (2 * k, 0), (2 * k, 0), colour))
    legend = Table([legend_cells], colWidths=[8, 62] * (len(shown) + len(extra)), rowHeights=9)
    legend.setStyle(TableStyle(legend_style))
    return [strip, legend]


def rules_block(dossier: Dossier, width: float) -> list[Flowable]:
    """Each rule that holds once, by its Dutch name, with its text, what was measured and what it asks; a
    rule that holds per record (UNEXPLAINED) is one block listing its dates rather than one block per record."""
    rules, actions, names = dossier.rules, dossier.actions, dossier.rule_labels
    if not rules:
        return none_or_withheld(dossier, "rules", False, f"Op {d(dossier.end)} geldt geen regel van het stappenplan.")
    by_rule: dict[str, list[RuleHit]] = {}
    for h in rules:
        by_rule.setdefault(h.rule_id, []).append(h)
    out: list[Flowable] = []
    for rule_id, hits in by_rule.items():
        h = hits[-1]
        if len(hits) > 1:
            measured = f"{len(hits)} keer: " + ", ".join(d(x.trigger_date, weekday=False) for x in hits)
        else:
            window = f"{d(h.window_start)} t/m {d(h.window_end)}" if h.window_start and h.window_end else "–"
            measured = (f"Gemeten: {number(h.value)} {h.unit} (grens {number(h.threshold)}) · venster {window} · "
                        f"sinds {d(h.trigger_date)}")
        name = names.get(rule_id, rule_id)
        rows = [[Paragraph(f"<b>{esc(name)}</b>  {esc(after_name(name, h.text) or h.text)}", styles()["cell"])],
                [p(measured, "small")]]
        todo = _actions_text([a for a in actions if a.rule_id == rule_id], h.trigger_date if h.follow_up else None)
        if todo:
            rows.append([p(todo, "small")])
        t = Table(rows, colWidths=[width])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, -1), (-1, -1), 0.25, LINE),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        out.append(KeepTogether([t]))
    return out + none_or_withheld(dossier, "rules", True, "")


def _actions_text(actions: Sequence[Action], follow_up: date | None = None) -> str:
    """Open actions one by one with their due date; done ones counted, so twenty done calls stay one line.
    `follow_up`: the trigger whose DUO report is a vervolgmelding (RuleHit.follow_up), named so."""
    parts = []
    done: dict[str, int] = {}
    for a in actions:
        name = ACTION_NL.get(a.kind.value, a.kind.value)
        if follow_up is not None and a.kind is ActionKind.DUO_REPORT and a.trigger_date == follow_up and not a.done:
            name = DUO_FOLLOW_UP_NL
        if a.done:
            done[name] = done.get(name, 0) + 1
        else:
            late = ", te laat" if a.overdue else ""
            parts.append(f"open: {name}, uiterlijk {d(a.due_date)}{' (wettelijk)' if a.legal else ''}{late}")
    parts += [f"gedaan: {name}" + (f" ({n}×)" if n > 1 else "") for name, n in done.items()]
    return "; ".join(parts)



def events_block(dossier: Dossier, width: float) -> list[Flowable]:
    events = dossier.events
    out: list[Flowable] = []
    if events:
        rows: list[list[Any]] = [["Datum", "Soort", "Kenmerk", "Toelichting"]]
        rows += [[d(e.day), EVENT_NL.get(e.kind, e.kind), e.reference or "–", e.note] for e in events]
        out.append(table(rows, [width * 0.17, width * 0.28, width * 0.15, width * 0.4]))
    return out + none_or_withheld(dossier, "events", bool(events), "Geen meldingen of stappen geregistreerd.")
