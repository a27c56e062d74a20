"""Which rule decides a pupil's colour, for the pupil list's "Belangrijkste reden", the dossier's
"Waarom deze kleur" and the Te-doen list alike.

The engine makes a light red when a legal action (or an escalation) is overdue, or when the pupil is a
thuiszitter with an open action; orange when any action is open. The deciding action follows the same
order: for a red thuiszitter the open action of the thuiszitter rule (the rule that starts the case),
else the most overdue legal action, else the open action due first.
"""

from __future__ import annotations

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.dutch import format_date, number
from verzuimdesk.domain.engine import Action, Light, PupilStatus, RuleHit
from verzuimdesk.domain.protocol import Protocol


def _urgency(a: Action) -> tuple[bool, bool, object]:
    return (not a.overdue, not a.legal, a.due_date)


def _case_rule_ids(protocol: Protocol) -> set[str]:
    return {r.id for r in protocol.rules if r.starts_case}


def deciding_action(status: PupilStatus, protocol: Protocol) -> Action | None:
    """The open action that gives the pupil its colour; None for green and grey."""
    open_ = status.open_actions
    if not open_ or status.light in (Light.GREEN, Light.GREY):
        return None
    if status.light is Light.RED:
        if status.thuiszitter:
            case = [a for a in open_ if a.rule_id in _case_rule_ids(protocol)]
            if case:
                return min(case, key=_urgency)
        red = [a for a in open_ if a.overdue and (a.legal or a.kind is ActionKind.ESCALATION)]
        if red:
            return min(red, key=lambda a: (not a.legal, a.due_date))
    return min(open_, key=_urgency)


def hit_of(status: PupilStatus, action: Action) -> RuleHit | None:
    for hit in status.rules:
        if hit.rule_id == action.rule_id and hit.trigger_date == action.trigger_date:
            return hit
    return None


def is_follow_up(status: PupilStatus, action: Action | None) -> bool:
    """The action is a DUO report that follows an earlier one of its rule (a vervolgmelding,
    RuleHit.follow_up), as the DUO sheet printed for it says."""
    if action is None or action.kind is not ActionKind.DUO_REPORT:
        return False
    hit = hit_of(status, action)
    return hit is not None and hit.follow_up


def deciding_hit(status: PupilStatus, protocol: Protocol) -> RuleHit | None:
    """The rule hit behind the deciding action (for a green pupil: none)."""
    action = deciding_action(status, protocol)
    return hit_of(status, action) if action is not None else None


def hits_in_order(status: PupilStatus, protocol: Protocol) -> tuple[RuleHit, ...]:
    """Every rule that holds, the deciding one first, then those with open actions, then the rest."""
    first = deciding_hit(status, protocol)
    open_keys = {(a.rule_id, a.trigger_date) for a in status.open_actions}

    def key(item: tuple[int, RuleHit]) -> tuple[int, int]:
        i, hit = item
        rank = 0 if hit is first else (1 if (hit.rule_id, hit.trigger_date) in open_keys else 2)
        return (rank, i)

    return tuple(h for _, h in sorted(enumerate(status.rules), key=key))


def rule_label(protocol: Protocol, rule_id: str) -> str:
    """The rule's Dutch name; its id for a rule the protocol no longer has."""
    try:
        return protocol.rule(rule_id).label
    except KeyError:
        return rule_id


def reason_parts(protocol: Protocol, hit: RuleHit) -> tuple[str, str]:
    """The rule's Dutch name and its measured value (`18,5 uur`); a rule about one record gives its day."""
    if hit.unit == "keer" and hit.value == 1 and hit.window_start is not None and hit.window_start == hit.window_end:
        return rule_label(protocol, hit.rule_id), format_date(hit.window_start, weekday=False)
    return rule_label(protocol, hit.rule_id), f"{number(hit.value)} {hit.unit}"


def reason_text(protocol: Protocol, hit: RuleHit) -> str:
    """`Ongeoorloofd verzuim (18,5 uur)`; `Afwezig, reden onbekend (16 nov 2026)`."""
    label, detail = reason_parts(protocol, hit)
    return f"{label} ({detail})"


def joined_reasons(protocol: Protocol, hits: list[RuleHit]) -> tuple[str, ...]:
    """One reason per rule, its values together: `Afwezig, reden onbekend (16 nov 2026, 25 nov 2026)`."""
    details: dict[str, list[str]] = {}
    for hit in hits:
        label, detail = reason_parts(protocol, hit)
        seen = details.setdefault(label, [])
        if detail not in seen:
            seen.append(detail)
    return tuple(f"{label} ({', '.join(d)})" for label, d in details.items())


def main_reason(status: PupilStatus, protocol: Protocol) -> str:
    """The pupil list's "Belangrijkste reden": the deciding rule; for a green pupil the latest rule, if any."""
    hit = deciding_hit(status, protocol)
    if hit is None and status.rules and status.light is not Light.GREY:
        hit = status.rules[-1]
    return reason_text(protocol, hit) if hit is not None else ""
