"""The school's status as it is read and shown, without SQLAlchemy: the cache fingerprint, the roster
query, putting the roster, the cached or computed statuses and the register signals together, and the
`status --json` object. services/status.py computes what the cache lacks; services/status_quick.py
answers the command line from a filled cache through a bare connection. Both build the answer here,
so the two give the same status byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from verzuimdesk import __version__
from verzuimdesk.domain.dutch import full_name, sort_key
from verzuimdesk.domain.engine import Light, PupilStatus
from verzuimdesk.domain.forecasts import NO_FORECAST, Forecast, next_reference
from verzuimdesk.domain.protocol import Protocol, ProtocolError, parse_protocol
from verzuimdesk.domain.signals import Signal, SignalConfig
from verzuimdesk.importers.protocol_files import protocol_file, read_protocol
from verzuimdesk.services import signal_status, status_codec
from verzuimdesk.services.signal_status import RegisterRow, SignalPart, Unchecked
from verzuimdesk.storage.errors import DatabaseError

# Bump when the cached form changes; the code of the modules below is part of the fingerprint anyway.
CACHE_FORMAT = "3"
ENGINE_MODULES = (
    "verzuimdesk.domain.calendar", "verzuimdesk.domain.codes", "verzuimdesk.domain.conditions",
    "verzuimdesk.domain.engine", "verzuimdesk.domain.statuses", "verzuimdesk.domain.measures",
    "verzuimdesk.domain.protocol",
    "verzuimdesk.domain.protocol_reader", "verzuimdesk.domain.screen", "verzuimdesk.domain.restarts",
    "verzuimdesk.domain.records", "verzuimdesk.domain.leerplicht", "verzuimdesk.domain.luxe",
    "verzuimdesk.domain.halfweeks", "verzuimdesk.storage.loading", "verzuimdesk.services.status_codec",
    "verzuimdesk.services.status", "verzuimdesk.domain.signals", "verzuimdesk.domain.signal_base",
    "verzuimdesk.domain.signal_detectors", "verzuimdesk.domain.forecasts", "verzuimdesk.storage.signal_loading",
    "verzuimdesk.services.signal_status", "verzuimdesk.services.status_read", "verzuimdesk.storage.school_rows",
)

Computed = tuple[PupilStatus, float, int, SignalPart]


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
    family: str = ""  # the gezin ('' for none): whose absence days count for SIBLINGS

    @property
    def light(self) -> Light:
        return self.status.light


@dataclass(frozen=True, slots=True)
class SchoolStatus:
    peildatum: date
    protocol: Protocol
    pupils: tuple[PupilLight, ...]
    computed: int = 0  # how many pupils the engine evaluated; the rest came from the cache
    guardians_kept: bool = False  # whether the school keeps guardians at all (MISSING_DATA asks for one then)

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
def engine_digest() -> str:
    """What identifies the engine's code: its source where it can be read, else the version. The files
    are found without importing them (a read from the cache needs none of the engine's storage)."""
    h = hashlib.sha256(f"{CACHE_FORMAT} {__version__}".encode())
    for name in ENGINE_MODULES:
        spec = importlib.util.find_spec(name)
        source = spec.origin if spec is not None and spec.has_location else None
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
        # As protocol_store.stored_bytes: the kept text; a database of before 0011, the file its path names.
        raw = text.encode("utf-8") if text is not None else read_protocol(protocol_ref)
        digest = hashlib.sha256(raw).hexdigest()
        protocol = _parsed(digest, raw, protocol_file(protocol_ref).name)
    except ProtocolError as exc:
        raise DatabaseError(f"Het protocol van de school kan niet geladen worden: {exc}") from None
    signals_digest = signal_status.signal_config()[1]
    return protocol, hashlib.sha256(f"{engine_digest()} {digest} {signals_digest}".encode()).hexdigest()


def school_protocol(protocol_ref: str, text: str | None = None) -> Protocol:
    return protocol_and_fingerprint(protocol_ref, text)[0]


SCHOOL = "SELECT protocol, protocol_text FROM school LIMIT 1"
# The same with the cache's generation (read first), whether the school keeps guardians and whether it has
# ever marked a dagdeel as checked: one statement (each is a round trip to a server, and on a busy machine a
# wait for a core at either end).
SCHOOL_AND_FLAGS = ("SELECT protocol, protocol_text, (SELECT n FROM status_generation WHERE id = 1), "
                    "EXISTS (SELECT 1 FROM guardian), EXISTS (SELECT 1 FROM registration_check) FROM school LIMIT 1")

# One query: the roster, each pupil with its cached status if there is one (`roster_query`).
_ROSTER = (
    "SELECT p.id, p.number, p.first_name, p.prefix, p.last_name, g.name, p.family{payload} FROM pupil p "
    "JOIN school_group g ON g.id = p.group_id{join}{where}"
)
_CACHE_JOIN = " LEFT JOIN status_cache c ON c.pupil_id = p.id AND c.peildatum = :d AND c.fingerprint = :f"
_STAMP_JOIN = " LEFT JOIN status_stamp st ON st.pupil_id = p.id"


_SOME = " WHERE p.id IN :ids"
_SOME_AND_FAMILY = _SOME + " OR p.family IN (SELECT family FROM pupil WHERE id IN :ids AND family != '')"


def roster_query(*, cached: bool, some: bool, stamps: bool = False, families: bool = False) -> str:
    """The roster with the cached payload (:d the peildatum, :f the fingerprint), or NULL without the
    cache; `some`: only the pupils of :ids, and with `families` everyone who shares a gezin with one of them
    (a brother's absence days make a sister's SIBLINGS). `stamps` (a server): each pupil's stamp (migration
    0013) before the payload, read in the same statement as the cached status and before the data a missing
    one is computed from (status_cache.store compares it), and only for these pupils."""
    return _ROSTER.format(payload=(", st.n" if stamps else "") + (", c.payload" if cached else ", NULL"),
                          join=(_CACHE_JOIN if cached else "") + (_STAMP_JOIN if stamps else ""),
                          where=(_SOME_AND_FAMILY if families else _SOME) if some else "")


def with_siblings(roster: Roster) -> set[int]:
    """The pupils of the roster whose gezin holds another pupil. Exact for a roster of the whole school and
    for one read with `families` (it holds every member of each pupil's gezin)."""
    count: dict[str, int] = {}
    for row in roster:
        if row[6]:
            count[row[6]] = count.get(row[6], 0) + 1
    return {row[0] for row in roster if row[6] and count[row[6]] > 1}


# Rows of roster_query, in the database's order (assemble puts them in list order): id, number, first_name,
# prefix, last_name, group, family, [stamp,] payload
Roster = Sequence[Sequence[Any]]


def assemble(peildatum: date, protocol: Protocol, roster: Roster, computed: dict[int, Computed],
             signal_config: SignalConfig, missing_data: dict[int, set[str]], guardians_kept: bool,
             unchecked: Unchecked, wanted: set[int] | None = None) -> SchoolStatus:
    """The school's status from the roster, each pupil's status computed or, where the roster carries a
    payload, decoded, and the register signals found now (signal_status). In list order: the group, then
    the pupil as every list sorts (dutch.sort_key, not the database's collation; each key made once)."""
    decode = status_codec.Decoder(protocol, peildatum)
    answers, register = [], []
    # Two pupils of a group with the same name come in the order of their id: whichever way the roster was
    # read (with the cache or without, by the app or the command line), the same list.
    keyed = sorted((((r[5], sort_key(r[2], r[3], r[4]), r[0]), r) for r in roster), key=itemgetter(0))
    for (_, key, _id), (pid, number, first, prefix, last, group, family, *_stamp, payload) in keyed:
        got = computed[pid] if payload is None else decode(payload)
        name = full_name(first, prefix, last)  # as load_pupil_data names the pupil
        answers.append((pid, number, name, group, got, key, family or ""))
        row = RegisterRow(pid, name, got[0].enrolled, family, got[3], group)
        if signal_status.needs_register(row, missing_data, unchecked):
            register.append(row)
    found = signal_status.with_register_signals(register, signal_config, peildatum, missing_data, guardians_kept,
                                                unchecked)
    lights = [PupilLight(pid, number, name, group, status, hours, episodes, found.get(pid, part.signals),
                         part.forecast, key, family)
              for pid, number, name, group, (status, hours, episodes, part), key, family in answers
              if wanted is None or pid in wanted]
    return SchoolStatus(peildatum, protocol, tuple(lights), len(computed), guardians_kept)


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
