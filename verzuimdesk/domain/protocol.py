"""Protocols (stappenplannen) as data: the dataclasses and the loader of a protocol file.

A protocol file is TOML with Dutch keys (a school's IB-er may edit one); the values that name
something the code knows (condition types, categories, action kinds, term units) are the codes of
`codes.py` and `CONDITION_TYPES`. The loader refuses a bad file with a `ProtocolError` whose
message is Dutch and names the file, the rule and the field.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.refusal import Refused


class ProtocolError(Refused, ValueError):
    """A protocol file that cannot be used; the message is Dutch and names the field."""


# Condition types and the parameters each takes (required, optional).
CONDITION_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "minutes_in_window": (
        frozenset({"categorie", "venster_lesweken", "drempel"}),
        frozenset({"maximum", "vergelijking"}),
    ),
    "any_record_in_window": (frozenset({"categorie", "venster_lesweken"}), frozenset()),
    "each_record": (frozenset({"categorie"}), frozenset()),
    "occurrences_in_school_year": (frozenset({"categorie", "drempel"}), frozenset({"vergelijking"})),
    "sick_episodes_in_window": (frozenset({"venster_lesweken", "drempel"}), frozenset({"vergelijking"})),
    "current_sick_episode_minutes": (frozenset({"drempel"}), frozenset({"vergelijking"})),
    "current_sick_episode_days": (frozenset({"drempel"}), frozenset({"vergelijking"})),
    "absence_run_longer_than_weeks": (frozenset({"weken"}), frozenset()),
    "rule_holds": (frozenset({"regel"}), frozenset()),
    "any_of": (frozenset({"voorwaarden"}), frozenset()),
    "case_age_without_restoration": (frozenset({"duur", "duur_eenheid"}), frozenset()),
    "months_after_event_without_restoration": (frozenset({"gebeurtenis", "maanden"}), frozenset()),
    "thuiszitter_months_without_event": (
        frozenset({"regel", "maanden", "gebeurtenis"}),
        frozenset(),
    ),
    # PROTOCOLS.md §1b: a luxe record in the window, one hit per luxe episode (LUXE)
    "luxe_in_window": (frozenset({"venster_lesweken"}), frozenset()),
    # PROTOCOLS.md §1b: half-weeks, more than half of the lestijd in each of the last 5 lesweken (LRV)
    "half_weeks": (frozenset({"categorie"}), frozenset()),
}

TERM_UNITS = frozenset({"schooldagen", "werkdagen", "direct", "weken_na_start_zaak"})
DURATION_UNITS = frozenset({"weken", "schooldagen"})
COMPARISONS = frozenset({">=", ">"})


@dataclass(frozen=True, slots=True)
class Step:
    """A step of the stappenplan; `order` is its position in the file (later is further)."""

    id: str
    name: str
    order: int
    # The region's guidance for the conversations of this step (`leidraad`: per action kind a
    # conversation does, the questions); empty where the region's documents give none.
    guidance: tuple[tuple[ActionKind, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Condition:
    """One parameterised condition; which fields matter depends on `kind` (see CONDITION_TYPES).

    Minute thresholds are held in minutes (`threshold`, `maximum`), though the file gives hours.
    """

    kind: str
    categories: frozenset[Category] = frozenset()
    window: int = 0  # lesweken
    threshold: float = 0
    maximum: float | None = None
    op: str = ">="
    weeks: int = 0
    months: int = 0
    duration: int = 0
    duration_unit: str = "weken"
    event: ActionKind | None = None
    rule: str = ""
    parts: tuple[Condition, ...] = ()

    def compare(self, value: float) -> bool:
        ok = value > self.threshold if self.op == ">" else value >= self.threshold
        return ok and (self.maximum is None or value < self.maximum)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """What a rule asks for: the action kind, who is in regie, the term and whether it is legal."""

    kind: ActionKind
    regie: str
    term: int
    term_unit: str
    legal: bool


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of the stappenplan. `name` is its short Dutch name for people and documents (the id is
    the code's and the CLI's: it never appears in a document that leaves the school)."""

    id: str
    text: str
    step: str
    regie: str
    condition: Condition
    actions: tuple[ActionSpec, ...]
    starts_case: bool = False
    restart_after_report: bool = False
    name: str = ""

    @property
    def label(self) -> str:
        """The Dutch name, or the id for a protocol file that gives none."""
        return self.name or self.id


@dataclass(frozen=True, slots=True)
class Protocol:
    id: str
    name: str
    region: str
    source: str
    steps: tuple[Step, ...]
    start_step: str
    rules: tuple[Rule, ...]

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def guidance(self, kind: ActionKind) -> tuple[Step, str] | None:
        """The first step that guides a conversation doing `kind`, with its questions; None if none does."""
        return next(((s, text) for s in self.steps for k, text in s.guidance if k is kind), None)

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


DEFAULT_PROTOCOL = "hoeksche-waard-po"


def parse_protocol(raw: bytes, file_name: str) -> Protocol:
    """Check the bytes of a protocol file and make a Protocol of them, or say in Dutch what is wrong."""
    where = f"Protocolbestand {file_name}"
    if len(raw) > 1_000_000:  # a protocol is some 20 kB
        raise ProtocolError(f"{where}: te groot voor een protocolbestand (meer dan 1 MB)")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"{where}: geen UTF-8-tekst (onleesbare byte op positie {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProtocolError(f"{where}: geen geldige TOML ({exc})") from None
    except RecursionError:
        raise ProtocolError(f"{where}: geen geldige TOML (lijsten of tabellen honderden keren in elkaar genest)") \
            from None
    from verzuimdesk.domain.protocol_reader import Reader  # the checks of every field

    return Reader(where).protocol(data)


T = TypeVar("T")


def once_per_protocol(cache: dict[int, tuple[Protocol, T]], protocol: Protocol, make: Callable[[Protocol], T]) -> T:
    """`make(protocol)`, worked out once per protocol (by identity: a protocol is frozen) and kept in
    `cache`, rather than per pupil and peildatum; a school has a protocol or two, so past 16 it starts over."""
    got = cache.get(id(protocol))
    if got is None or got[0] is not protocol:
        if len(cache) > 16:
            cache.clear()
        got = cache[id(protocol)] = (protocol, make(protocol))
    return got[1]
