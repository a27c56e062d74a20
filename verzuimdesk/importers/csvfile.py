"""Reading a CSV file as INTERFACES.md defines it: UTF-8 (BOM or not) or Windows-1252, `;` or `,`; also what
Excel writes beside it (UTF-16 with its byte order mark, a first line `sep=;`)."""

from __future__ import annotations

import _csv
import codecs
import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from itertools import chain, compress
from operator import itemgetter

from verzuimdesk.importers.problems import InputRefused, Problem

Cells = tuple[tuple[int, tuple[str, ...]], ...]  # (line number in the file, the values in the header's order)


class CsvTable:
    """A file's header and its lines: `rows` gives each line's values by column, `cells` the same values
    in the header's order, `columns` each column's values with `lines` their line numbers. `read_csv`
    keeps the columns of a file it read at once (the cells otherwise) and makes the others only when
    first asked: the check of a school year of absences reads the columns (importers/rows.py), and a
    dictionary per line was a third of reading the file. `longest`: no value is longer than this (a
    file read by `read_csv`: MAX_FIELD), or None when that is not known."""

    __slots__ = ("_cells", "_columns", "_lines", "_rows", "header", "longest")

    def __init__(self, header: tuple[str, ...], rows: tuple[tuple[int, dict[str, str]], ...] | None = None,
                 *, cells: Cells | None = None, columns: tuple[tuple[str, ...], ...] | None = None,
                 lines: tuple[int, ...] | None = None, longest: int | None = None) -> None:
        assert (rows is not None) + (cells is not None) + (columns is not None) == 1
        assert (columns is None) == (lines is None) and (columns is None or len(columns) == len(header))
        self.header, self.longest = header, longest
        self._rows, self._cells, self._columns, self._lines = rows, cells, columns, lines

    @property
    def rows(self) -> tuple[tuple[int, dict[str, str]], ...]:
        if self._rows is None:
            header = self.header
            self._rows = tuple((line, dict(zip(header, values))) for line, values in self.cells)  # noqa: B905
        return self._rows

    @property
    def cells(self) -> Cells:
        """The values in the header's order. Rows given as dictionaries name only columns of the header (a
        key beyond it would be read by the full check and not by the quick one)."""
        if self._cells is None:
            if self._columns is not None:
                self._cells = tuple(zip(self.lines, zip(*self._columns)))  # noqa: B905 (a number per line)
            else:
                header = self.header
                known = set(header)
                assert all(known.issuperset(values) for _, values in self._rows or ()), "a column not in the header"
                self._cells = tuple((line, tuple(values.get(h, "") for h in header))
                                    for line, values in self._rows or ())
        return self._cells

    @property
    def columns(self) -> tuple[tuple[str, ...], ...]:
        """Each column's values (in the header's order), a value per line."""
        if self._columns is None:
            cells = self.cells
            self._columns = (tuple(zip(*map(itemgetter(1), cells), strict=True)) if cells
                             else tuple(() for _ in self.header))
        return self._columns

    @property
    def lines(self) -> tuple[int, ...]:
        """Each line's number in the file."""
        if self._lines is None:
            self._lines = tuple(map(itemgetter(0), self.cells))
        return self._lines


# A letter of UTF-8 that a Dutch file has: an accented Latin letter (é, ë, ğ, ş), a typographic quote or dash,
# the euro. In Windows-1252 each of these is 'Ã', 'Ä', 'Å' or 'â' followed by a quote, a dash or a symbol
# ('Ã«'), which no Dutch text writes; a capital with an accent before a quote ('CAFÉ”') is no such pair.
UTF8_LETTER = re.compile(rb"[\xc3-\xc5][\x80-\xbf]|\xe2\x80[\x93-\x9e]|\xe2\x82\xac")


def decode(data: bytes, source: str = "") -> str:
    """UTF-8 when the bytes are valid UTF-8 (BOM stripped), else Windows-1252; composed (NFC), so a 'Zoë'
    saved on a Mac as 'Zoe' and a combining mark is the same name as the LAS's 'Zoë'. A file that is
    UTF-8 in some lines and not in others is refused: read as Windows-1252, every 'Zoë' of its UTF-8
    lines would be stored as 'ZoÃ«' (found by a review of the imports)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode-tekst"
        try:
            return unicodedata.normalize("NFC", data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputRefused(source, [Problem(None, "", "het bestand begint als UTF-16 (Excel: Unicode-tekst) "
                                                "maar is onleesbaar; sla het op als CSV UTF-8")]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if UTF8_LETTER.search(data):
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputRefused(source, [Problem(line, "", "het bestand is deels UTF-8 en deels Windows-1252 (vanaf "
                                                "deze regel): letters als ë zouden verminkt worden opgeslagen; sla "
                                                "het bestand opnieuw op als UTF-8")]) from None
        return data.decode("cp1252", errors="replace")
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Limits, checked before the work they bound (a school's export is far below each of them).
MAX_BYTES = 50 * 1024 * 1024  # ten years of absence records of a large school is some 10 MB
MAX_COLUMNS = 100
MAX_ROWS = 500_000
MAX_FIELD = 5_000  # characters in one value: a long note fits, a pasted document does not
MAX_PROBLEMS = 100  # listed; the rest is counted


def too_big(size: int, source: str) -> InputRefused:
    mb, most = size // (1024 * 1024), MAX_BYTES // (1024 * 1024)
    what = f"{mb} MB; hooguit {most} MB" if mb > most else f"meer dan {most} MB"
    return InputRefused(source, [Problem(None, "", f"het bestand is te groot ({what}): kies het juiste bestand of "
                                         "splits het")])


def read_csv(data: bytes, source: str, *, required: set[str], optional: set[str]) -> CsvTable:
    """Parse the header and rows; refuse missing or unknown columns and ragged lines.

    Time and memory stay bounded: the size, the number of columns and rows and the length of a value
    are limited (each refusal in Dutch), and at most MAX_PROBLEMS problems are listed.
    """
    if len(data) > MAX_BYTES:
        raise too_big(len(data), source)
    text = decode(data, source)
    lead, given, first = before_header(text)
    delimiter = given or (";" if first.count(";") >= first.count(",") else ",")
    if "\t" in first and ";" not in first and "," not in first:
        raise InputRefused(source, [Problem(lead + 1, "", "de kolommen zijn gescheiden door tabs (Excel: "
                                            "Unicode-tekst); sla het bestand op als CSV UTF-8, met ; of , ertussen")])
    if first.count(delimiter) >= MAX_COLUMNS:
        raise InputRefused(source, [Problem(lead + 1, "", f"de kopregel heeft {first.count(delimiter) + 1} kolommen; "
                                            f"hooguit {MAX_COLUMNS} zijn toegestaan")])
    try:
        reader, header_raw = _past_header(text, delimiter, lead)
    except StopIteration:
        raise InputRefused(source, [Problem(None, "", "het bestand is leeg (een kopregel is verplicht)")]) from None
    except csv.Error as exc:
        raise InputRefused(source, [Problem(lead + 1, "", f"onleesbare kopregel ({exc})")]) from None
    at = reader.line_num
    header = tuple(h.strip().lower()[:MAX_FIELD] for h in header_raw)
    counts = Counter(header)
    problems = [Problem(at, col, "verplichte kolom ontbreekt") for col in sorted(required - set(header))]
    problems += [Problem(at, col[:80], "onbekende kolom") for col in header if col and col not in required | optional]
    doubles = sorted(c for c, n in counts.items() if n > 1)
    problems += [Problem(at, col, "kolom staat er twee keer in") for col in doubles]
    if problems:
        raise InputRefused(source, _capped(problems))
    width = len(header)
    named = all(header)  # no column without a name (whose values are dropped)
    if named and text.count("\n") + text.count("\r") <= MAX_ROWS:  # read at once: as much memory as the cells
        try:
            records: list[list[str]] | None = list(reader)
        except csv.Error:
            records = None
        long_lines = max(map(len, text.split("\n"))) > MAX_FIELD  # else no value can be: each is on one line
        plain = None if records is None else _plain_columns(records, at, reader.line_num, width, long_lines)
        if plain is not None:
            return CsvTable(header, lines=plain[0], columns=plain[1], longest=MAX_FIELD)
        reader = _past_header(text, delimiter, lead)[0]  # read again, line by line, to say what is wrong
    rows: list[tuple[int, dict[str, str]]] = []
    cells: list[tuple[int, tuple[str, ...]]] = []
    strip = str.strip
    line = at  # the header's line: each line of values starts on the line after the one before
    multiline = multiline_end = 0  # the first and last line of the last line of values that spans lines
    try:
        for values in reader:
            first_line, line = line + 1, reader.line_num
            if len(rows) + len(cells) >= MAX_ROWS:
                raise InputRefused(source, [Problem(None, "", f"meer dan {MAX_ROWS} regels: splits het bestand")])
            joined = "".join(values)
            if line > first_line and "\n" in joined:
                multiline, multiline_end = first_line, line
            if not joined.strip():
                continue  # blank lines, often at the end of an export
            if len(values) != width:
                problems.append(
                    Problem(line, "", f"{len(values)} waarden, de kopregel heeft er {len(header)}")
                )
            elif len(joined) > MAX_FIELD and max(map(len, values)) > MAX_FIELD:
                problems.append(Problem(line, "", f"een waarde is langer dan {MAX_FIELD} tekens"))
            elif named:  # as many values as columns (just checked): in the header's order, as they are
                cells.append((line, tuple(map(strip, values))))
            else:
                rows.append((line, {h: v.strip() for h, v in zip(header, values, strict=True) if h}))
            if len(problems) > MAX_PROBLEMS:
                break
    except csv.Error as exc:
        problems.append(Problem(reader.line_num, "", f"onleesbare regel ({str(exc)[:200]})"))
    if multiline and multiline_end == line and unclosed_quote(text, delimiter, line):
        problems.append(Problem(multiline, "", UNCLOSED))
    if problems:
        raise InputRefused(source, _capped(problems))
    return CsvTable(header, cells=tuple(cells)) if named else CsvTable(header, tuple(rows))


def _past_header(text: str, delimiter: str, lead: int) -> tuple[_csv.Reader, list[str]]:
    """A reader of `text` at the line after the header, and the header's values."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header_raw = next(reader)
    while reader.line_num <= lead:  # blank lines and Excel's "sep=;" before the header
        header_raw = next(reader)
    return reader, header_raw


def _plain_columns(records: list[list[str]], header_line: int, last_line: int, width: int,
                   long_lines: bool) -> tuple[tuple[int, ...], tuple[tuple[str, ...], ...]] | None:
    """The line numbers and the columns of a file read at once, when it is plainly right: every line one
    line of the file (no value over several lines, so line numbers follow from the count), `width` values
    or blank ('', as an export's last lines often are), no value too long (only looked at when some
    line of the file is longer than a value may be), at most MAX_ROWS. Each value stripped, as the
    line-by-line reading in `read_csv` gives it; None when that reading must decide (and say what is
    wrong). The work is done by C loops over all values at once: for a school year of absences the
    line-by-line reading took twice the time of the parsing itself."""
    if last_line - header_line != len(records) or len(records) > MAX_ROWS:
        return None
    lengths = list(map(len, records))
    numbers: Iterable[int] = range(header_line + 1, last_line + 1)
    if not set(lengths) <= {width, 0}:
        return None
    if 0 in lengths:  # blank lines: skipped
        records, numbers = list(compress(records, lengths)), list(compress(numbers, lengths))
    values = list(chain.from_iterable(records))
    if long_lines and values and max(map(len, values)) > MAX_FIELD:
        return None
    stripped = list(map(str.strip, values))
    columns = tuple(tuple(stripped[i::width]) for i in range(width))
    if records and not all(map(max, *columns) if width > 1 else columns[0]):  # "" is the least of texts
        return None  # a line of separators or spaces only: skipped there
    return tuple(numbers), columns


UNCLOSED = ("een aanhalingsteken (\") aan het begin van een waarde wordt nergens gesloten: de regels erna zouden in "
            "die waarde verdwijnen; sluit het of haal het weg")


def before_header(text: str) -> tuple[int, str, str]:
    """The lines before the header (blank ones, lines of separators only, as Excel writes empty rows, and
    the `sep=;` line Excel writes to name its separator), that separator ("" when none is named) and the
    header's line."""
    lead, named = 0, ""
    lines = text.split("\n", 20)[:20]
    for line in lines:
        bare = line.strip()
        if not bare.strip(";,\t"):
            lead += 1
        elif bare.lower().startswith("sep=") and len(bare) == 5 and not named:
            lead, named = lead + 1, bare[4]
        else:
            break
    return lead, named, lines[lead] if lead < len(lines) else ""


def unclosed_quote(text: str, delimiter: str, last: int) -> bool:
    """A quoted value that runs to the end of the file: read leniently (as a LAS's quotes are read), it takes
    every line after it into itself. Asked only when the file's last values span lines, ending on line
    `last`: read strictly, such a file fails at its very end."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in reader:
            pass
    except csv.Error:
        return reader.line_num >= last
    return False


# The reader's own limit on a value (128 Ki characters) would be refused in its English words; MAX_FIELD,
# far below it, is checked on every line and said in Dutch.
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return [*problems[:MAX_PROBLEMS], Problem(None, "", "en nog meer fouten: herstel eerst deze")]
