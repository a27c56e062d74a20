"""DUO-melding: the worksheet from which the IB-er types the report into the school's LAS, which passes
it on to DUO's verzuimregister (PROTOCOLS.md §1b). Every figure comes from the trigger the report
answers, so the sheet printed again later (for the file) says the same, marked "gemeld op": what was kept
when the report was registered, with a notice when the records of now give otherwise.

The app does not talk to DUO: the school reports through its leerlingadministratiesysteem (ParnasSys,
ESIS, …) itself, and this page keeps the numbers it needs (and the proof of what was reported).

A pupil can owe several reports on one date (two luxe episodes, a luxe episode beside 16 hours): each
is a report of its own in the LAS, so each gets a sheet of its own, on a page of its own, numbered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from verzuimdesk.domain.dutch import hours
from verzuimdesk.reports.base import after_name, build, content_width, d, empty, facts, p, table
from verzuimdesk.reports.data import CATEGORY_NL, DuoReport, Letterhead


def _intro(r: DuoReport, printed: date) -> str:
    if r.reported_on is not None:
        ref = f" (nummer {r.reference})" if r.reference else ""
        if r.computed:  # nothing kept of the report's day: the notice says what the figures are
            return f"Gemeld op {d(r.reported_on)}{ref}. Afdruk voor het verzuimdossier."
        return (f"Gemeld op {d(r.reported_on)}{ref}. Afdruk voor het verzuimdossier: de gegevens zoals ze "
                "gemeld zijn.")
    term = "wettelijke termijn" if r.legal else "termijn van het stappenplan; de wet vraagt deze melding niet"
    late = " De termijn is verstreken: meld zo snel mogelijk." if printed > r.due else ""
    return (f"Over te nemen in de leerlingadministratie (LAS) van de school, die de melding doorgeeft aan het "
            f"verzuimregister van DUO, uiterlijk {d(r.due)} ({term}).{late} Leg na de melding het meldingsnummer "
            "vast bij de leerling in VerzuimDesk.")


def _reason(label: str, text: str) -> str:
    """The rule's name before its text, unless the text opens with the name already (the LRV's does:
    "Langdurig relatief verzuim: Langdurig relatief verzuim: ..." read as a mistake on the sheet)."""
    if not label or after_name(label, text) is not None:
        return text
    return f"{label}: {text}"


def _figures(r: DuoReport) -> list[tuple[str, str]]:
    rows = [("Soort melding", r.report_type)]
    if r.previous_on is not None:
        ref = f", nummer {r.previous_reference}" if r.previous_reference else ""
        rows.append(("Vorige melding", f"{d(r.previous_on)}{ref}"))
    rows += [("Begindatum verzuim", d(r.begin)),
             ("Einddatum verzuim", d(r.end) if r.end is not None else "nog afwezig")]
    if r.count is not None:
        rows.append(("Aantal keer te laat", str(r.count)))
    else:
        rows.append(("Aantal uren verzuim", hours(round(r.hours * 60))))
    rows.append(("Aanleiding (stappenplan)", _reason(r.rule_label, r.rule_text)))
    if r.reported_on is not None:
        rows.append(("Gemeld op", d(r.reported_on) + (f" (nummer {r.reference})" if r.reference else "")))
    return rows


def build_duo_pdf(reports: Sequence[DuoReport], out: Path, *, printed: date, logo: str | None = None) -> None:
    """One sheet per report, each from a page of its own (the pupil and the school are the same on each)."""
    story: list[Flowable] = []
    for i, r in enumerate(reports, 1):
        if i > 1:
            story.append(PageBreak())
        if len(reports) > 1:
            story += [p(f"DUO-melding verzuim ({i} van {len(reports)})", "h1"),
                      p(f"Deze leerling heeft {len(reports)} meldingen op deze afdruk, elk op een eigen pagina: neem "
                        "elke melding apart over in de LAS.", "small")]
        else:
            story.append(p("DUO-melding verzuim", "h1"))
        story += _sheet(r, printed)
    pu = reports[0].pupil
    build(out, Letterhead(reports[0].school, "DUO-melding verzuim", printed, subtitle=pu.name, logo=logo), story,
          heading=False)


def _sheet(r: DuoReport, printed: date) -> list[Flowable]:
    w = content_width()
    pu = r.pupil
    story: list[Flowable] = [p(_intro(r, printed), "small")]
    if r.computed and r.reported_on is not None:
        story.append(p(f"Berekend uit de registraties zoals ze op {d(printed)} zijn: van deze melding zijn de "
                       "gegevens van de dag van de melding niet bewaard (een melding uit een eerdere versie van "
                       "VerzuimDesk, of een die toen geen aanleiding beantwoordde), dus wat gemeld is kan hiervan "
                       "afwijken.", "notice"))
    if r.changes:  # the kept sheet is what DUO has: say what the records of now give otherwise
        story.append(p("Sinds de melding zijn de registraties gewijzigd: " + "; ".join(r.changes) + ". Ga na of "
                       "de melding in DUO (via de LAS) gecorrigeerd of aangevuld moet worden; hieronder staat "
                       "wat gemeld is.", "notice"))
    story += [
        p("Melding", "h2"),
        facts(_figures(r), w),
        p("Leerling", "h2"),
        facts([("Naam", pu.name), ("Geboortedatum", d(pu.birth_date, weekday=False) if pu.birth_date else "ontbreekt"),
               ("Leerlingnummer school", pu.number), ("Groep", pu.group),
               # a pupil who left owes the report still (engine): DUO reads that the school was the school then
               *([("Uitgeschreven per", d(pu.enrolled_until))] if pu.enrolled_until and pu.enrolled_until < printed
                 else [])], w),
        p("School", "h2"),
        facts([("Naam", r.school), ("BRIN", r.brin or "–")], w),
        p("Het verzuim dat meetelt" if r.count is None else "De keren te laat die meetellen", "h2"),
    ]
    if r.records and r.count is not None:
        rows: list[list[Any]] = [["Datum", "Code", "Minuten te laat", "Opmerking"]]
        rows += [[d(x.day), x.code, str(x.minutes_late or 0), x.note] for x in r.records]
        story.append(table(rows, [w * 0.22, w * 0.1, w * 0.18, w * 0.5]))
    elif r.records:
        rows = [["Datum", "Code", "Soort", "Uren", "Opmerking"]]
        rows += [[d(x.day), x.code, CATEGORY_NL[x.category], hours(x.minutes) if x.minutes else "–", x.note]
                 for x in r.records]
        story.append(table(rows, [w * 0.2, w * 0.08, w * 0.17, w * 0.1, w * 0.45]))
    else:
        story.append(empty("Geen registraties."))
    story.append(p("Gemaakte afspraken", "h2"))
    if r.agreements:
        arows: list[list[Any]] = [["Gesprek", "Afspraak", "Wie", "Uiterlijk"]]
        arows += [[d(day), a.text, a.owner or "–", d(a.due) if a.due else "–"] for day, a in r.agreements]
        story.append(table(arows, [w * 0.2, w * 0.5, w * 0.15, w * 0.15]))
    else:
        story.append(empty("Er zijn geen afspraken vastgelegd in deze periode."))
    return story
