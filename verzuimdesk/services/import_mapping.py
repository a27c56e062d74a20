"""The columns of a school's spreadsheet mapped to the fields of an import: the mapping given, saved from
last time (per kind, in the settings table) or guessed from the headers, checked, and the problems of
the mapped rows named in the spreadsheet's own headers. services.import_preview plans with it."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.importers.problems import Problem
from verzuimdesk.importers.spreadsheet import (
    DATE_FIELDS,
    DATETIME_FIELDS,
    FIELDS,
    REQUIRED,
    DateFormat,
    Sheet,
    detect_date_format,
    guess_mapping,
)
from verzuimdesk.services.import_presets import Preset
from verzuimdesk.storage.models import Setting


def mapping_key(kind: str) -> str:
    return f"import.mapping.{kind}"


def effective_mapping(session: Session, sheet: Sheet, kind: str, given: Mapping[str, str] | None,
                       preset: Preset | None = None) -> dict[str, str]:
    """The given mapping, else the one saved last time for these headers, then the preset's, then guessed."""
    if given is not None:
        return {c: given.get(c, "") for c in sheet.header}
    saved: dict[str, str] = {}
    raw = session.scalar(select(Setting.value).where(Setting.key == mapping_key(kind)))
    if raw:
        try:
            loaded = json.loads(raw)
        except ValueError:
            loaded = {}
        if isinstance(loaded, dict):
            saved = {str(c): str(f) for c, f in loaded.items() if c in sheet.header and f in ("", *FIELDS[kind])}
    used = dict(saved)
    for column, f in [*(preset.mapping(sheet.header).items() if preset else ()),
                      *guess_mapping(sheet.header, kind).items()]:
        if column not in used and f not in used.values():
            used[column] = f
    return {c: used.get(c, "") for c in sheet.header}


def save_mapping(session: Session, kind: str, mapping: Mapping[str, str]) -> None:
    row = session.scalar(select(Setting).where(Setting.key == mapping_key(kind)))
    value = json.dumps(dict(mapping), ensure_ascii=False)
    if row is None:
        session.add(Setting(key=mapping_key(kind), value=value))
    else:
        row.value = value


def date_format(sheet: Sheet, mapping: Mapping[str, str]) -> DateFormat | None:
    index = {c: i for i, c in enumerate(sheet.header)}
    columns = [index[c] for c, f in mapping.items() if f in DATE_FIELDS | DATETIME_FIELDS]
    return detect_date_format(cells[i] for _, cells in sheet.rows for i in columns)


def mapping_problems(kind: str, mapping: Mapping[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for column, f in mapping.items():
        if not f:
            continue
        if f not in FIELDS[kind]:
            problems.append(Problem(1, column, f"onbekend veld '{f}'"))
        elif f in taken:
            problems.append(Problem(1, column, f"veld {f} is ook al gekoppeld aan kolom {taken[f]}"))
        taken.setdefault(f, column)
    problems += [Problem(None, "", f"het verplichte veld {f} is aan geen kolom gekoppeld")
                 for f in FIELDS[kind] if f in REQUIRED[kind] and f not in taken]
    return problems


def in_sheet_terms(problem: Problem, headers: Mapping[str, str]) -> Problem:
    """A problem named by the spreadsheet's own header, with the field it was mapped to."""
    header = headers.get(problem.column)
    if header is None or header == problem.column:
        return problem
    return Problem(problem.line, f"{header} ({problem.column})", problem.reason)
