"""The database schema as SQLAlchemy 2 models. Alembic migrations are the only way it reaches a file.

Names are English (the code's language); the UI and the files speak Dutch.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from verzuimdesk.domain.dutch import full_name
from verzuimdesk.storage.topic_defaults import conversation_default, event_default, plan_default

# Named constraints, so that batch migrations on SQLite can find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class School(Base):
    __tablename__ = "school"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    brin: Mapped[str] = mapped_column(String(10), default="")
    protocol: Mapped[str] = mapped_column(String(500), default="hoeksche-waard-po")  # where it was loaded from
    # The protocol file's text as loaded, and its sha256: the engine reads these, not the path (0011).
    protocol_text: Mapped[str | None] = mapped_column(Text)
    protocol_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    vacation_region: Mapped[str] = mapped_column(String(10), default="")


class SchoolYear(Base):
    __tablename__ = "school_year"
    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[date] = mapped_column(Date, unique=True)
    end: Mapped[date] = mapped_column(Date)


class Vacation(Base):
    __tablename__ = "vacation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)


class CalendarDay(Base):
    """A studiedag (no lessons, a werkdag) or a feestdag (neither schooldag nor werkdag)."""

    __tablename__ = "calendar_day"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # "studiedag" | "feestdag"


class TimetableSpan(Base):
    """One lesson span of a weekday; `group_name` None is the school's default timetable."""

    __tablename__ = "timetable_span"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_name: Mapped[str | None] = mapped_column(String(50))
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = maandag
    start: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)


class Group(Base):
    __tablename__ = "school_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    jaargroep: Mapped[str] = mapped_column(String(10), default="")
    pupils: Mapped[list[Pupil]] = relationship(back_populates="group")


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    username: Mapped[str | None] = mapped_column(String(100), unique=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))  # "ib" | "leerkracht" | "directie"
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    external_key: Mapped[str | None] = mapped_column(String(100))  # key in an EDEX export
    # The roles the LAS gives this person (EDEX `rol`/`rolomschrijving`, e.g. "IB, ICT"); not an app role.
    las_role: Mapped[str] = mapped_column(String(200), default="", server_default="")


class StaffGroup(Base):
    __tablename__ = "staff_group"
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("school_group.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(200), default="", server_default="")  # EDEX role in this group


class CompositeGroup(Base):
    """An EDEX samengestelde groep ("Plusgroep rekenen"): pupils of several groups, no timetable of its own."""

    __tablename__ = "composite_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(256), unique=True)  # the group's EDEX key
    name: Mapped[str] = mapped_column(String(64))


class CompositeMember(Base):
    __tablename__ = "composite_member"
    group_id: Mapped[int] = mapped_column(ForeignKey("composite_group.id", ondelete="CASCADE"), primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), primary_key=True, index=True)


class CompositeStaff(Base):
    __tablename__ = "composite_staff"
    group_id: Mapped[int] = mapped_column(ForeignKey("composite_group.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Pupil(Base):
    __tablename__ = "pupil"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)  # leerlingnummer (LAS)
    first_name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(30), default="")  # tussenvoegsel
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date | None] = mapped_column(Date)
    group_id: Mapped[int] = mapped_column(ForeignKey("school_group.id"))
    # The pupil's own jaargroep (EDEX): a pupil of combination group "3/4" is in 3 or in 4.
    jaargroep: Mapped[str] = mapped_column(String(10), default="", server_default="")
    enrolled_from: Mapped[date] = mapped_column(Date)
    enrolled_until: Mapped[date | None] = mapped_column(Date)
    ot_number: Mapped[str] = mapped_column(String(50), default="")  # SWV / Onderwijs Transparant
    family: Mapped[str] = mapped_column(String(50), default="")  # shared by siblings
    possibly_left: Mapped[bool] = mapped_column(Boolean, default=False)
    # Referred to special education (SO/SBO): the dossier is kept 3 years after leaving, not 2.
    referred_special: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    group: Mapped[Group] = relationship(back_populates="pupils")

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.prefix, self.last_name)


class ExemptionRow(Base):
    """A vrijstelling van de leerplicht (PROTOCOLS.md §1b): the pupil is not leerplichtig from `start`
    to `end` (both included; no end: until further notice), on a Leerplichtwet article."""

    __tablename__ = "exemption"
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    article: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(String(500), default="")


class Guardian(Base):
    __tablename__ = "guardian"
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class AbsenceCodeRow(Base):
    __tablename__ = "absence_code"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(5), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    luxe: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # LUXE (§1b)


class Absence(Base):
    __tablename__ = "absence"
    # One record per pupil, day and time span (a whole day has no start or end; NULLs would not clash
    # in a plain unique index, hence the coalesce): two writers or two imports at once cannot double it.
    # Its first columns also serve every query by pupil and day (migration 0015).
    __table_args__ = (Index("uq_absence_span", "pupil_id", "day", text("coalesce(start, '00:00')"),
                            text("coalesce(\"end\", '00:00')"), unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    start: Mapped[time | None] = mapped_column(Time)
    end: Mapped[time | None] = mapped_column(Time)
    code_id: Mapped[int] = mapped_column(ForeignKey("absence_code.id"))
    minutes_late: Mapped[int | None] = mapped_column(Integer)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    reported_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    # The note's topic (verzuim/gezondheid/...); None: by the code's category and the note's words.
    topic: Mapped[str | None] = mapped_column(String(20))
    topic_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Bumped by every UPDATE, which also checks it (no lost update: migration 0013, services/versions.py).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Conversation(Base):
    __tablename__ = "conversation"
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    held_at: Mapped[datetime] = mapped_column(DateTime)
    participants: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    topic: Mapped[str] = mapped_column(String(20), default=conversation_default, server_default="verzuim")
    topic_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Bumped by every UPDATE, which also checks it (no lost update: migration 0013, services/versions.py).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="Agreement.id"
    )


class Agreement(Base):
    __tablename__ = "agreement"
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversation.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    topic: Mapped[str | None] = mapped_column(String(20))  # None: the conversation's topic
    conversation: Mapped[Conversation] = relationship(back_populates="agreements")


class PlanLink(Base):
    __tablename__ = "plan_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # "IHP" | "OPP" | "plan van aanpak"
    location: Mapped[str] = mapped_column(Text)  # a file path or URL
    start: Mapped[date] = mapped_column(Date)
    evaluation: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    topic: Mapped[str] = mapped_column(String(20), default=plan_default, server_default="overig")
    topic_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class EventRow(Base):
    """Something done in the dossier: a report made, a meeting held (an action kind)."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_pupil_day", "pupil_id", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    reference: Mapped[str] = mapped_column(String(200), default="")  # e.g. DUO's meldingsnummer
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    topic: Mapped[str] = mapped_column(String(20), default=event_default, server_default="verzuim")
    topic_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class DuoSheetKept(Base):
    """One DUO sheet of a registered `duo_report` as it was when the report was registered (PROTOCOLS.md §1b):
    the reprint "zoals gemeld" prints this, whatever was registered or corrected afterwards
    (services/duo_kept.py). One row per sheet the report answered, `position` in the order printed.

    The engine reads none of it (no status-cache triggers). `records` is JSON: the records listed, each with
    its id, date, span, code, category and absent minutes (or minutes late) as printed, without their notes.
    It goes with its report (ON DELETE CASCADE) and with the pupil's dossier (retention, inzage).
    """

    __tablename__ = "duo_sheet_kept"
    __table_args__ = (UniqueConstraint("event_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    rule_id: Mapped[str] = mapped_column(String(50))
    trigger: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))  # domain/duo_sheet.py: 16uur | vervolg | lrv | luxe | te_laat
    begin: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)  # None: langdurig relatief verzuim "nog afwezig"
    minutes: Mapped[int] = mapped_column(Integer)  # absent minutes; minutes late for te_laat
    count: Mapped[int] = mapped_column(Integer)  # the records listed (the late arrivals for te_laat)
    due: Mapped[date] = mapped_column(Date)
    legal: Mapped[bool] = mapped_column(Boolean)
    previous_day: Mapped[date | None] = mapped_column(Date)  # the report before it (a vervolgmelding)
    previous_reference: Mapped[str] = mapped_column(String(200), default="")
    records: Mapped[str] = mapped_column(Text)
    kept_at: Mapped[datetime] = mapped_column(DateTime)


class CareCase(Base):
    """A case of zorgwekkend verzuim (PROTOCOLS.md §5)."""

    __tablename__ = "care_case"
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(1))  # "A" | "B"
    start: Mapped[date] = mapped_column(Date)
    main_cause: Mapped[str] = mapped_column(String(100), default="")
    waiting_list: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[date | None] = mapped_column(Date)
    close_reason: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    regiehouder: Mapped[str] = mapped_column(String(200), default="")
    # Category A: the DUO report (langdurig relatief verzuim) that goes with the case.
    duo_report_date: Mapped[date | None] = mapped_column(Date)
    duo_report_number: Mapped[str] = mapped_column(String(50), default="")
    # Bumped by every UPDATE, which also checks it (no lost update: migration 0013, services/versions.py).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    statuses: Mapped[list[CaseStatus]] = relationship(
        cascade="all, delete-orphan", order_by="CaseStatus.since"
    )
    shares: Mapped[list[CaseShare]] = relationship(cascade="all, delete-orphan", order_by="CaseShare.since")


class CaseStatus(Base):
    """The intervention status of a case from a date on (its history)."""

    __tablename__ = "case_status"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("care_case.id", ondelete="CASCADE"), index=True)
    since: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(100))


class CaseShare(Base):
    """The share of education still followed (100/75/50/25/0 %) from a date on."""

    __tablename__ = "case_share"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("care_case.id", ondelete="CASCADE"), index=True)
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)  # the end date of an earlier share (seed 004)
    share: Mapped[int] = mapped_column(Integer)


class CaseDismissal(Base):
    """A candidate for the SWV list (PROTOCOLS.md §5) that the IB-er dismissed, with the reason. The
    proposal with this start stays visible, greyed; deleting the row undoes the dismissal."""

    __tablename__ = "case_dismissal"
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    start: Mapped[date] = mapped_column(Date)  # the proposed start of the candidate dismissed
    category: Mapped[str] = mapped_column(String(1))
    reason: Mapped[str] = mapped_column(Text)
    dismissed_on: Mapped[date] = mapped_column(Date)
    user: Mapped[str] = mapped_column(String(100), default="")


class AuditEntry(Base):
    """Append-only: the app inserts rows and never updates or deletes them."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(30))  # view | create | update | delete | export | login | import
    entity: Mapped[str] = mapped_column(String(50), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    pupil_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditPermit(Base):
    """A row here, inside retention's purge transaction only, lets the triggers allow changing audit_log."""

    __tablename__ = "audit_permit"
    id: Mapped[int] = mapped_column(primary_key=True)


class Draft(Base):
    """Text typed into an editor and not saved yet, kept as it is typed so a crash or the lock loses none of it.

    It lives in the (encrypted) database because it holds notes about a pupil. `key` names the
    editor, e.g. `conversation:12:new`; each user has their own drafts.
    """

    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("user", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user: Mapped[str] = mapped_column(String(100), default="")
    key: Mapped[str] = mapped_column(String(200))
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    payload: Mapped[str] = mapped_column(Text, default="")  # JSON of the editor's fields
    saved_at: Mapped[datetime] = mapped_column(DateTime)


class RegistrationCheck(Base):
    """A teacher's mark that one dagdeel of one group's registration is complete: from then on a blank cell
    of that dagdeel means present. `part` is the dagdeel's index in the group's lestijden of that day."""

    __tablename__ = "registration_check"
    __table_args__ = (UniqueConstraint("group_id", "day", "part"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("school_group.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date, index=True)
    part: Mapped[int] = mapped_column(Integer, default=0)
    checked_by: Mapped[str] = mapped_column(String(100), default="")
    checked_at: Mapped[datetime] = mapped_column(DateTime)


class Setting(Base):
    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text, default="")


class StatusCache(Base):
    """A pupil's status at a peildatum as the engine computed it (storage/status_cache.py).

    Triggers of migration 0004 delete the rows a change makes stale; never written by hand.
    """

    __tablename__ = "status_cache"
    peildatum: Mapped[date] = mapped_column(Date, primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)


class StatusGeneration(Base):
    """One row whose counter every trigger of the status cache bumps."""

    __tablename__ = "status_generation"
    id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)
    # read by the insert trigger's WHEN (0014); always 0 now: status_cache.invalidated_once takes the trigger
    # away for a bulk insert instead of pausing it
    paused: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class VerlofRequest(Base):
    """A request for leave (verlof, art. 11 or 13a Leerplichtwet) for one pupil or several siblings.

    The engine does not read it: granted leave reaches the engine as the `V` records it put in the grid
    (VerlofAbsence links them, so reversing the decision takes exactly those away again).
    """

    __tablename__ = "verlof_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    article: Mapped[str] = mapped_column(String(5))  # "11" | "13a"
    reason: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[str] = mapped_column(Text, default="")  # the documents seen, as the school notes them
    employer_statement: Mapped[bool] = mapped_column(Boolean, default=False)  # werkgeversverklaring seen
    requested_on: Mapped[date] = mapped_column(Date)
    requested_by: Mapped[str] = mapped_column(String(200), default="")  # the parent who asks
    decision: Mapped[str] = mapped_column(String(20), default="open")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    # The decision is the leerplichtambtenaar's (art. 14 lid 3), recorded by the directeur: the bezwaar
    # goes to the college van B&W, not to the directeur.
    decided_by_leerplicht: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class VerlofPupil(Base):
    __tablename__ = "verlof_pupil"
    request_id: Mapped[int] = mapped_column(ForeignKey("verlof_request.id", ondelete="CASCADE"), primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), primary_key=True, index=True)


class VerlofAbsence(Base):
    """A `V` record that granted leave put in the grid."""

    __tablename__ = "verlof_absence"
    absence_id: Mapped[int] = mapped_column(ForeignKey("absence.id", ondelete="CASCADE"), primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("verlof_request.id", ondelete="CASCADE"), index=True)


class VerlofReplaced(Base):
    """A record a leave decision put aside, as it was, so that changing the decision puts it back.

    Granting leave: a `?` (unexplained) record on a day of the leave made way for the `V` (`absence_id`
    is None: the record itself was deleted). Confirming luxe on refused leave: the record became `X` in
    place (`absence_id` is that record; `code` and `note` are what it held before).
    """

    __tablename__ = "verlof_replaced"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("verlof_request.id", ondelete="CASCADE"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"))
    absence_id: Mapped[int | None] = mapped_column(ForeignKey("absence.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    start: Mapped[time | None] = mapped_column(Time)
    end: Mapped[time | None] = mapped_column(Time)
    code: Mapped[str] = mapped_column(String(5))  # the code as text: the school may change its code list
    minutes_late: Mapped[int | None] = mapped_column(Integer)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    reported_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    topic: Mapped[str | None] = mapped_column(String(20))


class LetterRow(Base):
    """A letter made from a template (resources/letters/) and sent: part of the dossier and of inzage."""

    __tablename__ = "letter"
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"), index=True)
    template: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    recipient: Mapped[str] = mapped_column(String(20))  # ouders | leerplicht | ...
    day: Mapped[date] = mapped_column(Date)
    file: Mapped[str] = mapped_column(String(500), default="")
    verlof_id: Mapped[int | None] = mapped_column(ForeignKey("verlof_request.id", ondelete="SET NULL"))
    made_at: Mapped[datetime] = mapped_column(DateTime)
    made_by: Mapped[str] = mapped_column(String(100), default="")
