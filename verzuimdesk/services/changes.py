"""What a write changed, as the service that made it says (Anki's OpChanges).

Every service that writes returns an `OpChanges` (or a result carrying one as `.changes`); the UI
announces it to every page, and each page decides from it whether it has to look again. A page that
is not on screen only remembers that it is behind and catches up when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class OpChanges:
    """The pupils whose lights may have changed, or the whole school (settings, an import, a restore);
    `checks`: which day parts are marked checked (the Overzicht's list of unchecked registrations)."""

    pupil_ids: frozenset[int] = field(default_factory=frozenset)
    school: bool = False
    checks: bool = False

    @classmethod
    def pupils(cls, *ids: int) -> OpChanges:
        return cls(frozenset(ids))

    @classmethod
    def whole_school(cls) -> OpChanges:
        return cls(school=True)

    def touches(self, pupil_id: int) -> bool:
        return self.school or pupil_id in self.pupil_ids

    @property
    def empty(self) -> bool:
        return not self.school and not self.pupil_ids and not self.checks

    def __or__(self, other: OpChanges) -> OpChanges:
        """Both changes at once: what a page that missed both has to catch up on."""
        return OpChanges(self.pupil_ids | other.pupil_ids, self.school or other.school, self.checks or other.checks)


NOTHING = OpChanges()
WHOLE_SCHOOL = OpChanges(school=True)
CHECKS = OpChanges(checks=True)


@dataclass(frozen=True, slots=True)
class Saved:
    """What a service that makes or changes one row answers: the row's id and what it changed."""

    id: int
    changes: OpChanges


def changes_of(result: object) -> OpChanges | None:
    """The changes a service's answer carries: the answer itself, or its `.changes`."""
    if isinstance(result, OpChanges):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, OpChanges) else None
