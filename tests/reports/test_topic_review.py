"""Existing data get today's guess (a talk on a sick day is about health), made safer by the health words,
and are marked to check; the IB-er works through the list and what she confirms is what the filter uses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from tests.actors import IB
from tests.reports.conftest import open_db
from verzuimdesk.domain.disclosure import Entry
from verzuimdesk.reports.data import Recipient
from verzuimdesk.services.dossier import for_recipient, load_dossier
from verzuimdesk.services.topics import count_to_check, set_topic, topics_to_check
from verzuimdesk.storage.database import Database, alembic_config
from verzuimdesk.storage.models import AuditEntry, Pupil


def _rerun_migration(db: Database) -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
        # Written before topics existed: a talk about spijbelen held on a day Zoë was sick, a ZAT note.
        conn.execute(text("INSERT INTO conversation (pupil_id, kind, held_at, participants, summary, created_by, "
                          "updated_at) SELECT id, 'pupil', '2025-11-17 10:00:00.000000', 'Zoë', "
                          "'Over het spijbelen met haar vriendin', 'ib', '2025-11-17 10:00:00.000000' "
                          "FROM pupil WHERE number = '1001'"))
        conn.execute(text("INSERT INTO event (pupil_id, day, kind, reference, note, created_at, created_by) "
                          "SELECT id, '2025-11-13', 'care_team', '', 'ZAT: besproken wegens astma', "
                          "'2025-11-13 12:00:00.000000', 'ib' FROM pupil WHERE number = '1001'"))
        command.upgrade(cfg, "head")


@pytest.fixture
def migrated(school_db: Path) -> Database:
    db = open_db(school_db)
    _rerun_migration(db)
    return db


class _Topics(dict[str, str]):
    def __missing__(self, prefix: str) -> str:
        (found,) = [v for k, v in self.items() if k.startswith(prefix)]
        return found


def _topics(db: Database) -> _Topics:
    return _Topics({i.text: i.topic.value for i in topics_to_check(db)})


def test_existing_rows_get_todays_guess_made_safer_by_the_words(migrated: Database) -> None:
    topics = _topics(migrated)
    assert topics["Overleg met de jeugdarts"] == "gezondheid"  # with the jeugdarts
    assert topics["Over het spijbelen met haa"] == "gezondheid"  # held on a sick day: today's guess
    assert topics["Gesprek met Zoë over het s"] == "verzuim"
    assert topics["ZAT: besproken wegens astm"] == "gezondheid"  # not on a sick day, but it says astma
    assert topics["koorts, huisarts bezocht"] == "gezondheid"  # the note of a sick record
    assert topics["tandarts"] == "gezondheid"  # the note of a medical visit
    assert topics["spijbelen met een vriendin"] == "verzuim"
    assert count_to_check(migrated) == len(topics)
    migrated.close()


def test_what_the_ib_er_confirms_leaves_the_list_is_logged_and_is_what_the_filter_uses(migrated: Database) -> None:
    (talk,) = [i for i in topics_to_check(migrated) if i.text.startswith("Over het spijbelen")]
    with migrated.read() as s:
        zoe = s.scalar(select(Pupil.id).where(Pupil.number == "1001"))
    assert zoe is not None
    lp = for_recipient(load_dossier(migrated, pupil_id=zoe, end=date(2025, 11, 21)), Recipient.LEERPLICHT)
    assert not [c for c in lp.conversations if c.summary.startswith("Over het spijbelen")]
    before = count_to_check(migrated)
    set_topic(migrated, entry=Entry.CONVERSATION, entry_id=talk.id, topic="verzuim", by=IB)
    assert count_to_check(migrated) == before - 1
    assert talk.id not in {i.id for i in topics_to_check(migrated) if i.entry is Entry.CONVERSATION}
    lp = for_recipient(load_dossier(migrated, pupil_id=zoe, end=date(2025, 11, 21)), Recipient.LEERPLICHT)
    assert [c for c in lp.conversations if c.summary.startswith("Over het spijbelen")]
    with migrated.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.entity == "onderwerp gesprek")).one()
        assert row.entity_id == talk.id and '"na": "verzuim"' in row.detail
    migrated.close()


def test_the_review_dialog_confirms_one_row_at_a_time(migrated: Database, qtbot: object) -> None:
    from verzuimdesk.ui.topic_review_dialog import COL_OK, COL_TEXT, TopicReviewDialog

    dialog = TopicReviewDialog(migrated, by=IB)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    rows = dialog.table.rowCount()
    row = next(r for r in range(rows) if dialog.table.item(r, COL_TEXT).text().startswith("ZAT"))
    assert dialog.combo(row).currentData() == "gezondheid"
    dialog.combo(row).setCurrentIndex(dialog.combo(row).findData("overig"))
    dialog.table.cellWidget(row, COL_OK).click()
    assert dialog.table.rowCount() == rows - 1
    (zat,) = [i for i in topics_to_check(migrated, pupil_id=None) if i.text.startswith("ZAT")] or [None]
    assert zat is None
    with migrated.read() as s:
        assert s.execute(text("SELECT topic, topic_review FROM event WHERE note LIKE 'ZAT%'")).one() == ("overig", 0)
    migrated.close()


def test_the_export_dialog_offers_the_pupil_s_topics_to_check_where_it_exports(migrated: Database,
                                                                                qtbot: object) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from verzuimdesk.ui.export_dialog import ExportDialog
    from verzuimdesk.ui.topic_review_dialog import COL_PUPIL, TopicReviewDialog

    with migrated.read() as s:
        zoe = s.scalar(select(Pupil.id).where(Pupil.number == "1001"))
    assert zoe is not None
    n = len(topics_to_check(migrated, pupil_id=zoe))
    dialog = ExportDialog(migrated, pupil_id=zoe, kind="dossier", today=date(2025, 11, 21), by=IB)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert dialog.topics_row.isVisible() and dialog.topics_note.text().startswith(f"Entries of this pupil with a guessed topic: {n}.")
    seen: list[set[str]] = []

    def confirm_all() -> None:  # the IB-er confirms each row of the list that opened, then closes it
        review = QApplication.activeModalWidget()
        assert isinstance(review, TopicReviewDialog)
        seen.append({review.table.item(r, COL_PUPIL).text() for r in range(review.table.rowCount())})
        for item in list(review.items):  # what each row's Confirm button does
            review.confirm(item, item.topic.value)
        assert review.table.rowCount() == 0
        review.reject()

    QTimer.singleShot(0, confirm_all)
    dialog.topics_button.click()
    assert seen == [{"Zoë van der Berg (1001)"}]  # only this pupil's entries
    assert not dialog.topics_row.isVisible() and topics_to_check(migrated, pupil_id=zoe) == []
    migrated.close()


def test_the_export_dialog_says_nothing_about_topics_when_all_are_checked(school_db: Path, qtbot: object) -> None:
    from verzuimdesk.ui.export_dialog import ExportDialog

    db = open_db(school_db)
    dialog = ExportDialog(db, pupil_id=1, kind="duo", today=date(2025, 11, 21), by=IB)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert not dialog.topics_row.isVisible()
    db.close()
