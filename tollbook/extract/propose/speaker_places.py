"""A place that says where a source is, not where the events were.

"A source at Aleppo province said …", "a hospital source in Hassakeh city said there were more
than 20 dead", "The Homs governor said five were killed": the place belongs to the source's
description. A figure of the sentence is placed by the sentence's other places, else by the
story's place, and by the source's place only when there is nothing else. The words that
make such a description are the lexicon's ``speaker_places``.
"""

from __future__ import annotations

from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.text import WORD_OR_SIGN

#: Words between a source noun and the place ("a source at the Aleppo police command").
_BEFORE = 4
#: Prepositions joining a source to its place.
_JOINS = frozenset(("at", "in", "from", "of", "inside", "within"))


def speaks_from(view: str, place: NameMention, before: frozenset[str],
                after: frozenset[str]) -> bool:
    """True when ``place`` is part of a source's description ("a source in Hassakeh city",
    "the Homs governor")."""
    if not before and not after:
        return False
    following = [t.lower()
                 for t in WORD_OR_SIGN.findall(view[place.end:place.end + 40])[:3]]
    for n in (1, 2, 3):
        if " ".join(following[:n]) in after:
            return True
        if n == 1 and following[:1] and following[0] in ("province", "governorate", "city"):
            rest = following[1:]
            if rest and (rest[0] in after or " ".join(rest[:2]) in after):
                return True
    preceding = [t.lower()
                 for t in WORD_OR_SIGN.findall(view[max(0, place.start - 60):place.start])]
    preceding = preceding[-_BEFORE:]
    for i in range(len(preceding) - 1, -1, -1):
        w = preceding[i]
        if w in _JOINS:
            return i > 0 and preceding[i - 1] in before
        if not w[0].isalnum():
            return False
    return False
