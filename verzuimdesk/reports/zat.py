"""ZAT-voorbereiding: the chosen pupils for the zorgadviesteam, each with light, rules, open actions,
signals (with their evidence) and the agreements made. Internal: signals are the school's suspicion,
not a fact, so this document is for the school's own ZAT preparation and never for ouders,
leerplicht, jeugdarts or the SWV (SIGNALS.md); every page says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from verzuimdesk.domain.dutch import ACTION_NL, LIGHT_NL
from verzuimdesk.domain.engine import Action
from verzuimdesk.domain.signals import Signal
from verzuimdesk.reports.base import build, content_width, d, empty, facts, p, table
from verzuimdesk.reports.data import AgreementRow, Dossier, Letterhead
from verzuimdesk.reports.parts import rules_block

INTERNAL = ("Intern document van de school, voor de voorbereiding van het ZAT. Signalen zijn een reden om te "
            "kijken, geen vaststelling: dit document gaat niet naar ouders, leerplicht, jeugdarts of het "
            "samenwerkingsverband.")


@dataclass(frozen=True, slots=True)
class ZatPupil:
    name: str
    number: str
    group: str
    light: str  # green / orange / red / grey
    step: str
    dossier: Dossier  # unfiltered: the school's own document (its rules, actions, rule names)
    signals: tuple[tuple[str, Signal], ...]  # (Dutch name, signal)
    forecasts: tuple[str, ...]
    agreements: tuple[tuple[date, AgreementRow], ...]  # (conversation day, agreement)


def _signals_block(signals: tuple[tuple[str, Signal], ...], width: float) -> list[Flowable]:
    if not signals:
        return [empty("Geen signalen op de peildatum.")]
    out: list[Flowable] = []
    for name, s in signals:
        lines = [p(f"{name}: {s.text}", "cellb"), p(s.basis, "small")]
        evidence = [f"{d(day)}{' — ' + s.details[i] if i < len(s.details) and s.details[i] else ''}"
                    for i, day in enumerate(s.evidence)]
        if evidence:
            lines.append(p("Bewijs: " + "; ".join(evidence), "small"))
        out.append(KeepTogether(lines))
    return out


def _open_actions(actions: tuple[Action, ...], width: float) -> Flowable:
    open_ = [a for a in actions if not a.done]
    if not open_:
        return empty("Geen open acties van het stappenplan.")
    rows: list[list[object]] = [["Actie", "Regel", "Uiterlijk", "Regie"]]
    rows += [[ACTION_NL.get(a.kind.value, a.kind.value) + (" (wettelijk)" if a.legal else ""), a.rule_id,
              d(a.due_date) + (" — te laat" if a.overdue else ""), a.regie] for a in open_]
    return table(rows, [width * 0.38, width * 0.14, width * 0.26, width * 0.22])


def _agreements(agreements: tuple[tuple[date, AgreementRow], ...], width: float) -> Flowable:
    if not agreements:
        return empty("Geen afspraken vastgelegd in gesprekken.")
    rows: list[list[object]] = [["Gesprek", "Afspraak", "Wie", "Wanneer", "Stand"]]
    rows += [[d(day), a.text, a.owner or "–", d(a.due), "gedaan" if a.done else "open"] for day, a in agreements]
    return table(rows, [width * 0.17, width * 0.43, width * 0.14, width * 0.16, width * 0.1])


def build_zat_pdf(school: str, pupils: list[ZatPupil], peil: date, out: Path, *, printed: date,
                  logo: str | None = None) -> None:
    w = content_width()
    story: list[Flowable] = [p(INTERNAL, "small"),
                             p(f"Peildatum {d(peil)} · {len(pupils)} leerling(en)", "body")]
    for i, z in enumerate(pupils):
        if i:
            story.append(PageBreak())
        story += [p(f"{z.name} — groep {z.group}", "h2"),
                  facts([("Leerlingnummer", z.number), ("Licht", LIGHT_NL[z.light]), ("Stap", z.step)]
                        + [("Vooruitblik", f) for f in z.forecasts], w),
                  p("Regels van het stappenplan", "h2"), *rules_block(z.dossier, w),
                  p("Open acties", "h2"), _open_actions(z.dossier.actions, w),
                  p("Signalen (intern)", "h2"), *_signals_block(z.signals, w),
                  p("Afspraken", "h2"), _agreements(z.agreements, w)]
    build(out, Letterhead(school, "ZAT-voorbereiding (intern)", printed, logo=logo), story)
