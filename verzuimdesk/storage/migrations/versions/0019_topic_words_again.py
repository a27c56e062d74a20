"""topic words again: the health words of leave requests (terminaal, palliatief, hospice, IC, hartinfarct, …)

The word lists grew (resources/words/gezondheid.txt: the illnesses and care an art. 11 request names, and a
whole-word form, "ic", that never matches inside ICT). Entries stored before with the topic *verzuim* whose
text the lists now read as *gezondheid* or *thuissituatie* get that topic and are marked `topic_review`,
as 0016 did for the lists of then (storage/topic_defaults.recheck_stored_topics): otherwise a note of
"opa ligt op de IC" stays *verzuim* and goes to leerplicht with the dossier.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from verzuimdesk.storage.topic_defaults import recheck_stored_topics

    recheck_stored_topics(op.get_bind())


def downgrade() -> None:
    pass  # a topic made safer is kept: going back a version must not send a health detail to leerplicht
