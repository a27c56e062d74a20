"""A dry run: the import's own code in a transaction that is always rolled back, so it writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from verzuimdesk.storage.database import Database


@contextmanager
def rolled_back(db: Database) -> Iterator[Session]:
    with db.read() as session:
        try:
            yield session
        finally:
            session.rollback()
