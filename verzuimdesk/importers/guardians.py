"""The guardians CSV of INTERFACES.md: `leerlingnummer;naam;relatie;telefoon;email`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from verzuimdesk.domain.guardians import guardian_problems
from verzuimdesk.importers.csvfile import read_csv
from verzuimdesk.importers.problems import InputRefused, Problem

GUARDIAN_COLUMNS = ("leerlingnummer", "naam", "relatie", "telefoon", "email")
GUARDIAN_REQUIRED = {"leerlingnummer", "naam"}


@dataclass(frozen=True, slots=True)
class GuardianIn:
    number: str
    name: str
    relation: str
    phone: str
    email: str


def read_guardians(data: bytes, source: str, *, pupils: Iterable[str]) -> list[GuardianIn]:
    """Every row checked; InputRefused lists every wrong line and column."""
    table = read_csv(data, source, required=GUARDIAN_REQUIRED, optional=set(GUARDIAN_COLUMNS))
    known = set(pupils)
    problems: list[Problem] = []
    out: list[GuardianIn] = []
    for line, v in table.rows:
        g = GuardianIn(v.get("leerlingnummer", ""), v.get("naam", ""), v.get("relatie", ""),
                       v.get("telefoon", ""), v.get("email", ""))
        found = [Problem(line, col, reason) for col, reason in guardian_problems(g.name, g.relation, g.phone, g.email)]
        if not g.number:
            found.append(Problem(line, "leerlingnummer", "is leeg"))
        elif g.number not in known:
            found.append(Problem(line, "leerlingnummer", f"onbekende leerling {g.number}"))
        problems += found
        if not found:
            out.append(g)
    if problems:
        raise InputRefused(source, problems)
    return out
