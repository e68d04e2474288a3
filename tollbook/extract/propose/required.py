"""Words every match of a pattern holds, read from the pattern itself.

A rule is tried only in a sentence holding one of its anchor words (the document's tags),
but many patterns need more than their anchor: "the Observatory monitoring group said"
needs a kind of body ("group", "agency" …), "a monitor and a medical source said" needs
"and". :func:`required_words` reads such a set of words from the parsed pattern: every
match holds (in lower case) at least one of them, so a sentence in ASCII that holds none
cannot match and its search is skipped. Nothing is written by hand, so the words cannot
drift from the pattern a curator edits.

Only what a match consumes counts (a look-around may read outside the sentence searched),
and only ASCII characters of the pattern (ignoring case, a character beyond ASCII may match
an ASCII one: "ſ" matches "s", "K" (Kelvin) matches "k"); a sentence beyond ASCII is
always searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

#: More words than this cost more to look for than the pattern's search they may save.
MOST_WORDS = 12
#: Words shorter than this are in nearly every sentence (",", "a", "to"): a set holding one
#: is taken only when no other is found.
SHORT = 3

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required_words(pattern: re.Pattern[str], implied_by: Iterable[str] = ()
                   ) -> tuple[str, ...]:
    """Lower-case words one of which every match of ``pattern`` holds, or () when none is
    worth looking for. A set found in each of ``implied_by`` (the rule's anchor words, already
    known to be in any sentence searched) says nothing more and is not taken."""
    anchors = [a.lower() for a in implied_by]
    useful = [s for s in _word_sets(sre_parse.parse(pattern.pattern, pattern.flags))
              if len(s) <= MOST_WORDS
              and not (anchors and all(any(w in a for w in s) for a in anchors))]
    if not useful:
        return ()
    best: frozenset[str] = min(useful, key=_cost)
    return tuple(sorted(best))


def _cost(words: frozenset[str]) -> tuple[bool, int, int]:
    """How little a set of words tells (sorts first when it tells most): one with a short
    word last, then more words, then a shorter shortest word."""
    shortest = min(len(w) for w in words)
    return shortest < SHORT, len(words), -shortest


def _word_sets(items: Iterable[tuple]) -> list[frozenset[str]]:
    """Sets of words, each holding a word every match of the parsed sequence holds."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            found.append(frozenset(["".join(run).lower()]))
            run.clear()

    for op, arg in items:
        if op is sre.LITERAL and arg < 128:
            run.append(chr(arg))
            continue
        close_run()
        if op is sre.SUBPATTERN:  # (group, flags added, flags dropped, body)
            found.extend(_word_sets(arg[3]))
        elif op is sre.ATOMIC_GROUP:
            found.extend(_word_sets(arg))
        elif op in _REPEATS and arg[0] >= 1:  # (least, most, body): the body at least once
            found.extend(_word_sets(arg[2]))
        elif op is sre.BRANCH:  # (None, alternatives): a word of whichever one matched
            alternatives = [_word_sets(a) for a in arg[1]]
            if all(alternatives):
                found.append(frozenset().union(*(min(a, key=_cost) for a in alternatives)))
        # anything else (a class, a look-around, an anchor, an optional part) holds no word
    close_run()
    return found
