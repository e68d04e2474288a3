"""Where the words a number can begin with start (used by the number reader).

A number can only begin where a word of a few kinds begins (a digit, a number word, a
qualifier such as "at least"). Keywords of every other kind are found by the one pass of
:mod:`.tagger`. Trying such a pattern only there finds exactly what
searching the whole stretch finds, and far faster: a plain search tries every alternative
of the pattern at every position. The starts are found by one pattern of word beginnings
(grouped by first letter, so the regex engine skips to those letters), and only in ASCII
text, whose lower-cased copy keeps its offsets; callers search other text as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from tollbook.extract.propose.text import lowered


def word_starts(beginnings: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching, in lower-case text, where a word begins with one of ``beginnings``.

    Each beginning is a regex in lower case starting with a plain letter or digit. Only the
    first letter is consumed, so no beginning hides another.
    """
    groups: dict[str, list[str]] = {}
    for b in sorted(set(beginnings), key=lambda b: (-len(b), b)):
        groups.setdefault(b[0], []).append(b[1:])
    return re.compile("|".join(
        f"{re.escape(first)}(?<![a-z0-9_]{re.escape(first)})"
        + ("" if "" in rest else f"(?={'|'.join(rest)})")
        for first, rest in sorted(groups.items())
    ))


def starts_within(view: str, pattern: re.Pattern[str], start: int, end: int) -> list[int] | None:
    """Sorted positions where ``pattern`` matches the lower-cased ``view`` within
    ``[start, end)``; None if the text is not ASCII. Nothing is kept between calls."""
    low = lowered(view)
    return None if low is None else [m.start() for m in pattern.finditer(low, start, end)]


def between(starts: list[int], start: int, end: int) -> Iterator[int]:
    """The positions of sorted ``starts`` within ``[start, end)``."""
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        yield starts[i]
        i += 1


def match_at(pattern: re.Pattern[str], low: str, starts: list[int], start: int, end: int
             ) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(low, start, end)`` yields, when matches begin only at ``starts``."""
    last = start
    for p in between(starts, start, end):
        if p < last:
            continue
        m = pattern.match(low, p, end)
        if m is not None:
            yield m
            last = m.end()
