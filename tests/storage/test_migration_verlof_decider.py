"""Migration 0018: decisions recorded before the decider was stored keep the bezwaar body their letters named."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from alembic import command
from sqlalchemy import select

from tests.actors import IB
from verzuimdesk.services.verlof import add_request
from verzuimdesk.storage.database import alembic_config, open_database
from verzuimdesk.storage.models import VerlofRequest


def test_long_art_11_decisions_of_before_are_leerplichts_and_the_rest_the_directeurs(plain_school: Any) -> None:
    db = plain_school
    asked = [("11", date(2026, 3, 2), date(2026, 3, 16), "geweigerd"),  # 11 schooldagen: leerplicht's
             ("11", date(2026, 3, 2), date(2026, 3, 3), "verleend"),
             ("13a", date(2026, 3, 2), date(2026, 3, 16), "geweigerd"),  # refused by law, by the directeur
             ("11", date(2026, 3, 2), date(2026, 3, 16), "open")]
    ids = [add_request(db, by=IB, pupil_numbers=["1003"], start=start, end=end, article=art,
                       reason="Reden").id for art, start, end, _ in asked]
    # a kleuter of 1-2, whose group has no lessons on Friday: 9 of its days, the directeur's (a review)
    asked.append(("11", date(2026, 3, 2), date(2026, 3, 16), "verleend"))
    ids.append(add_request(db, by=IB, pupil_numbers=["1002"], start=date(2026, 3, 2), end=date(2026, 3, 16),
                           article="11", reason="Reden").id)
    path = db.target
    with db.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0017")
    db.close()
    con = sqlite3.connect(path)
    for rid, (*_, decision) in zip(ids, asked, strict=True):
        con.execute("UPDATE verlof_request SET decision = ? WHERE id = ?", (decision, rid))
    con.execute("DELETE FROM timetable_span WHERE group_name = '1-2' AND weekday = 4")
    con.commit()
    con.close()
    again = open_database(str(path))
    with again.read() as s:
        got = dict(s.execute(select(VerlofRequest.id, VerlofRequest.decided_by_leerplicht)).all())
    again.close()
    assert [got[i] for i in ids] == [True, False, False, False, False]
