"""The demo school's law stories (PROTOCOLS.md §1b): each case of the law on a pupil of its own, read
from the generated files, and the other pupils untouched by them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.demo.test_demo import AUTUMN, SPRING, calendar_of, werkdagen_between, window
from verzuimdesk.demo import DemoSchool, generate_demo
from verzuimdesk.domain.leerplicht import ARTICLES

STORIES = {"law_luxe", "law_not_leerplichtig", "law_vrijstelling", "law_no_birth_date"}


@pytest.fixture(scope="module", params=(AUTUMN, SPRING), ids=str)
def demo(request: pytest.FixtureRequest) -> tuple[DemoSchool, date]:
    return generate_demo(today=request.param), request.param


def _records(school: DemoSchool, nr: str) -> dict[date, dict[str, str]]:
    return {date.fromisoformat(r["datum"]): r for r in school.absences if r["leerlingnummer"] == nr}


def test_every_law_story_has_a_pupil_of_its_own(demo: tuple[DemoSchool, date]) -> None:
    school, _ = demo
    assert set(school.law_stories) == STORIES
    told = set(school.law_stories.values())
    assert len(told) == 4
    assert not told & set(school.patterns.values()) and not told & set(school.signal_stories.values())


def test_which_pupil_tells_a_law_story_does_not_depend_on_today() -> None:
    assert generate_demo(today=AUTUMN).law_stories == generate_demo(today=SPRING).law_stories


def test_luxe_is_one_episode_across_a_weekend_reported_to_duo(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    nr = school.law_stories["law_luxe"]
    luxe = sorted(d for d, r in _records(school, nr).items() if r["code"] == "X")
    friday, monday = luxe[-2:]
    assert (friday.weekday(), monday.weekday(), (monday - friday).days) == (4, 0, 3)
    assert friday >= window(cal, today, 4)
    reports = [e for e in school.events if e["leerlingnummer"] == nr and e["soort"] == "duo_report"]
    assert len(reports) == 1 and "luxeverzuim" in reports[0]["omschrijving"]
    assert werkdagen_between(cal, monday, date.fromisoformat(reports[0]["datum"])) == 2


def test_the_kleuter_is_not_yet_leerplichtig_and_was_kept_at_home(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    nr = school.law_stories["law_not_leerplichtig"]
    pupil = next(p for p in school.pupils if p["leerlingnummer"] == nr)
    born = date.fromisoformat(pupil["geboortedatum"])
    assert pupil["groep"].startswith("1-2") and date(born.year + 5, born.month, 1) > today  # 5 after this month
    kept_home = [r for r in _records(school, nr).values() if r["code"] == "O"]
    assert len(kept_home) == 4
    assert not [e for e in school.events if e["leerlingnummer"] == nr and e["soort"] == "duo_report"]


def test_the_vrijstelling_covers_today_and_its_pupil_is_not_registered_absent(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    nr = school.law_stories["law_vrijstelling"]
    (e,) = school.exemptions
    start, end = date.fromisoformat(e["van"]), date.fromisoformat(e["tot"])
    assert e["leerlingnummer"] == nr and e["artikel"] in ARTICLES and e["notitie"]
    assert start < today < end
    assert not [d for d in _records(school, nr) if d >= start]  # away, not absent


def test_the_birth_date_is_left_out_of_one_pupil_only(demo: tuple[DemoSchool, date]) -> None:
    school, _ = demo
    assert [p["leerlingnummer"] for p in school.pupils if not p["geboortedatum"]] == [
        school.law_stories["law_no_birth_date"]]
