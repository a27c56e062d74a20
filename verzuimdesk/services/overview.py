"""The IB-er's desk: the lights counted, the "Te doen" list of open actions and the rows of the pupil list.

One call to `school_status` (the status cache, or the engine on the whole school loaded in bulk) gives
every pupil's light and the two figures the list shows beside it: unauthorised hours in the current
window of 4 lesweken and sick episodes that started in 12 lesweken.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import bindparam, text

from verzuimdesk.domain.engine import Light
from verzuimdesk.services import signal_status
from verzuimdesk.services.accounts import Account
from verzuimdesk.services.desk import (
    LIGHT_ORDER,
    AttentionItem,
    DeskOverview,
    PupilDeskRow,
    TodoItem,
    _attention_order,
    _pupil_parts,
    _todo_items,
    _todo_order,
    assemble_desk,
)
from verzuimdesk.services.registration_checks import unchecked_groups
from verzuimdesk.services.status import school_status
from verzuimdesk.storage import school_rows
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import session_run

__all__ = ["LIGHT_ORDER", "AttentionItem", "DeskOverview", "PupilDeskRow", "TodoItem", "_pupil_parts", "_todo_items",
           "desk_overview", "desk_update"]


def desk_overview(db: Database, *, peildatum: date, account: Account) -> DeskOverview:
    """The lights, the open actions (overdue first) and the list rows of the pupils `account` sees."""
    school = school_status(db, peildatum)
    with db.read() as s:
        unborn = school_rows.without_birth_date(session_run(s))
    return assemble_desk(school, account, unborn,
                         lambda seen: unchecked_groups(db, peildatum=peildatum, groups=seen))


_FAMILY = text("SELECT id, birth_date IS NULL FROM pupil WHERE id IN :ids OR (family != '' AND family IN "
                "(SELECT family FROM pupil WHERE id IN :ids AND family != ''))")


def desk_update(db: Database, previous: DeskOverview, *, pupil_ids: Iterable[int],
                account: Account) -> DeskOverview | None:
    """`previous` after a change to the lights of `pupil_ids`: the same answer as `desk_overview` on
    `previous.peildatum`, evaluating only those pupils and their brothers and sisters (whose SIBLINGS
    signal their absence feeds) and keeping every other line as it was. A key typed in the grid costs
    one pupil, not the school. None when the change reaches further than those pupils' lines (a pupil
    who came, left, moved to another group or was renamed): then the whole desk is worked out again.
    The Overzicht's unchecked registrations are kept: a change of pupils' records does not touch them."""
    asked = sorted(set(pupil_ids))
    with db.read() as s:  # one statement: the pupils, their brothers and sisters, whose birth date is missing
        found = s.execute(_FAMILY.bindparams(bindparam("ids", expanding=True)), {"ids": asked}).all()
    ids = [*asked, *sorted(pid for pid, _ in found if pid not in set(asked))]
    unborn = {pid for pid, missing in found if missing}
    # Evaluated, not read back: the cache holds nothing for them now (their records changed), and
    # storing their statuses would make each key a second durable write; a later read evaluates them.
    school = school_status(db, previous.peildatum, pupil_ids=ids, use_cache=False)
    rank = {r.pupil_id: i for i, r in enumerate(previous.rows)}
    name_of = signal_status.signal_config()[0].name
    fresh: dict[int, tuple[PupilDeskRow, AttentionItem | None, list[TodoItem]]] = {}
    for p in school.pupils:
        at = rank.get(p.pupil_id)
        if not account.sees_group(p.group):
            if at is not None:
                return None
            continue
        if at is None or previous.rows[at].group != p.group or previous.rows[at].sort_key != p.sort_key:
            return None
        fresh[p.pupil_id] = _pupil_parts(p, school.protocol, name_of, p.pupil_id in unborn)
    if any(pid in rank and pid not in fresh for pid in ids):
        return None  # no longer in the school's status
    rows = list(previous.rows)
    for pid, (row, _, _) in fresh.items():
        rows[rank[pid]] = row
    counts = dict.fromkeys(Light, 0)
    for row in rows:
        counts[row.light] += 1
    # Ties sort in list order (as `desk_overview`'s stable sort leaves them), each pupil's items in turn.
    todo = [(t, rank[t.pupil_id], i) for i, t in enumerate(previous.todo) if t.pupil_id not in fresh]
    todo += [(t, rank[pid], i) for pid, (_, _, items) in fresh.items() for i, t in enumerate(items)]
    todo.sort(key=lambda x: (*_todo_order(x[0]), x[1], x[2] if x[0].pupil_id in fresh else 0))
    attention = [a for a in previous.attention if a.pupil_id not in fresh]
    attention += [a for _, a, _ in fresh.values() if a is not None]
    attention.sort(key=lambda a: (*_attention_order(a), rank[a.pupil_id]))
    return DeskOverview(previous.peildatum, counts, tuple(t for t, _, _ in todo), tuple(rows), previous.groups,
                        previous.unchecked, tuple(attention))
