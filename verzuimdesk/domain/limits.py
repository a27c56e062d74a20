"""The longest text the app takes in, per kind of field: checked at input (CSV import, dossier
edits, settings), so a 5,000-character name can never reach a PDF table or a 10,000-character
link the Plannen tab. The database columns are as long as these, or longer."""

from __future__ import annotations

NAME = 100  # a first or last name
PREFIX = 30  # a tussenvoegsel
NUMBER = 30  # a leerlingnummer
GROUP = 50  # a group's name
GROUP_KEY = 256  # a group's key in an EDEXML export (school_group.key)
STAFF_KEY = 100  # a teacher's key in an EDEXML export (staff.external_key)
SCHOOL = 200  # the school's name, a staff member's name
LINK = 2_000  # a plan's URL or file path (browsers and Windows paths stay well below)
NOTE = 5_000  # a note in a CSV field

# The columns of the CSV files (INTERFACES.md) and their limits.
CSV_COLUMNS = {"leerlingnummer": NUMBER, "voornaam": NAME, "tussenvoegsel": PREFIX, "achternaam": NAME,
               "groep": GROUP, "ot_nummer": 50, "gezin": 50}


def too_long(value: str, limit: int) -> str | None:
    """A Dutch reason when `value` is longer than `limit` characters, else None."""
    return f"is te lang ({len(value)} tekens; hooguit {limit})" if len(value) > limit else None
