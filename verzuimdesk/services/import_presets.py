"""Mapping presets for the absence lists of the school's LAS: columns, and the LAS's codes → the school's.

Two presets ship, for the absence overviews of ParnasSys and ESIS (docs/import.md says what they are
based on); the school saves its own (the database is the school's, so they are remembered per school).
A preset is recognised from a file's headers; its code table turns the LAS's reasons ("Ziek",
"Huisarts/tandarts", "Te laat") into the school's codes. The codes a school chose in an import are
remembered too, so the next file needs no choosing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.refusal import Refused
from verzuimdesk.importers.csvfile import CsvTable
from verzuimdesk.importers.spreadsheet import FIELDS, normalise
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AbsenceCodeRow, Setting

PRESETS_KEY = "import.presets.absences"
CODES_KEY = "import.codes.absences"
REQUIRED = ("leerlingnummer", "datum", "code")


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    columns: dict[str, str]  # header (compared normalised) → field
    codes: dict[str, str] = field(default_factory=dict)  # the LAS's code or reason (normalised) → school code
    builtin: bool = False

    def mapping(self, header: Iterable[str]) -> dict[str, str]:
        """The columns of this file the preset knows, each field at most once."""
        known = {normalise(k): f for k, f in self.columns.items()}
        out: dict[str, str] = {}
        for column in header:
            f = known.get(normalise(column))
            if f and f not in out.values():
                out[column] = f
        return out

    def fits(self, header: Iterable[str]) -> bool:
        return set(REQUIRED) <= set(self.mapping(header).values())


# Reasons as the LAS's absence registration names them, to the default codes of docs/formats.md
_REASONS = {"ziek": "Z", "ziekte": "Z", "ziekgemeld": "Z", "ziekmelding": "Z", "zieknaarhuis": "Z",
            "huisartstandarts": "M", "doktertandarts": "M", "huisarts": "M", "tandarts": "M", "dokter": "M",
            "medisch": "M", "medischbezoek": "M", "ziekenhuis": "M", "orthodontist": "M", "specialist": "M",
            "verlof": "V", "verlofgoedgekeurd": "V", "verlofaangevraagd": "V", "bijzonderverlof": "V",
            "extraverlof": "V", "gewichtigeomstandigheden": "V", "religieus": "R", "religieuzefeestdag": "R",
            "religieuzeverplichting": "R", "ongeoorloofd": "O", "ongeoorloofdafwezig": "O", "spijbelen": "O",
            "gespijbeld": "O", "luxeverzuim": "X", "vakantie": "X", "telaat": "T", "laat": "T",
            "geschorst": "S", "schorsing": "S", "onbekend": "?", "afwezig": "?", "afwezigzonderbericht": "?",
            "absentzonderbericht": "?", "nietgemeld": "?", "geenbericht": "?", "excursie": "E",
            "onderwijselders": "E", "schoolreis": "E"}

PARNASSYS = Preset("ParnasSys – absentieoverzicht", {
    "Leerlingnummer": "leerlingnummer", "Lln.nr.": "leerlingnummer", "Leerling nummer": "leerlingnummer",
    "Datum": "datum", "Begindatum": "datum", "Absentiedatum": "datum",
    "Begintijd": "van", "Van": "van", "Eindtijd": "tot", "Tot": "tot",
    "Reden": "code", "Absentiereden": "code", "Reden absentie": "code", "Absentie": "code",
    "Minuten te laat": "minuten_te_laat", "Aantal minuten": "minuten_te_laat",
    "Gemeld op": "gemeld_op", "Opmerking": "opmerking", "Toelichting": "opmerking", "Omschrijving": "opmerking",
}, _REASONS, builtin=True)

ESIS = Preset("ESIS – absentieoverzicht", {
    "Leerlingnummer": "leerlingnummer", "Leerlingnr": "leerlingnummer", "Stamnummer": "leerlingnummer",
    "Datum": "datum", "Datum absentie": "datum", "Van": "van", "Tijd van": "van", "Tot": "tot", "Tijd tot": "tot",
    "Absentiesoort": "code", "Soort absentie": "code", "Absentiecode": "code", "Code": "code", "Reden": "code",
    "Minuten": "minuten_te_laat", "Minuten te laat": "minuten_te_laat", "Gemeld": "gemeld_op",
    "Gemeld op": "gemeld_op", "Opmerking": "opmerking", "Notitie": "opmerking",
}, _REASONS, builtin=True)

BUILTIN = (PARNASSYS, ESIS)


def _load(session: Session, key: str) -> object:
    raw = session.scalar(select(Setting.value).where(Setting.key == key))
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def _store(session: Session, key: str, value: object) -> None:
    row = session.scalar(select(Setting).where(Setting.key == key))
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def saved_presets(session: Session) -> list[Preset]:
    loaded = _load(session, PRESETS_KEY)
    out = []
    for item in loaded if isinstance(loaded, list) else []:
        if isinstance(item, dict) and isinstance(item.get("naam"), str):
            columns = {str(k): str(v) for k, v in dict(item.get("kolommen") or {}).items()
                       if v in FIELDS["absences"]}
            codes = {normalise(str(k)): str(v) for k, v in dict(item.get("codes") or {}).items()}
            out.append(Preset(item["naam"], columns, codes))
    return out


def all_presets(db: Database) -> tuple[Preset, ...]:
    """The school's own presets first, then the shipped ones."""
    with db.read() as s:
        return (*saved_presets(s), *BUILTIN)


def save_preset(db: Database, *, name: str, columns: Mapping[str, str], codes: Mapping[str, str],
                by: Actor) -> None:
    """Save (or overwrite) the school's own preset; a shipped preset's name cannot be taken."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    name = name.strip()
    if not name:
        raise Refused("Geef de voorinstelling een naam.")
    if any(name == p.name for p in BUILTIN):
        raise Refused(f"'{name}' is een meegeleverde voorinstelling; kies een andere naam.")
    with db.begin() as s:
        known = set(s.scalars(select(AbsenceCodeRow.code)))
        wrong = sorted({c for c in codes.values() if c and c not in known})
        if wrong:
            raise Refused(f"Onbekende code(s) van de school: {', '.join(wrong)}.")
        items = [p for p in saved_presets(s) if p.name != name]
        items.append(Preset(name, {c: f for c, f in columns.items() if f}, {k: v for k, v in codes.items() if v}))
        _store(s, PRESETS_KEY, [{"naam": p.name, "kolommen": p.columns, "codes": p.codes} for p in items])
        audit.append(s, user=user, action="update", entity="importvoorinstelling", detail={"naam": name})


def delete_preset(db: Database, *, name: str, by: Actor) -> None:
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    with db.begin() as s:
        items = saved_presets(s)
        if not any(p.name == name for p in items):
            raise Refused(f"Er is geen eigen voorinstelling '{name}'.")
        _store(s, PRESETS_KEY, [{"naam": p.name, "kolommen": p.columns, "codes": p.codes}
                                for p in items if p.name != name])
        audit.append(s, user=user, action="delete", entity="importvoorinstelling", detail={"naam": name})


def recognise(session: Session, header: Iterable[str], name: str | None = None) -> Preset | None:
    """The preset named, else the one that fits these headers best (the school's own before the shipped)."""
    header = list(header)
    candidates = [*saved_presets(session), *BUILTIN]
    if name:
        return next((p for p in candidates if p.name == name), None)
    fitting = [p for p in candidates if p.fits(header)]
    return max(fitting, key=lambda p: len(p.mapping(header)), default=None)


def remembered_codes(session: Session) -> dict[str, str]:
    loaded = _load(session, CODES_KEY)
    return {normalise(str(k)): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}


def remember_codes(session: Session, codes: Mapping[str, str]) -> None:
    if codes:
        _store(session, CODES_KEY, {**remembered_codes(session), **{normalise(k): v for k, v in codes.items() if v}})


def code_table(session: Session, preset: Preset | None, given: Mapping[str, str] | None) -> dict[str, str]:
    """LAS value (normalised) → school code: the preset's, then what the school chose before, then `given`."""
    out = dict(preset.codes) if preset else {}
    out.update(remembered_codes(session))
    out.update({normalise(k): v for k, v in (given or {}).items() if v})
    return {k: v for k, v in out.items() if k}


def apply_codes(session: Session, table: CsvTable, codes: Mapping[str, str]) -> CsvTable:
    """The code column in the school's codes, where the value is not one already."""
    known = set(session.scalars(select(AbsenceCodeRow.code)))
    rows = []
    for line, values in table.rows:
        text = values.get("code", "")
        mapped = codes.get(normalise(text) or text) if text and text.upper() not in known else None
        rows.append((line, {**values, "code": mapped} if mapped else values))
    return CsvTable(table.header, tuple(rows))


def code_values(table: CsvTable, session: Session) -> tuple[str, ...]:
    """The distinct values of the code column that are not one of the school's codes, as the file writes them."""
    known = set(session.scalars(select(AbsenceCodeRow.code)))
    seen: dict[str, str] = {}
    for _, values in table.rows:
        text = values.get("code", "")
        if text and text.upper() not in known:
            seen.setdefault(normalise(text), text)
    return tuple(sorted(seen.values(), key=str.lower))


def school_codes(db: Database) -> tuple[tuple[str, str], ...]:
    """(code, label) of every absence code of the school, for choosing what a LAS value means."""
    with db.read() as s:
        return tuple((c, label) for c, label in s.execute(
            select(AbsenceCodeRow.code, AbsenceCodeRow.label).order_by(AbsenceCodeRow.code)))
