"""Who may receive what: THE table (DESIGN.md, "Who may receive what"; docs/reports.md).

Every entry that can leave the school carries a topic its writer chose: verzuim, gezondheid,
thuissituatie or overig. What a recipient receives follows that topic, never a date: a talk about
asthma held on a day the pupil was present is still about health. An absence record itself (its
date, code and hours) goes by its category; its note goes by the note's topic.

`services/dossier.py` applies these answers to a dossier; nothing else decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum

from verzuimdesk.domain.codes import ActionKind, Category, ConversationKind


class Recipient(StrEnum):
    """Who receives a dossier or overview."""

    OUDERS = "ouders"
    LEERPLICHT = "leerplicht"
    JEUGDARTS = "jeugdarts"
    SWV = "swv"


class Topic(StrEnum):
    """What an entry is about; the person who writes it chooses."""

    VERZUIM = "verzuim"  # absence and the talks about it
    GEZONDHEID = "gezondheid"  # illness, medical visits, care
    THUISSITUATIE = "thuissituatie"
    OVERIG = "overig"


TOPIC_NL = {Topic.VERZUIM: "verzuim", Topic.GEZONDHEID: "gezondheid", Topic.THUISSITUATIE: "thuissituatie",
            Topic.OVERIG: "overig"}


class Entry(StrEnum):
    """The kinds of entry a dossier holds."""

    RECORD = "registratie"  # an absence record: date, code, hours (by category)
    NOTE = "opmerking"  # the note of an absence record (by topic)
    CONVERSATION = "gesprek"
    AGREEMENT = "afspraak"
    EVENT = "melding"
    PLAN = "plan"
    CASE = "zaak"  # a case of zorgwekkend verzuim (by category A/B)


TOPIC_ENTRIES = (Entry.NOTE, Entry.CONVERSATION, Entry.AGREEMENT, Entry.EVENT, Entry.PLAN)

# The topics each recipient receives. The SWV's consent is to the verzuimdossier: health stays with
# the school and the jeugdarts.
TOPICS: Mapping[Recipient, frozenset[Topic]] = {
    Recipient.OUDERS: frozenset(Topic),
    Recipient.LEERPLICHT: frozenset({Topic.VERZUIM}),
    Recipient.JEUGDARTS: frozenset({Topic.GEZONDHEID}),
    Recipient.SWV: frozenset({Topic.VERZUIM, Topic.THUISSITUATIE, Topic.OVERIG}),
}
# The absence records each recipient receives, by category. Leerplicht: unauthorised absence and
# lateness, never sickness or authorised absence (a medical visit is a health detail); the jeugdarts:
# the sick episodes (dates and durations).
RECORDS: Mapping[Recipient, frozenset[Category]] = {
    Recipient.OUDERS: frozenset(Category),
    Recipient.LEERPLICHT: frozenset({Category.UNAUTHORISED, Category.UNEXPLAINED, Category.LATE}),
    Recipient.JEUGDARTS: frozenset({Category.SICK}),
    Recipient.SWV: frozenset(Category),
}
# Cases of zorgwekkend verzuim: A is long unauthorised absence (leerplicht's), B long authorised
# absence, mostly sickness (the jeugdarts's).
CASES: Mapping[Recipient, frozenset[str]] = {
    Recipient.OUDERS: frozenset({"A", "B"}),
    Recipient.LEERPLICHT: frozenset({"A"}),
    Recipient.JEUGDARTS: frozenset({"B"}),
    Recipient.SWV: frozenset({"A", "B"}),
}
# Consent recorded before the SWV may receive a dossier at all.
NEEDS_CONSENT = frozenset({Recipient.SWV})


def receives(recipient: Recipient, entry: Entry, *, topic: Topic | None = None, category: Category | None = None,
             case_category: str = "") -> bool:
    """May `recipient` receive this entry? RECORD needs `category`, CASE `case_category`, the rest `topic`."""
    if entry is Entry.RECORD:
        if category is None:
            raise ValueError("an absence record needs its category")
        return category in RECORDS[recipient]
    if entry is Entry.CASE:
        return case_category in CASES[recipient]
    if topic is None:
        raise ValueError(f"a {entry.value} needs its topic")
    return topic in TOPICS[recipient]


def receives_rule(recipient: Recipient, unit: str, record_ids: Iterable[int], received: set[int], *,
                  thuiszitter: bool = False) -> bool:
    """May `recipient` see a rule that holds over `record_ids`, given the records it received?

    Leerplicht: not the sickness rules, and only rules whose records it received, except the
    thuiszitter rules (a pupil out of school for weeks is theirs to know, whatever the reason; the
    records behind it stay out); the jeugdarts: the sickness rules and rules over sick records only.
    """
    ids = set(record_ids)
    if recipient is Recipient.LEERPLICHT:
        return unit != "ziekmeldingen" and (thuiszitter or ids <= received)
    if recipient is Recipient.JEUGDARTS:
        return unit == "ziekmeldingen" or (bool(ids) and ids <= received)
    return True


def receives_waiting_list(recipient: Recipient) -> bool:
    """A case's waiting list names a treatment or an admission (PROTOCOLS.md §5): a health detail. It goes
    to whom health may go, and to the SWV, whose quarterly list asks for it."""
    return Topic.GEZONDHEID in TOPICS[recipient] or recipient is Recipient.SWV


def shows_overdue(recipient: Recipient) -> bool:
    """Parents are not shown the school's own missed deadlines; professionals are."""
    return recipient is not Recipient.OUDERS


# -- default topics --------------------------------------------------------------------------------

_CONVERSATION_TOPIC = {ConversationKind.SCHOOL_DOCTOR.value: Topic.GEZONDHEID,
                       ConversationKind.SOCIAL_WORK.value: Topic.THUISSITUATIE}
_EVENT_TOPIC = {ActionKind.SCHOOL_DOCTOR.value: Topic.GEZONDHEID}
_PLAN_TOPIC = {"plan van aanpak": Topic.VERZUIM}
_HEALTH_CODES = frozenset({"M"})  # medisch bezoek


def conversation_topic(kind: str) -> Topic:
    """A jeugdarts conversation is about health, social work's about the home; the rest about the verzuim."""
    return _CONVERSATION_TOPIC.get(kind, Topic.VERZUIM)


def event_topic(kind: str) -> Topic:
    return _EVENT_TOPIC.get(kind, Topic.VERZUIM)


def plan_topic(kind: str) -> Topic:
    """A plan van aanpak is about the verzuim; an IHP or OPP about the pupil's support in general."""
    return _PLAN_TOPIC.get(kind, Topic.OVERIG)


def note_topic(category: Category, code: str) -> Topic:
    """The note of a sick record or a medical visit is about health; any other note about the verzuim."""
    return Topic.GEZONDHEID if category is Category.SICK or code in _HEALTH_CODES else Topic.VERZUIM


def default_topic(entry: Entry, kind: str, *, category: Category | None = None) -> Topic:
    if entry is Entry.CONVERSATION or entry is Entry.AGREEMENT:
        return conversation_topic(kind)
    if entry is Entry.EVENT:
        return event_topic(kind)
    if entry is Entry.PLAN:
        return plan_topic(kind)
    if entry is Entry.NOTE:
        return note_topic(category or Category.UNEXPLAINED, kind)
    raise ValueError(f"a {entry.value} has no topic")


def health_words_in(text: str, words: Iterable[str]) -> list[str]:
    """The words of a list (resources/words/) that `text` mentions: a word or the start of one ('astma',
    'ziek' in 'ziekenhuis'); a word written `*ontsteking` also inside one (Dutch joins words:
    'keelontsteking', 'oogarts'); a word written between quotes, `"ic"`, only as a whole word (not in
    'ict' or 'icoon'). A word of the list found at a word's start is given as listed, one found inside
    a word as the text's whole word ('jeugdarts' for `*arts`), each once."""
    low = text.lower()
    found: dict[str, None] = {}
    for w in words:
        whole = len(w) > 2 and w.startswith('"') and w.endswith('"')
        stem = (w[1:-1] if whole else w.lstrip("*")).lower()
        if not stem:
            continue
        if whole:
            if re.search(rf"(?<![a-zà-ÿ]){re.escape(stem)}(?![a-zà-ÿ])", low):
                found[stem] = None
        elif w.startswith("*"):
            hit = re.search(rf"[a-zà-ÿ]*{re.escape(stem)}[a-zà-ÿ]*", low)
            if hit:
                found[stem if hit.group() == stem else hit.group()] = None
        elif re.search(rf"(?<![a-zà-ÿ]){re.escape(stem)}", low):
            found[stem] = None
    return list(found)


# -- what a rule text may say outside the school ---------------------------------------------------



def public_rule_text(text: str, labels: Mapping[str, str]) -> str:
    """A rule's text for a document that leaves the school: rule ids become their Dutch names, and
    sentences (or bracketed parts) that tell how to configure the app are left out."""
    sentences = re.split(r"(?<=\.)\s+", text)
    kept = []
    for sentence in sentences:
        if "protocolbestand" not in sentence:
            kept.append(sentence)
            continue
        inner = re.sub(r"\s*\([^()]*protocolbestand[^()]*\)", "", sentence)
        if inner != sentence and "protocolbestand" not in inner:
            kept.append(inner)
    out = " ".join(kept)
    for rule_id in sorted(labels, key=len, reverse=True):
        label = labels[rule_id]
        if label and label != rule_id:
            out = re.sub(rf"(?<![\w-]){re.escape(rule_id)}(?![\w-])", f"‘{label}’", out)
    return out.strip()
