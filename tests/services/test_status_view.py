"""A page's statuses kept between changes (services/status_view.py): after every change, however many
came together, the refreshed status is the one computed from scratch, and a change to pupils the page
does not show (nor their gezin) asks for nothing."""

from __future__ import annotations

from sqlalchemy import select, update

from tests.actors import IB
from tests.services.test_signal_status import SHARED, _absent, _family, _signals
from tests.services.test_status_cache import TODAY, db, fresh
from verzuimdesk.services.changes import CHECKS, WHOLE_SCHOOL, OpChanges
from verzuimdesk.services.registration import AbsenceSpec, apply_edit
from verzuimdesk.services.status_view import StatusView
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Guardian, Pupil

__all__ = ["db"]


def _ids(db: Database) -> list[int]:
    with db.read() as s:
        return list(s.scalars(select(Pupil.id).order_by(Pupil.id)))


def _write(db: Database, pupil: int, code: str = "Z") -> OpChanges:
    return apply_edit(db, add=[AbsenceSpec(pupil, TODAY, code)], by=IB).changes


def test_several_changes_followed_at_once_give_the_status_computed_from_scratch(db: Database) -> None:
    ids = _ids(db)
    shown = ids[:40]
    some, school = StatusView(db, TODAY, shown), StatusView(db, TODAY)
    some.refresh(), school.refresh()
    heard = OpChanges()
    for pupil in (shown[3], shown[17], ids[120], shown[30]):  # notifications heard together: one change
        heard = heard | _write(db, pupil)
    assert some.refresh(heard).pupils == tuple(p for p in fresh(db).pupils if p.pupil_id in set(shown))
    assert some.status is not None and some.status.computed == 3  # the page's pupils written to, no other
    assert school.refresh(heard).pupils == fresh(db).pupils
    assert school.status is not None and school.status.computed == 1  # the one the page did not show


def test_a_change_to_pupils_not_shown_asks_for_nothing(db: Database) -> None:
    ids = _ids(db)
    a, b = _family(db)
    shown = [p for p in ids[:40] if p not in (a, b)]
    others = [p for p in ids if p not in shown and p not in (a, b)]
    with db.read() as s:  # a pupil outside the page and outside every shown pupil's gezin
        families = set(s.scalars(select(Pupil.family).where(Pupil.id.in_(shown), Pupil.family != "")))
        outside = next(p for p in others if s.get(Pupil, p).family not in families)  # type: ignore[union-attr]
    view = StatusView(db, TODAY, shown)
    before = view.refresh()
    asked = view.asked
    after = view.refresh(_write(db, outside))
    assert view.asked == asked and after is before
    assert after.pupils == tuple(p for p in fresh(db).pupils if p.pupil_id in set(shown))


def test_a_sibling_s_absence_reaches_a_page_that_shows_only_the_other_child(db: Database) -> None:
    a, b = _family(db)
    _absent(db, a, SHARED)
    view = StatusView(db, TODAY, [a])
    assert "SIBLINGS" not in _signals(view.refresh(), a)
    changes = OpChanges()
    for day in SHARED:
        changes = changes | apply_edit(db, add=[AbsenceSpec(b, day, "Z")], by=IB).changes
    assert "SIBLINGS" in _signals(view.refresh(changes), a)
    assert view.refresh(changes).pupils == tuple(p for p in fresh(db).pupils if p.pupil_id == a)


def test_a_pupil_who_leaves_a_gezin_takes_the_sibling_signal_along(db: Database) -> None:
    a, b = _family(db)
    _absent(db, a, SHARED)
    _absent(db, b, SHARED)
    view = StatusView(db, TODAY, [a])
    assert "SIBLINGS" in _signals(view.refresh(), a)
    with db.begin() as s:
        s.execute(update(Pupil).where(Pupil.id == b).values(family="elders"))
    after = view.refresh(OpChanges.pupils(b))  # b is not on the page: its old gezin is
    assert "SIBLINGS" not in _signals(after, a)
    assert after.pupils == tuple(p for p in fresh(db).pupils if p.pupil_id == a)


def test_the_school_keeping_guardians_or_not_is_a_change_to_every_pupil(db: Database) -> None:
    view = StatusView(db, TODAY)
    view.refresh()
    with db.begin() as s:
        first = s.scalars(select(Guardian.pupil_id).limit(1)).one()
        s.execute(Guardian.__table__.delete())
    assert view.refresh(OpChanges.pupils(first)).pupils == fresh(db).pupils


def test_school_wide_changes_and_checks_ask_for_everything(db: Database) -> None:
    view = StatusView(db, TODAY)
    view.refresh()
    for changes in (WHOLE_SCHOOL, CHECKS, None):
        asked = view.asked
        view.refresh(changes)
        assert view.asked == asked + 1
