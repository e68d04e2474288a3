"""A place a report describes first and names only after.

Leads are often written "air strikes on a town in eastern Syria killed 23 … The strikes hit
Al-Mayadin", "a rebel-held Syrian town", "a neighbourhood of the city of Aleppo held by …",
"a village near the capital". The place the sentence names ("Syria", "Aleppo") only holds
the place of the events; the next sentences name it. :func:`describes_site` tells when a
place mention is used that way, from the lexicon's ``unnamed_sites`` words; :func:`named_after`
finds the first place the following text names inside it.

Inside means: in the same country (for a country), in the same first-level unit and finer
(for a province or district); for a town (``feature_type`` city, town or village), one of its
parts (a neighbourhood, a site) within 15 km of it, not the next town of its province. After
"near", "outside", "close to" a town, any place within 40 km of it will do: "a region near
Damascus" may lie in the next province. A town "in" a place of a town's kind ("a town in
Idlib") is in the first-level unit the name stands for (:func:`holder_precision`). Without
kinds and points in the tables, the first-level unit decides.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from tollbook.contract.vocabulary import FEATURE_TYPES
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


def place_words(text: str) -> list[str]:
    """The lower-case words and signs of ``text`` the place rules read, a possessive "'s"
    dropped ("Syria's" is "syria")."""
    return [w.lower().removesuffix("'s").removesuffix("’s") for w in WORD_OR_SIGN.findall(text)]


class Site(NamedTuple):
    """An unnamed site a sentence describes: its noun ("town", "districts") and the
    preposition joining it to the place that holds it ("in", "of"; "" when the place is the
    site's adjective, "outside" for its surroundings)."""

    preposition: str
    noun: str


def describes_site(view: str, place: NameMention, start: int, determiners: frozenset[str],
                   nouns: frozenset[str], prepositions: frozenset[str],
                   surroundings: frozenset[str] = frozenset(),
                   settlements: frozenset[str] = frozenset(),
                   landmarks: frozenset[str] = frozenset()) -> Site | None:
    """The unnamed site when the sentence gives ``place`` only as what holds one ("a town in
    eastern Syria", "a rebel-held Syrian town"); else None. ``start`` is the sentence's first
    character; a noun of ``settlements`` right before "of" and the place names it ("the towns
    of Huraytan and Anadan")."""
    if not determiners or not nouns:
        return None
    before = place_words(view[max(start, place.start - 120):place.start])[-_WORDS_BEFORE:]
    after = place_words(view[place.end:place.end + 40])[:2]
    # the place as the site's adjective: "a rebel-held Syrian town", "an Idlib village"
    if after and _is_noun(after, nouns) and _determined(before, len(before), determiners):
        return Site("", after[0] if after[0] in nouns else " ".join(after))
    # the site, then a preposition, then the place: "a town in eastern Syria"; "a district
    # of the city of Hasakeh" (a noun naming the place itself, "the city of", is passed by)
    for i in range(len(before) - 1, max(-1, len(before) - _GAP - 2), -1):
        word = before[i]
        if word in (".", ";", ":", "!", "?", '"'):
            return None
        if word not in nouns and word not in surroundings \
                and " ".join(before[i - 1:i + 1]) not in nouns:
            continue
        preposition = _preposition(before[i + 1:], prepositions, landmarks)
        if before[i + 1:] == ["of"] and word in settlements:
            continue  # "the towns of Huraytan, Hayyan …": the noun names the place itself
        if preposition is not None and word in surroundings:
            return Site("outside", word)  # "on the outskirts of Damascus": a place near it
        if preposition is not None and (_determined(before, i, determiners)
                                        or word.endswith("s")):
            return Site(preposition, word if word in nouns else " ".join(before[i - 1:i + 1]))
    return None


def names_a_site(view: str, start: int, end: int, determiners: frozenset[str],
                 nouns: frozenset[str]) -> bool:
    """The sentence ``view[start:end]`` tells of a site it does not name ("killed 223
    civilians in two villages on Sunday")."""
    words = place_words(view[start:end])
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


def _preposition(gap: list[str], prepositions: frozenset[str],
                 landmarks: frozenset[str] = frozenset()) -> str | None:
    """The first preposition of the words between a site and its holder, if any; a landmark
    preposition later in them says how the holder stands to the site ("a town in a
    de-escalation zone outside the capital Damascus": outside it)."""
    found = []
    for i, w in enumerate(gap):
        if i + 1 < len(gap) and f"{w} {gap[i + 1]}" in prepositions:
            found.append((i, f"{w} {gap[i + 1]}"))
        elif w in prepositions:
            found.append((i, w))
    # "the government-held west of Aleppo" is a part of it, not a place west of it
    landmark = next((p for i, p in reversed(found)
                     if p in landmarks and "the" not in gap[max(0, i - 2):i]), None)
    return landmark or (found[0][1] if found else None)


@dataclass(frozen=True)
class PlaceTables:
    """What the reference tables say of each place: its where-precision, its first-level unit,
    its country, its kind (``feature_type``) and its point (latitude, longitude), by
    location id."""

    where_prec: Mapping[str, int] = field(default_factory=dict)
    admin1: Mapping[str, str] = field(default_factory=dict)
    country: Mapping[str, str] = field(default_factory=dict)
    feature: Mapping[str, str] = field(default_factory=dict)
    point: Mapping[str, tuple[float, float]] = field(default_factory=dict)


def holder_precision(place: NameMention, site: Site, words: Words, tables: PlaceTables
                     ) -> int | None:
    """How wide ``place`` is as the holder of ``site``: its where-precision, but a town held
    "in" or "of" a place of a town's kind (the site's noun one of the lexicon's
    ``unnamed_sites.settlements``: "a town in Idlib") is in the first-level unit the name
    stands for, since a town does not lie in a town."""
    wide = tables.where_prec.get(str(place.ref_id))
    if wide is not None and site.noun in words.site_settlements \
            and site.preposition not in words.landmark_prepositions | {"outside"} \
            and tables.feature.get(str(place.ref_id)) in SETTLEMENTS:
        return max(wide, ADMIN1_PRECISION)
    return wide


def named_after(view: str, place: NameMention, site: Site, mentions: Iterable[NameMention],
                after: int, until: int, words: Words, tables: PlaceTables
                ) -> NameMention | None:
    """The first place named in ``[after, until)`` as where something is ("in", "at", "on"
    it: not "from" it, nor "Damascus said") that lies inside ``place``, the holder of
    ``site`` (:func:`holder_precision`); for a site of the lexicon's ``unnamed_sites.regions``
    nouns ("a region near Damascus"), the first such place that is a region, else the first;
    None when a town written is itself named so first ("on the outskirts of Raqqa … strikes
    on Raqqa and Tabqa": Raqqa)."""
    wide = holder_precision(place, site, words, tables)
    if wide is None:
        return None
    preposition = site.preposition
    found: list[NameMention] = []
    for m in mentions:
        if m.start < after or m.kind != "location":
            continue
        if m.start >= until:
            break
        if m.ref_id == place.ref_id:
            if wide < ADMIN1_PRECISION and located(view, m, words):
                if not found:
                    return None
                break
            continue
        if _same_name(m.text, place.text, words.site_nouns | words.place_nouns):
            continue  # "Idlib province … in Idlib": the province again, not its capital
        if _inside(str(m.ref_id), str(place.ref_id), wide,
                   preposition in words.landmark_prepositions, tables) \
                and located(view, m, words):
            if site.noun not in words.site_regions:
                return m
            found.append(m)
    # "a rebel-held region near Damascus … in Douma, the largest town in the Eastern Ghouta
    # region": a region named after, else the first place
    return next((m for m in found if tables.feature.get(str(m.ref_id)) in REGIONS),
                found[0] if found else None)


def names_inside(place: NameMention, others: Iterable[NameMention], site: Site, words: Words,
                 tables: PlaceTables) -> bool:
    """One of ``others`` (the sentence's other places) lies inside ``place``: "Khan Sheikhun
    in Idlib province" names the town itself, so the next sentences do not narrow the
    province."""
    wide = holder_precision(place, site, words, tables)
    return wide is not None and any(
        m.ref_id != place.ref_id and _inside(str(m.ref_id), str(place.ref_id), wide, False, tables)
        for m in others)


def _same_name(a: str, b: str, nouns: frozenset[str]) -> bool:
    """Two names of one place but for its kind ("Idlib", "Idlib province", "the province of
    Idlib")."""
    def bare(name: str) -> str:
        return " ".join(w for w in place_words(name) if w not in nouns and w not in ("of", "the"))

    return bare(a) == bare(b)


def located(view: str, m: NameMention, words: Words) -> bool:
    """The mention names where something happened: after a preposition of place (a few
    modifiers or a place noun between: "in the northern town of Khan Sheikhun"), after a
    site noun ("two villages, Tokhar and …") or a verb of attack ("raids hit Babeska"), or
    before its own description ("Babeska, a village in …"): the lexicon's place prepositions,
    site and place nouns, and ``unnamed_sites.verbs``."""
    prepositions, verbs = words.place_prepositions, words.site_verbs
    nouns = words.site_nouns | words.place_nouns
    before = place_words(view[max(0, m.start - 60):m.start])[-5:]
    after = [w for w in place_words(view[m.end:m.end + 40])[:3] if w != ","]
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


#: The kinds of place (the tables' ``feature_type``) that hold others of the ``PARTS`` kinds
#: and no other town or village: "a school in Aleppo city … the Shahba neighbourhood" is
#: Shahba, "a market in the town of Sarmin … strikes on Maarat al-Numan" stays Sarmin.
SETTLEMENTS = frozenset(FEATURE_TYPES[:FEATURE_TYPES.index("village") + 1])
PARTS = frozenset(("checkpoint", "military_base", "airbase", "neighbourhood", "site"))

#: The kinds of place (``feature_type``) a site noun of the lexicon's
#: ``unnamed_sites.regions`` ("a region near Damascus") names first.
REGIONS = frozenset(("region", "admin2"))

#: How far from a town's point a part of it (a neighbourhood, a site) may lie, and a place
#: "near" it, "outside" it or on its outskirts.
PART_RADIUS_KM, NEAR_KM = 15.0, 40.0


def _near(a: str, b: str, points: Mapping[str, tuple[float, float]],
          radius: float = PART_RADIUS_KM) -> bool:
    """Whether two places' points lie within ``radius`` km (true when either has none: the
    tables then cannot tell)."""
    if a not in points or b not in points:
        return True
    (lat1, lon1), (lat2, lon2) = points[a], points[b]
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y) <= radius


#: Prepositions of place that tell where someone comes from, not where something happened.
NOT_WHERE = frozenset(("from", "to", "toward", "towards", "into"))


def lies_in(inner: str, outer: str, tables: PlaceTables) -> bool:
    """The tables put place ``inner`` inside place ``outer`` (a town in its province, a
    neighbourhood in its city: see :func:`named_after`; a neighbourhood holds no other)."""
    wide = tables.where_prec.get(outer)
    return wide is not None and tables.feature.get(outer) not in PARTS \
        and _inside(inner, outer, wide, False, tables)


def _inside(inner: str, outer: str, wide: int, landmark: bool, tables: PlaceTables) -> bool:
    where_prec, admin1, country = tables.where_prec, tables.admin1, tables.country
    fine = where_prec.get(inner)
    if fine is None or country.get(inner) != country.get(outer):
        return False
    if wide >= COUNTRY_PRECISION:
        return fine < COUNTRY_PRECISION
    if fine >= ADMIN1_PRECISION:
        return False
    if landmark and wide < ADMIN1_PRECISION:  # "a village near Aleppo": any place around it
        return _near(inner, outer, tables.point, NEAR_KM)
    if wide < ADMIN1_PRECISION and tables.feature.get(outer) in SETTLEMENTS:
        # "a market in the town of Sarmin": not the next town named in the province, nor
        # a camp on another city's edge ("a district of Manbij … around Handarat")
        return tables.feature.get(inner) in PARTS and _near(inner, outer, tables.point)
    return admin1.get(inner) is not None and admin1.get(inner) == admin1.get(outer)
