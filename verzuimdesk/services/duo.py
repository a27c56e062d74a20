"""The DUO sheet's data (PROTOCOLS.md §1b): which reports, and their figures from the trigger each answers.

A pupil can owe several reports on one date, and one registered report can answer several actions (two
luxe episodes, a luxe episode and 16 hours): each is a report of its own in DUO with a sheet of its own.
`duo_reports` gives all of them, or the one of a rule and trigger date; `duo_choices` names them.

The figures come from `domain/duo_sheet.py`; the records listed are those of the leerplicht version of
the dossier (`dossier.for_recipient`, Recipient.LEERPLICHT): DUO passes the report on to leerplicht.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.disclosure import public_rule_text
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, LATE, LRV, LUXE, DuoSheet, duo_sheets
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.reports.data import AgreementRow, Dossier, DuoReport, Recipient, RecordRow
from verzuimdesk.services.dossier import for_recipient, load_dossier, pupil_id_of
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school

REPORT_TYPES = {
    "16uur": "Relatief verzuim: 16 uur ongeoorloofd verzuim binnen 4 lesweken",
    FOLLOW_UP: "Relatief verzuim: vervolgmelding, opnieuw 16 uur ongeoorloofd verzuim binnen 4 lesweken",
    LRV: "Langdurig relatief verzuim (langer dan 4 weken meer dan de helft van de lestijd)",
    LUXE: "Luxeverzuim",
    LATE: "Overig verzuim: te laat komen",
}


@dataclass(frozen=True, slots=True)
class DuoChoice:
    """One sheet that can be printed on a date: its rule and trigger date choose it (`export duo --regel
    --trigger`); `label` names it in Dutch, as the IB-er knows it."""

    rule_id: str
    trigger: date
    label: str


def duo_choices(db: Database, *, pupil_number: str, on: date) -> tuple[DuoChoice, ...]:
    """Every sheet of `on` (those `duo_reports` prints when none is chosen), in the same order."""
    return tuple(DuoChoice(s.rule_id, s.trigger, _label(s)) for s in _load(db, pupil_number, on, None, None).sheets)


def duo_reports(db: Database, *, pupil_number: str, on: date, rule_id: str | None = None,
                trigger: date | None = None) -> tuple[DuoReport, ...]:
    """The sheets of the pupil's reports made on `on` and those due at `on`, or else of the last report made
    before it; only of rule `rule_id` and trigger date `trigger` when given. None at all, or none of that
    rule and trigger, is refused, naming the sheets there are."""
    got = _load(db, pupil_number, on, rule_id, trigger)
    if not got.sheets:
        if rule_id is None and trigger is None:
            raise Refused(f"Voor leerling {pupil_number} staat op {on:%d-%m-%Y} geen DUO-melding open, "
                          "en er is er nog geen geregistreerd.")
        there = _load(db, pupil_number, on, None, None).sheets
        chosen = " en ".join(([f"regel {rule_id}"] if rule_id else [])
                             + ([f"aanleiding {format_date(trigger)}"] if trigger else []))
        said = f"Leerling {pupil_number} heeft op {format_date(on)} geen DUO-melding met {chosen}."
        if not there:
            raise Refused(f"{said} Er staat er geen open, en er is er nog geen geregistreerd.")
        raise Refused(f"{said} Wel:\n" + "\n".join(
            f"  regel {s.rule_id}, aanleiding {s.trigger.isoformat()}: {_label(s)}" for s in there))
    dossier = for_recipient(load_dossier(db, pupil_id=got.pupil_id, end=on), Recipient.LEERPLICHT)
    return tuple(_report(dossier, got.brin, got.protocol, s, on) for s in got.sheets)


def _label(sheet: DuoSheet) -> str:
    return label_of(REPORT_TYPES[sheet.kind], sheet.begin, sheet.end, sheet.report.day if sheet.report else None,
                    sheet.due, sheet.report.reference if sheet.report else "")


def report_label(r: DuoReport) -> str:
    return label_of(r.report_type, r.begin, r.end, r.reported_on, r.due, r.reference)


def label_of(report_type: str, begin: date, end: date | None, reported_on: date | None, due: date,
             reference: str = "") -> str:
    """'Luxeverzuim, ma 15 jun 2026 t/m di 16 jun 2026, gemeld op vr 19 jun 2026': the type of report, the
    dates its sheet gives and whether it was reported (with its number)."""
    if end == begin:
        span = format_date(begin)
    else:
        span = f"{format_date(begin)} t/m {format_date(end) if end else 'nog afwezig'}"
    state = f"gemeld op {format_date(reported_on)}" if reported_on else f"te melden uiterlijk {format_date(due)}"
    if reported_on and reference:
        state += f" (nummer {reference})"
    return f"{report_type}, {span}, {state}"


@dataclass(frozen=True, slots=True)
class _Loaded:
    pupil_id: int
    brin: str
    protocol: Protocol
    sheets: tuple[DuoSheet, ...]


def _load(db: Database, pupil_number: str, on: date, rule_id: str | None, trigger: date | None) -> _Loaded:
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        calendar = load_calendar(s)
        (data,) = load_pupil_data(s, until=on, pupil_ids=[pid])
    protocol = school_protocol(school.protocol, school.protocol_text)
    if rule_id is not None:  # 'luxe' is LUXE: an id typed by hand
        rule_id = next((r.id for r in protocol.rules if r.id.casefold() == rule_id.casefold()), rule_id)
    sheets = duo_sheets(Evaluator(data, calendar, protocol), on, rule_id, trigger)
    return _Loaded(pid, school.brin or "", protocol, sheets)


def _report(dossier: Dossier, brin: str, protocol: Protocol, sheet: DuoSheet, on: date) -> DuoReport:
    ids = set(sheet.record_ids)
    records: tuple[RecordRow, ...] = tuple(r for r in dossier.records if r.id in ids)
    last = sheet.end or on
    # a registered report is printed again as it was reported: the agreements made up to that day
    made = sheet.report.day if sheet.report else on
    agreements: tuple[tuple[date, AgreementRow], ...] = tuple(
        (c.held_at.date(), a) for c in dossier.conversations if sheet.begin <= c.held_at.date() <= made
        for a in c.agreements)
    rule = protocol.rule(sheet.rule_id)
    labels = {r.id: r.label for r in protocol.rules}
    # the sheet leaves the school: the rule's Dutch name, never its id ("" for a protocol without names)
    return DuoReport(
        dossier.school, brin, dossier.pupil, REPORT_TYPES[sheet.kind], rule.name,
        public_rule_text(rule.text, labels),
        sheet.begin, sheet.end, sheet.minutes / 60 if sheet.kind != LATE else 0, sheet.due,
        tuple(r for r in records if r.day <= last), agreements, legal=sheet.legal,
        count=sheet.count if sheet.kind == LATE else None,
        reported_on=sheet.report.day if sheet.report else None,
        reference=sheet.report.reference if sheet.report else "",
        previous_on=sheet.previous.day if sheet.previous else None,
        previous_reference=sheet.previous.reference if sheet.previous else "",
        rule_id=sheet.rule_id, trigger=sheet.trigger)
