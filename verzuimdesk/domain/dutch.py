"""Dutch dates as users read them: `ma 3 nov 2025`."""

from __future__ import annotations

from datetime import date

_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MONTHS_NL = _MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def one_decimal(value: float) -> str:
    """A percentage or so as Dutch writes it: 2,5."""
    return f"{value:.1f}".replace(".", ",")


def whole_hours(minutes: int) -> str:
    """Minutes as whole hours with a Dutch thousands separator: 12.345."""
    return f"{minutes / 60:,.0f}".replace(",", ".")


def format_date(d: date, *, weekday: bool = True) -> str:
    text = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_DAYS[d.weekday()]} {text}" if weekday else text


# The Dutch words of the headless outputs (command line, PDFs). The desktop app translates the same
# codes through Qt's translation system.
LIGHT_NL = {"green": "groen", "orange": "oranje", "red": "rood", "grey": "grijs"}

ACTION_NL = {
    "talk_pupil": "gesprek met de leerling",
    "contact_parents": "contact met de ouders",
    "duo_report": "melden bij DUO (via de leerlingadministratie, verzuimregister)",
    "school_doctor": "jeugdarts inschakelen",
    "care_team": "bespreken in het ZAT",
    "support_plan": "IHP/OPP opstellen of bijwerken",
    "swv_report": "melding bij het samenwerkingsverband",
    "suitable_offer": "passend aanbod registreren",
    "escalation": "escaleren",
}
