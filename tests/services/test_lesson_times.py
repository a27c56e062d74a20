"""Lesson times typed on the settings page are judged by the rule the school file is judged by (issue 17)."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from verzuimdesk.domain.calendar import Span
from verzuimdesk.services.errors import InputRefused
from verzuimdesk.services.settings import parse_lesson_times

WEEK = ["08:30-12:00, 13:00-15:00", "08:30-12:00", "08:30-12:15", "", "08:30-12:00"]


def test_a_typed_week_becomes_the_timetable() -> None:
    table = parse_lesson_times(WEEK)
    assert table[0] == (Span(time(8, 30), time(12)), Span(time(13), time(15)))
    assert 3 not in table  # no lessons on thursday


def test_overlapping_times_are_refused_in_the_school_files_words(school_file: Path) -> None:
    from verzuimdesk.importers.schoolfile import parse_school_file

    with pytest.raises(InputRefused) as typed:
        parse_lesson_times(["08:30-12:00, 11:30-15:00", *WEEK[1:]])
    text = school_file.read_text(encoding="utf-8").replace('maandag   = ["08:30-12:00", "13:00-15:00"]',
                                                           'maandag   = ["08:30-12:00", "11:30-15:00"]')
    with pytest.raises(InputRefused) as from_file:
        parse_school_file(text)
    assert [p.reason for p in typed.value.problems] == ["maandag: tijdvakken 08:30-12:00 en 11:30-15:00 overlappen"]
    assert [p.reason for p in from_file.value.problems] == [
        "'lestijden.maandag': tijdvakken 08:30-12:00 en 11:30-15:00 overlappen"]
