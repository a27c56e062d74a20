"""The audit log in words an IB-er reads: "verzuim toegevoegd: 3 nov, Z, groep 5", never a Python dict.

`describe` turns one stored entry (action, entity, its JSON detail, the pupil's group) into one Dutch line.
What a note or a conversation says is not repeated in the log's line: the line says what happened, to
what and when; the dossier holds the text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from verzuimdesk.domain.dutch import ACTION_NL

VERB_NL = {"view": "ingezien", "create": "toegevoegd", "update": "gewijzigd", "delete": "verwijderd",
           "export": "geëxporteerd", "login": "aangemeld", "import": "geïmporteerd"}

ENTITY_NL = {
    "absence": "verzuim", "conversation": "gesprek", "event": "melding", "plan": "plan", "staff": "gebruiker",
    "school": "schoolgegevens", "absence_code": "afwezigheidscode", "dossier": "dossier", "traject": "traject",
    "wachtwoord": "wachtwoord", "demo": "demoschool", "pupil": "leerlingen", "inzage": "inzage",
    "bewaartermijn": "gegevens na de bewaartermijn", "edex": "leerlingen uit het LAS (EDEXML)",
    "registratie_gecontroleerd": "registratie gecontroleerd", "verlof": "verlofaanvraag",
    "brieven": "brieven en briefhoofd", "brief": "brief", "exemption": "vrijstelling",
}

# The kinds the viewer filters on: a name, and the entities (or the login action) it covers.
KINDS: dict[str, tuple[str, ...]] = {
    "verzuim": ("absence", "registratie_gecontroleerd"),
    "gesprekken": ("conversation",),
    "meldingen en plannen": ("event", "plan", "traject", "exemption"),
    "verlof": ("verlof",),
    "inzien": ("dossier",),
    "exports": ("export",),
    "importeren": ("import",),
    "aanmelden": ("login",),
    "gebruikers en instellingen": ("staff", "wachtwoord", "school", "absence_code", "demo", "bewaartermijn",
                                   "brieven"),
}

_KEY_NL = {"naam": "naam", "brin": "BRIN", "protocol": "protocol", "rol": "rol", "groepen": "groepen",
           "gebruiker": "gebruiker", "bestand": "bestand", "resultaat": "resultaat", "ontvanger": "ontvanger",
           "document": "document", "leerlingnummer": "leerling", "peildatum": "peildatum", "code": "code",
           "van": "van", "tot": "tot", "artikel": "artikel"}
_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_ROLE_NL = {"ib": "IB-er", "leerkracht": "leerkracht", "directie": "directie"}


def kind_of(action: str, entity: str) -> str:
    """The viewer's kind of an entry ("" when it is none of them)."""
    for kind, covers in KINDS.items():
        if entity in covers or action in covers:
            return kind
    return ""


def short_day(text: Any) -> str:
    """"2026-11-03" → "3 nov"; anything else as it is."""
    try:
        d = date.fromisoformat(str(text)[:10])
    except ValueError:
        return str(text)
    return f"{d.day} {_MONTHS[d.month - 1]}"


def _absence(a: Any) -> str:
    if not isinstance(a, dict):
        return str(a)
    parts = [short_day(a.get("datum", "")), str(a.get("code", ""))]
    if a.get("van") and a.get("tot"):
        parts.append(f"{a['van']}–{a['tot']}")
    if a.get("minuten_te_laat") is not None:
        parts.append(f"{a['minuten_te_laat']} min te laat")
    return ", ".join(p for p in parts if p)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, list):
        return ", ".join(_value(x) for x in v) or "geen"
    if isinstance(v, dict):
        return "; ".join(f"{_KEY_NL.get(k, k.replace('_', ' '))} {_value(x)}" for k, x in v.items())
    if v is None or v == "":
        return "leeg"
    text = str(v)
    if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-":
        return short_day(text) + (f" {text[11:16]}" if len(text) >= 16 else "")
    return text


def _changes(before: dict[str, Any], after: dict[str, Any], *, skip: tuple[str, ...] = ()) -> str:
    """"naam: X → Y" for each key that changed."""
    out = []
    for key in list(dict.fromkeys([*before, *after])):
        if key in skip or before.get(key) == after.get(key):
            continue
        out.append(f"{_KEY_NL.get(key, key.replace('_', ' '))}: {_value(before.get(key))} → {_value(after.get(key))}")
    return "; ".join(out) or "niets veranderd"


def _snapshot_words(entity: str, snap: dict[str, Any]) -> str:
    if entity == "event":
        kind = str(snap.get("soort", ""))
        return ", ".join(p for p in (ACTION_NL.get(kind, kind), short_day(snap.get("datum", "")),
                                     str(snap.get("kenmerk") or "")) if p)
    if entity == "conversation":
        return f"{snap.get('soort', '')}, {_value(snap.get('datum', ''))}".strip(", ")
    if entity == "plan":
        return ", ".join(p for p in (str(snap.get("soort", "")), short_day(snap.get("start", ""))) if p)
    return _value(snap)


def details(action: str, entity: str, detail: Any) -> str:
    """The entry's particulars in Dutch, without the group (see `describe`)."""
    if not isinstance(detail, dict):
        return "" if detail in (None, "", {}) else _value(detail)
    before, after = detail.get("voor"), detail.get("na")
    if entity == "absence":
        b = [_absence(a) for a in before or []]
        n = [_absence(a) for a in after or []]
        if b and n:
            return f"{'; '.join(b)} → {'; '.join(n)}"
        return "; ".join(n or b)
    if entity in ("event", "conversation", "plan") and isinstance(before or after, dict):
        if isinstance(before, dict) and isinstance(after, dict):
            return f"{_snapshot_words(entity, before)} → {_snapshot_words(entity, after)}"
        return _snapshot_words(entity, after if isinstance(after, dict) else before)  # type: ignore[arg-type]
    if isinstance(before, dict) and isinstance(after, dict):
        return _changes(before, after)
    if entity == "staff" and "rol" in detail:
        rest = {k: v for k, v in detail.items() if k != "rol"}
        return f"{_value(rest)}; rol {_ROLE_NL.get(str(detail['rol']), detail['rol'])}"
    if action == "view" and "peildatum" in detail:
        return f"op peildatum {short_day(detail['peildatum'])}"
    return _value(detail)


def describe(action: str, entity: str, detail: Any, group: str = "") -> str:
    """One Dutch line: "verzuim toegevoegd: 3 nov, Z, groep 5"."""
    if action == "login":
        return "aangemeld"
    if entity == "registratie_gecontroleerd" and isinstance(detail, dict):
        head = "registratie gecontroleerd" if action == "create" else "registratie gecontroleerd ingetrokken"
        return f"{head}: groep {detail.get('groep', '')}, {detail.get('dagdeel', '')}"
    if action == "export":
        head = f"{entity} geëxporteerd" if entity else "geëxporteerd"
    elif action == "import":
        head = f"{ENTITY_NL.get(entity, entity)} geïmporteerd"
    else:
        head = f"{ENTITY_NL.get(entity, entity.replace('_', ' '))} {VERB_NL.get(action, action)}".strip()
    words = details(action, entity, detail)
    if group:
        words = f"{words}, groep {group}" if words else f"groep {group}"
    return f"{head}: {words}" if words else head


def when(at: datetime) -> str:
    return f"{at.day} {_MONTHS[at.month - 1]} {at.year} {at:%H:%M}"
