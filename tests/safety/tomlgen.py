"""Hypothesis strategies that damage a valid TOML document: its data (dropped keys, wrong types,
unknown keys, swapped or shifted dates, values near the grammar) or its bytes (cut, garbage)."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from tests.safety.tomlwriter import dumps

Path_ = list[str | int]

# Words the validators look for, so the damage reaches them rather than only the TOML parser.
NEAR = ["maandag", "zaterdag", "groepen", "08:30-12:00", "12:00-08:30", "08:30-12:00-13:00", "25:00-26:00",
        "08:30", "", " ", "hoeksche-waard-po", "bestaat-niet", "amsterdam-vo", "sick", "unauthorised", "late",
        "ziek", "duo_report", "talk_pupil", "minutes_in_window", "any_of", "rule_holds", "each_record",
        "schooldagen", "werkdagen", "direct", "weken", ">", ">=", "<", "1", "2", "9", "HW-16U", "HW-ZAT",
        "2025-08-25", "x" * 300, "\x00", "nul\x00byte", "Zoë", "../../../etc/passwd", "/", ".", "a.toml", "/tmp"]

_SCALARS = st.one_of(
    st.sampled_from(NEAR),
    st.text(max_size=20),
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from([0, -1, 1, 16, 10**6]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(date(1, 1, 1), date(9999, 12, 31)),
    st.dates(date(2025, 8, 1), date(2026, 8, 31)),
    st.datetimes(datetime(1970, 1, 1), datetime(2100, 1, 1)),
    st.times(),
)
JUNK = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.sampled_from(NEAR[:20]), inner, max_size=3)),
                    max_leaves=6)


def paths(obj: Any, here: Path_ | None = None) -> list[Path_]:
    """Every place in the document that holds a value."""
    here = here or []
    out: list[Path_] = []
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else []
    for k, v in items:
        out.append([*here, k])
        out.extend(paths(v, [*here, k]))
    return out


def _parent(doc: Any, path: Path_) -> Any:
    for k in path[:-1]:
        doc = doc[k]
    return doc


@st.composite
def mutated(draw: st.DrawFn, original: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The document with one to three changes, and what they were."""
    doc = copy.deepcopy(original)
    done: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        places = paths(doc)
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent, key = _parent(doc, path), path[-1]
        old = parent[key]
        op = draw(st.sampled_from(["drop", "junk", "junk", "unknown", "swap", "shift", "near", "empty", "double"]))
        if op == "drop":
            del parent[key]
        elif op == "junk":
            parent[key] = draw(JUNK)
        elif op == "near":
            parent[key] = draw(st.sampled_from(NEAR))
        elif op == "unknown":
            target = old if isinstance(old, dict) else parent if isinstance(parent, dict) else doc
            target[draw(st.sampled_from(["onbekend", "Naam", "eind ", "studiedag", "regels", "id"]))] = draw(JUNK)
        elif op == "swap" and isinstance(parent, dict) and len(parent) > 1:
            other = draw(st.sampled_from(sorted(k for k in parent if k != key)))
            parent[key], parent[other] = parent[other], old
        elif op == "shift" and isinstance(old, date | datetime):
            parent[key] = old + timedelta(days=draw(st.integers(-400, 400)))
        elif op == "shift" and isinstance(old, int | float) and not isinstance(old, bool):
            parent[key] = draw(st.sampled_from([-old, old * 1000, 0, old + 0.5]))
        elif op == "empty" and isinstance(old, list | dict):
            parent[key] = type(old)()
        elif op == "double" and isinstance(old, list) and old:
            old.append(copy.deepcopy(draw(st.sampled_from(old))))
        else:
            parent[key] = draw(JUNK)
            op = "junk"
        done.append(f"{op} {'.'.join(map(str, path))}")
    return doc, done


@st.composite
def damaged_text(draw: st.DrawFn, original: dict[str, Any]) -> tuple[bytes, list[str]]:
    """A mutated document as bytes, sometimes cut short or with garbage bytes in it."""
    doc, done = draw(mutated(original))
    data = dumps(doc).encode()
    damage = draw(st.sampled_from(["none"] * 6 + ["cut", "garbage", "latin-1", "bom"]))
    if damage == "cut":
        data = data[:draw(st.integers(0, len(data)))]
    elif damage == "garbage":
        i = draw(st.integers(0, len(data)))
        data = data[:i] + draw(st.binary(min_size=1, max_size=8)) + data[i:]
    elif damage == "latin-1":
        data = dumps(doc).encode("latin-1", errors="replace")
    elif damage == "bom":
        data = b"\xef\xbb\xbf" + data
    return data, [*done, f"bytes: {damage}"]
