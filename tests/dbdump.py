"""A dump of every row of every table, to show that something (a dry run, a refusal) wrote nothing."""

from __future__ import annotations

from sqlalchemy import select

from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Base


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.read() as s:
        return {t.name: sorted((tuple(r) for r in s.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables}
