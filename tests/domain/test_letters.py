"""Letter templates: what a school may write in one, and the clear Dutch message when it is wrong."""

from __future__ import annotations

import pytest

from verzuimdesk.domain.letters import TemplateError, fill, paragraphs, parse_template
from verzuimdesk.domain.verlof import bezwaar_clause


def test_a_template_fills_its_fields_and_keeps_paragraphs_and_bullets() -> None:
    t = parse_template("x", 'titel = "Brief"\nvelden = ["tijd"]\ntekst = """Beste {aanhef},\n\nOm {tijd}:\n'
                            '- een\n- twee\n\nGroet"""\n')
    text = fill(t, {"aanhef": "Peter", "tijd": "15.00 uur"})
    assert paragraphs(text) == [("p", ["Beste Peter,"]), ("p", ["Om 15.00 uur:"]), ("li", ["een", "twee"]),
                                ("p", ["Groet"])]
    with pytest.raises(TemplateError, match="Vul voor de brief 'Brief' in: tijd"):
        fill(t, {"aanhef": "Peter"})


@pytest.mark.parametrize(("raw", "words"), [
    ('titel = "A"\ntekst = "{diagnose}"\n', r"onbekende veld \{diagnose\}"),
    ('titel = "A"\ntekst = "x"\nkleur = "rood"\n', "onbekende sleutel: kleur"),
    ('titel = "A"\ntekst = "x"\nontvanger = "swv"\n', "'ouders' of 'leerplicht'"),
    ('titel = "A"\ntekst = "x"\nstappen = ["bellen"]\n', "onbekende stap"),
    ('titel = "A"\ntekst = "{leerling.naam}"\n', "één naam"),
    ('tekst = "x"\n', "mist 'titel'"),
    ('titel = "A\n', "geen geldig TOML"),
])
def test_a_wrong_template_is_refused_naming_the_file_and_the_problem(raw: str, words: str) -> None:
    with pytest.raises(TemplateError, match=words) as info:
        parse_template("eigen", raw)
    assert "eigen.toml" in str(info.value)


def test_the_bezwaar_clause_sends_the_objection_to_whoever_decided() -> None:
    directeur = bezwaar_clause(decided_by_leerplicht=False)
    assert "6 weken" in directeur and "directeur van de school" in directeur and "college" not in directeur
    assert "college van burgemeester en wethouders" in bezwaar_clause(decided_by_leerplicht=True)
