"""Counts written without a number, and ranges: read from the document's tags.

- the lexicon's ``implied_counts.words`` are counts themselves: "both" (2), "all three" (3);
- a pronoun object of an outcome verb counts one: "killing him";
- a singular person noun after a determiner counts one: "killed the group's commander",
  "a commander and two of his associates", "the leader was killed"; the noun phrase is its
  own party. The noun must end its phrase (followed by a verb, a preposition, a comma …),
  so "a civilian car" counts no one;
- two numbers joined as a range ("between eight and 12", "eight to 12", "10-15") become one
  quantity: at least the first, at most the second.
"""

from __future__ import annotations

import re

from tollbook.extract.propose.numbers import SCALES, Quantity
from tollbook.extract.propose.tagger import Tags, Words

_TOKEN = re.compile(r"[\w'-]+|[^\w\s]")
_RANGE_JOIN = re.compile(r"\s*(?:to|-|\u2013|or|and)\s*")


def implied_quantities(view: str, start: int, end: int, tags: Tags, words: Words
                       ) -> list[Quantity]:
    found: list[Quantity] = []
    for t in tags.within(start, end, "implied"):
        value = words.implied.get(t.phrase)
        if value is None:
            continue
        found.append(Quantity(t.start, t.end, view[t.start:t.end], value, "exact", None,
                              value, value, value, implied=True))
    outcome_ends = {c.end for c in tags.within(start, end, "outcome")}
    for t in tags.within(start, end, "pronoun"):
        if view[t.start - 1:t.start] == " " and t.start - 1 in outcome_ends:
            value = words.pronouns[t.phrase]
            found.append(Quantity(t.start, t.end, view[t.start:t.end], value, "exact", None,
                                  value, value, value, implied=True))
    persons = set()
    for t in tags.within(start, end, "person"):
        q = _person(view, start, end, t.start, t.end, words)
        if q is not None:
            found.append(q)
            persons.add(q.end)
    for t in tags.within(start, end, "outcome"):
        word = words.outcomes.get(t.phrase)
        if word is not None and word.before and word.outcome in _VICTIM_OUTCOMES:
            q = _object_one(view, t.end, end, words)
            if q is not None and q.end not in persons:
                found.append(q)
    return found


#: Outcomes whose verb takes a person as object: "killed a district commissioner" is one.
_VICTIM_OUTCOMES = frozenset(("killed", "executed"))


def _object_one(view: str, verb_end: int, end: int, words: Words) -> Quantity | None:
    """ "killed a district commissioner": "a" or "an" after a killing verb, at most three
    words, and a noun ending the phrase count one, whatever the noun (the person nouns of the
    lexicon cannot list every office and trade)."""
    g = words.grammar
    tokens = list(_TOKEN.finditer(view, _skip(view, verb_end, end), min(end, verb_end + 80)))
    if len(tokens) < 2 or tokens[0].start() != _skip(view, verb_end, end) \
            or tokens[0].group().lower() not in ("a", "an"):
        return None
    for i in range(1, min(len(tokens), 5)):
        w = tokens[i].group()
        low = w.lower()
        if not w[0].isalpha() or low in g.count_nouns or low in words.number_words \
                or low in g.object_leads or low in SCALES:
            return None
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else None
        if nxt is None or not nxt[0].isalnum() or nxt.lower() in g.phrase_ends:
            if low.endswith("s") and not low.endswith("ss") or view[tokens[i].end():][:2] == "'s":
                return None  # a plural or a possessive is no head of one
            q_start = tokens[0].start()
            return Quantity(q_start, tokens[i].end(), view[q_start:tokens[i].end()], 1, "exact",
                            None, 1, 1, 1, implied=True,
                            noun=view[tokens[1].start():tokens[i].end()])
    return None


def _person(view: str, start: int, end: int, n_start: int, n_end: int, words: Words
            ) -> Quantity | None:
    ends = words.grammar.phrase_ends
    after = _TOKEN.match(view, _skip(view, n_end, end), end) if n_end < end else None
    if after is not None and after.group()[0].isalnum() and after.group().lower() not in \
            ends and not after.group()[0].isupper() \
            and after.group().lower() not in words.person_nouns \
            and not _intransitive(after.group().lower(), words):
        return None  # "a civilian car", "the commander's": the noun is no head
    if view[n_end:n_end + 2] == "'s":
        return None
    before = list(_TOKEN.finditer(view, max(start, n_start - 60), n_start))
    # a determiner, then at most three words: adjectives, a name, a possessive
    # ("the group's military commander", "a senior Taliban commander")
    for i in range(len(before) - 1, max(-1, len(before) - 5), -1):
        w = before[i].group()
        low = w.lower()
        if low in words.determiners:
            q_start = before[i].start()
            noun = view[before[i + 1].start() if i + 1 < len(before) else n_start:n_end]
            if low not in ("a", "an", "the", "another"):
                noun = view[q_start:n_end]  # "his deputy", "its commander"
            return Quantity(q_start, n_end, view[q_start:n_end], 1, "exact", None, 1, 1, 1,
                            implied=True, noun=noun)
        if i == len(before) - 1 and (low in ("and", ",") and _listed(before[:i], words)
                                     or low in words.person_nouns and _listed(before, words)):
            # "a woman and child", "a man, woman and child": the determiner of the list
            # counts each person noun in it
            return Quantity(n_start, n_end, view[n_start:n_end], 1, "exact", None, 1, 1, 1,
                            implied=True, noun=view[n_start:n_end])
        if not w[0].isalpha() or low in words.number_words or low in ends \
                or low in ("of", "to", "the"):
            return None
    return None


def _intransitive(word: str, words: Words) -> bool:
    """Whether a word is an outcome verb that takes no object ("a child died"; not "a bomber
    killed 16 people", whose noun is who did it)."""
    outcome = words.outcomes.get(word)
    return outcome is not None and outcome.after and not outcome.before


def _listed(before: list[re.Match[str]], words: Words) -> bool:
    """Whether the tokens before a list's "and" are singular person nouns (bare or joined by
    commas) opened by an article: "a man, woman", "a woman"."""
    nouns = 0
    for t in reversed(before[-8:]):
        low = t.group().lower()
        if low in words.person_nouns:
            nouns += 1
        elif low in (",",) and nouns:
            continue
        elif low in ("a", "an") and nouns:
            return True
        else:
            return False
    return False


def _skip(view: str, i: int, end: int) -> int:
    while i < end and view[i] == " ":
        i += 1
    return i


def merge_ranges(view: str, quantities: list[Quantity]) -> list[Quantity]:
    """Two numbers joined as a range become one: "between eight and 12", "eight to 12"."""
    out: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        if i + 1 < len(quantities):
            r = quantities[i + 1]
            join = view[q.end:r.span_start]
            lead = view[max(0, q.span_start - 9):q.span_start].lower()
            is_between = lead.rstrip().endswith("between")
            word = join.strip().lower()
            if (q.value is not None and r.value is not None and q.value < r.value
                    and not q.implied and not r.implied and r.qualifier_start is None
                    and _RANGE_JOIN.fullmatch(join)
                    and (word != "and" or is_between)
                    and not lead.rstrip().endswith("from")
                    and q.qualifier in ("exact", "approximately")):
                out.append(Quantity(
                    q.start, r.end, view[q.start:r.end], q.value, "at_least", None,
                    q.value, q.value, r.value,
                    q.qualifier_start if q.qualifier_start is not None else
                    (q.span_start - len(lead) + lead.rfind("between") if is_between else None),
                    q.digits and r.digits, note=f"range {view[q.start:r.end]}",
                ))
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def combine(found: list[Quantity], implied: list[Quantity]) -> list[Quantity]:
    """Written numbers and implied counts in text order; an implied phrase holding a written
    number ("all three") replaces it."""
    if not implied:
        return found
    kept = [q for q in found
            if not any(i.start <= q.start and q.end <= i.end for i in implied)]
    taken = [(q.span_start, q.end) for q in kept]
    extra = [i for i in implied if not any(s < i.end and i.start < e for s, e in taken)]
    return sorted([*kept, *extra], key=lambda q: q.start)
