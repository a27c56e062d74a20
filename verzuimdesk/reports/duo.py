"""DUO-melding: the fields to type into DUO's verzuimloket by hand, in the order the loket asks them.

The app does not talk to DUO: a school reports through the loket itself, and this page keeps the
numbers it needs (and the proof of what was reported) in one place.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from verzuimdesk.reports.base import build, content_width, d, empty, facts, hours, p, table
from verzuimdesk.reports.data import CATEGORY_NL, DuoReport, Letterhead


def build_duo_pdf(report: DuoReport, out: Path, *, printed: date, logo: str | None = None) -> None:
    w = content_width()
    r = report
    pu = r.pupil
    story: list[Flowable] = [
        p(f"Over te nemen in het verzuimloket van DUO, uiterlijk {d(r.due)} (wettelijke termijn). "
          "Vul na de melding het meldingsnummer in bij de leerling in VerzuimDesk.", "small"),
        p("Melding", "h2"),
        facts([("Soort melding", r.report_type),
               ("Begindatum verzuim", d(r.begin)),
               ("Einddatum verzuim", f"{d(r.end)} (de dag waarop de grens bereikt werd)"),
               ("Aantal uren ongeoorloofd verzuim", hours(round(r.hours * 60))),
               ("Aanleiding (stappenplan)", f"{r.rule_id}: {r.rule_text}")], w),
        p("Leerling", "h2"),
        facts([("Naam", pu.name), ("Geboortedatum", d(pu.birth_date, weekday=False)),
               ("Leerlingnummer school", pu.number), ("Groep", pu.group)], w),
        p("School", "h2"),
        facts([("Naam", r.school), ("BRIN", r.brin or "–")], w),
        p("Het verzuim dat meetelt", "h2"),
    ]
    if r.records:
        rows: list[list[Any]] = [["Datum", "Code", "Soort", "Uren", "Opmerking"]]
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
    build(out, Letterhead(r.school, "DUO-melding verzuim", printed, subtitle=pu.name, logo=logo), story)
