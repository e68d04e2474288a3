"""Parts of a place written by who holds them or where they lie: "rebel-held areas of Aleppo",
"the besieged eastern parts of the city", "the east of the city".

Reports of a divided city or region name its parts so more often than by name. A dataset
whose tables have such a part as a place of its own (an "East Aleppo" for the districts
rebels held from 2012 to 2016) says so in its rules file (``held_areas``: the part, the place
it lies in, the side words and direction that name it, the period); the lexicon's
``held_areas`` words say how such phrases are written. :func:`held_area_mentions` adds a place
mention for each phrase that names a part of the dataset's, replacing the mention of the
place it is "of".
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.rules import HeldArea
from tollbook.extract.propose.tagger import Words

#: A word, with a hyphenated side ("rebel-held") kept whole.
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
#: Words from the side or direction word to the part noun ("rebel-held eastern districts").
_TO_PART = 3
#: How far after the part noun the place it is "of" may be named ("of the divided second
#: city of Aleppo").
_HOLDER_REACH = 60
_OF = re.compile(r"\s+(?:of|in)\s+(?P<rest>[^.;:!?\"]*)$")
_THE_CITY = re.compile(r"\s+(?:of|in)\s+the\s+(?:city|capital|town)\b")


@dataclass(frozen=True)
class _Phrase:
    start: int
    end: int  # the part noun's end
    side: str | None
    direction: str | None


@functools.lru_cache(maxsize=8)
def _triggers(held: frozenset[str], directions: frozenset[str]) -> re.Pattern[str]:
    """Where a phrase may start: a word ending in a held word ("rebel-held", "besieged"), or
    "the" and a direction ("the east", "the eastern"): one search over the text, the few
    words after each match read on their own."""
    def alts(words: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    return re.compile(rf"(?i)(?<![a-z])(?:{alts(held)})\b|\bthe\s+(?=(?:{alts(directions)})\b)")


def _phrases(view: str, words: Words) -> list[_Phrase]:
    found = []
    triggers = _triggers(words.held_words, frozenset(words.held_directions))
    for hit in triggers.finditer(view):
        start = hit.start()
        if hit.group(0)[3:4].isspace():  # "the " before a direction
            start = hit.end()
        else:  # back over a hyphenated side ("rebel-held", "pro-government-held")
            while start > 1 and view[start - 1] == "-" and view[start - 2].isalpha():
                start -= 1
                while start > 0 and view[start - 1].isalpha():
                    start -= 1
        tokens = [(m.start(), m.end(), m.group(0).lower())
                  for m in itertools.islice(_WORD.finditer(view, start), _TO_PART + 1)]
        if not tokens:
            continue
        word = tokens[0][2]
        parts = word.split("-")
        side = None
        if parts[-1] in words.held_words:
            side = parts[0] if len(parts) > 1 else word  # "rebel-held"; "besieged" alone
        elif word not in words.held_directions:
            continue  # a direction only after "the": "the east of the city", not "east of"
        for j, (_s, end, token) in enumerate(tokens):
            if token in words.held_parts and (j > 0 or side is None):
                direction = next((words.held_directions[t[2]] for t in tokens[:j + 1]
                                  if t[2] in words.held_directions), None)
                found.append(_Phrase(tokens[0][0], end, side, direction))
                break
    return found


def held_area_mentions(view: str, mentions: list[NameMention], words: Words,
                       areas: Sequence[HeldArea], day: dt.date | None) -> list[NameMention]:
    """``mentions`` with a mention of the dataset's part for each phrase naming one (see the
    module's note), in text order; the mention of the place it is "of" is replaced by it."""
    if not areas or not words.held_parts:
        return mentions
    places = [m for m in mentions if m.kind == "location"]
    towns = frozenset(a.within for a in areas)
    if not any(m.ref_id in towns for m in places):
        return mentions  # a part is only ever of a place the text names
    out = list(mentions)
    changed = False
    for phrase in _phrases(view, words):
        if any(m.start < phrase.end and phrase.start < m.end for m in places):
            continue  # a name of the tables ("rebel-held east Aleppo") says it already
        holder, end = _holder(view, phrase, places, towns)
        if holder is None:
            continue
        area = next((a for a in areas if a.within == holder.ref_id and a.holds(day)
                     and _names(a, phrase)), None)
        if area is None:
            continue
        if end > phrase.end and holder in out:
            out.remove(holder)
        out.append(NameMention(phrase.start, end, view[phrase.start:end], "location", area.area,
                               "held_area"))
        changed = True
    return sorted(out, key=lambda m: m.start) if changed else mentions


def _names(area: HeldArea, phrase: _Phrase) -> bool:
    """A side word names the area when it is one of its sides; a direction alone when it is
    the area's."""
    if phrase.side is not None:
        return phrase.side in area.held_by
    return phrase.direction is not None and phrase.direction == area.direction


def _holder(view: str, phrase: _Phrase, places: list[NameMention], towns: frozenset[str]
            ) -> tuple[NameMention | None, int]:
    """The place the phrase is a part of, and where the phrase ends: the place named right
    after "of"/"in" ("areas of Syria's Aleppo": the phrase runs to its end), else the town
    named last before it ("the east of the city", "in a rebel-held district"; one of
    ``towns``, the places ``within`` of the dataset's areas), else the place named last."""
    after = next((m for m in places
                  if phrase.end <= m.start <= phrase.end + _HOLDER_REACH
                  and _OF.match(view[phrase.end:m.start] + " ")), None)
    if after is not None and not _THE_CITY.match(view, phrase.end):
        return after, after.end
    earlier = [m for m in places if m.end <= phrase.start]
    before = next((m for m in reversed(earlier) if m.ref_id in towns), None) or \
        (earlier[-1] if earlier else None)
    return before, phrase.end
