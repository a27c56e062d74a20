"""Importing verlofaanvragen from a CSV file (docs/verlof.md), all or nothing.

Columns: `leerlingnummer;van;tot;artikel;reden` required; `aanvraag;aangevraagd_op;aangevraagd_door;
documenten;werkgeversverklaring` optional. Lines with the same `aanvraag` (a key of the file's own, such
as the LAS's request number) are one request for siblings and must agree on its dates, article and
reason; a line without one is a request of its own. Every wrong line is reported with its line number,
column and a Dutch reason, and then nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from verzuimdesk.importers.csvfile import read_csv
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.values import parse_date
from verzuimdesk.services.accounts import Account, Permission
from verzuimdesk.services.verlof import VerlofRefused, _need, checked_request, insert_request
from verzuimdesk.storage.database import Database, lock_for_writing
from verzuimdesk.storage.loading import load_calendar

REQUIRED = {"leerlingnummer", "van", "tot", "artikel", "reden"}
OPTIONAL = {"aanvraag", "aangevraagd_op", "aangevraagd_door", "documenten", "werkgeversverklaring"}
_YES = {"ja": True, "j": True, "1": True, "waar": True, "x": True, "nee": False, "n": False, "0": False, "": False}
_SAME = ("van", "tot", "artikel", "reden", "aangevraagd_op", "aangevraagd_door", "documenten", "werkgeversverklaring")


@dataclass(frozen=True, slots=True)
class VerlofImported:
    requests: int
    pupils: int


@dataclass
class _Draft:
    line: int
    numbers: list[str]
    values: dict[str, str]


def import_requests(db: Database, *, by: Account, data: bytes, source: str = "verlof.csv") -> VerlofImported:
    _need(by, Permission.EDIT_DOSSIER, Permission.DECIDE_LEAVE)
    table = read_csv(data, source, required=REQUIRED, optional=OPTIONAL)
    problems: list[Problem] = []
    drafts: list[_Draft] = []
    keyed: dict[str, _Draft] = {}
    for line, row in table.rows:
        key = row.get("aanvraag", "")
        if key and key in keyed:
            first = keyed[key]
            for col in _SAME:
                if row.get(col, "") != first.values.get(col, ""):
                    problems.append(Problem(line, col, f"verschilt van regel {first.line} van dezelfde aanvraag "
                                                       f"'{key}'"))
            first.numbers.append(row["leerlingnummer"])
            continue
        d = _Draft(line, [row["leerlingnummer"]], row)
        drafts.append(d)
        if key:
            keyed[key] = d
    parsed = []
    for d in drafts:
        v = d.values
        dates: dict[str, date | None] = {}
        for col in ("van", "tot", "aangevraagd_op"):
            try:
                dates[col] = parse_date(v[col]) if v.get(col) else None
            except ValueError as exc:
                problems.append(Problem(d.line, col, str(exc)))
        statement = _YES.get(v.get("werkgeversverklaring", "").lower())
        if statement is None:
            problems.append(Problem(d.line, "werkgeversverklaring", f"'{v['werkgeversverklaring']}' is geen ja of nee"))
        start, end = dates.get("van"), dates.get("tot")
        if start is None or end is None or statement is None:
            if not v.get("van") or not v.get("tot"):
                problems.append(Problem(d.line, "van" if not v.get("van") else "tot", "vul een datum in"))
            continue
        try:
            art, numbers = checked_request(d.numbers, start, end, v["artikel"], v["reden"], v.get("documenten", ""),
                                           v.get("aangevraagd_door", ""))
        except VerlofRefused as exc:
            problems.append(Problem(d.line, exc.column, str(exc)))
            continue
        parsed.append((d.line, numbers, start, end, art, v, statement, dates.get("aangevraagd_op")))
    with db.begin() as s:  # the lines that are right are tried too, so every wrong line is told at once
        lock_for_writing(s)
        calendar = load_calendar(s)
        for line, numbers, start, end, art, v, statement, asked in parsed:
            try:
                insert_request(s, by, numbers, start, end, art, v["reden"], v.get("documenten", ""), statement,
                               asked, v.get("aangevraagd_door", ""), calendar)
            except VerlofRefused as exc:
                problems.append(Problem(line, exc.column, str(exc)))
        if problems:
            raise InputRefused(source, sorted(problems, key=lambda p: (p.line or 0, p.column)))  # all rolled back
    return VerlofImported(len(parsed), sum(len(p[1]) for p in parsed))
