"""The absences file's quick path (importers/rows.py `_QuickAbsence`) against the full check of every line.

The quick path accepts the common line in a few look-ups and hands every other line to the full check,
which says what is wrong. It must never accept a line the full check refuses, nor read a value
differently: here both read the same awkward lines, one at a time and all together, with the columns
in another order, and with optional columns left out.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

import pytest

from tests.domain.helpers import CAL
from verzuimdesk.domain.absence_checks import PupilKnown
from verzuimdesk.domain.codes import DEFAULT_CODES
from verzuimdesk.importers import rows
from verzuimdesk.importers.csvfile import read_csv
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.importers.rows import ABSENCE_COLUMNS, ABSENCE_REQUIRED, check_absences

PUPILS = {
    "1001": PupilKnown("5a", date(2025, 8, 25), None),
    "1002": PupilKnown("1-2", date(2025, 8, 25), None),  # free afternoons, no lessons on Friday
    "1003": PupilKnown("7b", date(2025, 10, 1), date(2026, 3, 31)),  # enrolled late, left early
}
CODES = {c.code: c.category for c in DEFAULT_CODES}

NUMBERS = ["1001", "1002", "1003", "", "9999", " 1001", "1001x"]
DAYS = ["2025-09-01", "2025-09-05", "01-09-2025", "2025-9-1", "2025-09-06", "2025-10-14", "2025-09-15",
        "2025-11-14", "2026-04-06", "2026-04-01", "2025-02-30", "gisteren", "", "2025-09-1x", "2026-07-20"]
CODES_TEXT = ["O", "o", "Z", "L", "T", "V", "", "XX", "z "]
TIMES = [("", ""), ("08:30", "12:00"), ("13:00", "15:00"), ("12:00", "08:30"), ("08:30", ""), ("", "12:00"),
         ("8:30", "9:00"), ("24:00", "25:00"), ("08:3", "09:00")]
LATES = ["", "5", "0", "1440", "1441", "²", "-3", "05", "abc"]
REPORTED = ["", "2025-09-01 08:12", "01-09-2025 07:00", "2025-09-01", "2025-09-01 25:00", "nu"]
NOTES = ["", "belde om 8 uur", "x" * 5000, "Zoë; \"ziek\""]


def _pick(rng: random.Random, options: list[str], right: int) -> str:
    """Mostly one of the first `right` options (values a line may well have), else any: most lines have
    one awkward value or none."""
    return rng.choice(options[:right] if rng.random() < 0.85 else options)


def _line(rng: random.Random) -> dict[str, str]:
    van, tot = rng.choice(TIMES[:3] if rng.random() < 0.85 else TIMES)
    code = _pick(rng, CODES_TEXT, 6)
    late = _pick(rng, LATES, 1) if code.upper() != "T" else _pick(rng, LATES[1:], 1)
    return {"leerlingnummer": _pick(rng, NUMBERS, 3), "datum": _pick(rng, DAYS, 4), "van": van, "tot": tot,
            "code": code, "minuten_te_laat": late, "gemeld_op": _pick(rng, REPORTED, 3),
            "opmerking": _pick(rng, NOTES, 2)}


def _file(lines: Sequence[dict[str, str]], columns: Sequence[str]) -> bytes:
    def cell(text: str) -> str:
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ';"') else text

    body = [";".join(columns)] + [";".join(cell(line[c]) for c in columns) for line in lines]
    return ("\n".join(body) + "\n").encode()


def _checked(data: bytes, *, quick: bool) -> object:
    table = read_csv(data, "verzuim.csv", required=ABSENCE_REQUIRED, optional=set(ABSENCE_COLUMNS))
    try:
        if quick:
            return check_absences(table, "verzuim.csv", pupils=PUPILS, codes=CODES, calendar=CAL)
        original, at_once = rows._QuickAbsence.read, rows._QuickAbsence.read_all
        try:  # every line through the full check
            rows._QuickAbsence.read = lambda self, header, cells: [None] * len(cells)  # type: ignore[method-assign]
            rows._QuickAbsence.read_all = lambda self, *args: None  # type: ignore[method-assign]
            return check_absences(table, "verzuim.csv", pupils=PUPILS, codes=CODES, calendar=CAL)
        finally:
            rows._QuickAbsence.read, rows._QuickAbsence.read_all = original, at_once  # type: ignore[method-assign]
    except InputRefused as exc:
        return ("refused", str(exc))


COLUMN_SETS = [
    list(ABSENCE_COLUMNS),
    ["code", "datum", "leerlingnummer", "opmerking", "tot", "van", "gemeld_op", "minuten_te_laat"],
    ["leerlingnummer", "datum", "code"],
    ["leerlingnummer", "datum", "code", "van", "tot"],
    ["datum", "leerlingnummer", "minuten_te_laat", "code"],
]


@pytest.mark.parametrize("columns", COLUMN_SETS, ids=lambda c: ",".join(c))
def test_each_awkward_line_is_read_as_the_full_check_reads_it(columns: list[str]) -> None:
    rng = random.Random(len(columns))
    accepted = refused = 0
    for _ in range(400):
        data = _file([_line(rng)], columns)
        quick, full = _checked(data, quick=True), _checked(data, quick=False)
        assert quick == full, data
        if isinstance(quick, list) and quick:
            accepted += 1
        else:
            refused += 1
    assert accepted > 20 and refused > 20  # both kinds of line were met


@pytest.mark.parametrize("columns", COLUMN_SETS[:3], ids=lambda c: ",".join(c))
def test_a_file_of_many_lines_gives_the_same_rows_or_the_same_refusal(columns: list[str]) -> None:
    rng = random.Random(7)
    good, spans = [], {}
    for line in (_line(rng) for _ in range(1500)):
        got = _checked(_file([line], columns), quick=False)
        if not (isinstance(got, list) and len(got) == 1):
            continue
        r = got[0]
        taken = spans.setdefault((r.number, r.day), set())
        span = (r.start, r.end)
        if rows.counts_minutes(r.code, CODES) and any(s != span and rows.spans_overlap(s, span) for s in taken):
            continue  # two spans of a pupil's day that overlap: refused together (test_leaks.py)
        if rows.counts_minutes(r.code, CODES):
            taken.add(span)
        good.append(line)
    assert len(good) > 50
    data = _file(good, columns)
    quick = _checked(data, quick=True)
    assert isinstance(quick, list) and len(quick) == len(good)
    assert quick == _checked(data, quick=False)
    mixed = _file(good[:40] + [_line(rng) for _ in range(40)], columns)
    assert _checked(mixed, quick=True) == _checked(mixed, quick=False)


def test_an_overlap_is_said_with_the_other_wrong_lines_not_in_a_second_round() -> None:
    data = (b"leerlingnummer;datum;van;tot;code\n1001;2025-09-01;;;O\n1001;2025-09-01;08:30;10:00;Z\n"
            b"9999;2025-09-02;;;O\n")
    got = _checked(data, quick=True)
    assert isinstance(got, tuple) and "regel 3, kolom van: overlapt regel 2" in got[1]
    assert "regel 4, kolom leerlingnummer: onbekende leerling 9999" in got[1]
