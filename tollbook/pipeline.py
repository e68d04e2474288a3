"""read → compile → derive → validate (→ compare with the catalogued releases): the tables a release
is made of, or every reason it can't be. ``tollbook check`` is this; ``tollbook build`` is this, then
writing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tollbook.collections_policy import fewer_collections
from tollbook.contract.problems import InvalidInput, Problem, TollbookError, sort_problems
from tollbook.derive import derive_tables
from tollbook.extract.compile import compile_tables
from tollbook.extract.dataset import Dataset, read_dataset
from tollbook.extract.record_cache import ParsedCache, cache_for
from tollbook.validate.rules.context import ReleaseHistory
from tollbook.validate.run import validate_against_releases, validate_tables


@dataclass
class Prepared:
    dataset: Dataset
    tables: dict[str, pd.DataFrame]
    problems: list[Problem]
    #: the catalogued releases the tables were checked against (None: not checked)
    history: ReleaseHistory | None = None


def prepare(dataset_dir: Path, jobs: int = 1, cache: ParsedCache | None = None,
            history: Callable[[str], ReleaseHistory] | None = None) -> Prepared:
    """Everything checked; problems are returned, not raised (see :func:`prepare_or_raise`).

    ``cache`` defaults to :func:`~tollbook.extract.record_cache.cache_for` the dataset
    (``<project>/.tollbook-cache``, or ``TOLLBOOK_CACHE``); ``jobs`` processes parse the files.
    ``history`` gives the catalogued releases for the version being built
    (:func:`tollbook.release.history.history_of`); a sound dataset is then checked against them.
    """
    if not Path(dataset_dir).is_dir():
        raise TollbookError(f"dataset folder {dataset_dir} does not exist (give --dataset, or set TOLLBOOK_ROOT)")
    cache = cache if cache is not None else cache_for(Path(dataset_dir))
    with fewer_collections():
        ds = read_dataset(Path(dataset_dir), cache, jobs)
        raw, problems = compile_tables(ds)
        typed, found = validate_tables(derive_tables(raw), ds)
    problems = sort_problems(ds.problems + problems + found)
    checked = None
    if history is not None and not problems and ds.release is not None:
        checked = history(ds.release.version)
        problems = validate_against_releases(typed, ds, checked)
    return Prepared(ds, typed, problems, checked)


def prepare_or_raise(dataset_dir: Path, jobs: int = 1, cache: ParsedCache | None = None,
                     history: Callable[[str], ReleaseHistory] | None = None) -> Prepared:
    options = {k: v for k, v in (("jobs", jobs), ("cache", cache), ("history", history)) if v not in (1, None)}
    prepared = prepare(dataset_dir, **options)
    if prepared.problems:
        raise InvalidInput(prepared.problems)
    return prepared
