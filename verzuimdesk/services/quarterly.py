"""The data of the SWV quarterly list (kwartaalopgave zorgwekkend verzuim, PROTOCOLS.md §5).

Rows come from the cases the IB-er keeps (CareCase with its status and share histories); next to the
confirmed category the engine's proposal from the records is given, so a case whose absence has
changed character shows it. Pupils are initials and OT number unless `names` is asked for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from verzuimdesk.domain.candidates import Candidate, close_proposal, period_candidate, week_monday
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import may_be_lrv_report
from verzuimdesk.domain.dutch import sort_key
from verzuimdesk.domain.halfweeks import CANDIDATE_CATEGORIES, HALF_WEEKS
from verzuimdesk.domain.leerplicht import Leerplicht, leerplicht_of
from verzuimdesk.domain.measures import UNAUTHORISED, PupilMeasures
from verzuimdesk.domain.quarterly import (
    CLOSE_BACK,
    CLOSE_LEFT,
    in_list,
    propose_category,
    quarter_start,
    reference_date,
    school_year_start,
)
from verzuimdesk.reports.data import CaseRow, PupilInfo, QuarterlyList, QuarterlyRow
from verzuimdesk.services.dossier import case_row
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, CareCase, CaseDismissal, Group, Pupil

# The 5 lesweken before a day of the quarter lie within this many days before its start (a kerst- or
# zomervakantie of up to 6 weeks between them included).
LOOK_BACK_DAYS = 7 * (HALF_WEEKS + 6)


def quarterly_list(db: Database, *, on: date, names: bool = False, since: date | None = None,
                   today: date | None = None) -> QuarterlyList:
    """The list for the quarter whose reference date is the first 15 Sep/Dec/Mar/Jun on or after `on`.

    Rows are the cases on the list (or, with `since`, every case open on or after that date), then the
    candidates of the quarter without a case, as proposals. Candidates and the proposal to close a case
    are looked for on every schooldag of the quarter (PROTOCOLS.md §5) that has been: up to the reference
    date, or up to `today` (or `on`, if later) while the quarter runs. `on` only chooses the quarter: the
    same quarter's list made on another day of it after its end is the same list.
    """
    ref = reference_date(on)
    until = min(ref, max(on, today or date.today()))
    first = quarter_start(ref)
    with db.read() as s:
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        q = (select(CareCase, Pupil, Group.name).join(Pupil, CareCase.pupil_id == Pupil.id).join(Group)
             .options(selectinload(CareCase.statuses), selectinload(CareCase.shares))
             .where(CareCase.start <= ref))
        cases = sorted(((case_row(c), _info(pu, group)) for c, pu, group in s.execute(q)),
                       key=lambda ci: (*_list_order(ci[1]), ci[0].start, ci[0].id))
        found = [(c, i) for c, i in cases
                 if (in_list(c.start, c.closed, ref) if since is None else c.closed is None or c.closed >= since)]
        if since is None:
            found = _one_per_pupil(found, ref)
        calendar = load_calendar(s)
        # A candidate on a day of the quarter has an absent day in each of 5 lesweken ending in the quarter:
        # only pupils with 5 such days in the 10 weeks before it, one of them in a lesweek of the quarter (its
        # first from its Monday on), are looked at (the cases' pupils all).
        absent = set(s.scalars(
            select(Absence.pupil_id).join(AbsenceCodeRow)
            .where(Absence.day >= first - timedelta(days=LOOK_BACK_DAYS), Absence.day <= until,
                   AbsenceCodeRow.category.in_([c.value for c in CANDIDATE_CATEGORIES]))
            .group_by(Absence.pupil_id)
            .having(func.count(Absence.day.distinct()) >= HALF_WEEKS, func.max(Absence.day) >= week_monday(first))))
        ids = sorted(absent | {i.id for _, i in found})
        data = {pd.id: pd for pd in load_pupil_data(s, until=ref, pupil_ids=ids)}
        infos = {pu.id: _info(pu, group) for pu, group in s.execute(
            select(Pupil, Group.name).join(Group).where(Pupil.id.in_(sorted(absent))))}
        dismissals = {(x.pupil_id, x.start): x.reason for x in s.scalars(select(CaseDismissal))}
    protocol = school_protocol(school.protocol, school.protocol_text)
    found = [(_with_report(c, Evaluator(data[i.id], calendar, protocol)), i) for c, i in found]
    measures = {pid: PupilMeasures(data[pid], calendar) for pid in ids}
    leerplicht = {pid: leerplicht_of(data[pid], calendar) for pid in ids}
    rows = [_row(case, info, measures[info.id], ref, until, names, leerplicht[info.id]) for case, info in found]
    proposals: list[QuarterlyRow] = []
    dismissed: list[QuarterlyRow] = []
    for pid in sorted(absent, key=lambda p: _list_order(infos[p])):
        cand = period_candidate(measures[pid], first, until, leerplicht[pid])
        if cand is None or any(c.closed is None or c.closed >= cand.start for c, i in cases if i.id == pid):
            continue
        reason = dismissals.get((pid, cand.start), "")
        (dismissed if reason else proposals).append(_proposal(cand, infos[pid], names, reason))
    return QuarterlyList(school.name, school.brin, ref, first, school_year_start(ref), names,
                         tuple(rows + proposals), tuple(dismissed), since)


def _one_per_pupil(found: list[tuple[CaseRow, PupilInfo]], ref: date) -> list[tuple[CaseRow, PupilInfo]]:
    """One row per pupil (PROTOCOLS.md §5): of a pupil with two cases on the list (one closed in the quarter,
    a new one since), the case open on the reference date, else the one that started last."""
    def rank(c: CaseRow) -> tuple[bool, date, int]:
        return c.closed is None or c.closed > ref, c.start, c.id

    best: dict[int, CaseRow] = {}
    for c, i in found:
        if i.id not in best or rank(c) > rank(best[i.id]):
            best[i.id] = c
    return [(c, i) for c, i in found if best[i.id] is c]


def _with_report(case: CaseRow, ev: Evaluator) -> CaseRow:
    """The case with its DUO report: the one typed in the Traject form, else the latest report registered in
    the dossier (Meldingen) dated from the case's start up to its end that can be its report of langdurig
    relatief verzuim (`may_be_lrv_report`: a 16-hour report made during the case is another report; a report
    made before the quarter began still counts while the case runs)."""
    if case.category != "A" or case.duo_report_date is not None:
        return case
    mine = [e for e in ev.events_of(ActionKind.DUO_REPORT, case.start, case.closed or date.max)
            if may_be_lrv_report(ev, e)]
    return replace(case, duo_report_date=mine[-1].day, duo_report_number=mine[-1].reference) if mine else case


def _list_order(info: PupilInfo) -> tuple[str, str]:
    return info.group, sort_key(info.first_name, info.prefix, info.last_name)


def _info(pu: Pupil, group: str) -> PupilInfo:
    return PupilInfo(pu.id, pu.number, pu.first_name, pu.prefix, pu.last_name, group, pu.birth_date, pu.ot_number,
                     pu.enrolled_from, pu.enrolled_until)


def missing_fields(row: QuarterlyRow) -> tuple[str, ...]:
    """What the SWV asks of a case that is still empty (a proposal has no fields yet)."""
    if row.proposal:
        return ()
    gaps = [name for name, value in (("SWV/OT-nummer", row.ot_number), ("hoofdoorzaak", row.main_cause),
                                     ("interventie", row.status), ("regiehouder", row.regiehouder)) if not value]
    if row.share is None:
        gaps.append("onderwijsdeelname")
    # DUO takes reports of leerplichtige pupils only (PROTOCOLS.md §1b): a pupil who was not leerplichtig on
    # any day of the case (a 4-year-old, a vrijstelling) is asked for none.
    if row.category == "A" and row.leerplichtig and row.duo_report_date is None:
        gaps.append("DUO-melding")
    elif row.category == "A" and row.leerplichtig and not row.duo_report_number:
        gaps.append("nummer van de DUO-melding")
    return tuple(gaps)


def _proposal(cand: Candidate, info: PupilInfo, names: bool, dismissed: str) -> QuarterlyRow:
    return QuarterlyRow(
        pupil_id=info.id, number=info.number, pupil_label=info.name if names else info.initials,
        ot_number=info.ot_number, group=info.group, category=cand.category, proposed_category=cand.category,
        start=cand.start, proposed_start=cand.start, end=None, main_cause="", status="", status_history=(),
        share=None, share_history=(), waiting_list="", close_reason="", proposal=True,
        weeks=tuple((w.monday, w.absent, w.lestijd) for w in cand.weeks), unauthorised=cand.unauthorised,
        dismissed=dismissed, outside_leerplicht=cand.outside)


def _row(case: CaseRow, info: PupilInfo, m: PupilMeasures, ref: date, until: date, names: bool,
         leerplicht: Leerplicht | None = None) -> QuarterlyRow:
    closed = case.closed if case.closed is not None and case.closed <= ref else None
    statuses = tuple((since, st) for since, st in case.statuses if since <= ref)
    # As the list stood on its reference date: a share that ended after it was still running then (the end
    # date of the quarter after is no date of this list).
    shares = tuple((since, end if end is None or end <= ref else None, sh) for since, end, sh in case.shares
                   if since <= ref)
    proposed, proposed_start = proposal(m, case.start, closed or ref, leerplicht)
    back = close_proposal(m, case.start, until) if closed is None else None
    end, reason = (back.end, CLOSE_BACK) if back else (None, "")
    if closed is None and info.enrolled_until is not None and info.enrolled_until <= until:
        # An open case of a pupil who left: "Leerling is van school uitgeschreven" per the uitschrijfdatum.
        end, reason = info.enrolled_until, CLOSE_LEFT
    reported = case.duo_report_date if case.duo_report_date is not None and case.duo_report_date <= ref else None
    row = QuarterlyRow(
        pupil_id=info.id,
        number=info.number,
        pupil_label=info.name if names else info.initials,
        ot_number=info.ot_number,
        group=info.group,
        category=case.category,
        proposed_category=proposed,
        start=case.start,
        proposed_start=proposed_start,
        end=closed,
        main_cause=case.main_cause,
        status=statuses[-1][1] if statuses else "",
        status_history=statuses,
        share=shares[-1][2] if shares else None,
        share_history=shares,
        waiting_list=case.waiting_list,
        close_reason=case.close_reason if closed else "",
        regiehouder=case.regiehouder,
        # a DUO report made after the reference date is no part of this list either
        duo_report_date=reported,
        duo_report_number=case.duo_report_number if reported is not None or case.duo_report_date is None else "",
        proposed_end=end,
        proposed_close_reason=reason,
        leerplichtig=leerplicht is None or bool(leerplicht.periods(case.start, closed or until)),
    )
    return replace(row, missing=missing_fields(row))


def proposal(m: PupilMeasures, case_start: date, t: date,
             leerplicht: Leerplicht | None = None) -> tuple[str | None, date | None]:
    """The engine's category and start date for a case: from the absence run at `t` when the pupil is
    absent whole days, else from the absence since the case start (a pupil back part-time, as in B). With
    the pupil's `leerplicht`, unauthorised absence on a day the pupil was not leerplichtig is no A."""
    days = m.g.days
    run = m.current_run(t)
    if run is not None:
        first, last = days[run[0]], days[run[1]]
        start: date | None = first
    else:
        first, last = case_start, t
        # The start of the absence is the first day of the run that holds the case start or follows it.
        k = bisect_left(m.runs, (m.g.last_index(case_start), -1))
        k = k - 1 if k > 0 and m.runs[k - 1][1] >= m.g.last_index(case_start) else k
        start = days[m.runs[k][0]] if k < len(m.runs) and days[m.runs[k][0]] <= t else None
    records = [r for r in m.records if first <= r.day <= last]
    outside = {r.id for r in records if leerplicht is not None and r.category in UNAUTHORISED
               and not leerplicht.on(r.day)}
    minutes = [(r.category, m.minutes[r.id]) for r in records if r.id not in outside]
    return propose_category(minutes, outside=sum(m.minutes[i] for i in outside)), start


# The free texts of a case the SWV gets (Traject form): what a field is called on the list.
FREE_TEXTS = (("waiting_list", "Wachtlijst, namelijk"), ("regiehouder", "Regiehouder"))
WITHHELD = "niet opgenomen: noemt de gezondheid (blijft op school)"


@dataclass(frozen=True, slots=True)
class Withheld:
    """A free text left out of the list: whose (initials or name, as the list prints), which field, why."""

    pupil: str
    field: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.pupil}: {self.field} (noemt {', '.join(self.words)})"


def for_swv(data: QuarterlyList,
            health_words: Callable[[str], list[str]]) -> tuple[QuarterlyList, tuple[Withheld, ...]]:
    """The list as it leaves the school for the SWV, and what was left out of it.

    A free text of the case (the waiting list's "namelijk", the regiehouder) that names a health word is
    left out, as the leerplicht dossier and the DUO sheet leave out a note about health (DESIGN.md: the
    school records *that* a pupil is ill, never *what* the illness is): the cell says it is not included,
    and each left-out field is named, 'Z.v.d.B.: Wachtlijst, namelijk (noemt kliniek, eetstoornissen)'."""
    rows: list[QuarterlyRow] = []
    withheld: list[Withheld] = []
    for r in data.rows:
        texts = {"waiting_list": r.waiting_list, "regiehouder": r.regiehouder}
        for attr, label in FREE_TEXTS:
            words = health_words(texts[attr])
            if words:
                texts[attr] = WITHHELD
                withheld.append(Withheld(r.pupil_label, label, tuple(words)))
        rows.append(replace(r, waiting_list=texts["waiting_list"], regiehouder=texts["regiehouder"]))
    return replace(data, rows=tuple(rows)), tuple(withheld)


REMINDER_DAYS = 28  # the overview reminds of the list from four weeks before each reference date


@dataclass(frozen=True, slots=True)
class QuarterlyReminder:
    """'Kwartaalopgave 15 dec: 3 leerlingen, 2 nog te bevestigen, 4 velden leeg' for the overview."""

    reference: date
    pupils: int
    unconfirmed: int
    missing: int


def quarterly_reminder(db: Database, *, on: date, sees_group: Callable[[str], bool]) -> QuarterlyReminder | None:
    """The coming list's figures from four weeks before its reference date on, for the groups one sees;
    None earlier."""
    ref = reference_date(on)
    if (ref - on).days > REMINDER_DAYS:
        return None
    rows = [r for r in quarterly_list(db, on=on, today=on).rows if sees_group(r.group)]
    return QuarterlyReminder(ref, len({r.pupil_id for r in rows}), sum(1 for r in rows if r.proposal),
                             sum(len(r.missing) for r in rows))
