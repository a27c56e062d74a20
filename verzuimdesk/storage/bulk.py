"""Many rows into one table in one `executemany` of the driver, stored exactly as SQLAlchemy Core
stores them.

Core converts every value of every row on its way to SQLite (a date to its text, a bool to 0/1) and
builds each row's parameters anew: for a school year of absences that was most of an import's time.
Here each column's converter (the dialect's own) runs once per distinct value, and the statement is
the one Core compiles for these columns, so what lands in the file is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session


def insert_new(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """INSERT ... ON CONFLICT DO NOTHING of `rows` (each a value per name in `columns`); how many went in.

    A column not in `columns` gets its scalar default, as Core gives it; a row that clashes with a
    unique index (another writer's meanwhile) is skipped.
    """
    if not rows:
        return 0
    dialect = session.get_bind().dialect
    keys = set(columns)
    named = _columns(table, keys)
    if dialect.name != "sqlite" or named is None or len(keys) != len(columns):
        return _insert_core(session, table, columns, rows)
    stmt = sqlite_insert(table).on_conflict_do_nothing()
    compiled = stmt.compile(dialect=dialect, column_keys=[c.key for c in named])
    by_key = {c.key: c for c in named}
    order = [by_key[name] for name in compiled.positiontup or () if name in by_key]
    if len(order) != len(named) or len(order) != len(compiled.positiontup or ()):  # not these alone: Core
        return _insert_core(session, table, columns, rows)
    given = dict(zip(columns, zip(*rows, strict=True), strict=True))  # each column's values, in row order
    params = list(zip(*(_stored(c, given.get(c.key), len(rows), dialect) for c in order), strict=True))
    result = session.connection().exec_driver_sql(compiled.string, params)
    return int(result.rowcount)


def _columns(table: Table, keys: set[str]) -> list[Column[Any]] | None:
    """The columns the INSERT names: the given ones and every other column with a scalar default; None
    when another column has a default that is computed (then Core is asked)."""
    out = []
    for c in table.columns:
        if c.key in keys:
            out.append(c)
        elif c.default is not None:
            if not c.default.is_scalar:
                return None
            out.append(c)
    return out


def _stored(column: Column[Any], values: Sequence[Any] | None, n: int, dialect: Dialect) -> Sequence[Any]:
    """The column's value in each of `n` rows as the dialect stores it (its default when not given),
    each distinct value converted once."""
    impl = column.type.dialect_impl(dialect)
    convert: Callable[[Any], Any] | None = impl.bind_processor(dialect)
    if convert is not None and type(impl) is sqlite.DATETIME and impl._storage_format == _SQLITE_MOMENT:
        convert = _moment(convert)
    if values is None:
        assert column.default is not None and column.default.is_scalar
        value = column.default.arg  # type: ignore[attr-defined]
        return [convert(value) if convert else value] * n
    if convert is None:
        return values
    try:
        distinct = set(values)
    except TypeError:  # a value that is not hashable: converted one by one
        return [convert(v) for v in values]
    if len(set(map(type, distinct)) - {type(None)}) > 1:  # 1, True and 1.0 are one key of a dict
        typed = list(zip(map(type, values), values, strict=True))
        by_type = {k: convert(k[1]) for k in set(typed)}
        return list(map(by_type.__getitem__, typed))
    stored = {v: convert(v) for v in distinct}
    return list(map(stored.__getitem__, values))


# SQLAlchemy's text of a moment on SQLite, unless a column names another; its converter fills that
# format from a dictionary per value, which took most of the time of an import's gemeld_op column
# (nearly every value distinct). For a naive datetime, isoformat writes the same text.
_SQLITE_MOMENT = sqlite.DATETIME._storage_format


def _moment(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def stored(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return convert(value)  # a date, an aware moment (its zone is dropped), None: as SQLAlchemy does
    return stored


def _insert_core(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    dialect = session.get_bind().dialect.name
    stmt = (sqlite_insert(table) if dialect == "sqlite" else pg_insert(table)).on_conflict_do_nothing()
    key = next(iter(table.primary_key.columns))
    # the rows this statement added, not a count of the table: on a server others add rows meanwhile
    made = session.connection().execute(stmt.returning(key), [dict(zip(columns, r, strict=True)) for r in rows])
    return len(made.all())
