"""The bulk insert of storage/bulk.py stores every value exactly as SQLAlchemy Core's insert does
(dates, times and moments as the same text, a bool as 0/1, a column's default where none is given),
skips a row whose span is there already, and counts what went in."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, cast

from sqlalchemy import Table, text

from verzuimdesk.storage import bulk
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence

COLUMNS = ("pupil_id", "day", "start", "end", "code_id", "minutes_late", "reported_at", "note", "created_at")
RAW = ("SELECT day, start, \"end\", code_id, minutes_late, reported_at, reported_by, note, created_at, created_by, "
       "topic, topic_review, version, typeof(day), typeof(start), typeof(reported_at), typeof(topic_review) "
       "FROM absence WHERE pupil_id = :p ORDER BY day, start")


def _rows(pupil: int, code: int) -> list[tuple[Any, ...]]:
    moment = datetime(2026, 1, 12, 7, 45)
    return [(pupil, date(2026, 1, 12), None, None, code, None, moment, "gebeld", datetime(2026, 1, 12, 9, 0, 5)),
            (pupil, date(2026, 1, 13), time(8, 30), time(10, 0), code, 15, None, "", moment),
            (pupil, date(2026, 1, 14), time(8, 30), time(10, 0, 0, 250), code, None, moment, "ß ☃", moment)]


def test_rows_are_stored_as_core_stores_them_and_a_span_there_already_is_skipped(demo: Database) -> None:
    table = cast(Table, Absence.__table__)
    with demo.begin() as s:
        s.execute(text("DELETE FROM absence WHERE pupil_id IN (1, 2)"))
        code = s.execute(text("SELECT min(id) FROM absence_code")).scalar_one()
        assert bulk._insert_core(s, table, COLUMNS, _rows(1, code)) == 3
        assert bulk.insert_new(s, table, COLUMNS, _rows(2, code)) == 3
        assert bulk.insert_new(s, table, COLUMNS, _rows(2, code)[1:]) == 0  # every span there already
    with demo.read() as s:
        core = s.execute(text(RAW), {"p": 1}).all()
        ours = s.execute(text(RAW), {"p": 2}).all()
    assert ours == core and len(ours) == 3


def test_a_moment_is_written_as_the_dialects_own_converter_writes_it(demo: Database) -> None:
    from datetime import UTC

    from sqlalchemy.dialects import sqlite

    dialect = demo.engine.dialect
    own = sqlite.DATETIME().bind_processor(dialect)
    assert own is not None
    quick = bulk._moment(own)
    for value in (datetime(2026, 1, 12, 7, 45), datetime(1, 1, 1), datetime(999, 12, 31, 23, 59, 59, 999999),
                  datetime(2026, 3, 1, 0, 0, 0, 5), datetime(2026, 1, 12, 7, 45, tzinfo=UTC),
                  date(2026, 1, 12), None):
        assert quick(value) == own(value), value
