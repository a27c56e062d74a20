"""verlof_request.decided_by_leerplicht: who decided, kept with the decision

The bezwaar clause of a decision letter named the college van B&W whenever the request held more than
10 schooldagen and the directeur otherwise, whoever decided and whatever the article: a 13a request
the directeur refused by law sent the parents to the municipality, and a request the leerplichtambtenaar
decided because it passed 10 days only with earlier leave sent them to the directeur. The decider is
now stored with the decision (`--door-leerplicht`, or a decision on a request passed on), so a letter
printed later names the same body.

Decisions recorded before hold no decider. An art. 11 request decided (granted or refused) with more
than 10 schooldagen of its own gets True, which is what its letters said until now (and the directeur
could never grant it); every other stays False.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN copies no table on SQLite (verlof_request has no triggers anyway)
    op.add_column("verlof_request", sa.Column("decided_by_leerplicht", sa.Boolean(), nullable=False,
                                              server_default=sa.false()))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, start, \"end\" FROM verlof_request WHERE article = '11' "
                                "AND decision IN ('verleend', 'geweigerd')")).all()
    if not rows:
        return
    from datetime import date

    from sqlalchemy.orm import Session

    from verzuimdesk.domain.verlof import MAX_DAYS
    from verzuimdesk.storage.loading import load_calendar

    calendar = load_calendar(Session(bind=bind))
    for rid, start, end in rows:
        start, end = (d if isinstance(d, date) else date.fromisoformat(str(d)) for d in (start, end))
        # the schooldagen of the pupils' own groups, the most of them, as the letters counted (a review: the
        # school's days made a kleuter's 9 days of a group without Friday lessons into 11)
        groups = bind.execute(sa.text("SELECT g.name FROM verlof_pupil vp JOIN pupil p ON p.id = vp.pupil_id "
                                      "JOIN school_group g ON g.id = p.group_id WHERE vp.request_id = :i"),
                              {"i": rid}).scalars().all()
        if max((len(list(calendar.schooldagen(start, end, g))) for g in groups), default=0) > MAX_DAYS:
            bind.execute(sa.text("UPDATE verlof_request SET decided_by_leerplicht = :t WHERE id = :i"),
                         {"t": True, "i": rid})


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE verlof_request DROP COLUMN decided_by_leerplicht")  # SQLite 3.35+
    else:
        op.drop_column("verlof_request", "decided_by_leerplicht")
