"""topic words: entries whose stored topic goes to leerplicht while their text names health or the home

The word lists (resources/words/) now find words inside Dutch compounds (`*ontsteking` in
keelontsteking, `*arts` in oogarts), name medicines and institutions (Ritalin, GGZ) and have a list of
the home (scheiding, jeugdzorg). A conversation, event, plan or absence note stored with the topic
*verzuim* whose text the lists now read as *gezondheid* or *thuissituatie* gets that topic, and is marked
`topic_review` for the IB-er to confirm (Onderwerpen nakijken). Only towards the safe side: no topic that
keeps a text from leerplicht is changed, and a note whose topic is NULL is read by the lists each time.

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
    from verzuimdesk.domain.codes import Category
    from verzuimdesk.domain.disclosure import Entry, Topic
    from verzuimdesk.storage.topic_defaults import guess_topic

    bind = op.get_bind()
    found: list[tuple[str, int, str]] = []
    for cid, kind, summary in bind.execute(sa.text(
            "SELECT id, kind, summary FROM conversation WHERE topic = 'verzuim'")).all():
        found.append(("conversation", cid, guess_topic(Entry.CONVERSATION, kind, summary or "").value))
    for eid, kind, note in bind.execute(sa.text("SELECT id, kind, note FROM event WHERE topic = 'verzuim'")).all():
        found.append(("event", eid, guess_topic(Entry.EVENT, kind, note or "").value))
    for plid, kind, note in bind.execute(sa.text(
            "SELECT id, kind, note FROM plan_link WHERE topic = 'verzuim'")).all():
        found.append(("plan_link", plid, guess_topic(Entry.PLAN, kind, note or "").value))
    for aid, code, cat, note in bind.execute(sa.text(
            "SELECT a.id, c.code, c.category, a.note FROM absence a JOIN absence_code c ON c.id = a.code_id "
            "WHERE a.topic = 'verzuim' AND a.note <> ''")).all():
        found.append(("absence", aid, guess_topic(Entry.NOTE, code, note, category=Category(cat)).value))
    for table, row_id, topic in found:
        if topic != Topic.VERZUIM.value:
            bind.execute(sa.text(f"UPDATE {table} SET topic = :t, topic_review = :r WHERE id = :i"),  # noqa: S608
                         {"t": topic, "r": True, "i": row_id})


def downgrade() -> None:
    pass  # a topic made safer is kept: going back a version must not send a health detail to leerplicht
