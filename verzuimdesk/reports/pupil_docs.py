"""The two documents about one pupil: the verzuimoverzicht (a period at a glance) and the verzuimdossier
(everything the recipient may receive). Both print a `Dossier` that `for_recipient` already filtered:
nothing here decides who may see what."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from verzuimdesk.reports.base import build, content_width, d, empty, facts, hours, p, spacer, table
from verzuimdesk.reports.data import CATEGORY_NL, CONVERSATION_NL, ConversationRow, Dossier, Letterhead, RecordRow
from verzuimdesk.reports.parts import calendar_strip, events_block, pupil_block, rules_block, totals_block


def _head(dossier: Dossier, title: str, printed: date, logo: str | None) -> Letterhead:
    return Letterhead(dossier.school, title, printed, subtitle=dossier.pupil.name, logo=logo)


def build_overview_pdf(dossier: Dossier, out: Path, *, printed: date, logo: str | None = None) -> None:
    """Verzuimoverzicht: the period as a calendar strip, totals per category, the rules at the end date."""
    w = content_width()
    story: list[Flowable] = [*pupil_block(dossier, w),
                             p("Kalender", "h2"),
                             *calendar_strip(dossier.records, dossier.schooldagen, dossier.start, dossier.end, w),
                             p("Totalen per soort verzuim", "h2"),
                             totals_block(dossier.records, dossier.schooldagen, w),
                             p(f"Stappenplan op {d(dossier.end)}", "h2"),
                             *rules_block(dossier.rules, dossier.actions, dossier.end, w),
                             p("Gedane meldingen en stappen", "h2"),
                             events_block(dossier.events, w)]
    build(out, _head(dossier, "Verzuimoverzicht", printed, logo), story)


def build_dossier_pdf(dossier: Dossier, out: Path, *, printed: date, logo: str | None = None) -> None:
    """Verzuimdossier: every record, conversation, plan, report and case this recipient may receive."""
    w = content_width()
    story: list[Flowable] = [*pupil_block(dossier, w),
                             p("Samenvatting", "h2"),
                             totals_block(dossier.records, dossier.schooldagen, w),
                             p(f"Stappenplan op {d(dossier.end)}", "h2"),
                             *rules_block(dossier.rules, dossier.actions, dossier.end, w),
                             p("Zorgwekkend verzuim", "h2"),
                             *cases_block(dossier, w),
                             p("Verzuimregistraties", "h2"),
                             records_block(dossier.records, w),
                             p("Gesprekken en afspraken", "h2"),
                             *conversations_block(dossier.conversations, w),
                             p("Plannen (IHP, OPP, plan van aanpak)", "h2"),
                             plans_block(dossier, w),
                             p("Gedane meldingen en stappen", "h2"),
                             events_block(dossier.events, w)]
    build(out, _head(dossier, "Verzuimdossier", printed, logo), story)


def _span(r: RecordRow) -> str:
    if r.minutes_late is not None:
        return f"{r.minutes_late} min te laat"
    if r.start is None or r.end is None:
        return "hele dag"
    return f"{r.start:%H:%M}–{r.end:%H:%M}"


def records_block(records: tuple[RecordRow, ...], width: float) -> Flowable:
    if not records:
        return empty("Geen verzuimregistraties in deze periode.")
    rows: list[list[Any]] = [["Datum", "Code", "Soort", "Tijd", "Uren", "Opmerking"]]
    rows += [[d(r.day), r.code, CATEGORY_NL[r.category], _span(r), hours(r.minutes) if r.minutes else "–", r.note]
             for r in records]
    return table(rows, [w * width for w in (0.16, 0.06, 0.15, 0.16, 0.07, 0.40)])


def conversation_parts(c: ConversationRow, width: float) -> list[Flowable]:
    """One conversation: when, what kind, who, the summary and its agreements."""
    head = f"{d(c.held_at.date())}, {c.held_at:%H:%M} — {CONVERSATION_NL.get(c.kind, c.kind)}"
    parts: list[Flowable] = [p(head, "cellb")]
    if c.participants:
        parts.append(p(f"Aanwezig: {c.participants}", "small"))
    parts.append(p(c.summary or "(geen samenvatting)", "cell"))
    if c.agreements:
        rows: list[list[Any]] = [["Afspraak", "Wie", "Uiterlijk", "Gedaan"]]
        rows += [[a.text, a.owner or "–", d(a.due) if a.due else "–", "ja" if a.done else "nee"]
                 for a in c.agreements]
        parts.append(table(rows, [width * 0.52, width * 0.18, width * 0.18, width * 0.12]))
    parts.append(spacer(2))
    return parts


def conversations_block(conversations: tuple[ConversationRow, ...], width: float) -> list[Flowable]:
    if not conversations:
        return [empty("Geen gesprekken in deze periode.")]
    return [KeepTogether(conversation_parts(c, width)) for c in conversations]


def plans_block(dossier: Dossier, width: float) -> Flowable:
    if not dossier.plans:
        return empty("Geen plannen gekoppeld.")
    rows: list[list[Any]] = [["Soort", "Start", "Evaluatie", "Vindplaats", "Toelichting"]]
    rows += [[pl.kind, d(pl.start), d(pl.evaluation), pl.location, pl.note] for pl in dossier.plans]
    return table(rows, [width * 0.12, width * 0.17, width * 0.17, width * 0.32, width * 0.22])


def cases_block(dossier: Dossier, width: float) -> list[Flowable]:
    if not dossier.cases:
        return [empty("Geen zaak van zorgwekkend verzuim.")]
    out: list[Flowable] = []
    for c in dossier.cases:
        label = "A, langdurig relatief verzuim" if c.category == "A" else "B, langdurig geoorloofd verzuim"
        pairs = [("Categorie", label), ("Startdatum", d(c.start)), ("Hoofdoorzaak", c.main_cause or "–"),
                 ("Interventie", "; ".join(f"{s} (vanaf {d(since, weekday=False)})" for since, s in c.statuses)
                  or "–"),
                 ("Onderwijs gevolgd", "; ".join(f"{share}% vanaf {d(since, weekday=False)}"
                                                for since, share in c.shares) or "–"),
                 ("Wachtlijst", c.waiting_list or "–"),
                 ("Afgesloten", f"{d(c.closed)}: {c.close_reason}" if c.closed else "nee, loopt")]
        out += [facts(pairs, width), spacer(2)]
    return out
