from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL


def test_a_term_of_schooldagen_skips_weekend_and_studiedag() -> None:
    # Thursday 13 Nov; Friday 14 Nov is a studiedag.
    assert CAL.add_schooldagen(date(2025, 11, 13), 1) == date(2025, 11, 17)
    assert CAL.add_schooldagen(date(2025, 11, 13), 0) == date(2025, 11, 13)


def test_a_term_of_schooldagen_skips_a_vacation() -> None:
    assert CAL.add_schooldagen(date(2025, 10, 10), 1) == date(2025, 10, 20)


def test_werkdagen_count_vacation_days_but_not_feestdagen() -> None:
    assert CAL.add_werkdagen(date(2025, 10, 10), 5) == date(2025, 10, 17)
    # Thursday 2 Apr 2026: Good Friday is no feestdag here, Easter Monday 6 Apr is.
    assert CAL.add_werkdagen(date(2026, 4, 2), 2) == date(2026, 4, 7)


def test_window_of_four_lesweken_reaches_past_a_vacation_week() -> None:
    # The herfstvakantie week (13 Oct) is no lesweek, so the window starts on 22 Sep, not 29 Sep.
    assert CAL.lesweek_window(date(2025, 10, 20), 4) == (date(2025, 9, 22), date(2025, 10, 20))


def test_window_at_a_peildatum_in_a_vacation_is_the_lesweken_before_it() -> None:
    assert CAL.lesweek_window(date(2025, 10, 15), 4) == (date(2025, 9, 15), date(2025, 10, 15))


def test_a_group_with_free_fridays_has_no_schooldag_on_friday() -> None:
    assert CAL.is_schooldag(date(2025, 9, 5))
    assert not CAL.is_schooldag(date(2025, 9, 5), "1-2")
    assert CAL.add_schooldagen(date(2025, 9, 4), 1, "1-2") == date(2025, 9, 8)
    assert CAL.lestijd_minutes("1-2", date(2025, 9, 1)) == 210


def test_wednesday_has_three_and_three_quarter_hours() -> None:
    assert CAL.lestijd_minutes("5", date(2025, 9, 3)) == 225
