"""Where the words a pattern can begin with start, found once per document.

Most patterns can only begin where a word of a few kinds begins (an outcome verb, a number,
a qualifier such as "at least"). Trying such a pattern only there finds exactly what
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


#: The last few texts :func:`starts_of` was asked about (a document, and short phrases
#: looked up while it is read), each with its starts by pattern.
_RECENT: list[tuple[str, dict[re.Pattern[str], list[int] | None]]] = []
_KEEP = 4


def starts_of(view: str, pattern: re.Pattern[str]) -> list[int] | None:
    """Sorted positions where ``pattern`` matches the lower-cased ``view``; None if not ASCII."""
    found: dict[re.Pattern[str], list[int] | None] | None
    if _RECENT and _RECENT[0][0] is view:  # asked about the same document again and again
        found = _RECENT[0][1]
    else:
        found = next((f for text, f in _RECENT if text is view), None)
    if found is None:
        found = {}
        _RECENT.insert(0, (view, found))
        del _RECENT[_KEEP:]
    if pattern not in found:
        low = lowered(view)
        found[pattern] = None if low is None else [m.start() for m in pattern.finditer(low)]
    return found[pattern]


def starts_within(view: str, pattern: re.Pattern[str], start: int, end: int) -> list[int] | None:
    """Like :func:`starts_of`, within ``[start, end)`` only (nothing kept): for patterns asked
    about a few stretches of a page."""
    low = lowered(view)
    return None if low is None else [m.start() for m in pattern.finditer(low, start, end)]


def between(starts: list[int], start: int, end: int) -> Iterator[int]:
    """The positions of sorted ``starts`` within ``[start, end)``."""
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        yield starts[i]
        i += 1


def any_between(starts: list[int], start: int, end: int) -> bool:
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


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
