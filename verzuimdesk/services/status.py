"""The traffic light of every pupil at a peildatum, computed from data loaded in bulk, or read back.

A pupil's status at a peildatum is computed once and kept in the database's status cache
(storage/status_cache.py), which triggers empty for exactly the pupils a write touches. So the
first look at a peildatum evaluates the whole school (a few bulk queries, then the engine on plain
data); every look after it reads the cache and evaluates only the pupils changed since. The same
explanation goes to the UI, the CLI's JSON and the PDFs.
"""

from __future__ import annotations

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
from verzuimdesk.services.gc_pause import gc_paused
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


def _compute(session: Session, missing: list[int], some_only: bool, protocol: Protocol, config: SignalConfig,
             peildatum: date, calendar: SchoolCalendar, siblings: set[int]) -> dict[int, Computed]:
    some = missing if len(missing) <= LOAD_ALL_ABOVE or some_only else None
    wanted = set(missing)
    data = [p for p in load_pupil_data(session, until=peildatum, pupil_ids=some, in_list_order=False) if p.id in wanted]
    cases = signal_loading.load_cases(session, some)
    return {p.id: (status, hours, episodes, part) for p, status, hours, episodes, part
            in evaluate_pupils(data, calendar, protocol, peildatum, config, cases, siblings)}


def school_status(db: Database, peildatum: date, *, pupil_ids: list[int] | None = None,
                  use_cache: bool = True, families: bool = False) -> SchoolStatus:
    """Every pupil's status on `peildatum`; pupils not enrolled then are included, grey.

    `pupil_ids`: only these pupils; with `families` also everyone who shares a gezin with one of them
    (services/status_view.py: a change to a pupil changes a sibling's SIBLINGS signal).
    `use_cache=False` evaluates every pupil and stores nothing (the benchmark's cold figure).
    """
    with gc_paused():
        return _school_status(db, peildatum, pupil_ids, use_cache, families)


def status_seen_by(db: Database, peildatum: date, *, by: Actor) -> SchoolStatus:
    """The statuses `by` may see by name: the whole school, or a leerkracht's own groups (the directie sees
    figures, not pupils: refused)."""
    require(by, Permission.VIEW_DOSSIER)
    status = school_status(db, peildatum)
    return replace(status, pupils=tuple(p for p in status.pupils if by.sees_group(p.group)))


def _school_status(db: Database, peildatum: date, pupil_ids: list[int] | None, use_cache: bool,
                   families: bool = False) -> SchoolStatus:
    use_cache = use_cache and status_cache.usable(db)
    wanted = set(pupil_ids) if pupil_ids is not None and not families else None
    server = use_cache and db.engine.dialect.name == "postgresql"
    with db.read() as session:
        run = session_run(session)
        # The protocol, the cache's generation and two flags of the register signals: one statement.
        school_row = session.execute(text(status_read.SCHOOL_AND_FLAGS)).first()
        if school_row is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        protocol, fingerprint = protocol_and_fingerprint(school_row[0], school_row[1])
        signal_config = signal_status.signal_config()[0]
        read_at = int(school_row[2] or 0) if use_cache else 0
        guardians_kept, checks_kept = bool(school_row[3]), bool(school_row[4])
        # One query: the roster, each pupil with its cached status if there is one (on a server with
        # its stamp); asked for some pupils, with everyone in their gezin (SIBLINGS).
        some = pupil_ids is not None
        query = text(status_read.roster_query(cached=use_cache, some=some, stamps=server, families=some))
        params: dict[str, object] = {"d": peildatum.isoformat(), "f": fingerprint}
        if pupil_ids is not None:
            query = query.bindparams(bindparam("ids", expanding=True))
            params["ids"] = list(pupil_ids)
        roster = session.execute(query, params).all()
        missing_data = school_rows.missing_data(run, peildatum, [row[0] for row in roster] if some else None)
        missing = [row[0] for row in roster if row[-1] is None]
        # The calendar only when something needs it: the checked registration, or a status to compute.
        calendar = load_calendar(session) if checks_kept or missing else None
        unchecked = {} if calendar is None or not checks_kept else signal_status.unchecked_registration(
            run, calendar, {row[5] for row in roster}, peildatum, kept=True)
        read_stamps = {row[0]: row[7] for row in roster if row[-1] is None} if server else {}
        computed: dict[int, Computed] = {}
        if missing:
            assert calendar is not None
            computed = _compute(session, missing, some, protocol, signal_config, peildatum, calendar,
                                status_read.with_siblings(roster))
        if server and computed:  # in the same transaction: no second connection, no second BEGIN
            status_cache.store_on_server(session, peildatum, fingerprint, read_at,
                                         {pid: status_codec.encode(*got) for pid, got in computed.items()}, read_stamps)
    if use_cache and computed and not server:
        status_cache.store(db, peildatum, fingerprint, read_at,
                           {pid: status_codec.encode(*got) for pid, got in computed.items()}, read_stamps)
    return status_read.assemble(peildatum, protocol, roster, computed, signal_config, missing_data, guardians_kept,
                                unchecked, wanted)
