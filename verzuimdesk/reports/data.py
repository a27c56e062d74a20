"""The plain data the documents print: frozen dataclasses, filled by the services.

They live here rather than in `services` because the reports layer sits below the services and must
not import them; the services build these and hand them down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.disclosure import Recipient, Topic
from verzuimdesk.domain.dutch import full_name
from verzuimdesk.domain.engine import Action, RuleHit

__all__ = ["Recipient", "Topic"]  # Recipient lives in the domain's disclosure table; re-exported here


RECIPIENT_NL = {
    Recipient.OUDERS: "ouders / verzorgers",
    Recipient.LEERPLICHT: "leerplichtambtenaar",
    Recipient.JEUGDARTS: "jeugdarts (JGZ)",
    Recipient.SWV: "samenwerkingsverband",
}

CATEGORY_NL = {
    Category.PRESENT_ELSEWHERE: "onderwijs elders",
    Category.SICK: "ziek",
    Category.AUTHORISED: "geoorloofd",
    Category.UNAUTHORISED: "ongeoorloofd",
    Category.LATE: "te laat",
    Category.SUSPENDED: "schorsing",
    Category.UNEXPLAINED: "reden onbekend",
}

CONVERSATION_NL = {
    "pupil": "gesprek met de leerling",
    "parents_phone": "ouders, telefonisch",
    "parents_meeting": "ouders, op school",
    "parents_home": "ouders, huisbezoek",
    "care_team": "ZAT / MDO",
    "school_doctor": "jeugdarts / JGZ",
    "leerplicht": "leerplichtambtenaar",
    "social_work": "schoolmaatschappelijk werk",
}


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What every page carries: the school, the document's title, the printing date, a logo."""

    school: str
    title: str
    printed: date
    subtitle: str = ""
    logo: str | None = None  # path to a PNG/JPEG; a missing file is left out, not an error


@dataclass(frozen=True, slots=True)
class PupilInfo:
    id: int
    number: str
    first_name: str
    prefix: str
    last_name: str
    group: str
    birth_date: date | None
    ot_number: str
    enrolled_from: date
    enrolled_until: date | None

    @property
    def name(self) -> str:
        return full_name(self.first_name, self.prefix, self.last_name)

    @property
    def initials(self) -> str:
        """`Z.v.d.B.`: enough for the SWV to match with the OT number, not enough to name the child. A name
        of two joined by a hyphen gives both letters: Anna-Sophie is `A.S.`, as she signs; in a double last
        name a word written in small letters is a tussenvoegsel (Jansen-de Vries: `J.d.V.`)."""
        last = self.last_name.replace("-", " ").split()
        parts = [*((p, True) for p in self.first_name.split("-")), *((p, False) for p in self.prefix.split()),
                 *((p, i == 0 or not p[:1].islower()) for i, p in enumerate(last))]
        out = []
        for p, capital in parts:
            letter = p.strip().lstrip("'")[:1]
            if letter:
                out.append((letter.upper() if capital else letter.lower()) + ".")
        return "".join(out)


@dataclass(frozen=True, slots=True)
class RecordRow:
    """One absence record, with its absent minutes against the pupil's lestijd."""

    id: int
    day: date
    code: str
    label: str
    category: Category
    start: time | None
    end: time | None
    minutes: int
    minutes_late: int | None
    note: str
    note_topic: Topic = Topic.GEZONDHEID  # the safe side for a row built without one


@dataclass(frozen=True, slots=True)
class AgreementRow:
    text: str
    owner: str
    due: date | None
    done: bool
    topic: Topic = Topic.GEZONDHEID


@dataclass(frozen=True, slots=True)
class ConversationRow:
    id: int
    kind: str
    held_at: datetime
    participants: str
    summary: str
    created_by: str
    agreements: tuple[AgreementRow, ...]
    topic: Topic = Topic.GEZONDHEID
    author: str = ""  # the name of the person who wrote it (created_by is the account)


@dataclass(frozen=True, slots=True)
class PlanRow:
    kind: str
    location: str
    start: date
    evaluation: date | None
    note: str
    topic: Topic = Topic.GEZONDHEID


@dataclass(frozen=True, slots=True)
class EventItem:
    """A report made or a step taken (DUO, leerplicht, jeugdarts, SWV, ZAT)."""

    id: int
    day: date
    kind: str
    reference: str
    note: str
    topic: Topic = Topic.GEZONDHEID


@dataclass(frozen=True, slots=True)
class CaseRow:
    """A case of zorgwekkend verzuim with its histories (PROTOCOLS.md §5)."""

    id: int
    category: str
    start: date
    main_cause: str
    waiting_list: str
    closed: date | None
    close_reason: str
    statuses: tuple[tuple[date, str], ...]
    shares: tuple[tuple[date, date | None, int], ...]  # since, until, percentage of education followed
    regiehouder: str
    duo_report_date: date | None
    duo_report_number: str


@dataclass(frozen=True, slots=True)
class GuardianRow:
    name: str
    relation: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class Compiled:
    """Who compiled a dossier for leerplicht, how to reach the school, who signs, and why it is sent."""

    by_name: str
    by_role: str
    school_phone: str
    school_email: str
    director: str
    on: date
    reason: str = ""  # why a dossier without unauthorised absence goes to leerplicht


@dataclass(frozen=True, slots=True)
class Dossier:
    """One pupil's dossier over a period; after `for_recipient` only what that recipient may see."""

    school: str
    pupil: PupilInfo
    start: date
    end: date
    records: tuple[RecordRow, ...]
    conversations: tuple[ConversationRow, ...]
    plans: tuple[PlanRow, ...]
    events: tuple[EventItem, ...]
    cases: tuple[CaseRow, ...]
    rules: tuple[RuleHit, ...]
    actions: tuple[Action, ...]
    schooldagen: tuple[date, ...]  # the pupil's schooldagen in the period, for the calendar strip
    recipient: Recipient | None = None  # None: not filtered yet
    left_out: str = ""  # one sentence on what this recipient's version never holds
    # What the filter took out of this version: the sections ("records", "notes", "conversations",
    # "agreements", "plans", "events", "cases", "rules") and the days whose records it left out.
    withheld: frozenset[str] = frozenset()
    hidden_days: frozenset[date] = frozenset()
    rule_labels: dict[str, str] = field(default_factory=dict)  # rule id -> its Dutch name
    thuiszitter_rules: frozenset[str] = frozenset()  # the rules that make a pupil a thuiszitter
    compiled: Compiled | None = None  # the leerplicht dossier's "opgesteld door" and more
    guardians: tuple[GuardianRow, ...] = ()
    leerplicht_from: date | None = None  # the first schooldag of leerplicht; None: no birth date (always)
    # The vrijstellingen (start, end or None, the article as leerplicht writes it); the article is ""
    # where this recipient may not learn its ground (art. 5 onder a is a health ground)
    exemptions: tuple[tuple[date, date | None, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DuoReport:
    """What to type into DUO's verzuimregister through the school's LAS, by hand (PROTOCOLS.md §1b).

    Built from the trigger the report answers. `end` None: langdurig relatief verzuim that still
    holds ("nog afwezig"). `count` is the number of late arrivals for overig verzuim (te laat).
    `reported_on`/`reference`: the registered report, when the sheet is printed again for the file;
    `previous_on`/`previous_reference`: the report before it (a vervolgmelding). `rule_id` and `trigger`
    name the action it answers (a pupil can owe several reports on one date).
    """

    school: str
    brin: str
    pupil: PupilInfo
    report_type: str
    rule_label: str  # the rule's Dutch name ("" when the protocol gives none): never its id
    rule_text: str
    begin: date
    end: date | None
    hours: float
    due: date
    records: tuple[RecordRow, ...]
    agreements: tuple[tuple[date, AgreementRow], ...]
    legal: bool = True
    count: int | None = None
    reported_on: date | None = None
    reference: str = ""
    previous_on: date | None = None
    previous_reference: str = ""
    # which report this is, for the audit log and the choice in the app: never printed (the id is no Dutch)
    rule_id: str = ""
    trigger: date | None = None
    # a registered report whose sheet was not kept when it was registered (before this version): computed from
    # the records of now, and the sheet says so
    computed: bool = False
    # what the records of now give otherwise than the kept sheet, in Dutch ("begindatum nu …"): the sheet says so
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuarterlyRow:
    """One pupil on the SWV quarterly list (their open or latest case, or a proposal); `pupil_label` is
    initials or the name, as asked.

    `pupil_id` and `number` are for the audit log only; no file of the list prints them.
    """

    pupil_id: int
    number: str
    pupil_label: str
    ot_number: str
    group: str
    category: str
    proposed_category: str | None
    start: date
    proposed_start: date | None
    end: date | None
    main_cause: str
    status: str
    status_history: tuple[tuple[date, str], ...]
    share: int | None
    share_history: tuple[tuple[date, date | None, int], ...]  # (from, until, share %)
    waiting_list: str
    close_reason: str
    regiehouder: str = ""
    duo_report_date: date | None = None
    duo_report_number: str = ""
    # An unconfirmed candidate (PROTOCOLS.md §5): "voorstel, nog niet bevestigd"; `weeks` holds the numbers
    # behind it, (monday, absent minutes, lestijd) per lesweek, and `unauthorised` those minutes' part.
    proposal: bool = False
    weeks: tuple[tuple[date, int, int], ...] = ()
    unauthorised: int = 0
    dismissed: str = ""  # the reason, when the IB-er dismissed the candidate
    proposed_end: date | None = None  # the engine proposes closing: back for more than half, or deregistered
    proposed_close_reason: str = ""  # the closing reason of that proposal (OT's text)
    missing: tuple[str, ...] = ()  # fields the SWV asks for that are still empty
    # Of `unauthorised`, the minutes on days the pupil was not leerplichtig (a 4-year-old, a vrijstelling):
    # they never make a proposal A (PROTOCOLS.md §1b, sources/004 "Cat. A").
    outside_leerplicht: int = 0
    # Leerplichtig on a day of the case up to its end (or the list's day): only then is a DUO report asked.
    leerplichtig: bool = True


@dataclass(frozen=True, slots=True)
class QuarterlyList:
    school: str
    brin: str
    reference: date
    quarter_start: date
    year_start: date
    names: bool
    rows: tuple[QuarterlyRow, ...]
    dismissed: tuple[QuarterlyRow, ...] = ()  # dismissed candidates: kept and shown, not on the list
    since: date | None = None  # every case since this date (the inspectorate's registration)

    @property
    def proposals(self) -> int:
        """How many rows are candidates not yet confirmed."""
        return sum(1 for r in self.rows if r.proposal)
