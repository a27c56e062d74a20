"""The law's limits on verlof (art. 11 and 13a Leerplichtwet) at their edges."""

from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL
from verzuimdesk.domain.verlof import Article, Assessment, Decision, Earlier, Problem, assess, can_decide


def _13a(start: date, end: date, *, earlier: tuple[Earlier, ...] = (), statement: bool = True,
         group: str = "5") -> Assessment:
    return assess(CAL, group=group, start=start, end=end, article=Article.ART13A, employer_statement=statement,
                  earlier=earlier)


def _11(start: date, end: date, *, earlier: tuple[Earlier, ...] = ()) -> Assessment:
    return assess(CAL, group="5", start=start, end=end, article=Article.ART11, employer_statement=False,
                  earlier=earlier)


def _problems(a: Assessment) -> set[Problem]:
    return {f.problem for f in a.findings}


def test_vakantieverlof_of_ten_schooldagen_is_grantable_and_the_eleventh_day_is_refused_by_law() -> None:
    ten = _13a(date(2026, 3, 2), date(2026, 3, 13))
    assert len(ten.days) == 10 and ten.grantable
    eleven = _13a(date(2026, 3, 2), date(2026, 3, 16))
    assert len(eleven.days) == 11
    assert _problems(eleven) == {Problem.TOO_LONG_13A} and eleven.refused_by_law
    assert "ten hoogste 10 schooldagen" in eleven.findings[0].text and "11 schooldagen" in eleven.findings[0].text


def test_only_schooldagen_count_so_a_vacation_inside_the_request_does_not_use_up_days() -> None:
    around_spring_break = _13a(date(2026, 2, 9), date(2026, 2, 27))
    assert len(around_spring_break.days) == 10 and around_spring_break.grantable
    # groep 1-2 has no lessons on Friday: the same dates hold fewer of its schooldagen
    assert len(_13a(date(2026, 3, 2), date(2026, 3, 16), group="1-2").days) == 9


def test_vakantieverlof_in_the_first_two_lesweken_is_refused_and_the_day_after_is_not() -> None:
    last_day = _13a(date(2025, 9, 5), date(2025, 9, 9))
    assert Problem.FIRST_WEEKS in _problems(last_day)
    assert "vr 5 sep 2025" in next(f.text for f in last_day.findings if f.problem is Problem.FIRST_WEEKS)
    assert _13a(date(2025, 9, 8), date(2025, 9, 12)).grantable


def test_a_second_vakantieverlof_in_a_school_year_is_refused_but_one_in_the_next_year_is_not_counted() -> None:
    first = Earlier(1, Article.ART13A, (date(2026, 3, 2), date(2026, 3, 3)))
    again = _13a(date(2026, 6, 1), date(2026, 6, 2), earlier=(first,))
    assert _problems(again) == {Problem.AGAIN_13A}
    assert "ma 2 mrt 2026" in again.findings[0].text
    last_year = Earlier(1, Article.ART13A, (date(2025, 3, 3),))
    assert _13a(date(2026, 6, 1), date(2026, 6, 2), earlier=(last_year,)).grantable
    # leave for gewichtige omstandigheden does not use up the once-a-year vakantieverlof
    other = Earlier(2, Article.ART11, (date(2026, 3, 2),))
    assert _13a(date(2026, 6, 1), date(2026, 6, 2), earlier=(other,)).grantable


def test_vakantieverlof_needs_the_employers_statement() -> None:
    a = _13a(date(2026, 3, 2), date(2026, 3, 3), statement=False)
    assert _problems(a) == {Problem.NO_STATEMENT} and a.refused_by_law
    assert "werkgeversverklaring" in a.findings[0].text


def test_gewichtige_omstandigheden_up_to_ten_days_a_year_the_directeur_decides_beyond_it_leerplicht() -> None:
    assert _11(date(2026, 3, 2), date(2026, 3, 13)).grantable
    eleven = _11(date(2026, 3, 2), date(2026, 3, 16))
    assert _problems(eleven) == {Problem.BEYOND_DIRECTEUR}
    assert eleven.needs_leerplicht and not eleven.refused_by_law
    # what was granted earlier that school year counts toward the ten
    six = Earlier(1, Article.ART11, tuple(CAL.schooldagen(date(2026, 1, 12), date(2026, 1, 19))))
    assert len(six.days) == 6
    assert _11(date(2026, 3, 2), date(2026, 3, 5), earlier=(six,)).grantable
    five_more = _11(date(2026, 3, 2), date(2026, 3, 6), earlier=(six,))
    assert five_more.needs_leerplicht and "al 6 schooldagen verleend" in five_more.findings[0].text


def test_a_request_without_schooldagen_or_with_its_dates_reversed_is_refused_with_the_reason() -> None:
    assert _problems(_13a(date(2025, 10, 13), date(2025, 10, 17))) == {Problem.NO_SCHOOLDAG}
    assert _problems(_13a(date(2026, 3, 5), date(2026, 3, 2))) == {Problem.DATES}


def test_the_directeur_grants_only_within_the_law_and_passes_beyond_ten_days_to_leerplicht() -> None:
    ok = _11(date(2026, 3, 2), date(2026, 3, 3))
    long = _11(date(2026, 3, 2), date(2026, 3, 16))
    refused = _13a(date(2026, 3, 2), date(2026, 3, 16))
    assert can_decide(Decision.PENDING, Decision.GRANTED, [ok], by_leerplicht=False) == ""
    assert "leerplichtambtenaar" in can_decide(Decision.PENDING, Decision.GRANTED, [long], by_leerplicht=False)
    assert can_decide(Decision.PENDING, Decision.LEERPLICHT, [long], by_leerplicht=False) == ""
    assert can_decide(Decision.LEERPLICHT, Decision.GRANTED, [long], by_leerplicht=False) == ""
    assert can_decide(Decision.PENDING, Decision.LEERPLICHT, [ok], by_leerplicht=False) != ""
    assert "ten hoogste 10" in can_decide(Decision.PENDING, Decision.GRANTED, [refused], by_leerplicht=True)
    # siblings: one child's problem stops the grant for the request
    assert can_decide(Decision.PENDING, Decision.GRANTED, [ok, refused], by_leerplicht=False) != ""
    assert can_decide(Decision.PENDING, Decision.REFUSED, [ok], by_leerplicht=False) == ""


def test_only_leerplicht_refuses_leave_beyond_the_directeurs_ten_days_and_the_directeur_the_rest() -> None:
    long = _11(date(2026, 3, 2), date(2026, 3, 16))
    six = Earlier(1, Article.ART11, tuple(CAL.schooldagen(date(2026, 1, 12), date(2026, 1, 19))))
    cumulative = _11(date(2026, 3, 2), date(2026, 3, 6), earlier=(six,))
    for a in (long, cumulative):
        why = can_decide(Decision.PENDING, Decision.REFUSED, [a], by_leerplicht=False)
        assert "weigert alleen de leerplichtambtenaar" in why and "art. 14 lid 3" in why
        assert can_decide(Decision.PENDING, Decision.REFUSED, [a], by_leerplicht=True) == ""
        assert can_decide(Decision.LEERPLICHT, Decision.REFUSED, [a], by_leerplicht=False) == ""
    ok = _11(date(2026, 3, 2), date(2026, 3, 3))
    assert "beslist de directeur" in can_decide(Decision.PENDING, Decision.REFUSED, [ok], by_leerplicht=True)
    assert "beslist de directeur" in can_decide(Decision.PENDING, Decision.GRANTED, [ok], by_leerplicht=True)


def test_a_request_made_after_its_first_day_is_said_but_refuses_nothing_by_itself() -> None:
    late = assess(CAL, group="5", start=date(2026, 3, 2), end=date(2026, 3, 3), article=Article.ART11,
                  employer_statement=False, requested_on=date(2026, 3, 4))
    assert _problems(late) == {Problem.ASKED_LATE} and "aangevraagd na de eerste verlofdag" in late.findings[0].text
    assert late.grantable and not late.refused_by_law and not late.needs_leerplicht
    assert can_decide(Decision.PENDING, Decision.GRANTED, [late], by_leerplicht=False) == ""
