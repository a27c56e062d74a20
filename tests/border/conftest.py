"""Fixtures of the border tests: the shipped protocols, loaded once."""

from __future__ import annotations

import pytest

from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.importers.protocol_files import load_protocol


@pytest.fixture(scope="session")
def hw() -> Protocol:
    return load_protocol("hoeksche-waard-po")


from tests.reports.conftest import school_db, with_cases  # noqa: E402,F401  (the reports' small school)
