"""One pass over a document: every lexicon word and phrase found at once, with its offsets.

:class:`Words` is the lexicon data file (``lexicon.yaml``, plus a dataset's own
``reference/propose-lexicon.yaml``) read into plain tables. :class:`Tagger` builds one
Aho–Corasick automaton (pyahocorasick) from every phrase of it, each phrase carrying its
tags ("outcome", "control", "speech", "hedge", "implied", "person", ...). :meth:`Tagger.tag`
runs it once over the lower-cased document and keeps the whole-word hits, longest first:
a :class:`Tags` answers "which tagged phrases lie in this stretch" by bisection, so the
stages of the proposer ask it instead of each searching the text with a pattern of its own.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from tollbook.extract.propose.grammar import FIELDS as GRAMMAR_FIELDS
from tollbook.extract.propose.grammar import Grammar

try:
    import ahocorasick
except ImportError as error:  # pragma: no cover - the message is the point
    raise ImportError(
        "tollbook propose needs pyahocorasick: pip install 'tollbook[curate]'"
    ) from error

LEXICON = Path(__file__).with_name("lexicon.yaml")
#: Where a dataset keeps words of its own for the proposer (same sections as ``lexicon.yaml``).
DATASET_LEXICON = Path("reference") / "propose-lexicon.yaml"


#: The tags of the lexicon's own sections (``anchors`` adds tags of its own).
BUILT_IN_TAGS = ("outcome", "control", "implied", "pronoun", "person", "other_outcome", "speech",
                 "release", "hedge", "month", "weekday", "date_word", "weapon", "place_noun",
                 "site_noun", "war", "war_scope")


@dataclass(frozen=True)
class OutcomeWord:
    """One entry of ``outcomes``: what a figure paired with the word is."""

    outcome: str
    kind: str  # casualty | airstrike | toll
    after: bool = False
    before: bool = False
    weight: float = 1.0


@dataclass(frozen=True)
class ControlWord:
    reversed: bool = False
    weak: bool = False


@dataclass
class Words:
    """The lexicon file, read."""

    outcomes: dict[str, OutcomeWord] = field(default_factory=dict)
    control: dict[str, ControlWord] = field(default_factory=dict)
    implied: dict[str, int | None] = field(default_factory=dict)
    pronouns: dict[str, int] = field(default_factory=dict)
    determiners: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    coordinators: tuple[str, ...] = ()
    other_outcomes: frozenset[str] = frozenset()
    number_words: dict[str, int | None] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)  # phrase -> qualifier
    speech_verbs: frozenset[str] = frozenset()
    not_claimants: frozenset[str] = frozenset()
    unnamed_sources: frozenset[str] = frozenset()
    untyped_sources: frozenset[str] = frozenset()
    nested_in_before: tuple[str, ...] = ()
    reporting_kinds: frozenset[str] = frozenset()
    release_words: tuple[str, ...] = ()
    hedges: dict[str, str] = field(default_factory=dict)  # phrase -> hedge
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    date_words: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    landmark_prepositions: frozenset[str] = frozenset()  # "near", "east of" …
    spread_words: frozenset[str] = frozenset()  # "across", "throughout" …
    admin_nouns: frozenset[str] = frozenset()  # "province", "oblast" …
    countryside_before: frozenset[str] = frozenset()  # countryside: "rural" …
    unit_anaphora: frozenset[str] = frozenset()  # "the province" …
    held_words: frozenset[str] = frozenset()  # held_areas: "held", "besieged" …
    held_parts: frozenset[str] = frozenset()  # held_areas: "areas", "districts" …
    held_directions: dict[str, str] = field(default_factory=dict)  # "eastern" -> "east"
    countryside_after: frozenset[str] = frozenset()  # countryside: "countryside" …
    site_determiners: frozenset[str] = frozenset()  # unnamed_sites: "a", "several" ...
    site_nouns: frozenset[str] = frozenset()  # unnamed_sites: "town", "areas" ...
    site_verbs: frozenset[str] = frozenset()  # unnamed_sites: "hit", "shelled" ...
    site_surroundings: frozenset[str] = frozenset()  # unnamed_sites: "outskirts" ...
    site_settlements: frozenset[str] = frozenset()  # unnamed_sites: "town", "villages" ...
    site_regions: frozenset[str] = frozenset()  # unnamed_sites: "region", "area" ...
    war_nouns: frozenset[str] = frozenset()  # war_wide: "war", "conflict" ...
    war_events: frozenset[str] = frozenset()  # war_wide: "strikes", "escalation" ...
    war_heads: frozenset[str] = frozenset()  # war_wide: "has", "began" ...
    name_particles: tuple[str, ...] = ()  # names: "al", "abu" ...
    name_stops: frozenset[str] = frozenset()  # names: not_names ("The", "Published" ...)
    adjective_endings: tuple[str, ...] = ()  # names: "ian", "-held" ...
    adjectives: frozenset[str] = frozenset()  # names: "somali", "iraqi" ...
    speaker_before: frozenset[str] = frozenset()  # speaker_places: "source" (at X) ...
    speaker_after: frozenset[str] = frozenset()  # speaker_places: (X) "governor" ...
    war_scopes: tuple[tuple[str, ...], ...] = ()  # war_wide: ("across", "the", "country") ...
    source_kinds: dict[str, str] = field(default_factory=dict)  # description -> actor_type
    source_roles: frozenset[str] = frozenset()
    continuations: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)  # rule anchor tag -> words
    grammar_words: dict[str, frozenset[str]] = field(default_factory=dict)  # grammar section

    @functools.cached_property
    def grammar(self) -> Grammar:
        """The ``grammar`` section read for the pairing of numbers with outcome words."""
        return Grammar.from_data(self.grammar_words, self.number_words, self.coordinators)

    @functools.cached_property
    def not_names(self) -> frozenset[str]:
        """Capitalised words that name no one ("The", "Monday", "Published")."""
        return self.name_stops | frozenset(self.months) | frozenset(self.weekdays)

    @functools.cached_property
    def when_words(self) -> frozenset[str]:
        """Words that say when, never who ("media reported Sunday"): months, weekdays and
        the days counted from today."""
        return frozenset(w for w in (*self.months, *self.weekdays) if len(w) > 3) \
            | (self.date_words & {"today", "yesterday", "tonight", "overnight"})

    @functools.cached_property
    def not_places(self) -> frozenset[str]:
        """Capitalised words after a preposition that name no place ("on Monday")."""
        return frozenset(self.months) | frozenset(self.weekdays) | {"the", "a", "an"}

    @classmethod
    def from_data(cls, *datas: Mapping) -> Words:
        w = cls()
        for data in datas:
            w._add(data or {})
        return w

    def _add(self, d: Mapping) -> None:
        for entry in d.get("outcomes") or []:
            word = OutcomeWord(str(entry["outcome"]), str(entry.get("kind", "casualty")),
                               bool(entry.get("after")), bool(entry.get("before")),
                               float(entry.get("weight", 1.0)))
            for phrase in entry.get("words") or []:
                self.outcomes.setdefault(_norm(phrase), word)
        for entry in d.get("control") or []:
            control = ControlWord(bool(entry.get("reversed")), bool(entry.get("weak")))
            for phrase in entry.get("words") or []:
                self.control.setdefault(_norm(phrase), control)
        implied = d.get("implied_counts") or {}
        self.implied.update({_norm(k): v for k, v in (implied.get("words") or {}).items()})
        self.pronouns.update({_norm(k): int(v) for k, v in (implied.get("pronouns") or {}).items()})
        self.determiners |= _normed(implied, "determiners")
        self.person_nouns |= _normed(implied, "person_nouns")
        self.coordinators += tuple(_norm(x) for x in d.get("coordinators") or []
                                   if _norm(x) not in self.coordinators)
        self.other_outcomes |= _normed(d, "other_outcomes")
        self.number_words.update({_norm(k): v for k, v in (d.get("number_words") or {}).items()})
        _invert(self.qualifiers, d.get("qualifiers"))
        self.speech_verbs |= _normed(d, "speech_verbs")
        self.not_claimants |= _normed(d, "not_claimants")
        self.unnamed_sources |= _normed(d, "unnamed_sources")
        self.untyped_sources |= _normed(d, "untyped_sources")
        self.nested_in_before += tuple(_norm(x) for x in d.get("nested_in_before") or [])
        self.reporting_kinds |= _normed(d, "reporting_kinds")
        self.release_words += tuple(_norm(x) for x in d.get("release_words") or [])
        _invert(self.hedges, d.get("hedges"))
        self.months.update({_norm(k): int(v) for k, v in (d.get("months") or {}).items()})
        self.date_words |= _normed(d, "date_words")
        self.weekdays.update({_norm(k): int(v) for k, v in (d.get("weekdays") or {}).items()})
        self.weapons |= _normed(d, "weapons")
        self.units |= _normed(d, "units")
        self.place_prepositions |= _normed(d, "place_prepositions")
        self.place_nouns |= _normed(d, "place_nouns")
        self.landmark_prepositions |= _normed(d, "landmark_prepositions")
        self.spread_words |= _normed(d, "spread_words")
        self.admin_nouns |= _normed(d, "admin_nouns")
        self.unit_anaphora |= _normed(d, "unit_anaphora")
        held = d.get("held_areas") or {}
        self.held_words |= _normed(held, "held")
        self.held_parts |= _normed(held, "parts")
        _invert(self.held_directions, held.get("directions"), _norm)
        countryside = d.get("countryside") or {}
        self.countryside_before |= _normed(countryside, "before")
        self.countryside_after |= _normed(countryside, "after")
        sites = d.get("unnamed_sites") or {}
        self.site_determiners |= _normed(sites, "determiners")
        self.site_nouns |= _normed(sites, "nouns")
        self.site_verbs |= _normed(sites, "verbs")
        self.site_surroundings |= _normed(sites, "surroundings")
        self.site_settlements |= _normed(sites, "settlements")
        self.site_regions |= _normed(sites, "regions")
        speakers = d.get("speaker_places") or {}
        self.speaker_before |= _normed(speakers, "before")
        self.speaker_before |= _normed(speakers, "positioned")
        self.speaker_after |= _normed(speakers, "after")
        names = d.get("names") or {}
        self.name_particles += tuple(_norm(x) for x in names.get("particles") or []
                                     if _norm(x) not in self.name_particles)
        self.name_stops |= _normed(names, "not_names")
        self.adjective_endings += tuple(_norm(x) for x in names.get("adjective_endings") or []
                                        if _norm(x) not in self.adjective_endings)
        self.adjectives |= _normed(names, "adjectives")
        war = d.get("war_wide") or {}
        self.war_nouns |= _normed(war, "nouns")
        self.war_events |= _normed(war, "events")
        self.war_heads |= _normed(war, "heads")
        self.war_scopes += tuple(tuple(_norm(x).split()) for x in war.get("scopes") or []
                                 if tuple(_norm(x).split()) not in self.war_scopes)
        self.source_roles |= _normed(d, "source_roles")
        self.continuations |= _normed(d, "continuations")
        self.things |= _normed(d, "things")
        _invert(self.source_kinds, d.get("source_kinds"))
        for key, phrases in (d.get("grammar") or {}).items():
            self.grammar_words[key] = self.grammar_words.get(key, frozenset()) | {
                _norm(p) for p in phrases or []}
        for tag, phrases in (d.get("anchors") or {}).items():
            self.anchors[str(tag)] = self.anchors.get(str(tag), frozenset()) | {
                _norm(p) for p in phrases or []}

    def phrases(self) -> Iterable[tuple[str, str]]:
        """(phrase, tag) for every phrase the document pass looks for."""
        yield from ((p, "outcome") for p in self.outcomes)
        yield from ((p, "control") for p in self.control)
        yield from ((p, "implied") for p in self.implied)
        yield from ((p, "pronoun") for p in self.pronouns)
        yield from ((p, "person") for p in self.person_nouns)
        yield from ((p, "other_outcome") for p in self.other_outcomes)
        yield from ((p, "thing") for p in self.things)
        yield from ((p, "speech") for p in self.speech_verbs)
        yield from ((p, "release") for p in self.release_words)
        yield from ((p, "hedge") for p in self.hedges)
        yield from ((p, "month") for p in self.months)
        yield from ((p, "weekday") for p in self.weekdays)
        yield from ((p, "date_word") for p in self.date_words)
        yield from ((p, "weapon") for p in self.weapons)
        yield from ((p, "place_noun") for p in self.place_nouns)
        yield from ((p, "site_noun") for p in self.site_nouns | self.site_surroundings)
        yield from ((p, "war") for p in self.war_nouns)
        # a scope with a wildcard ("across the * country") is tagged at its last word
        yield from ((p[-1] if "*" in p else " ".join(p), "war_scope") for p in self.war_scopes)
        for tag, phrases in self.anchors.items():
            yield from ((p, tag) for p in phrases)

    def tag_names(self) -> frozenset[str]:
        """Every tag the document pass gives (what a rule of rules.yaml may be anchored at)."""
        return frozenset(BUILT_IN_TAGS) | frozenset(self.anchors)


def _wordish(c: str) -> bool:
    return c.isalnum() or c == "_"


def _norm(phrase: object) -> str:
    return " ".join(str(phrase).lower().split())


def _normed(section: Mapping, key: str) -> set[str]:
    """The phrases listed under ``key`` of a lexicon section, normalised."""
    return {_norm(x) for x in section.get(key) or []}


def _invert(target: dict[str, str], lists: Mapping | None,
            value: Callable[[object], str] = str) -> None:
    """``target`` maps each phrase of ``lists`` (value → its phrases) to its value; a phrase
    already mapped keeps its value."""
    for name, phrases in (lists or {}).items():
        for p in phrases or []:
            target.setdefault(_norm(p), value(name))


@functools.lru_cache(maxsize=8)
def _read(path: Path, mtime: float) -> dict:
    text = path.read_text(encoding="utf-8")
    try:
        loader = _SAFE(text)  # parsed once, in C when built: the node tree, then the data
        try:
            node = loader.get_single_node()
            data = (loader.construct_document(node) if node is not None else None) or {}
        finally:
            loader.dispose()
        _no_yes_no_words(node, path)
        _known_grammar_keys(node, path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ValueError(f"{where}: not valid YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}:1: a propose lexicon is a mapping of sections")
    return data


_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _no_yes_no_words(node: yaml.Node | None, path: Path) -> None:
    """A word YAML reads as true/false or null ("on", "no", "off", "yes", "null") is an error:
    unquoted, it would silently become another word ("true") and never match."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.tag in _NOT_WORDS and not item.style:
                raise ValueError(f"{path}:{item.start_mark.line + 1}: {item.value!r} is read by "
                                 f"YAML as {_NOT_WORDS[item.tag]}, not as a word; write it in "
                                 f"quotes ('{item.value}')")
            _no_yes_no_words(item, path)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _no_yes_no_words(value, path)


def _known_grammar_keys(node: yaml.Node | None, path: Path) -> None:
    """Every key of the ``grammar`` section is one the pairing reads."""
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if key.value == "grammar" and isinstance(value, yaml.MappingNode):
            for k, _ in value.value:
                if k.value not in GRAMMAR_FIELDS:
                    raise ValueError(f"{path}:{k.start_mark.line + 1}: grammar: unknown key "
                                     f"{k.value!r} (known: {', '.join(GRAMMAR_FIELDS)})")


_NOT_WORDS = {"tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:null": "empty"}


def read_words(dataset: Path | None = None) -> Words:
    """The packaged lexicon, plus the dataset's own words when it has a lexicon file."""
    datas = [_read(LEXICON, LEXICON.stat().st_mtime)]
    extra = dataset / DATASET_LEXICON if dataset is not None else None
    if extra is not None and extra.is_file():
        datas.append(_read(extra, extra.stat().st_mtime))
    return Words.from_data(*datas)


class Tag(NamedTuple):
    start: int
    end: int
    tag: str
    phrase: str  # as in the lexicon (lower case)


class Tags:
    """The tagged phrases of one document, in text order."""

    def __init__(self, tags: list[Tag]):
        self.all = tags
        self.starts = [t.start for t in tags]
        self.by_tag: dict[str, list[Tag]] = {}
        for t in tags:
            self.by_tag.setdefault(t.tag, []).append(t)
        self._starts_by_tag = {k: [t.start for t in v] for k, v in self.by_tag.items()}

    def within(self, start: int, end: int, tag: str | None = None) -> list[Tag]:
        if tag is None:
            tags, starts = self.all, self.starts
        else:
            tags, starts = self.by_tag.get(tag, []), self._starts_by_tag.get(tag, [])
        i = bisect_left(starts, start)
        out = []
        while i < len(tags) and tags[i].start < end:
            if tags[i].end <= end:
                out.append(tags[i])
            i += 1
        return out

    def any(self, start: int, end: int, tag: str) -> bool:
        starts = self._starts_by_tag.get(tag, [])
        i = bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    def at(self, start: int, tag: str) -> Tag | None:
        starts = self._starts_by_tag.get(tag, [])
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] == start:
            return self.by_tag[tag][i]
        return None


class Tagger:
    """One automaton over every phrase of the lexicon (and of the reference tables' names)."""

    def __init__(self, words: Words, names: Iterable[tuple[str, str]] = ()):
        self.words = words
        self._auto = ahocorasick.Automaton()
        entries: dict[str, list[str]] = {}
        for phrase, tag in [*words.phrases(), *names]:
            if phrase:
                entries.setdefault(phrase, [])
                if tag not in entries[phrase]:
                    entries[phrase].append(tag)
        for phrase, tags in entries.items():
            # a phrase starting or ending with a sign ("$", "§") needs no boundary there
            self._auto.add_word(phrase, (phrase, tuple(tags), len(phrase),
                                         _wordish(phrase[0]), _wordish(phrase[-1])))
        if entries:
            self._auto.make_automaton()
        self._empty = not entries

    def tag(self, view: str) -> Tags:
        """Whole-word hits in ``view`` (matched ignoring case), the longest at each start,
        hits inside a longer hit of the same tag dropped."""
        if self._empty:
            return Tags([])
        low = view.lower()
        if len(low) != len(view):  # a few characters lower to two: keep offsets
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in view)
        n = len(low)
        # (start, -end, tag, phrase): sorted as they come, by start, longest first, then tag
        hits: list[tuple[int, int, str, str]] = []
        for last, (phrase, tags, length, left, right) in self._auto.iter(low):
            end = last + 1
            start = end - length
            if (left and start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_")) or \
                    (right and end < n and (low[end].isalnum() or low[end] == "_")):
                continue
            for t in tags:
                hits.append((start, -end, t, phrase))
        hits.sort()
        kept: list[Tag] = []
        reach: dict[str, int] = {}
        for start, minus_end, tag, phrase in hits:
            if reach.get(tag, -1) > start:
                continue  # inside a longer phrase of the same tag ("death toll" holds "toll")
            kept.append(Tag(start, -minus_end, tag, phrase))
            reach[tag] = -minus_end
        return Tags(kept)


@functools.lru_cache(maxsize=1)
def packaged_words() -> Words:
    """The packaged lexicon's words, read once, for callers without a dataset's own (shared:
    never changed after it is read)."""
    return read_words()


@functools.lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The packaged lexicon's tagger, for callers without a :class:`Lexicon`."""
    return Tagger(packaged_words())
