"""The desk after a key (issue 20): `desk_update` evaluates only the pupils typed for (and their brothers
and sisters) and keeps every other line, and its answer is the one a fresh `desk_overview` gives."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from tests.actors import IB
from tests.conftest import DEMO_TODAY
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, Role
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.overview import desk_overview, desk_update
from verzuimdesk.services.registration import record_absence
from verzuimdesk.storage.models import Group, Pupil


def _schooldagen_back(n: int) -> list[Any]:
    days, day = [], DEMO_TODAY - timedelta(days=1)
    while len(days) < n:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days


def test_a_few_pupils_changed_give_the_answer_of_a_fresh_look(demo: Any) -> None:
    with demo.read() as s:
        family = s.scalar(select(Pupil.family).where(Pupil.family != "").group_by(Pupil.family)
                          .having(func.count() > 1))
        sibling = s.scalar(select(Pupil.id).where(Pupil.family == family))
        others = list(s.scalars(select(Pupil.id).where(Pupil.family == "").order_by(Pupil.id).limit(3)))
        in_five = s.scalar(select(Pupil.id).join(Group).where(Group.name == "5", Pupil.id != sibling)
                           .order_by(Pupil.id.desc()))
    accounts = (SCHOOL_WIDE, Account("lk", "Juf", Role.TEACHER, ("5",)))
    previous = [desk_overview(demo, peildatum=DEMO_TODAY, account=a) for a in accounts]
    changed = [sibling, *others, in_five]
    for pid in changed:
        for day in _schooldagen_back(3):
            with contextlib.suppress(Refused):  # a day the demo holds already
                record_absence(demo, pupil_id=pid, day=day, code="O", by=IB)
    for account, before in zip(accounts, previous, strict=True):
        updated = desk_update(demo, before, pupil_ids=changed, account=account)
        assert updated is not None
        assert updated == desk_overview(demo, peildatum=DEMO_TODAY, account=account)
        assert updated != before  # the codes changed some line the account sees


def test_a_pupil_who_moved_group_asks_for_the_whole_desk(demo: Any) -> None:
    previous = desk_overview(demo, peildatum=DEMO_TODAY, account=SCHOOL_WIDE)
    first = previous.rows[0]
    with demo.begin() as s:
        pupil = s.get(Pupil, first.pupil_id)
        other = next(r.group for r in previous.rows if r.group != first.group)
        pupil.group_id = s.scalar(select(Group.id).where(Group.name == other))
    assert desk_update(demo, previous, pupil_ids=[first.pupil_id], account=SCHOOL_WIDE) is None


def test_a_pupil_typed_for_who_lacks_a_birth_date_keeps_that_signal(demo: Any) -> None:
    """After a key only the pupil typed for (and its gezin) is asked what is missing: the answer is still
    the whole school's for that pupil, and no other pupil's missing item is lost."""
    with demo.read() as s:
        lacking, typed = list(s.scalars(select(Pupil.id).order_by(Pupil.id).limit(2)))
    with demo.begin() as s:
        s.get(Pupil, lacking).birth_date = None
    previous = desk_overview(demo, peildatum=DEMO_TODAY, account=SCHOOL_WIDE)
    for pid in (lacking, typed):
        for day in _schooldagen_back(2):
            with contextlib.suppress(Refused):
                record_absence(demo, pupil_id=pid, day=day, code="O", by=IB)
    for changed in ([lacking], [typed]):
        updated = desk_update(demo, previous, pupil_ids=changed, account=SCHOOL_WIDE)
        assert updated is not None
        fresh = desk_overview(demo, peildatum=DEMO_TODAY, account=SCHOOL_WIDE)
        row = next(r for r in updated.rows if r.pupil_id == lacking)
        assert row.birth_date_missing and row == next(r for r in fresh.rows if r.pupil_id == lacking)
        previous = updated
    assert updated == desk_overview(demo, peildatum=DEMO_TODAY, account=SCHOOL_WIDE)
