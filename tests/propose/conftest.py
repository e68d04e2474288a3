"""Fixtures for the propose tests; shared helpers live in tests/propose_support.py."""

import pytest
from propose_support import Lexicon, make_lexicon


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return make_lexicon()
