"""Importing an EDEXML export: groups, pupils and teachers, all or nothing, with a truthful dry run.

Pupils are matched on their EDEX key (the leerlingnummer), groups on their name and teachers on
their EDEX key (`Staff.external_key`). A re-import updates what changed and says what; a pupil who
is missing from a newer export is never deleted but flagged as possibly left. The dry run runs the
very same code in a transaction that is rolled back, so what it reports is what the import does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.importers.edex import EdexFile, EdexPupil, parse_edex
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.services.results import Change
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Group, Pupil, SchoolYear, Staff, StaffGroup

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

    def summary(self) -> str:
        lines = [f"groepen: {self.groups.summary()}", f"leerlingen: {self.pupils.summary()}",
                 f"leerkrachten: {self.teachers.summary()}"]
        if self.possibly_left:
            lines.append(f"mogelijk vertrokken (niet meer in de export): {len(self.possibly_left)}")
        return "\n".join(lines)

    def report(self) -> str:
        """The summary followed by every addition, change and possibly-left pupil."""
        parts = [self.summary()]
        for title, items in (("Nieuw", self.added), ("Gewijzigd", self.changed),
                             ("Mogelijk vertrokken", self.possibly_left)):
            if items:
                parts.append(f"{title}:\n" + "\n".join(f"  {item}" for item in items))
        return "\n".join(parts)


def import_edex(db: Database, *, data: bytes, filename: str, dry_run: bool = False, user: str = "",
                today: date | None = None, progress: Progress | None = None) -> EdexResult:
    """Read the export and bring the database in line with it; InputRefused changes nothing."""
    edex = parse_edex(data, filename)
    day = today or date.today()
    if dry_run:
        with db.read() as session:
            try:
                return _apply(session, edex, filename, day, dry_run=True, progress=progress)
            finally:
                session.rollback()
    with db.begin() as session:
        result = _apply(session, edex, filename, day, dry_run=False, progress=progress)
        audit.append(session, user=user, action="import", entity="edex",
                     detail={"bestand": filename, "resultaat": result.summary().replace("\n", "; ")})
    return result


class _Report:
    def __init__(self) -> None:
        self.added: list[str] = []
        self.changed: list[str] = []


def _apply(session: Session, edex: EdexFile, source: str, today: date, *, dry_run: bool,
           progress: Progress | None) -> EdexResult:
    report = _Report()
    total = len(edex.groups) + len(edex.pupils) + len(edex.teachers)
    groups, group_change = _sync_groups(session, edex, report)
    if progress:
        progress(len(edex.groups), total)
    default_start = _default_start(session, edex)
    pupil_change, left = _sync_pupils(session, edex.pupils, groups, default_start, today, source, report)
    if progress:
        progress(len(edex.groups) + len(edex.pupils), total)
    teacher_change = _sync_teachers(session, edex, groups, report)
    session.flush()
    if progress:
        progress(total, total)
    return EdexResult(group_change, pupil_change, teacher_change, tuple(report.added), tuple(report.changed),
                      tuple(left), dry_run)


def _sync_groups(session: Session, edex: EdexFile, report: _Report) -> tuple[dict[str, Group], Change]:
    by_name = {g.name: g for g in session.scalars(select(Group))}
    by_key: dict[str, Group] = {}
    added = updated = unchanged = 0
    for g in edex.groups:
        group = by_name.get(g.name)
        if group is None:
            group = by_name[g.name] = Group(name=g.name, jaargroep=g.jaargroep)
            session.add(group)
            report.added.append(f"groep {g.name}")
            added += 1
        elif g.jaargroep and group.jaargroep != g.jaargroep:
            report.changed.append(f"groep {g.name}: jaargroep {group.jaargroep or '(leeg)'} → {g.jaargroep}")
            group.jaargroep = g.jaargroep
            updated += 1
        else:
            unchanged += 1
        by_key[g.key] = group
    session.flush()
    return by_key, Change(added, updated, unchanged)


def _default_start(session: Session, edex: EdexFile) -> date | None:
    """Where a new pupil without an instroomdatum starts: the export's school year as the school has it."""
    year = edex.school_year_start()
    if year is None:
        return None
    starts = session.scalars(select(SchoolYear.start)).all()
    return next((s for s in starts if s.year == year and s.month >= 7), date(year, 8, 1))


def _show(value: object) -> str:
    if value is None or value == "":
        return "(leeg)"
    return format_date(value, weekday=False) if isinstance(value, date) else str(value)


_LABELS = {"first_name": "roepnaam", "prefix": "voorvoegsel", "last_name": "achternaam",
           "birth_date": "geboortedatum", "group": "groep", "enrolled_from": "instroomdatum",
           "enrolled_until": "uitstroomdatum"}


def _sync_pupils(session: Session, pupils: tuple[EdexPupil, ...], groups: dict[str, Group],
                 default_start: date | None, today: date, source: str,
                 report: _Report) -> tuple[Change, list[str]]:
    existing = {p.number: p for p in session.scalars(select(Pupil))}
    names = {g.id: g.name for g in groups.values()} | {g.id: g.name for g in session.scalars(select(Group))}
    problems: list[Problem] = []
    added = updated = unchanged = 0
    for e in pupils:
        group = groups[e.group_key]
        pupil = existing.get(e.key)
        start = e.enrolled_from or (pupil.enrolled_from if pupil else default_start)
        if start is None:
            problems.append(Problem(e.line, "", f"leerling {e.key}: instroomdatum ontbreekt en de export noemt "
                                    "geen schooljaar"))
            continue
        if e.birth_date >= start:
            problems.append(Problem(e.line, "", f"leerling {e.key}: geboortedatum ligt niet voor de instroomdatum"))
            continue
        values: dict[str, object] = {"first_name": e.first_name, "prefix": e.prefix, "last_name": e.last_name,
                                     "birth_date": e.birth_date, "group_id": group.id, "enrolled_from": start,
                                     "enrolled_until": e.enrolled_until}
        if pupil is None:
            session.add(Pupil(number=e.key, possibly_left=False, **values))
            report.added.append(f"leerling {e.key} {e.full_name} (groep {group.name})")
            added += 1
            continue
        diffs = []
        for k, v in values.items():
            old = getattr(pupil, k)
            if old != v:
                label = "group" if k == "group_id" else k
                shown = (names.get(old, "?"), group.name) if k == "group_id" else (_show(old), _show(v))
                diffs.append(f"{_LABELS[label]} {shown[0]} → {shown[1]}")
                setattr(pupil, k, v)
        if pupil.possibly_left:
            diffs.append("staat weer in de export")
            pupil.possibly_left = False
        if diffs:
            report.changed.append(f"leerling {e.key} {e.full_name}: {', '.join(diffs)}")
            updated += 1
        else:
            unchanged += 1
    if problems:
        raise InputRefused(source, problems)
    in_export = {e.key for e in pupils}
    left = []
    for number, pupil in sorted(existing.items()):
        still_enrolled = pupil.enrolled_until is None or pupil.enrolled_until >= today
        if number not in in_export and not pupil.possibly_left and still_enrolled:
            pupil.possibly_left = True
            left.append(f"leerling {number} {pupil.full_name} (groep {names.get(pupil.group_id, '?')})")
    return Change(added, updated, unchanged), left


def _sync_teachers(session: Session, edex: EdexFile, groups: dict[str, Group], report: _Report) -> Change:
    keys = [t.key for t in edex.teachers]
    existing = {s.external_key: s for s in session.scalars(select(Staff).where(Staff.external_key.in_(keys)))}
    links: dict[int, set[int]] = {}
    for staff_id, group_id in session.execute(select(StaffGroup.staff_id, StaffGroup.group_id)):
        links.setdefault(staff_id, set()).add(group_id)
    added = updated = unchanged = 0
    for t in edex.teachers:
        wanted = {groups[k].id for k in t.group_keys}
        group_names = ", ".join(sorted(groups[k].name for k in t.group_keys)) or "geen groep"
        staff = existing.get(t.key)
        if staff is None:
            staff = Staff(name=t.full_name, username=None, email=t.email, role="leerkracht", active=True,
                          external_key=t.key)
            session.add(staff)
            session.flush()
            session.add_all(StaffGroup(staff_id=staff.id, group_id=g) for g in sorted(wanted))
            report.added.append(f"leerkracht {t.full_name} ({group_names})")
            added += 1
            continue
        diffs = []
        if staff.name != t.full_name:
            diffs.append(f"naam {staff.name} → {t.full_name}")
            staff.name = t.full_name
        if staff.email != t.email:
            diffs.append(f"e-mail {_show(staff.email)} → {_show(t.email)}")
            staff.email = t.email
        have = links.get(staff.id, set())
        if have != wanted:
            diffs.append(f"groepen nu {group_names}")
            session.execute(delete(StaffGroup).where(StaffGroup.staff_id == staff.id))
            session.add_all(StaffGroup(staff_id=staff.id, group_id=g) for g in sorted(wanted))
        if diffs:
            report.changed.append(f"leerkracht {t.full_name}: {', '.join(diffs)}")
            updated += 1
        else:
            unchanged += 1
    return Change(added, updated, unchanged)
