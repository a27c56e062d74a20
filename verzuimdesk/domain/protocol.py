"""Protocols (stappenplannen) as data: the dataclasses and the loader of a protocol file.

A protocol file is TOML with Dutch keys (a school's IB-er may edit one); the values that name
something the code knows (condition types, categories, action kinds, term units) are the codes of
`codes.py` and `CONDITION_TYPES`. The loader refuses a bad file with a `ProtocolError` whose
message is Dutch and names the file, the rule and the field.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def resources_dir() -> Path:
    """Where the shipped resources live: beside the package, or inside the installer's bundle."""
    from verzuimdesk import paths

    return paths.resources_dir()


def protocols_dir() -> Path:
    return resources_dir() / "protocols"


DEFAULT_PROTOCOL = "hoeksche-waard-po"


def list_protocols() -> list[tuple[str, str]]:
    """(id, name) of every shipped protocol, the default first."""
    found = [load_protocol(p) for p in sorted(protocols_dir().glob("*.toml"))]
    found.sort(key=lambda p: (p.id != DEFAULT_PROTOCOL, p.id))
    return [(p.id, p.name) for p in found]


def protocol_file(path_or_id: str | Path) -> Path:
    """The file of a protocol named by path, or by the id of a shipped protocol."""
    path = Path(path_or_id)
    if not path.suffix and isinstance(path_or_id, str):
        path = protocols_dir() / f"{path_or_id}.toml"
    return path


def read_protocol(path_or_id: str | Path) -> bytes:
    """The bytes of a protocol file; a file that cannot be read is a `ProtocolError`."""
    path = protocol_file(path_or_id)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ProtocolError(f"Protocolbestand {path.name}: bestand niet gevonden") from None
    except (OSError, ValueError):  # a folder, no permission, a name too long or with a NUL byte in it
        raise ProtocolError(f"Protocolbestand {path.name}: kan het bestand niet openen") from None


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
    return _Reader(where).protocol(data)


def load_protocol(path_or_id: str | Path) -> Protocol:
    """Load and check a protocol file, by path or by the id of a shipped protocol."""
    return parse_protocol(read_protocol(path_or_id), protocol_file(path_or_id).name)


class _Reader:
    """Turns parsed TOML into a Protocol, naming the place of the first fault it finds."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, place: str, msg: str) -> ProtocolError:
        return ProtocolError(f"{self.where}: {place}{msg}")

    def keys(self, table: Mapping[str, Any], place: str, required: set[str], optional: set[str]) -> None:
        for key in sorted(required):
            if key not in table:
                raise self.fail(place, f"'{key}' ontbreekt")
        for key in sorted(table):
            if key not in required and key not in optional:
                raise self.fail(place, f"onbekend veld '{key}'")

    def typed(self, table: Mapping[str, Any], key: str, place: str, kind: type | tuple[type, ...]) -> Any:
        value = table[key]
        if isinstance(value, bool) and kind is not bool:
            raise self.fail(place, f"'{key}' heeft een verkeerd type")
        if not isinstance(value, kind):
            raise self.fail(place, f"'{key}' heeft een verkeerd type")
        return value

    def protocol(self, data: Mapping[str, Any]) -> Protocol:
        self.keys(data, "", {"id", "naam", "regio", "bron", "startstap", "stap", "regel"}, set())
        steps_raw = self.typed(data, "stap", "", list)
        steps: list[Step] = []
        for i, raw in enumerate(steps_raw):
            place = f"stap {i + 1}: "
            if not isinstance(raw, dict):
                raise self.fail(place, "geen tabel")
            self.keys(raw, place, {"id", "naam"}, {"leidraad"})
            steps.append(Step(str(self.typed(raw, "id", place, str)), self.typed(raw, "naam", place, str), i,
                              self.guide(raw, place) if "leidraad" in raw else ()))
        step_ids = {s.id for s in steps}
        start_step = self.typed(data, "startstap", "", str)
        if start_step not in step_ids:
            raise self.fail("", f"'startstap' noemt een onbekende stap '{start_step}'")
        rules = [self.rule(raw, i, step_ids) for i, raw in enumerate(self.typed(data, "regel", "", list))]
        ids = [r.id for r in rules]
        for rid in ids:
            if ids.count(rid) > 1:
                raise self.fail(f"regel {rid}: ", "'id' komt meer dan eens voor")
        for r in rules:
            for ref in _rule_refs(r.condition):
                if ref not in ids or ref == r.id:
                    raise self.fail(f"regel {r.id}: ", f"'regel' verwijst naar onbekende regel '{ref}'")
        return Protocol(
            id=self.typed(data, "id", "", str),
            name=self.typed(data, "naam", "", str),
            region=self.typed(data, "regio", "", str),
            source=self.typed(data, "bron", "", str),
            steps=tuple(steps),
            start_step=start_step,
            rules=tuple(rules),
        )

    def guide(self, raw: Mapping[str, Any], place: str) -> tuple[tuple[ActionKind, str], ...]:
        """A step's `leidraad`: per action kind a conversation does, its questions."""
        out = []
        for kind, text in self.typed(raw, "leidraad", place, dict).items():
            try:
                action = ActionKind(kind)
            except ValueError:
                raise self.fail(place, f"'leidraad' noemt een onbekende actie '{kind}'") from None
            if not isinstance(text, str) or not text.strip():
                raise self.fail(place, f"'leidraad.{kind}' is geen tekst")
            out.append((action, " ".join(text.split())))
        return tuple(out)

    def rule(self, raw: Any, i: int, step_ids: set[str]) -> Rule:
        place = f"regel {i + 1}: "
        if not isinstance(raw, dict):
            raise self.fail(place, "geen tabel")
        if isinstance(raw.get("id"), str):
            place = f"regel {raw['id']}: "
        self.keys(
            raw,
            place,
            {"id", "tekst", "stap", "regie", "voorwaarde", "actie"},
            {"start_zaak", "herstart_na_melding", "naam"},
        )
        step = str(self.typed(raw, "stap", place, str))
        if step not in step_ids:
            raise self.fail(place, f"'stap' noemt een onbekende stap '{step}'")
        regie = self.typed(raw, "regie", place, str)
        actions_raw = self.typed(raw, "actie", place, list)
        if not actions_raw:
            raise self.fail(place, "'actie' is leeg")
        return Rule(
            id=self.typed(raw, "id", place, str),
            name=self.typed(raw, "naam", place, str) if "naam" in raw else "",
            text=self.typed(raw, "tekst", place, str),
            step=step,
            regie=regie,
            condition=self.condition(self.typed(raw, "voorwaarde", place, dict), place + "voorwaarde: "),
            actions=tuple(self.action(a, place, regie) for a in actions_raw),
            starts_case=bool(self.typed(raw, "start_zaak", place, bool)) if "start_zaak" in raw else False,
            restart_after_report=(
                bool(self.typed(raw, "herstart_na_melding", place, bool))
                if "herstart_na_melding" in raw
                else False
            ),
        )

    def action(self, raw: Any, place: str, regie: str) -> ActionSpec:
        if not isinstance(raw, dict):
            raise self.fail(place, "'actie' is geen tabel")
        self.keys(raw, place + "actie: ", {"soort", "termijn_eenheid", "wettelijk"}, {"termijn", "regie"})
        place = f"{place}actie {raw['soort']}: "
        try:
            kind = ActionKind(raw["soort"])
        except ValueError:
            raise self.fail(place, f"'soort' is geen bekende actie ('{raw['soort']}')") from None
        unit = self.typed(raw, "termijn_eenheid", place, str)
        if unit not in TERM_UNITS:
            raise self.fail(place, f"'termijn_eenheid' moet een van {sorted(TERM_UNITS)} zijn")
        if unit != "direct" and "termijn" not in raw:
            raise self.fail(place, "'termijn' ontbreekt")
        term = self.typed(raw, "termijn", place, int) if "termijn" in raw else 0
        if term < 0:
            raise self.fail(place, "'termijn' mag niet negatief zijn")
        return ActionSpec(
            kind=kind,
            regie=self.typed(raw, "regie", place, str) if "regie" in raw else regie,
            term=term,
            term_unit=unit,
            legal=self.typed(raw, "wettelijk", place, bool),
        )

    def condition(self, raw: Mapping[str, Any], place: str) -> Condition:
        if "soort" not in raw:
            raise self.fail(place, "'soort' ontbreekt")
        kind = raw["soort"]
        if not isinstance(kind, str) or kind not in CONDITION_TYPES:  # a list or table is no key
            raise self.fail(place, f"'soort' is geen bekende voorwaarde ('{kind}')")
        required, optional = CONDITION_TYPES[kind]
        self.keys(raw, place, set(required) | {"soort"}, set(optional))
        per_hour = kind in {"minutes_in_window", "current_sick_episode_minutes"}
        scale = 60 if per_hour else 1
        fields: dict[str, Any] = {"kind": kind}
        if "categorie" in raw:
            fields["categories"] = self.categories(raw["categorie"], place)
        if "venster_lesweken" in raw:
            fields["window"] = self.positive(raw, "venster_lesweken", place)
        if "drempel" in raw:
            fields["threshold"] = self.number(raw, "drempel", place) * scale
        if "maximum" in raw:
            fields["maximum"] = self.number(raw, "maximum", place) * scale
        if "vergelijking" in raw:
            if not isinstance(raw["vergelijking"], str) or raw["vergelijking"] not in COMPARISONS:
                raise self.fail(place, f"'vergelijking' moet een van {sorted(COMPARISONS)} zijn")
            fields["op"] = raw["vergelijking"]
        if "weken" in raw:
            fields["weeks"] = self.positive(raw, "weken", place)
        if "maanden" in raw:
            fields["months"] = self.positive(raw, "maanden", place)
        if "duur" in raw:
            fields["duration"] = self.positive(raw, "duur", place)
        if "duur_eenheid" in raw:
            if not isinstance(raw["duur_eenheid"], str) or raw["duur_eenheid"] not in DURATION_UNITS:
                raise self.fail(place, f"'duur_eenheid' moet een van {sorted(DURATION_UNITS)} zijn")
            fields["duration_unit"] = raw["duur_eenheid"]
        if "gebeurtenis" in raw:
            try:
                fields["event"] = ActionKind(raw["gebeurtenis"])
            except ValueError:
                raise self.fail(
                    place, f"'gebeurtenis' is geen bekende soort ('{raw['gebeurtenis']}')"
                ) from None
        if "regel" in raw:
            fields["rule"] = self.typed(raw, "regel", place, str)
        if "voorwaarden" in raw:
            parts = self.typed(raw, "voorwaarden", place, list)
            if not parts or not all(isinstance(p, dict) for p in parts):
                raise self.fail(place, "'voorwaarden' moet een lijst van voorwaarden zijn")
            fields["parts"] = tuple(self.condition(p, place) for p in parts)
        return Condition(**fields)

    def categories(self, value: Any, place: str) -> frozenset[Category]:
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names:
            raise self.fail(place, "'categorie' moet een categorie of een lijst ervan zijn")
        cats: set[Category] = set()
        for name in names:
            try:
                cats.add(Category(name))
            except ValueError:
                raise self.fail(place, f"'categorie' is geen bekende categorie ('{name}')") from None
        # PROTOCOLS.md §1: unexplained absence counts as unauthorised until it is reclassified.
        if Category.UNAUTHORISED in cats:
            cats.add(Category.UNEXPLAINED)
        return frozenset(cats)

    def number(self, raw: Mapping[str, Any], key: str, place: str) -> float:
        value = self.typed(raw, key, place, (int, float))
        if not math.isfinite(value):  # nan or inf would silently switch the rule off
            raise self.fail(place, f"'{key}' moet een gewoon getal zijn")
        if value < 0:
            raise self.fail(place, f"'{key}' mag niet negatief zijn")
        return float(value)

    def positive(self, raw: Mapping[str, Any], key: str, place: str) -> int:
        value = self.typed(raw, key, place, int)
        if value <= 0:
            raise self.fail(place, f"'{key}' moet groter dan 0 zijn")
        return int(value)


def _rule_refs(cond: Condition) -> list[str]:
    refs = [cond.rule] if cond.rule else []
    for part in cond.parts:
        refs.extend(_rule_refs(part))
    return refs
