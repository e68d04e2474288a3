"""Where a figure happened, from its sentence and the sentences around it.

A place written right after a figure's number is its own ("one in the town of Harasta",
:func:`own_place`). Else the sentence's places are ranked (after a place preposition first,
a few modifiers allowed between, then nearest the figure; a country only when nothing
narrower is named). Then the phrase decides: "the town of Khan Sheikhun in Idlib", "Dumeir
east of Damascus" and "Aleppo's Salaheddin district" name the town or district
(:func:`head_place`); a lead's unnamed site ("a town in eastern Syria") or its province is
the place the next sentences name inside it (:func:`named_site`); a lead naming no place at
all takes the first one named after it (:func:`site_named_later`); a toll of the whole war is
the country's (:func:`war_toll_place`). A sentence naming no place takes the story's, which
every sentence naming one moves (:func:`note_places`). Words naming a place the dataset does
not know go to the offline gazetteer, in the country the sentence names
(:meth:`SentencePlaces.where_written`). The words each rule reads are the lexicon's.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tollbook.extract.propose.gazetteer import GeoPlace, PlacePhrase, country_of, place_phrases
from tollbook.extract.propose.gazetteer import lookup as gazetteer_lookup
from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.numbers import Quantity
from tollbook.extract.propose.speaker_places import speaks_from
from tollbook.extract.propose.tagger import Tags, Words
from tollbook.extract.propose.text import NEXT_WORD
from tollbook.extract.propose.unnamed_sites import (
    ADMIN1_PRECISION,
    COUNTRY_PRECISION,
    NOT_WHERE,
    Site,
    describes_site,
    lies_in,
    located,
    named_after,
    names_a_site,
    names_inside,
    place_words,
)
from tollbook.extract.propose.war_wide import country_place, war_wide

#: UCDP's where-precision of a region that is no first-level unit (a district, an area).
REGION_PRECISION = 3
#: A capitalised name (one word or more), possessive dropped: a country the sentence names.
_CAPITALISED = re.compile(r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)(?:['’]?s\b)?")
#: "Sudan's North Kordofan" (or "Sudans North Kordofan", the apostrophe lost): a country's
#: name, then the place in it.
_POSSESSIVE = re.compile(r"^(?P<holder>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:['’]s|s)\s+(?P<rest>[A-Z].*)$")
#: How many sentences after a lead's unnamed site ("a town in eastern Syria") may name it.
SITE_NAMED_WITHIN = 4


@dataclass
class StoryPlace:
    """The place of the events a story has told so far, which later sentences leave
    implicit: from its lead, then each sentence that gives one (a place of the dataset, or
    words naming one it does not know)."""

    place: NameMention | None = None
    written: PlacePhrase | None = None
    #: The country the sentence giving ``written`` names (the offline gazetteer's code).
    country: str | None = None
    #: The first country the document names (found when first needed; "" for none).
    document_country: str | None = None

    def country_of_document(self, view: str) -> str | None:
        """The first country ``view`` (the whole document) names, as the offline gazetteer's
        code: which place of a name a story means when its sentences name no country
        ("OCHA Flash Update / Escalation in North-West Syria … a market in Ariha town")."""
        if self.document_country is None:
            self.document_country = sentence_country(view, 0, len(view)) or ""
        return self.document_country or None


@dataclass(frozen=True)
class Placed:
    """A figure's place: the dataset's, or the words naming one it does not know and what the
    offline gazetteer makes of them."""

    place: NameMention | None
    written: PlacePhrase | None
    geo: GeoPlace | None


class SentencePlaces:
    """The places of the sentence ``view[s:e]`` (those of its sources set apart: "a source in
    Hassakeh city said") and the place of each of its figures; updates ``story``."""

    def __init__(self, view: str, s: int, e: int, horizon: int | None,
                 places: list[NameMention], mentions: Sequence[NameMention], lexicon: Lexicon,
                 tags: Tags | None, story: StoryPlace):
        self.view, self.s, self.e, self.horizon = view, s, e, horizon
        self.places, self.lexicon, self.tags, self.story = places, lexicon, tags, story
        words = lexicon.words
        named = [p for p in places if s <= p.start < e]
        speakers = [p for p in named if speaks_from(view, p, words.speaker_before,
                                                    words.speaker_after)]
        if speakers and (len(speakers) < len(named) or story.place is not None):
            # "a source in Hassakeh city said": where the source is, not the events
            named = [p for p in named if p not in speakers]
        self.named = named
        self._mentions = [m for m in mentions if s <= m.start < e]
        if named:
            lead = nearest_place(view, named, s, lexicon)
            if lead is not None:
                lead = named_site(view, lead, s, e, horizon, places, lexicon, tags)
            story.place, story.written = lead, None
        elif self.unknown:
            story.place, story.written, story.country = None, self.unknown[0], self.country
        elif horizon is not None and story.place is None and story.written is None and (
                tags is None or tags.any(s, e, "site_noun")):
            # the story's first place: "… killed 223 civilians in two villages. The
            # killings in Nondin and Soro …"
            later = site_named_later(view, s, e, horizon, places, mentions, lexicon)
            if later is not None:
                story.place, story.written = later

    @functools.cached_property
    def unknown(self) -> list[PlacePhrase]:
        """Words of the sentence naming places the dataset does not know (read only when a
        figure or the story needs them: most sentences name a place the dataset knows)."""
        words, own = self.lexicon.words, self._mentions
        return [p for p in place_phrases(
                    self.view, self.s, self.e, words.place_prepositions, words.place_nouns,
                    words.not_places, self.tags is None or self.tags.any(self.s, self.e,
                                                                         "place_noun"),
                    words.name_particles, words.adjectives, words.adjective_endings)
                if not any(p.start < m.end and m.start < p.end for m in own)]

    @functools.cached_property
    def country(self) -> str | None:
        """The country the sentence names, as the offline gazetteer's code ("in eastern
        Ukraine", "Sudan's"): which of several places of one name it means."""
        return sentence_country(self.view, self.s, self.e)

    def where_written(self, written: PlacePhrase) -> GeoPlace | None:
        """Where the offline gazetteer puts words naming a place the dataset does not know:
        the place of that name in the country the sentence names, else the story's, else the
        document's; for "Sudan's North Kordofan", the place after the country's name, else the
        country; a town's name before an admin noun is the region named for it ("the Kherson
        oblast", where-precision 4; "the al-Rastan region", 3)."""
        story = self.story
        country = self.country or story.country or story.country_of_document(self.view)
        geo = gazetteer_lookup(written.text, country)
        if geo is None and (split := _POSSESSIVE.match(written.text)) is not None:
            holder = gazetteer_lookup(split.group(1))
            if holder is not None and holder.feature == "country":
                geo = gazetteer_lookup(split.group(2), holder.country) or holder
        after = NEXT_WORD.match(self.view, written.end)
        noun = after.group(1).lower() if after is not None else ""
        if geo is not None and geo.feature == "city" and noun in self.lexicon.words.admin_nouns:
            # "the Kherson oblast" is a first-level unit; "the al-Rastan region" a town's area
            geo = dataclasses.replace(
                geo, feature="region named for the city",
                where_prec=ADMIN1_PRECISION if noun in self.lexicon.words.unit_anaphora
                else REGION_PRECISION)
        return geo

    def of(self, location: NameMention | None, at: int, quantity: Quantity | None) -> Placed:
        """The place of the figure at ``at`` (``location``: the one its pairing names)."""
        view, s, e, lexicon, story = self.view, self.s, self.e, self.lexicon, self.story
        place = location or (own_place(view, quantity, self.named, lexicon)
                             if quantity is not None else None) \
            or nearest_place(view, self.named, at, lexicon)
        if place is not None and self.named:  # the sentence's leading place, if narrower
            place = narrower_lead(view, place, story.place, lexicon)
            place = head_place(view, place, self.named, lexicon)
            place = named_site(view, place, s, e, self.horizon, self.places, lexicon,
                               self.tags)
        written = None
        if place is None:  # words naming a place the dataset does not know
            written = min(self.unknown, key=lambda p: abs(p.start - at), default=None)
            if written is None:
                place, written = story.place, story.written
        geo = self.where_written(written) if written is not None else None
        tags = self.tags
        if location is None and quantity is not None and (
                tags is None or tags.any(s, e, "war") or tags.any(s, e, "war_scope")):
            known = [p for p in (place, story.place) if p is not None] + self.places
            toll = war_toll_place(view, s, e, quantity, known, lexicon, geo or (
                gazetteer_lookup(story.written.text) if story.written else None))
            if toll is not None:
                return Placed(*toll)
        return Placed(place, written, geo)


#: Words a figure's own place may stand after its number: a few party words ("civilians"),
#: then a place preposition and a few words of the place's phrase ("the town of").
_OWN_PARTY, _OWN_PHRASE = 3, 4


def own_place(view: str, q: Quantity, named: list[NameMention], lexicon: Lexicon
              ) -> NameMention | None:
    """The place written right after a figure's number as its own ("22 in neighbouring Idlib
    province", "one in the town of Harasta", "six civilians at Bilozerka"): its party words,
    a place preposition and a few words of the place's phrase between, no sign, no other
    number. A country is passed by ("4 children in Syria's Idlib", "killed in Syrian
    raids"). None when the figure's number is followed by none."""
    prepositions = lexicon.words.place_prepositions - NOT_WHERE
    for p in named:
        if p.start < q.end or p.start - q.end > 80 or \
                lexicon.where_prec.get(str(p.ref_id)) == COUNTRY_PRECISION:
            continue
        between = place_words(view[q.end:p.start])
        at = next((i for i, w in enumerate(between) if w in prepositions), None)
        if at is None or at > _OWN_PARTY or len(between) - at - 1 > _OWN_PHRASE:
            return None
        if any(not w[0].isalpha() for w in between):
            return None
        return p
    return None


def note_places(view: str, in_sentence: Sequence[NameMention], s: int, e: int,
                lexicon: Lexicon, story: StoryPlace, tags: Tags | None = None) -> None:
    """A sentence (``view[s:e]``) without figures that names a place of the dataset (not a
    source's: "a source in Hassakeh said") moves the story there ("Hama: army units clashed
    … in the northern countryside of Hama province. A military source said the clashes ended
    with killing 20"). ``in_sentence``: the dataset's places named in it. While the story has
    no place at all, words naming one the dataset does not know but the offline gazetteer
    does give it ("four attacks in the area of Avdiivka. The enemy lost up to 190 servicemen")."""
    words = lexicon.words
    named = [p for p in in_sentence
             if not speaks_from(view, p, words.speaker_before, words.speaker_after)]
    if named:
        story.place = nearest_place(view, named, s, lexicon)
        story.written = None
    elif story.place is None and story.written is None and not in_sentence:
        written = place_phrases(view, s, e, words.place_prepositions, words.place_nouns,
                                words.not_places, tags is None or tags.any(s, e, "place_noun"),
                                words.name_particles, words.adjectives, words.adjective_endings)
        # only words the offline gazetteer knows: a capitalised phrase after "of" is as often
        # a person ("the regime of Bashar") as a place
        story.written = next((w for w in written if gazetteer_lookup(w.text) is not None), None)
        story.country = sentence_country(view, s, e) if story.written is not None else None


def sentence_country(view: str, s: int, e: int) -> str | None:
    """The country ``view[s:e]`` names, as the offline gazetteer's code ("in eastern
    Ukraine", "Sudan's"), or None."""
    asked: set[str] = set()  # a name asked once (a story repeats its names)
    for m in _CAPITALISED.finditer(view, s, e):
        run = m.group("name")
        words = run.split()
        for name in (run, *words) if len(words) > 1 else (run,):  # "West Syria": Syria
            if name in asked:
                continue
            asked.add(name)
            geo = gazetteer_lookup(name)
            if geo is not None and geo.feature == "country":
                return geo.country
    return None


def head_place(view: str, place: NameMention, in_sentence: list[NameMention],
               lexicon: Lexicon) -> NameMention:
    """The place a phrase names when ``place`` only holds it: "the town of Khan Sheikhun in
    Idlib" and "the Midan district of Damascus" are Khan Sheikhun and Midan (in the same
    first-level unit), "Dumeir east of Damascus" is Dumeir (in any case); "Khan Sheikhun,
    Idlib province" is the town when the province is wider; "Aleppo's Salaheddin district"
    is Salaheddin, a place inside the one before it."""
    tables = lexicon.place_tables
    for q in in_sentence:
        if q.start >= place.end and view[place.end:q.start].strip() in ("", "'s", "’s") \
                and q.ref_id != place.ref_id and lies_in(str(q.ref_id), str(place.ref_id), tables):
            return q
    for p in in_sentence:
        if p.end > place.start or p.ref_id == place.ref_id:
            continue
        words = view[p.end:place.start].replace(",", " ").lower().split()
        if words and words[0] in lexicon.words.place_nouns:  # "the Midan district of …"
            words = words[1:]
        if words and words[-1] == "the":
            words = words[:-1]
        joint = " ".join(words)
        if joint in lexicon.words.landmark_prepositions:
            return p
        if joint in ("in", "of"):
            if _listed(view, p, in_sentence):
                return place  # "… on Hamadaniyeh and Assad suburb in Aleppo city": the city
            unit = lexicon.admin1.get(str(place.ref_id))
            if unit is not None and unit == lexicon.admin1.get(str(p.ref_id)):
                return p
        if joint == "":
            return narrower_lead(view, place, p, lexicon)
    return place


def _listed(view: str, p: NameMention, in_sentence: list[NameMention]) -> bool:
    """``p`` ends a list of places ("Mesraba, Harasta and Douma")."""
    return any(q.end <= p.start and view[q.end:p.start].strip(" ,").lower() in ("and", "or", "")
               for q in in_sentence if q is not p)


def named_site(view: str, place: NameMention, s: int, e: int, horizon: int | None,
               places: list[NameMention], lexicon: Lexicon, tags: Tags | None = None
               ) -> NameMention:
    """The place named after the sentence ``[s, e)`` when the sentence only gives what holds
    it (see :mod:`.unnamed_sites`): an unnamed site in it ("a town in eastern Syria … the
    strikes on Al-Mayadin"), or a province or country the next sentences narrow ("killed 15
    in Syria's northwestern province of Idlib … The strike hit the village of Urum al-Joz").
    Else ``place``."""
    if horizon is None or not s <= place.start < e or place.method == "anaphora":
        return place  # "in the province" points back to a place named, not ahead
    words = lexicon.words
    site = None
    if tags is None or tags.any(max(s, place.start - 120), min(e, place.end + 40), "site_noun"):
        site = describes_site(view, place, s, words.site_determiners, words.site_nouns,
                              words.place_prepositions, words.site_surroundings,
                              words.site_settlements, words.landmark_prepositions)
    if site is None:
        if lexicon.where_prec.get(str(place.ref_id), 0) < ADMIN1_PRECISION or \
                _spread(view, place, s, words.spread_words):
            return place  # "bombardment across rebel-held Idlib province": the province's
        site = Site("in", "")
    tables = lexicon.place_tables
    if names_inside(place, (p for p in places if s <= p.start < e), site, words, tables):
        return place  # "Khan Sheikhun in Idlib province": the sentence names the site
    return named_after(view, place, site, places, e, horizon, words, tables) or place


def _spread(view: str, place: NameMention, s: int, spread: frozenset[str]) -> bool:
    """A word before the place spreads the figure over all of it ("across rebel-held Idlib
    province", "throughout the north of Syria")."""
    before = view[max(s, place.start - 50):place.start].lower().split()[-4:]
    pairs = [" ".join(before[i:i + 2]) for i in range(len(before) - 1)]
    return any(w in spread for w in (*before, *pairs))


def site_named_later(view: str, s: int, e: int, horizon: int, places: list[NameMention],
                     mentions: Sequence[NameMention], lexicon: Lexicon
                     ) -> tuple[NameMention | None, PlacePhrase | None] | None:
    """The first place the next sentences name as where something happened, for a sentence
    that tells of a site without naming it or anything that holds it ("killed 223 civilians
    in two villages"): a place of the dataset, or words naming one it does not know."""
    words = lexicon.words
    if not names_a_site(view, s, e, words.site_determiners, words.site_nouns):
        return None
    known = next((m for m in places if e <= m.start < horizon and located(view, m, words)),
                 None)
    written = next((p for p in place_phrases(view, e, horizon, words.place_prepositions,
                                             words.place_nouns, words.not_places, True,
                                             words.name_particles, words.adjectives,
                                             words.adjective_endings)
                    if not any(p.start < m.end and m.start < p.end for m in mentions)), None)
    if known is not None and (written is None or known.start <= written.start):
        return known, None
    return (None, written) if written is not None else None


def war_toll_place(view: str, s: int, e: int, q: Quantity, known: list[NameMention],
                   lexicon: Lexicon, geo: GeoPlace | None
                   ) -> tuple[NameMention | None, PlacePhrase | None, GeoPlace | None] | None:
    """The country, for a toll of the whole war ("the conflict has killed 280,000"; see
    :mod:`.war_wide`): the dataset's country of the first of ``known`` places the tables
    place, else the offline gazetteer's country of ``geo`` (the place of the story the
    dataset does not know), as (place, written words, gazetteer place); None when the figure
    is no war toll or no country is known."""
    words = lexicon.words
    span = war_wide(view, s, e, (q.start, q.end), known, words.war_nouns, words.war_scopes,
                    words.place_prepositions, words.war_events,
                    words.war_heads | words.grammar.phrase_ends)
    if span is None:
        return None
    text = view[span[0]:span[1]]
    ref = country_place(known, lexicon.country, lexicon.countries)
    if ref is not None:
        return NameMention(span[0], span[1], text, "location", ref, "war_wide"), None, None
    country = country_of(geo) if geo is not None else None
    if country is None:
        return None
    return None, PlacePhrase(span[0], span[1], text), country



def narrower_lead(view: str, place: NameMention, lead: NameMention | None,
                  lexicon: Lexicon) -> NameMention:
    """The sentence's leading place (after a preposition, first) instead of a wider one
    holding it nearer the figure: "… in Khan Sheikhun … killing 87 in Idlib province" is
    Khan Sheikhun (the same first-level unit, the lead more precise; a name before
    "province", "governorate" … is the unit)."""
    if lead is None or lead.ref_id == place.ref_id:
        return place
    unit = lexicon.admin1.get(str(place.ref_id))
    if not unit or unit != lexicon.admin1.get(str(lead.ref_id)):
        return place
    wide = lexicon.where_prec.get(str(place.ref_id), 0)
    after = view[place.end:place.end + 16].lower().split()
    if after and after[0] in lexicon.words.admin_nouns:
        wide = max(wide, 4)
    if wide < WIDE_PRECISION:  # a town and a village: where-precision tells no containment
        return place
    return lead if lexicon.where_prec.get(str(lead.ref_id), 9) < wide else place


#: The where-precision from which a place holds others (a district or region, a province).
WIDE_PRECISION = 3


@functools.lru_cache(maxsize=4)
def _after_where(prepositions: frozenset[str]) -> re.Pattern[str]:
    """A place preposition but one of motion ending the text ("… in ") or followed by "the"
    in it ("… near the ")."""
    alts = "|".join(re.escape(w) for w in sorted(prepositions - NOT_WHERE, key=len, reverse=True))
    return re.compile(rf"(?:{alts}) $| (?:{alts}) the ") if alts else re.compile(r"(?!)")


#: How many words before a place may stand between it and its preposition ("in Syria's
#: battleground city Aleppo").
_MODIFIERS_BEFORE = 5


def _after_preposition(view: str, p: NameMention, places: list[NameMention], words: Words,
                       where_prec: dict[str, int]) -> bool:
    """A place preposition (not one of motion) among the few words before ``p``, with only
    words between: no sign, and no other place but a country ("in Syria's battleground city
    Aleppo"; the second of a list, "in Harib, Jubah", is not so placed)."""
    start = max(0, p.start - 60)
    if any(start <= q.end <= p.start for q in places
           if q is not p and where_prec.get(str(q.ref_id)) != COUNTRY_PRECISION):
        return False
    for w in reversed(place_words(view[start:p.start])[-_MODIFIERS_BEFORE:]):
        if w in NOT_WHERE or not w[0].isalnum():
            return False
        if w in words.place_prepositions:
            return True
    return False


def nearest_place(view: str, places: list[NameMention], at: int, lexicon: Lexicon
                  ) -> NameMention | None:
    """The sentence's place for a figure at ``at``: after one of the lexicon's place
    prepositions first (not one of motion: "from", "to", "into"; a few modifiers or a place
    noun may stand between: "in Syria's battleground city Aleppo"), then nearest. (Ranking
    the more precise place first was measured and drafted fewer right places.)"""
    if len(places) < 2:
        return places[0] if places else None

    words, precision = lexicon.words, lexicon.where_prec
    where = _after_where(words.place_prepositions)

    def rank(p: NameMention) -> tuple[int, int, int]:
        prepositional = where.search(view[max(0, p.start - 12):p.start].lower()) is not None \
            or _after_preposition(view, p, places, words, precision)
        # a country ("in northwest Syria") holds the sentence's other places: it is the
        # place only when the sentence names no other
        country = precision.get(str(p.ref_id)) == COUNTRY_PRECISION
        return (int(country), 0 if prepositional else 1, abs(p.start - at))

    return min(places, key=rank)
