"""Signals: the risk factors of the seeds made computable (SIGNALS.md), with thresholds from data.

A signal never changes the light and never asks for an action: it is a reason to look, explained
like a rule hit. The thresholds live in `resources/signals.toml` (a `[signalen]` table with one
table per signal; a signal without a table is off). Adding a signal: one detector function (in
`signal_detectors.py` for the pupil's own records, `signal_register.py` for the register and the
family), one row in `DETECTORS` below, one table in signals.toml, one test.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from verzuimdesk.domain import signal_detectors as rec
from verzuimdesk.domain import signal_register as reg
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.measures import PupilMeasures
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.domain.signal_base import RecordInput, RegisterInput, Signal

__all__ = ["DETECTORS", "RecordInput", "RegisterInput", "Signal", "SignalConfig", "SignalConfigError",
           "absence_days", "parse_signal_config", "record_signals", "register_signals",
           "sibling_range_start"]


@dataclass(frozen=True, slots=True)
class Detector:
    fn: Callable[[Any, Mapping[str, float]], Signal | None]
    keys: tuple[str, ...]
    register: bool = False  # reads the register and the family: computed when read, never cached


# The order is the order in which the dossier and the documents list them.
DETECTORS: dict[str, Detector] = {
    "WEEKDAY": Detector(rec.weekday, ("min_dagen", "min_op_weekdag", "min_aandeel")),
    "PART_OF_DAY": Detector(rec.part_of_day, ("min_keer", "min_aandeel")),
    "VACATION_EDGE": Detector(rec.vacation_edge, ("min_vakanties",)),
    "LATE_SICK_REPORT": Detector(rec.late_sick_report, ("na", "min_keer")),
    "FREQUENT_SICK": Detector(rec.frequent_sick, ("min_ziekmeldingen",)),
    "SIBLINGS": Detector(reg.siblings, ("min_gedeelde_dagen",), register=True),
    "YEAR_SHARE": Detector(rec.year_share, ("min_procent",)),
    "EARLIER_ABSENCE": Detector(rec.earlier_absence, ("min_procent",)),
    "SUSPENDED": Detector(rec.suspended, ("min_keer",)),
    "MISSING_DATA": Detector(reg.missing_data, (), register=True),
}


class SignalConfigError(Refused, ValueError):
    """signals.toml cannot be used; the message says why, in Dutch."""


@dataclass(frozen=True, slots=True)
class SignalConfig:
    weeks: int  # venster_lesweken
    params: Mapping[str, Mapping[str, float]]  # the signals that are on → their thresholds
    names: Mapping[str, str]  # signal id → its Dutch name

    def name(self, signal_id: str) -> str:
        return self.names.get(signal_id, signal_id)


def _value(raw: object, key: str, where: str) -> float:
    if key == "na" and isinstance(raw, str):
        try:
            t = time.fromisoformat(raw)
        except ValueError:
            raise SignalConfigError(f"{where}: '{key}' moet een tijd zijn als \"10:00\"") from None
        return t.hour * 60 + t.minute
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw < 0:
        raise SignalConfigError(f"{where}: '{key}' moet een getal van 0 of meer zijn")
    return float(raw)


def parse_signal_config(raw: bytes, file_name: str = "signals.toml") -> SignalConfig:
    """Check the bytes of a signals file and make a config of them, or say in Dutch what is wrong."""
    where = f"Signalenbestand {file_name}"
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SignalConfigError(f"{where}: geen geldige TOML ({exc})") from None
    table = data.get("signalen")
    if not isinstance(table, dict):
        raise SignalConfigError(f"{where}: de tabel [signalen] ontbreekt")
    weeks = table.get("venster_lesweken", 12)
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 60:
        raise SignalConfigError(f"{where}: venster_lesweken moet een heel getal van 1 tot 60 zijn")
    params: dict[str, dict[str, float]] = {}
    names: dict[str, str] = {}
    for sid, body in table.items():
        if sid == "venster_lesweken":
            continue
        place = f"{where}, [signalen.{sid}]"
        if sid not in DETECTORS:
            raise SignalConfigError(f"{place}: onbekend signaal (bekend: {', '.join(DETECTORS)})")
        if not isinstance(body, dict):
            raise SignalConfigError(f"{place}: moet een tabel zijn")
        keys = DETECTORS[sid].keys
        unknown = sorted(set(body) - set(keys) - {"naam"})
        missing = [k for k in keys if k not in body]
        if unknown or missing:
            what = [f"onbekend: {', '.join(unknown)}"] * bool(unknown)
            what += [f"ontbreekt: {', '.join(missing)}"] * bool(missing)
            raise SignalConfigError(f"{place}: {'; '.join(what)}")
        params[sid] = {k: _value(body[k], k, place) for k in keys}
        names[sid] = str(body.get("naam", sid))
    ordered = {sid: params[sid] for sid in DETECTORS if sid in params}
    return SignalConfig(weeks, ordered, names)


def record_signals(m: PupilMeasures, peil: date, config: SignalConfig,
                   cases: tuple[tuple[date, date | None], ...] = ()) -> tuple[Signal, ...]:
    """The signals of the pupil's own records at `peil` (only records dated on or before it count)."""
    x = RecordInput(m, peil, m.window(peil, config.weeks), config.weeks, cases)
    found = (DETECTORS[sid].fn(x, p) for sid, p in config.params.items() if not DETECTORS[sid].register)
    return tuple(s for s in found if s is not None)


def register_signals(x: RegisterInput, config: SignalConfig) -> tuple[Signal, ...]:
    found = (DETECTORS[sid].fn(x, p) for sid, p in config.params.items() if DETECTORS[sid].register)
    return tuple(s for s in found if s is not None)


def ordered(signals: tuple[Signal, ...]) -> tuple[Signal, ...]:
    """Signals in the order of `DETECTORS`."""
    order = {sid: i for i, sid in enumerate(DETECTORS)}
    return tuple(sorted(signals, key=lambda s: order.get(s.id, len(order))))


def absence_days(m: PupilMeasures, start: date | None, peil: date, config: SignalConfig) -> tuple[date, ...]:
    """The pupil's absence days from `start` to `peil`, which a sibling's SIBLINGS signal compares;
    none when SIBLINGS is off or they are fewer than it needs (then no sibling can share enough)."""
    p = config.params.get("SIBLINGS")
    if start is None or p is None:
        return ()
    x = RecordInput(m, peil, (start, peil))
    days = tuple(sorted({r.day for r in x.window_records()}))
    return days if len(days) >= p["min_gedeelde_dagen"] else ()


def sibling_range_start(calendar: SchoolCalendar, peil: date, weeks: int) -> date | None:
    """The earliest start of any group's window at `peil`: a pupil's absence days from here on hold
    every day a sibling in another group can share with it."""
    groups: list[str | None] = [None, *calendar.group_timetables]
    starts = [w[0] for g in groups if (w := calendar.lesweek_window(peil, weeks, g)) is not None]
    return min(starts, default=None)
