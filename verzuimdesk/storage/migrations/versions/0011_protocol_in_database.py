"""the school's protocol in the database: its text and sha256 fingerprint beside the path or id

Revision ID: 0011
Revises: 0013
Create Date: 2026-12-02

A school's protocol was only a path (or a shipped id): on another laptop, or after the file was moved,
the lights could not be computed. The text of the file is now kept in `school.protocol_text` with its
sha256 in `school.protocol_sha256`; the engine reads the kept text. Filled here from the file the
path names, where it can still be read (else the engine reads the path as before, until the protocol
is chosen again). ADD COLUMN copies no table, so the status-cache triggers of 0004 on `school` stay;
the cache's fingerprint is the sha256 of the same bytes, so the kept statuses stay valid.
"""
from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("school", sa.Column("protocol_text", sa.Text(), nullable=True))
    op.add_column("school", sa.Column("protocol_sha256", sa.String(length=64), nullable=False, server_default=""))
    from verzuimdesk.domain.protocol import ProtocolError, parse_protocol
    from verzuimdesk.importers.protocol_files import protocol_file, read_protocol

    bind = op.get_bind()
    for sid, ref in bind.execute(sa.text("SELECT id, protocol FROM school")).all():
        try:
            raw = read_protocol(ref)
            parse_protocol(raw, protocol_file(ref).name)
        except ProtocolError:
            continue  # gone or broken: the engine says so, as before
        bind.execute(sa.text("UPDATE school SET protocol_text = :t, protocol_sha256 = :h WHERE id = :i"),
                     {"t": raw.decode("utf-8"), "h": hashlib.sha256(raw).hexdigest(), "i": sid})


def downgrade() -> None:
    op.drop_column("school", "protocol_sha256")  # no batch copy: the triggers of 0004 stay
    op.drop_column("school", "protocol_text")
