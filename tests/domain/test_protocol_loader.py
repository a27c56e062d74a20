from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.domain.helpers import CAL, pupil, rec
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.domain.protocol import ProtocolError
from verzuimdesk.importers.protocol_files import list_protocols, load_protocol, protocols_dir

SHIPPED = ["hoeksche-waard-po", "haaglanden-po", "tilburg-po", "amsterdam-vo"]
RULES = {
    "hoeksche-waard-po": {"HW-ONG", "HW-16U", "HW-LATE", "HW-SICK4", "HW-SICK50", "HW-ZAT", "HW-THUIS", "HW-3M"},
    "haaglanden-po": {"DH-ONG", "DH-16U", "DH-ZIEK", "DH-THUIS", "DH-OPS1", "DH-OPS2", "DH-OPS3", "DH-OPS4"},
    "tilburg-po": {"TB-16U", "TB-START", "TB-K1", "TB-K2", "TB-K3"},
    "amsterdam-vo": {"AM-GESPREK", "AM-MAZL", "AM-16U", "AM-THUIS", "AM-LATE"},
}


@pytest.mark.parametrize("protocol_id", SHIPPED)
def test_every_shipped_protocol_loads_with_its_rules(protocol_id: str) -> None:
    p = load_protocol(protocol_id)
    assert p.id == protocol_id
    # PROTOCOLS.md §1b: LUXE in every protocol, LRV in every one but amsterdam-vo (AM-THUIS asks for it)
    law = {"UNEXPLAINED", "LUXE"} | ({"LRV"} if protocol_id != "amsterdam-vo" else set())
    assert {r.id for r in p.rules} == RULES[protocol_id] | law
    for rid in law - {"UNEXPLAINED"}:
        rule = p.rule(rid)
        assert rule.name and all(a.legal and a.term == 5 and a.term_unit == "werkdagen" for a in rule.actions)


def test_list_protocols_names_the_default_first() -> None:
    listed = list_protocols()
    assert listed[0][0] == "hoeksche-waard-po"
    assert sorted(i for i, _ in listed) == sorted(SHIPPED)


def edited(tmp_path: Path, old: str, new: str) -> Path:
    text = (protocols_dir() / "hoeksche-waard-po.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "hw.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_loader_refuses_a_rule_without_threshold_naming_the_field(tmp_path: Path) -> None:
    path = edited(tmp_path, "venster_lesweken = 4, drempel = 16 }", "venster_lesweken = 4 }")
    with pytest.raises(ProtocolError, match=r"Protocolbestand hw\.toml: regel HW-16U: voorwaarde: 'drempel' ontbreekt"):
        load_protocol(path)


def test_loader_refuses_an_unknown_key(tmp_path: Path) -> None:
    path = edited(tmp_path, "herstart_na_melding = true", "herstart_na_melding = true\nkleur = 'rood'")
    with pytest.raises(ProtocolError, match=r"regel HW-16U: onbekend veld 'kleur'"):
        load_protocol(path)


def test_loader_refuses_an_unknown_condition_type_and_action_kind(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError, match=r"'soort' is geen bekende voorwaarde \('minuten'\)"):
        load_protocol(edited(tmp_path, 'soort = "minutes_in_window"', 'soort = "minuten"'))
    with pytest.raises(ProtocolError, match=r"'soort' is geen bekende actie \('bellen'\)"):
        load_protocol(edited(tmp_path, 'soort = "talk_pupil"', 'soort = "bellen"'))


def test_loader_refuses_a_wrong_type_and_a_reference_to_an_unknown_rule(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError, match=r"'drempel' heeft een verkeerd type"):
        load_protocol(edited(tmp_path, "drempel = 16 }", 'drempel = "zestien" }'))
    with pytest.raises(ProtocolError, match=r"verwijst naar onbekende regel 'HW-17U'"):
        load_protocol(edited(tmp_path, 'regel = "HW-16U"', 'regel = "HW-17U"'))


def test_loader_refuses_broken_toml_and_a_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.toml"
    bad.write_text("id = ", encoding="utf-8")
    with pytest.raises(ProtocolError, match=r"kapot\.toml: geen geldige TOML"):
        load_protocol(bad)
    with pytest.raises(ProtocolError, match="niet gevonden"):
        load_protocol("bestaat-niet")
    assert issubclass(ProtocolError, ValueError)


def test_an_edited_copy_with_other_numbers_works_without_code_changes(tmp_path: Path) -> None:
    p = load_protocol(edited(tmp_path, "drempel = 16 }", "drempel = 10 }"))
    day = date(2025, 9, 1)
    s = evaluate(pupil([rec(day, "O"), rec(date(2025, 9, 2), "O")]), CAL, p, date(2025, 9, 2))
    assert "HW-16U" in {h.rule_id for h in s.rules}


def test_loader_refuses_a_threshold_that_is_not_a_number(tmp_path: Path) -> None:
    # nan would make every comparison false and so silently switch the rule off
    path = edited(tmp_path, "venster_lesweken = 4, drempel = 16 }", "venster_lesweken = 4, drempel = nan }")
    with pytest.raises(ProtocolError, match=r"regel HW-16U: voorwaarde: 'drempel' moet een gewoon getal zijn"):
        load_protocol(path)


def test_loader_refuses_guidance_for_an_unknown_conversation_or_without_text(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError, match="stap 3: 'leidraad' noemt een onbekende actie 'kletsen'"):
        load_protocol(edited(tmp_path, "leidraad.talk_pupil =", "leidraad.kletsen ="))
    with pytest.raises(ProtocolError, match=r"stap 3: 'leidraad\.contact_parents' is geen tekst"):
        load_protocol(edited(tmp_path, 'leidraad.talk_pupil = """', 'leidraad.contact_parents = 3\nleidraad.talk_pupil = """'))
