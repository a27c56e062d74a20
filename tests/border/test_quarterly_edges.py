"""The SWV list's candidates on awkward data (PROTOCOLS.md §5): a pupil who was a candidate only on the
first schooldag of the quarter, through absence in the part of that lesweek before the quarter began."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import cli
from tests.domain.helpers import CAL, pupil, whole_days
from tests.reports.conftest import open_db, weekday_absences
from verzuimdesk.domain.candidates import candidate_at, period_candidate
from verzuimdesk.domain.measures import PupilMeasures
from verzuimdesk.domain.quarterly import quarter_start
from verzuimdesk.services.quarterly import quarterly_list
from verzuimdesk.storage.models import Pupil

# The quarter of 15 March 2026 starts on Tuesday 16 December 2025. A pupil absent every schooldag from
# Monday 17 November up to Monday 15 December and back on Tuesday 16 December is, on that Tuesday, still
# absent half of the lestijd of its lesweek (the Monday of two days): a candidate on a day of the quarter.
FIRST = quarter_start(date(2026, 3, 15))


def test_a_candidate_on_the_quarters_first_day_only_is_found() -> None:
    assert date(2025, 12, 16) == FIRST
    m = PupilMeasures(pupil(whole_days(date(2025, 11, 17), 21, "O")), CAL)
    assert candidate_at(m, FIRST) is not None and candidate_at(m, date(2025, 12, 17)) is None
    found = period_candidate(m, FIRST, date(2026, 3, 15))
    assert found is not None and found.day == FIRST and found.category == "A"
    assert found.start == date(2025, 11, 17)


def test_the_quarterly_list_names_that_candidate(school_db: Path, tmp_path: Path) -> None:
    csv = tmp_path / "long.csv"
    csv.write_text("leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
                   + weekday_absences("1004", "O", date(2025, 11, 17), date(2025, 12, 15)), encoding="utf-8")
    assert cli("import", "absences", "--db", school_db, csv) == 0
    db = open_db(school_db)
    rows = [r for r in quarterly_list(db, on=date(2026, 3, 15)).rows if r.number == "1004"]
    db.close()
    assert [(r.proposal, r.category, r.start) for r in rows] == [(True, "A", date(2025, 11, 17))]


def test_a_candidate_who_left_the_school_stays_on_the_list_of_the_quarter(school_db: Path, tmp_path: Path) -> None:
    csv = tmp_path / "long.csv"
    csv.write_text("leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
                   + weekday_absences("1004", "O", date(2025, 10, 20), date(2025, 11, 21)), encoding="utf-8")
    assert cli("import", "absences", "--db", school_db, csv) == 0
    db = open_db(school_db)
    with db.begin() as s:
        s.execute(Pupil.__table__.update().where(Pupil.number == "1004")
                  .values(enrolled_until=date(2025, 11, 28), birth_date=None))
    rows = [r for r in quarterly_list(db, on=date(2025, 12, 15)).rows if r.number == "1004"]
    db.close()
    assert [(r.proposal, r.category, r.start) for r in rows] == [(True, "A", date(2025, 10, 20))]
