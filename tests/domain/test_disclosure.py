"""THE recipient table (DESIGN.md, "Who may receive what"), written out cell by cell: every entry
kind × topic × recipient, every absence category × recipient, every case category × recipient."""

from __future__ import annotations

import pytest

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.disclosure import (
    TOPIC_ENTRIES,
    Entry,
    Recipient,
    Topic,
    conversation_topic,
    event_topic,
    health_words_in,
    note_topic,
    plan_topic,
    public_rule_text,
    receives,
    receives_rule,
    shows_overdue,
)

OU, L, J, S = Recipient.OUDERS, Recipient.LEERPLICHT, Recipient.JEUGDARTS, Recipient.SWV
# topic -> the recipients that receive an entry about it (the same for every kind of entry)
BY_TOPIC = {
    Topic.VERZUIM: {OU, L, S},
    Topic.GEZONDHEID: {OU, J},
    Topic.THUISSITUATIE: {OU, S},
    Topic.OVERIG: {OU, S},
}
BY_CATEGORY = {
    Category.UNAUTHORISED: {OU, L, S},
    Category.UNEXPLAINED: {OU, L, S},
    Category.LATE: {OU, L, S},
    Category.SICK: {OU, J, S},
    Category.AUTHORISED: {OU, S},  # a medical visit is authorised: not leerplicht's
    Category.SUSPENDED: {OU, S},
    Category.PRESENT_ELSEWHERE: {OU, S},
}
BY_CASE = {"A": {OU, L, S}, "B": {OU, J, S}}


@pytest.mark.parametrize("recipient", list(Recipient))
@pytest.mark.parametrize("topic", list(Topic))
@pytest.mark.parametrize("entry", TOPIC_ENTRIES)
def test_every_entry_by_its_topic(entry: Entry, topic: Topic, recipient: Recipient) -> None:
    assert receives(recipient, entry, topic=topic) is (recipient in BY_TOPIC[topic])


@pytest.mark.parametrize("recipient", list(Recipient))
@pytest.mark.parametrize("category", list(Category))
def test_absence_records_by_category(category: Category, recipient: Recipient) -> None:
    assert receives(recipient, Entry.RECORD, category=category) is (recipient in BY_CATEGORY[category])


@pytest.mark.parametrize("recipient", list(Recipient))
@pytest.mark.parametrize("case", ["A", "B"])
def test_cases_by_category(case: str, recipient: Recipient) -> None:
    assert receives(recipient, Entry.CASE, case_category=case) is (recipient in BY_CASE[case])


def test_the_table_covers_every_kind_that_can_leave_the_school() -> None:
    assert set(TOPIC_ENTRIES) | {Entry.RECORD, Entry.CASE} == set(Entry)
    with pytest.raises(ValueError):
        receives(L, Entry.CONVERSATION)  # no topic: no answer rather than a guess


def test_leerplicht_never_gets_health_whatever_else() -> None:
    assert not any(receives(L, e, topic=Topic.GEZONDHEID) for e in TOPIC_ENTRIES)
    assert not receives(L, Entry.RECORD, category=Category.SICK)


def test_rules_leerplicht_sees_only_over_its_records_but_always_the_thuiszitter_rule() -> None:
    assert receives_rule(L, "uur", [1, 2], {1, 2, 3})
    assert not receives_rule(L, "uur", [1, 9], {1, 2})  # a sick record behind it
    assert not receives_rule(L, "ziekmeldingen", [], set())
    assert receives_rule(L, "schooldagen", [1, 9], {1}, thuiszitter=True)
    assert receives_rule(J, "ziekmeldingen", [9], set()) and not receives_rule(J, "uur", [1], {9})
    assert receives_rule(OU, "uur", [1], set()) and receives_rule(S, "ziekmeldingen", [9], set())


def test_parents_do_not_see_the_schools_missed_deadlines() -> None:
    assert not shows_overdue(OU) and shows_overdue(L) and shows_overdue(J) and shows_overdue(S)


def test_default_topics_follow_the_kind() -> None:
    assert conversation_topic("school_doctor") is Topic.GEZONDHEID
    assert conversation_topic("leerplicht") is Topic.VERZUIM
    assert conversation_topic("parents_phone") is Topic.VERZUIM
    assert conversation_topic("social_work") is Topic.THUISSITUATIE
    assert event_topic("school_doctor") is Topic.GEZONDHEID and event_topic("duo_report") is Topic.VERZUIM
    assert plan_topic("plan van aanpak") is Topic.VERZUIM and plan_topic("OPP") is Topic.OVERIG
    assert note_topic(Category.SICK, "Z") is Topic.GEZONDHEID
    assert note_topic(Category.AUTHORISED, "M") is Topic.GEZONDHEID  # medisch bezoek
    assert note_topic(Category.UNAUTHORISED, "OU") is Topic.VERZUIM


def test_health_words_match_a_word_or_its_start_only() -> None:
    words = ["ziek", "astma", "arts"]
    assert health_words_in("ZAT: besproken wegens Astma en frequent ziekteverzuim", words) == ["ziek", "astma"]
    assert health_words_in("De kwartaalopgave is besproken", words) == []  # 'kwartaal' holds no word start
    assert health_words_in("Naar de oogarts", words) == []  # 'arts' ends the word here


def test_a_quoted_word_matches_only_as_a_whole_word() -> None:
    words = ['"ic"', '"cva"']
    assert health_words_in("Opa ligt op de IC na een hartinfarct", words) == ["ic"]
    assert health_words_in("Naar de IC-afdeling; daarna een CVA.", words) == ["ic", "cva"]
    assert health_words_in("ICT-les en een icoon; de Ice Age; logica", words) == []


def test_a_starred_word_is_found_inside_a_dutch_compound_too() -> None:
    words = ["*arts", "*ontsteking", "ggz"]
    assert health_words_in("Naar de oogarts, daarna keelontsteking", words) == ["oogarts", "keelontsteking"]
    assert health_words_in("bij de GGZ geweest", words) == ["ggz"]


def test_the_shipped_lists_read_what_a_review_found_leerplicht_was_sent() -> None:
    from verzuimdesk.storage.topic_defaults import guess_topic

    def topic(text: str, kind: str = "contact_parents") -> Topic:
        return guess_topic(Entry.EVENT, kind, text)

    for text in ("keelontsteking volgens oma", "longontsteking gehad, nu antibiotica", "zegt dat ze bij de GGZ was",
                 "Ritalin vergeten, paniekaanval", "opgenomen geweest bij jeugdpsychiatrie", "een oogarts-bezoek",
                 "Oma heeft kanker"):
        assert topic(text) is Topic.GEZONDHEID, text
    assert topic("spanningen thuis rond de echtscheiding", "care_team") is Topic.THUISSITUATIE
    assert topic("ziek, en spanningen thuis") is Topic.GEZONDHEID  # health first: it goes to fewer
    for text in ("Te laat door de bus", "Contact met leerplicht opgenomen", "Politie bracht hem naar school",
                 "Besproken met de onderwijsassistent", "Luisterde niet, naar huis gestuurd", "Het ging geweldig",
                 "Met belangstelling gevolgd", "Huiswaarts gestuurd", "Een addertje onder het gras"):
        assert topic(text) is Topic.VERZUIM, text


def test_rule_texts_lose_their_ids_and_configuration_hints() -> None:
    text = ("Frequent verzuim (HW-16U of HW-SICK4): bespreek de leerling in het ZAT. Termijn van 20 "
            "schooldagen: standaard; pas aan in het protocolbestand.")
    out = public_rule_text(text, {"HW-16U": "16 uur ongeoorloofd", "HW-SICK4": "Vaak ziek gemeld"})
    assert out == "Frequent verzuim (‘16 uur ongeoorloofd’ of ‘Vaak ziek gemeld’): bespreek de leerling in het ZAT."
    kept = public_rule_text("Melden bij LISA (5 schooldagen: standaard; pas aan in het protocolbestand).", {})
    assert kept == "Melden bij LISA."


def test_the_words_of_intensive_care_and_dying_are_health_and_ict_is_not() -> None:
    # A review: "Opa ligt in coma op de ICU" was quoted whole in the letter to leerplicht.
    from verzuimdesk.storage.topic_defaults import mentions_health

    for text in ("Opa ligt in coma op de ICU", "op de I.C. sinds gisteren", "NICU", "PICU-afdeling",
                 "intensive-care", "intensivecare", "hersenbloeding van oma", "oma is stervende"):
        assert mentions_health(text), text
    for text in ("ICT-les gemist", "een commando", "Komma's tellen", "uitsterven van de dino's"):
        assert not mentions_health(text), text
