"""EDEXML files as they arrive on a school laptop: re-saved by an editor that writes a byte order mark
but keeps the old encoding declaration. The mark says how the bytes are written (XML 1.0, appendix F),
so names keep their accents instead of turning into 'ZoÃ«'."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from tests.conftest import DATA
from verzuimdesk.importers.edex import parse_edex
from verzuimdesk.importers.problems import InputRefused

SEPTEMBER = (DATA / "edex" / "edex-september.xml").read_text("utf-8")


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1252"])
def test_a_utf8_byte_order_mark_wins_over_a_stale_declaration(declared: str) -> None:
    data = codecs.BOM_UTF8 + SEPTEMBER.replace('encoding="UTF-8"', f'encoding="{declared}"').encode("utf-8")
    names = [p.full_name for p in parse_edex(data).pupils]
    assert names[:2] == ["Zoë van der Berg", "Daniël van der Berg"] and "Noël Eyüboğlu" in names


def test_a_utf16_byte_order_mark_wins_over_a_stale_declaration() -> None:
    data = SEPTEMBER.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-16")
    assert parse_edex(data).pupils[0].full_name == "Zoë van der Berg"


def test_windows_1252_bytes_declared_as_utf8_are_refused_not_garbled() -> None:
    data = SEPTEMBER.replace("ğ", "g").encode("cp1252")
    with pytest.raises(InputRefused):
        parse_edex(data)


@pytest.mark.parametrize("bomb", [
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><EDEX><school>&c;</school></EDEX>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><EDEX>&x;</EDEX>',
    b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/edex.dtd"><EDEX/>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x">%p;]><EDEX/>',
    codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">'
    b']><EDEX>&x;</EDEX>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><EDEX>&x;</EDEX>'
    .encode("utf-16"),
])
def test_bombs_and_external_entities_are_refused_in_every_encoding(bomb: bytes) -> None:
    with pytest.raises(InputRefused) as refused:
        parse_edex(bomb)
    assert "DOCTYPE" in str(refused.value) and "root:" not in str(refused.value)


def export_of(pupils: int) -> bytes:
    """An export with every field the standard gives a pupil (some 20 elements each)."""
    head, rest = SEPTEMBER.split("<leerlingen>")
    tail = rest.split("</leerlingen>")[1]
    one = ('<leerling key="K{i}" eckid="https://ketenid.nl/201703/{i}"><achternaam>Berg</achternaam>'
           "<voorvoegsel>van der</voorvoegsel><voorletters-1>Z.</voorletters-1><roepnaam>Zoë</roepnaam>"
           "<voornamen>Zoë Maria</voornamen><geboortedatum>2017-03-14</geboortedatum><geslacht>2</geslacht>"
           "<jaargroep>5</jaargroep><groep key=\"G5\"/><instroomdatum>2021-08-30</instroomdatum>"
           "<bsn>123456782</bsn><postcodenl>3311AB</postcodenl><land>6030</land><land_vader>6030</land_vader>"
           "<land_moeder>6030</land_moeder><gewicht>0</gewicht><emailadres>z@example.nl</emailadres>"
           "<samengestelde_groepen/></leerling>\n")
    return (head + "<leerlingen>" + "".join(one.format(i=i) for i in range(pupils)) + "</leerlingen>" + tail).encode()


def test_the_export_of_the_largest_school_is_read_and_a_far_larger_file_refused() -> None:
    assert len(parse_edex(export_of(5000)).pupils) == 5000  # more than any school in the Netherlands
    # Fifty thousand pupils is no school's export: refused on its size in elements, before it fills the
    # laptop's memory (a file of 2 million elements took 700 MB before it was refused)
    with pytest.raises(InputRefused) as refused:
        parse_edex(export_of(50_000))
    assert "te veel elementen" in str(refused.value)


def test_names_written_decomposed_are_read_as_the_same_name() -> None:
    decomposed = unicodedata.normalize("NFD", SEPTEMBER).encode("utf-8")
    pupils = parse_edex(decomposed).pupils
    assert pupils[0].first_name == "Zoë" == unicodedata.normalize("NFC", "Zoe\u0308")
    assert [p.full_name for p in pupils] == [p.full_name for p in parse_edex(SEPTEMBER.encode("utf-8")).pupils]


@pytest.mark.parametrize("data", [b"", b"  \r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_an_empty_download_is_called_empty(data: bytes) -> None:
    with pytest.raises(InputRefused) as refused:
        parse_edex(data)
    assert "het bestand is leeg" in str(refused.value)


def test_blank_lines_before_the_declaration_are_no_reason_to_refuse_the_export() -> None:
    assert len(parse_edex(b"\r\n\r\n" + SEPTEMBER.encode("utf-8")).pupils) == 5
