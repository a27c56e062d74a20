"""The protocol lives in the database: a school whose protocol file is gone (another laptop, a moved
folder) keeps its lights; choosing another protocol is audited and never answered from the cache."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import DATA, PASSPHRASE
from verzuimdesk.cli.main import run
from verzuimdesk.domain.codes import ConversationKind
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.importers.protocol_files import protocols_dir
from verzuimdesk.services.conversation_guides import conversation_guides
from verzuimdesk.services.settings import kept_protocol, school_view, set_protocol
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import AuditEntry, School

ON = date(2025, 11, 25)


@pytest.fixture
def own_protocol(tmp_path: Path) -> Path:
    """A school's own copy of the default protocol, in a folder of its own laptop."""
    folder = tmp_path / "laptop"
    folder.mkdir()
    target = folder / "ons-protocol.toml"
    shutil.copy(protocols_dir() / "hoeksche-waard-po.toml", target)
    return target


@pytest.fixture
def school(tmp_path: Path, own_protocol: Path) -> Database:
    toml = (DATA / "school.toml").read_text(encoding="utf-8").replace(
        'protocol = "hoeksche-waard-po"', f"protocol = {json.dumps(str(own_protocol))}")
    (tmp_path / "school.toml").write_text(toml, encoding="utf-8")
    path = tmp_path / "school.db"
    assert run(["init", "--db", str(path), "--school", str(tmp_path / "school.toml")]) == 0
    for kind, name in (("pupils", "pupils.csv"), ("absences", "absences.csv")):
        assert run(["import", kind, "--db", str(path), str(DATA / name)]) == 0
    return open_database(str(path), passphrase=PASSPHRASE)


def kept(db: Database) -> tuple[str, str | None, str]:
    with db.read() as s:
        row = s.scalars(select(School)).one()
        return row.protocol, row.protocol_text, row.protocol_sha256


def test_loading_a_protocol_file_keeps_its_text_and_fingerprint(school: Database, own_protocol: Path) -> None:
    raw = own_protocol.read_bytes()
    assert kept(school) == (str(own_protocol), raw.decode("utf-8"), hashlib.sha256(raw).hexdigest())
    school.close()


def test_a_school_whose_protocol_file_is_gone_keeps_its_lights(school: Database, own_protocol: Path,
                                                                tmp_path: Path) -> None:
    before = [(p.number, p.light) for p in school_status(school, ON, use_cache=False).pupils]
    own_protocol.unlink()  # the folder is gone: another laptop
    assert [(p.number, p.light) for p in school_status(school, ON, use_cache=False).pupils] == before
    # Saving the school's settings (name, calendar) needs no file either: the kept protocol stays.
    assert run(["school", "--db", str(tmp_path / "school.db"), str(tmp_path / "school.toml")]) == 0
    assert kept(school)[1] is not None and school_view(school).protocol == str(own_protocol)
    assert kept_protocol(school).id == "hoeksche-waard-po"  # what the settings page shows of it
    school.close()


def test_choosing_another_protocol_is_audited_and_the_cache_follows(school: Database) -> None:
    school_status(school, ON)
    assert school_status(school, ON).computed == 0  # kept
    old_sha = kept(school)[2]
    set_protocol(school, protocol="tilburg-po", by=IB)
    ref, text, sha = kept(school)
    assert ref == "tilburg-po" and text is not None and 'id = "tilburg-po"' in text and sha != old_sha
    answer = school_status(school, ON)
    assert answer.protocol.id == "tilburg-po" and answer.computed == len(answer.pupils)  # not the old statuses
    with school.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.user == "ib"
    detail = json.loads(entry.detail)
    assert detail["voor"]["protocol_sha256"] == old_sha and detail["na"] == {"protocol": "tilburg-po",
                                                                             "protocol_sha256": sha}
    school.close()


def test_a_protocol_file_that_cannot_be_read_changes_nothing(school: Database, tmp_path: Path) -> None:
    before = kept(school)
    broken = tmp_path / "kapot.toml"
    broken.write_text("id = 'x'\n", encoding="utf-8")
    with pytest.raises(InputRefused, match="ontbreekt"):
        set_protocol(school, protocol=str(broken), by=IB)
    with pytest.raises(InputRefused, match="niet gevonden"):
        set_protocol(school, protocol=str(tmp_path / "weg.toml"), by=IB)
    assert kept(school) == before
    school.close()


def test_the_conversation_guidance_is_the_region_s_own(school: Database) -> None:
    guides = conversation_guides(school)
    assert guides[ConversationKind.PUPIL].step == "Stap 3. Gesprek met leerling"
    assert "Meld de leerling dat de ouders/verzorgers geïnformeerd worden" in guides[ConversationKind.PUPIL].questions
    assert guides[ConversationKind.PARENTS_HOME].step == "Stap 4. Bel de ouders/verzorgers"
    assert guides[ConversationKind.CARE_TEAM].step == "Stap 6. Zorgadviesteam (ZAT)"
    set_protocol(school, protocol="amsterdam-vo", by=IB)
    guides = conversation_guides(school)
    assert guides[ConversationKind.PUPIL].step == "Verzuimgesprek" and ConversationKind.CARE_TEAM not in guides
    set_protocol(school, protocol="tilburg-po", by=IB)  # its documents give no questions: none at all
    assert conversation_guides(school) == {}
    school.close()
