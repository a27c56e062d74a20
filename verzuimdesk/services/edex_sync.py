"""Bringing groups, samengestelde groepen, pupils and teachers in line with an EDEXML export.

Called by `services.edex` inside one transaction; every change is described in Dutch in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.importers.edex import EdexFile, EdexPupil, EdexTeacher
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.services.results import Change
from verzuimdesk.storage.models import (
    CompositeGroup,
    CompositeMember,
    CompositeStaff,
    Group,
    Pupil,
    Staff,
    StaffGroup,
)


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def _show(value: object) -> str:
    if value is None or value == "":
        return "(leeg)"
    return format_date(value, weekday=False) if isinstance(value, date) else str(value)


def sync_groups(session: Session, edex: EdexFile, report: Report, *,
                no_group: str) -> tuple[dict[str, Group], Change]:
    """The stamgroepen by EDEX key (and "" for the group of pupils in no stamgroep), matched by name."""
    by_name = {g.name: g for g in session.scalars(select(Group))}
    by_key: dict[str, Group] = {}
    added = updated = unchanged = 0
    wanted = [(g.key, g.name, g.jaargroep) for g in edex.groups if not g.composite]
    if any(not p.group_key for p in edex.pupils):
        wanted.append(("", no_group, ""))
    for key, name, jaargroep in wanted:
        group = by_name.get(name)
        if group is None:
            group = by_name[name] = Group(name=name, jaargroep=jaargroep)
            session.add(group)
            report.added.append(f"groep {name}")
            added += 1
        elif jaargroep and group.jaargroep != jaargroep:
            report.changed.append(f"groep {name}: jaargroep {_show(group.jaargroep)} → {jaargroep}")
            group.jaargroep = jaargroep
            updated += 1
        else:
            unchanged += 1
        by_key[key] = group
    session.flush()
    return by_key, Change(added, updated, unchanged)


def sync_composites(session: Session, edex: EdexFile, report: Report) -> tuple[dict[str, CompositeGroup], Change]:
    existing = {c.key: c for c in session.scalars(select(CompositeGroup))}
    out: dict[str, CompositeGroup] = {}
    added = updated = unchanged = 0
    for g in (g for g in edex.groups if g.composite):
        row = existing.get(g.key)
        if row is None:
            row = CompositeGroup(key=g.key, name=g.name)
            session.add(row)
            report.added.append(f"samengestelde groep {g.name}")
            added += 1
        elif row.name != g.name:
            report.changed.append(f"samengestelde groep {row.name}: naam → {g.name}")
            row.name = g.name
            updated += 1
        else:
            unchanged += 1
        out[g.key] = row
    session.flush()
    return out, Change(added, updated, unchanged)


_LABELS = {"first_name": "roepnaam", "prefix": "voorvoegsel", "last_name": "achternaam",
           "birth_date": "geboortedatum", "group_id": "groep", "jaargroep": "jaargroep",
           "enrolled_from": "instroomdatum", "enrolled_until": "uitstroomdatum"}


def _identity(first: str, prefix: str, last: str, birth: date | None) -> tuple[object, ...]:
    return (first.casefold(), prefix.casefold(), last.casefold(), birth)


class _Matcher:
    """Finds the database pupil of an export pupil: by key, or by name and birth date for a dummy key."""

    def __init__(self, pupils: list[Pupil]) -> None:
        self.by_number = {p.number: p for p in pupils}
        self.by_identity: dict[tuple[object, ...], list[Pupil]] = {}
        for p in pupils:
            self.by_identity.setdefault(_identity(p.first_name, p.prefix, p.last_name, p.birth_date), []).append(p)
        self.claimed: dict[int, int] = {}  # pupil id → line of the export pupil that matched it
        self.numbers = set(self.by_number)

    def find(self, e: EdexPupil) -> tuple[Pupil | None, str]:
        """(the pupil or None, a problem text when the match is ambiguous)."""
        if not e.dummy_key and e.key in self.by_number:
            return self.by_number[e.key], ""
        found = [p for p in self.by_identity.get(_identity(e.first_name, e.prefix, e.last_name, e.birth_date), [])
                 if e.dummy_key or p.number.startswith("#")]  # a real key adopts a pupil known by a dummy key
        free = [p for p in found if p.id not in self.claimed]
        if len(free) > 1:
            free = [p for p in free if p.number.startswith("#")] or free
        if len(free) > 1:
            return None, (f"leerling {e.key} ({e.full_name}) heeft een tijdelijke key en komt op naam en "
                          f"geboortedatum overeen met {len(free)} leerlingen; maak de key in de administratie vast")
        if not free and found:
            line = self.claimed[found[0].id]
            return None, (f"leerling {e.key} ({e.full_name}) is op naam en geboortedatum dezelfde als de leerling op "
                          f"regel {line}; twee leerlingen met één identiteit")
        return (free[0] if free else None), ""

    def remember(self, pupil: Pupil) -> None:
        """A pupil this import adds: a second export pupil with the same identity must not add it again."""
        self.by_identity.setdefault(_identity(pupil.first_name, pupil.prefix, pupil.last_name, pupil.birth_date),
                                    []).append(pupil)

    def new_number(self, key: str) -> str:
        number, n = key, 1
        while number in self.numbers:
            n += 1
            number = f"{key}-{n}"
        self.numbers.add(number)
        return number


def sync_pupils(session: Session, edex: EdexFile, groups: dict[str, Group], composites: dict[str, CompositeGroup],
                default_start: date | None, today: date, source: str,
                report: Report) -> tuple[Change, list[str], list[str]]:
    """(counts, the pupils flagged possibly left, the pupils in no stamgroep)."""
    everyone = list(session.scalars(select(Pupil)))
    match = _Matcher(everyone)
    names = {g.id: g.name for g in session.scalars(select(Group))}
    members: dict[int, set[int]] = {}
    for gid, pid in session.execute(select(CompositeMember.group_id, CompositeMember.pupil_id)):
        members.setdefault(pid, set()).add(gid)
    composite_names = {c.id: c.name for c in composites.values()} | {
        c.id: c.name for c in session.scalars(select(CompositeGroup))}
    problems: list[Problem] = []
    added = updated = unchanged = 0
    without: list[str] = []
    # keys that are stable first, so that a dummy key never takes a pupil a real key names
    for e in sorted(edex.pupils, key=lambda p: p.dummy_key):
        group = groups[e.group_key]
        pupil, ambiguous = match.find(e)
        if ambiguous:
            problems.append(Problem(e.line, "", ambiguous))
            continue
        start = e.enrolled_from or (pupil.enrolled_from if pupil else default_start)
        if start is None:
            problems.append(Problem(e.line, "", f"leerling {e.key}: instroomdatum ontbreekt en de export noemt "
                                    "geen schooljaar"))
            continue
        if not e.enrolled_from and e.enrolled_until and e.enrolled_until < start:
            start = e.enrolled_until  # an ex-pupil who left before the school year began
        birth = e.birth_date or (pupil.birth_date if pupil else None)
        if birth and birth >= start:
            problems.append(Problem(e.line, "", f"leerling {e.key}: geboortedatum ligt niet voor de instroomdatum"))
            continue
        jaargroep = e.jaargroep or (group.jaargroep if group.jaargroep != "C" else "")
        values: dict[str, object] = {"first_name": e.first_name, "prefix": e.prefix, "last_name": e.last_name,
                                     "birth_date": birth, "group_id": group.id, "jaargroep": jaargroep,
                                     "enrolled_from": start, "enrolled_until": e.enrolled_until}
        if not e.group_key:
            without.append(f"leerling {e.key} {e.full_name}" + (f" (jaargroep {jaargroep})" if jaargroep else ""))
        wanted = {composites[k].id for k in e.composite_keys}
        if pupil is None:
            pupil = Pupil(number=match.new_number(e.key), possibly_left=False, **values)
            session.add(pupil)
            session.flush()
            match.remember(pupil)
            report.added.append(f"leerling {pupil.number} {e.full_name} (groep {group.name})")
            added += 1
        else:
            match.claimed[pupil.id] = e.line
            diffs = []
            if pupil.number != e.key and not e.dummy_key:
                diffs.append(f"leerlingnummer {pupil.number} → {e.key}")
                pupil.number = e.key
            for k, v in values.items():
                old = getattr(pupil, k)
                if old != v:
                    shown = (names.get(old, "?"), group.name) if k == "group_id" else (_show(old), _show(v))
                    diffs.append(f"{_LABELS[k]} {shown[0]} → {shown[1]}")
                    setattr(pupil, k, v)
            if pupil.possibly_left:
                diffs.append("staat weer in de export")
                pupil.possibly_left = False
            have = members.get(pupil.id, set())
            if have != wanted:
                shown_names = ", ".join(sorted(composite_names[g] for g in wanted)) or "geen"
                diffs.append(f"samengestelde groepen nu {shown_names}")
            if diffs:
                report.changed.append(f"leerling {pupil.number} {e.full_name}: {', '.join(diffs)}")
                updated += 1
            else:
                unchanged += 1
        match.claimed[pupil.id] = e.line
        if members.get(pupil.id, set()) != wanted:
            session.execute(delete(CompositeMember).where(CompositeMember.pupil_id == pupil.id))
            session.add_all(CompositeMember(group_id=g, pupil_id=pupil.id) for g in sorted(wanted))
    if problems:
        raise InputRefused(source, sorted(problems, key=lambda p: p.line or 0))
    left = []
    for pupil in sorted(everyone, key=lambda p: p.number):
        still_enrolled = pupil.enrolled_until is None or pupil.enrolled_until >= today
        if pupil.id not in match.claimed and not pupil.possibly_left and still_enrolled:
            pupil.possibly_left = True
            left.append(f"leerling {pupil.number} {pupil.full_name} (groep {names.get(pupil.group_id, '?')})")
    return Change(added, updated, unchanged), left, without


def _find_teacher(session: Session, t: EdexTeacher, existing: dict[str, Staff]) -> Staff | None:
    if not t.key.startswith("#"):
        return existing.get(t.key)
    same = [s for s in existing.values() if s.name == t.full_name]  # a dummy key: match on the name
    return same[0] if len(same) == 1 else None


def sync_teachers(session: Session, edex: EdexFile, groups: dict[str, Group],
                  composites: dict[str, CompositeGroup], report: Report) -> Change:
    existing = {s.external_key: s for s in session.scalars(select(Staff).where(Staff.external_key.is_not(None)))
                if s.external_key}
    links: dict[int, dict[tuple[str, int], str]] = {}
    for sid, gid, role in session.execute(select(StaffGroup.staff_id, StaffGroup.group_id, StaffGroup.role)):
        links.setdefault(sid, {})[("groep", gid)] = role
    for sid, gid, role in session.execute(select(CompositeStaff.staff_id, CompositeStaff.group_id,
                                                 CompositeStaff.role)):
        links.setdefault(sid, {})[("samengesteld", gid)] = role
    added = updated = unchanged = 0
    for t in edex.teachers:
        wanted: dict[tuple[str, int], str] = {}
        shown = []
        for key, role in t.groups:
            if key in composites:
                wanted[("samengesteld", composites[key].id)] = role
                shown.append(composites[key].name + (f" ({role})" if role else ""))
            else:
                wanted[("groep", groups[key].id)] = role
                shown.append(groups[key].name + (f" ({role})" if role else ""))
        group_names = ", ".join(sorted(shown)) or "geen groep"
        staff = _find_teacher(session, t, existing)
        if staff is None:
            staff = Staff(name=t.full_name, username=None, email=t.email, role="leerkracht", active=True,
                          external_key=t.key, las_role=t.roles)
            session.add(staff)
            session.flush()
            _link(session, staff.id, wanted)
            role = f", {t.roles}" if t.roles else ""
            report.added.append(f"leerkracht {t.full_name} ({group_names}{role})")
            added += 1
            continue
        diffs = []
        for attr, label, new in (("name", "naam", t.full_name), ("email", "e-mail", t.email),
                                 ("las_role", "rol", t.roles)):
            if getattr(staff, attr) != new:
                diffs.append(f"{label} {_show(getattr(staff, attr))} → {_show(new)}")
                setattr(staff, attr, new)
        if links.get(staff.id, {}) != wanted:
            diffs.append(f"groepen nu {group_names}")
            session.execute(delete(StaffGroup).where(StaffGroup.staff_id == staff.id))
            session.execute(delete(CompositeStaff).where(CompositeStaff.staff_id == staff.id))
            _link(session, staff.id, wanted)
        if diffs:
            report.changed.append(f"leerkracht {t.full_name}: {', '.join(diffs)}")
            updated += 1
        else:
            unchanged += 1
    return Change(added, updated, unchanged)


def _link(session: Session, staff_id: int, wanted: dict[tuple[str, int], str]) -> None:
    for (kind, gid), role in sorted(wanted.items()):
        row: StaffGroup | CompositeStaff
        if kind == "groep":
            row = StaffGroup(staff_id=staff_id, group_id=gid, role=role)
        else:
            row = CompositeStaff(staff_id=staff_id, group_id=gid, role=role)
        session.add(row)
