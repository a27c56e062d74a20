"""What the stappenplan engine (engine.py) answers for a pupil at a peildatum: the traffic light, the rules
that hold with their numbers, the actions they ask for and the status that holds them all. Frozen and
naming no pupil, so that the status cache, the reports and the UI pass them around as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.protocol import Step


class Light(StrEnum):
    GREEN = "green"
    ORANGE = "orange"
    RED = "red"
    GREY = "grey"


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule that holds at the peildatum, with the numbers and records that make it hold."""

    rule_id: str
    text: str
    step_id: str
    value: float
    threshold: float
    unit: str
    window_start: date | None
    window_end: date | None
    trigger_date: date
    record_ids: tuple[int, ...]
    event_ids: tuple[int, ...] = ()
    # A 16-hour count that restarted after an earlier DUO report of the same rule: the report it asks
    # for is a vervolgmelding (PROTOCOLS.md §1b, the DUO sheet's kind), not a first report.
    follow_up: bool = False


@dataclass(frozen=True, slots=True)
class Action:
    """What a rule that holds asks for, and whether it has been done."""

    kind: ActionKind
    rule_id: str
    trigger_date: date
    due_date: date
    legal: bool
    regie: str
    term: int
    term_unit: str
    done: bool
    done_by: int | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class PupilStatus:
    """A pupil's status at a peildatum. It does not name the pupil (the caller knows whose it is), so
    pupils in the same state share one answer."""

    peildatum: date
    light: Light
    enrolled: bool
    rules: tuple[RuleHit, ...]
    actions: tuple[Action, ...]
    step: Step
    case_start: date | None
    thuiszitter: bool

    @property
    def open_actions(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if not a.done)
