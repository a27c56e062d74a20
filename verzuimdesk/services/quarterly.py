"""The data of the SWV quarterly list (kwartaalopgave zorgwekkend verzuim, PROTOCOLS.md §5).

Rows come from the cases the IB-er keeps (CareCase with its status and share histories); next to the
confirmed category the engine's proposal from the records is given, so a case whose absence has
changed character shows it. Pupils are initials and OT number unless `names` is asked for.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.measures import PupilMeasures
from verzuimdesk.domain.quarterly import (
    in_list,
    propose_category,
    quarter_start,
    reference_date,
    school_year_start,
)
from verzuimdesk.domain.records import PupilData
from verzuimdesk.reports.data import CaseRow, PupilInfo, QuarterlyList, QuarterlyRow
from verzuimdesk.services.dossier import case_row
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school
from verzuimdesk.storage.models import CareCase, Group, Pupil


def quarterly_list(db: Database, *, on: date, names: bool = False) -> QuarterlyList:
    """The list for the quarter whose reference date is the first 15 Sep/Dec/Mar/Jun on or after `on`."""
    ref = reference_date(on)
    with db.read() as s:
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        q = (select(CareCase, Pupil, Group.name).join(Pupil, CareCase.pupil_id == Pupil.id).join(Group)
             .options(selectinload(CareCase.statuses), selectinload(CareCase.shares))
             .where(CareCase.start <= ref).order_by(Group.name, Pupil.last_name, Pupil.first_name, CareCase.start))
        found = [(case_row(c), _info(pu, group)) for c, pu, group in s.execute(q) if in_list(c.start, c.closed, ref)]
        calendar = load_calendar(s)
        data = {pd.id: pd for pd in load_pupil_data(s, until=ref, pupil_ids=sorted({i.id for _, i in found}))}
    rows = tuple(_row(case, info, data[info.id], calendar, ref, names) for case, info in found)
    return QuarterlyList(school.name, school.brin, ref, quarter_start(ref), school_year_start(ref), names, rows)


def _info(pu: Pupil, group: str) -> PupilInfo:
    return PupilInfo(pu.id, pu.number, pu.first_name, pu.prefix, pu.last_name, group, pu.birth_date, pu.ot_number,
                     pu.enrolled_from, pu.enrolled_until)


def _row(case: CaseRow, info: PupilInfo, pupil: PupilData, calendar: SchoolCalendar, ref: date,
         names: bool) -> QuarterlyRow:
    closed = case.closed if case.closed is not None and case.closed <= ref else None
    statuses = tuple((since, st) for since, st in case.statuses if since <= ref)
    shares = tuple((since, sh) for since, sh in case.shares if since <= ref)
    proposed, proposed_start = proposal(pupil, calendar, case.start, closed or ref)
    return QuarterlyRow(
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
        share=shares[-1][1] if shares else None,
        share_history=shares,
        waiting_list=case.waiting_list,
        close_reason=case.close_reason if closed else "",
    )


def proposal(pupil: PupilData, calendar: SchoolCalendar, case_start: date, t: date) -> tuple[str | None, date | None]:
    """The engine's category and start date for a case: from the absence run at `t` when the pupil is
    absent whole days, else from the absence since the case start (a pupil back part-time, as in B)."""
    m = PupilMeasures(pupil, calendar)
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
    minutes = [(r.category, m.minutes[r.id]) for r in m.records if first <= r.day <= last]
    return propose_category(minutes), start
