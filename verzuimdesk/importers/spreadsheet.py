"""Reading a list exported from the school's LAS (XLSX or CSV) before its columns are mapped.

A spreadsheet's headers are the LAS's own ("Lln nr", "Geb. datum"), so this module reads the cells as
text, guesses which column holds which field of the documented CSV formats, recognises the date
notation, and turns a mapped sheet into the same `CsvTable` the CSV checks take.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from verzuimdesk.importers.csvfile import UNCLOSED, CsvTable, before_header, decode, unclosed_quote
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.rows import ABSENCE_COLUMNS, ABSENCE_REQUIRED, PUPIL_COLUMNS, PUPIL_REQUIRED
from verzuimdesk.importers.workbook import MAX_ROWS, check_cells, check_size, is_workbook, read_workbook

FIELDS: dict[str, tuple[str, ...]] = {"pupils": PUPIL_COLUMNS, "absences": ABSENCE_COLUMNS}
REQUIRED: dict[str, set[str]] = {"pupils": PUPIL_REQUIRED, "absences": ABSENCE_REQUIRED}
DATE_FIELDS = frozenset({"geboortedatum", "inschrijfdatum", "uitschrijfdatum", "datum"})
DATETIME_FIELDS = frozenset({"gemeld_op"})
TIME_FIELDS = frozenset({"van", "tot"})

# Headers as LAS exports and school spreadsheets write them, normalised (lower case, letters and
# digits only). The field's own name always counts as well.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "leerlingnummer": ("llnnr", "llnr", "lln", "leerlingnr", "nummer", "nr", "lnr", "llnummer", "leerlingid",
                       "lasnummer", "studentnummer", "key"),
    "voornaam": ("roepnaam", "voornamen"),
    "tussenvoegsel": ("tussenv", "tussenvoegsels", "voorvoegsel", "voorvoegsels", "tv"),
    "achternaam": ("familienaam", "geslachtsnaam", "anaam"),
    "geboortedatum": ("gebdatum", "gebdat", "geboren", "geboortedag"),
    "groep": ("klas", "stamgroep", "groepsnaam", "groepnaam"),
    "inschrijfdatum": ("instroomdatum", "datuminschrijving", "ingeschrevenop", "inschrijving", "instroom",
                       "datuminstroom"),
    "uitschrijfdatum": ("uitstroomdatum", "datumuitschrijving", "uitgeschrevenop", "uitstroom", "datumuitstroom"),
    "ot_nummer": ("otnummer", "ot", "otnr", "swvnummer", "onderwijstransparant"),
    "gezin": ("gezinsnummer", "gezinsnr", "gezinscode", "familie"),
    "datum": ("dag", "absentiedatum", "verzuimdatum", "datumafwezig"),
    "van": ("vanaf", "begintijd", "starttijd", "tijdvan", "begin"),
    "tot": ("totaan", "tm", "eindtijd", "tijdtot", "eind"),
    "code": ("absentiecode", "reden", "verzuimcode", "absentiereden", "soortverzuim"),
    "minuten_te_laat": ("minutentelaat", "minuten", "telaat", "aantalminuten", "minutenlaat"),
    "gemeld_op": ("gemeldop", "gemeld", "meldingsdatum", "tijdstipmelding"),
    "opmerking": ("opmerkingen", "toelichting", "notitie", "memo", "omschrijving"),
}


@dataclass(frozen=True, slots=True)
class Sheet:
    """The cells of the first sheet (or the CSV) as text; headers made unique, lines as in the file."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class DateFormat:
    label: str  # as shown to the user: "DD-MM-JJJJ"
    pattern: re.Pattern[str]
    order: str  # which group is day, month, year: "dmy", "ymd", "mdy"

    def to_date(self, text: str) -> date | None:
        m = self.pattern.match(text.strip())
        if not m:
            return None
        parts = dict(zip(self.order, (int(g) for g in m.groups()), strict=True))
        try:
            return date(parts["y"], parts["m"], parts["d"])
        except ValueError:
            return None


# Dutch day-first notations come before the American month-first one, which wins only when the
# values cannot be read day-first.
DATE_FORMATS = (
    DateFormat("JJJJ-MM-DD", re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "ymd"),
    DateFormat("DD-MM-JJJJ", re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), "dmy"),
    DateFormat("DD/MM/JJJJ", re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), "dmy"),
    DateFormat("DD.MM.JJJJ", re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), "dmy"),
    DateFormat("JJJJ/MM/DD", re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), "ymd"),
    DateFormat("MM/DD/JJJJ", re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), "mdy"),
)


def read_sheet(data: bytes, filename: str) -> Sheet:
    """The first sheet of an XLSX, XLS or ODS file, or a CSV file (UTF-8 with or without BOM, or Windows-1252).

    Every limit of `importers.workbook` (size, zip bombs, rows, columns, cell length) is checked first.
    """
    check_size(data, filename)
    lines = read_workbook(data, filename) if is_workbook(data, filename) else _csv_lines(data, filename)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    for line, cells in lines:
        if not any(cells):
            continue  # blank rows above the header and at the end of an export
        if header is None:
            header = _unique_headers(cells)
            continue
        padded = (*cells[: len(header)], *([""] * (len(header) - len(cells))))
        rows.append((line, padded))
    if header is None:
        raise InputRefused(filename, [Problem(None, "", "het bestand is leeg (een kopregel is verplicht)")])
    return Sheet(header, tuple(rows))


def _unique_headers(cells: tuple[str, ...]) -> tuple[str, ...]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    out: list[str] = []
    for i, text in enumerate(cells, start=1):
        name = text or f"kolom {i}"
        n = 2
        while name in out:
            name, n = f"{text or f'kolom {i}'} ({n})", n + 1
        out.append(name)
    return tuple(out)


def _csv_lines(data: bytes, filename: str) -> list[tuple[int, tuple[str, ...]]]:
    """The lines of a CSV file as cells, from its header on: blank lines and Excel's `sep=;` before it are
    skipped (that line names the separator), and a quote never closed is refused, as the command line's
    reader does (importers/csvfile.py)."""
    text = decode(data, filename)
    lead, named, first = before_header(text)
    delimiter = named if named else max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[tuple[int, tuple[str, ...]]] = []
    line = multiline = 0
    try:
        for values in reader:
            start, line = line + 1, reader.line_num
            if line <= lead:
                continue
            if len(out) >= MAX_ROWS:
                raise InputRefused(filename, [Problem(reader.line_num, "", f"meer dan {MAX_ROWS} regels; "
                                              "dat wordt niet gelezen")])
            cells = tuple(v.strip() for v in values)
            multiline = start if line > start and any("\n" in v for v in values) else 0
            check_cells(cells, reader.line_num, filename)
            out.append((reader.line_num, cells))
    except csv.Error as exc:
        raise InputRefused(filename, [Problem(reader.line_num, "", f"onleesbare regel ({exc})")]) from None
    if multiline and unclosed_quote(text, delimiter, line):
        raise InputRefused(filename, [Problem(multiline, "", UNCLOSED)])
    return out


def normalise(header: str) -> str:
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def guess_mapping(header: Iterable[str], kind: str) -> dict[str, str]:
    """Each column whose header names a field of `kind`, mapped to it; each field at most once."""
    fields = FIELDS[kind]
    lookup: dict[str, str] = {}
    for f in fields:
        lookup.setdefault(normalise(f), f)
    for f in fields:
        for synonym in SYNONYMS.get(f, ()):
            lookup.setdefault(synonym, f)
    mapping: dict[str, str] = {}
    for column in header:
        field = lookup.get(normalise(column))
        if field is not None and field not in mapping.values():
            mapping[column] = field
    return mapping


def detect_date_format(values: Iterable[str]) -> DateFormat | None:
    """The notation that reads the most of these values (the date part of a date-time counts)."""
    texts = [v.split()[0] for v in values if v.strip()]
    if not texts:
        return None
    scored = [(sum(f.to_date(t) is not None for t in texts), -i, f) for i, f in enumerate(DATE_FORMATS)]
    best = max(scored, key=lambda s: (s[0], s[1]))
    return best[2] if best[0] else None


def mapped_table(sheet: Sheet, mapping: Mapping[str, str], date_format: DateFormat | None) -> CsvTable:
    """The sheet as the CSV checks take it: fields for columns, dates rewritten as JJJJ-MM-DD.

    A value that does not fit the detected notation is passed on unchanged, so the shared checks
    refuse it (or read it, when it is one of the documented notations) with its line and column.
    """
    index = {column: i for i, column in enumerate(sheet.header)}
    used = [(index[c], f) for c, f in mapping.items() if f and c in index]
    rows = []
    for line, cells in sheet.rows:
        values = {f: _normal_value(f, cells[i], date_format) for i, f in used}
        if any(values.values()):
            rows.append((line, values))
    return CsvTable(tuple(f for _, f in used), tuple(rows))


def _normal_value(field: str, text: str, fmt: DateFormat | None) -> str:
    text = text.strip()
    if not text:
        return text
    if field in DATE_FIELDS and fmt is not None:
        d = fmt.to_date(text)
        return d.isoformat() if d else text
    if field in DATETIME_FIELDS and fmt is not None:
        head, _, rest = text.partition(" ")
        d = fmt.to_date(head)
        return f"{d.isoformat()} {_normal_time(rest.strip())}" if d and rest.strip() else text
    if field in TIME_FIELDS:
        return _normal_time(text)
    return text


def _normal_time(text: str) -> str:
    """`8.30`, `8:30` and `08:30:00` all read as `08:30`."""
    m = re.match(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?$", text)
    return f"{int(m[1]):02d}:{m[2]}" if m else text
