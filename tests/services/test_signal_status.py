"""Signals through the service: cached with the status, yet a sibling's absence, a guardian's phone
number or an edited signals.toml show at once; a signal never changes the light."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.actors import IB
from tests.services.test_status_cache import TODAY, code_id, db, fresh
from verzuimdesk.services import signal_status
from verzuimdesk.services.status import SchoolStatus, school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, CareCase, Guardian, Pupil

__all__ = ["db"]  # the fixture of test_status_cache, shared

SHARED = [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]  # three Mondays of the window


def _signals(status: SchoolStatus, pupil_id: int) -> dict[str, object]:
    (p,) = [p for p in status.pupils if p.pupil_id == pupil_id]
    return {s.id: s for s in p.signals}


def _family(db: Database) -> tuple[int, int]:
    """Two enrolled pupils of one gezin, neither with a record on the shared days."""
    with db.read() as s:
        rows = s.execute(select(Pupil.id, Pupil.family).where(Pupil.family != "", Pupil.enrolled_until.is_(None))
                         .order_by(Pupil.family, Pupil.id)).all()
        busy = set(s.scalars(select(Absence.pupil_id).where(Absence.day.in_(SHARED))))
    seen: dict[str, int] = {}
    for pid, fam in rows:
        if pid in busy:
            continue
        if fam in seen:
            return seen[fam], pid
        seen[fam] = pid
    raise AssertionError("the demo has no family of two")


def _absent(db: Database, pupil: int, days: list[date]) -> None:
    with db.begin() as s:
        s.add_all(Absence(pupil_id=pupil, day=d, code_id=code_id(s, "Z"), created_at=datetime(2026, 11, 20))
                  for d in days)


def test_a_sibling_s_absence_shows_on_this_pupil_at_once(db: Database) -> None:
    a, b = _family(db)
    _absent(db, a, SHARED)
    assert "SIBLINGS" not in _signals(school_status(db, TODAY), a)
    _absent(db, b, SHARED[:2])
    assert "SIBLINGS" not in _signals(school_status(db, TODAY), a)  # two shared days: one below
    _absent(db, b, SHARED[2:])
    after = school_status(db, TODAY)
    assert after.computed == 1  # only the sibling was evaluated again
    got = _signals(after, a)["SIBLINGS"]
    assert got.evidence == tuple(SHARED)  # type: ignore[attr-defined]
    assert after.pupils == fresh(db).pupils
    # the dossier asks for one pupil: the sibling's days come along
    assert _signals(school_status(db, TODAY, pupil_ids=[a]), a) == _signals(after, a)


def test_guardians_ot_number_and_birth_date_show_when_read(db: Database) -> None:
    pupil = _family(db)[0]
    school_status(db, TODAY)
    with db.begin() as s:
        s.execute(update(Guardian).where(Guardian.pupil_id == pupil).values(phone="", email=""))
    status = school_status(db, TODAY)
    assert status.computed == 0  # the guardian table has no trigger: nothing of it is cached
    assert _signals(status, pupil)["MISSING_DATA"].items == ("verzorger",)  # type: ignore[attr-defined]
    with db.begin() as s:
        s.execute(update(Pupil).where(Pupil.id == pupil).values(birth_date=None, ot_number=""))
        s.add(CareCase(pupil_id=pupil, category="A", start=date(2026, 10, 1)))
    got = _signals(school_status(db, TODAY), pupil)["MISSING_DATA"]
    assert got.items == ("geboortedatum", "verzorger", "ot_nummer")  # type: ignore[attr-defined]
    with db.begin() as s:
        s.execute(update(Guardian).where(Guardian.pupil_id == pupil).values(phone="0612345678"))
    assert _signals(school_status(db, TODAY), pupil)["MISSING_DATA"].items == (  # type: ignore[attr-defined]
        "geboortedatum", "ot_nummer")


def test_an_edited_signals_file_is_read_again(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = tmp_path / "signals.toml"
    edited.write_bytes(signal_status.signals_file().read_bytes())
    monkeypatch.setattr(signal_status, "signals_file", lambda: edited)
    before = school_status(db, TODAY)
    assert school_status(db, TODAY).computed == 0
    with_share = [p.pupil_id for p in before.pupils if any(s.id == "YEAR_SHARE" for s in p.signals)]
    assert with_share
    edited.write_text(edited.read_text(encoding="utf-8").replace("min_procent = 10         # afwezige",
                                                                 "min_procent = 90         # afwezige"),
                      encoding="utf-8")
    after = school_status(db, TODAY)
    assert after.computed == 200  # another fingerprint: every status again
    assert not any(s.id == "YEAR_SHARE" for p in after.pupils for s in p.signals)
    assert [p.light for p in after.pupils] == [p.light for p in before.pupils]  # signals never change the light


def test_a_broken_signals_file_is_a_dutch_message(db: Database, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.storage.database import DatabaseError

    broken = tmp_path / "signals.toml"
    broken.write_text("[signalen]\n[signalen.WEEKDAY]\nmin_dagen = 'vier'\n", encoding="utf-8")
    monkeypatch.setattr(signal_status, "signals_file", lambda: broken)
    with pytest.raises(DatabaseError, match="signalenbestand kan niet geladen worden"):
        school_status(db, TODAY)


STORY_SIGNAL = {"signal_weekday": "WEEKDAY", "signal_part_of_day": "PART_OF_DAY",
                "signal_vacation_edge": "VACATION_EDGE", "signal_late_sick_report": "LATE_SICK_REPORT",
                "signal_frequent_sick": "FREQUENT_SICK", "signal_siblings": "SIBLINGS",
                "signal_siblings_2": "SIBLINGS", "signal_year_share": "YEAR_SHARE",
                "signal_earlier_absence": "EARLIER_ABSENCE", "signal_suspended": "SUSPENDED",
                "signal_missing_data": "MISSING_DATA"}


def test_the_demo_tells_a_story_per_signal_and_is_no_noise(db: Database) -> None:
    from verzuimdesk.demo import generate_demo
    from verzuimdesk.domain.signals import DETECTORS

    demo = generate_demo(size=200, today=TODAY)
    stories = demo.signal_stories
    assert set(stories) == set(STORY_SIGNAL) and set(STORY_SIGNAL.values()) == set(DETECTORS)
    status = school_status(db, TODAY)
    by_number = {p.number: p for p in status.pupils}
    for story, number in stories.items():
        assert STORY_SIGNAL[story] in {s.id for s in by_number[number].signals}, story
    # the law stories are stories too: the missing birth date is a MISSING_DATA signal by design
    enrolled = [p for p in status.pupils if p.status.enrolled and p.number not in demo.law_stories.values()]
    assert sum(1 for p in enrolled if p.signals) <= len(enrolled) / 5


def _registratie(status: SchoolStatus) -> dict[str, tuple[date, ...]]:
    """Per enrolled pupil's group, the evidence of its `registratie` item (one group value per pupil)."""
    out: dict[str, set[tuple[date, ...]]] = {}
    for p in status.pupils:
        if not p.status.enrolled:
            continue
        got = [s for s in p.signals if s.id == "MISSING_DATA" and "registratie" in s.items]
        out.setdefault(p.group, set()).add(got[0].evidence if got else ())
    assert all(len(v) == 1 for v in out.values()), out  # every pupil of a group alike
    return {g: next(iter(v)) for g, v in out.items() if next(iter(v))}


def test_an_unchecked_registration_shows_on_the_group_s_pupils_and_a_check_at_once(db: Database) -> None:
    from verzuimdesk.services.registration_checks import set_checked
    from verzuimdesk.storage.loading import load_calendar

    friday = date(2026, 11, 20)  # the demo's group 4 did not check its last schooldag before TODAY
    assert _registratie(school_status(db, TODAY)) == {"4": (friday,)}
    with db.read() as s:
        calendar = load_calendar(s)
    for part in range(calendar.dagdelen("4", friday)):
        set_checked(db, group="4", day=friday, part=part, checked=True, by=IB, today=TODAY)
    after = school_status(db, TODAY)
    assert _registratie(after) == {} and after.computed == 0  # read at once, no status recomputed
    set_checked(db, group="5", day=date(2026, 11, 18), part=0, checked=False, by=IB, today=TODAY)
    assert _registratie(school_status(db, TODAY)) == {"5": (date(2026, 11, 18),)}
