"""Who may do what, checked where it is done: every use case takes the acting account (`Actor`) and calls
`require` (or `require_pupils`) before it reads or writes a pupil's data, so the window, the command line
and any script get the same answer. The widgets only hide what this would refuse.

A refusal is `NotAllowed`, a `Refused` like every other (the Dutch reason is its text).
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.refusal import DatabaseDamaged, NotAllowed, Refused
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, Permission, Role
from verzuimdesk.storage.models import Absence, Group, Pupil

__all__ = ["SCHOOL_WIDE", "Actor", "DatabaseDamaged", "NotAllowed", "Permission", "Refused", "Role", "audit_name",
           "require", "require_pupils", "require_records"]

Actor = Account  # the acting account: name, role and (for a leerkracht) groups

_WHY: dict[Permission, str] = {
    Permission.EDIT_ABSENCE: "Uw rol mag geen verzuim registreren of wijzigen.",
    Permission.LOG_CONVERSATION: "Uw rol mag geen gesprekken vastleggen.",
    Permission.EDIT_DOSSIER: "Alleen de IB-er wijzigt het dossier (meldingen, plannen, zorgtrajecten, ouders).",
    Permission.SETTINGS: "Alleen de IB-er doet dit (instellingen, inlezen, gebruikers, bewaartermijn, kopieën).",
    Permission.EXPORT_PUPIL: "Alleen de IB-er maakt documenten over een leerling.",
    Permission.EXPORT_FIGURES: "Uw rol mag geen cijfers van de school exporteren.",
    Permission.VIEW_DOSSIER: "Uw rol ziet de cijfers van de school, niet de dossiers van leerlingen.",
    Permission.AUDIT: "Alleen de IB-er bekijkt het logboek.",
    Permission.DECIDE_LEAVE: "Alleen de directeur beslist over verlof.",
}


def audit_name(actor: Actor) -> str:
    """The name the audit log records: the account; on a database without accounts, the computer's user."""
    if actor.username:
        return actor.username
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account): still name someone
        return "onbekend"


def require(actor: Actor, permission: Permission, *, group: str | None = None) -> None:
    """Refuse (`NotAllowed`) unless the role allows `permission` and, when given, `group` is the actor's."""
    if not actor.can(permission):
        raise NotAllowed(_WHY[permission])
    if group is not None and not actor.sees_group(group):
        raise NotAllowed(f"Groep {group} is niet een van uw groepen.")


def require_pupils(session: Session, actor: Actor, permission: Permission, pupil_ids: Iterable[int]) -> None:
    """`require` for each pupil's group (one query); an unknown pupil is left to the use case to refuse."""
    require(actor, permission)
    if actor.role is not Role.TEACHER:
        return
    ids = set(pupil_ids)
    if not ids:
        return
    groups = session.scalars(select(Group.name).join(Pupil).where(Pupil.id.in_(ids)).distinct()).all()
    for group in sorted(groups):
        if not actor.sees_group(group):
            raise NotAllowed("Deze leerling zit niet in een van uw groepen." if len(ids) == 1 else
                             f"Groep {group} is niet een van uw groepen.")


def require_records(session: Session, actor: Actor, permission: Permission, absence_ids: Iterable[int]) -> None:
    """`require_pupils` for the pupils of these absence records."""
    ids = set(absence_ids)
    pupils = session.scalars(select(Absence.pupil_id).where(Absence.id.in_(ids)).distinct()).all() if ids else []
    require_pupils(session, actor, permission, pupils)
