"""The topic an entry gets when its writer did not choose one: by its kind, *gezondheid* when its text
mentions a health word (resources/words/gezondheid.txt) and else *thuissituatie* when it mentions a
word of the home (resources/words/thuissituatie.txt): the safe side of the AVG, as neither goes to
leerplicht.

The models use these as column defaults, so a row written by an import or the demo gets a topic the
same way a row written through a service does.
"""

from __future__ import annotations

import hashlib
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


LISTS = ("gezondheid.txt", "thuissituatie.txt")
FINGERPRINT_KEY = "woordenlijsten"  # the `setting` whose value is the fingerprint of the lists last read


@cache
def words_fingerprint() -> str:
    """A fingerprint of the word lists as this version reads them: a database that saw other lists reads
    its stored entries again (`recheck_when_lists_changed`)."""
    h = hashlib.sha256()
    for name in LISTS:
        h.update(name.encode() + b"\0" + "\n".join(_words(name)).encode() + b"\0")
    return h.hexdigest()[:32]


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
    connection (`op.get_bind()`) or a session: migrations 0016 and 0019 asked this when the lists grew, and
    `recheck_when_lists_changed` asks it at the first open after they changed."""
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


def recheck_when_lists_changed(session: Any, user: str) -> int:
    """When the word lists differ from those the database last read its entries with (a new version grew
    them): `recheck_stored_topics` in `session`, the new fingerprint kept, one audit line; how many entries
    changed topic. Nothing is written when the lists are the same, which is one query at every open."""
    from sqlalchemy import text

    from verzuimdesk.storage import audit
    from verzuimdesk.storage.database import lock_for_writing

    seen = text("SELECT value FROM setting WHERE key = :k")
    now = words_fingerprint()
    if session.execute(seen, {"k": FINGERPRINT_KEY}).scalar() == now:
        return 0
    lock_for_writing(session)  # a second app opening at the same moment waits, then finds the lists read
    before = session.execute(seen, {"k": FINGERPRINT_KEY}).scalar()
    if before == now:
        return 0
    changed = recheck_stored_topics(session)
    if before is None:
        session.execute(text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": FINGERPRINT_KEY, "v": now})
    else:
        session.execute(text("UPDATE setting SET value = :v WHERE key = :k"), {"k": FINGERPRINT_KEY, "v": now})
    if changed:
        audit.append(session, user=user, action="update", entity="onderwerpen",
                     detail={"reden": "de woordenlijsten zijn gewijzigd", "aantal": changed})
    return changed
