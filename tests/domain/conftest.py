"""Fixtures of the domain tests: the shipped protocols, loaded once."""

from __future__ import annotations

import pytest

from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.importers.protocol_files import load_protocol


@pytest.fixture(scope="session")
def hw() -> Protocol:
    return load_protocol("hoeksche-waard-po")


@pytest.fixture(scope="session")
def dh() -> Protocol:
    return load_protocol("haaglanden-po")


@pytest.fixture(scope="session")
def tb() -> Protocol:
    return load_protocol("tilburg-po")


@pytest.fixture(scope="session")
def am() -> Protocol:
    return load_protocol("amsterdam-vo")
