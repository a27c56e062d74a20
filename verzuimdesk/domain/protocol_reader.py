"""The checks of a protocol file's fields: parsed TOML made into a `Protocol`, or a `ProtocolError`
whose Dutch message names the file, the rule or step and the field (protocol.parse_protocol)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.protocol import (
    COMPARISONS,
    CONDITION_TYPES,
    DURATION_UNITS,
    TERM_UNITS,
    ActionSpec,
    Condition,
    Protocol,
    ProtocolError,
    Rule,
    Step,
)


class Reader:
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
