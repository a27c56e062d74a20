"""Signals and forecasts beside each pupil's status (SIGNALS.md).

Two parts. What the pupil's own rows decide (the record signals, the forecasts, and the pupil's
absence days that a brother's or sister's SIBLINGS signal compares) is computed with the status and
cached with it, so the triggers that drop a pupil's status drop these too. What other rows decide
(SIBLINGS: the sibling's absence; MISSING_DATA: the guardians, the OT number, the birth date, the
group's checked registration) is
found each time the status is read, from the cached parts of the family and a few roster columns:
a sibling's new absence, a guardian's new phone number or a checked dagdeel shows at once, and no trigger is needed.
A signal never changes the light.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import PupilStatus
from verzuimdesk.domain.forecasts import NO_FORECAST, Forecast, forecast
from verzuimdesk.domain.signal_register import recent_schooldagen, unchecked_days
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
)
from verzuimdesk.importers.signal_files import signals_file
from verzuimdesk.storage.errors import DatabaseError
from verzuimdesk.storage.raw import Run
from verzuimdesk.storage.school_rows import Cases, checks_kept, registration_checks


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
    group: str = ""


Unchecked = dict[str, tuple[date, ...]]  # per group: the recent schooldagen whose registration is not checked


def unchecked_registration(run: Run, calendar: SchoolCalendar, groups: set[str], peil: date,
                           kept: bool | None = None) -> Unchecked:
    """Per group of `groups`, the days of MISSING_DATA's `registratie` item (read, never cached, so a
    dagdeel marked as checked shows at once); the checks are read in one query through `run`
    (storage/raw.py). A school that has never marked a dagdeel as checked asks for none, as one that keeps
    no guardians asks for no phone number. `kept`: whether it ever did, when the caller read that already."""
    if not (checks_kept(run) if kept is None else kept):
        return {}
    recent = {g: recent_schooldagen(calendar, g, peil) for g in groups}
    start = min((days[0] for days in recent.values() if days), default=None)
    if start is None:
        return {}
    checks = registration_checks(run, start, peil)
    found = {g: unchecked_days(calendar, g, peil, checks.get(g, set())) for g in groups}
    return {g: days for g, days in found.items() if days}


def needs_register(r: RegisterRow, missing: dict[int, set[str]], unchecked: Unchecked) -> bool:
    """Whether a register signal could hold for the pupil: a sibling's absence or a missing item."""
    return r.enrolled and (bool(r.family and r.part.absence_days) or r.pupil_id in missing or r.group in unchecked)


def with_register_signals(rows: list[RegisterRow], config: SignalConfig, peil: date, missing: dict[int, set[str]],
                          guardians_kept: bool, unchecked: Unchecked) -> dict[int, tuple[Signal, ...]]:
    """The signals of the pupils of `rows` (those `needs_register` lets through; every other pupil's
    signals are its cached record signals): the record signals with the register signals added.
    `missing` is `storage.signal_loading.missing_data`, `unchecked` is `unchecked_registration`."""
    families: dict[str, list[RegisterRow]] = defaultdict(list)
    for r in rows:
        if r.family and r.part.absence_days:
            families[r.family].append(r)
    out: dict[int, tuple[Signal, ...]] = {}
    for r in rows:
        family = families.get(r.family, ()) if r.part.absence_days else ()
        gone = missing.get(r.pupil_id, set())
        days = unchecked.get(r.group, ())
        if len(family) < 2 and not gone and not days:
            continue
        start = r.part.window_start
        sibs = tuple((s.name, frozenset(d for d in s.part.absence_days if start is None or d >= start))
                     for s in family if s.pupil_id != r.pupil_id)
        own = tuple(d for d in r.part.absence_days if start is None or d >= start)
        x = RegisterInput(peil, start, own, sibs, "geboortedatum" not in gone, guardians_kept,
                          "verzorger" not in gone, "" if "ot_nummer" in gone else "-", "ot_nummer" in gone, days)
        out[r.pupil_id] = ordered(r.part.signals + register_signals(x, config))
    return out
