"""Reading a CSV file as INTERFACES.md defines it: UTF-8 (BOM or not) or Windows-1252, `;` or `,`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from verzuimdesk.importers.problems import InputRefused, Problem


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (line number in the file, values by column)


def decode(data: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8 (BOM stripped), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes, source: str, *, required: set[str], optional: set[str]) -> CsvTable:
    """Parse the header and rows; refuse missing or unknown columns and ragged lines."""
    text = decode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header_raw = next(reader)
    except StopIteration:
        raise InputRefused(source, [Problem(None, "", "het bestand is leeg (een kopregel is verplicht)")]) from None
    header = tuple(h.strip().lower() for h in header_raw)
    problems = [Problem(1, col, "verplichte kolom ontbreekt") for col in sorted(required - set(header))]
    problems += [Problem(1, col, "onbekende kolom") for col in header if col and col not in required | optional]
    doubles = sorted({c for c in header if header.count(c) > 1})
    problems += [Problem(1, col, "kolom staat er twee keer in") for col in doubles]
    if problems:
        raise InputRefused(source, problems)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue  # blank lines, often at the end of an export
            if len(values) != len(header):
                problems.append(
                    Problem(line, "", f"{len(values)} waarden, de kopregel heeft er {len(header)}")
                )
                continue
            rows.append((line, {h: v.strip() for h, v in zip(header, values, strict=True) if h}))
    except csv.Error as exc:
        problems.append(Problem(reader.line_num, "", f"onleesbare regel ({exc})"))
    if problems:
        raise InputRefused(source, problems)
    return CsvTable(header, tuple(rows))
