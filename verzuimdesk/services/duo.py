"""The DUO sheet's data (PROTOCOLS.md §1b): which reports, and their figures from the trigger each answers.

A pupil can owe several reports on one date, and one registered report can answer several actions (two
luxe episodes, a luxe episode and 16 hours): each is a report of its own in DUO with a sheet of its own.
`duo_reports` gives all of them, or the one of a rule and trigger date; `duo_choices` names them.

The figures come from `domain/duo_sheet.py`; the records listed are those of the leerplicht version of
the dossier (`dossier.for_recipient`, Recipient.LEERPLICHT): DUO passes the report on to leerplicht.
A registered report prints the sheets kept when it was registered (services/duo_kept.py), whatever was
entered or corrected since, and says what the records of now give otherwise; a report registered before
sheets were kept prints from the records of now, and says that too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.disclosure import Topic, public_rule_text
from verzuimdesk.domain.duo_sheet import (
    FOLLOW_UP,
    LATE,
    LRV,
    LUXE,
    DuoSheet,
    duo_sheets,
    once_per_action,
    report_sheets,
)
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import Event
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.reports.data import AgreementRow, Dossier, DuoReport, Recipient, RecordRow
from verzuimdesk.services.dossier import for_recipient, load_dossier, pupil_id_of
from verzuimdesk.services.duo_kept import KeptRecord, KeptSheet, differences, kept_of, rows_of
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


REPORT_TYPES_SHORT = {REPORT_TYPES["16uur"]: "16 uur", REPORT_TYPES[FOLLOW_UP]: "vervolgmelding 16 uur",
                      REPORT_TYPES[LRV]: "langdurig relatief verzuim", REPORT_TYPES[LUXE]: "luxeverzuim",
                      REPORT_TYPES[LATE]: "te laat komen"}


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
                          f"{_none_registered(got.reports)}.")
        there = _load(db, pupil_number, on, None, None).sheets
        chosen = " en ".join(([f"regel {rule_id}"] if rule_id else [])
                             + ([f"aanleiding {format_date(trigger)}"] if trigger else []))
        said = f"Leerling {pupil_number} heeft op {format_date(on)} geen DUO-melding met {chosen}."
        if not there:
            raise Refused(f"{said} Er staat er geen open, {_none_registered(got.reports)}.")
        raise Refused(f"{said} Wel:\n" + "\n".join(
            f"  regel {s.rule_id}, aanleiding {s.trigger.isoformat()}: {_label(s)}" for s in there))
    dossier = for_recipient(load_dossier(db, pupil_id=got.pupil_id, end=on), Recipient.LEERPLICHT)
    return tuple(_report(dossier, got.brin, got.protocol, s, on) for s in got.sheets)


def _none_registered(reports: tuple[Event, ...]) -> str:
    """Why no registered report gives a sheet: there is none, or the last one answers no trigger on the records
    of now and kept nothing of its own day (registered before this version, or when it answered none)."""
    if not reports:
        return "en er is er nog geen geregistreerd"
    last = reports[-1]
    ref = f" (nummer {last.reference})" if last.reference else ""
    return (f"en de laatste geregistreerde melding, van {format_date(last.day)}{ref}, beantwoordt op de registraties "
            "van nu geen aanleiding; van die melding zijn geen gegevens bewaard om opnieuw af te drukken")


def _label(sheet: _Sheet) -> str:
    return label_of(REPORT_TYPES[sheet.kind], sheet.begin, sheet.end, sheet.report.day if sheet.report else None,
                    sheet.due, sheet.report.reference if sheet.report else "") + _state(sheet.computed, sheet.changes)


def report_label(r: DuoReport) -> str:
    return label_of(r.report_type, r.begin, r.end, r.reported_on, r.due, r.reference) + _state(
        r.computed and r.reported_on is not None, r.changes)


def report_notice(r: DuoReport) -> str:
    """What the user must not miss of a reprint, in Dutch ("" when nothing): it differs from the records of
    now, or it could not be printed as it was reported."""
    if r.reported_on is None:
        return ""
    name = f"de melding van {format_date(r.reported_on)} ({REPORT_TYPES_SHORT.get(r.report_type, r.report_type)})"
    if r.computed:
        return (f"De afdruk van {name} is berekend uit de registraties van nu: de gegevens van de dag van de "
                "melding zijn niet bewaard.")
    if r.changes:
        return (f"Let op: sinds {name} zijn de registraties gewijzigd ({'; '.join(r.changes)}). De afdruk "
                "geeft wat gemeld is; ga na of de melding in DUO gecorrigeerd moet worden.")
    return ""


def _state(computed: bool, changes: tuple[str, ...]) -> str:
    if computed:
        return " (berekend uit de registraties van nu)"
    return " (sinds de melding gewijzigd)" if changes else ""


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
class _Sheet:
    """One sheet to print: a registered report's as kept on its day (`computed` False), or computed from the
    records of now (an open report, or a registered one that kept nothing); `changes` says in Dutch what the
    records of now give otherwise than the kept sheet."""

    rule_id: str
    trigger: date
    kind: str
    begin: date
    end: date | None
    minutes: int
    count: int
    due: date
    legal: bool
    report: Event | None
    previous_on: date | None
    previous_reference: str
    records: tuple[KeptRecord, ...]
    computed: bool
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Loaded:
    pupil_id: int
    brin: str
    protocol: Protocol
    sheets: tuple[_Sheet, ...]
    reports: tuple[Event, ...]  # the DUO reports registered up to the date


def _load(db: Database, pupil_number: str, on: date, rule_id: str | None, trigger: date | None) -> _Loaded:
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        calendar = load_calendar(s)
        (data,) = load_pupil_data(s, until=on, pupil_ids=[pid])
        kept = kept_of(s, pid)
    protocol = school_protocol(school.protocol, school.protocol_text)
    if rule_id is not None:  # 'luxe' is LUXE: an id typed by hand
        rule_id = next((r.id for r in protocol.rules if r.id.casefold() == rule_id.casefold()), rule_id)
    ev = Evaluator(data, calendar, protocol)
    reports = ev.events_of(ActionKind.DUO_REPORT, date.min, on)
    return _Loaded(pid, school.brin or "", protocol, _sheets(ev, kept, reports, on, rule_id, trigger), reports)


def _sheets(ev: Evaluator, kept: dict[int, tuple[KeptSheet, ...]], reports: tuple[Event, ...], on: date,
            rule_id: str | None, trigger: date | None) -> tuple[_Sheet, ...]:
    """As `duo_sheets` chooses them (those of the reports registered on `on`, then the open ones, or else those of
    the last report before it), but a registered report prints the sheets it kept, each beside what the records
    of now give: also when on those records it answers no trigger any more."""
    def wanted(rule: str, trig: date) -> bool:
        return rule_id in (None, rule) and trigger in (None, trig)

    def of(report: Event) -> list[_Sheet]:
        now = list(report_sheets(ev, report, on))
        if report.id not in kept:  # registered before this version, or it answered nothing on its day
            return [_computed(ev, s, on) for s in now if wanted(s.rule_id, s.trigger)]
        out = []
        for k in kept[report.id]:
            match = _partner(k, now)
            if match is not None:
                now.remove(match)
            if wanted(k.rule_id, k.trigger):
                out.append(_from_kept(k, report, differences(ev, k, match, on)))
        # an action it answers only on the records of now: computed, and said so
        out += [replace(_computed(ev, s, on), changes=(
                    "deze aanleiding hoorde niet bij de melding toen ze geregistreerd werd; op de registraties van "
                    "nu beantwoordt de melding haar wel",)) for s in now if wanted(s.rule_id, s.trigger)]
        return out

    found = [x for e in reports if e.day == on for x in of(e)]
    found.sort(key=lambda x: (x.trigger, x.rule_id))  # a first melding before its vervolgmelding
    found += [_computed(ev, s, on) for s in duo_sheets(ev, on, rule_id, trigger) if s.report is None]
    if not found:
        for e in reversed([e for e in reports if e.day < on]):
            found = of(e)
            if found:
                break
    return once_per_action(found)


def _partner(kept: KeptSheet, now: list[DuoSheet]) -> DuoSheet | None:
    """The sheet of now that is `kept`'s: of its rule and trigger, else (a record entered late or corrected
    moved the trigger) the first of its rule."""
    return (next((s for s in now if (s.rule_id, s.trigger) == (kept.rule_id, kept.trigger)), None)
            or next((s for s in now if s.rule_id == kept.rule_id), None))


def _computed(ev: Evaluator, s: DuoSheet, on: date) -> _Sheet:
    return _Sheet(s.rule_id, s.trigger, s.kind, s.begin, s.end, s.minutes, s.count, s.due, s.legal, s.report,
                  s.previous.day if s.previous else None, s.previous.reference if s.previous else "",
                  rows_of(ev, s, on), computed=True)


def _from_kept(k: KeptSheet, report: Event, changes: tuple[str, ...]) -> _Sheet:
    return _Sheet(k.rule_id, k.trigger, k.kind, k.begin, k.end, k.minutes, k.count, k.due, k.legal, report,
                  k.previous_on, k.previous_reference, k.records, computed=False, changes=changes)


def _report(dossier: Dossier, brin: str, protocol: Protocol, sheet: _Sheet, on: date) -> DuoReport:
    # the records as the sheet lists them (kept on the report's day, or of now), each with its note as the
    # leerplicht version of the dossier of now gives it: a record gone since has none
    now = {r.id: r for r in dossier.records}
    records = tuple(RecordRow(x.id, x.day, x.code, now[x.id].label if x.id in now else x.code, x.category, x.start,
                              x.end, x.minutes, x.minutes_late, now[x.id].note if x.id in now else "",
                              now[x.id].note_topic if x.id in now else Topic.VERZUIM)
                    for x in sheet.records)
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
        records, agreements, legal=sheet.legal,
        count=sheet.count if sheet.kind == LATE else None,
        reported_on=sheet.report.day if sheet.report else None,
        reference=sheet.report.reference if sheet.report else "",
        previous_on=sheet.previous_on, previous_reference=sheet.previous_reference,
        rule_id=sheet.rule_id, trigger=sheet.trigger,
        computed=sheet.computed and sheet.report is not None, changes=sheet.changes)
