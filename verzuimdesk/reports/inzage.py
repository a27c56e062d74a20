"""Inzage (AVG art. 15): what the school holds about a pupil, why, how long, and to whom it went.

A document of its own for the parents: the data come from the ouders version of the dossier (they may
see everything about their child), and it adds what article 15 asks for: the purposes, the recipients
(every export that held the pupil, with date, document and who made it), the retention terms and the
parents' rights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from verzuimdesk.reports.base import build, content_width, d, empty, p, table
from verzuimdesk.reports.data import Dossier, Letterhead
from verzuimdesk.reports.parts import events_block, pupil_block, totals_block
from verzuimdesk.reports.pupil_docs import cases_block, conversations_block, plans_block, records_block


@dataclass(frozen=True, slots=True)
class ExportLine:
    """One export that held the pupil."""

    at: datetime
    document: str
    recipient: str
    by: str
    file: str
    pupils: int  # how many pupils the document named (a quarterly list names many)


DOCUMENT_NL = {"verzuimdossier": "verzuimdossier", "verzuimoverzicht": "verzuimoverzicht",
               "gespreksverslag": "gespreksverslag", "duo-melding": "gegevens voor de DUO-melding",
               "kwartaalopgave": "kwartaalopgave zorgwekkend verzuim", "inzage": "inzage", "brief": "brief"}
RECIPIENT_OUT_NL = {"ouders": "ouders / verzorgers", "leerplicht": "leerplichtambtenaar",
                    "jeugdarts": "jeugdarts (JGZ)", "swv": "samenwerkingsverband", "duo": "DUO (verzuimregister)"}

PURPOSES = ("De school houdt het verzuim bij omdat de Leerplichtwet dat vraagt: ongeoorloofd verzuim wordt "
            "gemeld bij DUO, en de school volgt met u en uw kind hoe het gaat. Gesprekken, afspraken en plannen "
            "worden vastgelegd om uw kind te kunnen begeleiden.")
TERMS = ("Verzuimgegevens worden bewaard tot 5 jaar nadat uw kind de school verlaten heeft; de rest van het "
         "dossier 2 jaar (3 jaar na een verwijzing naar het speciaal onderwijs). De school legt vast dát een "
         "leerling ziek is, nooit wat de ziekte is.")
RIGHTS = ("U mag onjuiste gegevens laten verbeteren en gegevens laten verwijderen die de school niet (meer) "
          "nodig heeft. Neem daarvoor contact op met de school. Bent u het niet eens met hoe de school met de "
          "gegevens omgaat, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.")


def recipients_block(lines: list[ExportLine], width: float) -> list[Flowable]:
    if not lines:
        return [empty("Er zijn geen gegevens over uw kind buiten de school verstrekt.")]
    rows: list[list[Any]] = [["Datum", "Document", "Ontvanger", "Gemaakt door"]]
    for ln in lines:
        doc = DOCUMENT_NL.get(ln.document, ln.document)
        if ln.pupils > 1:
            doc += f" (lijst van {ln.pupils} leerlingen)"
        rows.append([f"{d(ln.at.date())} {ln.at:%H:%M}", doc, RECIPIENT_OUT_NL.get(ln.recipient, ln.recipient or "–"),
                     ln.by or "–"])
    return [table(rows, [width * 0.22, width * 0.36, width * 0.22, width * 0.2])]


@dataclass(frozen=True, slots=True)
class LetterSent:
    day: date
    title: str
    recipient: str


@dataclass(frozen=True, slots=True)
class LeaveLine:
    start: date
    end: date
    article: str
    reason: str
    decision: str


def letters_block(letters: Sequence[LetterSent], width: float) -> list[Flowable]:
    if not letters:
        return [empty("De school heeft u of anderen geen brieven over uw kind gestuurd.")]
    rows: list[list[Any]] = [["Datum", "Brief", "Aan"]]
    rows += [[d(x.day), x.title, RECIPIENT_OUT_NL.get(x.recipient, x.recipient)] for x in letters]
    return [table(rows, [width * 0.22, width * 0.5, width * 0.28])]


def leave_block(leave: Sequence[LeaveLine], width: float) -> list[Flowable]:
    if not leave:
        return [empty("Er is geen verlof aangevraagd.")]
    rows: list[list[Any]] = [["Periode", "Artikel", "Reden", "Besluit"]]
    rows += [[f"{d(x.start)} t/m {d(x.end)}", x.article, x.reason, x.decision] for x in leave]
    return [table(rows, [width * 0.3, width * 0.2, width * 0.3, width * 0.2])]


def build_inzage_pdf(dossier: Dossier, lines: list[ExportLine], out: Path, *, printed: date, made: datetime,
                     logo: str | None = None, letters: Sequence[LetterSent] = (),
                     leave: Sequence[LeaveLine] = ()) -> None:
    w = content_width()
    story: list[Flowable] = [
        p(f"Op uw verzoek om inzage (artikel 15 AVG): alle gegevens die de school op {d(made.date())} over uw "
          "kind bewaart, waarvoor, hoe lang, en aan wie ze verstrekt zijn.", "small"),
        *pupil_block(dossier, w),
        p("Waarvoor de school deze gegevens heeft", "h2"), p(PURPOSES),
        p("Aan wie gegevens verstrekt zijn", "h2"), *recipients_block(lines, w),
        p("Hoe lang de school ze bewaart", "h2"), p(TERMS),
        p("Uw rechten", "h2"), p(RIGHTS),
        p("Verzuim", "h2"), *totals_block(dossier, w), *records_block(dossier, w),
        p("Gesprekken en afspraken", "h2"), *conversations_block(dossier, w),
        p("Plannen", "h2"), *plans_block(dossier, w),
        p("Meldingen en stappen", "h2"), *events_block(dossier, w),
        p("Zorgwekkend verzuim", "h2"), *cases_block(dossier, w),
        p("Verlofaanvragen", "h2"), *leave_block(leave, w),
        p("Brieven", "h2"), *letters_block(letters, w),
    ]
    build(out, Letterhead(dossier.school, "Inzage in de gegevens van uw kind", printed, subtitle=dossier.pupil.name,
                          logo=logo), story)
