"""A pupil's status (the list's two figures, its signals and forecast) as compact JSON for the status cache, and back.

Rule texts and steps are not stored: they come from the protocol, whose bytes are part of the
cache's fingerprint. Decoding gives exactly the objects `evaluate` gave (tests/services/test_status_cache.py).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.engine import Action, Light, PupilStatus, RuleHit
from verzuimdesk.domain.forecasts import Forecast
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.signals import Signal
from verzuimdesk.services.signal_status import EMPTY, SignalPart

_LIGHT = {light.value: light for light in Light}
_KIND = {kind.value: kind for kind in ActionKind}


def _d(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


Parsed = tuple[PupilStatus, float, int, SignalPart]


def _encode_part(part: SignalPart) -> list[object] | None:
    if part == EMPTY:
        return None
    return [
        [[s.id, s.text, s.basis, s.value, s.threshold, s.unit, [d.isoformat() for d in s.evidence], s.details,
          s.record_ids, s.items] for s in part.signals],
        _d(part.forecast.hours_16_on), _d(part.forecast.thuiszitter_on), _d(part.window_start),
        [d.isoformat() for d in part.absence_days],
    ]


def _decode_part(raw: Any) -> SignalPart:
    if raw is None:
        return EMPTY
    signals, h16, thuis, start, days = raw
    return SignalPart(
        tuple(Signal(sid, text, basis, value, threshold, unit, tuple(date.fromisoformat(d) for d in evidence),
                     tuple(details), tuple(ids), tuple(items))
              for sid, text, basis, value, threshold, unit, evidence, details, ids, items in signals),
        Forecast(_day(h16), _day(thuis)),
        _day(start),
        tuple(date.fromisoformat(d) for d in days),
    )


# One encoder for every payload: json.dumps with separators makes a new JSONEncoder on every call, and
# a school's first look at a peildatum encodes two texts per pupil.
_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def encode(status: PupilStatus, hours: float, episodes: int, part: SignalPart = EMPTY) -> str:
    return _ENCODE([
        status.light.value, status.enrolled, status.step.id, _d(status.case_start), status.thuiszitter,
        hours, episodes,
        [[h.rule_id, h.value, h.threshold, h.unit, _d(h.window_start), _d(h.window_end),
          h.trigger_date.isoformat(), h.record_ids, h.event_ids, h.follow_up] for h in status.rules],
        [[a.kind.value, a.rule_id, a.trigger_date.isoformat(), a.due_date.isoformat(), a.legal, a.regie, a.term,
          a.term_unit, a.done, a.done_by, a.overdue] for a in status.actions],
    ]) + "\n" + _ENCODE(_encode_part(part))


class Decoder:
    """Turns payloads back into statuses at one peildatum. A payload is two JSON texts on two lines,
    the status and the signal part; each text many pupils share (most are plain green, and pupils
    without a signal share their part) is parsed once, and those pupils share the (immutable) answer."""

    def __init__(self, protocol: Protocol, peildatum: date) -> None:
        self.protocol = protocol
        self.peildatum = peildatum
        self._parsed: dict[str, tuple[PupilStatus, float, int]] = {}
        self._parts: dict[str, SignalPart] = {}
        self._whole: dict[str, Parsed] = {}

    def __call__(self, payload: str) -> Parsed:
        whole = self._whole.get(payload)
        if whole is None:
            whole = self._whole[payload] = self._call(payload)
        return whole

    def _call(self, payload: str) -> Parsed:
        head, _, tail = payload.partition("\n")
        got = self._parsed.get(head)
        if got is None:
            got = self._parsed[head] = self._parse(head)
        part = self._parts.get(tail)
        if part is None:
            part = self._parts[tail] = _decode_part(json.loads(tail))
        return (*got, part)

    def _parse(self, payload: str) -> tuple[PupilStatus, float, int]:
        protocol = self.protocol
        light, enrolled, step, case_start, thuiszitter, hours, episodes, rules, actions = json.loads(payload)
        hits = []
        for rid, value, threshold, unit, ws, we, trig, records, events, follow_up in rules:
            rule = protocol.rule(rid)
            hits.append(RuleHit(rid, rule.text, rule.step, value, threshold, unit, _day(ws), _day(we),
                                date.fromisoformat(trig), tuple(records), tuple(events), follow_up))
        acts = tuple(
            Action(_KIND[kind], rid, date.fromisoformat(trig), date.fromisoformat(due), legal, regie, term,
                   term_unit, done, done_by, overdue)
            for kind, rid, trig, due, legal, regie, term, term_unit, done, done_by, overdue in actions
        )
        status = PupilStatus(self.peildatum, _LIGHT[light], enrolled, tuple(hits), acts, protocol.step(step),
                             _day(case_start), thuiszitter)
        return status, hours, episodes

