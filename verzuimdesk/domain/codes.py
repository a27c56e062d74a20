"""Absence categories, the default absence codes and the action kinds of PROTOCOLS.md."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """The category every absence code maps to (PROTOCOLS.md §1)."""

    PRESENT_ELSEWHERE = "present_elsewhere"
    SICK = "sick"
    AUTHORISED = "authorised"
    UNAUTHORISED = "unauthorised"
    LATE = "late"
    SUSPENDED = "suspended"
    UNEXPLAINED = "unexplained"


class ActionKind(StrEnum):
    """What must or can happen in a dossier; also the `soort` of the events CSV."""

    TALK_PUPIL = "talk_pupil"
    CONTACT_PARENTS = "contact_parents"
    DUO_REPORT = "duo_report"
    SCHOOL_DOCTOR = "school_doctor"
    CARE_TEAM = "care_team"
    SUPPORT_PLAN = "support_plan"
    SWV_REPORT = "swv_report"
    SUITABLE_OFFER = "suitable_offer"
    ESCALATION = "escalation"


@dataclass(frozen=True, slots=True)
class AbsenceCode:
    code: str
    label: str
    category: Category
    luxe: bool = False  # counts for the LUXE rule (PROTOCOLS.md §1b); a school marks its own codes


DEFAULT_CODES: tuple[AbsenceCode, ...] = (
    AbsenceCode("Z", "Ziek", Category.SICK),
    AbsenceCode("M", "Medisch bezoek (huisarts, tandarts, specialist)", Category.AUTHORISED),
    AbsenceCode("V", "Verlof (art. 11 of 13a Leerplichtwet)", Category.AUTHORISED),
    AbsenceCode("R", "Religieuze verplichting", Category.AUTHORISED),
    AbsenceCode("O", "Ongeoorloofd", Category.UNAUTHORISED),
    AbsenceCode("X", "Luxeverzuim", Category.UNAUTHORISED, luxe=True),
    AbsenceCode("T", "Te laat", Category.LATE),
    AbsenceCode("S", "Schorsing", Category.SUSPENDED),
    AbsenceCode("E", "Onderwijs elders / excursie", Category.PRESENT_ELSEWHERE),
    AbsenceCode("?", "Afwezig, reden nog onbekend", Category.UNEXPLAINED),
)


class ConversationKind(StrEnum):
    """The kinds of conversation a leerkracht or IB-er logs."""

    PUPIL = "pupil"  # gesprek met leerling
    PARENTS_PHONE = "parents_phone"  # contact met ouders: telefonisch
    PARENTS_MEETING = "parents_meeting"  # contact met ouders: op school
    PARENTS_HOME = "parents_home"  # contact met ouders: huisbezoek
    CARE_TEAM = "care_team"  # ZAT / MDO
    SCHOOL_DOCTOR = "school_doctor"  # jeugdarts / JGZ
    LEERPLICHT = "leerplicht"  # leerplichtambtenaar
    SOCIAL_WORK = "social_work"  # schoolmaatschappelijk werk


# The action a logged conversation of a kind fulfils (PROTOCOLS.md §4: "a logged conversation of
# the right kind"). Contact with leerplicht and social work fulfil no protocol action by themselves.
CONVERSATION_ACTION: dict[ConversationKind, ActionKind | None] = {
    ConversationKind.PUPIL: ActionKind.TALK_PUPIL,
    ConversationKind.PARENTS_PHONE: ActionKind.CONTACT_PARENTS,
    ConversationKind.PARENTS_MEETING: ActionKind.CONTACT_PARENTS,
    ConversationKind.PARENTS_HOME: ActionKind.CONTACT_PARENTS,
    ConversationKind.CARE_TEAM: ActionKind.CARE_TEAM,
    ConversationKind.SCHOOL_DOCTOR: ActionKind.SCHOOL_DOCTOR,
    ConversationKind.LEERPLICHT: None,
    ConversationKind.SOCIAL_WORK: None,
}
