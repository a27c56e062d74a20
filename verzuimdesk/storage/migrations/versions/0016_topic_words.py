"""topic words: entries whose stored topic goes to leerplicht while their text names health or the home

The word lists (resources/words/) now find words inside Dutch compounds (`*ontsteking` in
keelontsteking, `*arts` in oogarts), name medicines and institutions (Ritalin, GGZ) and have a list of
the home (scheiding, jeugdzorg). A conversation, event, plan or absence note stored with the topic
*verzuim* whose text the lists now read as *gezondheid* or *thuissituatie* gets that topic, and is marked
`topic_review` for the IB-er to confirm (Onderwerpen nakijken). Only the words decide, never the entry's
kind, and only towards the safe side: no topic that keeps a text from leerplicht is changed, and a note
whose topic is NULL is read by the lists each time. The lists are read as the release that migrates
ships them.

The UPDATEs fire the status-cache triggers of 0004, which empties the cache of those pupils.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from verzuimdesk.domain.disclosure import Topic
    from verzuimdesk.storage.topic_defaults import by_words as topic_by_words

    def by_words(text: str) -> str | None:
        """The topic the words of `text` ask for, None where they ask for none: only the words decide
        here, never the kind (a stored topic may have been chosen by its writer)."""
        topic = topic_by_words(text, Topic.VERZUIM)
        return None if topic is Topic.VERZUIM else topic.value

    bind = op.get_bind()
    found: list[tuple[str, int, str | None]] = []
    for cid, summary in bind.execute(sa.text("SELECT id, summary FROM conversation WHERE topic = 'verzuim'")).all():
        found.append(("conversation", cid, by_words(summary or "")))
    for table in ("event", "plan_link"):
        for row_id, note in bind.execute(sa.text(f"SELECT id, note FROM {table} WHERE topic = 'verzuim'")).all():  # noqa: S608
            found.append((table, row_id, by_words(note or "")))
    for aid, note in bind.execute(sa.text("SELECT id, note FROM absence WHERE topic = 'verzuim' AND note <> ''")).all():
        found.append(("absence", aid, by_words(note)))
    for table, row_id, topic in found:
        if topic is not None:
            bind.execute(sa.text(f"UPDATE {table} SET topic = :t, topic_review = :r WHERE id = :i"),  # noqa: S608
                         {"t": topic, "r": True, "i": row_id})


def downgrade() -> None:
    pass  # a topic made safer is kept: going back a version must not send a health detail to leerplicht
