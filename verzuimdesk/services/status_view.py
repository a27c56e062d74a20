"""The statuses a page shows (some pupils, or the whole school) at one peildatum, kept between changes and
brought up to date by them: a change is answered by asking again only for the pupils it can touch.

`school_status` answers every pupil it is asked for: the roster, the cache's payloads decoded, the
register signals. On a server with twenty apps typing, that is what every page on screen did after every
write heard, also for a write to a pupil it does not show. `StatusView.refresh(changes)` instead:

- a change to the whole school, to the checked registration, or no status yet: asks for all of them;
- otherwise the pupils the change can touch: those it names and everyone in their gezin (a brother's
  absence is a sister's SIBLINGS signal), also the gezin a pupil just left (the page keeps every pupil's
  gezin); for named pupils not on the page one small statement says whose gezin they are in now;
- none of those on this page: the kept status stands, nothing else is read;
- else one `school_status` for those pupils with their gezin (the cache answers what did not change,
  the engine the rest; in one transaction with the store), and their lines replace the kept ones, in list
  order; a pupil no longer there is dropped. If the school started or stopped keeping guardians
  (MISSING_DATA of every pupil), all of them again.

Every part of a pupil's line depends only on its own rows, its gezin's, the school's settings and the
checked registration (services/status.py), so the refreshed status is the one `school_status` gives
for the same pupils (tests/services/test_status_view.py compares them after every change).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import bindparam, text

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.status import PupilLight, SchoolStatus, school_status
from verzuimdesk.storage.database import Database

FULL_ABOVE = 200  # a change touching more of the page's pupils than this: ask for them all at once

# Whether guardians are kept, and pupils with their gezin: those of :ids and everyone in their gezin, or
# (_ALL) every pupil. A LEFT JOIN: one row even when no such pupil is there (any more).
_KEPT = "SELECT k.kept, p.id, p.family FROM (SELECT EXISTS (SELECT 1 FROM guardian) AS kept) k LEFT JOIN pupil p "
_TOUCHED = text(
    _KEPT + "ON p.id IN :ids OR p.family IN (SELECT family FROM pupil WHERE id IN :ids AND family != '')"
).bindparams(bindparam("ids", expanding=True))
_ALL = text(_KEPT + "ON TRUE")


class StatusView:
    """The status of `pupil_ids` (None: the whole school) at `peildatum`, kept in `status`."""

    def __init__(self, db: Database, peildatum: date, pupil_ids: list[int] | None = None) -> None:
        self.db, self.peildatum = db, peildatum
        self.pupil_ids = None if pupil_ids is None else sorted(set(pupil_ids))
        self._shown = None if self.pupil_ids is None else frozenset(self.pupil_ids)
        self.status: SchoolStatus | None = None
        self._families: dict[int, str] = {}  # every pupil's gezin ('' for none), as last read
        self._guardians = False
        self.asked = 0  # refreshes that asked for statuses (the rest were answered by the kept status)

    def refresh(self, changes: OpChanges | None = None) -> SchoolStatus:
        """The status after `changes` (None: ask for everything again)."""
        if self.status is None or changes is None or changes.school or changes.checks:
            return self._all()
        if not changes.pupil_ids:
            return self.status
        shown = self._shown
        changed = set(changes.pupil_ids)
        left = {self._families[p] for p in changed if self._families.get(p)}  # the gezin each was in
        ask = {p for p, f in self._families.items() if f in left} | changed
        foreign = changed if shown is None else changed - shown
        if foreign:  # not on the page: did one of them join the gezin of a pupil on it?
            guardians, now = self._touched(foreign)
            if guardians != self._guardians:
                return self._all()
            for pid in foreign:
                self._families.pop(pid, None)
            self._families.update(now)
            ask |= set(now)
        if shown is not None:
            ask &= shown
        if not ask:
            return self.status
        if len(ask) > FULL_ABOVE:
            return self._all()
        self.asked += 1
        part = school_status(self.db, self.peildatum, pupil_ids=sorted(ask), families=True)
        if part.guardians_kept != self._guardians:
            return self._all()
        for pid in changed - foreign:  # a pupil no longer there comes back no more
            self._families.pop(pid, None)
        self._families.update({p.pupil_id: p.family for p in part.pupils})
        affected = ask | {p.pupil_id for p in part.pupils}
        kept = [p for p in self.status.pupils if p.pupil_id not in affected]
        fresh = [p for p in part.pupils if shown is None or p.pupil_id in shown]
        self.status = SchoolStatus(self.peildatum, part.protocol, _in_list_order([*kept, *fresh]), part.computed,
                                   part.guardians_kept)
        return self.status

    def _touched(self, ids: set[int]) -> tuple[bool, dict[int, str]]:
        with self.db.read() as session:
            return _families(session.execute(_TOUCHED, {"ids": sorted(ids)}).all())

    def _all(self) -> SchoolStatus:
        self.asked += 1
        if self.pupil_ids is not None:  # every pupil's gezin: one not on the page may share one with it
            with self.db.read() as session:  # read before the statuses: a change in between is heard again
                self._families = _families(session.execute(_ALL).all())[1]
        self.status = school_status(self.db, self.peildatum, pupil_ids=self.pupil_ids)
        self._guardians = self.status.guardians_kept
        if self.pupil_ids is None:
            self._families = {p.pupil_id: p.family for p in self.status.pupils}
        return self.status


def _families(rows: Sequence[Any]) -> tuple[bool, dict[int, str]]:
    return bool(rows[0][0]), {pid: family or "" for _, pid, family in rows if pid is not None}


def _in_list_order(lights: list[PupilLight]) -> tuple[PupilLight, ...]:
    """As `school_status` orders them: the group, then the pupil as every list sorts (dutch.sort_key),
    then the id."""
    return tuple(sorted(lights, key=lambda p: (p.group, p.sort_key, p.pupil_id)))
