"""The plain records the demo school generator returns (re-exported by `verzuimdesk.demo`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from verzuimdesk.domain.codes import ConversationKind


@dataclass(frozen=True)
class DemoAgreement:
    text: str
    owner: str
    due: dt.date | None
    done: bool


@dataclass(frozen=True)
class DemoConversation:
    leerlingnummer: str
    day: dt.date
    time: dt.time
    kind: ConversationKind
    participants: str
    summary: str
    agreements: tuple[DemoAgreement, ...] = ()


@dataclass(frozen=True)
class DemoPlan:
    leerlingnummer: str
    kind: str  # "IHP" | "OPP" | "plan van aanpak"
    location: str  # a file path or URL (fictitious)
    start: dt.date
    evaluation: dt.date | None


@dataclass(frozen=True)
class DemoCase:
    leerlingnummer: str
    category: str  # "A" | "B"
    start: dt.date
    main_cause: str
    intervention: str
    education_share: int  # 100 / 75 / 50 / 25 / 0
    waiting_list: str
    closed: dt.date | None
    close_reason: str


@dataclass(frozen=True)
class DemoSchool:
    school_files: tuple[str, ...]  # school-file TOML texts, one per school year, oldest first
    pupils: tuple[dict[str, str], ...]  # pupils CSV columns, values as a CSV holds them
    absences: tuple[dict[str, str], ...]  # absences CSV columns
    events: tuple[dict[str, str], ...]  # events CSV columns
    conversations: tuple[DemoConversation, ...]
    plans: tuple[DemoPlan, ...]
    cases: tuple[DemoCase, ...]
    guardians: tuple[dict[str, str], ...]  # leerlingnummer, naam, relatie, telefoon, email
    # pattern name (see `verzuimdesk.demo`) → the leerlingnummer that shows it
    patterns: dict[str, str] = field(default_factory=dict)
    # signal story (see `verzuimdesk.demo.signals`) → the leerlingnummer that shows it
    signal_stories: dict[str, str] = field(default_factory=dict)
    # law story (see `verzuimdesk.demo.law`) → the leerlingnummer that shows it
    law_stories: dict[str, str] = field(default_factory=dict)
    # vrijstellingen van de leerplicht: leerlingnummer, van, tot, artikel (a code of leerplicht.ARTICLES), notitie
    exemptions: tuple[dict[str, str], ...] = ()
