"""Whether a day's lesson times hold: the rule the school file and the settings page share.

The school file reads `"08:30-12:00"` from TOML, the settings page from a text field; both hand the
spans they read to `lesson_day_problems`, so a timetable refused in one is refused in the other, in
the same words (issue 17: validation in the domain, not in the text it came as).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from verzuimdesk.domain.calendar import Span


def lesson_day_problems(spans: Sequence[Span]) -> list[str]:
    """Every reason the lesson times of one day cannot be: a span that does not end after it starts,
    spans that overlap."""
    out = [f"tijdvak {s} eindigt niet na het begin" for s in spans if s.end <= s.start]
    ordered = sorted(spans)
    out += [f"tijdvakken {a} en {b} overlappen" for a, b in pairwise(ordered) if b.start < a.end]
    return out
