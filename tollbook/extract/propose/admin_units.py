"""A town's name standing for its province: "Idleb province", "the northwestern province of
Idlib", "the Aleppo region".

The reference tables name a province and its capital alike ("Idlib"), and list a few of the
ways reports write the province ("Idlib province", "province of Idlib") as variants. Reports
write it many other ways: another spelling before the noun ("Idleb province"), adjectives
between ("the northwestern province of Idlib"). A place mention of a town's kind (the tables'
``feature_type``) right after one of the lexicon's ``admin_nouns`` and "of", or right before
one, or after or before one of its ``countryside`` words ("rural Idlib", "the Idlib
countryside"), is read as the first-level unit holding the town, when the tables have that unit (a
place of ``feature_type`` admin1 with the town's ``admin1``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.tagger import Words
from tollbook.extract.propose.text import NEXT_WORD
from tollbook.extract.propose.unnamed_sites import ADMIN1_PRECISION, SETTLEMENTS, PlaceTables

#: "province of " right before the name (an adjective or two may come before the noun).
_BEFORE = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?$")
#: The word right before the name ("rural Idlib").
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
#: "and its countryside" after the name, an adjective allowed ("and the neighbouring
#: countryside"): the town and the land around it, its province.
_AND_AROUND = re.compile(r"\s+and\s+(?:its|the)\s+(?:[a-z]+\s+)?([a-z]+)\b")


def units_of(tables: PlaceTables) -> dict[str, str]:
    """Each first-level unit's place in the tables (the ``admin1`` code → the location id of
    the place of ``feature_type`` admin1 with that code)."""
    return {tables.admin1[loc]: loc for loc, kind in tables.feature.items()
            if kind == "admin1" and loc in tables.admin1}


def _unit_of(ref_id: str, tables: PlaceTables, units: Mapping[str, str]) -> str | None:
    """The first-level unit holding the place ``ref_id`` (see :func:`units_of`)."""
    return units.get(tables.admin1.get(ref_id, ""))


def as_units(view: str, mentions: list[NameMention], words: Words, tables: PlaceTables,
             units: Mapping[str, str]) -> list[NameMention]:
    """``mentions`` with each town named as its province ("Idleb province") or its
    countryside ("rural Idlib", "Aleppo and its countryside") replaced by the province: the
    mention then spans the words after the name too."""
    nouns = words.admin_nouns | words.countryside_after
    # "the province of Idlib", "the countryside of Raqqa"; not "the region of Al-Quriyah",
    # which names a town's area
    units_before = words.unit_anaphora | words.countryside_after
    if not nouns or not units:
        return mentions
    out = []
    for m in mentions:
        unit = _unit_of(m.ref_id, tables, units) \
            if m.kind == "location" and tables.feature.get(m.ref_id) in SETTLEMENTS else None
        if unit is None:
            out.append(m)
            continue
        after = NEXT_WORD.match(view, m.end)
        around = _AND_AROUND.match(view, m.end)
        before = _BEFORE.search(view, max(0, m.start - 30), m.start)
        word_before = _WORD_BEFORE.search(view, max(0, m.start - 20), m.start)
        if around is not None and around.group(1) in words.countryside_after:
            out.append(NameMention(m.start, around.end(), view[m.start:around.end()], m.kind,
                                   unit, "unit"))
        elif after is not None and after.group(1).lower() in nouns:
            out.append(NameMention(m.start, after.end(), view[m.start:after.end()], m.kind, unit,
                                   "unit"))
        elif before is not None and before.group(1).lower() in units_before or \
                word_before is not None and word_before.group(1).lower() in \
                words.countryside_before:
            out.append(NameMention(m.start, m.end, m.text, m.kind, unit, "unit"))
        else:
            out.append(m)
    return out


@functools.lru_cache(maxsize=8)
def _anaphora(nouns: frozenset[str], around: frozenset[str]) -> re.Pattern[str]:
    """"the province", "the northwestern province" (not "the province of …", which names it),
    "the city and its countryside"."""
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    land = "|".join(re.escape(n) for n in sorted(around, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\b[Tt]he\s+(?:(?:[a-z][a-z-]+\s+)?(?:{alts})\b(?!\s+of\b)|"
                      rf"(?:city|town)\s+and\s+(?:its\s+|the\s+)?(?:[a-z]+\s+)?(?:{land})\b)")


def unit_anaphora(view: str, mentions: list[NameMention], words: Words, tables: PlaceTables,
                  units: Mapping[str, str]) -> list[NameMention]:
    """``mentions`` and, for each "the province" the text writes without a name (or "the city
    and its countryside"), the first-level unit of the place named last before it ("The
    attack in Idlib came a day after air strikes killed 26 people in the province"), in text
    order."""
    if not words.unit_anaphora or not units:
        return mentions
    places = [m for m in mentions if m.kind == "location"]
    added = []
    for found in _anaphora(words.unit_anaphora, words.countryside_after).finditer(view):
        last = next((m for m in reversed(places) if m.end <= found.start()), None)
        unit = None
        if last is not None and tables.feature.get(last.ref_id) == "admin1":
            unit = last.ref_id  # "Idlib province … in the province"
        elif last is not None and tables.where_prec.get(last.ref_id, 9) < ADMIN1_PRECISION:
            unit = _unit_of(last.ref_id, tables, units)  # a town: its province
        if unit is not None:
            added.append(NameMention(found.start(), found.end(), found.group(0), "location", unit,
                                     "anaphora"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions
