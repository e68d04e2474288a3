"""A figure told of the whole war, not of the place the story is about.

Reports close with the war's toll: "the five-year war that has claimed over 300,000 lives",
"The conflict has killed more than 280,000 people", "more than a quarter of a million people
have been killed … across the war-battered country". Such a figure's place is the country,
whatever town the sentence or the story names. :func:`war_wide` tells when a figure is one,
from the lexicon's ``war_wide`` words: a war noun shortly before the figure with no place
named between them, or a country-wide phrase shortly after it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.text import WORD_OR_SIGN

#: Words before a figure within which a war noun makes it the war's toll (room for a
#: clause: "The war, which began when Russia invaded in February 2022, has killed 10,000").
_BEFORE = 20
#: Words after a figure within which "across the country" makes it the war's toll.
_AFTER = 25
_CLAUSE_END = frozenset(".;:!?")


def war_wide(view: str, start: int, end: int, number: tuple[int, int],
             places: Iterable[NameMention], nouns: frozenset[str],
             scopes: tuple[tuple[str, ...], ...],
             prepositions: frozenset[str] = frozenset(),
             events: frozenset[str] = frozenset(),
             heads: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The span of the words that make the figure at ``number`` a toll of the whole war (a war
    noun before it, or a country-wide phrase after it, where "*" stands for any one word:
    "across the * country"), or None. ``start``/``end`` bound the
    sentence; a place named after one of ``prepositions`` between the war noun and the
    figure makes the figure that place's ("the war in Taiz killed 12"; "the war, which began
    when Russia invaded, has killed" is the war's), and so does one of ``events`` ("in the
    war's latest escalation, air strikes killed 12"). The war noun heads its phrase: the word
    after it is a sign, one of ``heads`` ("that", "which", "has", "in") or a past tense
    ("the war erupted"), not a noun it modifies ("War jets struck", "a war monitor said")."""
    if not nouns and not scopes:
        return None
    at, after_number = number
    before = list(WORD_OR_SIGN.finditer(view, max(start, at - 200), at))[-_BEFORE:]
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t.group() in _CLAUSE_END:
            break
        two = " ".join(x.group().lower() for x in before[i:i + 2])
        if t.group().lower() in events or two in events:
            break
        noun = t.group().lower() in nouns or two in nouns
        if noun and _head(view, t.end() if t.group().lower() in nouns else before[i + 1].end(),
                          at, heads):
            if any(t.end() <= p.start < at and _after_preposition(view, p.start, prepositions)
                   for p in places):
                break  # "the war in Yemen's Taiz killed 12": Taiz's toll
            return t.start(), t.end()
    after = list(WORD_OR_SIGN.finditer(view, after_number,
                                       min(end, after_number + 160)))[:_AFTER]
    lowered = [t.group().lower() for t in after]
    by_first = _by_first(scopes)
    for i in range(len(after)):
        if after[i].group() in _CLAUSE_END:
            break
        for scope in by_first.get(lowered[i], ()):
            got = lowered[i:i + len(scope)]
            if len(got) == len(scope) and all(w == x or w == "*" and x[0].isalnum()
                                              for w, x in zip(scope, got, strict=True)):
                return after[i].start(), after[i + len(scope) - 1].end()
    return None


@functools.lru_cache(maxsize=4)
def _by_first(scopes: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """The scope phrases by their first word (none starts with a wildcard)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for scope in scopes:
        if scope:
            out.setdefault(scope[0], []).append(scope)
    return out


def _head(view: str, after: int, at: int, heads: frozenset[str]) -> bool:
    nxt = WORD_OR_SIGN.search(view, after, at)
    if nxt is None:
        return True
    w = nxt.group().lower()
    return not w[0].isalnum() or w in heads or w.endswith("ed") or w[0].isdigit()


def _after_preposition(view: str, at: int, prepositions: frozenset[str]) -> bool:
    words = [t.lower() for t in WORD_OR_SIGN.findall(view[max(0, at - 40):at])][-3:]
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and (words[-1] in prepositions or " ".join(words[-2:]) in prepositions)


def country_place(context: Iterable[NameMention], country: Mapping[str, str],
                  countries: Mapping[str, str]) -> str | None:
    """The location id of the country of the first of ``context``'s places the reference
    tables give a country (the story's place first), or None."""
    for p in context:
        iso3 = country.get(str(p.ref_id))
        if iso3 and iso3 in countries:
            return countries[iso3]
    return None


def country_ids(where_prec: Mapping[str, int], country: Mapping[str, str],
                country_precision: int) -> dict[str, str]:
    """Each country's own location id (the place of where-precision ``country_precision``)."""
    out: dict[str, str] = {}
    for loc, prec in sorted(where_prec.items()):
        if prec == country_precision and loc in country:
            out.setdefault(country[loc], loc)
    return out
