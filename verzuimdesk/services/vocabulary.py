"""The words the services speak in, for their clients: the domain's value types (a light, a code's
category, a period), Dutch formatting, the rows the reports read, the input parsers' values. The UI and
the command line import them from here, never from `domain`, `importers` or `reports` (the layer rule,
tests/test_layers.py): this module is where the services decide what of the layers below they show."""

from __future__ import annotations

from verzuimdesk.domain.calendar import WEEKDAYS_NL, DayOff, Period, Span
from verzuimdesk.domain.codes import ActionKind, Category, ConversationKind
from verzuimdesk.domain.disclosure import Topic, conversation_topic
from verzuimdesk.domain.dutch import ACTION_NL, LIGHT_NL, MONTHS_NL, format_date, one_decimal, whole_hours
from verzuimdesk.domain.engine import Action, Light, RuleHit
from verzuimdesk.domain.protocol import ProtocolError, list_protocols, load_protocol
from verzuimdesk.domain.quarterly import (
    CLOSE_BACK,
    CLOSE_REASONS,
    INTERVENTIONS,
    MAIN_CAUSES,
    SHARE_TEXTS,
    SHARES,
    WAITING_LIST,
    reference_date,
)
from verzuimdesk.domain.trends import CATEGORIES, Figures
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.schoolfile import DayTable, SchoolSettings
from verzuimdesk.importers.spreadsheet import FIELDS, REQUIRED
from verzuimdesk.importers.values import parse_date, parse_span
from verzuimdesk.reports.data import EventItem, QuarterlyRow, RecordRow

__all__ = [
    "ACTION_NL",
    "CATEGORIES",
    "CLOSE_BACK",
    "CLOSE_REASONS",
    "FIELDS",
    "INTERVENTIONS",
    "LIGHT_NL",
    "MAIN_CAUSES",
    "MONTHS_NL",
    "REQUIRED",
    "SHARES",
    "SHARE_TEXTS",
    "WAITING_LIST",
    "WEEKDAYS_NL",
    "Action",
    "ActionKind",
    "Category",
    "ConversationKind",
    "DayOff",
    "DayTable",
    "EventItem",
    "Figures",
    "InputRefused",
    "Light",
    "Period",
    "Problem",
    "ProtocolError",
    "QuarterlyRow",
    "RecordRow",
    "RuleHit",
    "SchoolSettings",
    "Span",
    "Topic",
    "conversation_topic",
    "format_date",
    "list_protocols",
    "load_protocol",
    "one_decimal",
    "parse_date",
    "parse_span",
    "reference_date",
    "whole_hours",
]
