"""The roles and what each may do, without the database: IB-er (everything), leerkracht (own groups),
directie (reads). services/accounts.py finds who acts; this says what that account may."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from verzuimdesk.storage.files import sqlite_path


class Role(StrEnum):
    IB = "ib"
    TEACHER = "leerkracht"
    MANAGEMENT = "directie"


class Permission(StrEnum):
    EDIT_ABSENCE = "edit_absence"  # register and change absences
    LOG_CONVERSATION = "log_conversation"
    EDIT_DOSSIER = "edit_dossier"  # reports made, plans, cases
    SETTINGS = "settings"  # school, calendar, codes, protocol, staff
    EXPORT_PUPIL = "export_pupil"  # PDFs about one pupil
    EXPORT_FIGURES = "export_figures"  # the quarterly list, figures per group
    VIEW_DOSSIER = "view_dossier"  # pupils by name: the lists, the dossiers (not the directie: figures only)
    AUDIT = "audit"
    DECIDE_LEAVE = "decide_leave"  # decide on verlof: the directeur (Leerplichtwet art. 11, 13a, 14)


_ALLOWED: dict[Role, frozenset[Permission]] = {
    Role.IB: frozenset(Permission) - {Permission.DECIDE_LEAVE},
    Role.TEACHER: frozenset({Permission.EDIT_ABSENCE, Permission.LOG_CONVERSATION, Permission.VIEW_DOSSIER}),
    Role.MANAGEMENT: frozenset({Permission.EXPORT_FIGURES, Permission.DECIDE_LEAVE}),
}


@dataclass(frozen=True, slots=True)
class Account:
    username: str
    name: str
    role: Role
    groups: tuple[str, ...] = ()  # a leerkracht's own groups

    def can(self, permission: Permission) -> bool:
        if self.username == "" and self.role is Role.IB:  # SCHOOL_WIDE: a database without accounts
            return True
        return permission in _ALLOWED[self.role]

    def sees_group(self, group: str) -> bool:
        """A leerkracht sees the pupils of the own groups; the others see the whole school."""
        return self.role is not Role.TEACHER or group in self.groups


# Who is at the keyboard when a database has no accounts (the demo, a server database).
SCHOOL_WIDE = Account("", "", Role.IB)


class Opened(Protocol):
    """What `has_logins` asks of a database: services.database.Database, or the app's database that is
    still being opened behind its painted window (ui/context.py)."""

    target: str

    @property
    def encrypted(self) -> bool: ...


def has_logins(db: Opened) -> bool:
    """Whether people log in to `db` with a password of their own: an encrypted file, or a server (each
    person's own role). An unencrypted file (the demo) has no passwords, and nothing to lock."""
    return db.encrypted or sqlite_path(db.target) is None
