"""One app on a server, as another process: it edits the same conversation and the same registration cell
as the others, the way the dialogs and the grid do (open, change, save with the version it opened; when
refused because someone saved meanwhile, open again and redo the change). Used by
tests/storage/test_server_concurrency.py and benchmarks/server.py.

    python3 -m tests.storage.server_client URL NAME CONVERSATION_ID PUPIL_ID DAY EDITS
prints one JSON line: {"saved": n, "refused": n}.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

from tests.actors import IB, ib
from verzuimdesk.services.conversations import get_conversation, save_conversation
from verzuimdesk.services.errors import ChangedMeanwhile, Refused
from verzuimdesk.services.registration import AbsenceSpec, RecordRow, apply_edit
from verzuimdesk.services.registration_grid import week_grid
from verzuimdesk.storage.database import Database, open_database

CODES = ("Z", "O", "E")


def _record(db: Database, group: str, pupil_id: int, day: date) -> RecordRow | None:
    grid = week_grid(db, group=group, monday=day, by=IB)
    return next((r for row in grid.rows if row.pupil_id == pupil_id for cell in row.cells for r in cell
                 if r.spec.day == day), None)


def edit_conversation(db: Database, name: str, conversation_id: int, i: int) -> int:
    """Add this client's token to the summary; how many times the save was refused first."""
    refused = 0
    while True:
        c = get_conversation(db, conversation_id=conversation_id, by=IB)
        try:
            save_conversation(db, pupil_id=c.pupil_id, kind=c.kind.value, held_at=c.held_at,
                              participants=c.participants, summary=f"{c.summary} {name}-{i}", by=ib(name),
                              conversation_id=conversation_id, version=c.version, now=datetime.now())
            return refused
        except ChangedMeanwhile:
            refused += 1


def edit_cell(db: Database, name: str, group: str, pupil_id: int, day: date, i: int) -> int:
    """Replace what the cell holds by this client's code and note; how many refusals first."""
    refused = 0
    while True:
        seen = _record(db, group, pupil_id, day)
        spec = AbsenceSpec(pupil_id, day, CODES[i % len(CODES)], note=f"{name}-{i}")
        try:
            apply_edit(db, remove=[seen.id] if seen else [], add=[spec], by=ib(name), seen=[seen] if seen else [])
            return refused
        except Refused:  # changed meanwhile, or a record added where the grid showed none
            refused += 1


def main(argv: list[str]) -> int:
    url, name, conversation_id, pupil_id, day_text, edits = argv
    day = date.fromisoformat(day_text)
    db = open_database(url)
    try:
        from sqlalchemy import select

        from verzuimdesk.storage.models import Group, Pupil
        with db.read() as s:
            group = s.scalars(select(Group.name).join(Pupil, Pupil.group_id == Group.id)
                              .where(Pupil.id == int(pupil_id))).one()
        refused = 0
        for i in range(int(edits)):
            refused += edit_conversation(db, name, int(conversation_id), i)
            refused += edit_cell(db, name, group, int(pupil_id), day, i)
        print(json.dumps({"saved": 2 * int(edits), "refused": refused}))
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
