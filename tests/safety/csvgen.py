"""Hypothesis strategies for the three CSV files of INTERFACES.md, near the valid grammar.

Every value is drawn with a verdict: OK (valid by the documented format, with the value the
database must then hold), BAD (the documentation says it must be refused) or UNSURE (the
documentation does not decide, e.g. a lower-case code or a UTF-16 file). A file's verdict is the
worst of its parts, so a test can insist that an OK file is accepted as written and a BAD file is
refused, and still learn from the UNSURE ones that nothing crashes and nothing is half written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import strategies as st

OK, UNSURE, BAD = 0, 1, 2


@dataclass(frozen=True)
class Value:
    raw: str
    verdict: int
    value: Any = None


@dataclass
class CsvCase:
    kind: str
    data: bytes
    verdict: int
    rows: list[dict[str, Any]] = field(default_factory=list)  # the meaning of each OK row
    how: str = ""  # what was drawn, for the failure report


def worst(*verdicts: int) -> int:
    return max(verdicts, default=OK)


# -- values --------------------------------------------------------------------------------------

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
HUGE = 200_000  # beyond csv's field limit of 131072 characters


def stored(t: str) -> str:
    """What the app keeps of a value: composed (NFC: a file is read composed, so 'Zoe\u0308' is 'Zoë' and a
    compatibility ideograph its unified one) and without the spaces around it."""
    return unicodedata.normalize("NFC", t).strip()


def texts(clean: bool = False) -> st.SearchStrategy[Value]:
    if clean:
        return _TEXT.map(lambda t: Value(t, OK, stored(t)))
    return st.one_of(
        _TEXT.map(lambda t: Value(t, OK, stored(t))),
        st.sampled_from(["", "ziek gemeld door moeder", "Zoë; \"quotes\", komma's", "regel\neen\r\ntwee"])
        .map(lambda t: Value(t, OK, t.strip())),
        st.just(Value("x" * HUGE, UNSURE)),
    )


def dates_in(days: list[date]) -> st.SearchStrategy[Value]:
    return st.sampled_from(days).flatmap(
        lambda d: st.sampled_from([d.isoformat(), d.strftime("%d-%m-%Y"), f" {d.isoformat()} "])
        .map(lambda s: Value(s, OK, d)))


BAD_DATES = ["2025-02-30", "2025-13-03", "31-02-2025", "2025/11/03", "3 nov 2025", "20251103", "11-2025-03",
             "2025-11-03x", "0000-01-01", "2025-11-03 08:00", "2025-00-10", "-2025-11-03", "2025-11", "maandag"]
UNSURE_DATES = ["２０２５-11-03", "2025-11-3", "3-11-2025", "٢٠٢٥-١١-٠٣", "2025-011-03"]


def dates(valid: list[date], invalid: Sequence[date] = (), clean: bool = False) -> st.SearchStrategy[Value]:
    """A date field: valid days, days refused for their meaning (`invalid`), malformed ones."""
    if clean:
        return dates_in(valid)
    options = [dates_in(valid), st.sampled_from([*BAD_DATES, ""]).map(lambda s: Value(s, BAD)),
               st.sampled_from(UNSURE_DATES).map(lambda s: Value(s, UNSURE)),
               _TEXT.map(lambda s: Value(s, UNSURE))]
    if invalid:
        options.append(st.sampled_from(list(invalid)).map(lambda d: Value(d.isoformat(), BAD)))
    return st.one_of(*options)


def times(clean: bool = False) -> st.SearchStrategy[Value]:
    valid = st.builds(time, st.integers(0, 23), st.integers(0, 59)).map(lambda t: Value(t.strftime("%H:%M"), OK, t))
    if clean:
        return valid
    return st.one_of(
        valid,
        st.sampled_from(["24:00", "12:60", "1200", "12.30", "12:5", "ab:cd", "-1:00", "12:00:00", "99:99"])
        .map(lambda s: Value(s, BAD)),
        st.sampled_from(["8:30", "０８:３０", "12:00 "]).map(lambda s: Value(s, UNSURE)),
    )


def datetimes(clean: bool = False) -> st.SearchStrategy[Value]:
    valid = st.one_of(
        st.just(Value("", OK, None)),
        st.builds(datetime, st.integers(2020, 2030), st.integers(1, 12), st.integers(1, 28), st.integers(0, 23),
                  st.integers(0, 59)).map(lambda d: Value(d.strftime("%Y-%m-%d %H:%M"), OK, d)))
    if clean:
        return valid
    return st.one_of(
        valid,
        st.sampled_from(["2025-11-03", "2025-11-03T07:45", "07:45", "2025-11-03 25:00", "2025-11-31 07:45",
                         "2025-11-03 07:45 extra"]).map(lambda s: Value(s, BAD)),
        _TEXT.map(lambda s: Value(s, UNSURE)),
    )


# -- the school of tests/data ------------------------------------------------------------------

KNOWN = ["1001", "1002", "1003", "1004"]
UNTIL_1004 = date(2026, 1, 30)
CODES = ["Z", "M", "V", "R", "O", "X", "T", "S", "E", "?"]
KINDS = ["talk_pupil", "contact_parents", "duo_report", "school_doctor", "care_team", "support_plan",
         "swv_report", "suitable_offer", "escalation"]
# Schooldagen of every group in tests/data/school.toml (14 Nov is a studiedag).
SCHOOLDAYS = [d for d in (date(2025, 11, 3) + timedelta(n) for n in range(19)) if d.weekday() < 5
              and d != date(2025, 11, 14)] + [date(2026, 2, 2), date(2026, 2, 3)]
NO_SCHOOLDAYS = [date(2025, 11, 8), date(2025, 11, 9), date(2025, 11, 14), date(2025, 10, 14), date(2026, 4, 6),
                 date(2026, 7, 20), date(2025, 8, 18), date(2027, 1, 4)]


def numbers(known: list[str], clean: bool = False, new: bool = False) -> st.SearchStrategy[Value]:
    """A leerlingnummer: one the school knows, or not. `new`: in a pupils file, where a number the school
    does not know is a new pupil (INTERFACES.md), not a wrong line; only an empty one is wrong there."""
    if clean:
        return st.sampled_from(known).map(lambda n: Value(n, OK, n))
    unknown = st.sampled_from(["9999", "10O1", "1001-"])
    return st.one_of(
        st.sampled_from(known).map(lambda n: Value(n, OK, n)),
        st.just(Value("", BAD)),
        unknown.map(lambda s: Value(s, OK, s)) if new else unknown.map(lambda s: Value(s, BAD)),
        _TEXT.map(lambda s: Value(s, UNSURE)),
    )


def codes(clean: bool = False) -> st.SearchStrategy[Value]:
    if clean:
        return st.sampled_from(CODES).map(lambda c: Value(c, OK, c))
    return st.one_of(
        st.sampled_from(CODES).map(lambda c: Value(c, OK, c)),
        st.sampled_from(CODES).map(lambda c: Value(c.lower(), UNSURE)),
        st.sampled_from(["", "Q", "ZZ", "0", "ziek"]).map(lambda s: Value(s, BAD)),
    )


def minutes(clean: bool = False) -> st.SearchStrategy[Value]:
    """minuten_te_laat, judged as if the code is T; `verdict_of_absence` judges it for other codes."""
    valid = st.integers(1, 600).map(lambda m: Value(str(m), OK, m))
    if clean:
        return valid
    return st.one_of(valid,
                     st.sampled_from(["", "-5", "abc", "1.5", "1e3"]).map(lambda s: Value(s, BAD)),
                     st.sampled_from(["²", "٣", "007", "0", "9" * 25, "9" * 5000, "99999", " 5"])
                     .map(lambda s: Value(s, UNSURE)))


# -- rows: drawn whole, judged after the columns left out of the header are emptied ----------------

Row = dict[str, Value]


@st.composite
def absence_row(draw: st.DrawFn, clean: bool = False) -> Row:
    span = draw(st.sampled_from(["day", "span"] if clean else ["day", "span", "span", "half"]))
    start, end = draw(times(clean)), draw(times(clean))
    if clean and start.value is not None and end.value is not None:
        start, end = sorted((start, end), key=lambda v: v.value)
    if span == "day" or (clean and start.value == end.value):
        start = end = EMPTY
    elif span == "half":
        start, end = (EMPTY, end) if draw(st.booleans()) else (start, EMPTY)
    code = draw(codes(clean))
    late = draw(minutes(clean)) if code.value == "T" or not clean else EMPTY
    return {"leerlingnummer": draw(numbers(KNOWN, clean)), "datum": draw(dates(SCHOOLDAYS, NO_SCHOOLDAYS, clean)),
            "van": start, "tot": end, "code": code, "minuten_te_laat": late,
            "gemeld_op": draw(datetimes(clean)), "opmerking": draw(texts(clean))}


def verdict_of_absence(v: Row) -> int:
    verdict = worst(*(x.verdict for k, x in v.items() if k != "minuten_te_laat"))
    if v["leerlingnummer"].value == "1004" and v["datum"].value and v["datum"].value > UNTIL_1004:
        verdict = worst(verdict, BAD)  # not enrolled any more
    start, end = v["van"], v["tot"]
    if (start.raw.strip() == "") != (end.raw.strip() == ""):
        verdict = worst(verdict, BAD)
    if start.value is not None and end.value is not None and end.value <= start.value:
        verdict = worst(verdict, BAD)
    code, late = v["code"], v["minuten_te_laat"]
    if code.value == "T":
        verdict = worst(verdict, late.verdict if late.raw.strip() else BAD)
    elif code.verdict == OK:
        verdict = worst(verdict, BAD if late.raw.strip() else OK)
    else:
        verdict = worst(verdict, UNSURE)
    return verdict


# The records of tests/data/absences.csv whose minutes count (not the T of 6 Nov), by pupil and day.
STORED_SPANS: dict[tuple[str, date], list[tuple[time | None, time | None]]] = {
    ("1001", date(2025, 11, 3)): [(None, None)], ("1001", date(2025, 11, 4)): [(None, None)],
    ("1003", date(2025, 11, 5)): [(time(10, 0), time(11, 30))], ("1002", date(2025, 11, 7)): [(time(8, 30), time(12, 0))],
    ("1004", date(2025, 11, 10)): [(None, None)]}
NO_MINUTES = {"T", "E"}  # lateness and onderwijs elders share a day with anything


# The lessons of tests/data/school.toml by weekday (group 1-2 has no Friday afternoon): two records overlap
# where they share a lesson minute, not a minute of the lunch break.
LESSONS = {0: ((time(8, 30), time(12)), (time(13), time(15))), 1: ((time(8, 30), time(12)), (time(13), time(15))),
           2: ((time(8, 30), time(12, 15)),), 3: ((time(8, 30), time(12)), (time(13), time(15))),
           4: ((time(8, 30), time(12)), (time(13), time(15)))}
GROUP_OF = {"1001": "5", "1002": "1-2", "1003": "5", "1004": "5"}


def _overlap(a: tuple[time | None, time | None], b: tuple[time | None, time | None], number: str, day: date) -> bool:
    if a == b:
        return False  # the same span: the later line wins, or the record is updated
    whole = (time(0), time(23, 59, 59))
    a = a if None not in a else whole
    b = b if None not in b else whole
    lo, hi = max(a[0], b[0]), min(a[1], b[1])  # type: ignore[type-var]
    lessons = LESSONS.get(day.weekday(), ())
    if GROUP_OF.get(number) == "1-2" and day.weekday() == 4:
        lessons = lessons[:1]
    return any(max(lo, s) < min(hi, e) for s, e in lessons)  # type: ignore[operator]


def overlapping(meanings: Sequence[dict[str, Any]]) -> bool:
    """Two absences of one pupil's day whose times overlap, in the file or beside a stored record."""
    taken: dict[tuple[str, date], list[tuple[time | None, time | None]]] = {}
    for m in meanings:
        if str(m.get("code") or "").upper() in NO_MINUTES or not isinstance(m.get("datum"), date):
            continue
        key, span = (str(m.get("leerlingnummer")), m["datum"]), (m.get("van"), m.get("tot"))
        here = taken.setdefault(key, list(STORED_SPANS.get(key, [])))
        if any(_overlap(s, span, key[0], key[1]) for s in here):
            return True
        here.append(span)
    return False


def meaning_of_absence(v: Row) -> dict[str, Any]:
    out = {k: x.value for k, x in v.items()}
    if out["code"] != "T":
        out["minuten_te_laat"] = None
    return out


@st.composite
def event_row(draw: st.DrawFn, clean: bool = False) -> Row:
    kind = st.sampled_from(KINDS).map(lambda k: Value(k, OK, k))
    if not clean:
        kind = st.one_of(kind, st.sampled_from(["", "phone_call", "talk pupil"]).map(lambda s: Value(s, BAD)),
                         st.sampled_from(["Talk_Pupil", "DUO_REPORT"]).map(lambda s: Value(s, UNSURE)))
    return {"leerlingnummer": draw(numbers(KNOWN, clean)),
            "datum": draw(dates([date(2020, 1, 1) + timedelta(n) for n in range(0, 3000, 7)], clean=clean)),
            "soort": draw(kind), "omschrijving": draw(texts(clean))}


def verdict_of_event(v: Row) -> int:
    return worst(*(x.verdict for x in v.values()))


@st.composite
def pupil_row(draw: st.DrawFn, clean: bool = False) -> Row:
    name = st.text(st.characters(categories=("L",)), min_size=1, max_size=20).map(lambda t: Value(t, OK, stored(t)))
    if not clean:
        name = st.one_of(name, st.sampled_from(["", "   "]).map(lambda s: Value(s, BAD)))
    group = st.sampled_from(["5", "1-2", "3", "8b"]).map(lambda g: Value(g, OK, g))
    if not clean:
        group = st.one_of(group, st.just(Value("", BAD)))
    return {"leerlingnummer": draw(numbers([*KNOWN, "2001", "2002", "2003", "2004-a", "Leerling 7"], clean, new=True)),
            "voornaam": draw(name),
            "tussenvoegsel": draw(st.sampled_from(["", "van der", "de", "’t"]).map(lambda t: Value(t, OK, t))),
            "achternaam": draw(name),
            # may be empty (INTERFACES.md): the pupil is then taken as leerplichtig
            "geboortedatum": draw(st.one_of(st.just(EMPTY), dates(
                [date(2012, 1, 1) + timedelta(n) for n in range(0, 3000, 11)], clean=clean)).map(
                lambda v: EMPTY if v.raw == "" else v)),
            "groep": draw(group),
            "inschrijfdatum": draw(dates([date(2021, 8, 1) + timedelta(n) for n in range(0, 1500, 13)], clean=clean)),
            "uitschrijfdatum": draw(st.one_of(st.just(EMPTY), dates([date(2026, 1, 30), date(2026, 7, 10)],
                                                                    clean=clean))),
            "ot_nummer": draw(texts(clean)), "gezin": draw(texts(clean))}


def verdict_of_pupil(v: Row) -> int:
    verdict = worst(*(x.verdict for x in v.values()))
    birth, start, until = v["geboortedatum"].value, v["inschrijfdatum"].value, v["uitschrijfdatum"].value
    if verdict == OK and ((birth and birth >= start) or (until and until < start)):
        verdict = UNSURE  # INTERFACES.md does not say; the product refuses
    return verdict


EMPTY = Value("", OK, None)
EMPTY_TEXT = Value("", OK, "")
TEXT_COLUMNS = {"opmerking", "omschrijving", "tussenvoegsel", "ot_nummer", "gezin"}
SPECS: dict[str, Any] = {
    "pupils": (["leerlingnummer", "voornaam", "achternaam", "groep", "inschrijfdatum"],
               ["tussenvoegsel", "geboortedatum", "uitschrijfdatum", "ot_nummer", "gezin"], pupil_row, verdict_of_pupil,
               lambda v: {k: x.value for k, x in v.items()}),
    "absences": (["leerlingnummer", "datum", "code"], ["van", "tot", "minuten_te_laat", "gemeld_op", "opmerking"],
                 absence_row, verdict_of_absence, meaning_of_absence),
    "events": (["leerlingnummer", "datum", "soort"], ["omschrijving"], event_row, verdict_of_event,
               lambda v: {k: x.value for k, x in v.items()}),
}


@st.composite
def csv_files(draw: st.DrawFn, kind: str) -> CsvCase:
    required, optional, row, judge, meaning = SPECS[kind]
    clean = draw(st.integers(0, 2)) == 0  # a third of the files are valid to the letter, as far as drawn
    header = draw(st.permutations(required + draw(st.lists(st.sampled_from(optional), unique=True))))
    shown = list(header)
    change = "none" if clean else draw(st.sampled_from(["none"] * 6 + ["upper", "spaces", "unknown", "double", "drop"]))
    verdict = {"none": OK, "upper": UNSURE, "spaces": UNSURE, "unknown": BAD, "double": BAD, "drop": OK}[change]
    i = draw(st.integers(0, len(shown) - 1))
    if change == "upper":
        shown[i] = shown[i].upper()
    elif change == "spaces":
        shown[i] = f" {shown[i]} "
    elif change == "unknown":
        shown.insert(i, draw(st.sampled_from(["extra", "naam", "opmerkingen", "leerling"])))
    elif change == "double":
        shown.insert(i, shown[draw(st.integers(0, len(shown) - 1))])
    elif change == "drop":
        verdict = BAD if header[i] in required else OK
        del shown[i]
        header = header[:i] + header[i + 1:]

    lines: list[list[str]] = [shown]
    meanings: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 5))):
        drawn = draw(row(clean))
        # A column left out is empty: no text, or no value.
        values = {c: drawn[c] if c in header else EMPTY_TEXT if c in TEXT_COLUMNS else EMPTY for c in drawn}
        row_verdict = judge(values)
        out = [values[c.strip().lower()].raw if c.strip().lower() in values else draw(_TEXT) for c in shown]
        cut = "whole" if clean else draw(st.sampled_from(["whole"] * 8 + ["short", "long"]))
        if cut == "short" and len(out) > 1:
            out, row_verdict = out[:-1], BAD
        elif cut == "long":
            out, row_verdict = [*out, "meer"], BAD
        if draw(st.integers(0, 4)) == 0:
            lines.append([])  # a blank line, skipped
        lines.append(out)
        if not any(cell.strip() for cell in out):
            continue  # every cell empty (";;;;"): a blank line to the reader, skipped whatever it meant
        verdict = worst(verdict, row_verdict)
        meanings.append(meaning(values))

    if kind == "pupils" and len({m["leerlingnummer"] for m in meanings}) < len(meanings):
        verdict = worst(verdict, UNSURE)  # one pupil twice in a file: INTERFACES.md does not say
    if kind == "absences" and overlapping(meanings):
        verdict = worst(verdict, BAD)  # the time would count twice: refused, in the file or beside a record
    sep = draw(st.sampled_from([";", ","] if clean else [";", ";", ",", ",", "\t", "|"]))
    if sep in "\t|":
        verdict = BAD  # the whole header is one unknown column
    end = draw(st.sampled_from(["\r\n", "\n"]))
    text = "".join(sep.join(_quoted(cell, sep) for cell in line) + end for line in lines)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"] if clean else
                                    ["utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        encoding, data = "utf-8", text.encode()
    if encoding in ("utf-16", "latin-1"):
        verdict = worst(verdict, UNSURE)
    if encoding == "cp1252" and _utf8_reading(data) not in (None, text):
        verdict = worst(verdict, UNSURE)  # cp1252 bytes that are also valid UTF-8: ambiguous by nature
    damage = "none" if clean else draw(st.sampled_from(["none"] * 8 + ["truncate", "byte"]))
    if damage == "truncate" and data:
        data, verdict = data[:draw(st.integers(0, len(data) - 1))], UNSURE  # may cut off what was wrong
    elif damage == "byte" and data:
        i = draw(st.integers(0, len(data) - 1))
        data, verdict = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1:], UNSURE
    how = f"kop {change}, scheiding {sep!r}, {encoding}, schade {damage}"
    return CsvCase(kind, data, verdict, meanings if verdict == OK else [], how)


def _quoted(cell: str, sep: str) -> str:
    """RFC 4180: quote a field holding the separator, a quote or a line break (csv.writer leaves a
    lone CR unquoted when the line ends in LF)."""
    if any(ch in cell for ch in (sep, '"', "\r", "\n")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _utf8_reading(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
