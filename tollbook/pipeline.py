"""read → compile → derive → validate: the tables a release is made of, or every reason it can't be."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tollbook.derive import derive_tables
from tollbook.extract.compile import compile_tables
from tollbook.extract.dataset import Dataset, read_dataset
from tollbook.extract.record_cache import ParsedCache, cache_for
from tollbook.problems import InvalidInput, Problem, sort_problems
from tollbook.validate.run import validate_tables


@dataclass
class Prepared:
    dataset: Dataset
    tables: dict[str, pd.DataFrame]
    problems: list[Problem]


def prepare(dataset_dir: Path, jobs: int = 1, cache: ParsedCache | None = None) -> Prepared:
    """Everything checked; problems are returned, not raised (see :func:`prepare_or_raise`).

    ``cache`` defaults to :func:`~tollbook.extract.record_cache.cache_for` the dataset
    (``<project>/.tollbook-cache``, or ``TOLLBOOK_CACHE``); ``jobs`` processes parse the files.
    """
    cache = cache if cache is not None else cache_for(Path(dataset_dir))
    with fewer_collections():
        ds = read_dataset(Path(dataset_dir), cache, jobs)
        raw, problems = compile_tables(ds)
        typed, found = validate_tables(derive_tables(raw), ds)
    return Prepared(ds, typed, sort_problems(ds.problems + problems + found))


#: Garbage-collector thresholds while preparing. Parsing creates millions of long-lived objects
#: (models, rows) and few cycles; at the default (700, 10, 10) the collector rescans them so often
#: that it took a third of the read phase at 10k documents.
PREPARE_GC_THRESHOLDS = (100_000, 50, 1000)


@contextmanager
def fewer_collections():
    before = gc.get_threshold()
    gc.set_threshold(*PREPARE_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def prepare_or_raise(dataset_dir: Path, jobs: int = 1, cache: ParsedCache | None = None) -> Prepared:
    options = {k: v for k, v in (("jobs", jobs), ("cache", cache)) if v not in (1, None)}
    prepared = prepare(dataset_dir, **options)
    if prepared.problems:
        raise InvalidInput(prepared.problems)
    return prepared
