"""topics: what each entry that can leave the school is about, chosen by its writer

Conversations, events, plan links and absence notes get a `topic` (verzuim, gezondheid,
thuissituatie, overig) and `topic_review`; agreements a `topic` of their own (NULL: their
conversation's). Existing rows get the guess the recipient filter used to make from dates (a
conversation or event on a day the pupil was sick, or with the jeugdarts, is about health), made
safer by the health-word list, and are marked `topic_review` for the IB-er to confirm.

Columns are added with ALTER TABLE ADD COLUMN, not in batch mode: no table is copied, so the
status-cache triggers of 0004 stay. The UPDATEs fire them, which empties the cache of those pupils.

Revision ID: 0006
Revises: 0009
Create Date: 2026-12-02
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0009"
branch_labels = None
depends_on = None

REVIEWED = ("conversation", "event", "plan_link", "absence")


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def upgrade() -> None:
    from verzuimdesk.domain.codes import Category
    from verzuimdesk.domain.disclosure import Entry, Topic
    from verzuimdesk.storage.topic_defaults import guess_topic

    op.add_column("conversation", sa.Column("topic", sa.String(20), nullable=False, server_default="verzuim"))
    op.add_column("event", sa.Column("topic", sa.String(20), nullable=False, server_default="verzuim"))
    op.add_column("plan_link", sa.Column("topic", sa.String(20), nullable=False, server_default="overig"))
    op.add_column("absence", sa.Column("topic", sa.String(20), nullable=True))
    op.add_column("agreement", sa.Column("topic", sa.String(20), nullable=True))
    for table in REVIEWED:
        op.add_column(table, sa.Column("topic_review", sa.Boolean(), nullable=False, server_default=sa.false()))

    bind = op.get_bind()
    sick: dict[int, set[date]] = defaultdict(set)
    for pid, day in bind.execute(sa.text(
            "SELECT a.pupil_id, a.day FROM absence a JOIN absence_code c ON c.id = a.code_id "
            "WHERE c.category = 'sick'")):
        sick[pid].add(_day(day))

    def health(pid: int, day: object) -> bool:
        return _day(day) in sick[pid]

    for cid, pid, kind, held, summary in bind.execute(sa.text(
            "SELECT id, pupil_id, kind, held_at, summary FROM conversation")).all():
        topic = Topic.GEZONDHEID if health(pid, held) else guess_topic(Entry.CONVERSATION, kind, summary or "")
        bind.execute(sa.text("UPDATE conversation SET topic = :t, topic_review = 1 WHERE id = :i"),
                     {"t": topic.value, "i": cid})
    for eid, pid, kind, day, note in bind.execute(sa.text("SELECT id, pupil_id, kind, day, note FROM event")).all():
        topic = Topic.GEZONDHEID if note and health(pid, day) else guess_topic(Entry.EVENT, kind, note or "")
        bind.execute(sa.text("UPDATE event SET topic = :t, topic_review = 1 WHERE id = :i"),
                     {"t": topic.value, "i": eid})
    for plid, kind, note in bind.execute(sa.text("SELECT id, kind, note FROM plan_link")).all():
        bind.execute(sa.text("UPDATE plan_link SET topic = :t, topic_review = 1 WHERE id = :i"),
                     {"t": guess_topic(Entry.PLAN, kind, note or "").value, "i": plid})
    for aid, code, cat, note in bind.execute(sa.text(
            "SELECT a.id, c.code, c.category, a.note FROM absence a JOIN absence_code c ON c.id = a.code_id "
            "WHERE a.note <> ''")).all():
        topic = guess_topic(Entry.NOTE, code, note, category=Category(cat))
        bind.execute(sa.text("UPDATE absence SET topic = :t, topic_review = 1 WHERE id = :i"),
                     {"t": topic.value, "i": aid})
    for agid, text in bind.execute(sa.text("SELECT id, text FROM agreement")).all():
        if guess_topic(Entry.AGREEMENT, "", text or "") is Topic.GEZONDHEID:
            bind.execute(sa.text("UPDATE agreement SET topic = 'gezondheid' WHERE id = :i"), {"i": agid})
    op.execute("DELETE FROM status_cache")


def downgrade() -> None:
    # ALTER TABLE DROP COLUMN (SQLite 3.35+) copies no table either, so the triggers stay.
    columns = {"conversation": ("topic", "topic_review"), "event": ("topic", "topic_review"),
               "plan_link": ("topic", "topic_review"), "absence": ("topic", "topic_review"),
               "agreement": ("topic",)}
    for table, names in columns.items():
        for name in names:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    op.execute("DELETE FROM status_cache")
