"""What a guardian (ouder/verzorger) record must satisfy, for the CSV import and the dossier alike."""

from __future__ import annotations

import re

LIMITS = {"naam": 200, "relatie": 50, "telefoon": 50, "email": 200}
_PHONE = re.compile(r"^\+?[0-9 ()./-]{6,}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def guardian_problems(name: str, relation: str, phone: str, email: str) -> list[tuple[str, str]]:
    """(field, Dutch reason) for every problem; empty when the guardian may be stored."""
    out = []
    values = {"naam": name, "relatie": relation, "telefoon": phone, "email": email}
    if not name.strip():
        out.append(("naam", "is leeg"))
    for key, value in values.items():
        if len(value) > LIMITS[key]:
            out.append((key, f"is langer dan {LIMITS[key]} tekens"))
    if phone and not _PHONE.match(phone):
        out.append(("telefoon", f"'{phone}' is geen telefoonnummer (cijfers, spaties, + en -)"))
    if email and not _EMAIL.match(email):
        out.append(("email", f"'{email}' is geen e-mailadres"))
    return out
