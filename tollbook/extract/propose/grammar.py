"""The function words the pairing of numbers with outcome words reads, from the lexicon's
``grammar`` section: where a party phrase stops, what ends a clause, which words make a
number part of the figure before it, which nouns are places that change hands. Read into
word sets and three compiled patterns once per lexicon (:meth:`Grammar.from_data`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

#: The keys of the lexicon's ``grammar`` section.
FIELDS = ("party_stops", "clause_breaks", "clause_ends", "control_sites",
          "control_site_modifiers", "control_modifiers", "hypothetical", "determiners",
          "object_leads", "toll_leads", "passive", "auxiliaries", "separate", "list_words",
          "nested", "among", "count_words", "count_nouns", "phrase_ends")


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
            party_stops=get("party_stops"),
            clause_breaks=get("clause_breaks"),
            control_sites=get("control_sites"),
            control_site_modifiers=get("control_site_modifiers"),
            control_modifiers=get("control_modifiers"),
            determiners=get("determiners"),
            object_leads=get("object_leads"),
            toll_leads=get("toll_leads"),
            passive=get("passive"),
            auxiliaries=get("auxiliaries"),
            separate=get("separate"),
            list_words=get("list_words"),
            count_nouns=get("count_nouns"),
            among=get("among"),
            phrase_ends=get("phrase_ends"),
            number_words=frozenset(number_words) | get("count_words"),
            joiners=tuple(c for c in coordinators if c != "and"),
            nested=re.compile(rf"(?i)\b(?:{nested})(?:\s+(?:were|are))?\s+(?:[\w'-]+\s+){{0,3}}$")
            if nested else re.compile(r"(?!)"),
            clause_end=re.compile(r"[,;:.!?()\u2013\u2014\"]|\s-\s"
                                  + (rf"|\b(?:{ends})\b" if ends else "")),
            hypothetical=re.compile(rf"(?i)\b(?:{hypothetical})\b") if hypothetical
            else re.compile(r"(?!)"),
        )


def _alternation(phrases: Iterable[str]) -> str:
    """One pattern of the phrases, longest first; spaces match any run of white space, a
    final "*" any ending of the word."""
    def pattern(p: str) -> str:
        stem, wild = (p[:-1], True) if p.endswith("*") else (p, False)
        body = r"\s+".join(re.escape(w) for w in stem.split())
        return body + (r"\w*" if wild else "")

    return "|".join(pattern(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))
