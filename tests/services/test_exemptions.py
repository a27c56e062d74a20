"""A vrijstelling recorded from the dossier (PROTOCOLS.md §1b): the pupil is not leerplichtig for its
period, so the 16 hours ask no DUO report; bad input is refused in Dutch and writes nothing; every write
is in the audit log with the person who made it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.actors import IB, ib
from tests.conftest import DATA
from tests.dbdump import dump
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.services.dossier_view import view_dossier
from verzuimdesk.services.exemptions import delete_exemption, exemptions_of, save_exemption
from verzuimdesk.services.imports import import_absences, import_pupils
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, Pupil


@pytest.fixture
def school(db: Database) -> Database:
    import_pupils(db, (DATA / "pupils.csv").read_bytes(), by=IB)
    import_absences(db, b"leerlingnummer,datum,code\n" + b"".join(
        b"1002,2025-11-%02d,O\n" % d for d in (10, 11, 12, 13)), by=IB)  # 20 hours unauthorised
    return db


def _reported_pupil(db: Database, day: date) -> tuple[int, date]:
    """The pupil asked for a DUO report on `day`, and the trigger date."""
    for p in school_status(db, day).pupils:
        duo = [a for a in p.status.actions if a.kind is ActionKind.DUO_REPORT and a.legal]
        if duo:
            return p.pupil_id, duo[0].trigger_date
    raise AssertionError("no pupil with a DUO report")


PEIL = date(2025, 11, 14)


def test_a_vrijstelling_over_the_absence_takes_away_the_duo_report_and_shows_in_the_dossier(school: Database) -> None:
    pid, trigger = _reported_pupil(school, PEIL)
    eid = save_exemption(school, pupil_id=pid, start=date(2025, 8, 1), end=date(2025, 12, 31), article="5 onder a",
                         note="Verklaring jeugdarts", by=ib('Marieke Aarts')).id
    (p,) = school_status(school, PEIL, pupil_ids=[pid]).pupils
    assert not [a for a in p.status.actions if a.kind is ActionKind.DUO_REPORT]
    d = view_dossier(school, pupil_id=pid, peildatum=PEIL, by=IB, log=False)
    assert not d.leerplichtig and d.exemption_on_peildatum() == exemptions_of(school, pid)[0]
    assert d.exemptions[0].article == "5a" and d.exemptions[0].note == "Verklaring jeugdarts"
    with school.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "exemption")).one()
    assert (entry.user, entry.action, entry.entity_id, entry.pupil_id) == ("Marieke Aarts", "create", eid, pid)
    # changed to end before the absence: the report is asked again
    save_exemption(school, pupil_id=pid, exemption_id=eid, start=date(2025, 8, 1), end=date(2025, 11, 7),
                   article="5a", note="", by=IB)
    (p,) = school_status(school, PEIL, pupil_ids=[pid]).pupils
    assert [a.trigger_date for a in p.status.actions if a.kind is ActionKind.DUO_REPORT][:1] == [trigger]
    assert pid in delete_exemption(school, exemption_id=eid, by=IB).pupil_ids  # what the desk refreshes
    assert exemptions_of(school, pid) == ()


@pytest.mark.parametrize(("start", "end", "article", "message"), [
    (date(2025, 9, 1), date(2025, 8, 31), "5a", "De einddatum (31-08-2025) ligt voor de begindatum (01-09-2025)."),
    (date(2025, 9, 1), None, "11a", "'11a' is geen artikel voor vrijstelling; kies uit 15, 3a, 3b, 5a, 5b, 5c."),
    (date(2025, 9, 1), None, "", "Kies het artikel van de Leerplichtwet"),
    (None, None, "5a", "Vul de begindatum van de vrijstelling in."),
])
def test_bad_input_is_refused_in_dutch_and_writes_nothing(school: Database, start: date | None, end: date | None,
                                                           article: str, message: str) -> None:
    with school.read() as s:
        pid = s.scalars(select(Pupil.id)).first()
    assert pid is not None
    before = dump(school)
    with pytest.raises(Refused) as refused:
        save_exemption(school, pupil_id=pid, start=start, end=end, article=article, by=IB)
    assert message in str(refused.value)
    assert dump(school) == before


def test_the_dossier_says_from_when_the_pupil_is_leerplichtig(school: Database) -> None:
    with school.read() as s:
        pupil = s.scalars(select(Pupil).where(Pupil.birth_date.is_not(None))).first()
        assert pupil is not None
        pid, born = pupil.id, pupil.birth_date
    d = view_dossier(school, pupil_id=pid, peildatum=PEIL, by=IB, log=False)
    assert d.leerplicht_start is not None and not d.birth_date_missing
    assert (d.leerplicht_start.year, d.leerplicht_start.month) == (
        (born.year + 5, born.month + 1) if born.month < 12 else (born.year + 6, 1))
