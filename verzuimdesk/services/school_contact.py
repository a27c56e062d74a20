"""The school's contact details that documents for leerplicht print: phone, e-mail and the directeur
who signs. Kept as settings (key/value), each change with its audit row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from verzuimdesk.domain.refusal import Refused
from verzuimdesk.services.changes import WHOLE_SCHOOL, OpChanges
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Setting, Staff

KEYS = {"phone": "school.telefoon", "email": "school.email", "director": "school.directeur"}
ROLE_NL = {"ib": "intern begeleider", "directie": "directie", "leerkracht": "leerkracht"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class SchoolContact:
    phone: str = ""
    email: str = ""
    director: str = ""


def school_contact(db: Database) -> SchoolContact:
    with db.read() as s:
        found = {k: v for k, v in s.execute(select(Setting.key, Setting.value).where(Setting.key.in_(KEYS.values())))}
    return SchoolContact(**{field: found.get(key, "") for field, key in KEYS.items()})


def check_school_contact(contact: SchoolContact) -> SchoolContact:
    """The contact details trimmed, or Refused with a Dutch reason."""
    phone, email, director = contact.phone.strip(), contact.email.strip(), contact.director.strip()
    if email and not _EMAIL.match(email):
        raise Refused(f"'{email}' is geen geldig e-mailadres.")
    if phone and not re.fullmatch(r"[0-9 +()\-]{6,30}", phone):
        raise Refused(f"'{phone}' is geen geldig telefoonnummer (cijfers, spaties, +, - en haakjes).")
    if len(director) > 200:
        raise Refused("De naam van de directeur is te lang (meer dan 200 tekens).")
    return SchoolContact(phone, email, director)


def save_school_contact(db: Database, contact: SchoolContact, *, by: Actor) -> OpChanges:
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    c = check_school_contact(contact)
    values = {"phone": c.phone, "email": c.email, "director": c.director}
    with db.begin() as s:
        before = {}
        for field, key in KEYS.items():
            row = s.scalar(select(Setting).where(Setting.key == key))
            before[field] = row.value if row else ""
            if row is None:
                s.add(Setting(key=key, value=values[field]))
            else:
                row.value = values[field]
        audit.append(s, user=user, action="update", entity="schoolgegevens", detail={"voor": before, "na": values})
    return WHOLE_SCHOOL


def person(db: Database, username: str) -> tuple[str, str]:
    """(name, role in Dutch) of an account, for "opgesteld door"; the account name when it has no staff row."""
    with db.read() as s:
        row = s.execute(select(Staff.name, Staff.role).where(Staff.username == username)).first()
    if row is None:
        return username, ""
    return row[0] or username, ROLE_NL.get(row[1], row[1])


def signer(db: Database, by: Actor, *, login_if_unknown: bool = True) -> tuple[str, str]:
    """(name, role in Dutch) of who drew a document up. On a database without accounts no one logged in:
    the school's one IB-er when it has exactly one (with a name), else the computer's user
    (`login_if_unknown`, as the leerplicht dossier always named someone), or ("", "") for a letter
    that leaves the line to fill in."""
    if by.username:
        return person(db, by.username)
    with db.read() as s:
        ibs = s.execute(select(Staff.name, Staff.username)
                        .where(Staff.role == "ib", Staff.active.is_(True)).limit(2)).all()
    name = (ibs[0][0] or ibs[0][1] or "") if len(ibs) == 1 else ""
    if name:
        return name, ROLE_NL["ib"]
    return person(db, audit_name(by)) if login_if_unknown else ("", "")
