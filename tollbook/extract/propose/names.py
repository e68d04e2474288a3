"""Actors and places named in a text, matched against the curator's reference tables.

Known names and their variants are matched exactly first, with one compiled alternation
(longest first; separators "-", " " and apostrophes are interchangeable; short all-capital
acronyms such as "AFP" match only in capitals). Capitalised names left over are compared
with ``rapidfuzz`` (``fuzz.ratio`` on a normalised key) to catch near spellings; names that
still match nothing are returned as candidates for the reference tables, with the nearest
known name as a hint. Which spelling means which actor or place is the curator's decision,
recorded in ``dataset/reference/``; nothing here hard-codes a name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from tollbook.extract.propose.text import lowered

#: A near spelling at or above this fuzz.ratio (0-100) is taken as the known name.
FUZZY_ACCEPT = 90
#: Below FUZZY_ACCEPT but at or above this, the known name is only offered as a hint.
FUZZY_HINT = 75
#: Keys shorter than this are never fuzzy-matched: "Isis" ~ "Idlib" is noise, not a spelling.
FUZZY_MIN_LENGTH = 6

def capitalised_pattern(particles: Iterable[str]) -> re.Pattern[str]:
    """Capitalised phrases, their words joined by ``particles``. The capital comes first (the
    look behind it after) so that the search skips straight to capitals instead of trying the
    pattern at every position."""
    joins = "|".join(sorted((re.escape(p) for p in set(particles)), key=len, reverse=True))
    return re.compile(
        r"[A-Z](?<![\w'-][A-Z])[\w'-]*(?:\s+(?:(?:" + joins + r")[\s-]+)*[A-Z][\w'-]*)*")


_SEPARATORS = re.compile(r"[-'’‘`]")
#: A word of a phrase looked up by its runs of words (separators as in :func:`key`).
_PHRASE_WORD = re.compile(r"[^\s\-'’‘`]+")
#: The most words of a phrase :meth:`NameIndex.lookup` reads, and of a name it looks for.
_PHRASE_WORDS, _LONGEST_NAME = 24, 10


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Case, hyphens, apostrophes and spacing do not distinguish names."""
    return " ".join(_SEPARATORS.sub(" ", name.lower()).split())


#: A name's qualifier in brackets, telling namesakes apart in the tables ("Midan (Damascus)").
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def core(name: str, particles: Iterable[str] = ()) -> str:
    """A place name without its bracketed qualifier and its leading particles: "al-Midan
    (Aleppo)", "Midan (Damascus)" and "al Midan" are all "midan"."""
    words = key(_QUALIFIER.sub("", name)).split()
    lead = frozenset(particles)
    while len(words) > 1 and words[0] in lead:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Known:
    kind: str  # actor | location
    ref_id: str
    name: str


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    kind: str
    ref_id: str
    method: str  # exact | fuzzy
    score: float = 100.0


@dataclass(frozen=True)
class UnknownName:
    text: str
    count: int
    hint: str | None = None  # the nearest known id, when it is close
    hint_score: float | None = None


@dataclass
class NameIndex:
    """Every known spelling of every actor and place, ready to match."""

    known: dict[str, Known] = field(default_factory=dict)
    #: Capitalised words that open sentences and headings without naming anyone ("The",
    #: "Monday"): the lexicon's ``names.not_names``, months and weekdays.
    not_names: frozenset[str] = frozenset()
    #: Lower-case words that may join a name's words ("Bab al Hawa"): ``names.particles``.
    particles: tuple[str, ...] = ()
    #: Places that share a name (its :func:`core`: "al-Midan (Aleppo)", "Midan (Damascus)"),
    #: by that name: which one a text means is told by the places around it (:mod:`.namesakes`).
    namesakes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, actors: Iterable[tuple[str, str]] = (), locations: Iterable[tuple[str, str]] = (),
        not_names: Iterable[str] | None = None, particles: Iterable[str] | None = None,
    ) -> NameIndex:
        """``actors``/``locations``: (spelling, id) pairs, e.g. from alias and variant tables;
        ``not_names`` and ``particles``: the lexicon's (the packaged one's when not given)."""
        if not_names is None or particles is None:
            from tollbook.extract.propose.tagger import packaged_words

            words = packaged_words()
            not_names = words.not_names if not_names is None else not_names
            particles = words.name_particles if particles is None else particles
        index = cls(not_names=frozenset(w.lower() for w in not_names),
                    particles=tuple(particles))
        cores: dict[str, set[str]] = {}
        for kind, pairs in (("actor", actors), ("location", list(locations))):
            for name, ref_id in pairs:
                if not (name and ref_id):
                    continue
                bare = _QUALIFIER.sub("", name).strip()  # "Midan (Damascus)" is written "Midan"
                for spelling in dict.fromkeys((name, bare)):
                    if key(spelling) and key(spelling) not in index.known:
                        index.known[key(spelling)] = Known(kind, ref_id, spelling)
                if kind == "location":
                    cores.setdefault(core(bare, index.particles), set()).add(ref_id)
        index.namesakes = {c: tuple(sorted(refs)) for c, refs in cores.items() if len(refs) > 1}
        index._compile()
        return index

    def namesakes_of(self, text: str) -> tuple[str, ...]:
        """The places sharing the name written (empty when it names one place only)."""
        return self.namesakes.get(core(text, self.particles), ()) if self.namesakes else ()

    def _compile(self) -> None:
        self._patterns: tuple[re.Pattern[str] | None, ...] | None = None  # made when first used
        self._keys = list(self.known)
        self._fuzzy_cache: dict[str, tuple[str, float] | None] = {}
        self._lookups: dict[tuple[str, str | None], NameMention | None] = {}
        self._capitals: dict[str, tuple[str, str | None] | None] = {}
        self._capitalised = capitalised_pattern(self.particles)

    def _spelling_patterns(self) -> tuple[re.Pattern[str] | None, ...]:
        """The known spellings as three patterns (exact case, any case, lower case), compiled
        the first time a text is searched without the keyword pass's tags (a few tenths of a
        second for a dataset's names, which a run that only reads tags never pays)."""
        if self._patterns is not None:
            return self._patterns
        exact_case: list[str] = []
        any_case: list[str] = []
        for _key, known in sorted(self.known.items(), key=lambda kv: -len(kv[0])):
            target = exact_case if _acronym(known.name) else any_case
            target.append(_spelling_pattern(known.name))
        exact = re.compile(_capital_alternation(exact_case)) if exact_case else None
        any_ = (re.compile(_alternation(_by_first_letter(any_case)), re.IGNORECASE)
                if any_case else None)
        # For ASCII text: the same spellings in lower case over the lower-cased text, which
        # the regex engine searches far faster than with IGNORECASE.
        lower = [k.name.lower() for k in sorted(self.known.values(), key=lambda k: -len(key(k.name)))
                 if not _acronym(k.name)]
        any_lower = None
        if lower and all(p.isascii() for n in lower for p in _parts(n)):
            any_lower = re.compile(_alternation(_by_first_letter(
                [_spelling_pattern(n) for n in lower])))
        self._patterns = (exact, any_, any_lower)
        return self._patterns

    def find(self, view: str, start: int = 0, end: int | None = None) -> list[NameMention]:
        """Exact matches of known spellings, longest first, non-overlapping."""
        return self._select(view, self._hits(view, start, len(view) if end is None else end))

    def _hits(self, view: str, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of every spelling matched, by start, longest first."""
        exact, any_, any_lower = self._spelling_patterns()
        low = lowered(view) if any_lower is not None else None
        any_case: Iterable[re.Match[str]]
        if any_lower is not None and low is not None:
            any_case = any_lower.finditer(low, start, end)
        else:
            any_case = any_.finditer(view, start, end) if any_ else ()
        hits = [m.span() for m in any_case]
        if exact is not None:
            hits.extend(m.span() for m in exact.finditer(view, start, end))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        return hits

    def _select(self, view: str, hits: list[tuple[int, int]]) -> list[NameMention]:
        found, last_end = [], -1
        for s, e in hits:
            if s < last_end:
                continue
            text = view[s:e]
            known = self.known.get(key(text))
            if known is None:
                continue
            found.append(NameMention(s, e, text, known.kind, known.ref_id, "exact"))
            last_end = e
        return found

    def lookup(self, phrase: str, kind: str | None = None) -> NameMention | None:
        """The known actor or place a phrase names: whole phrase, a name inside it, or fuzzy."""
        if (phrase, kind) not in self._lookups:  # phrases recur across figures and documents
            self._lookups[(phrase, kind)] = self._lookup(phrase, kind)
        return self._lookups[(phrase, kind)]

    def _lookup(self, phrase: str, kind: str | None) -> NameMention | None:
        k = key(phrase)
        known = self.known.get(k) or self.known.get(_drop_article(k))
        if known and kind in (None, known.kind):
            return NameMention(0, len(phrase), phrase, known.kind, known.ref_id, "exact")
        inner = [m for m in self._select(phrase, self._phrase_hits(phrase))
                 if kind in (None, m.kind)]
        if inner:
            return max(inner, key=lambda m: m.end - m.start)
        near = self.nearest(phrase)
        if near and near[1] >= FUZZY_ACCEPT:
            known = self.known[near[0]]
            if kind in (None, known.kind):
                return NameMention(0, len(phrase), phrase, known.kind, known.ref_id, "fuzzy",
                                   near[1])
        return None

    def _phrase_hits(self, phrase: str) -> list[tuple[int, int]]:
        """:meth:`_hits` of a short phrase, from its runs of words looked up as keys (no
        pattern needed): acronyms only as written."""
        words = list(_PHRASE_WORD.finditer(phrase))[:_PHRASE_WORDS]
        hits = []
        for i, first in enumerate(words):
            for last in words[i:i + _LONGEST_NAME]:
                text = phrase[first.start():last.end()]
                known = self.known.get(key(text))
                if known is not None and (not _acronym(known.name) or text == known.name) \
                        and _whole(phrase, first.start(), last.end()):
                    hits.append((first.start(), last.end()))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        return hits

    def nearest(self, phrase: str) -> tuple[str, float] | None:
        """The closest known key by fuzz.ratio (cached), or None when nothing is near."""
        k = _drop_article(key(phrase))
        if len(k) < FUZZY_MIN_LENGTH or not self._keys:
            return None
        if k not in self._fuzzy_cache:
            best = process.extractOne(k, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_HINT)
            self._fuzzy_cache[k] = (best[0], float(best[1])) if best else None
        return self._fuzzy_cache[k]

    def _capital(self, text: str) -> tuple[str, str | None] | None:
        """A capitalised phrase as a possible name: the name (leading "The", "In" … dropped)
        and, for a one-word name, that word in lower case (it names nothing when the same
        text uses it in lower case); None when it names nothing anywhere. Kept by phrase:
        the same capitalised phrases recur in sentence after sentence and report after report.
        """
        name = _strip_leading(text, self.not_names)
        words = name.split()
        if not name or _not_a_name(name, frozenset(), self.not_names):
            found = None
        else:
            found = (name, words[0].lower() if len(words) == 1 else None)
        if len(self._capitals) >= _KEEP_CAPITALS:
            self._capitals.clear()
        self._capitals[text] = found
        return found

    def spellings(self) -> list[tuple[str, str]]:
        """(lower-case spelling, "name") for the document pass of :class:`~.tagger.Tagger`:
        each name with its parts joined by a space and by a hyphen, and as written."""
        out = set()
        for known in self.known.values():
            parts = [p.lower() for p in _parts(known.name)]
            if not parts:
                continue
            out.update({" ".join(parts), "-".join(parts), " ".join(known.name.lower().split())})
        return sorted((s, "name") for s in out)

    def tagged_hits(self, view: str, tags, start: int, end: int) -> list[tuple[int, int]]:
        """:meth:`_hits` read from the document's tags: acronyms only as written (capitals)."""
        hits = []
        for t in tags.within(start, end, "name"):
            text = view[t.start:t.end]
            known = self.known.get(key(text))
            if known is None:
                continue
            if _acronym(known.name) and text != known.name:
                continue
            hits.append((t.start, t.end))
        return hits

    def scan(
        self, view: str, spans: Iterable[tuple[int, int]], tags=None
    ) -> tuple[list[NameMention], list[UnknownName]]:
        """Known names (exact, then fuzzy) in the given spans, and the unknown names left."""
        mentions: list[NameMention] = []
        unknown: Counter[str] = Counter()
        hints: dict[str, tuple[str, float] | None] = {}
        lower_words = _LowerWords(view)
        # Both patterns run once over the whole text; a span takes the matches inside it.
        # That is what running them over the span alone finds, unless a match runs across
        # the span's edge (spans end before white space, so the span's end never cuts a
        # match short otherwise): such spans are searched on their own.
        spans = list(spans)
        lo, hi = (spans[0][0], spans[-1][1]) if spans else (0, 0)
        names = self._hits(view, lo, hi) if tags is None else self.tagged_hits(view, tags, lo, hi)
        capitals = [m.span() for m in self._capitalised.finditer(view, lo, hi)]
        name_at = _Located(names)
        capital_at = _Located(capitals)
        for start, end in spans:
            span_names, crossed = name_at.within(start, end)
            span_capitals, crossed_too = capital_at.within(start, end)
            if crossed or crossed_too:
                span_names = self._hits(view, start, end) if tags is None else \
                    self.tagged_hits(view, tags, start, end)
                span_capitals = [m.span() for m in self._capitalised.finditer(view, start, end)]
            exact = self._select(view, span_names)
            mentions.extend(exact)
            for c_start, c_end in span_capitals:
                if exact and any(c_start < e.end and e.start < c_end for e in exact):
                    continue
                seen: Any = self._capitals.get(view[c_start:c_end], _UNSEEN)
                if seen is _UNSEEN:
                    seen = self._capital(view[c_start:c_end])
                if seen is None:
                    continue
                name, single = seen
                if single is not None and single in lower_words:
                    continue
                if c_start == start and single is not None:
                    continue  # one capitalised word opening a sentence says nothing
                near = self.nearest(name)
                if near and near[1] >= FUZZY_ACCEPT:
                    known = self.known[near[0]]
                    offset = c_end - len(name)
                    mentions.append(NameMention(offset, c_end, name, known.kind, known.ref_id,
                                                "fuzzy", near[1]))
                    continue
                unknown[name] += 1
                hints[name] = near
        mentions.sort(key=lambda n: n.start)
        listed = []
        for name, count in sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0])):
            near = hints.get(name)
            hint = self.known[near[0]].ref_id if near else None
            listed.append(UnknownName(name, count, hint, near[1] if near else None))
        return mentions, listed


_LOWER_WORD = re.compile(r"\b[a-z][\w-]*")
#: How many capitalised phrases :meth:`NameIndex._capital` keeps before starting afresh.
_KEEP_CAPITALS = 100_000
_UNSEEN = object()


class _LowerWords:
    """Whether a word is one of those ``_LOWER_WORD.findall`` finds in a text (a word that
    starts in lower case), looked up for the few words asked about rather than by listing
    every word of the text."""

    def __init__(self, view: str):
        self.view = view
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = self._find(word)
        return self._known[word]

    def _find(self, word: str) -> bool:
        # A match of _LOWER_WORD runs to the end of a run of [\w-] characters, from the first
        # place in the run where a word begins (the run's start, or after a hyphen) with a
        # letter a-z; only such a place, with the word ending the run, gives the word itself.
        if not ("a" <= word[:1] <= "z") or _RUN.fullmatch(word) is None:
            return False
        view, i = self.view, self.view.find(word)
        while i >= 0:
            j = i + len(word)
            if (j == len(view) or _RUN.match(view[j]) is None) and _begins_match(view, i):
                return True
            i = view.find(word, i + 1)
        return False


_RUN = re.compile(r"[\w-]+")
_NOT_LETTER = re.compile(r"[^A-Za-z]")


def _begins_match(view: str, i: int) -> bool:
    """Whether a match of ``_LOWER_WORD`` begins at ``i`` (where a letter a-z stands)."""
    if i > 0 and view[i - 1] != "-" and _RUN.match(view[i - 1]) is not None:
        return False  # inside a word
    k = i
    while k > 0 and _RUN.match(view[k - 1]) is not None:
        k -= 1
    return not any((q == k or view[q - 1] == "-") and "a" <= view[q] <= "z" for q in range(k, i))


class _Located:
    """Matches in text order, taken span by span (spans come in text order, not overlapping)."""

    def __init__(self, matches: list[tuple[int, int]]):
        self.matches = sorted(matches, key=lambda m: m[0])
        self.i = 0
        self.reach = -1  # the furthest end of a match before the current span

    def within(self, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
        """The matches inside ``[start, end]``, and whether any runs across its edges."""
        ms, i = self.matches, self.i
        while i < len(ms) and ms[i][0] < start:
            self.reach = max(self.reach, ms[i][1])
            i += 1
        crossed = self.reach > start
        inside = []
        while i < len(ms) and ms[i][0] < end:
            inside.append(ms[i])
            crossed = crossed or ms[i][1] > end
            self.reach = max(self.reach, ms[i][1])
            i += 1
        self.i = i
        return inside, crossed


def _whole(text: str, start: int, end: int) -> bool:
    """No letter, digit or hyphen joins the span to the words around it ("UK" is no name in
    "UK-based"), as the spelling patterns require."""
    return not (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-")) \
        and not (end < len(text) and (text[end].isalnum() or text[end] in "_-"))


@functools.lru_cache(maxsize=65536)
def _acronym(name: str) -> bool:
    """Whether a known name is a short acronym ("AFP", "U.N."), matched only as written
    (asked for each name the text holds: the answer is kept by name)."""
    letters = _NOT_LETTER.sub("", name)
    return len(letters) <= 5 and letters.isupper()


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[-\s'’‘`]+", name.strip()) if p]


def _spelling_pattern(name: str) -> str:
    parts = [re.escape(p) for p in _parts(name)]
    return r"[-\s'’‘`]*".join(parts) if len(parts) > 1 else parts[0]


def _by_first_letter(patterns: list[str]) -> list[str]:
    """The same alternatives, grouped behind a look at their first character.

    At any position only the spellings starting with that character can match, and they are
    tried in their given (longest first) order, so the match is the same; but the pattern no
    longer tries every spelling at every word of the text.
    """
    groups: dict[str, list[str]] = {}
    for p in patterns:
        groups.setdefault(_first(p).lower(), []).append(p)
    return [f"(?={_first(group[0])})(?:{'|'.join(group)})" for group in groups.values()]


def _first(pattern: str) -> str:
    """The first character an escaped spelling pattern matches, as written in the pattern."""
    return pattern[:2] if pattern.startswith("\\") else pattern[:1]


def _alternation(patterns: list[str]) -> str:
    return r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])"


def _capital_alternation(patterns: list[str]) -> str:
    """:func:`_alternation` for case-sensitive spellings, with each first character before
    the look behind: the regex engine then skips straight to those characters (capitals,
    for acronyms) instead of trying the look behind at every position. It matches the same:
    "no word character or hyphen before X" is "no word character or hyphen, then X" after X.
    """
    return "(?:" + "|".join(
        f"{_first(p)}(?<![\\w-]{_first(p)}){p[len(_first(p)):]}" for p in patterns
    ) + r")(?![\w-])"


def _drop_article(k: str) -> str:
    return k[4:] if k.startswith("the ") else k


def _strip_leading(name: str, not_names: frozenset[str]) -> str:
    words = name.split()
    while words and words[0].lower() in not_names:
        words = words[1:]
    return " ".join(words)


def _not_a_name(name: str, lower_words: _LowerWords | frozenset[str],
                not_names: frozenset[str]) -> bool:
    words = name.split()
    if all(w.lower() in not_names for w in words):
        return True
    if len(words) == 1:
        word = words[0]
        return len(word) < 3 or word.lower() in lower_words or word.isupper() and len(word) < 3
    return False
