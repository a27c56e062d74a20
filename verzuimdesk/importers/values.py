"""Parsing the values of the documented file formats: dates, times, spans."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

from verzuimdesk.domain.calendar import Span

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


# A file repeats its dates and times on line after line (and in every gemeld_op): each text is read
# once. The results are immutable values; a text that is no date raises again each time.
@lru_cache(maxsize=8192)
def parse_date(text: str) -> date:
    """`YYYY-MM-DD` or `DD-MM-YYYY`; raises ValueError with a Dutch message."""
    s = text.strip()
    m = _ISO.match(s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _NL.match(s)
        if not m:
            raise ValueError(f"'{text}' is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)")
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(f"'{text}' is geen bestaande datum") from None


@lru_cache(maxsize=8192)
def parse_time(text: str) -> time:
    m = _TIME.match(text.strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ValueError(f"'{text}' is geen tijd (UU:MM)")
    return time(int(m[1]), int(m[2]))


def parse_datetime(text: str) -> datetime:
    """`YYYY-MM-DD HH:MM` (or the date as DD-MM-YYYY)."""
    parts = text.strip().split()
    if len(parts) != 2:
        raise ValueError(f"'{text}' is geen datum met tijd (JJJJ-MM-DD UU:MM)")
    return datetime.combine(parse_date(parts[0]), parse_time(parts[1]))


def parse_span(text: str) -> Span:
    """`HH:MM-HH:MM`, end after start."""
    pieces = text.split("-")
    if len(pieces) != 2:
        raise ValueError(f"'{text}' is geen tijdvak (UU:MM-UU:MM)")
    start, end = parse_time(pieces[0]), parse_time(pieces[1])
    if end <= start:
        raise ValueError(f"tijdvak '{text}' eindigt niet na het begin")
    return Span(start, end)
