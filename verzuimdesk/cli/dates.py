"""A date option (`--date`, `--since`, `--today`) as the command line reads it: one plain Dutch refusal."""

from __future__ import annotations

from datetime import date

from verzuimdesk.services.errors import Refused
from verzuimdesk.services.vocabulary import parse_date


def option_date(text: str | None, option: str = "--date") -> date:
    """The day `text` names (JJJJ-MM-DD, also DD-MM-JJJJ); today when it is not given."""
    if not text:
        return date.today()
    try:
        return parse_date(text)
    except ValueError:
        raise Refused(f"{option}: {text} is geen geldige datum (gebruik JJJJ-MM-DD)") from None
