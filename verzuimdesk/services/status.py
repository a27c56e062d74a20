"""The traffic light of every pupil at a peildatum, computed from data loaded in bulk, or read back.

A pupil's status at a peildatum is computed once and kept in the database's status cache
(storage/status_cache.py), which triggers empty for exactly the pupils a write touches. So the
first look at a peildatum evaluates the whole school (a few bulk queries, then the engine on plain
data); every look after it reads the cache and evaluates only the pupils changed since. The same
explanation goes to the UI, the CLI's JSON and the PDFs.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from verzuimdesk import __version__
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.dutch import full_name, sort_key
from verzuimdesk.domain.engine import Light, PupilStatus, status_of
from verzuimdesk.domain.forecasts import NO_FORECAST, Forecast, next_reference
from verzuimdesk.domain.measures import desk_figures
from verzuimdesk.domain.protocol import Protocol, ProtocolError, parse_protocol
from verzuimdesk.domain.records import PupilData
from verzuimdesk.domain.signals import Signal, SignalConfig, sibling_range_start
from verzuimdesk.importers.protocol_files import protocol_file
from verzuimdesk.services import protocol_store, signal_status, status_codec
from verzuimdesk.services.permissions import Actor, Permission, require
from verzuimdesk.services.signal_status import EMPTY, RegisterRow, SignalPart
from verzuimdesk.storage import signal_loading, status_cache
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data

# Bump when the cached form changes; the code of the modules below is part of the fingerprint anyway.
CACHE_FORMAT = "2"
ENGINE_MODULES = (
    "verzuimdesk.domain.calendar", "verzuimdesk.domain.codes", "verzuimdesk.domain.conditions",
    "verzuimdesk.domain.engine", "verzuimdesk.domain.measures", "verzuimdesk.domain.protocol",
    "verzuimdesk.domain.protocol_reader",
    "verzuimdesk.domain.records", "verzuimdesk.domain.leerplicht", "verzuimdesk.domain.luxe",
    "verzuimdesk.domain.halfweeks", "verzuimdesk.storage.loading", "verzuimdesk.services.status_codec",
    "verzuimdesk.services.status", "verzuimdesk.domain.signals", "verzuimdesk.domain.signal_base",
    "verzuimdesk.domain.signal_detectors", "verzuimdesk.domain.forecasts", "verzuimdesk.storage.signal_loading",
    "verzuimdesk.services.signal_status",
)
LOAD_ALL_ABOVE = 400  # more pupils to compute than this: one query for the school, not an IN list


class PupilLight(NamedTuple):
    """One pupil's line of the school's status (a named tuple: a school makes a thousand of these)."""

    pupil_id: int
    number: str
    name: str
    group: str
    status: PupilStatus
    unauthorised_hours: float = 0.0  # in the window of 4 lesweken at the peildatum
    sick_episodes: int = 0  # that started in the window of 12 lesweken
    signals: tuple[Signal, ...] = ()  # SIGNALS.md: reasons to look; they never change the light
    forecast: Forecast = NO_FORECAST
    sort_key: str = ""  # dutch.sort_key: where the pupil comes in every list

    @property
    def light(self) -> Light:
        return self.status.light


@dataclass(frozen=True, slots=True)
class SchoolStatus:
    peildatum: date
    protocol: Protocol
    pupils: tuple[PupilLight, ...]
    computed: int = 0  # how many pupils the engine evaluated; the rest came from the cache

    def count(self, light: Light) -> int:
        return sum(1 for p in self.pupils if p.light is light)

    @property
    def next_reference_date(self) -> date:
        """The next reference date of the SWV's quarterly list."""
        return next_reference(self.peildatum)[0]

    @property
    def days_left(self) -> int:
        return next_reference(self.peildatum)[1]


@cache
def _engine_digest() -> str:
    """What identifies the engine's code: its source where it can be read, else the version."""
    h = hashlib.sha256(f"{CACHE_FORMAT} {__version__}".encode())
    for name in ENGINE_MODULES:
        source = getattr(importlib.import_module(name), "__file__", None)
        with contextlib.suppress(OSError):  # a bundle without sources: the version stands for the code
            h.update(Path(source).read_bytes() if source else b"")
    return h.hexdigest()


@cache
def _parsed(digest: str, raw: bytes, file_name: str) -> Protocol:
    return parse_protocol(raw, file_name)


def protocol_and_fingerprint(protocol_ref: str, text: str | None = None) -> tuple[Protocol, str]:
    """The school's protocol (parsed once per content) and the cache fingerprint that goes with it: the
    kept `text` (school.protocol_text), or the file `protocol_ref` names for a school that keeps none.
    The fingerprint holds the protocol's sha256, so a changed protocol never answers from the cache."""
    try:
        raw = protocol_store.stored_bytes(protocol_ref, text)
        digest = hashlib.sha256(raw).hexdigest()
        protocol = _parsed(digest, raw, protocol_file(protocol_ref).name)
    except ProtocolError as exc:
        raise DatabaseError(f"Het protocol van de school kan niet geladen worden: {exc}") from None
    signals_digest = signal_status.signal_config()[1]
    return protocol, hashlib.sha256(f"{_engine_digest()} {digest} {signals_digest}".encode()).hexdigest()


def school_protocol(protocol_ref: str, text: str | None = None) -> Protocol:
    return protocol_and_fingerprint(protocol_ref, text)[0]


Computed = tuple[PupilStatus, float, int, SignalPart]


def evaluate_pupils(pupils: list[PupilData], calendar: SchoolCalendar, protocol: Protocol, peildatum: date,
                    signals: SignalConfig | None = None, cases: dict[int, signal_loading.Cases] | None = None,
                    siblings: set[int] | frozenset[int] = frozenset()
                    ) -> list[tuple[PupilData, PupilStatus, float, int, SignalPart]]:
    """Status, list figures and (given `signals`) the signals and forecast of each pupil, sharing one
    measurement of the pupil's records."""
    out = []
    start = sibling_range_start(calendar, peildatum, signals.weeks) if signals else None
    for p in pupils:
        ev = Evaluator(p, calendar, protocol)
        hours, episodes = desk_figures(ev.m, peildatum)
        status = status_of(ev, peildatum)
        part = EMPTY if signals is None else signal_status.record_part(
            ev, status, signals, (cases or {}).get(p.id, ()), start, p.id in siblings)
        out.append((p, status, hours, episodes, part))
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a school's rows become objects: they hold no cycles, and a
    full collection in the middle (it scans every object of the app) made the same work take anywhere
    from 110 to 200 ms, and reading 10,000 statuses back grow faster than the school."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _compute(session: Session, missing: list[int], some_only: bool, protocol: Protocol, config: SignalConfig,
             peildatum: date) -> dict[int, Computed]:
    calendar = load_calendar(session)
    some = missing if len(missing) <= LOAD_ALL_ABOVE or some_only else None
    wanted = set(missing)
    data = [p for p in load_pupil_data(session, until=peildatum, pupil_ids=some) if p.id in wanted]
    cases = signal_loading.load_cases(session, some)
    siblings = signal_loading.with_siblings(session, some)
    return {p.id: (status, hours, episodes, part) for p, status, hours, episodes, part
            in evaluate_pupils(data, calendar, protocol, peildatum, config, cases, siblings)}


_ROSTER = (
    "SELECT p.id, p.number, p.first_name, p.prefix, p.last_name, g.name, p.family{payload} FROM pupil p "
    "JOIN school_group g ON g.id = p.group_id{join}{where}"
)


_CACHE_JOIN = " LEFT JOIN status_cache c ON c.pupil_id = p.id AND c.peildatum = :d AND c.fingerprint = :f"


def school_status(db: Database, peildatum: date, *, pupil_ids: list[int] | None = None,
                  use_cache: bool = True) -> SchoolStatus:
    """Every pupil's status on `peildatum`; pupils not enrolled then are included, grey.

    `use_cache=False` evaluates every pupil and stores nothing (the benchmark's cold figure).
    """
    with gc_paused():
        return _school_status(db, peildatum, pupil_ids, use_cache)


def status_seen_by(db: Database, peildatum: date, *, by: Actor) -> SchoolStatus:
    """The statuses `by` may see by name: the whole school, or a leerkracht's own groups (the directie sees
    figures, not pupils: refused)."""
    require(by, Permission.VIEW_DOSSIER)
    status = school_status(db, peildatum)
    return replace(status, pupils=tuple(p for p in status.pupils if by.sees_group(p.group)))


def _school_status(db: Database, peildatum: date, pupil_ids: list[int] | None, use_cache: bool) -> SchoolStatus:
    use_cache = use_cache and status_cache.usable(db)
    wanted = set(pupil_ids) if pupil_ids is not None else None
    with db.read() as session:
        school_row = session.execute(text("SELECT protocol, protocol_text FROM school LIMIT 1")).first()
        if school_row is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        protocol, fingerprint = protocol_and_fingerprint(school_row[0], school_row[1])
        signal_config = signal_status.signal_config()[0]
        read_at = status_cache.generation(session) if use_cache else 0
        read_stamps = status_cache.stamps(session) if use_cache else {}
        if pupil_ids is not None:  # a brother's or sister's absence days make this pupil's SIBLINGS
            pupil_ids = signal_loading.family_members(session, pupil_ids)
        # One query: the roster in list order, each pupil with its cached status if there is one.
        query = text(_ROSTER.format(
            payload=", c.payload" if use_cache else ", NULL",
            join=_CACHE_JOIN if use_cache else "",
            where=" WHERE p.id IN :ids" if pupil_ids is not None else "",
        ))
        params: dict[str, object] = {"d": peildatum.isoformat(), "f": fingerprint}
        if pupil_ids is not None:
            query = query.bindparams(bindparam("ids", expanding=True))
            params["ids"] = list(pupil_ids)
        # In list order: the group, then the pupil as every list sorts (dutch.sort_key, not the database's
        # collation).
        roster = sorted(session.execute(query, params).all(), key=lambda r: (r[5], sort_key(r[2], r[3], r[4])))
        guardians_kept = bool(session.execute(text("SELECT EXISTS (SELECT 1 FROM guardian)")).scalar())
        missing_data = signal_loading.missing_data(session, peildatum)
        unchecked = signal_status.unchecked_registration(session, load_calendar(session),
                                                         {row[5] for row in roster}, peildatum)
        missing = [row[0] for row in roster if row[-1] is None]
        computed: dict[int, Computed] = {}
        if missing:
            computed = _compute(session, missing, pupil_ids is not None, protocol, signal_config, peildatum)
    if use_cache and computed:
        status_cache.store(db, peildatum, fingerprint, read_at,
                           {pid: status_codec.encode(*got) for pid, got in computed.items()}, read_stamps)
    decode = status_codec.Decoder(protocol, peildatum)
    answers, register = [], []
    for pid, number, first, prefix, last, group, family, payload in roster:
        got = computed[pid] if payload is None else decode(payload)
        name = full_name(first, prefix, last)  # as load_pupil_data names the pupil
        answers.append((pid, number, name, group, got, sort_key(first, prefix, last)))
        row = RegisterRow(pid, name, got[0].enrolled, family, got[3], group)
        if signal_status.needs_register(row, missing_data, unchecked):
            register.append(row)
    found = signal_status.with_register_signals(register, signal_config, peildatum, missing_data, guardians_kept,
                                                unchecked)
    lights = [PupilLight(pid, number, name, group, status, hours, episodes, found.get(pid, part.signals),
                         part.forecast, key)
              for pid, number, name, group, (status, hours, episodes, part), key in answers
              if wanted is None or pid in wanted]
    return SchoolStatus(peildatum, protocol, tuple(lights), len(computed))


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def signal_to_dict(s: Signal) -> dict[str, Any]:
    """A signal in `status --json` (SIGNALS.md): id, text, evidence, and what explains them."""
    out: dict[str, Any] = {"id": s.id, "text": s.text, "evidence": [d.isoformat() for d in s.evidence],
                           "basis": s.basis, "value": _num(s.value), "threshold": _num(s.threshold), "unit": s.unit}
    if s.items:
        out["items"] = list(s.items)
    return out


def forecast_to_dict(f: Forecast) -> dict[str, str | None]:
    return {"hours_16_on": f.hours_16_on.isoformat() if f.hours_16_on else None,
            "thuiszitter_on": f.thuiszitter_on.isoformat() if f.thuiszitter_on else None}


def status_to_dict(status: SchoolStatus) -> dict[str, Any]:
    """The `status --json` object of INTERFACES.md and SIGNALS.md, field for field."""
    return {
        "peildatum": status.peildatum.isoformat(),
        "protocol": status.protocol.id,
        "next_reference_date": status.next_reference_date.isoformat(),
        "days_left": status.days_left,
        "pupils": [
            {
                "leerlingnummer": p.number,
                "naam": p.name,
                "groep": p.group,
                "light": p.status.light.value,
                "step": p.status.step.name,
                "rules": [
                    {"id": r.rule_id, "text": r.text, "value": _num(r.value), "threshold": _num(r.threshold),
                     "unit": r.unit,
                     "window_start": r.window_start.isoformat() if r.window_start else None,
                     "window_end": r.window_end.isoformat() if r.window_end else None,
                     "trigger_date": r.trigger_date.isoformat()}
                    for r in p.status.rules
                ],
                "actions": [
                    {"kind": a.kind.value, "rule": a.rule_id, "trigger_date": a.trigger_date.isoformat(),
                     "due": a.due_date.isoformat(), "legal": a.legal, "regie": a.regie, "done": a.done}
                    for a in p.status.actions
                ],
                "signals": [signal_to_dict(s) for s in p.signals],
                "forecast": forecast_to_dict(p.forecast),
            }
            for p in status.pupils
        ],
    }
