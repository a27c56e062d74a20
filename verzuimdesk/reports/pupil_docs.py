"""The two documents about one pupil: the verzuimoverzicht (a period at a glance) and the verzuimdossier
(everything the recipient may receive). Both print a `Dossier` that `for_recipient` already filtered:
nothing here decides who may see what."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from verzuimdesk.domain.dutch import hours
from verzuimdesk.reports.base import (
    GREY,
    build,
    content_width,
    d,
    empty,
    facts,
    heading_over_long_table,
    p,
    spacer,
    table,
)
from verzuimdesk.reports.data import (
    CATEGORY_NL,
    CONVERSATION_NL,
    Compiled,
    ConversationRow,
    Dossier,
    Letterhead,
    RecordRow,
)
from verzuimdesk.reports.parts import (
    EVENT_NL,
    calendar_strip,
    events_block,
    none_or_withheld,
    not_included,
    pupil_block,
    rules_block,
    totals_block,
)


def _head(dossier: Dossier, title: str, printed: date, logo: str | None) -> Letterhead:
    return Letterhead(dossier.school, title, printed, subtitle=dossier.pupil.name, logo=logo)


def build_overview_pdf(dossier: Dossier, out: Path, *, printed: date, logo: str | None = None) -> None:
    """Verzuimoverzicht: the period as a calendar strip, totals per category, the rules at the end date."""
    w = content_width()
    story: list[Flowable] = [*pupil_block(dossier, w),
                             p("Kalender", "h2"),
                             *calendar_strip(dossier.records, dossier.schooldagen, dossier.start, dossier.end, w,
                                             dossier.hidden_days),
                             p("Totalen per soort verzuim", "h2"),
                             *totals_block(dossier, w),
                             p(f"Stappenplan op {d(dossier.end)}", "h2"),
                             *rules_block(dossier, w),
                             p("Gedane meldingen en stappen", "h2"),
                             *events_block(dossier, w)]
    build(out, _head(dossier, "Verzuimoverzicht", printed, logo), story)


def build_dossier_pdf(dossier: Dossier, out: Path, *, printed: date, logo: str | None = None) -> None:
    """Verzuimdossier: every record, conversation, plan, report and case this recipient may receive.

    The leerplicht version also says who compiled it and how to reach the school, lists the school's
    actions by date and ends with the directeur's signature (routeboek: what leerplicht needs).
    """
    w = content_width()
    story: list[Flowable] = [*pupil_block(dossier, w), *compiled_block(dossier, w),
                             p("Samenvatting", "h2"),
                             *totals_block(dossier, w),
                             p(f"Stappenplan op {d(dossier.end)}", "h2"),
                             *rules_block(dossier, w)]
    if dossier.compiled is not None:
        story += [p("Wat de school heeft gedaan", "h2"), *school_actions_block(dossier, w)]
    story += [p("Zorgwekkend verzuim", "h2"),
              *cases_block(dossier, w),
              *heading_over_long_table("Verzuimregistraties"),
              *records_block(dossier, w),
              p("Gesprekken en afspraken", "h2"),
              *conversations_block(dossier, w),
              p("Plannen (IHP, OPP, plan van aanpak)", "h2"),
              *plans_block(dossier, w),
              p("Gedane meldingen en stappen", "h2"),
              *events_block(dossier, w)]
    if dossier.compiled is not None:
        story.append(KeepTogether(director_signature(dossier.compiled, w)))
    build(out, _head(dossier, "Verzuimdossier", printed, logo), story)


def compiled_block(dossier: Dossier, width: float) -> list[Flowable]:
    """Opgesteld door (name and role), the school's phone and e-mail, the date, and why it is sent."""
    c = dossier.compiled
    if c is None:
        return []
    pairs = [("Opgesteld door", f"{c.by_name}, {c.by_role}" if c.by_role else c.by_name),
             ("Datum", d(c.on)),
             ("Telefoon school", c.school_phone or "–"),
             ("E-mail school", c.school_email or "–")]
    if c.reason:
        pairs.append(("Reden van verstrekking", c.reason))
    return [spacer(2), facts(pairs, width)]


def school_actions_block(dossier: Dossier, width: float) -> list[Flowable]:
    """The school's actions in this version, by date: conversations held and reports made or steps taken."""
    items = [(c.held_at.date(), f"Gesprek: {CONVERSATION_NL.get(c.kind, c.kind)}",
              ("1 afspraak" if len(c.agreements) == 1 else f"{len(c.agreements)} afspraken") if c.agreements else "")
             for c in dossier.conversations]
    items += [(e.day, EVENT_NL.get(e.kind, e.kind), f"kenmerk {e.reference}" if e.reference else "")
              for e in dossier.events]
    items.sort(key=lambda x: x[0])
    if not items:
        return none_or_withheld(dossier, "conversations", False, "Er zijn nog geen acties van de school vastgelegd.")
    rows: list[list[Any]] = [["Datum", "Actie", "Vastgelegd"]]  # the agreements made, a report's kenmerk
    rows += [[d(day), what, extra] for day, what, extra in items]
    return [table(rows, [width * 0.22, width * 0.5, width * 0.28])]


def director_signature(c: Compiled, width: float) -> list[Flowable]:
    cell = [p(f"Naam: {c.director}" if c.director else "Naam: ..........................................", "cell"),
            spacer(5), p("Datum: ...................................................", "cell"), spacer(12),
            p("Handtekening: ..........................................", "cell")]
    t = Table([[p("De directeur", "cellb")], [cell]], colWidths=[width / 2], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("BOX", (0, 1), (0, 1), 0.25, GREY), ("LEFTPADDING", (0, 1), (-1, 1), 6),
                           ("TOPPADDING", (0, 1), (-1, 1), 8), ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]))
    return [p("Ondertekening", "h2"), t]


def _span(r: RecordRow) -> str:
    if r.minutes_late is not None:
        return f"{r.minutes_late} min te laat"
    if r.start is None or r.end is None:
        return "hele dag"
    return f"{r.start:%H:%M}–{r.end:%H:%M}"


def records_block(dossier: Dossier, width: float) -> list[Flowable]:
    records = dossier.records
    out: list[Flowable] = []
    if records:
        rows: list[list[Any]] = [["Datum", "Code", "Soort", "Tijd", "Uren", "Opmerking"]]
        rows += [[d(r.day), r.code, CATEGORY_NL[r.category], _span(r), hours(r.minutes) if r.minutes else "–",
                  r.note] for r in records]
        out.append(table(rows, [w * width for w in (0.15, 0.06, 0.16, 0.12, 0.06, 0.45)]))
    out += none_or_withheld(dossier, "records", bool(records), "Geen verzuimregistraties in deze periode.")
    if records and "notes" in dossier.withheld:
        out.append(empty(f"Sommige opmerkingen zijn {not_included(dossier)}."))
    return out


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


def conversations_block(dossier: Dossier, width: float) -> list[Flowable]:
    out: list[Flowable] = [KeepTogether(conversation_parts(c, width)) for c in dossier.conversations]
    out += none_or_withheld(dossier, "conversations", bool(dossier.conversations), "Geen gesprekken in deze periode.")
    if dossier.conversations and "agreements" in dossier.withheld:
        out.append(empty(f"Sommige afspraken zijn {not_included(dossier)}."))
    return out


def plans_block(dossier: Dossier, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    if dossier.plans:
        rows: list[list[Any]] = [["Soort", "Start", "Evaluatie", "Vindplaats", "Toelichting"]]
        rows += [[pl.kind, d(pl.start), d(pl.evaluation), pl.location, pl.note] for pl in dossier.plans]
        out.append(table(rows, [width * 0.12, width * 0.17, width * 0.17, width * 0.32, width * 0.22]))
    return out + none_or_withheld(dossier, "plans", bool(dossier.plans), "Geen plannen gekoppeld.")


def cases_block(dossier: Dossier, width: float) -> list[Flowable]:
    if not dossier.cases:
        return none_or_withheld(dossier, "cases", False, "Geen zaak van zorgwekkend verzuim.")
    out: list[Flowable] = []
    for c in dossier.cases:
        label = "A, langdurig relatief verzuim" if c.category == "A" else "B, langdurig geoorloofd verzuim"
        pairs = [("Categorie", label), ("Startdatum", d(c.start)), ("Hoofdoorzaak", c.main_cause or "–"),
                 ("Interventie", "; ".join(f"{s} (vanaf {d(since, weekday=False)})" for since, s in c.statuses)
                  or "–"),
                 ("Onderwijs gevolgd", "; ".join(f"{share}% vanaf {d(since, weekday=False)}"
                                                for since, _until, share in c.shares) or "–"),
                 ("Wachtlijst", c.waiting_list or "–"),
                 ("Afgesloten", f"{d(c.closed)}: {c.close_reason}" if c.closed else "nee, loopt")]
        out += [facts(pairs, width), spacer(2)]
    return out + none_or_withheld(dossier, "cases", True, "")
