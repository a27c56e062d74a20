"""Kwartaalopgave SWV: the quarterly list as a landscape PDF to read, an XLSX the SWV passes on, and a CSV.

One column layout for all three (`COLUMNS`), so the files cannot drift apart. The XLSX holds typed
cells (dates as dates, percentages as numbers); the CSV is `;`-separated UTF-8 with a BOM, which is
what makes a Dutch Excel open it with the accents and columns right.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from verzuimdesk.domain.quarterly import CLOSE_BACK, SHARE_TEXTS, WAITING_LIST, category_text
from verzuimdesk.reports.base import build, content_width, d, empty, fitted_widths, p, table
from verzuimdesk.reports.cells import csv_cell, xlsx_row
from verzuimdesk.reports.data import Letterhead, QuarterlyList, QuarterlyRow

PROPOSAL = "voorstel, nog niet bevestigd"


def _periods(r: QuarterlyRow, text: Callable[[date], str]) -> str:
    """The share history as periods: '17-11-2025 t/m 07-12-2025: Nee (0%)'."""
    return "; ".join(f"{text(since)}{f' t/m {text(until)}' if until else ''}: {SHARE_TEXTS.get(share, f'{share}%')}"
                     for since, until, share in r.share_history)


def _statuses(r: QuarterlyRow, text: Callable[[date], str]) -> str:
    return "; ".join(f"{text(since)}: {status}" for since, status in r.status_history)


def basis(r: QuarterlyRow) -> str:
    """The numbers behind a proposal: the share absent of the 5 lesweken and the part unauthorised."""
    absent, lestijd = sum(a for _, a, _ in r.weeks), sum(lt for _, _, lt in r.weeks)
    if not lestijd:
        return ""
    weeks = ", ".join(f"{100 * a / lt:.0f}%" if lt else "–" for _, a, lt in r.weeks)
    part = f"{100 * r.unauthorised / absent:.0f}%" if absent else "0%"
    text = (f"{len(r.weeks)} lesweken {100 * absent / lestijd:.0f}% afwezig ({weeks}); "
            f"daarvan {part} ongeoorloofd of onbekend")
    if r.outside_leerplicht and absent:
        # Cat. A is for a leerplichtige pupil without vrijstelling (sources/004): why this one is proposed as B
        text += (f", {100 * r.outside_leerplicht / absent:.0f}% op dagen dat de leerling niet leerplichtig was "
                 "(telt niet voor categorie A)")
    return text


def _numeric(day: date) -> str:
    return f"{day:%d-%m-%Y}"


# (header, value of a row) — the value keeps its type for the XLSX; option texts are OT's own.
COLUMNS: tuple[tuple[str, Callable[[QuarterlyRow], Any]], ...] = (
    ("Leerling", lambda r: r.pupil_label),
    ("SWV/OT-nummer", lambda r: r.ot_number),
    ("Groep", lambda r: r.group),
    ("Opgave", lambda r: PROPOSAL if r.proposal else "bevestigd"),
    ("Categorie", lambda r: category_text(r.category)),
    ("Voorstel categorie", lambda r: category_text(r.proposed_category) if r.proposed_category else ""),
    ("Startdatum", lambda r: r.start),
    ("Voorstel startdatum", lambda r: r.proposed_start),
    ("Einddatum", lambda r: r.end),
    ("Hoofdoorzaak", lambda r: r.main_cause),
    ("Interventie (status)", lambda r: r.status),
    ("Interventie, verloop", lambda r: _statuses(r, _numeric)),
    ("Volgt de leerling nog onderwijs op school?", lambda r: SHARE_TEXTS.get(r.share, "") if r.share is not None
     else ""),
    ("Onderwijs gevolgd (%)", lambda r: r.share),
    ("Onderwijs gevolgd, verloop", lambda r: _periods(r, _numeric)),
    ("Wachtlijst", lambda r: WAITING_LIST if r.waiting_list else ""),
    ("Wachtlijst, namelijk", lambda r: r.waiting_list),
    ("Regiehouder", lambda r: r.regiehouder),
    ("DUO-melding datum", lambda r: r.duo_report_date),
    ("DUO-melding nummer", lambda r: r.duo_report_number),
    ("Reden afronding", lambda r: r.close_reason),
    ("Voorstel afronding", lambda r: r.proposed_end),
    ("Onderbouwing voorstel", lambda r: basis(r) if r.proposal else ""),
)
# Every file starts each row with the school: the SWV puts many schools' lists together.
SCHOOL_COLUMNS = ("School", "BRIN")


def _title(data: QuarterlyList) -> str:
    return f"Kwartaalopgave zorgwekkend verzuim, peildatum {d(data.reference, weekday=False)}"


def _day(day: date) -> str:
    return d(day, weekday=False)


def proposals_note(data: QuarterlyList) -> str:
    """'2 leerlingen staan als voorstel op de lijst, nog niet bevestigd.' — empty when there are none."""
    n = data.proposals
    if not n:
        return ""
    return (f"{n} {'leerling staat' if n == 1 else 'leerlingen staan'} als voorstel op de lijst, nog niet "
            "bevestigd: VerzuimDesk vond ze in de registraties (5 lesweken elk minstens de helft afwezig); "
            "bevestig of wijs af op de pagina Kwartaal.")


def build_quarterly_pdf(data: QuarterlyList, out: Path, *, printed: date, logo: str | None = None) -> None:
    w = content_width(wide=True)
    who = "met naam (op verzoek)" if data.names else "met initialen en SWV/OT-nummer"
    period = (f"Alle trajecten vanaf {_day(data.since)} t/m {_day(data.reference)}" if data.since else
              f"Kwartaal {_day(data.quarter_start)} t/m {_day(data.reference)}: de trajecten die op de peildatum "
              "lopen of in dit kwartaal zijn afgerond")
    brin = f" (BRIN {data.brin})" if data.brin else ""
    story: list[Flowable] = [p(
        f"{data.school}{brin}. {period}. Leerlingen {who}. Een voorstel van VerzuimDesk (uit de registraties) "
        "staat tussen haakjes waar het afwijkt van de vastgestelde categorie of startdatum.", "small")]
    if data.proposals:
        story.append(p(proposals_note(data), "small"))
    if not data.rows:
        story.append(empty("Geen leerlingen met zorgwekkend verzuim in deze periode."))
    else:
        rows: list[list[Any]] = [["Leerling", "OT-nummer", "Gr.", "Cat.", "Start", "Einde", "Hoofdoorzaak",
                                  "Interventie (verloop)", "Onderwijs (verloop)", "Wachtlijst",
                                  "Regiehouder, DUO-melding", "Afronding"]]
        for r in data.rows:
            rows.append(_pdf_row(r))
        story.append(table(rows, fitted_widths(rows, w)))  # no word split, the long texts get the room
        cases = [r for r in data.rows if not r.proposal]
        a = sum(1 for r in cases if r.category == "A")
        story.append(p(f"{len(cases)} leerlingen met een traject: {a} in categorie A, {len(cases) - a} in categorie "
                       f"B; {sum(1 for r in cases if r.end is None)} lopend. {data.proposals} voorstel(len), nog "
                       "niet bevestigd.", "small"))
    if data.dismissed:
        # The reasons stay with the school (the Kwartaal page shows them): free text, they named an illness
        # and a first name beside the initials of a list that goes to the SWV (found by a review).
        story.append(p(f"{len(data.dismissed)} voorstel(len) afgewezen door de school, met een reden die bij de "
                       "school ligt (niet op de lijst): " + "; ".join(r.pupil_label for r in data.dismissed) + ".",
                       "small"))
    build(out, Letterhead(data.school, _title(data), printed, logo=logo), story, wide=True)


def _pdf_row(r: QuarterlyRow) -> list[Any]:
    if r.proposal:
        return [r.pupil_label, r.ot_number or "–", r.group, f"{r.category} (voorstel)",
                f"{_day(r.start)} (voorstel)", "–", "–", f"{PROPOSAL}: {basis(r)}", "–", "–", "–", "–"]
    cat = r.category + (f" (voorstel {r.proposed_category})"
                        if r.proposed_category and r.proposed_category != r.category else "")
    start = _day(r.start) + (f" (voorstel {_day(r.proposed_start)})"
                             if r.proposed_start and r.proposed_start != r.start else "")
    duo = (f"DUO {_day(r.duo_report_date) if r.duo_report_date else 'datum onbekend'}, {r.duo_report_number or '–'}"
           if r.duo_report_date or r.duo_report_number else "")
    who = "; ".join(x for x in (r.regiehouder, duo) if x) or "–"
    waiting = f"{WAITING_LIST}: {r.waiting_list}" if r.waiting_list else "–"
    close = r.close_reason or (f"voorstel: afronden per {_day(r.proposed_end)} "
                               f"({r.proposed_close_reason or CLOSE_BACK})" if r.proposed_end else "–")
    return [r.pupil_label, r.ot_number or "–", r.group, cat, start, _day(r.end) if r.end else "loopt",
            r.main_cause or "–", _statuses(r, _day) or "–", _periods(r, _day) or "–", waiting, who, close]


def write_quarterly_xlsx(data: QuarterlyList, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook always has its one sheet
    ws.title = f"Kwartaalopgave {data.reference:%d-%m-%Y}"
    headers = [*SCHOOL_COLUMNS, *(h for h, _ in COLUMNS)]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in data.rows:
        xlsx_row(ws, [data.school, data.brin, *(value(r) for _, value in COLUMNS)])
    for col, header in enumerate(headers, start=1):
        letter = ws.cell(row=1, column=col).column_letter
        ws.column_dimensions[letter].width = max(12, min(45, len(header) + 2))
        for row in range(2, len(data.rows) + 2):
            cell = ws.cell(row=row, column=col)
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
    ws.freeze_panes = "A2"
    wb.save(str(out))


def write_quarterly_csv(data: QuarterlyList, out: Path) -> None:
    with out.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([*SCHOOL_COLUMNS, *(h for h, _ in COLUMNS)])
        for r in data.rows:
            w.writerow([csv_cell(v) for v in (data.school, data.brin, *(_csv_value(value(r)) for _, value in COLUMNS))])


def _csv_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return f"{v:%d-%m-%Y}"
    return str(v)
