"""The bulk loader's own way of making absence records gives the records the dataclass gives."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, time

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.records import AbsenceRecord
from verzuimdesk.storage.loading import _record


def test_a_record_made_by_the_loader_equals_the_dataclass_one_field_by_field() -> None:
    values = (7, date(2026, 3, 2), "T", Category.LATE, time(8, 30), time(9, 15), 12, datetime(2026, 3, 2, 8, 5),
              "bus te laat", True)
    made, plain = _record(*values), AbsenceRecord(*values)
    assert made == plain
    assert hash(made) == hash(plain)
    assert [getattr(made, f.name) for f in fields(AbsenceRecord)] == list(values)


def test_the_loader_sets_every_field_the_dataclass_has() -> None:
    # a field added to AbsenceRecord and not to `_record` would be left unset: reading it would fail
    assert [f.name for f in fields(AbsenceRecord)] == list(AbsenceRecord.__slots__)
    assert _record.__code__.co_argcount == len(fields(AbsenceRecord))
