"""A small school built the way a user builds it (init and CSV imports), plus the dossier parts the
imports do not carry (conversations, cases) inserted in one unit of work."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.conftest import DATA, PASSPHRASE, cli
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Agreement, CareCase, CaseShare, CaseStatus, Conversation, Pupil

# Sem (1003) is absent without leave Mon–Thu 17–20 Nov 2025: 5.5 + 5.5 + 3.75 + 5.5 = 20.25 hours,
# the 16 hours reached on Thursday 20 Nov.
EXTRA_ABSENCES = (
    "leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
    "1003;2025-11-17;;;O;;;niet op school, ouders niet bereikbaar\n"
    "1003;2025-11-18;;;O;;;\n"
    "1003;2025-11-19;;;O;;;\n"
    "1003;2025-11-20;;;O;;;\n"
    "1001;2025-11-12;;;O;;;spijbelen met een vriendin\n"
    "1001;2025-11-17;;;Z;;;koorts, huisarts bezocht\n"
)
SICK_TALK = "Overleg met de jeugdarts over de astma van Zoë; inhalator op school."
UNRELATED_TALK = "Gesprek met Zoë over het spijbelen op 12 november; zij belooft elke dag te komen."


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    """Text with every line break and run of spaces as one space: table cells wrap where they like."""
    return " ".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def open_db(path: Path) -> Database:
    return open_database(str(path), passphrase=PASSPHRASE)


@pytest.fixture
def school_db(tmp_path: Path, school_file: Path) -> Path:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    for kind, name in (("pupils", "pupils.csv"), ("absences", "absences.csv"), ("events", "events.csv")):
        assert cli("import", kind, "--db", path, DATA / name) == 0
    extra = tmp_path / "extra.csv"
    extra.write_text(EXTRA_ABSENCES, encoding="utf-8")
    assert cli("import", "absences", "--db", path, extra) == 0
    db = open_db(path)
    with db.begin() as s:
        ids = dict(s.execute(select(Pupil.number, Pupil.id)).all())
        s.add(Conversation(
            pupil_id=ids["1001"], kind="school_doctor", held_at=datetime(2025, 11, 6, 10, 0),
            participants="jeugdarts, IB-er", summary=SICK_TALK, updated_at=datetime(2025, 11, 6, 10, 0),
            agreements=[Agreement(text="Inhalator in de klas bewaren", owner="leerkracht", due=date(2025, 11, 10))]))
        s.add(Conversation(
            pupil_id=ids["1001"], kind="pupil", held_at=datetime(2025, 11, 13, 9, 0), participants="Zoë, leerkracht",
            summary=UNRELATED_TALK, updated_at=datetime(2025, 11, 13, 9, 0),
            agreements=[Agreement(text="Elke ochtend melden bij de leerkracht", owner="Zoë", due=date(2025, 11, 28))]))
        s.add(Conversation(
            pupil_id=ids["1003"], kind="parents_phone", held_at=datetime(2025, 11, 19, 14, 0),
            participants="vader, IB-er", summary="Vader gebeld over het verzuim van Sem.",
            updated_at=datetime(2025, 11, 19, 14, 0),
            agreements=[Agreement(text="Sem gaat maandag weer naar school", owner="vader", due=date(2025, 11, 24))]))
    db.close()
    return path


@pytest.fixture
def with_cases(school_db: Path) -> Iterator[Path]:
    """Cases for the quarterly list of 15 Dec 2025 (quarter 16 Sep – 15 Dec, school year from 1 Aug)."""
    db = open_db(school_db)
    with db.begin() as s:
        ids = dict(s.execute(select(Pupil.number, Pupil.id)).all())
        s.add(CareCase(pupil_id=ids["1003"], category="A", start=date(2025, 11, 17),
                       main_cause="Leerling wil niet naar school", waiting_list="jeugdhulp (aangemeld)",
                       regiehouder="leerplicht (mw. De Groot)",
                       statuses=[CaseStatus(since=date(2025, 11, 17),
                                            status="Geen passend en gestart aanbod onderwijs/zorg"),
                                 CaseStatus(since=date(2025, 12, 1), status="Inzet leerplicht")],
                       shares=[CaseShare(since=date(2025, 11, 17), until=date(2025, 12, 7), share=0),
                               CaseShare(since=date(2025, 12, 8), share=50)]))
        s.add(CareCase(pupil_id=ids["1001"], category="B", start=date(2025, 9, 1), main_cause="Lichamelijke oorzaak",
                       closed=date(2025, 10, 20), close_reason="Leerling volgt weer (>50%) onderwijs op (een) school",
                       statuses=[CaseStatus(since=date(2025, 9, 1), status="Inzet jeugdhulp / medische zorg / behandeling")],
                       shares=[CaseShare(since=date(2025, 9, 1), share=25)]))
        # Closed before this school year: not on the list.
        s.add(CareCase(pupil_id=ids["1004"], category="A", start=date(2025, 3, 3), main_cause="Ouders willen niet dat kind naar school gaat",
                       closed=date(2025, 6, 2), close_reason="Leerling is van school uitgeschreven"))
        # Starts after the reference date: not on the list either.
        s.add(CareCase(pupil_id=ids["1002"], category="B", start=date(2026, 1, 5), main_cause="Psychische oorzaak"))
        s.execute(Pupil.__table__.update().where(Pupil.id == ids["1003"]).values(ot_number="OT-2025-0003"))
    db.close()
    yield school_db


def weekday_absences(number: str, code: str, start: date, end: date, *, skip: tuple[date, ...] = ()) -> str:
    """CSV lines: `number` absent with `code` every schooldag start..end (the school's studiedag and the
    days in `skip`, which have a record already, left out)."""
    days = (date.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1))
    return "".join(f"{number};{d.isoformat()};;;{code};;;\n" for d in days
                   if d.weekday() < 5 and d != date(2025, 11, 14) and d not in skip)


@pytest.fixture
def with_candidates(with_cases: Path, tmp_path: Path) -> Path:
    """Two pupils without a case absent for five lesweken in the quarter of 15 Dec 2025: Daniël (1002)
    ill, Anaïs (1004) unauthorised; the IB-er opened no case for either."""
    csv = tmp_path / "long.csv"
    csv.write_text("leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
                   + weekday_absences("1002", "Z", date(2025, 11, 3), date(2025, 12, 5), skip=(date(2025, 11, 7),))
                   + weekday_absences("1004", "O", date(2025, 11, 3), date(2025, 12, 5), skip=(date(2025, 11, 10),)),
                   encoding="utf-8")
    assert cli("import", "absences", "--db", with_cases, csv) == 0
    return with_cases


def rule_ids() -> set[str]:
    """Every rule id of the shipped protocols: none may appear in a document that leaves the school."""
    root = Path(__file__).resolve().parents[2] / "resources" / "protocols"
    return {r["id"] for f in root.glob("*.toml") for r in tomllib.loads(f.read_text("utf-8")).get("regel", [])}


def leaked_rule_ids(text: str) -> list[str]:
    return sorted(i for i in rule_ids() if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))
