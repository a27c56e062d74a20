"""EDEXML as the handleiding 2.1 allows it, on small exports these tests write themselves."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import cli
from tests.dbdump import dump
from verzuimdesk.importers import xmltree
from verzuimdesk.importers.edex import parse_edex
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.services.edex import NO_GROUP, import_edex
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import (
    CompositeGroup,
    CompositeMember,
    CompositeStaff,
    Group,
    Pupil,
    Staff,
    StaffGroup,
)

TODAY = date(2026, 1, 12)
GROUPS = """<groep key="G34"><naam>3/4</naam><jaargroep>C</jaargroep></groep>
<groep key="G5"><naam>5</naam><jaargroep>5</jaargroep></groep>
<samengestelde_groep key="PLUS"><naam>Plusgroep rekenen</naam></samengestelde_groep>"""


def edex(pupils: str, *, groups: str = GROUPS, teachers: str = "", year: str = "2025-2026", version: str = "2.1",
         root: str = "<EDEX>") -> bytes:
    """A small EDEXML file; every pupil or teacher on a line of its own, so line numbers are easy to name."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n<school><schooljaar>{year}</schooljaar>'
            f"<brincode>12AB</brincode><xsdversie>{version}</xsdversie></school>\n"
            f"<groepen>\n{groups}\n</groepen>\n<leerlingen>\n{pupils}\n</leerlingen>\n"
            f"<leerkrachten>\n{teachers}\n</leerkrachten>\n</EDEX>\n").encode()


def pupil(key: str, inner: str = "", *, name: str = "<achternaam>Smit</achternaam><roepnaam>Lotte</roepnaam>",
          birth: str = "2017-03-01", group: str = "G5") -> str:
    born = f"<geboortedatum>{birth}</geboortedatum>" if birth else ""
    grp = f'<groep key="{group}"/>' if group else ""
    return f'<leerling key="{key}">{name}{born}{grp}<instroomdatum>2021-08-30</instroomdatum>{inner}</leerling>'


def row(db: Database, number: str) -> Pupil:
    with db.read() as s:
        p = s.scalar(select(Pupil).where(Pupil.number == number))
        assert p is not None
        s.expunge(p)
        return p


def group_of(db: Database, number: str) -> str:
    with db.read() as s:
        return s.scalar(select(Group.name).join(Pupil).where(Pupil.number == number)) or ""


def test_what_the_standard_allows_is_imported(db: Database) -> None:
    data = edex("\n".join([
        pupil("1", name="<roepnaam>Mo</roepnaam>"),  # only a roepnaam: "achternaam óf roepnaam"
        pupil("2", "<jaargroep>4</jaargroep>", group=""),  # in no stamgroep
        pupil("3", birth=""),  # no birth date
        pupil("4", "<uitstroomdatum>2025-12-19</uitstroomdatum>"),  # an ex-pupil
    ]), teachers='<leerkracht key="T1"><roepnaam>Juf Anne</roepnaam></leerkracht>')
    result = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    assert result.pupils.added == 4 and result.teachers.added == 1
    assert row(db, "1").full_name == "Mo"
    assert group_of(db, "2") == NO_GROUP and row(db, "2").jaargroep == "4"
    assert result.without_group == ("leerling 2 Lotte Smit (jaargroep 4)",)
    assert "zonder stamgroep: 1 (in groep 'zonder groep', met het standaardrooster van de school)" in result.summary()
    assert "Zonder stamgroep (groep 'zonder groep'):\n  leerling 2 Lotte Smit (jaargroep 4)" in result.report()
    assert row(db, "3").birth_date is None
    assert row(db, "4").enrolled_until == date(2025, 12, 19)
    with db.read() as s:
        assert s.scalar(select(Staff.name).where(Staff.external_key == "T1")) == "Juf Anne"
        calendar = load_calendar(s)
    monday = date(2026, 1, 12)
    assert calendar.lestijd_minutes(NO_GROUP, monday) == calendar.lestijd_minutes(None, monday) > 0


def test_the_pupils_own_jaargroep_is_kept_in_a_combination_group(db: Database) -> None:
    data = edex("\n".join([pupil("1", "<jaargroep>3</jaargroep>", group="G34"),
                           pupil("2", "<jaargroep>4</jaargroep>", group="G34"), pupil("3")]))
    import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    assert [row(db, n).jaargroep for n in "123"] == ["3", "4", "5"]  # 3: no own jaargroep, the group's
    with db.read() as s:
        assert s.scalar(select(Group.jaargroep).where(Group.name == "3/4")) == "C"


def test_samengestelde_groepen_and_the_teachers_roles_are_kept(db: Database) -> None:
    teacher = ('<leerkracht key="T1"><achternaam>Mol</achternaam><roepnaam>Ria</roepnaam><rol>IB</rol>'
               '<rolomschrijving>aandachtsfunctionaris</rolomschrijving><groepen><groep key="G5"><rol>LRK</rol></groep>'
               '<samengestelde_groep key="PLUS"><rol>RT</rol></samengestelde_groep></groepen></leerkracht>')
    plus = "<samengestelde_groepen><samengestelde_groep key=\"PLUS\"/></samengestelde_groepen>"
    data = edex("\n".join([pupil("1", plus), pupil("2")]), teachers=teacher)
    result = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    assert result.composites.added == 1
    with db.read() as s:
        plus_id = s.scalar(select(CompositeGroup.id).where(CompositeGroup.name == "Plusgroep rekenen"))
        members = s.scalars(select(Pupil.number).join(CompositeMember).where(CompositeMember.group_id == plus_id))
        assert list(members) == ["1"]
        ria = s.scalar(select(Staff).where(Staff.external_key == "T1"))
        assert ria is not None and ria.las_role == "intern begeleider, aandachtsfunctionaris"
        assert ria.role == "leerkracht" and ria.username is None  # a LAS role never grants rights here
        assert s.scalar(select(StaffGroup.role).where(StaffGroup.staff_id == ria.id)) == "leerkracht"
        assert s.scalar(select(CompositeStaff.role).where(CompositeStaff.staff_id == ria.id)) == "remedial teacher"
    # out of the plus group in the next export: the membership goes, the change is named
    again = import_edex(db, data=edex("\n".join([pupil("1"), pupil("2")]), teachers=teacher), filename="EDEX.XML",
                        today=TODAY, by=IB)
    assert "leerling 1 Lotte Smit: samengestelde groepen nu geen" in again.changed
    with db.read() as s:
        assert s.scalars(select(CompositeMember)).all() == []


def test_dummy_keys_are_matched_on_name_and_birth_date(db: Database) -> None:
    lotte = "<achternaam>Smit</achternaam><roepnaam>Lotte</roepnaam>"
    bram = "<achternaam>Visser</achternaam><roepnaam>Bram</roepnaam>"
    first = edex("\n".join([pupil("#001", name=lotte), pupil("#002", name=bram, birth="2016-05-05")]))
    import_edex(db, data=first, filename="EDEX.XML", today=TODAY, by=IB)
    # the LAS hands out other dummy keys the next time, even swapping them
    second = edex("\n".join([pupil("#002", name=lotte), pupil("#007", name=bram, birth="2016-05-05")]))
    result = import_edex(db, data=second, filename="EDEX.XML", today=TODAY, by=IB)
    assert (result.pupils.added, result.pupils.updated, result.pupils.unchanged) == (0, 0, 2)
    assert result.possibly_left == ()
    with db.read() as s:
        assert sorted(s.scalars(select(Pupil.number))) == ["#001", "#002"]
    # once the LAS gives Lotte a real key, that key is taken over
    third = edex("\n".join([pupil("1234", name=lotte), pupil("#007", name=bram, birth="2016-05-05")]))
    result = import_edex(db, data=third, filename="EDEX.XML", today=TODAY, by=IB)
    assert result.changed == ("leerling 1234 Lotte Smit: leerlingnummer #001 → 1234",)
    with db.read() as s:
        assert sorted(s.scalars(select(Pupil.number))) == ["#002", "1234"]


def test_eckid_bsn_and_address_are_not_stored_and_the_summary_says_so(db: Database) -> None:
    secret = ('<bsn>123456782</bsn><postcodenl>1234AB</postcodenl><geslacht>2</geslacht>')
    data = edex(pupil("1", secret).replace('key="1"', 'key="1" eckid="https://ketenid.nl/201703/abc"')
                + "\n" + pupil("2", "<bsn_ondwnr-4>0321</bsn_ondwnr-4>"))
    result = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    assert ("niet opgeslagen (dataminimalisatie): BSN (1 leerling), BSN-4 (1 leerling), eckid (1 leerling), "
            "geslacht (1 leerling), postcode (1 leerling)") in result.summary()
    stored = repr(dump(db))
    assert "123456782" not in stored and "1234AB" not in stored and "ketenid" not in stored and "0321" not in stored


def test_re_importing_the_same_export_changes_nothing(db: Database) -> None:
    data = edex("\n".join([pupil("1", "<samengestelde_groepen><samengestelde_groep key=\"PLUS\"/>"
                                      "</samengestelde_groepen>"), pupil("#9", name="<roepnaam>Mo</roepnaam>", group="")]),
                teachers='<leerkracht key="T1"><roepnaam>Anne</roepnaam><rol>LRK</rol><groepen>'
                         '<groep key="G5"/></groepen></leerkracht>')
    import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    before = dump(db)
    again = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    assert again.changed == () and again.added == () and again.possibly_left == ()
    assert {k: v for k, v in dump(db).items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"}


def test_dry_run_writes_nothing_at_all(db: Database) -> None:
    import_edex(db, data=edex(pupil("1")), filename="EDEX.XML", today=TODAY, by=IB)
    before = dump(db)
    dry = import_edex(db, data=edex(pupil("2", group="")), filename="EDEX.XML", dry_run=True, today=TODAY, by=IB)
    assert dry.pupils.added == 1 and len(dry.possibly_left) == 1 and dry.without_group
    assert "proefdraai: er is niets opgeslagen" in dry.summary()
    assert dump(db) == before


def test_what_would_corrupt_the_data_is_refused_with_every_line(db: Database) -> None:
    before = dump(db)
    data = edex("\n".join([pupil("1"), pupil("1", name="<achternaam>Visser</achternaam>"),
                           pupil("2", birth="01-13-2017"), pupil("3", birth="2017-02-30"), pupil("4", group="G9")]))
    with pytest.raises(InputRefused) as info:
        import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    message = str(info.value)
    assert "regel 11: leerling 1: deze key staat ook al op regel 10; twee leerlingen met één key" in message
    assert "regel 12: leerling 2: geboortedatum '01-13-2017' is geen bestaande datum" in message
    assert "regel 13: leerling 3: geboortedatum '2017-02-30' is geen bestaande datum" in message
    assert "regel 14: leerling 4: groep G9 staat niet bij de groepen van de export" in message
    assert dump(db) == before


def test_two_dummy_key_pupils_with_one_identity_are_refused(db: Database) -> None:
    with pytest.raises(InputRefused) as info:
        import_edex(db, data=edex(pupil("#1") + "\n" + pupil("#2")), filename="EDEX.XML", today=TODAY, by=IB)
    assert "regel 11: leerling #2 (Lotte Smit)" in str(info.value)
    assert "dezelfde als de leerling op regel 10" in str(info.value)


def test_an_export_of_another_school_year_gets_a_warning(db: Database) -> None:
    result = import_edex(db, data=edex(pupil("1"), year="2019-2020"), filename="EDEX.XML", dry_run=True, today=TODAY, by=IB)
    assert any("schooljaar 2019-2020" in w and "6 jaar verschil" in w for w in result.warnings)
    assert "let op: de export is van schooljaar 2019-2020" in result.summary()
    current = import_edex(db, data=edex(pupil("1")), filename="EDEX.XML", dry_run=True, today=TODAY, by=IB)
    assert current.warnings == ()


def test_version_1_03_is_read_with_a_note(db: Database) -> None:
    # 1.03: a pupil has a groep or only a jaargroep; no samengestelde groepen
    data = edex(pupil("1") + "\n" + pupil("2", "<jaargroep>2</jaargroep>", group=""),
                groups='<groep key="G5"><naam>5</naam><jaargroep>5</jaargroep></groep>', version="1.03")
    result = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    assert result.pupils.added == 2 and group_of(db, "2") == NO_GROUP
    assert any(w.startswith("EDEXML-versie 1.03: gelezen als versie 2") for w in result.warnings)


def test_a_namespaced_export_is_read() -> None:
    data = edex(pupil("1"), root='<EDEX xmlns="http://www.edustandaard.nl/edex/2">')
    assert [p.key for p in parse_edex(data).pupils] == ["1"]


def test_two_groups_with_one_name_both_stay(db: Database) -> None:
    groups = ('<groep key="A"><naam>Groep 5</naam><jaargroep>5</jaargroep></groep>\n'
              '<groep key="B"><naam>Groep 5</naam><jaargroep>5</jaargroep></groep>')
    data = edex(pupil("1", group="A") + "\n" + pupil("2", group="B"), groups=groups)
    result = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    assert (group_of(db, "1"), group_of(db, "2")) == ("Groep 5", "Groep 5 (B)")
    assert any("groepsnaam Groep 5 staat twee keer in de export" in w for w in result.warnings)


def test_bombs_and_oversized_files_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
              b"<EDEX>&lol2;</EDEX>")
    deep = b"<EDEX>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</EDEX>"
    for data, reason in ((laughs, "DOCTYPE- of ENTITY-declaratie"), (deep, "te diep genest")):
        with pytest.raises(InputRefused) as info:
            parse_edex(data)
        assert reason in str(info.value)
    monkeypatch.setattr(xmltree, "MAX_BYTES", 1000)
    with pytest.raises(InputRefused) as info:
        parse_edex(edex("\n".join(pupil(str(n)) for n in range(20))))
    assert "het bestand is groter dan" in str(info.value)


def test_a_foreign_xml_file_exits_1_and_flags_nobody(db_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "EDEX.XML"
    good.write_bytes(edex(pupil("1") + "\n" + pupil("2")))
    assert cli("import", "edex", "--db", db_path, good) == 0
    foreign = tmp_path / "feed.xml"
    foreign.write_bytes(b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>\n')
    assert cli("import", "edex", "--db", db_path, foreign) == 1
    assert "dit is geen EDEX-bestand" in capsys.readouterr().err
    empty = tmp_path / "leeg.xml"
    empty.write_bytes(b"<EDEX><school><schooljaar>2025-2026</schooljaar></school><leerlingen/></EDEX>")
    assert cli("import", "edex", "--db", db_path, empty) == 1
    assert "de export bevat geen leerlingen" in capsys.readouterr().err
    assert cli("import", "edex", "--dry-run", "--db", db_path, good) == 0
    out = capsys.readouterr().out
    assert "leerlingen: 0 toegevoegd, 0 bijgewerkt, 2 ongewijzigd" in out
    assert "mogelijk vertrokken (niet meer in de export): 0" in out


def test_a_second_group_of_one_name_keeps_within_a_group_names_length(db: Database) -> None:
    # A LAS keyed by GUIDs: 'Groep 5 (<36 characters>)' is longer than a group's name may be (50), which
    # PostgreSQL refuses halfway through an import; and a group of the export may already be called
    # 'Groep 5 (B)'.
    guid = "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c"
    long = "Groep 5 van juf Annemarie en meester Jan"
    groups = (f'<groep key="A"><naam>{long}</naam><jaargroep>5</jaargroep></groep>\n'
              f'<groep key="{guid}"><naam>{long}</naam><jaargroep>5</jaargroep></groep>\n'
              '<groep key="C"><naam>Groep 6 (B)</naam><jaargroep>6</jaargroep></groep>\n'
              '<groep key="D"><naam>Groep 6</naam><jaargroep>6</jaargroep></groep>\n'
              '<groep key="B"><naam>Groep 6</naam><jaargroep>6</jaargroep></groep>')
    data = edex("\n".join(pupil(n, group=g) for n, g in (("1", "A"), ("2", guid), ("3", "C"), ("4", "D"),
                                                         ("5", "B"))), groups=groups)
    result = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)
    names = [group_of(db, n) for n in "12345"]
    assert len(set(names)) == 5, names  # five groups stay five
    assert all(len(n) <= 50 for n in names), names
    assert names[0] == long and names[1].startswith("Groep 5 van juf") and names[1].endswith(")")
    assert names[2:4] == ["Groep 6 (B)", "Groep 6"] and names[4].startswith("Groep 6 (B")
    again = import_edex(db, data=data, filename="EDEX.XML", today=TODAY, by=IB)  # the same names next night
    assert [group_of(db, n) for n in "12345"] == names and again.pupils.updated == 0
    assert len([w for w in result.warnings if "staat twee keer in de export" in w]) == 2
    # the name made for the second one is no name a group later in the file has (a review): order does not matter
    later = ('<groep key="B"><naam>Groep 6</naam><jaargroep>6</jaargroep></groep>\n'
             '<groep key="D"><naam>Groep 6</naam><jaargroep>6</jaargroep></groep>\n'
             '<groep key="C"><naam>Groep 6 (D)</naam><jaargroep>6</jaargroep></groep>')
    parsed = parse_edex(edex("\n".join(pupil(n, group=g) for n, g in (("1", "B"), ("2", "D"), ("3", "C"))),
                             groups=later))
    assert {g.key: g.name for g in parsed.groups} == {"B": "Groep 6", "D": "Groep 6 (D 2)",
                                                              "C": "Groep 6 (D)"}
    assert "  (" not in names[1]  # a name cut short ends in no blank before the bracket
