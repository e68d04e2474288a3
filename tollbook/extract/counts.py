"""Turn a figure as the text puts it ("at least 45", "dozens") into low / best / high."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tollbook.extract.record_format import CountSpec


@dataclass(frozen=True)
class Bounds:
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    vague_word: str | None


def _int_or_none(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def conventions_by_word(vague_quantities: pd.DataFrame) -> dict[str, tuple[int | None, ...]]:
    """word → (low, best, high) from the conventions table."""
    out = {}
    for row in vague_quantities.itertuples(index=False):
        try:
            out[str(row.word).lower()] = tuple(_int_or_none(v) for v in (row.low, row.best, row.high))
        except (TypeError, ValueError):
            continue  # the conventions table's own schema check reports the bad cell
    return out


def bounds(spec: CountSpec, conventions: dict[str, tuple[int | None, ...]]) -> tuple[Bounds, str | None]:
    """The bounds a count implies, and a problem message if its vague word is unknown.

    exact: low = best = high = value. at_least: low = best = value, no high.
    at_most: best = high = value, no low. approximately: best = value, no bounds.
    vague: the word's convention sets low, best and high (a value, if given, is the best).
    Explicit low / best / high in the record override all of these.
    """
    value, q = spec.value, spec.qualifier
    low = best = high = None
    word = spec.word.lower() if spec.word else None
    error = None
    if q == "exact":
        low = best = high = value
    elif q == "at_least":
        low = best = value
    elif q == "at_most":
        best = high = value
    elif q == "approximately":
        best = value
    elif q == "vague":
        if word is not None:
            if word in conventions:
                low, best, high = conventions[word]
            else:
                error = f"vague word {spec.word!r} has no row in reference/vague_quantities.csv"
        if value is not None:
            best = value
    low = spec.low if spec.low is not None else low
    best = spec.best if spec.best is not None else best
    high = spec.high if spec.high is not None else high
    return Bounds(low, best, high, q, word if q == "vague" else None), error
