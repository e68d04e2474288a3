"""The function words the pairing of numbers with outcome words reads, from the lexicon's
``grammar`` section: where a party phrase stops, what ends a clause, which words make a
number part of the figure before it, which nouns are places that change hands. Read into
word sets and three compiled patterns once per lexicon (:meth:`Grammar.from_data`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Grammar:
    party_stops: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    control_sites: frozenset[str] = frozenset()
    control_site_modifiers: frozenset[str] = frozenset()
    control_modifiers: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    object_leads: frozenset[str] = frozenset()
    toll_leads: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    separate: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    among: frozenset[str] = frozenset()
    phrase_ends: frozenset[str] = frozenset()
    #: the lexicon's number words and ``count_words``: words that start a figure
    number_words: frozenset[str] = frozenset()
    #: the lexicon's ``coordinators`` but "and": they carry a figure to the verb of the one
    #: before ("60 … were killed, along with 27")
    joiners: tuple[str, ...] = ()
    #: "including", "among them" … and up to three words, just before a number
    nested: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    #: a sign or word that ends the clause a change of control is read in
    clause_end: re.Pattern[str] = field(default=re.compile(r"[,;:.!?()\u2013\u2014\"]|\s-\s"))
    #: "would", "threatened" …: the change did not happen
    hypothetical: re.Pattern[str] = field(default=re.compile(r"(?!)"))

    @classmethod
    def from_data(cls, words: Mapping[str, Iterable[str]], number_words: Iterable[str] = (),
                  coordinators: Iterable[str] = ()) -> Grammar:
        """``words``: each key of :data:`FIELDS` → its words (lower case, single spaces)."""
        def get(key: str) -> frozenset[str]:
            return frozenset(words.get(key) or ())

        nested = _alternation(get("nested"))
        ends = _alternation(get("clause_ends"))
        hypothetical = _alternation(get("hypothetical"))
        return cls(
            **{key: get(key) for key in WORD_SETS},
            number_words=frozenset(number_words) | get("count_words"),
            joiners=tuple(c for c in coordinators if c != "and"),
            nested=re.compile(rf"(?i)\b(?:{nested})(?:\s+(?:were|are))?\s+(?:[\w'-]+\s+){{0,3}}$")
            if nested else re.compile(r"(?!)"),
            clause_end=re.compile(r"[,;:.!?()\u2013\u2014\"]|\s-\s"
                                  + (rf"|\b(?:{ends})\b" if ends else "")),
            hypothetical=re.compile(rf"(?i)\b(?:{hypothetical})\b") if hypothetical
            else re.compile(r"(?!)"),
        )


#: The keys of the lexicon's ``grammar`` section read as word sets: the fields of
#: :class:`Grammar` a lexicon gives as they are.
WORD_SETS = tuple(f.name for f in fields(Grammar)
                  if f.default == frozenset() and f.name != "number_words")
#: Every key of the section: those, and those read into patterns or merged into a field.
FIELDS = (*WORD_SETS, "clause_ends", "hypothetical", "nested", "count_words")


def _alternation(phrases: Iterable[str]) -> str:
    """One pattern of the phrases, longest first; spaces match any run of white space, a
    final "*" any ending of the word."""
    def pattern(p: str) -> str:
        stem, wild = (p[:-1], True) if p.endswith("*") else (p, False)
        body = r"\s+".join(re.escape(w) for w in stem.split())
        return body + (r"\w*" if wild else "")

    return "|".join(pattern(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))
