"""The topic an entry gets when its writer did not choose one: by its kind, *gezondheid* when its text
mentions a health word (resources/words/gezondheid.txt) and else *thuissituatie* when it mentions a
word of the home (resources/words/thuissituatie.txt): the safe side of the AVG, as neither goes to
leerplicht.

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
def _words(name: str) -> tuple[str, ...]:
    path = resources_dir() / "words" / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def health_words() -> tuple[str, ...]:
    return _words("gezondheid.txt")


def mentions_health(text: str) -> list[str]:
    return health_words_in(text, health_words())


def mentions_home(text: str) -> list[str]:
    """The words of resources/words/thuissituatie.txt that `text` names."""
    return health_words_in(text, _words("thuissituatie.txt"))


def by_words(text: str, topic: Topic) -> Topic:
    """`topic`, unless the words of `text` say otherwise: *gezondheid* when it mentions a health word, or
    *thuissituatie* when it mentions one of the home where `topic` is *verzuim* (the one that goes to
    leerplicht)."""
    if mentions_health(text):
        return Topic.GEZONDHEID
    if topic is Topic.VERZUIM and mentions_home(text):
        return Topic.THUISSITUATIE
    return topic


def guess_topic(entry: Entry, kind: str, text: str, *, category: Category | None = None) -> Topic:
    """The kind's default topic, unless the words of the text say otherwise (`by_words`)."""
    return by_words(text, default_topic(entry, kind, category=category))


def _column_default(entry: Entry, text_key: str) -> Any:
    def default(context: Any) -> str:
        params = context.get_current_parameters()
        return guess_topic(entry, params.get("kind") or "", params.get(text_key) or "").value
    return default


conversation_default = _column_default(Entry.CONVERSATION, "summary")
event_default = _column_default(Entry.EVENT, "note")
plan_default = _column_default(Entry.PLAN, "note")


def recheck_stored_topics(run: Any) -> int:
    """Give every stored conversation, event, plan and absence note whose topic is *verzuim* the topic the word
    lists now read in its text (*gezondheid*, *thuissituatie*), marked `topic_review` for the IB-er; how many.
    Only the words decide, never the entry's kind, and only towards the safe side. `run` is a migration's
    connection (`op.get_bind()`): migrations 0016 and 0019 ask this when the lists grew."""
    from sqlalchemy import text

    found: list[tuple[str, int, str]] = []
    queries = [("conversation", "SELECT id, summary FROM conversation WHERE topic = 'verzuim'")]
    queries += [(t, f"SELECT id, note FROM {t} WHERE topic = 'verzuim'") for t in ("event", "plan_link")]
    queries.append(("absence", "SELECT id, note FROM absence WHERE topic = 'verzuim' AND note <> ''"))
    for table, sql in queries:
        for row_id, said in run.execute(text(sql)).all():
            topic = by_words(said or "", Topic.VERZUIM)
            if topic is not Topic.VERZUIM:
                found.append((table, row_id, topic.value))
    for table, row_id, value in found:
        run.execute(text(f"UPDATE {table} SET topic = :t, topic_review = :r WHERE id = :i"),
                    {"t": value, "r": True, "i": row_id})
    return len(found)
