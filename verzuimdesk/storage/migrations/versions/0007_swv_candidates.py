"""SWV list: Onderwijs Transparant's words, the fields the SWV asks for, and dismissed candidates

- The stored option texts of cases (main cause, intervention status, closing reason) become those of
  the SWV's toelichting (sources/004) word for word; a value that matches none is left as it is.
- care_case gets the regiehouder and, for category A, the date and number of the DUO report;
  case_share gets the end date of a share ("eerst de einddatum van het voorafgaande percentage").
- case_dismissal keeps the candidates the IB-er dismissed, with the reason (PROTOCOLS.md §5).

Plain ALTER TABLE ADD/DROP COLUMN (no batch copy), so the status-cache triggers of 0004 stay in place.

Revision ID: 0007
Revises: 0008
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0008"
branch_labels = None
depends_on = None

# The texts as they were stored before (the app's earlier wording and the demo's), mapped to OT's.
MAIN_CAUSES = {
    "leerling wil niet naar school": "Leerling wil niet naar school",
    "ouders willen niet dat het kind naar school gaat": "Ouders willen niet dat kind naar school gaat",
    "ouders willen niet dat kind naar school gaat": "Ouders willen niet dat kind naar school gaat",
    "geen overeenstemming school en ouders over een passende plek":
        "Geen overeenstemming school/ouders over passende onderwijsplek",
    "geen overeenstemming school/ouders over passende onderwijsplek":
        "Geen overeenstemming school/ouders over passende onderwijsplek",
    "kan naar school, maar geen passende plek": "Wel in staat, maar geen passende onderwijsplek",
    "wel in staat, maar geen passende onderwijsplek": "Wel in staat, maar geen passende onderwijsplek",
    "psychisch": "Psychische oorzaak",
    "psychische oorzaak": "Psychische oorzaak",
    "lichamelijk": "Lichamelijke oorzaak",
    "lichamelijke oorzaak": "Lichamelijke oorzaak",
}
STATUSES = {
    "geen passend aanbod gestart": "Geen passend en gestart aanbod onderwijs/zorg",
    "geen passend en gestart aanbod onderwijs/zorg": "Geen passend en gestart aanbod onderwijs/zorg",
    "jeugdhulp, medische zorg of behandeling": "Inzet jeugdhulp / medische zorg / behandeling",
    "inzet jeugdhulp / medische zorg / behandeling": "Inzet jeugdhulp / medische zorg / behandeling",
    "leerplicht betrokken": "Inzet leerplicht",
    "inzet leerplicht": "Inzet leerplicht",
    "aangepast programma op school (afwijking onderwijstijd, volgens plan)":
        "Volgt op/via school aangepast onderwijsprogramma",
    "aangepast programma op school (afwijking onderwijstijd, volgens opp)":
        "Volgt op/via school aangepast onderwijsprogramma",
    "volgt op/via school aangepast onderwijsprogramma": "Volgt op/via school aangepast onderwijsprogramma",
    "zorgprogramma in plaats van school": "Volgt zorgtraject/dagbesteding t.v.v. onderwijs",
    "volgt zorgtraject/dagbesteding t.v.v. onderwijs": "Volgt zorgtraject/dagbesteding t.v.v. onderwijs",
    "tijdelijk dagprogramma": "Volgt (tijdelijk) daginvullingsprogramma",
    "volgt (tijdelijk) daginvullingsprogramma": "Volgt (tijdelijk) daginvullingsprogramma",
    "in een gesloten of residentiële instelling": "In gesloten instelling of residentiële instelling",
    "in gesloten instelling of residentiële instelling": "In gesloten instelling of residentiële instelling",
}
CLOSE_REASONS = {
    "terug op school voor meer dan 50%": "Leerling volgt weer (>50%) onderwijs op (een) school",
    "leerling volgt weer (>50%) onderwijs op (een) school": "Leerling volgt weer (>50%) onderwijs op (een) school",
    "uitgeschreven van de school": "Leerling is van school uitgeschreven",
    "leerling is van school uitgeschreven": "Leerling is van school uitgeschreven",
    "vrijstelling": "Vrijstelling voor leerling",
    "vrijstelling voor leerling": "Vrijstelling voor leerling",
}
COLUMNS = [("care_case", "main_cause", MAIN_CAUSES), ("case_status", "status", STATUSES),
           ("care_case", "close_reason", CLOSE_REASONS)]


def _map(mapping: dict[str, str], *, back: bool) -> None:
    conn = op.get_bind()
    for table, column, words in COLUMNS:
        if words is not mapping:
            continue
        rows = conn.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
        for row_id, value in rows:
            if back:
                new = next((old for old, ot in words.items() if ot == value), None)
            else:
                new = words.get((value or "").strip().lower())
            if new is not None and new != value:
                conn.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :i"), {"v": new, "i": row_id})


def upgrade() -> None:
    op.add_column("care_case", sa.Column("regiehouder", sa.String(length=200), nullable=False, server_default=""))
    op.add_column("care_case", sa.Column("duo_report_date", sa.Date(), nullable=True))
    op.add_column("care_case", sa.Column("duo_report_number", sa.String(length=50), nullable=False,
                                         server_default=""))
    op.add_column("case_share", sa.Column("until", sa.Date(), nullable=True))
    op.create_table(
        "case_dismissal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=1), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("dismissed_on", sa.Date(), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_case_dismissal_pupil_id_pupil"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_dismissal")),
    )
    op.create_index(op.f("ix_case_dismissal_pupil_id"), "case_dismissal", ["pupil_id"], unique=False)
    for _, _, words in COLUMNS:
        _map(words, back=False)


def downgrade() -> None:
    for _, _, words in COLUMNS:
        _map(words, back=True)
    op.drop_index(op.f("ix_case_dismissal_pupil_id"), table_name="case_dismissal")
    op.drop_table("case_dismissal")
    # SQLite's own DROP COLUMN (3.35+), not a batch copy: the triggers on care_case stay.
    for table, column in (("case_share", "until"), ("care_case", "duo_report_number"),
                          ("care_case", "duo_report_date"), ("care_case", "regiehouder")):
        op.execute(f'ALTER TABLE {table} DROP COLUMN "{column}"')
