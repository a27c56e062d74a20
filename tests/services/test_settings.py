"""Instellingen written through the school file's own checks, audited, with the vacation prefills."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from verzuimdesk.domain.calendar import Period
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.protocol import ProtocolError
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.importers.protocol_files import load_protocol
from verzuimdesk.services.registration_grid import list_codes
from verzuimdesk.services.school import new_school_database, read_school_file
from verzuimdesk.services.settings import (
    REGIONS,
    adopt_protocol_file,
    describe_protocol,
    save_code,
    save_school,
    school_view,
    set_protocol,
    vacation_prefill,
    vacation_prefills,
)
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, School, Vacation


@pytest.fixture
def db(tmp_path: Path, school_file: Path) -> Iterator[Database]:
    database, _ = new_school_database(str(tmp_path / "s.db"), read_school_file(school_file), user="ib", password=None)
    yield database
    database.close()


def test_every_region_has_three_school_years_of_four_vacations_inside_its_year() -> None:
    prefills = vacation_prefills()
    assert sorted({(p.school_year, p.region) for p in prefills}) == sorted(
        (y, r) for y in ("2025-2026", "2026-2027", "2027-2028") for r in REGIONS)
    for p in prefills:
        assert [v.name for v in p.vacations] == ["Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie",
                                                 "Meivakantie"]
        assert all(p.year.start < v.start <= v.end < p.year.end for v in p.vacations)
        assert all(v.start.weekday() == 5 and v.end.weekday() == 6 for v in p.vacations)  # Saturday to Sunday
        assert p.year.start.weekday() == 0 and p.year.end.weekday() == 4


def test_the_south_has_its_own_autumn_2025() -> None:
    assert vacation_prefill("zuid", "2025-2026").vacations[0] == Period("Herfstvakantie", date(2025, 10, 11),
                                                                         date(2025, 10, 19))
    assert vacation_prefill("noord", "2025-2026").vacations[0].start == date(2025, 10, 18)


def test_saving_a_prefilled_year_writes_its_vacations_and_audits_before_and_after(db: Database) -> None:
    view = school_view(db)
    prefill = vacation_prefill("zuid", "2026-2027")
    new_year = replace(view.years[0], school_year=prefill.year, vacations=prefill.vacations, studiedagen=(),
                       feestdagen=(date(2027, 3, 29),))
    save_school(db, settings=new_year, region="zuid", by=IB)
    view = school_view(db)
    assert [y.school_year.start for y in view.years] == [date(2025, 8, 25), date(2026, 8, 24)]
    assert view.region == "zuid" and len(view.years[1].vacations) == 4 and view.years[1].feestdagen == (date(2027, 3, 29),)
    assert len(view.years[0].vacations) == 1  # the other year keeps its calendar
    with db.read() as s:
        detail = json.loads(s.scalars(select(AuditEntry.detail).order_by(AuditEntry.id.desc())).first() or "{}")
    assert detail["voor"]["kalender"] is None and len(detail["na"]["kalender"]["vakanties"]) == 4


def test_a_vacation_outside_the_year_is_refused_as_the_school_file_is_and_nothing_changes(db: Database) -> None:
    year = school_view(db).years[0]
    bad = replace(year, vacations=(*year.vacations, Period("Zomer", date(2026, 7, 11), date(2026, 8, 23))),
                  studiedagen=(date(2025, 11, 15),))
    with pytest.raises(InputRefused) as refused:
        save_school(db, settings=bad, by=IB)
    assert [p.reason for p in refused.value.problems] == ["'vakantie 'Zomer'': ligt buiten het schooljaar",
                                                          "'kalender.studiedagen': 2025-11-15 valt in het weekend"]
    with db.read() as s:
        assert s.scalars(select(Vacation.name)).all() == ["Herfstvakantie"]


def test_codes_are_added_and_renamed_but_a_default_code_keeps_its_category(db: Database) -> None:
    save_code(db, code="k", label="Kort verlof (begrafenis)", category=Category.AUTHORISED, by=IB)
    save_code(db, code="Z", label="Ziek gemeld", category=Category.SICK, by=IB)
    codes = {c.code: c for c in list_codes(db)}
    assert (codes["K"].label, codes["K"].category, codes["K"].builtin) == ("Kort verlof (begrafenis)",
                                                                           Category.AUTHORISED, False)
    assert codes["Z"].label == "Ziek gemeld"
    with pytest.raises(InputRefused, match="standaardcode en houdt categorie 'sick'"):
        save_code(db, code="Z", label="Ziek", category=Category.AUTHORISED, by=IB)
    with pytest.raises(InputRefused, match="1 tot 5 tekens"):
        save_code(db, code="A B", label="x", category=Category.AUTHORISED, by=IB)


def test_x_is_luxe_by_default_and_a_school_marks_its_own_codes_as_luxe(db: Database) -> None:
    assert {c.code for c in list_codes(db) if c.luxe} == {"X"}
    save_code(db, code="LV", label="Lang weekend zonder verlof", category=Category.UNAUTHORISED, luxe=True, by=IB)
    save_code(db, code="X", label="Luxeverzuim (vakantie)", category=Category.UNAUTHORISED, by=IB)  # keeps its flag
    assert {c.code for c in list_codes(db) if c.luxe} == {"X", "LV"}
    save_code(db, code="LV", label="Lang weekend zonder verlof", category=Category.UNAUTHORISED, luxe=False, by=IB)
    assert {c.code for c in list_codes(db) if c.luxe} == {"X"}


def test_an_edited_protocol_is_checked_like_the_engine_and_kept_in_the_data_folder(
        db: Database, tmp_path: Path, _private_data_dir: Path) -> None:
    from verzuimdesk.importers.protocol_files import protocols_dir

    edited = tmp_path / "eigen.toml"
    edited.write_text((protocols_dir() / "tilburg-po.toml").read_text(encoding="utf-8"), encoding="utf-8")
    kept = adopt_protocol_file(edited)
    assert Path(kept).parent == _private_data_dir / "protocols"
    set_protocol(db, protocol=kept, by=IB)
    with db.read() as s:
        assert s.scalar(select(School.protocol)) == kept
    broken = tmp_path / "kapot.toml"
    broken.write_text("[protocol\n", encoding="utf-8")
    with pytest.raises(ProtocolError, match=r"Protocolbestand kapot\.toml: geen geldige TOML"):
        adopt_protocol_file(broken)


def test_the_protocol_reads_in_dutch_with_its_legal_duties() -> None:
    text = describe_protocol(load_protocol("hoeksche-waard-po"))
    assert "HW-16U" in text and "melden bij DUO (via de leerlingadministratie, verzuimregister)" in text and "wettelijke plicht" in text
    rule = next(r for r in load_protocol("hoeksche-waard-po").rules if r.id == "UNEXPLAINED")
    assert f"\n{rule.name} (UNEXPLAINED) — " in text  # each rule by its Dutch name first, as the documents name it
