from __future__ import annotations

from datetime import date, time

import pytest

from tests.conftest import DATA
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.importers.schoolfile import parse_school_file

EXAMPLE = (DATA / "school.toml").read_text(encoding="utf-8")


def refused(text: str) -> str:
    with pytest.raises(InputRefused) as info:
        parse_school_file(text, "school.toml")
    return str(info.value)


def test_example_of_interfaces_reads_whole() -> None:
    s = parse_school_file(EXAMPLE)
    assert (s.name, s.brin, s.protocol) == ("OBS De Klimop", "12AB", "hoeksche-waard-po")
    assert (s.school_year.start, s.school_year.end) == (date(2025, 8, 25), date(2026, 7, 10))
    assert [str(sp) for sp in s.timetable[0]] == ["08:30-12:00", "13:00-15:00"]
    assert s.timetable[2][0].end == time(12, 15)
    assert [str(sp) for sp in s.group_timetables["1-2"][4]] == ["08:30-12:00"]
    assert s.studiedagen == (date(2025, 11, 14),)
    assert s.feestdagen == (date(2026, 4, 6),)
    assert [(v.name, v.start, v.end) for v in s.vacations] == [
        ("Herfstvakantie", date(2025, 10, 11), date(2025, 10, 19))
    ]


def test_unknown_key_is_refused_by_name() -> None:
    msg = refused(EXAMPLE.replace('brin = "12AB"', 'brin = "12AB"\nkleur = "rood"'))
    assert "'school.kleur': onbekende sleutel" in msg


def test_unknown_top_level_table_is_refused() -> None:
    assert "'lessen': onbekende sleutel" in refused(EXAMPLE + "\n[lessen]\nx = 1\n")


def test_misspelled_weekday_is_refused() -> None:
    msg = refused(EXAMPLE.replace("donderdag = [", "dondrdag = ["))
    assert "lestijden.dondrdag" in msg and "onbekende weekdag" in msg


def test_school_year_ending_before_start_is_refused() -> None:
    assert "'schooljaar.eind': ligt niet na schooljaar.start" in refused(EXAMPLE.replace("eind = 2026-07-10", "eind = 2025-07-10"))


def test_overlapping_spans_are_refused() -> None:
    msg = refused(EXAMPLE.replace('maandag   = ["08:30-12:00", "13:00-15:00"]', 'maandag   = ["08:30-12:00", "11:00-15:00"]'))
    assert "'lestijden.maandag': tijdvakken 08:30-12:00 en 11:00-15:00 overlappen" in msg


def test_span_ending_before_it_starts_is_refused() -> None:
    assert "eindigt niet na het begin" in refused(EXAMPLE.replace('"13:00-15:00"]\ndinsdag', '"15:00-13:00"]\ndinsdag', 1))


def test_overlapping_vacations_are_refused() -> None:
    extra = '\n[[vakantie]]\nnaam = "Extra"\nstart = 2025-10-18\neind = 2025-10-22\n'
    assert "vakantie 'Extra'" in refused(EXAMPLE + extra) and "overlapt" in refused(EXAMPLE + extra)


def test_vacation_ending_before_start_is_refused() -> None:
    assert "vakantie 'Herfstvakantie'.eind': ligt voor de start" in refused(EXAMPLE.replace("eind = 2025-10-19", "eind = 2025-10-01"))


def test_quoted_date_is_refused_with_a_hint() -> None:
    assert "schrijf JJJJ-MM-DD zonder aanhalingstekens" in refused(EXAMPLE.replace("start = 2025-08-25", 'start = "2025-08-25"'))


def test_studiedag_outside_school_year_is_refused() -> None:
    assert "2024-11-14 ligt buiten het schooljaar" in refused(EXAMPLE.replace("studiedagen = [2025-11-14]", "studiedagen = [2024-11-14]"))


def test_broken_toml_is_refused_not_a_traceback() -> None:
    assert "geen geldig TOML-bestand" in refused("[school\nnaam = ")


def test_every_problem_is_listed_at_once() -> None:
    text = EXAMPLE.replace("dondrdag", "x").replace("donderdag = [", "dondrdag = [").replace('brin = "12AB"', 'brin = 5')
    msg = refused(text)
    assert "school.brin" in msg and "lestijden.dondrdag" in msg


def example() -> str:
    return (DATA / "school.toml").read_text(encoding="utf-8")


def test_a_file_naming_no_feestdagen_gets_the_dutch_public_holidays() -> None:
    text = example().replace("feestdagen = [2026-04-06]", "")
    s = parse_school_file(text)
    # Tweede Paasdag, Koningsdag, Hemelvaart, Tweede Pinksterdag on weekdays outside the vacations
    assert {date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 14), date(2026, 5, 25)} <= set(s.feestdagen)
    assert date(2026, 4, 3) not in s.feestdagen  # Goede Vrijdag is no day off for schools
    assert s.notes and "Feestdagen ingevuld" in s.notes[0] and "2026-04-27 (Koningsdag)" in s.notes[0]


def test_a_weekday_holiday_left_out_is_accepted_with_a_dutch_warning_naming_it() -> None:
    s = parse_school_file(example())
    assert s.feestdagen == (date(2026, 4, 6),)  # the file's own list is kept
    (note,) = s.notes
    assert "2026-04-27 (Koningsdag)" in note and "2026-05-14 (Hemelvaartsdag)" in note
    assert "2026-04-06" not in note and "als schooldag" in note


def test_holidays_in_a_vacation_or_listed_give_no_warning() -> None:
    text = example().replace("feestdagen = [2026-04-06]",
                             "feestdagen = [2025-12-25, 2025-12-26, 2026-04-06, 2026-04-27, 2026-05-14, 2026-05-25]")
    assert parse_school_file(text).notes == ()


def test_a_holiday_in_a_vacation_is_filled_in_or_warned_about_as_no_werkdag() -> None:
    # A review saw a LUXE report due on Tweede Kerstdag: the kerstvakantie's feestdagen were not in the file,
    # and the 5 werkdagen of a legal report count vacation days.
    text = example()
    vacation = ('[[vakantie]]\nnaam = "Kerstvakantie"\nstart = 2025-12-20\neind = 2026-01-04\n\n')
    assert "2025-12-20" not in text
    with_christmas = text.replace("[[vakantie]]", vacation + "[[vakantie]]", 1)
    notes = " ".join(parse_school_file(with_christmas).notes)
    assert "2025-12-25 (Eerste Kerstdag), 2025-12-26 (Tweede Kerstdag), 2026-01-01 (Nieuwjaarsdag) vallen in een " \
           "vakantie" in notes and "als werkdag" in notes
    filled = parse_school_file(with_christmas.replace("feestdagen = [2026-04-06]", ""))
    assert {date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)} <= set(filled.feestdagen)
