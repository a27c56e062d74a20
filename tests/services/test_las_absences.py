"""Absences from the LAS: presets for ParnasSys and ESIS, the school's own presets and codes, re-imports."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.actors import IB
from tests.conftest import DATA
from tests.importers.test_workbook import xlsx
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.import_presets import ESIS, PARNASSYS, all_presets, delete_preset, save_preset
from verzuimdesk.services.import_preview import preview_import, run_import
from verzuimdesk.services.imports import import_absences, import_pupils
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Pupil


@pytest.fixture
def school(db: Database) -> Database:
    import_pupils(db, (DATA / "pupils.csv").read_bytes(), by=IB)
    return db


def records(db: Database, number: str) -> list[tuple[str, str, str]]:
    with db.read() as s:
        q = (select(Absence.day, Absence.start, AbsenceCodeRow.code).join(AbsenceCodeRow).join(Pupil)
             .where(Pupil.number == number).order_by(Absence.day, Absence.start))
        return [(d.isoformat(), f"{t:%H:%M}" if t else "", c) for d, t, c in s.execute(q)]


PARNASSYS_SHEET = [["Leerlingnummer", "Naam", "Groep", "Begindatum", "Begintijd", "Eindtijd", "Absentiereden",
                    "Opmerking"],
                   [1001, "Zoë van der Berg", "5", "03-11-2025", "", "", "Ziek", "moeder belde"],
                   [1001, "Zoë van der Berg", "5", "04-11-2025", "08:30", "10:00", "Huisarts/tandarts", ""],
                   [1003, "Sem Jansen", "5", "05-11-2025", "", "", "Ongeoorloofd", ""]]


def test_a_parnassys_overview_is_recognised_and_its_reasons_become_the_schools_codes(school: Database) -> None:
    data = xlsx(PARNASSYS_SHEET)
    preview = preview_import(school, kind="absences", data=data, filename="absenties.xlsx")
    assert preview.preset == PARNASSYS.name
    assert preview.mapping["Begindatum"] == "datum" and preview.mapping["Absentiereden"] == "code"
    assert preview.mapping["Naam"] == "" and preview.mapping["Groep"] == ""
    assert preview.codes == {"Huisarts/tandarts": "M", "Ongeoorloofd": "O", "Ziek": "Z"}
    assert preview.can_import and len(preview.to_add) == 3
    change = run_import(school, kind="absences", data=data, filename="absenties.xlsx", mapping=None, by=IB)
    assert change.added == 3
    assert records(school, "1001") == [("2025-11-03", "", "Z"), ("2025-11-04", "08:30", "M")]


def test_an_esis_overview_is_recognised(school: Database) -> None:
    sheet = [["Leerlingnr", "Datum absentie", "Tijd van", "Tijd tot", "Absentiesoort"],
             [1002, "2025-11-03", "", "", "Ziek"]]
    preview = preview_import(school, kind="absences", data=xlsx(sheet), filename="esis.xlsx")
    assert preview.preset == ESIS.name and preview.can_import


def test_the_schools_own_preset_round_trips_and_beats_the_shipped_ones(school: Database) -> None:
    sheet = [["Nr", "Dag", "Wat"], [1001, "03-11-2025", "thuis ziek"], [1002, "03-11-2025", "bijzonder verlof"]]
    data = xlsx(sheet)
    assert preview_import(school, kind="absences", data=data, filename="eigen.xlsx").preset == ""
    save_preset(school, name="Onze lijst", columns={"Nr": "leerlingnummer", "Dag": "datum", "Wat": "code"},
                codes={"thuis ziek": "Z", "bijzonder verlof": "V"}, by=IB)
    mine = next(p for p in all_presets(school) if p.name == "Onze lijst")
    assert mine.columns == {"Nr": "leerlingnummer", "Dag": "datum", "Wat": "code"} and not mine.builtin
    preview = preview_import(school, kind="absences", data=data, filename="eigen.xlsx")
    assert preview.preset == "Onze lijst" and preview.codes == {"bijzonder verlof": "V", "thuis ziek": "Z"}
    assert preview.can_import
    with pytest.raises(Refused, match="meegeleverde voorinstelling"):
        save_preset(school, name=PARNASSYS.name, columns={}, codes={}, by=IB)
    with pytest.raises(Refused, match="Onbekende code"):
        save_preset(school, name="Fout", columns={}, codes={"ziek": "QQ"}, by=IB)
    delete_preset(school, name="Onze lijst", by=IB)
    assert [p.name for p in all_presets(school)] == [PARNASSYS.name, ESIS.name]


def test_codes_chosen_in_an_import_are_remembered_for_the_next_file(school: Database) -> None:
    sheet = [["Leerlingnummer", "Datum", "Reden"], [1001, "03-11-2025", "Rouwverlof"]]
    first = preview_import(school, kind="absences", data=xlsx(sheet), filename="a.xlsx")
    assert first.code_values == ("Rouwverlof",) and first.codes == {} and not first.can_import
    run_import(school, kind="absences", data=xlsx(sheet), filename="a.xlsx", mapping=None, codes={"Rouwverlof": "V"}, by=IB)
    later = [["Leerlingnummer", "Datum", "Reden"], [1002, "04-11-2025", "rouwverlof"]]
    again = preview_import(school, kind="absences", data=xlsx(later), filename="b.xlsx")
    assert again.codes == {"rouwverlof": "V"} and again.can_import


def test_a_repeated_import_of_an_overlapping_period_updates_instead_of_duplicating(school: Database) -> None:
    week1 = [["Leerlingnummer", "Datum", "Reden"], [1001, "03-11-2025", "Ziek"], [1001, "04-11-2025", "Ziek"]]
    run_import(school, kind="absences", data=xlsx(week1), filename="w1.xlsx", mapping=None, by=IB)
    # the next export overlaps: 4 November turned out to be unauthorised, 5 November is new
    week2 = [["Leerlingnummer", "Datum", "Reden"], [1001, "04-11-2025", "Ongeoorloofd"], [1001, "05-11-2025", "Ziek"]]
    preview = preview_import(school, kind="absences", data=xlsx(week2), filename="w2.xlsx")
    assert [(r.line, [(c.field, c.old, c.new) for c in r.changes]) for r in preview.to_change] == [
        (2, [("code", "Z", "O")])]
    change = run_import(school, kind="absences", data=xlsx(week2), filename="w2.xlsx", mapping=None, by=IB)
    assert (change.added, change.updated, change.unchanged) == (1, 1, 0)
    assert records(school, "1001") == [("2025-11-03", "", "Z"), ("2025-11-04", "", "O"), ("2025-11-05", "", "Z")]
    again = run_import(school, kind="absences", data=xlsx(week2), filename="w2.xlsx", mapping=None, by=IB)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_the_csv_import_updates_a_record_of_the_same_span(school: Database) -> None:
    head = "leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
    import_absences(school, (head + "1001;2025-11-04;08:30;10:00;Z;;;\n").encode(), by=IB)
    change = import_absences(school, (head + "1001;2025-11-04;08:30;10:00;M;;;tandarts\n").encode(), by=IB)
    assert (change.added, change.updated) == (0, 1)
    with school.read() as s:
        assert s.scalar(select(func.count()).select_from(Absence)) == 1
    assert records(school, "1001") == [("2025-11-04", "08:30", "M")]


def test_an_update_keeps_the_note_and_the_report_time_the_school_has(school: Database) -> None:
    from datetime import datetime

    head = "leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
    import_absences(school, (head + "1001;2025-11-04;;;Z;;2025-11-04 07:50;ouders belden\n"
                             "1002;2025-11-04;;;Z;;;\n").encode(), by=IB)
    # the newer export: 1001 unauthorised after all, no note and another report time; 1002 named twice
    change = import_absences(school, (head + "1001;2025-11-04;;;O;;2025-11-05 10:00;\n"
                                      "1002;2025-11-04;;;O;;;eerst\n1002;2025-11-04;;;M;;;later\n").encode(), by=IB)
    assert (change.added, change.updated, change.unchanged) == (0, 3, 0)  # each line of the file counts
    with school.read() as s:
        got = {n: (c, note, at, v) for n, c, note, at, v in s.execute(
            select(Pupil.number, AbsenceCodeRow.code, Absence.note, Absence.reported_at, Absence.version)
            .join(Pupil).join(AbsenceCodeRow))}
    assert got == {"1001": ("O", "ouders belden", datetime(2025, 11, 4, 7, 50), 2),
                   "1002": ("M", "later", None, 3)}  # the later line wins; each was an update of its own
