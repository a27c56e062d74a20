"""Verlof (leave) under the Leerplichtwet: what a request may ask and who decides (docs/verlof.md).

- **art. 13a, vakantieverlof**: only when the parent's work allows no holiday in the school holidays (a
  werkgeversverklaring shows it); at most 10 schooldagen, once a school year, never in the first two
  lesweken of the school year. Beyond these limits it cannot be granted at all.
- **art. 11 (onder g) with art. 14, gewichtige omstandigheden**: the directeur decides up to 10 schooldagen
  a school year (what was granted earlier that year counts); beyond that only the leerplichtambtenaar
  may decide, so the directeur passes the request on.

The checks here are per pupil: siblings in one request share the dates, but each has a group (whose
schooldagen count) and a history of earlier leave. Each refusal reason is a Dutch sentence a letter
can quote. No I/O: the service gives the calendar and the earlier requests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.dutch import format_date

MAX_DAYS = 10  # art. 13a lid 1 and art. 14 lid 1: ten schooldagen
FIRST_WEEKS = 2  # art. 13a lid 1: "niet ... gedurende de eerste twee lesweken van het schooljaar"
BEZWAAR_WEEKS = 6  # Awb art. 6:7: zes weken to object to a decision


class Article(StrEnum):
    ART11 = "11"  # gewichtige omstandigheden (art. 11 onder g, art. 14)
    ART13A = "13a"  # vakantieverlof


ARTICLE_NL = {Article.ART11: "art. 11 (gewichtige omstandigheden)", Article.ART13A: "art. 13a (vakantieverlof)"}


class Decision(StrEnum):
    PENDING = "open"  # asked, not decided
    GRANTED = "verleend"
    REFUSED = "geweigerd"
    LEERPLICHT = "leerplicht"  # passed to the leerplichtambtenaar (beyond 10 days)


DECISION_NL = {Decision.PENDING: "nog niet beslist", Decision.GRANTED: "verleend", Decision.REFUSED: "geweigerd",
               Decision.LEERPLICHT: "doorgestuurd naar de leerplichtambtenaar"}


class Problem(StrEnum):
    """Why a request cannot be granted as asked (by the directeur, or at all)."""

    DATES = "dates"  # end before start
    NO_SCHOOLDAG = "no_schooldag"
    TWO_YEARS = "two_years"
    NOT_ENROLLED = "not_enrolled"
    TOO_LONG_13A = "too_long_13a"
    FIRST_WEEKS = "first_weeks"
    AGAIN_13A = "again_13a"
    NO_STATEMENT = "no_statement"
    BEYOND_DIRECTEUR = "beyond_directeur"  # art. 11 over 10 days a year: leerplicht decides
    ASKED_LATE = "asked_late"  # asked after the first day of the leave: the directeur weighs it
    NOT_LEERPLICHTIG = "not_leerplichtig"  # (some of) its days are outside leerplicht: the law asks no leave


# Problems the leerplichtambtenaar can overcome (the directeur passes the request on); the rest refuse it.
PASS_ON = frozenset({Problem.BEYOND_DIRECTEUR})
# Findings the directeur is told of and weighs, which refuse nothing by themselves.
NOTES = frozenset({Problem.ASKED_LATE, Problem.NOT_LEERPLICHTIG})


@dataclass(frozen=True, slots=True)
class Earlier:
    """Leave granted to the pupil before (another request): its article and its schooldagen."""

    request_id: int
    article: Article
    days: tuple[date, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    text: str  # Dutch, to quote in a letter


@dataclass(frozen=True, slots=True)
class Assessment:
    """One pupil's part of a request against the law."""

    days: tuple[date, ...]  # the pupil's schooldagen in the request (the days a V fills)
    findings: tuple[Finding, ...]

    @property
    def refused_by_law(self) -> bool:
        return any(f.problem not in PASS_ON | NOTES for f in self.findings)

    @property
    def needs_leerplicht(self) -> bool:
        return not self.refused_by_law and any(f.problem in PASS_ON for f in self.findings)

    @property
    def grantable(self) -> bool:
        """The directeur may grant it as asked."""
        return all(f.problem in NOTES for f in self.findings)


def first_lesweken_end(calendar: SchoolCalendar, year_start: date, group: str | None) -> date:
    """The last schooldag of the first two lesweken of the school year starting `year_start`."""
    first = next(calendar.schooldagen(year_start, year_start + timedelta(days=120), group), year_start)
    monday = first - timedelta(days=first.weekday())
    days = list(calendar.schooldagen(first, monday + timedelta(days=7 * FIRST_WEEKS - 1), group))
    return days[-1] if days else first


def _days_word(n: int) -> str:
    return "1 schooldag" if n == 1 else f"{n} schooldagen"


def assess(calendar: SchoolCalendar, *, group: str, start: date, end: date, article: Article,
           employer_statement: bool, earlier: Iterable[Earlier] = (), enrolled_from: date | None = None,
           enrolled_until: date | None = None, requested_on: date | None = None,
           leerplichtig: Callable[[date], bool] | None = None) -> Assessment:
    """The law's limits on leave for one pupil of `group` from `start` to `end` (both included).

    `earlier`: leave granted before to this pupil (other requests), to apply "once a school year" and
    the directeur's 10 days a year. `requested_on`: a request made after the leave's first schooldag
    is said (verlof is asked in advance), without refusing it. `leerplichtig` (`Leerplicht.on`): the law's
    limits hold for the days in leerplicht only; a pupil not yet 5, or with a vrijstelling, needs no leave
    for the others (the school decides on them itself, and no limit of the law refuses it), and earlier
    leave counts only with its days in leerplicht.
    """
    if end < start:
        return Assessment((), (Finding(Problem.DATES, f"De einddatum ({format_date(end)}) ligt voor de begindatum "
                                                      f"({format_date(start)})."),))
    days = tuple(calendar.schooldagen(start, end, group))
    if enrolled_from is not None or enrolled_until is not None:
        outside = [d for d in days if (enrolled_from and d < enrolled_from) or (enrolled_until and d > enrolled_until)]
        if outside:
            return Assessment(days, (Finding(Problem.NOT_ENROLLED, "De leerling staat op "
                                             f"{format_date(outside[0])} niet ingeschreven."),))
    if not days:
        return Assessment((), (Finding(Problem.NO_SCHOOLDAG, "In deze periode valt geen schooldag: er is geen "
                                                             "verlof nodig."),))
    year = calendar.school_year_of(days[0])
    if year is None or calendar.school_year_of(days[-1]) != year:
        return Assessment(days, (Finding(Problem.TWO_YEARS, "Het verlof valt in twee schooljaren; vraag het per "
                                                            "schooljaar aan."),))
    findings: list[Finding] = []
    asked = days
    if leerplichtig is not None:
        asked = tuple(d for d in days if leerplichtig(d))
        earlier = [Earlier(e.request_id, e.article, kept) for e in earlier
                   if (kept := tuple(d for d in e.days if leerplichtig(d)))]
        if not asked:
            return Assessment(days, (Finding(Problem.NOT_LEERPLICHTIG, "De leerling is op deze dagen niet "
                                             "leerplichtig (nog geen 5 jaar, of vrijgesteld): de Leerplichtwet vraagt "
                                             "hiervoor geen verlof; de school beslist zelf."),))
        if len(asked) < len(days):
            findings.append(Finding(Problem.NOT_LEERPLICHTIG, f"Op {_days_word(len(days) - len(asked))} is de leerling "
                                    "niet leerplichtig (nog geen 5 jaar, of vrijgesteld): de regels van de "
                                    f"Leerplichtwet gelden alleen voor de {_days_word(len(asked))} in de leerplicht."))
    in_year = [e for e in earlier if e.days and year.start <= e.days[0] <= year.end]
    if requested_on is not None and requested_on > asked[0]:
        findings.append(Finding(Problem.ASKED_LATE, f"De aanvraag is gedaan op {format_date(requested_on)}, "
                                f"aangevraagd na de eerste verlofdag ({format_date(asked[0])}): verlof moet "
                                "vooraf worden aangevraagd. Weeg mee of dat eerder kon."))
    if article is Article.ART13A:
        if len(asked) > MAX_DAYS:
            findings.append(Finding(Problem.TOO_LONG_13A, f"Vakantieverlof (art. 13a) is ten hoogste {MAX_DAYS} "
                                    f"schooldagen per schooljaar; deze aanvraag omvat {_days_word(len(asked))}."))
        last = first_lesweken_end(calendar, year.start, group)
        if asked[0] <= last:
            findings.append(Finding(Problem.FIRST_WEEKS, "Vakantieverlof (art. 13a) mag niet in de eerste twee "
                                    f"lesweken van het schooljaar vallen (tot en met {format_date(last)})."))
        before = [e for e in in_year if e.article is Article.ART13A]
        if before:
            findings.append(Finding(Problem.AGAIN_13A, "Vakantieverlof (art. 13a) kan maar één keer per schooljaar; "
                                    f"de leerling kreeg al verlof vanaf {format_date(before[0].days[0])}."))
        if not employer_statement:
            findings.append(Finding(Problem.NO_STATEMENT, "Voor vakantieverlof (art. 13a) is een werkgeversverklaring "
                                    "nodig waaruit blijkt dat geen vakantie in de schoolvakanties mogelijk is."))
    else:
        used = sum(len(e.days) for e in in_year if e.article is Article.ART11)
        if used + len(asked) > MAX_DAYS:
            already = f" (er is dit schooljaar al {_days_word(used)} verleend)" if used else ""
            findings.append(Finding(Problem.BEYOND_DIRECTEUR, "Verlof wegens gewichtige omstandigheden van meer dan "
                                    f"{MAX_DAYS} schooldagen per schooljaar{already}: daarover beslist de "
                                    "leerplichtambtenaar, niet de directeur."))
    return Assessment(days, tuple(findings))


def can_decide(current: Decision, new: Decision, assessments: Sequence[Assessment], *, by_leerplicht: bool) -> str:
    """'' when the decision may be taken on these pupils' assessments; else why not, in Dutch.

    The directeur grants only what the law lets the directeur grant; a request over the directeur's 10
    schooldagen (art. 11, by itself or with what was granted earlier that school year) is decided by the
    leerplichtambtenaar alone (art. 14 lid 3), granted or refused: its decision is recorded as
    leerplicht's (`by_leerplicht`, or the request was passed on), within the law's hard limits.
    """
    if new is Decision.PENDING:
        return ""
    beyond = any(a.needs_leerplicht for a in assessments)
    if new is Decision.LEERPLICHT:
        if not beyond:
            return "Alleen verlof van meer dan 10 schooldagen wegens gewichtige omstandigheden gaat naar de " \
                   "leerplichtambtenaar; over deze aanvraag beslist de directeur."
        return ""
    if new is Decision.GRANTED:
        hard = [f.text for a in assessments for f in a.findings if f.problem not in PASS_ON | NOTES]
        if hard:
            return "Dit verlof kan niet worden verleend: " + " ".join(dict.fromkeys(hard))
    if by_leerplicht and not beyond:
        return ("Over deze aanvraag beslist de directeur, niet de leerplichtambtenaar: die beslist alleen over "
                "meer dan 10 schooldagen verlof wegens gewichtige omstandigheden in een schooljaar.")
    if beyond and not (by_leerplicht or current is Decision.LEERPLICHT):
        verb = "verleent" if new is Decision.GRANTED else "weigert"
        return (f"Meer dan 10 schooldagen verlof wegens gewichtige omstandigheden in een schooljaar {verb} alleen "
                "de leerplichtambtenaar (Leerplichtwet art. 14 lid 3), niet de directeur: stuur de aanvraag door "
                "en leg daarna diens besluit vast.")
    return ""


def refusal_reasons(assessments: Sequence[Assessment]) -> list[str]:
    """The law's reasons against the request, once each, for the decision letter (not who decides it)."""
    return list(dict.fromkeys(f.text for a in assessments for f in a.findings
                              if f.problem not in PASS_ON | NOTES))


def bezwaar_clause(*, decided_by_leerplicht: bool) -> str:
    """The bezwaar clause of a decision (Awb art. 6:5, 6:7): six weeks, to whoever decided.

    The directeur's decision (art. 14 lid 1, and any refusal of art. 13a) is objected to with the
    directeur; the leerplichtambtenaar decides on behalf of the college van burgemeester en wethouders
    (art. 14 lid 3), so the objection to that decision goes to the municipality. The decider is stored
    with the decision, never guessed from the number of days.
    """
    if decided_by_leerplicht:
        to = ("het college van burgemeester en wethouders van uw gemeente (de leerplichtambtenaar besliste "
              "namens het college)")
    else:
        to = "de directeur van de school"
    return (f"Bent u het niet eens met dit besluit? Dan kunt u binnen {BEZWAAR_WEEKS} weken na de datum van deze "
            f"brief schriftelijk bezwaar maken bij {to}. Vermeld in uw bezwaarschrift uw naam en adres, de datum, "
            "het besluit waartegen u bezwaar maakt en waarom u het er niet mee eens bent, en onderteken het "
            "(Algemene wet bestuursrecht, art. 6:5 en 6:7).")
