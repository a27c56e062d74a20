"""EDEXML import on hand-written exports in the 2.1 structure (tests/data/edex): parse, import, re-import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.actors import IB
from tests.conftest import DATA, cli
from verzuimdesk.importers.edex import parse_edex
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.services.edex import import_edex
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, Group, Pupil, Staff, StaffGroup

EDEX = DATA / "edex"
SEPTEMBER = (EDEX / "edex-september.xml").read_bytes()
JANUARI = (EDEX / "edex-januari.xml").read_bytes()
TODAY = date(2026, 1, 12)


def pupils(db: Database) -> dict[str, tuple[str, str, bool]]:
    with db.read() as s:
        return {p.number: (p.full_name, p.group.name, p.possibly_left) for p in s.scalars(select(Pupil))}


def snapshot(db: Database) -> tuple[object, ...]:
    with db.read() as s:
        return (pupils(db), sorted((g.name, g.jaargroep) for g in s.scalars(select(Group))),
                sorted((t.name, t.email, t.external_key) for t in s.scalars(select(Staff))),
                s.scalar(select(func.count()).select_from(StaffGroup)))


def test_parse_reads_groups_pupils_and_teachers_of_the_2_1_structure() -> None:
    e = parse_edex(SEPTEMBER, "EDEX.XML")
    assert (e.school_year, e.brin) == ("2025-2026", "12AB")
    assert [(g.key, g.name, g.jaargroep) for g in e.groups] == [("G12", "1-2", "1"), ("G5", "5", "5"), ("G6", "6", "6")]
    zoe = e.pupils[0]
    assert (zoe.key, zoe.first_name, zoe.prefix, zoe.last_name, zoe.birth_date, zoe.group_key, zoe.enrolled_from) == (
        "1001", "Zoë", "van der", "Berg", date(2017, 3, 14), "G5", date(2021, 8, 30))
    assert e.pupils[2].first_name == "Sem"  # no roepnaam: voornamen
    assert e.pupils[4].enrolled_from is None
    assert [(t.key, t.full_name, tuple(k for k, _ in t.groups)) for t in e.teachers] == [
        ("LK-17", "Ingrid Bakker", ("G5",)), ("LK-23", "Joost van den Heuvel", ("G12", "G6"))]


def test_a_school_year_past_the_xsd_enumeration_is_accepted() -> None:
    later = SEPTEMBER.replace(b"2025-2026", b"2031-2032")
    assert parse_edex(later).school_year == "2031-2032"


def test_windows_1252_declared_export_keeps_its_accents() -> None:
    text = SEPTEMBER.decode("utf-8").replace('encoding="UTF-8"', 'encoding="windows-1252"').replace("ğ", "g")
    e = parse_edex(text.encode("cp1252"))
    assert [p.full_name for p in e.pupils][:2] == ["Zoë van der Berg", "Daniël van der Berg"]
    assert e.pupils[4].full_name == "Noël Eyüboglu"


def test_first_import_makes_groups_pupils_and_teachers_without_login(db: Database) -> None:
    result = import_edex(db, data=SEPTEMBER, filename="EDEX.XML", by=IB, today=TODAY)
    assert (result.groups.added, result.pupils.added, result.teachers.added) == (3, 5, 2)
    assert pupils(db) == {
        "1001": ("Zoë van der Berg", "5", False), "1002": ("Daniël van der Berg", "1-2", False),
        "1003": ("Sem Jansen", "5", False), "1004": ("Anaïs de Vries", "5", False),
        "1006": ("Noël Eyüboğlu", "6", False)}
    with db.read() as s:
        noel = s.scalar(select(Pupil).where(Pupil.number == "1006"))
        assert noel is not None and noel.enrolled_from == date(2025, 8, 25)  # the school year of the export
        staff = {t.external_key: t for t in s.scalars(select(Staff))}
        joost = staff["LK-23"]
        assert (joost.name, joost.username, joost.role, joost.email) == (
            "Joost van den Heuvel", None, "leerkracht", "j.vandenheuvel@klimop.example")
        linked = s.execute(select(Group.name).join(StaffGroup, StaffGroup.group_id == Group.id)
                           .where(StaffGroup.staff_id == joost.id)).scalars().all()
        assert sorted(linked) == ["1-2", "6"]
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.entity == "edex"))


def test_newer_export_updates_adds_and_flags_the_missing_pupil(db: Database) -> None:
    import_edex(db, data=SEPTEMBER, filename="EDEX.XML", today=TODAY, by=IB)
    result = import_edex(db, data=JANUARI, filename="EDEX.XML", today=TODAY, by=IB)
    assert (result.pupils.added, result.pupils.updated, result.pupils.unchanged) == (1, 1, 3)
    assert result.changed == ("leerling 1003 Sem Jansen: groep 5 → 6, jaargroep 5 → 6", "leerkracht Joost van den Heuvel: groepen nu 6")
    assert result.added == ("leerling 1007 Fleur Bakker (groep 1-2)",)
    assert result.possibly_left == ("leerling 1004 Anaïs de Vries (groep 5)",)
    assert "mogelijk vertrokken (niet meer in de export): 1" in result.summary()
    now = pupils(db)
    assert now["1003"] == ("Sem Jansen", "6", False)
    assert now["1004"] == ("Anaïs de Vries", "5", True)  # kept, only flagged
    assert now["1007"] == ("Fleur Bakker", "1-2", False)


def test_a_flagged_pupil_back_in_the_export_is_unflagged(db: Database) -> None:
    import_edex(db, data=JANUARI, filename="EDEX.XML", today=TODAY, by=IB)
    import_edex(db, data=SEPTEMBER, filename="EDEX.XML", today=TODAY, by=IB)  # 1007 flagged
    result = import_edex(db, data=JANUARI, filename="EDEX.XML", today=TODAY, by=IB)
    assert "leerling 1007 Fleur Bakker: staat weer in de export" in result.changed
    assert pupils(db)["1007"][2] is False


def test_importing_the_same_export_twice_changes_nothing(db: Database) -> None:
    import_edex(db, data=SEPTEMBER, filename="EDEX.XML", today=TODAY, by=IB)
    before = snapshot(db)
    again = import_edex(db, data=SEPTEMBER, filename="EDEX.XML", today=TODAY, by=IB)
    assert (again.groups.added + again.groups.updated, again.pupils.added + again.pupils.updated,
            again.teachers.added + again.teachers.updated) == (0, 0, 0)
    assert again.changed == () and again.possibly_left == ()
    assert snapshot(db) == before


def test_dry_run_reports_exactly_what_the_import_then_does_and_writes_nothing(db: Database) -> None:
    import_edex(db, data=SEPTEMBER, filename="EDEX.XML", today=TODAY, by=IB)
    before = snapshot(db)
    dry = import_edex(db, data=JANUARI, filename="EDEX.XML", dry_run=True, today=TODAY, by=IB)
    assert dry.dry_run and snapshot(db) == before
    real = import_edex(db, data=JANUARI, filename="EDEX.XML", today=TODAY, by=IB)
    assert (dry.groups, dry.pupils, dry.teachers, dry.added, dry.changed, dry.possibly_left) == (
        real.groups, real.pupils, real.teachers, real.added, real.changed, real.possibly_left)


def test_a_pupil_who_left_on_record_is_not_flagged(db: Database) -> None:
    left = SEPTEMBER.replace(b"<instroomdatum>2020-08-31</instroomdatum>",
                             b"<instroomdatum>2020-08-31</instroomdatum><uitstroomdatum>2025-12-19</uitstroomdatum>")
    import_edex(db, data=left, filename="EDEX.XML", today=TODAY, by=IB)
    assert import_edex(db, data=JANUARI, filename="EDEX.XML", today=TODAY, by=IB).possibly_left == ()


BROKEN = b"""<?xml version="1.0" encoding="UTF-8"?>
<EDEX>
  <school><schooljaar>2025-2026</schooljaar><xsdversie>2.1</xsdversie></school>
  <groepen><groep key="G5"><naam>5</naam><jaargroep>5</jaargroep></groep></groepen>
  <leerlingen>
    <leerling key="2001"><achternaam>Smit</achternaam><roepnaam>Lotte</roepnaam>
      <geboortedatum>2017-02-30</geboortedatum><groep key="G5"/></leerling>
    <leerling key="2002"><achternaam>Visser</achternaam><roepnaam>Bram</roepnaam>
      <geboortedatum>2016-01-01</geboortedatum><groep key="G9"/></leerling>
    <leerling key="2003"><achternaam></achternaam><geboortedatum>2016-04-04</geboortedatum><groep key="G5"/></leerling>
    <leerling key="2001"><achternaam>Smit</achternaam><roepnaam>Lotte</roepnaam>
      <geboortedatum>2017-02-28</geboortedatum><groep key="G5"/></leerling>
  </leerlingen>
  <leerkrachten><leerkracht key="LK-1"><achternaam>Mol</achternaam><groepen><groep key="G7"/></groepen></leerkracht></leerkrachten>
</EDEX>
"""


def test_a_file_with_errors_names_every_line_and_changes_nothing(db: Database) -> None:
    import_edex(db, data=SEPTEMBER, filename="EDEX.XML", today=TODAY, by=IB)
    before = snapshot(db)
    with pytest.raises(InputRefused) as info:
        import_edex(db, data=BROKEN, filename="EDEX.XML", today=TODAY, by=IB)
    message = str(info.value)
    assert "EDEX.XML: niets ingelezen, 5 fout(en) gevonden:" in message
    assert "regel 7: leerling 2001: geboortedatum '2017-02-30' is geen bestaande datum" in message
    assert "regel 9: leerling 2002: groep G9 staat niet bij de groepen van de export" in message
    assert "regel 10: leerling 2003: achternaam en roepnaam ontbreken allebei" in message
    assert "regel 11: leerling 2001: deze key staat ook al op regel 6; twee leerlingen met één key" in message
    assert "regel 14: leerkracht LK-1: groep G7 staat niet bij de groepen van de export" in message
    assert snapshot(db) == before


@pytest.mark.parametrize(("data", "reason"), [
    (b'<?xml version="1.0"?>\n<!DOCTYPE EDEX [<!ENTITY lol "lol">]>\n<EDEX>&lol;</EDEX>', "DOCTYPE- of ENTITY-declaratie"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE EDEX SYSTEM "file:///etc/passwd">\n<EDEX/>', "DOCTYPE- of ENTITY-declaratie"),
    (b"<EDEX><groepen></EDEX>", "geen geldige XML"),
    (b"<Leerlingen/>", "dit is geen EDEX-bestand"),
    (b"leerlingnummer;voornaam\n1001;Zo\xeb\n", "geen geldige XML"),
    (b'<EDEX><school><xsdversie>3.0</xsdversie></school><leerlingen/></EDEX>',
     "EDEXML-versie 3.0 wordt niet ondersteund"),
    (b'<EDEX><school><schooljaar>2025-2026</schooljaar></school></EDEX>', "de export bevat geen leerlingen"),
    (b'<?xml version="1.0"?><rss><channel><item>1</item></channel></rss>', "dit is geen EDEX-bestand"),
])
def test_unsafe_or_foreign_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(InputRefused) as info:
        parse_edex(data, "EDEX.XML")
    assert reason in str(info.value)


def test_command_line_imports_and_reports(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("import", "edex", "--db", db_path, EDEX / "edex-september.xml") == 0
    assert cli("import", "edex", "--db", db_path, EDEX / "edex-januari.xml") == 0
    out = capsys.readouterr().out
    assert "leerlingen: 5 toegevoegd, 0 bijgewerkt, 0 ongewijzigd" in out
    assert "Mogelijk vertrokken:\n  leerling 1004 Anaïs de Vries (groep 5)" in out
    bad = db_path.parent / "EDEX.XML"
    bad.write_bytes(BROKEN)
    assert cli("import", "edex", "--db", db_path, bad) == 1
    assert "niets ingelezen" in capsys.readouterr().err


def test_names_and_keys_longer_than_the_csv_import_takes_are_refused(db: Database) -> None:
    # A review imported a 10,000-character achternaam: accepted, and the dossier's PDF then broke on it.
    long = SEPTEMBER.replace(b"<achternaam>", b"<achternaam>" + b"x" * 10_000, 1)
    assert long != SEPTEMBER
    with pytest.raises(InputRefused, match="achternaam is te lang \\(10"):
        parse_edex(long, "EDEX.XML")
    assert len(parse_edex(SEPTEMBER, "EDEX.XML").pupils) > 0


def test_an_export_declared_iso_8859_1_but_written_in_utf8_keeps_its_letters() -> None:
    # a review stored 'ZoÃ«' and 'EyÃ¼boÄ\x9flu' from such a file
    text = SEPTEMBER.decode("utf-8")
    assert "encoding=" in text.split("\n", 1)[0]
    declared = text.replace(text.split("\n", 1)[0], '<?xml version="1.0" encoding="ISO-8859-1"?>', 1)
    names = {p.last_name for p in parse_edex(SEPTEMBER, "EDEX.XML").pupils}
    assert not all(n.isascii() for n in names)  # the file has letters beyond ASCII to lose
    assert {p.last_name for p in parse_edex(declared.encode("utf-8"), "EDEX.XML").pupils} == names


def test_a_cut_off_export_and_one_in_another_encoding_than_it_names_are_said_so() -> None:
    # a review got "geen geldige XML (positie 19)" for both: the IB-er could not tell what to do
    with pytest.raises(InputRefused, match="het bestand houdt halverwege op; is de export"):
        parse_edex(SEPTEMBER[: len(SEPTEMBER) // 2], "EDEX.XML")
    text = SEPTEMBER.decode("utf-8")
    assert not text.isascii()
    with pytest.raises(InputRefused, match="een letter in een andere tekencodering dan het zelf noemt"):
        parse_edex(text.encode("cp1252", errors="replace"), "EDEX.XML")  # still declared UTF-8


def test_an_export_over_the_csv_limit_is_judged_by_the_export_limit(tmp_path: Path) -> None:
    # a review read from the code that an EDEXML file of 50-64 MB was refused with "splits het", which
    # cannot be done with an export
    from verzuimdesk.importers.csvfile import MAX_BYTES
    from verzuimdesk.services.edex import read_edex

    big = tmp_path / "EDEX.XML"
    big.write_bytes(SEPTEMBER + b" " * (MAX_BYTES + 10 - len(SEPTEMBER)))
    assert read_edex(big)[: len(SEPTEMBER)] == SEPTEMBER
    huge = tmp_path / "GROOT.XML"
    huge.write_bytes(b" " * (64 * 1024 * 1024 + 1))
    with pytest.raises(InputRefused, match="zo groot is een export van de leerlingadministratie niet"):
        read_edex(huge)


def test_group_and_teacher_keys_as_long_as_a_las_writes_them_are_read() -> None:
    # the limits are the columns' (a group's key 256, a teacher's 100), not a leerlingnummer's 30: an export
    # keyed by GUIDs must not be refused
    guid, teacher = "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "LK-" + "7" * 40
    data = SEPTEMBER.replace(b'key="G5"', f'key="{guid}"'.encode()).replace(b'key="LK-17"', f'key="{teacher}"'.encode())
    assert data.count(guid.encode()) >= 2  # the group and the references to it
    parsed = parse_edex(data, "EDEX.XML")
    assert guid in {g.key for g in parsed.groups} and teacher in {t.key for t in parsed.teachers}
    with pytest.raises(InputRefused, match="naam of key is te lang"):
        parse_edex(SEPTEMBER.replace(b'key="G5"', b'key="' + b"g" * 300 + b'"'), "EDEX.XML")
