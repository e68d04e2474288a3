"""A place a report describes first and names only after.

Leads are often written "air strikes on a town in eastern Syria killed 23 … The strikes hit
Al-Mayadin", "a rebel-held Syrian town", "a neighbourhood of the city of Aleppo held by …",
"a village near the capital". The place the sentence names ("Syria", "Aleppo") only holds
the place of the events; the next sentences name it. :func:`describes_site` tells when a
place mention is used that way, from the lexicon's ``unnamed_sites`` words; :func:`named_after`
finds the first place the following text names inside it.

Inside means: in the same country (for a country), in the same first-level unit and finer
(for a province or district), in the same first-level unit and not wider than a town (for a
town: its neighbourhoods, a village near it). After "near", "outside", "close to" a town,
the same country will do: "a region near Damascus" may lie in the next province.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.tagger import Words
from tollbook.extract.propose.text import WORD_OR_SIGN

#: The words of the stretch before a place that may describe it (a lead's noun phrase).
_WORDS_BEFORE = 12
#: Words between a site noun and the place that holds it ("a town in eastern Syria held").
_GAP = 10
#: Words between the determiner and the site noun ("a predominantly Kurdish-populated town").
_MODIFIERS = 3
#: The where-precision of a first-level unit and of a country (UCDP's scale).
ADMIN1_PRECISION, COUNTRY_PRECISION = 4, 6


def _tokens(text: str) -> list[str]:
    return [w.lower().removesuffix("'s").removesuffix("’s") for w in WORD_OR_SIGN.findall(text)]


def describes_site(view: str, place: NameMention, start: int, determiners: frozenset[str],
                   nouns: frozenset[str], prepositions: frozenset[str],
                   surroundings: frozenset[str] = frozenset()) -> str | None:
    """The preposition (or "" when the place is an adjective of the site: "a rebel-held Syrian
    town") when the sentence gives ``place`` only as what holds an unnamed site; else None.
    ``start`` is the sentence's first character."""
    if not determiners or not nouns:
        return None
    before = _tokens(view[max(start, place.start - 120):place.start])[-_WORDS_BEFORE:]
    after = _tokens(view[place.end:place.end + 40])[:2]
    # the place as the site's adjective: "a rebel-held Syrian town", "an Idlib village"
    if after and _is_noun(after, nouns) and _determined(before, len(before), determiners):
        return ""
    # the site, then a preposition, then the place: "a town in eastern Syria"; "a district
    # of the city of Hasakeh" (a noun naming the place itself, "the city of", is passed by)
    for i in range(len(before) - 1, max(-1, len(before) - _GAP - 2), -1):
        word = before[i]
        if word in (".", ";", ":", "!", "?", '"'):
            return None
        if word not in nouns and word not in surroundings \
                and " ".join(before[i - 1:i + 1]) not in nouns:
            continue
        preposition = _preposition(before[i + 1:], prepositions)
        if preposition is not None and word in surroundings:
            return "outside"  # "on the outskirts of Damascus": a place near it
        if preposition is not None and (_determined(before, i, determiners)
                                        or word.endswith("s")):
            return preposition
    return None


def names_a_site(view: str, start: int, end: int, determiners: frozenset[str],
                 nouns: frozenset[str]) -> bool:
    """The sentence ``view[start:end]`` tells of a site it does not name ("killed 223
    civilians in two villages on Sunday")."""
    words = _tokens(view[start:end])
    return any((w in nouns or " ".join(words[i - 1:i + 1]) in nouns)
               and _determined(words, i, determiners) for i, w in enumerate(words))


def _is_noun(after: list[str], nouns: frozenset[str]) -> bool:
    return after[0] in nouns or " ".join(after) in nouns


def _determined(words: list[str], noun: int, determiners: frozenset[str]) -> bool:
    """A determiner among the few words before ``words[noun]``, with no sentence sign between."""
    for w in reversed(words[max(0, noun - _MODIFIERS - 1):noun]):
        if w in determiners:
            return True
        if not (w[0].isalnum() or w in ("-",)):
            return False
    return False


def _preposition(gap: list[str], prepositions: frozenset[str]) -> str | None:
    """The first preposition of the words between a site and its holder, if any."""
    for i, w in enumerate(gap):
        if i + 1 < len(gap) and f"{w} {gap[i + 1]}" in prepositions:
            return f"{w} {gap[i + 1]}"
        if w in prepositions:
            return w
    return None


@dataclass(frozen=True)
class PlaceTables:
    """What the reference tables say of each place: its where-precision, its first-level unit
    and its country (by location id)."""

    where_prec: Mapping[str, int] = field(default_factory=dict)
    admin1: Mapping[str, str] = field(default_factory=dict)
    country: Mapping[str, str] = field(default_factory=dict)


def named_after(view: str, place: NameMention, preposition: str,
                mentions: Iterable[NameMention], after: int, until: int, words: Words,
                tables: PlaceTables) -> NameMention | None:
    """The first place named in ``[after, until)`` as where something is ("in", "at", "on"
    it: not "from" it, nor "Damascus said") that lies inside ``place``; None when a town
    written is itself named so first ("on the outskirts of Raqqa … strikes on Raqqa and
    Tabqa": Raqqa)."""
    wide = tables.where_prec.get(str(place.ref_id))
    if wide is None:
        return None
    for m in mentions:
        if m.start < after or m.kind != "location":
            continue
        if m.start >= until:
            break
        if m.ref_id == place.ref_id:
            if wide < ADMIN1_PRECISION and located(view, m, words):
                return None
            continue
        if _same_name(m.text, place.text, words.site_nouns | words.place_nouns):
            continue  # "Idlib province … in Idlib": the province again, not its capital
        if _inside(str(m.ref_id), str(place.ref_id), wide,
                   preposition in words.landmark_prepositions, tables) \
                and located(view, m, words):
            return m
    return None


def _same_name(a: str, b: str, nouns: frozenset[str]) -> bool:
    """Two names of one place but for its kind ("Idlib", "Idlib province", "the province of
    Idlib")."""
    def bare(name: str) -> str:
        return " ".join(w for w in _tokens(name) if w not in nouns and w not in ("of", "the"))

    return bare(a) == bare(b)


def located(view: str, m: NameMention, words: Words) -> bool:
    """The mention names where something happened: after a preposition of place (a few
    modifiers or a place noun between: "in the northern town of Khan Sheikhun"), after a
    site noun ("two villages, Tokhar and …") or a verb of attack ("raids hit Babeska"), or
    before its own description ("Babeska, a village in …"): the lexicon's place prepositions,
    site and place nouns, and ``unnamed_sites.verbs``."""
    prepositions, verbs = words.place_prepositions, words.site_verbs
    nouns = words.site_nouns | words.place_nouns
    before = _tokens(view[max(0, m.start - 60):m.start])[-5:]
    after = [w for w in _tokens(view[m.end:m.end + 40])[:3] if w != ","]
    if len(after) >= 2 and after[0] in ("a", "an", "the") and after[1] in nouns:
        return True
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w in NOT_WHERE:
            return False
        if (w in prepositions or " ".join(before[i - 1:i + 1]) in prepositions
                or w in verbs or (w in nouns and i == len(before) - 1)):
            return True
        if not w[0].isalnum():
            return False
    return False


#: Prepositions of place that tell where someone comes from, not where something happened.
NOT_WHERE = frozenset(("from", "to", "toward", "towards", "into"))


def _inside(inner: str, outer: str, wide: int, landmark: bool, tables: PlaceTables) -> bool:
    where_prec, admin1, country = tables.where_prec, tables.admin1, tables.country
    fine = where_prec.get(inner)
    if fine is None or country.get(inner) != country.get(outer):
        return False
    if wide >= COUNTRY_PRECISION:
        return fine < COUNTRY_PRECISION
    if fine >= ADMIN1_PRECISION:
        return False
    if landmark and wide < ADMIN1_PRECISION:
        return True
    return admin1.get(inner) is not None and admin1.get(inner) == admin1.get(outer)
