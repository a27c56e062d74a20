"""The demo school generator: deterministic, realistic, in the documented formats, and showing each
stappenplan pattern at `today`. The checks count from the school files themselves, not from the
generator's helpers."""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from datetime import date, timedelta
from datetime import time as clock

import pytest

from verzuimdesk.demo import DemoSchool, generate_demo
from verzuimdesk.demo.calendar import easter, school_year
from verzuimdesk.domain.calendar import WEEKDAYS_NL, Period, SchoolCalendar, Span
from verzuimdesk.domain.codes import DEFAULT_CODES, ActionKind, Category, ConversationKind
from verzuimdesk.domain.quarterly import INTERVENTIONS, MAIN_CAUSES

AUTUMN = date(2026, 11, 23)
SPRING = date(2026, 3, 12)
TODAYS = (AUTUMN, SPRING)
CATEGORY = {c.code: c.category for c in DEFAULT_CODES}
PUPIL_COLUMNS = [
    "leerlingnummer", "voornaam", "tussenvoegsel", "achternaam", "geboortedatum",
    "groep", "inschrijfdatum", "uitschrijfdatum", "ot_nummer", "gezin",
]  # fmt: skip
ABSENCE_COLUMNS = ["leerlingnummer", "datum", "van", "tot", "code", "minuten_te_laat", "gemeld_op", "opmerking"]
EVENT_COLUMNS = ["leerlingnummer", "datum", "soort", "omschrijving"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@pytest.fixture(scope="module", params=TODAYS, ids=str)
def demo(request: pytest.FixtureRequest) -> tuple[DemoSchool, date]:
    return generate_demo(today=request.param), request.param


@pytest.fixture(scope="module")
def autumn() -> DemoSchool:
    return generate_demo(today=AUTUMN)


# -- an independent reading of the school files ------------------------------------------------------


def _tt(table: dict[str, list[str]]) -> dict[int, tuple[Span, ...]]:
    out = {}
    for day, spans in table.items():
        if day in WEEKDAYS_NL:
            out[WEEKDAYS_NL.index(day)] = tuple(
                Span(clock.fromisoformat(s[:5]), clock.fromisoformat(s[6:])) for s in spans
            )
    return out


def calendar_of(school: DemoSchool) -> SchoolCalendar:
    data = [tomllib.loads(t) for t in school.school_files]
    return SchoolCalendar(
        school_years=tuple(Period("jaar", d["schooljaar"]["start"], d["schooljaar"]["eind"]) for d in data),
        timetable=_tt(data[-1]["lestijden"]),
        group_timetables={g: _tt(t) for g, t in data[-1]["lestijden"]["groepen"].items()},
        vacations=tuple(Period(v["naam"], v["start"], v["eind"]) for d in data for v in d["vakantie"]),
        studiedagen=frozenset(x for d in data for x in d["kalender"]["studiedagen"]),
        feestdagen=frozenset(x for d in data for x in d["kalender"]["feestdagen"]),
    )


def minutes(cal: SchoolCalendar, group: str, r: dict[str, str]) -> int:
    day = date.fromisoformat(r["datum"])
    if not r["van"]:
        return cal.lestijd_minutes(group, day)
    lo, hi = clock.fromisoformat(r["van"]), clock.fromisoformat(r["tot"])
    return sum(s.overlap_minutes(lo, hi) for s in cal.lestijd_spans(group, day))


def window(cal: SchoolCalendar, day: date, n: int) -> date:
    weeks = [w for w in cal.lesweken if w <= cal.lesweek(day)]
    return date.fromisocalendar(*weeks[-n], 1)


def werkdagen_between(cal: SchoolCalendar, a: date, b: date) -> int:
    return sum(cal.is_werkdag(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))


def pupil_of(school: DemoSchool, pattern: str) -> tuple[dict[str, str], dict[date, dict[str, str]]]:
    nr = school.patterns[pattern]
    pupil = next(p for p in school.pupils if p["leerlingnummer"] == nr)
    records = {date.fromisoformat(r["datum"]): r for r in school.absences if r["leerlingnummer"] == nr}
    return pupil, records


def unauthorised_reached(cal: SchoolCalendar, group: str, records: dict[date, dict[str, str]]) -> date | None:
    """The first schooldag on which unauthorised minutes in its window of 4 lesweken reach 16 hours."""
    bad = {d: minutes(cal, group, r) for d, r in records.items() if CATEGORY[r["code"]] in _UNAUTHORISED}
    for day in sorted(bad):
        lo = window(cal, day, 4)
        if sum(m for d, m in bad.items() if lo <= d <= day) >= 960:
            return day
    return None


_UNAUTHORISED = {Category.UNAUTHORISED, Category.UNEXPLAINED}


# -- determinism and shape ----------------------------------------------------------------------------


def test_same_arguments_give_an_identical_school() -> None:
    assert generate_demo(today=AUTUMN) == generate_demo(today=AUTUMN)
    assert generate_demo(size=60, today=SPRING, seed=7) == generate_demo(size=60, today=SPRING, seed=7)


def test_another_seed_gives_other_pupils() -> None:
    a, b = generate_demo(today=AUTUMN), generate_demo(today=AUTUMN, seed=1)
    assert [p["voornaam"] for p in a.pupils] != [p["voornaam"] for p in b.pupils]


def test_which_pupil_shows_a_pattern_does_not_depend_on_today() -> None:
    assert generate_demo(today=AUTUMN).patterns == generate_demo(today=SPRING).patterns


@pytest.mark.parametrize("size", [16, 37, 200, 1000])
def test_size_is_respected_in_eight_groups_of_even_size(size: int) -> None:
    school = generate_demo(size=size, today=AUTUMN)
    counts = Counter(p["groep"] for p in school.pupils)
    assert len(school.pupils) == size
    assert sorted(counts) == sorted(["1-2A", "1-2B", "3", "4", "5", "6", "7", "8"])
    assert max(counts.values()) - min(counts.values()) <= 1
    assert len({p["leerlingnummer"] for p in school.pupils}) == size
    assert min(int(p["leerlingnummer"]) for p in school.pupils) == 1001


def test_a_school_too_small_for_the_patterns_is_refused() -> None:
    with pytest.raises(ValueError, match="size"):
        generate_demo(size=10, today=AUTUMN)


def test_ages_match_the_groups(autumn: DemoSchool) -> None:
    start = tomllib.loads(autumn.school_files[-1])["schooljaar"]["start"]
    for p in autumn.pupils:
        if not p["geboortedatum"]:
            assert p["leerlingnummer"] == autumn.law_stories["law_no_birth_date"]
            continue
        age = (start - date.fromisoformat(p["geboortedatum"])).days / 365.25
        low, high = (3.0, 6.1) if p["groep"].startswith("1-2") else (int(p["groep"]) + 2.9, int(p["groep"]) + 4.1)
        assert low <= age <= high, p


def test_names_have_tussenvoegsels_and_accents(autumn: DemoSchool) -> None:
    with_tussen = [p for p in autumn.pupils if p["tussenvoegsel"]]
    assert 0.2 <= len(with_tussen) / len(autumn.pupils) <= 0.4
    assert {"van", "de", "van der", "van den", "ter", "'t"} & {p["tussenvoegsel"] for p in with_tussen}
    names = {p["voornaam"] for p in autumn.pupils}
    assert any(not n.isascii() for n in names)


def test_siblings_share_surname_and_gezin(autumn: DemoSchool) -> None:
    families = defaultdict(list)
    for p in autumn.pupils:
        families[p["gezin"]].append(p)
    siblings = [f for f in families.values() if len(f) > 1]
    assert len(siblings) >= 10
    for f in siblings:
        assert len({(p["tussenvoegsel"], p["achternaam"]) for p in f}) == 1


def test_enrolment_has_newcomers_mid_year_and_one_leaver(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    current = cal.school_years[-1]
    enrolled = [date.fromisoformat(p["inschrijfdatum"]) for p in school.pupils]
    mid_year = [d for d in enrolled if current.start < d <= today]
    assert 1 <= len(mid_year) <= 2
    assert sum(d <= current.start for d in enrolled) == len(enrolled) - len(mid_year)
    left = [date.fromisoformat(p["uitschrijfdatum"]) for p in school.pupils if p["uitschrijfdatum"]]
    assert len(left) == 1 and current.start < left[0] <= today


# -- formats --------------------------------------------------------------------------------------------


def test_rows_have_exactly_the_csv_columns_in_their_formats(autumn: DemoSchool) -> None:
    for p in autumn.pupils:
        assert list(p) == PUPIL_COLUMNS
        assert DATE.match(p["inschrijfdatum"])
        # the law story of a missing birth date leaves it empty, as a LAS may (PROTOCOLS.md §1b)
        assert DATE.match(p["geboortedatum"]) or p["leerlingnummer"] == autumn.law_stories["law_no_birth_date"]
        assert p["uitschrijfdatum"] == "" or DATE.match(p["uitschrijfdatum"])
        assert p["ot_nummer"] == "" or re.match(r"^OT-\d{4}-\d{4}$", p["ot_nummer"])
    codes = {c.code for c in DEFAULT_CODES}
    for r in autumn.absences:
        assert list(r) == ABSENCE_COLUMNS and all(isinstance(v, str) for v in r.values())
        assert DATE.match(r["datum"]) and r["code"] in codes
        assert (r["van"] == r["tot"] == "") or (HHMM.match(r["van"]) and HHMM.match(r["tot"]) and r["van"] < r["tot"])
        assert (r["code"] == "T") == (r["minuten_te_laat"] != "")
        assert r["minuten_te_laat"] == "" or 5 <= int(r["minuten_te_laat"]) <= 20
        assert r["gemeld_op"] == "" or re.match(r"^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$", r["gemeld_op"])
    kinds = {k.value for k in ActionKind}
    for e in autumn.events:
        assert list(e) == EVENT_COLUMNS and DATE.match(e["datum"]) and e["soort"] in kinds and e["omschrijving"]
    for g in autumn.guardians:
        assert list(g) == ["leerlingnummer", "naam", "relatie", "telefoon", "email"]
        assert g["relatie"] in {"moeder", "vader", "verzorger"}
        if g["leerlingnummer"] == autumn.signal_stories["signal_missing_data"]:
            assert g["telefoon"] == g["email"] == ""  # the MISSING_DATA story: no way to reach them
        else:
            assert re.match(r"^06-\d{8}$", g["telefoon"]) and g["email"].endswith("@example.nl")
    assert {g["leerlingnummer"] for g in autumn.guardians} == {p["leerlingnummer"] for p in autumn.pupils}


def test_pupils_with_a_case_have_an_ot_number(autumn: DemoSchool) -> None:
    with_case = {c.leerlingnummer for c in autumn.cases}
    assert with_case == {p["leerlingnummer"] for p in autumn.pupils if p["ot_nummer"]}


def test_school_files_parse_and_use_only_documented_keys(demo: tuple[DemoSchool, date]) -> None:
    school, _ = demo
    assert len(school.school_files) == 2
    for text in school.school_files:
        data = tomllib.loads(text)
        assert set(data) == {"school", "schooljaar", "lestijden", "kalender", "vakantie"}
        assert data["school"] == {"naam": "OBS De Klimop", "brin": "12AB", "protocol": "hoeksche-waard-po"}
        assert set(data["schooljaar"]) == {"start", "eind"}
        assert set(data["lestijden"]) == {*WEEKDAYS_NL, "groepen"}
        assert set(data["lestijden"]["groepen"]) == {"1-2A", "1-2B"}
        assert all(set(t) <= set(WEEKDAYS_NL) for t in data["lestijden"]["groepen"].values())
        assert data["lestijden"]["groepen"]["1-2A"]["vrijdag"] == ["08:30-12:00"]
        assert data["lestijden"]["woensdag"] == ["08:30-12:15"]
        assert set(data["kalender"]) == {"studiedagen", "feestdagen"}
        assert all(set(v) == {"naam", "start", "eind"} for v in data["vakantie"])
        sj = data["schooljaar"]
        assert sj["start"].weekday() == 0 and sj["start"].month == 8 and sj["eind"].weekday() == 4
        assert 1 <= len(data["kalender"]["studiedagen"]) <= 2


@pytest.mark.parametrize(
    ("today", "starts"),
    [
        (AUTUMN, [date(2025, 8, 25), date(2026, 8, 24)]),
        (SPRING, [date(2024, 8, 26), date(2025, 8, 25)]),
        (date(2026, 7, 20), [date(2025, 8, 25), date(2026, 8, 24)]),  # summer vacation: the next year
    ],
)
def test_school_years_are_the_current_and_the_previous(today: date, starts: list[date]) -> None:
    school = generate_demo(size=16, today=today)
    assert [tomllib.loads(t)["schooljaar"]["start"] for t in school.school_files] == starts


def test_2025_2026_uses_the_published_zuid_dates() -> None:
    sy = school_year(2025)
    assert (sy.start, sy.eind) == (date(2025, 8, 25), date(2026, 7, 10))
    assert [(v.start, v.eind) for v in sy.vakanties] == [
        (date(2025, 10, 11), date(2025, 10, 19)),
        (date(2025, 12, 20), date(2026, 1, 4)),
        (date(2026, 2, 14), date(2026, 2, 22)),
        (date(2026, 4, 25), date(2026, 5, 3)),
    ]
    assert date(2026, 4, 6) in sy.feestdagen  # Tweede Paasdag
    assert date(2026, 5, 14) in sy.feestdagen and date(2026, 5, 15) in sy.studiedagen  # Hemelvaart + Friday


def test_easter_by_the_gregorian_algorithm() -> None:
    assert [easter(y) for y in (2024, 2025, 2026, 2027, 2038)] == [
        date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5), date(2027, 3, 28), date(2038, 4, 25),
    ]  # fmt: skip


# -- records ------------------------------------------------------------------------------------------


def test_every_absence_is_on_a_schooldag_of_the_group_within_enrolment(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    pupils = {p["leerlingnummer"]: p for p in school.pupils}
    for r in school.absences:
        p, day = pupils[r["leerlingnummer"]], date.fromisoformat(r["datum"])
        assert cal.is_schooldag(day, p["groep"]), r
        assert date.fromisoformat(p["inschrijfdatum"]) <= day <= today, r
        assert not p["uitschrijfdatum"] or day <= date.fromisoformat(p["uitschrijfdatum"]), r
        if r["van"]:
            assert minutes(cal, p["groep"], r) > 0, r


def test_at_most_one_record_per_pupil_per_day(demo: tuple[DemoSchool, date]) -> None:
    school, _ = demo
    keys = [(r["leerlingnummer"], r["datum"]) for r in school.absences]
    assert len(keys) == len(set(keys))


def test_the_background_is_ordinary(autumn: DemoSchool) -> None:
    special = set(autumn.patterns.values()) | set(autumn.signal_stories.values())
    background = [r for r in autumn.absences if r["leerlingnummer"] not in special]
    codes = Counter(r["code"] for r in background)
    assert codes["Z"] > codes["T"] > codes["V"] > 0 and codes["M"] > 0 and codes["E"] > 0
    assert codes["?"] == 0
    sick = [r for r in background if r["code"] == "Z" and r["gemeld_op"]]
    assert all(r["gemeld_op"].startswith(r["datum"]) for r in sick)
    assert any(r["gemeld_op"][11:] > "09:00" for r in sick)


def test_dossier_entries_are_dated_while_enrolled_and_not_after_today(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    pupils = {p["leerlingnummer"]: p for p in school.pupils}
    dated = [(c.leerlingnummer, c.day) for c in school.conversations]
    dated += [(e["leerlingnummer"], date.fromisoformat(e["datum"])) for e in school.events]
    for nr, day in dated:
        assert date.fromisoformat(pupils[nr]["inschrijfdatum"]) <= day <= today
    assert len(school.conversations) >= len(school.pupils) // 10
    assert all(isinstance(c.kind, ConversationKind) and c.summary and c.participants for c in school.conversations)


def test_conversations_never_name_a_diagnosis(autumn: DemoSchool) -> None:
    words = ("griep", "diagnose", "depressie", "angststoornis", "adhd", "autisme", "astma", "migraine", "koorts")
    texts = [c.summary for c in autumn.conversations] + [r["opmerking"] for r in autumn.absences]
    texts += [a.text for c in autumn.conversations for a in c.agreements]
    assert not [t for t in texts if any(w in t.lower() for w in words)]


# -- the patterns ---------------------------------------------------------------------------------------


def test_every_pattern_has_a_pupil(demo: tuple[DemoSchool, date]) -> None:
    school, _ = demo
    assert set(school.patterns) == {
        "repeated_sick", "unauthorised_reported", "unauthorised_open", "latecomer",
        "thuiszitter", "case_b", "unexplained",
    }  # fmt: skip
    assert len(set(school.patterns.values())) == 7


def test_default_demo_shows_the_patterns_on_the_documented_pupils() -> None:
    assert generate_demo(today=AUTUMN).patterns == {
        "case_b": "1059", "latecomer": "1022", "repeated_sick": "1128", "thuiszitter": "1027",
        "unauthorised_open": "1015", "unauthorised_reported": "1093", "unexplained": "1112",
    }  # fmt: skip


def test_repeated_sick_has_four_episodes_starting_in_the_last_12_lesweken(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    pupil, records = pupil_of(school, "repeated_sick")
    days = list(cal.schooldagen(cal.school_years[0].start, today, pupil["groep"]))
    sick = [d in records and CATEGORY[records[d]["code"]] == Category.SICK for d in days]
    starts = [d for i, d in enumerate(days) if sick[i] and (i == 0 or not sick[i - 1])]
    assert len([d for d in starts if d >= window(cal, today, 12)]) >= 4


def test_unauthorised_reported_reached_16_hours_weeks_ago_and_was_reported(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    pupil, records = pupil_of(school, "unauthorised_reported")
    reached = unauthorised_reached(cal, pupil["groep"], records)
    assert reached is not None
    assert 10 <= len(list(cal.schooldagen(reached, today))) <= 20
    reports = [
        e for e in school.events if e["leerlingnummer"] == pupil["leerlingnummer"] and e["soort"] == "duo_report"
    ]
    assert [werkdagen_between(cal, reached, date.fromisoformat(e["datum"])) for e in reports] == [2]
    assert "DUO" in reports[0]["omschrijving"]


def test_unauthorised_open_holds_16_hours_now_reached_7_to_8_werkdagen_ago(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    pupil, records = pupil_of(school, "unauthorised_open")
    lo = window(cal, today, 4)
    in_window = [minutes(cal, pupil["groep"], r) for d, r in records.items() if lo <= d and r["code"] in "OX?"]
    assert sum(in_window) >= 960
    reached = unauthorised_reached(cal, pupil["groep"], records)
    assert reached is not None and reached >= lo and 7 <= werkdagen_between(cal, reached, today) <= 8
    assert not [e for e in school.events if e["leerlingnummer"] == pupil["leerlingnummer"]]


def test_latecomer_has_nine_or_more_late_arrivals_this_school_year(demo: tuple[DemoSchool, date]) -> None:
    school, _ = demo
    cal = calendar_of(school)
    _, records = pupil_of(school, "latecomer")
    late = [d for d, r in records.items() if r["code"] == "T" and d >= cal.school_years[-1].start]
    assert len(late) >= 9


def test_thuiszitter_is_absent_every_schooldag_for_more_than_four_weeks(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    pupil, records = pupil_of(school, "thuiszitter")
    run = []
    for day in reversed(list(cal.schooldagen(cal.school_years[0].start, today, pupil["groep"]))):
        r = records.get(day)
        if r is None or r["van"] or CATEGORY[r["code"]] in (Category.PRESENT_ELSEWHERE, Category.LATE):
            break
        run.append(r["code"])
    assert len(run) > 20
    assert run.count("O") > len(run) / 2 and set(run) <= {"O", "?", "Z"}
    nr = pupil["leerlingnummer"]
    assert [c.category for c in school.cases if c.leerlingnummer == nr] == ["A"]
    assert [p.kind for p in school.plans if p.leerlingnummer == nr] == ["IHP"]
    assert "care_team" in {e["soort"] for e in school.events if e["leerlingnummer"] == nr}


def test_case_b_was_ill_for_weeks_and_now_attends_part_days(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    pupil, records = pupil_of(school, "case_b")
    days = list(cal.schooldagen(cal.school_years[0].start, today, pupil["groep"]))
    whole_sick = [d in records and records[d]["code"] == "Z" and not records[d]["van"] for d in days]
    longest = run = 0
    for flag in whole_sick:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    assert longest > 20
    assert all(records[d]["van"] and records[d]["code"] == "Z" for d in days[-5:])
    nr = pupil["leerlingnummer"]
    (case,) = [c for c in school.cases if c.leerlingnummer == nr]
    assert case.category == "B" and case.main_cause in MAIN_CAUSES["B"] and case.closed is None
    assert case.intervention in INTERVENTIONS  # Onderwijs Transparant's own words
    assert case.education_share in {0, 25, 50, 75, 100}
    assert [p.kind for p in school.plans if p.leerlingnummer == nr] == ["OPP"]
    assert "school_doctor" in {e["soort"] for e in school.events if e["leerlingnummer"] == nr}


def test_unexplained_is_a_question_mark_on_the_last_schooldag_before_today(demo: tuple[DemoSchool, date]) -> None:
    school, today = demo
    cal = calendar_of(school)
    pupil, records = pupil_of(school, "unexplained")
    last = [d for d in cal.schooldagen(cal.school_years[0].start, today, pupil["groep"]) if d < today][-1]
    assert records[last]["code"] == "?"


# -- size ------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_ten_thousand_pupils_work() -> None:
    # How fast the demo is made is the benchmarks' business (benchmarks/status.py makes it), not a test's.
    school = generate_demo(size=10_000, today=AUTUMN)
    assert len(school.pupils) == 10_000
    assert len({p["leerlingnummer"] for p in school.pupils}) == 10_000
