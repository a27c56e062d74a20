"""Registratie gecontroleerd: a teacher marks a group's dagdeel as complete, so a blank cell of it means
present; the overview lists the groups whose last schooldagen are not all checked."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.services.changes import CHECKS, NOTHING, OpChanges
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.unchecked import (
    CHECKS_BACK,
    LOOK_BACK,
    UncheckedGroup,
    last_schooldagen,
    part_label,
    unchecked_of,
)
from verzuimdesk.storage import audit, school_rows
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, session_run
from verzuimdesk.storage.models import Group, RegistrationCheck

__all__ = ["LOOK_BACK", "UncheckedGroup", "checked_parts", "mark_demo_checks", "part_label", "set_checked",
           "unchecked_groups"]


def _group_id(session: object, group: str) -> int:
    gid = session.scalar(select(Group.id).where(Group.name == group))  # type: ignore[attr-defined]
    if gid is None:
        raise DatabaseError(f"Er is geen groep '{group}'.")
    return int(gid)


def checked_parts(db: Database, *, group: str, start: date, end: date) -> frozenset[tuple[date, int]]:
    """The (day, part) pairs of `group` marked as checked between `start` and `end`, both included."""
    with db.read() as session:
        rows = session.execute(select(RegistrationCheck.day, RegistrationCheck.part).join(Group)
                               .where(Group.name == group, RegistrationCheck.day.between(start, end))).all()
    return frozenset((d, p) for d, p in rows)


def set_checked(db: Database, *, group: str, day: date, part: int, checked: bool, by: Actor,
                today: date | None = None) -> OpChanges:
    """Mark (or unmark) one dagdeel of `group` as checked. A day in the future, or one without lessons
    for the group, is refused in Dutch and nothing changes; so is a group `by` may not register for."""
    require(by, Permission.EDIT_ABSENCE, group=group)
    user = audit_name(by)
    today = today or date.today()
    if day > today:
        raise DatabaseError(f"{format_date(day)} is nog niet geweest: controleer de registratie op of na die dag.")
    with db.begin() as session:
        calendar = load_calendar(session)
        if not calendar.is_schooldag(day, group) or not 0 <= part < calendar.dagdelen(group, day):
            raise DatabaseError(f"Groep {group} heeft op {format_date(day)} geen les in dit dagdeel.")
        gid = _group_id(session, group)
        found = session.scalar(select(RegistrationCheck).where(
            RegistrationCheck.group_id == gid, RegistrationCheck.day == day, RegistrationCheck.part == part))
        if checked and found is None:
            session.add(RegistrationCheck(group_id=gid, day=day, part=part, checked_by=user,
                                          checked_at=datetime.now().replace(microsecond=0)))
        elif not checked and found is not None:
            session.execute(delete(RegistrationCheck).where(RegistrationCheck.id == found.id))
        else:
            return NOTHING
        audit.append(session, user=user, action="create" if checked else "delete", entity="registratie_gecontroleerd",
                     detail={"groep": group, "dagdeel": part_label(calendar, group, day, part)})
    return CHECKS


def unchecked_groups(db: Database, *, peildatum: date, groups: list[str] | None = None,
                     days: int = LOOK_BACK) -> tuple[UncheckedGroup, ...]:
    """The groups (of `groups`, else all) with a dagdeel in the last `days` schooldagen before `peildatum`
    that nobody marked as checked."""
    with db.read() as session:
        calendar = load_calendar(session)
        names, checks, has_pupils = school_rows.unchecked_reads(session_run(session), peildatum, CHECKS_BACK)
    return unchecked_of(calendar, names, checks, has_pupils, peildatum, groups, days)


def mark_demo_checks(db: Database, *, today: date, unchecked_group: str = "4", days: int = 20) -> None:
    """The demo school's teachers checked their registration of the last `days` schooldagen, except group
    `unchecked_group` on the last one: so the overview shows what an unchecked registration looks like."""
    with db.begin() as session:
        calendar = load_calendar(session)
        now = datetime.now().replace(microsecond=0)
        for gid, group in session.execute(select(Group.id, Group.name)):
            for d in last_schooldagen(calendar, group, today, days):
                if group == unchecked_group and d == last_schooldagen(calendar, group, today, 1)[-1]:
                    continue
                session.add_all(RegistrationCheck(group_id=gid, day=d, part=p, checked_by="demo", checked_at=now)
                                for p in range(calendar.dagdelen(group, d)))
