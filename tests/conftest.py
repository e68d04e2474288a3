import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import factories  # noqa: E402


@pytest.fixture
def tiny_dataset(tmp_path: Path) -> Path:
    """A small valid dataset written from scratch (see tests/factories.py)."""
    return factories.make_dataset(tmp_path)


@pytest.fixture
def seed_dataset(tmp_path: Path) -> Path:
    """A scratch copy of the repository's curated dataset."""
    return factories.copy_seed_dataset(factories.REPO, tmp_path)


@pytest.fixture(scope="session")
def repo_release_root(tmp_path_factory) -> Path:
    """A scratch project root (dataset/ + releases/) with the repository's dataset, the committed
    releases before the one it names, and that release built fresh from it: built once per test
    process and shared (the whole pipeline over every curated file is the suite's costliest step).
    Read it; never change it."""
    sys.path.insert(0, str(factories.REPO / "scripts"))
    try:
        import readme_examples
    finally:
        sys.path.pop(0)
    return readme_examples.prepare_root(tmp_path_factory.mktemp("repo-release"))
