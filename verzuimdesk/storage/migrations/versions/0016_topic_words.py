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

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from verzuimdesk.storage.topic_defaults import recheck_stored_topics

    recheck_stored_topics(op.get_bind())


def downgrade() -> None:
    pass  # a topic made safer is kept: going back a version must not send a health detail to leerplicht
