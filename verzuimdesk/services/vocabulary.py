"""The words the services speak in, for their clients: the domain's value types (a light, a code's
category, a period), Dutch formatting, the rows the reports read, the input parsers' values. The UI and
the command line import them from here, never from `domain`, `importers` or `reports` (the layer rule,
tests/test_layers.py): this module is where the services decide what of the layers below they show.

Each name is imported when first asked for, so a command that needs no database (`--help`) loads
no SQLAlchemy through this module."""

from __future__ import annotations

from verzuimdesk.services.lending import lender

_FROM = {
    "ARTICLE_NL": "verzuimdesk.domain.verlof",
    "Article": "verzuimdesk.domain.verlof",
    "Template": "verzuimdesk.domain.letters",
    "DECISION_NL": "verzuimdesk.domain.verlof",
    "Decision": "verzuimdesk.domain.verlof",
    "CLOSE_BACK": "verzuimdesk.domain.quarterly",
    "CLOSE_LEFT": "verzuimdesk.domain.quarterly",
    "CLOSE_REASONS": "verzuimdesk.domain.quarterly",
    "INTERVENTIONS": "verzuimdesk.domain.quarterly",
    "MAIN_CAUSES": "verzuimdesk.domain.quarterly",
    "SHARES": "verzuimdesk.domain.quarterly",
    "SHARE_TEXTS": "verzuimdesk.domain.quarterly",
    "WAITING_LIST": "verzuimdesk.domain.quarterly",
    "reference_date": "verzuimdesk.domain.quarterly",
    "ACTION_NL": "verzuimdesk.domain.dutch",
    "DUO_FOLLOW_UP_NL": "verzuimdesk.domain.dutch",
    "Action": "verzuimdesk.domain.engine",
    "ActionKind": "verzuimdesk.domain.codes",
    "CATEGORIES": "verzuimdesk.domain.trends",
    "Category": "verzuimdesk.domain.codes",
    "ConversationKind": "verzuimdesk.domain.codes",
    "DayOff": "verzuimdesk.domain.calendar",
    "DayTable": "verzuimdesk.importers.schoolfile",
    "EventItem": "verzuimdesk.reports.data",
    "FIELDS": "verzuimdesk.importers.spreadsheet",
    "Figures": "verzuimdesk.domain.trends",
    "PERIODS": "verzuimdesk.domain.trends",
    "InputRefused": "verzuimdesk.importers.problems",
    "LIGHT_NL": "verzuimdesk.domain.dutch",
    "Light": "verzuimdesk.domain.engine",
    "MONTHS_NL": "verzuimdesk.domain.dutch",
    "Period": "verzuimdesk.domain.calendar",
    "Problem": "verzuimdesk.importers.problems",
    "ProtocolError": "verzuimdesk.domain.protocol",
    "QuarterlyRow": "verzuimdesk.reports.data",
    "REQUIRED": "verzuimdesk.importers.spreadsheet",
    "RecordRow": "verzuimdesk.reports.data",
    "RuleHit": "verzuimdesk.domain.engine",
    "SchoolSettings": "verzuimdesk.importers.schoolfile",
    "Span": "verzuimdesk.domain.calendar",
    "Topic": "verzuimdesk.domain.disclosure",
    "WEEKDAYS_NL": "verzuimdesk.domain.calendar",
    "conversation_topic": "verzuimdesk.domain.disclosure",
    "public_rule_text": "verzuimdesk.domain.disclosure",
    "failure_reason": "verzuimdesk.domain.file_errors",
    "file_reason": "verzuimdesk.domain.file_errors",
    "format_date": "verzuimdesk.domain.dutch",
    "full_name": "verzuimdesk.domain.dutch",
    "hours": "verzuimdesk.domain.dutch",
    "number": "verzuimdesk.domain.dutch",
    "sort_key": "verzuimdesk.domain.dutch",
    "sort_name": "verzuimdesk.domain.dutch",
    "list_protocols": "verzuimdesk.importers.protocol_files",
    "load_protocol": "verzuimdesk.importers.protocol_files",
    "one_decimal": "verzuimdesk.domain.dutch",
    "parse_date": "verzuimdesk.importers.values",
    "parse_span": "verzuimdesk.importers.values",
    "whole_hours": "verzuimdesk.domain.dutch",
}
__all__ = sorted(_FROM)


__getattr__ = lender(__name__, _FROM, globals())
