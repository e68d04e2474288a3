"""Pair numbers with outcome words in a sentence; the :class:`Candidate` a curator reviews.

Shapes recognised, with a score that falls with the words between number and outcome:

- direct: "34 airstrikes", "70 dead", "three civilians killed" (the outcome word follows the
  number and its party phrase at once);
- after: "30 regime troops and 43 rebels … have been killed" (passive or intransitive verb
  later in the clause; other figures and their parties may stand between);
- before: "killing at least 18 people", "executing 15 prisoners" (the number is the object);
- toll: "the death toll rose to 112";
- nested: "including 13 Chechen fighters", "among them two children" → ``part_of`` the
  figure before it in the sentence, inheriting its outcome; among: "68 children were among
  the 126 people killed" → ``part_of`` the figure after it;
- control: "captured/seized/overran/took control of <site or place>", "<place> fell to X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tollbook.extract.propose.grammar import Grammar
from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.numbers import Quantity
from tollbook.extract.propose.outcomes import ControlCue, Cue
from tollbook.extract.propose.rules import Pairing, default_rules

#: Below this score a pairing is not proposed.
MIN_SCORE = 0.35
# The weights, reaches and evidence of each shape are the ``pairings`` of ``rules.yaml``
# (:class:`~.rules.Pairing`): "after" reaches 16 words ("30 … have been killed"),
# "after-implied" 3 (a noun with no number is a count only close to its verb), "before" 4
# ("killed a total of 25"), "toll" 24, "joined" 14 words past the verb ("60 … were killed in
# the attack on the base, along with 27"), "joined-and" 8 ("killed 45 civilians in and
# around Aleppo and 22 in neighbouring Idlib"). The function words the shapes read are the
# lexicon's ``grammar`` (:class:`~.grammar.Grammar`).

#: Words, with dotted abbreviations whole ("U.S.-led", "U.N."), and single other characters.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}[\w'-]*|[\w'-]+|[^\w\s]")
#: A number counting some of the figure before it, written after: "86, 30 of them children".
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")
#: A coordination between a number and an outcome word after it.
_AND = re.compile(r"\band\b")


@dataclass
class Candidate:
    """One proposed figure, flat: what ``--format jsonl`` writes, one per line."""

    document: str
    candidate_id: str
    claim_id: str
    kind: str  # casualty | airstrike | control_change
    outcome: str  # killed/injured/executed/captured/missing; weapon; captured (control)
    count_low: int | None
    count_best: int | None
    count_high: int | None
    qualifier: str | None
    count_value: int | None
    count_word: str | None
    number_text: str | None
    number_start: int | None
    number_end: int | None
    party_text: str | None
    party: str | None
    quote: str
    char_start: int
    char_end: int
    date_start: str | None = None
    date_end: str | None = None
    date_prec: int | None = None
    date_text: str | None = None
    location_id: str | None = None
    location_text: str | None = None
    where_prec: int | None = None
    claimant_text: str | None = None
    claimant: str | None = None
    relayed_by: list[str] = field(default_factory=list)
    hedge: str = "none"
    part_of: str | None = None
    site_text: str | None = None
    gained_by: str | None = None
    lost_by: str | None = None
    perpetrator: str | None = None
    confidence: float = 0.0
    evidence: str = ""
    count_note: str | None = None
    location_start: int | None = None  # where the place's words stand in the text
    location_end: int | None = None
    #: dataset (reference/locations.csv) | geonames (the offline gazetteer) | unresolved
    place_source: str | None = None
    place_geonames: str | None = None  # "GeoNames 2453514 Ménaka, ML, city (15.92, 2.40)"


@dataclass
class Figure:
    """A pairing found in one sentence, before ids, dates, places and claimants are added."""

    kind: str
    outcome: str
    score: float
    evidence: str
    anchor: tuple[int, int]  # the number's span, or the control verb's when no number
    quantity: Quantity | None = None
    party_text: str | None = None
    parent: int | None = None  # index of the figure this one is part of
    site_text: str | None = None
    gained_by: str | None = None
    lost_by: str | None = None
    location: NameMention | None = None


def _words(view: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(view, start, end))


def _party(view: str, q: Quantity, end: int, cue_starts: set[int], g: Grammar
           ) -> tuple[str | None, int]:
    """The party phrase after a number, and where the scan stopped."""
    words: list[str] = []
    stop = q.end
    tokens = list(_TOKEN.finditer(view, q.end, min(end, q.end + 160)))
    for i, t in enumerate(tokens):
        w = t.group()
        if t.start() in cue_starts or not (w[0].isalnum()) or w.lower() in g.party_stops:
            if w.lower() == "the" and words and words[-1].lower() == "of":
                words.append(w)
                continue
            if w.lower() == "and" and words and _and_continues(tokens, i, cue_starts, g):
                words.append(w)  # "members of the army and allied militia"
                continue
            stop = t.start()
            break
        if w[0].isdigit() or len(words) >= 7:
            stop = t.start()
            break
        words.append(w)
        stop = t.end()
    else:
        stop = end
    while words and words[-1].lower() in ("of", "the"):
        words.pop()
    if words and words[0].lower() == "of" and q.qualifier == "vague":
        words = words[1:]
    text = " ".join(words) if words else None
    return text, stop


def _and_continues(tokens: list[re.Match[str]], i: int, cue_starts: set[int], g: Grammar
                   ) -> bool:
    """Whether "and" joins two nouns of one party ("the army and allied militia") rather
    than starting another figure or clause ("and 43 rebels", "and wounded 20")."""
    if i + 2 >= len(tokens):
        return False
    nxt, after = tokens[i + 1], tokens[i + 2]
    w = nxt.group().lower()
    if not w[0].isalpha() or w in g.party_stops or w in g.number_words \
            or nxt.start() in cue_starts:
        return False
    a = after.group().lower()
    if w.endswith("ed") and (a in g.determiners or a[0].isdigit() or a in g.number_words):
        return False  # "and destroyed the …": a verb
    return a[0].isalpha() and a not in g.number_words and after.start() not in cue_starts \
        or a in g.party_stops or not a[0].isalnum()


def sentence_figures(
    view: str,
    start: int,
    end: int,
    quantities: list[Quantity],
    cues: list[Cue],
    control: list[ControlCue],
    places: list[NameMention],
    actors: list[NameMention],
    other_outcomes: frozenset[int] = frozenset(),
    pairings: dict[str, Pairing] | None = None,
    things: frozenset[int] = frozenset(),
    grammar: Grammar | None = None,
) -> list[Figure]:
    """Every figure in the sentence ``view[start:end]``. ``other_outcomes``: where words
    of outcomes no figure is drafted for begin ("displaced", "fled"). ``pairings``: the
    shapes' numbers (the packaged rules' when not given); ``grammar``: the lexicon's function
    words (the packaged lexicon's when not given)."""
    pair = pairings if pairings is not None else default_rules().pairings
    if grammar is None:
        from tollbook.extract.propose.tagger import packaged_words

        grammar = packaged_words().grammar
    g = grammar
    cue_at = {c.start: c for c in cues}
    figures: list[Figure] = []
    q_spans = [(q.span_start, q.end) for q in quantities]
    #: Outcome words a figure before them already took ("2 persons killed 13 injured"): such a
    #: word does not take the number after it as well.
    taken: set[int] = set()
    among: list[tuple[Quantity, str | None]] = []  # parts of a figure told after them
    for q in quantities:
        party, stop = _party(view, q, end, set(cue_at), g)
        if q.implied:  # "the group's commander" is its own party; "killing him" has none
            party = q.noun
        options: list[tuple[float, str, str, str]] = []
        direct = cue_at.get(_skip_space(view, stop))
        if direct is not None and _takes_object(view, direct, quantities, cues, end, g):
            direct = None  # "three suicide bombers killed at least two people": the agents
        if direct is not None and direct.word.after:
            kind = "casualty" if direct.word.kind in ("casualty", "toll") else direct.word.kind
            # "13 civilians killed 43 others injured": "others" makes 43 a group of its own
            p = pair["direct"]
            separate = p.bonus if party and party.split()[0].lower() in g.separate else 0.0
            options.append((p.weight * direct.word.weight + separate, kind, direct.word.outcome,
                            p.note(direct.text)))
        following = next((c for c in cues if c.start >= stop and c is not direct), None)
        after_option = None
        if direct is None and following is not None and following.word.after \
                and following.word.kind == "casualty":
            gap = _gap(view, stop, following.start, q_spans, g)
            p = pair["after-implied" if q.implied else "after"]
            if gap is not None and gap <= (p.reach or 0) and not _active(view, following, q_spans, g):
                after_option = (p.weight * following.word.weight - p.per_word * gap, "casualty",
                                following.word.outcome, p.note(following.text, gap))
                options.append(after_option)
        nearest = True  # the nearest word before the number; past it, only a toll
        for cue in reversed(cues):
            if cue.end > q.span_start or cue.word.kind == "airstrike":
                continue
            if cue.start in taken and direct is not None:
                break
            if not nearest and cue.word.kind != "toll":
                continue
            between = _words(view, cue.end, q.span_start)
            n = sum(1 for t in between if t.group()[0].isalnum())
            blocked = any(t.group().lower() in g.clause_breaks or t.group() in ";:."
                          for t in between)
            toll, before = pair["toll"], pair["before"]
            if cue.word.kind == "toll" and n <= (toll.reach or 0) and not blocked \
                    and not q.implied \
                    and (not between or between[-1].group().lower() in g.toll_leads):
                options.append((toll.weight - toll.per_word * n, "casualty", cue.word.outcome,
                                toll.note(cue.text, n)))
            elif cue.word.before and n <= (before.reach or 0) and not blocked \
                    and all(t.group().lower() in g.object_leads for t in between) \
                    and not (direct is not None and direct.word.after and direct.word.before
                             and direct.word.outcome != cue.word.outcome):
                # "A woman killed 30 injured": 30 takes the participle after it (a noun
                # after it, "executing 15 prisoners", is the verb's object)
                options.append((before.weight * cue.word.weight - before.per_word * n,
                                "casualty", cue.word.outcome, before.note(cue.text, n)))
            if options or not nearest or cue.word.kind == "toll" or between and \
                    between[-1].group().lower() not in g.toll_leads:
                break
            # "the toll for Russian soldiers killed in the conflict to 18": a word that takes
            # no number after it leaves the number to a toll before it
            nearest = False
        joined = None if q.implied or _skip_space(view, q.end) in other_outcomes \
            or _own_verb(party, g) \
            or _skip_space(view, stop) in other_outcomes \
            or _other_outcome_follows(view, stop, other_outcomes, cue_at, g) \
            else _coordinated(view, q, figures, cues, pair, g)
        if joined is not None and not options:
            p = pair[joined[1]]
            options.append((joined[0].score * p.weight, joined[0].kind, joined[0].outcome,
                            p.note()))
        parent = _nested_parent(view, start, q, figures, g, other_outcomes)
        if parent is None and _among_next(view, stop, q, quantities, g):
            among.append((q, party))  # "68 children were among the 126 killed": after it
            continue
        if parent is not None and after_option in options and following is not None \
                and following.word.outcome != figures[parent].outcome \
                and _AND.search(view, q.end, following.start):
            # "killed 38 civilians including 14 children and wounded another 250": the
            # outcome after "and" is another clause's; the number stays in the figure it is in
            options.remove(after_option)
        shared = _place_share(view, q, figures, g) if parent is None else None
        if not options and parent is None:
            if shared is None:
                continue
            # "21 killed in the area, 15 in Manbij and another six in Tukhar", "and one in
            # Harasta": a number counted by place shares the figure before's outcome
            parent, sibling = shared
            if sibling is not None:
                p = pair["joined"]
                options.append((sibling.score * p.weight, sibling.kind, sibling.outcome,
                                p.note()))
        elif shared is not None and shared[0] is not None:
            parent = shared[0]  # "including 9 in X, 8 in Y and 5 in Z": all parts of the whole
        if options:
            score, kind, outcome, evidence = max(options, key=lambda o: o[0])
            if party is None and direct is not None and not evidence.startswith("number then"):
                party = direct.text  # "executing 15 prisoners": the noun names the party
        if parent is not None:
            whole = figures[parent]
            if not options or (outcome == whole.outcome and kind == whole.kind):
                kind, outcome = whole.kind, whole.outcome
                p = pair["nested" if options else "nested-alone"]
                score = max(score, whole.score * p.weight) if options else whole.score * p.weight
                evidence = (evidence + ", " if options else "") + p.note()
            else:
                parent = None
        if score < MIN_SCORE:
            continue
        if kind == "casualty" and any(q.end <= t < stop and not _OF_AND.search(view, q.end, t)
                                      for t in things):
            continue  # "18 of the 31 lorries were destroyed": things, never casualties
        if direct is not None and evidence.startswith("number then"):
            taken.add(direct.start)
        figures.append(Figure(kind, outcome, round(score, 2), evidence, (q.start, q.end), q,
                              party, parent))
    for q, party in among:
        after = next((i for i, f in enumerate(figures)
                      if f.quantity is not None and f.quantity.start > q.end
                      and f.parent is None), None)
        if after is not None:
            w, p = figures[after], pair["among"]
            figures.append(Figure(w.kind, w.outcome, round(w.score * p.weight, 2), p.note(),
                                  (q.start, q.end), q, party, after))
    figures.extend(_control_changes(view, start, end, control, quantities, figures, places,
                                    actors, pair, g))
    return figures


#: Where a party phrase's head noun ends: "30 members of the army", "5 men and 3 trucks".
_OF_AND = re.compile(r"\s(?:of|and)\s")


#: How many words after a number's party an outcome no figure is drafted for may stand and
#: still be what the number counts ("10 million have been displaced", "five million who have
#: sought refuge").
OTHER_REACH = 3


def _other_outcome_follows(view: str, stop: int, other_outcomes: frozenset[int],
                           cue_at: dict[int, Cue], g: Grammar) -> bool:
    """Whether the words after a number's party are auxiliaries leading to an outcome no
    figure is drafted for ("… and around 10 million have been displaced")."""
    if not other_outcomes:
        return False
    for n, t in enumerate(_WORD_RE.finditer(view, stop)):
        if t.start() in other_outcomes:
            return True
        if n >= OTHER_REACH or t.start() in cue_at or t.group().lower() not in g.auxiliaries:
            return False
    return False


_WORD_RE = re.compile(r"[\w'-]+")


def _skip_space(view: str, i: int) -> int:
    while i < len(view) and view[i] == " ":
        i += 1
    return i


def _gap(view: str, start: int, end: int, q_spans: list[tuple[int, int]], g: Grammar
         ) -> int | None:
    """Words between a party phrase and a later outcome word; None if the clause breaks.

    Other figures may stand between only as part of a list ("30 regime troops and 43
    rebels – including 13 …"), not in a phrase of their own ("rises to 12 with over 200").
    """
    n, previous, before_previous = 0, "", ""
    starts = {s for s, _ in q_spans}
    for t in _TOKEN.finditer(view, start, end):
        w = t.group().lower()
        if w in (";", ":", ".", "(", ")") or w in g.clause_breaks:
            return None
        if t.start() in starts and previous not in g.list_words | {",", "-", "\u2013", "\u2014"} \
                and (before_previous, previous) != ("among", "the"):
            return None  # but "11 children were among the 26 civilians killed"
        if w in g.determiners and previous not in g.list_words:
            return None
        if w[0].isalnum() and not any(s < t.start() < e for s, e in q_spans):
            n += 1  # another number of a list counts as one word ("a man and a woman were")
        previous, before_previous = w, previous
    return n


def _active(view: str, cue: Cue, q_spans: list[tuple[int, int]], g: Grammar) -> bool:
    """A verb with its own object number ("killed 3") is active: it counts that number."""
    if not cue.word.before:
        return False
    before = view[max(0, cue.start - 8):cue.start].split()
    if before and before[-1].lower() in g.passive:
        return False  # "34 people were killed 6 of them women": passive, the number is its own
    nxt = _skip_space(view, cue.end)
    return any(s == nxt for s, _ in q_spans)


def _own_verb(party: str | None, g: Grammar) -> bool:
    """Whether a party phrase "others …" runs into a verb of its own ("eight others
    experienced breathing difficulties", "twenty others suffered from suffocation"): the
    number is that verb's subject, not a second figure of the verb before."""
    words = (party or "").lower().split()
    return len(words) > 1 and words[0] in g.separate and words[1].endswith("ed")


def _takes_object(view: str, cue: Cue, quantities: list[Quantity], cues: list[Cue],
                  end: int, g: Grammar) -> bool:
    """An active verb whose object is the number after it ("three suicide bombers killed at
    least two people"): the number before the verb counts its agents, not its victims. Not
    when that number's party is followed by an outcome word of its own ("13 civilians killed
    43 others injured") or the verb is passive ("34 people were killed 6 of them women")."""
    if not _active(view, cue, [(q.span_start, q.end) for q in quantities], g):
        return False
    nxt = _skip_space(view, cue.end)
    obj = next((q for q in quantities if q.span_start == nxt), None)
    if obj is None or obj.implied:
        return False
    starts = {c.start: c for c in cues}
    _, stop = _party(view, obj, end, set(starts), g)
    own = starts.get(_skip_space(view, stop))
    return own is None or own is cue or not own.word.after


#: Possessives that may stand between "and" and a joined number ("and his two bodyguards").
_POSSESSIVES = frozenset(("his", "her", "their", "its"))


def _coordinated(view: str, q: Quantity, figures: list[Figure], cues: list[Cue],
                 pair: dict[str, Pairing], g: Grammar) -> tuple[Figure, str] | None:
    """The figure before ``q`` when "and" joins them under one verb ("killed 45 … and 22"),
    or "along with", "as well as" … after its verb ("60 … were killed …, along with 27"),
    with the name of the pairing that joins them."""
    if not figures or figures[-1].quantity is None or figures[-1].kind != "casualty":
        return None
    before = figures[-1]
    between = _words(view, before.anchor[1], q.span_start)
    words = [t.group().lower() for t in between]
    if not words:
        return None
    if any(w in g.clause_breaks or w in (";", ":", ".") for w in words):
        return None
    joint = words[:-1] if len(words) > 1 and words[-1] in _POSSESSIVES else words
    if joint[-1] == "and" and len(words) <= (pair["joined-and"].reach or 0):
        return before, "joined-and"  # "45 … and 22", "a commissioner and his two guards"
    tail = " ".join(w for w in words[-3:] if w[0].isalnum())
    if not any(tail == j or tail.endswith(" " + j) for j in g.joiners):
        return None
    verb = next((c for c in reversed(cues) if before.anchor[1] <= c.start < q.span_start
                 and c.word.outcome == before.outcome), None)
    since = verb.end if verb is not None else before.anchor[1]
    n = sum(1 for t in _words(view, since, q.span_start) if t.group()[0].isalnum())
    return (before, "joined") if n <= (pair["joined"].reach or 0) else None


def _among_next(view: str, stop: int, q: Quantity, quantities: list[Quantity],
                g: Grammar) -> bool:
    """ "At least 68 children were among the 126 people killed": the number is part of the
    next one (the words between its party and that number are a lead of ``g.among``)."""
    nxt = next((r for r in quantities if r.span_start >= stop and r is not q), None)
    if nxt is None or not g.among:
        return False
    between = " ".join(view[stop:nxt.span_start].lower().split())
    return between in g.among


#: A number followed by a place and nothing it counts: "15 in a northern district of
#: Manbij", "8 in Ansari", "1 in each of the districts".
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,3}?"
                       r"(?:[A-Z]|each\b|(?:villages?|towns?|city|cities|districts?|"
                       r"neighbou?rhoods?|provinces?|areas?|camps?)\b)")
#: How far (characters) a number counted by place may stand from the figure before it.
_SHARE_REACH = 160


def _place_share(view: str, q: Quantity, figures: list[Figure], g: Grammar
                 ) -> tuple[int | None, Figure | None] | None:
    """For a number that only says where ("8 in Ansari") after a casualty figure of the same
    sentence: (the figure it is part of, None) when it follows a figure directly, or (that
    figure's own parent, the figure) when joined to it by "and": a share of the same whole,
    or a figure beside it. None when the number is no such share."""
    if q.implied or q.value is None or not figures or not _IN_PLACE.match(view, q.end):
        return None
    i = len(figures) - 1
    before = figures[i]
    if before.kind != "casualty" or before.quantity is None or \
            not 0 <= q.span_start - before.anchor[1] <= _SHARE_REACH:
        return None
    between = view[before.anchor[1]:q.span_start]
    if re.search(r"[;:.]", between) or any(w.lower() in g.clause_breaks
                                            for w in re.findall(r"[A-Za-z]+", between)):
        return None
    if re.search(r"\band\s+(?:another\s+|a\s+further\s+)?$", between):
        return before.parent, before
    return (before.parent if before.parent is not None else i), None


def _nested_parent(view: str, start: int, q: Quantity, figures: list[Figure], g: Grammar,
                   other_outcomes: frozenset[int] = frozenset()) -> int | None:
    if not figures or not (g.nested.search(view, max(start, q.span_start - 60), q.span_start)
                           or _OF_THEM.match(view, q.end)):
        return None
    for i in range(len(figures) - 1, -1, -1):
        if figures[i].parent is None and figures[i].quantity is not None:
            if any(figures[i].anchor[1] <= o < q.span_start for o in other_outcomes):
                return None  # "… killed, and millions forced to flee, including five million"
            return i
    return None


def _control_changes(
    view: str,
    start: int,
    end: int,
    control: list[ControlCue],
    quantities: list[Quantity],
    figures: list[Figure],
    places: list[NameMention],
    actors: list[NameMention],
    pair: dict[str, Pairing],
    g: Grammar,
) -> list[Figure]:
    found = []
    counted = {f.anchor for f in figures}
    for cue in control:
        before = _words(view, start, cue.start)
        if before and (before[-1].group().lower().rstrip("-") in g.control_modifiers
                       or view[cue.start - 1] == "-"):
            continue
        clause_start = start
        for t in before:
            if g.clause_end.fullmatch(t.group()):
                clause_start = t.end()
        if g.hypothetical.search(view, clause_start, _clause_end(view, cue.end, end, g)):
            continue
        if cue.reversed:
            site_span = (_skip_space(view, clause_start), cue.start)
            winner_span = (cue.end, _clause_end(view, cue.end, end, g))
        else:
            obj_start = _skip_space(view, cue.end)
            by = re.match(r"by\s+", view[obj_start:end])
            if by:  # passive: "seized by X": the site is what came before
                site_span = (clause_start, cue.start)
                winner_span = (obj_start + by.end(),
                               _clause_end(view, obj_start + by.end(), end, g))
            else:
                site_span = (obj_start, _clause_end(view, obj_start, end, g))
                winner_span = (clause_start, cue.start)
        site = view[site_span[0]:site_span[1]].strip(" ,")
        if not site:
            continue
        site_words = {w.lower() for w in re.findall(r"[\w'-]+", site)}
        place = next((p for p in places if site_span[0] <= p.start < site_span[1]), None)
        if place is None and not site_words & g.control_sites:
            continue
        q = next((q for q in quantities if site_span[0] <= q.span_start < site_span[0] + 12
                  and (q.start, q.end) not in counted), None)
        if q is not None and cue.weak is False and _person_object(view, q, g):
            continue
        if cue.weak and q is None and place is None:
            continue
        passive_or_reversed = cue.reversed or winner_span[0] > cue.start
        gained = (_first_actor if passive_or_reversed else _last_actor)(actors, *winner_span)
        lost_from = re.search(r"\bfrom\s+", view[site_span[0]:end])
        lost = None
        if lost_from:
            at = site_span[0] + lost_from.end()
            lost = _first_actor(actors, at, _clause_end(view, at, end, g))
        anchor = (q.start, q.end) if q is not None else (cue.start, cue.end)
        p = pair["control-weak" if cue.weak else "control"]
        found.append(Figure("control_change", "captured", p.weight, p.note(cue.text),
                            anchor, q, None, None, site, gained, lost, place))
    return found


def _person_object(view: str, q: Quantity, g: Grammar) -> bool:
    """ "captured 20 soldiers" counts people, not a place."""
    nxt = re.match(r"\s*([\w'-]+)", view[q.end:q.end + 40])
    if nxt is None:
        return False
    word = nxt.group(1)
    return word.lower() not in g.control_sites and not word[0].isupper() \
        and word.lower() not in g.control_site_modifiers


def _clause_end(view: str, start: int, end: int, g: Grammar) -> int:
    m = g.clause_end.search(view, start, end)
    return m.start() if m else end


def _last_actor(actors: list[NameMention], start: int, end: int) -> str | None:
    inside = [a for a in actors if start <= a.start and a.end <= end]
    return inside[-1].ref_id if inside else None


def _first_actor(actors: list[NameMention], start: int, end: int) -> str | None:
    inside = [a for a in actors if start <= a.start and a.end <= end]
    return inside[0].ref_id if inside else None
