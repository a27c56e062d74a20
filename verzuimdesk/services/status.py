"""The traffic light of every pupil at a peildatum, computed from data loaded in bulk, or read back.

A pupil's status at a peildatum is computed once and kept in the database's status cache
(storage/status_cache.py), which triggers empty for exactly the pupils a write touches. So the
first look at a peildatum evaluates the whole school (a few bulk queries, then the engine on plain
data); every look after it reads the cache and evaluates only the pupils changed since. The same
explanation goes to the UI, the CLI's JSON and the PDFs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import PupilStatus, status_of
from verzuimdesk.domain.measures import desk_figures
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import PupilData
from verzuimdesk.domain.signals import SignalConfig, sibling_range_start
from verzuimdesk.services import signal_status, status_codec, status_read
from verzuimdesk.services.permissions import Actor, Permission, require
from verzuimdesk.services.signal_status import EMPTY, SignalPart
from verzuimdesk.services.status_read import (
    CACHE_FORMAT,
    ENGINE_MODULES,
    Computed,
    PupilLight,
    SchoolStatus,
    forecast_to_dict,
    protocol_and_fingerprint,
    school_protocol,
    signal_to_dict,
    status_to_dict,
)
from verzuimdesk.storage import school_rows, signal_loading, status_cache
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, session_run

__all__ = ["CACHE_FORMAT", "ENGINE_MODULES", "LOAD_ALL_ABOVE", "Computed", "PupilLight", "SchoolStatus",
           "evaluate_pupils", "forecast_to_dict", "gc_paused", "protocol_and_fingerprint", "school_protocol",
           "school_status", "signal_to_dict", "status_seen_by", "status_to_dict"]

LOAD_ALL_ABOVE = 400  # more pupils to compute than this: one query for the school, not an IN list


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
             peildatum: date, calendar: SchoolCalendar) -> dict[int, Computed]:
    some = missing if len(missing) <= LOAD_ALL_ABOVE or some_only else None
    wanted = set(missing)
    data = [p for p in load_pupil_data(session, until=peildatum, pupil_ids=some) if p.id in wanted]
    cases = signal_loading.load_cases(session, some)
    siblings = signal_loading.with_siblings(session, some)
    return {p.id: (status, hours, episodes, part) for p, status, hours, episodes, part
            in evaluate_pupils(data, calendar, protocol, peildatum, config, cases, siblings)}


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
    server = use_cache and db.engine.dialect.name == "postgresql"
    with db.read() as session:
        run = session_run(session)
        school_row = session.execute(text(status_read.SCHOOL_AND_GENERATION if use_cache else status_read.SCHOOL)
                                     ).first()
        if school_row is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        protocol, fingerprint = protocol_and_fingerprint(school_row[0], school_row[1])
        signal_config = signal_status.signal_config()[0]
        read_at = int(school_row[2] or 0) if use_cache else 0
        if pupil_ids is not None:  # a brother's or sister's absence days make this pupil's SIBLINGS
            pupil_ids = signal_loading.family_members(session, pupil_ids)
        # One query: the roster, each pupil with its cached status if there is one (on a
        # server with its stamp).
        query = text(status_read.roster_query(cached=use_cache, some=pupil_ids is not None, stamps=server))
        params: dict[str, object] = {"d": peildatum.isoformat(), "f": fingerprint}
        if pupil_ids is not None:
            query = query.bindparams(bindparam("ids", expanding=True))
            params["ids"] = list(pupil_ids)
        roster = session.execute(query, params).all()
        guardians_kept = school_rows.guardians_kept(run)
        missing_data = school_rows.missing_data(run, peildatum)
        calendar = load_calendar(session)  # once: for the checked registration and the engine
        unchecked = signal_status.unchecked_registration(run, calendar, {row[5] for row in roster}, peildatum)
        missing = [row[0] for row in roster if row[-1] is None]
        read_stamps = {row[0]: row[7] for row in roster if row[-1] is None} if server else {}
        computed: dict[int, Computed] = {}
        if missing:
            computed = _compute(session, missing, pupil_ids is not None, protocol, signal_config, peildatum,
                                calendar)
    if use_cache and computed:
        status_cache.store(db, peildatum, fingerprint, read_at,
                           {pid: status_codec.encode(*got) for pid, got in computed.items()}, read_stamps)
    return status_read.assemble(peildatum, protocol, roster, computed, signal_config, missing_data, guardians_kept,
                                unchecked, wanted)
