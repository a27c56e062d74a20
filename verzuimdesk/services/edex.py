"""Importing an EDEXML export: groups, pupils and teachers, all or nothing, with a truthful dry run.

Pupils are matched on their EDEX key (the leerlingnummer), or, for the standard's unstable dummy keys
that start with `#`, on name and birth date; groups on their name, samengestelde groepen and teachers on
their EDEX key. A re-import updates what changed and says what; a pupil who is missing from a newer
export is never deleted but flagged as possibly left. The dry run runs the very same code in a
transaction that is rolled back, so what it reports is what the import does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.importers.edex import EdexFile, parse_edex
from verzuimdesk.services.dry_run import rolled_back
from verzuimdesk.services.edex_sync import Report, sync_composites, sync_groups, sync_pupils, sync_teachers
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.results import Change
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import School, SchoolYear

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class EdexResult:
    """What an EDEX import did (or, in a dry run, would do), counted and described line by line."""

    groups: Change
    pupils: Change
    teachers: Change
    added: tuple[str, ...]  # "leerling 1005 Fleur Bakker (groep 6)"
    changed: tuple[str, ...]  # "leerling 1001 Zoë van der Berg: groep 5 → 6"
    possibly_left: tuple[str, ...]  # pupils flagged by this import: "leerling 1004 Anaïs de Vries (groep 5)"
    dry_run: bool = False
    without_group: tuple[str, ...] = ()  # pupils in no stamgroep: put in group "zonder groep"
    warnings: tuple[str, ...] = ()  # worth a second look, not a reason to refuse
    not_stored: tuple[str, ...] = ()  # "BSN (12 leerlingen)": in the file, deliberately not kept
    composites: Change = field(default_factory=Change)

    def summary(self) -> str:
        lines = [f"groepen: {self.groups.summary()}", f"leerlingen: {self.pupils.summary()}",
                 f"leerkrachten: {self.teachers.summary()}"]
        if self.composites != Change():
            lines.append(f"samengestelde groepen: {self.composites.summary()}")
        lines.append(f"mogelijk vertrokken (niet meer in de export): {len(self.possibly_left)}")
        if self.without_group:
            lines.append(f"zonder stamgroep: {len(self.without_group)} (in groep '{NO_GROUP}', met het "
                         "standaardrooster van de school)")
        if self.not_stored:
            lines.append("niet opgeslagen (dataminimalisatie): " + ", ".join(self.not_stored))
        lines += [f"let op: {w}" for w in self.warnings]
        if self.dry_run:
            lines.append("proefdraai: er is niets opgeslagen")
        return "\n".join(lines)

    def report(self) -> str:
        """The summary followed by every addition, change, pupil without group and possibly-left pupil."""
        parts = [self.summary()]
        for title, items in (("Nieuw", self.added), ("Gewijzigd", self.changed),
                             (f"Zonder stamgroep (groep '{NO_GROUP}')", self.without_group),
                             ("Mogelijk vertrokken", self.possibly_left)):
            if items:
                parts.append(f"{title}:\n" + "\n".join(f"  {item}" for item in items))
        return "\n".join(parts)


NO_GROUP = "zonder groep"


def import_edex(db: Database, *, data: bytes, filename: str, dry_run: bool = False, by: Actor,
                today: date | None = None, progress: Progress | None = None) -> EdexResult:
    """Read the export and bring the database in line with it; InputRefused changes nothing."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    edex = parse_edex(data, filename)
    day = today or date.today()
    if dry_run:
        with rolled_back(db) as session:
            return _apply(session, edex, filename, day, dry_run=True, progress=progress)
    with db.begin() as session:
        result = _apply(session, edex, filename, day, dry_run=False, progress=progress)
        audit.append(session, user=user, action="import", entity="edex",
                     detail={"bestand": filename, "resultaat": result.summary().replace("\n", "; ")})
    return result


def _apply(session: Session, edex: EdexFile, source: str, today: date, *, dry_run: bool,
           progress: Progress | None) -> EdexResult:
    report = Report()
    total = len(edex.groups) + len(edex.pupils) + len(edex.teachers)
    warnings = list(edex.notes) + _warnings(session, edex, today)
    groups, group_change = sync_groups(session, edex, report, no_group=NO_GROUP)
    composites, composite_change = sync_composites(session, edex, report)
    if progress:
        progress(len(edex.groups), total)
    pupil_change, left, without = sync_pupils(session, edex, groups, composites, _default_start(session, edex, today),
                                              today, source, report)
    if progress:
        progress(len(edex.groups) + len(edex.pupils), total)
    teacher_change = sync_teachers(session, edex, groups, composites, report)
    session.flush()
    if progress:
        progress(total, total)
    enrolled = pupil_change.added + pupil_change.updated + pupil_change.unchanged + len(left)
    if len(left) > 10 and len(left) * 2 > enrolled:
        warnings.append(f"{len(left)} leerlingen staan niet in deze export en worden als mogelijk vertrokken "
                        "gemarkeerd; is dit de volledige export van de school?")
    return EdexResult(group_change, pupil_change, teacher_change, tuple(report.added), tuple(report.changed),
                      tuple(left), dry_run, tuple(without), tuple(warnings), edex.not_stored, composite_change)


def _current_year(session: Session, today: date) -> SchoolYear | None:
    years = list(session.scalars(select(SchoolYear).order_by(SchoolYear.start)))
    return next((y for y in years if y.start <= today <= y.end), years[-1] if years else None)


def _default_start(session: Session, edex: EdexFile, today: date) -> date | None:
    """Where a new pupil without an instroomdatum starts: the export's school year as the school has it."""
    year = edex.school_year_start()
    if year is None:
        current = _current_year(session, today)
        return current.start if current else None
    starts = session.scalars(select(SchoolYear.start)).all()
    return next((s for s in starts if s.year == year and s.month >= 7), date(year, 8, 1))


def _warnings(session: Session, edex: EdexFile, today: date) -> list[str]:
    out = []
    year, current = edex.school_year_start(), _current_year(session, today)
    if year is not None and current is not None and year != current.start.year:
        distance = abs(year - current.start.year)
        out.append(f"de export is van schooljaar {edex.school_year}, de school staat op schooljaar "
                   f"{current.start.year}-{current.end.year} ({distance} jaar verschil); is dit de goede export?")
    school = session.scalar(select(School).limit(1))
    if school is not None and school.brin and edex.brin and school.brin.upper() != edex.brin.upper():
        out.append(f"de export is van BRIN {edex.brin}, de school heeft BRIN {school.brin}")
    return out


def read_edex(path: Path) -> bytes:
    """An export's bytes, up to its own limit: an EDEXML export cannot be split as a CSV file can, so a
    file over the CSV limit is not refused with the advice to split it."""
    from verzuimdesk.importers import xmltree
    from verzuimdesk.services.imports import read_file

    return read_file(path, limit=xmltree.MAX_BYTES, refusal=xmltree.too_big)
