"""Signals and forecasts beside each pupil's status (SIGNALS.md).

Two parts. What the pupil's own rows decide (the record signals, the forecasts, and the pupil's
absence days that a brother's or sister's SIBLINGS signal compares) is computed with the status and
cached with it, so the triggers that drop a pupil's status drop these too. What other rows decide
(SIBLINGS: the sibling's absence; MISSING_DATA: the guardians, the OT number, the birth date) is
found each time the status is read, from the cached parts of the family and a few roster columns:
a sibling's new absence or a guardian's new phone number shows at once, and no trigger is needed.
A signal never changes the light.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple

from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import PupilStatus
from verzuimdesk.domain.forecasts import NO_FORECAST, Forecast, forecast
from verzuimdesk.domain.signals import (
    RegisterInput,
    Signal,
    SignalConfig,
    SignalConfigError,
    absence_days,
    ordered,
    parse_signal_config,
    record_signals,
    register_signals,
    signals_file,
)
from verzuimdesk.storage.database import DatabaseError
from verzuimdesk.storage.signal_loading import Cases


@dataclass(frozen=True, slots=True)
class SignalPart:
    """What is cached with a pupil's status."""

    signals: tuple[Signal, ...] = ()
    forecast: Forecast = NO_FORECAST
    window_start: date | None = None  # of this pupil's signal window
    absence_days: tuple[date, ...] = ()  # kept for a pupil with a sibling, when SIBLINGS could use them


EMPTY = SignalPart()


@cache
def _parsed(digest: str, raw: bytes) -> SignalConfig:
    return parse_signal_config(raw, signals_file().name)


def signal_config() -> tuple[SignalConfig, str]:
    """The thresholds of resources/signals.toml (parsed once per content) and their digest."""
    try:
        raw = signals_file().read_bytes()
    except OSError:
        raise DatabaseError("Het signalenbestand (signals.toml) kan niet geopend worden.") from None
    digest = hashlib.sha256(raw).hexdigest()
    try:
        return _parsed(digest, raw), digest
    except SignalConfigError as exc:
        raise DatabaseError(f"Het signalenbestand kan niet geladen worden: {exc}") from None


def record_part(ev: Evaluator, status: PupilStatus, config: SignalConfig, cases: Cases,
                sibling_start: date | None, has_sibling: bool) -> SignalPart:
    if not status.enrolled:
        return EMPTY
    peil, m = status.peildatum, ev.m
    window = m.window(peil, config.weeks)
    return SignalPart(
        record_signals(m, peil, config, cases),
        forecast(ev, status),
        window[0] if window else None,
        absence_days(m, sibling_start, peil, config) if has_sibling else (),
    )


class RegisterRow(NamedTuple):
    """A roster line as the register signals read it."""

    pupil_id: int
    name: str
    enrolled: bool
    family: str
    part: SignalPart


def needs_register(r: RegisterRow, missing: dict[int, set[str]]) -> bool:
    """Whether a register signal could hold for the pupil: a sibling's absence or a missing item."""
    return r.enrolled and (bool(r.family and r.part.absence_days) or r.pupil_id in missing)


def with_register_signals(rows: list[RegisterRow], config: SignalConfig, peil: date,
                          missing: dict[int, set[str]], guardians_kept: bool) -> dict[int, tuple[Signal, ...]]:
    """The signals of the pupils of `rows` (those `needs_register` lets through; every other pupil's
    signals are its cached record signals): the record signals with the register signals added.
    `missing` is `storage.signal_loading.missing_data`."""
    families: dict[str, list[RegisterRow]] = defaultdict(list)
    for r in rows:
        if r.family and r.part.absence_days:
            families[r.family].append(r)
    out: dict[int, tuple[Signal, ...]] = {}
    for r in rows:
        family = families.get(r.family, ()) if r.part.absence_days else ()
        gone = missing.get(r.pupil_id, set())
        if len(family) < 2 and not gone:
            continue
        start = r.part.window_start
        sibs = tuple((s.name, frozenset(d for d in s.part.absence_days if start is None or d >= start))
                     for s in family if s.pupil_id != r.pupil_id)
        own = tuple(d for d in r.part.absence_days if start is None or d >= start)
        x = RegisterInput(peil, start, own, sibs, "geboortedatum" not in gone, guardians_kept,
                          "verzorger" not in gone, "" if "ot_nummer" in gone else "-", "ot_nummer" in gone)
        out[r.pupil_id] = ordered(r.part.signals + register_signals(x, config))
    return out
