"""The topic an entry gets when its writer did not choose one: by its kind, and *gezondheid* when its
text mentions a health word (resources/words/gezondheid.txt), the safe side of the AVG.

The models use these as column defaults, so a row written by an import or the demo gets a topic the
same way a row written through a service does.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.disclosure import Entry, Topic, default_topic, health_words_in
from verzuimdesk.paths import resources_dir


@cache
def health_words() -> tuple[str, ...]:
    path = resources_dir() / "words" / "gezondheid.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def mentions_health(text: str) -> list[str]:
    return health_words_in(text, health_words())


def guess_topic(entry: Entry, kind: str, text: str, *, category: Category | None = None) -> Topic:
    """The kind's default topic, or *gezondheid* when the text mentions a health word."""
    if mentions_health(text):
        return Topic.GEZONDHEID
    return default_topic(entry, kind, category=category)


def _column_default(entry: Entry, text_key: str) -> Any:
    def default(context: Any) -> str:
        params = context.get_current_parameters()
        return guess_topic(entry, params.get("kind") or "", params.get(text_key) or "").value
    return default


conversation_default = _column_default(Entry.CONVERSATION, "summary")
event_default = _column_default(Entry.EVENT, "note")
plan_default = _column_default(Entry.PLAN, "note")
