"""Pair numbers with outcome words in a sentence; the :class:`Candidate` a curator reviews.

Shapes recognised, with a score that falls with the words between number and outcome:

- direct: "34 airstrikes", "70 dead", "three civilians killed" (the outcome word follows the
  number and its party phrase at once);
- after: "30 regime troops and 43 rebels … have been killed" (passive or intransitive verb
  later in the clause; other figures and their parties may stand between);
- before: "killing at least 18 people", "executing 15 prisoners" (the number is the object);
- toll: "the death toll rose to 112";
- nested: "including 13 Chechen fighters", "among them two children" → ``part_of`` the
  figure before it in the sentence, inheriting its outcome;
- control: "captured/seized/overran/took control of <site or place>", "<place> fell to X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tollbook.extract.propose.names import NameMention
from tollbook.extract.propose.numbers import Quantity
from tollbook.extract.propose.outcomes import ControlCue, Cue
from tollbook.extract.propose.rules import Pairing, default_rules
from tollbook.extract.propose.tagger import read_words

#: Below this score a pairing is not proposed.
MIN_SCORE = 0.35
#: The weights, reaches and evidence of each shape are the ``pairings`` of ``rules.yaml``
#: (:class:`~.rules.Pairing`): "after" reaches 16 words ("30 … have been killed"),
#: "after-implied" 3 (a noun with no number is a count only close to its verb), "before" 4
#: ("killed a total of 25"), "toll" 16, "joined" 14 words past the verb ("60 … were killed in
#: the attack on the base, along with 27"), "joined-and" 8 ("killed 45 civilians in and
#: around Aleppo and 22 in neighbouring Idlib").
#: Words a party phrase ("regime troops", "members of the Islamic State group") stops at.
PARTY_STOP = frozenset(
    "and or but nor were was is are be been being have has had will would could may might "
    "in on at near from by during after before for with as while when since to into across "
    "including among who which that whom whose reportedly also all both now so yet still "
    "than over under inside outside around between against amid following according said "
    "says told the a an this these those".split()
)
#: Words that end the clause an "after" pairing may reach across.
CLAUSE_BREAK = frozenset(
    "said says told according but while whereas after before because although though when "
    "if than whereby where unless".split()
)
#: Nouns naming places that can change hands (objects of captured/seized/took control of).
SITE_NOUNS = frozenset(
    "town towns village villages city cities checkpoint checkpoints base bases airbase airport "
    "hill hills district districts neighbourhood neighbourhoods neighborhood neighborhoods "
    "area areas territory territories position positions outpost outposts post posts road "
    "roads highway crossing crossings dam bridge field fields camp prison mountain mountains "
    "region province capital suburb suburbs quarter quarters border barracks compound "
    "strongholds stronghold".split()
)
#: Words, with dotted abbreviations whole ("U.S.-led", "U.N."), and single other characters.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}[\w'-]*|[\w'-]+|[^\w\s]")
#: Joiners that carry a figure to the verb of the one before, besides "and" (the
#: lexicon's ``coordinators``).
_JOINERS = tuple(c for c in read_words().coordinators if c != "and")
#: A number counting some of the figure before it, written after: "86, 30 of them children".
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")
#: A coordination between a number and an outcome word after it.
_AND = re.compile(r"\band\b")
_NESTED = re.compile(
    r"(?i)\b(?:including|included|among\s+them|among\s+whom|of\s+whom|of\s+them|"
    r"among\s+(?:the\s+)?(?:dead|victims|those\s+killed|casualties)(?:\s+(?:were|are))?|"
    r"mostly|mainly|most\s+of\s+them|incl\.)\s+(?:[\w'-]+\s+){0,3}$"
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands dozen dozens several many".split()
)
_ADJECTIVAL = frozenset("newly recently the a an its their already".split())
#: A determiner between a figure and a later verb starts another noun phrase ("two photos
#: show the booty captured by …"): the verb is not the figure's.
_DETERMINERS = frozenset("the a an its their his her this that these those".split())
#: The only words that may stand between a verb and the number it takes as object
#: ("killed a total of 25", "killing another five"); "killed in two other districts" is no
#: count of two, and "were killed and 5 others were injured" starts a new figure.
_OBJECT_LEAD = frozenset("a an another total of estimated additional further some the lives "
                         "life".split())
#: The word just before a death toll's figure ("rose to 112", "at 50", "was 45").
_TOLL_LEAD = frozenset("to at of was is reached hit topped exceeded stood stands passed "
                       "surpassed now : , - climbed rose risen jumped".split())
#: Auxiliaries before a verb that make it passive ("were killed"): it takes no object number.
_PASSIVE = frozenset("was were been be being is are".split())
#: A party phrase starting so names a group apart from any figure before it.
_SEPARATE = frozenset(("other", "others", "more"))
#: Words after which a determiner still belongs to the figure's own list ("including a child").
_LIST_WORDS = frozenset("including and or of among with them whom".split())
_HYPOTHETICAL = re.compile(r"(?i)\b(?:would|could|might|should|will|if|unless|threaten\w*|"
                           r"aim\w*|plan\w*|attempt\w*|tr(?:y|ied|ying))\b")
_CLAUSE_END = re.compile(
    r"[,;:.!?()\u2013\u2014\"]|\s-\s|\b(?:after|before|while|when|as|but|which|who|following|"
    r"amid|since|in\s+an?\s+attack|according)\b"
)


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


def _party(view: str, q: Quantity, end: int, cue_starts: set[int]) -> tuple[str | None, int]:
    """The party phrase after a number, and where the scan stopped."""
    words: list[str] = []
    stop = q.end
    tokens = list(_TOKEN.finditer(view, q.end, min(end, q.end + 160)))
    for i, t in enumerate(tokens):
        w = t.group()
        if t.start() in cue_starts or not (w[0].isalnum()) or w.lower() in PARTY_STOP:
            if w.lower() == "the" and words and words[-1].lower() == "of":
                words.append(w)
                continue
            if w.lower() == "and" and words and _and_continues(tokens, i, cue_starts):
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


def _and_continues(tokens: list[re.Match[str]], i: int, cue_starts: set[int]) -> bool:
    """Whether "and" joins two nouns of one party ("the army and allied militia") rather
    than starting another figure or clause ("and 43 rebels", "and wounded 20")."""
    if i + 2 >= len(tokens):
        return False
    nxt, after = tokens[i + 1], tokens[i + 2]
    w = nxt.group().lower()
    if not w[0].isalpha() or w in PARTY_STOP or w in _NUMBER_WORDS or nxt.start() in cue_starts:
        return False
    a = after.group().lower()
    if w.endswith("ed") and (a in _DETERMINERS or a[0].isdigit() or a in _NUMBER_WORDS):
        return False  # "and destroyed the …": a verb
    return a[0].isalpha() and a not in _NUMBER_WORDS and after.start() not in cue_starts \
        or a in PARTY_STOP or not a[0].isalnum()


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
) -> list[Figure]:
    """Every figure in the sentence ``view[start:end]``. ``other_outcomes``: where words
    of outcomes no figure is drafted for begin ("displaced", "fled"). ``pairings``: the
    shapes' numbers (the packaged rules' when not given)."""
    pair = pairings if pairings is not None else default_rules().pairings
    cue_at = {c.start: c for c in cues}
    figures: list[Figure] = []
    q_spans = [(q.span_start, q.end) for q in quantities]
    #: Outcome words a figure before them already took ("2 persons killed 13 injured"): such a
    #: word does not take the number after it as well.
    taken: set[int] = set()
    for q in quantities:
        party, stop = _party(view, q, end, set(cue_at))
        if q.implied:  # "the group's commander" is its own party; "killing him" has none
            party = q.noun
        options: list[tuple[float, str, str, str]] = []
        direct = cue_at.get(_skip_space(view, stop))
        if direct is not None and direct.word.after:
            kind = "casualty" if direct.word.kind in ("casualty", "toll") else direct.word.kind
            # "13 civilians killed 43 others injured": "others" makes 43 a group of its own
            p = pair["direct"]
            separate = p.bonus if party and party.split()[0].lower() in _SEPARATE else 0.0
            options.append((p.weight * direct.word.weight + separate, kind, direct.word.outcome,
                            p.note(direct.text)))
        following = next((c for c in cues if c.start >= stop and c is not direct), None)
        after_option = None
        if direct is None and following is not None and following.word.after \
                and following.word.kind == "casualty":
            gap = _gap(view, stop, following.start, q_spans)
            p = pair["after-implied" if q.implied else "after"]
            if gap is not None and gap <= (p.reach or 0) and not _active(view, following, q_spans):
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
            blocked = any(t.group().lower() in CLAUSE_BREAK or t.group() in ";:." for t in between)
            toll, before = pair["toll"], pair["before"]
            if cue.word.kind == "toll" and n <= (toll.reach or 0) and not blocked \
                    and not q.implied \
                    and (not between or between[-1].group().lower() in _TOLL_LEAD):
                options.append((toll.weight - toll.per_word * n, "casualty", cue.word.outcome,
                                toll.note(cue.text, n)))
            elif cue.word.before and n <= (before.reach or 0) and not blocked \
                    and all(t.group().lower() in _OBJECT_LEAD for t in between):
                options.append((before.weight * cue.word.weight - before.per_word * n,
                                "casualty", cue.word.outcome, before.note(cue.text, n)))
            if options or nearest and cue.word.kind == "toll" or between and \
                    between[-1].group().lower() not in _TOLL_LEAD:
                break
            # "the toll for Russian soldiers killed in the conflict to 18": a word that takes
            # no number after it leaves the number to a toll before it
            nearest = False
        joined = None if q.implied or _skip_space(view, q.end) in other_outcomes \
            or _own_verb(party) \
            or _skip_space(view, stop) in other_outcomes \
            or _other_outcome_follows(view, stop, other_outcomes, cue_at) \
            else _coordinated(view, q, figures, cues, pair)
        if joined is not None and not options:
            p = pair[joined[1]]
            options.append((joined[0].score * p.weight, joined[0].kind, joined[0].outcome,
                            p.note()))
        parent = _nested_parent(view, start, q, figures, other_outcomes)
        if parent is not None and after_option in options and following is not None \
                and following.word.outcome != figures[parent].outcome \
                and _AND.search(view, q.end, following.start):
            # "killed 38 civilians including 14 children and wounded another 250": the
            # outcome after "and" is another clause's; the number stays in the figure it is in
            options.remove(after_option)
        shared = _place_share(view, q, figures) if parent is None else None
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
    figures.extend(_control_changes(view, start, end, control, quantities, figures, places,
                                    actors, pair))
    return figures


#: Where a party phrase's head noun ends: "30 members of the army", "5 men and 3 trucks".
_OF_AND = re.compile(r"\s(?:of|and)\s")


#: How many words after a number's party an outcome no figure is drafted for may stand and
#: still be what the number counts ("10 million have been displaced", "five million who have
#: sought refuge").
OTHER_REACH = 3
_AUXILIARY = frozenset("have has had been were was are is be who which that".split())


def _other_outcome_follows(view: str, stop: int, other_outcomes: frozenset[int],
                           cue_at: dict[int, Cue]) -> bool:
    """Whether the words after a number's party are auxiliaries leading to an outcome no
    figure is drafted for ("… and around 10 million have been displaced")."""
    if not other_outcomes:
        return False
    for n, t in enumerate(_WORD_RE.finditer(view, stop)):
        if t.start() in other_outcomes:
            return True
        if n >= OTHER_REACH or t.start() in cue_at or t.group().lower() not in _AUXILIARY:
            return False
    return False


_WORD_RE = re.compile(r"[\w'-]+")


def _skip_space(view: str, i: int) -> int:
    while i < len(view) and view[i] == " ":
        i += 1
    return i


def _gap(view: str, start: int, end: int, q_spans: list[tuple[int, int]]) -> int | None:
    """Words between a party phrase and a later outcome word; None if the clause breaks.

    Other figures may stand between only as part of a list ("30 regime troops and 43
    rebels – including 13 …"), not in a phrase of their own ("rises to 12 with over 200").
    """
    n, previous, before_previous = 0, "", ""
    starts = {s for s, _ in q_spans}
    for t in _TOKEN.finditer(view, start, end):
        w = t.group().lower()
        if w in (";", ":", ".", "(", ")") or w in CLAUSE_BREAK:
            return None
        if t.start() in starts and previous not in _LIST_WORDS | {",", "-", "\u2013", "\u2014"} \
                and (before_previous, previous) != ("among", "the"):
            return None  # but "11 children were among the 26 civilians killed"
        if w in _DETERMINERS and previous not in _LIST_WORDS:
            return None
        if w[0].isalnum() and not any(s < t.start() < e for s, e in q_spans):
            n += 1  # another number of a list counts as one word ("a man and a woman were")
        previous, before_previous = w, previous
    return n


def _active(view: str, cue: Cue, q_spans: list[tuple[int, int]]) -> bool:
    """A verb with its own object number ("killed 3") is active: it counts that number."""
    if not cue.word.before:
        return False
    before = view[max(0, cue.start - 8):cue.start].split()
    if before and before[-1].lower() in _PASSIVE:
        return False  # "34 people were killed 6 of them women": passive, the number is its own
    nxt = _skip_space(view, cue.end)
    return any(s == nxt for s, _ in q_spans)


def _own_verb(party: str | None) -> bool:
    """Whether a party phrase "others …" runs into a verb of its own ("eight others
    experienced breathing difficulties", "twenty others suffered from suffocation"): the
    number is that verb's subject, not a second figure of the verb before."""
    words = (party or "").lower().split()
    return len(words) > 1 and words[0] in _SEPARATE and words[1].endswith("ed")


def _coordinated(view: str, q: Quantity, figures: list[Figure], cues: list[Cue],
                 pair: dict[str, Pairing]) -> tuple[Figure, str] | None:
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
    if any(w in CLAUSE_BREAK or w in (";", ":", ".") for w in words):
        return None
    if words[-1] == "and" and len(words) <= (pair["joined-and"].reach or 0):
        return before, "joined-and"
    tail = " ".join(w for w in words[-3:] if w[0].isalnum())
    if not any(tail == j or tail.endswith(" " + j) for j in _JOINERS):
        return None
    verb = next((c for c in reversed(cues) if before.anchor[1] <= c.start < q.span_start
                 and c.word.outcome == before.outcome), None)
    since = verb.end if verb is not None else before.anchor[1]
    n = sum(1 for t in _words(view, since, q.span_start) if t.group()[0].isalnum())
    return (before, "joined") if n <= (pair["joined"].reach or 0) else None


#: A number followed by a place and nothing it counts: "15 in a northern district of
#: Manbij", "8 in Ansari", "1 in each of the districts".
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,3}?"
                       r"(?:[A-Z]|each\b|(?:villages?|towns?|city|cities|districts?|"
                       r"neighbou?rhoods?|provinces?|areas?|camps?)\b)")
#: How far (characters) a number counted by place may stand from the figure before it.
_SHARE_REACH = 160


def _place_share(view: str, q: Quantity, figures: list[Figure]
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
    if re.search(r"[;:.]", between) or any(w.lower() in CLAUSE_BREAK
                                            for w in re.findall(r"[A-Za-z]+", between)):
        return None
    if re.search(r"\band\s+(?:another\s+|a\s+further\s+)?$", between):
        return before.parent, before
    return (before.parent if before.parent is not None else i), None


def _nested_parent(view: str, start: int, q: Quantity, figures: list[Figure],
                   other_outcomes: frozenset[int] = frozenset()) -> int | None:
    if not figures or not (_NESTED.search(view, max(start, q.span_start - 60), q.span_start)
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
) -> list[Figure]:
    found = []
    counted = {f.anchor for f in figures}
    for cue in control:
        before = _words(view, start, cue.start)
        if before and (before[-1].group().lower().rstrip("-") in _ADJECTIVAL
                       or view[cue.start - 1] == "-"):
            continue
        clause_start = start
        for t in before:
            if _CLAUSE_END.fullmatch(t.group()):
                clause_start = t.end()
        if _HYPOTHETICAL.search(view, clause_start, _clause_end(view, cue.end, end)):
            continue
        if cue.reversed:
            site_span = (_skip_space(view, clause_start), cue.start)
            winner_span = (cue.end, _clause_end(view, cue.end, end))
        else:
            obj_start = _skip_space(view, cue.end)
            by = re.match(r"by\s+", view[obj_start:end])
            if by:  # passive: "seized by X": the site is what came before
                site_span = (clause_start, cue.start)
                winner_span = (obj_start + by.end(), _clause_end(view, obj_start + by.end(), end))
            else:
                site_span = (obj_start, _clause_end(view, obj_start, end))
                winner_span = (clause_start, cue.start)
        site = view[site_span[0]:site_span[1]].strip(" ,")
        if not site:
            continue
        site_words = {w.lower() for w in re.findall(r"[\w'-]+", site)}
        place = next((p for p in places if site_span[0] <= p.start < site_span[1]), None)
        if place is None and not site_words & SITE_NOUNS:
            continue
        q = next((q for q in quantities if site_span[0] <= q.span_start < site_span[0] + 12
                  and (q.start, q.end) not in counted), None)
        if q is not None and cue.weak is False and _person_object(view, q):
            continue
        if cue.weak and q is None and place is None:
            continue
        passive_or_reversed = cue.reversed or winner_span[0] > cue.start
        gained = (_first_actor if passive_or_reversed else _last_actor)(actors, *winner_span)
        lost_from = re.search(r"\bfrom\s+", view[site_span[0]:end])
        lost = None
        if lost_from:
            at = site_span[0] + lost_from.end()
            lost = _first_actor(actors, at, _clause_end(view, at, end))
        anchor = (q.start, q.end) if q is not None else (cue.start, cue.end)
        p = pair["control-weak" if cue.weak else "control"]
        found.append(Figure("control_change", "captured", p.weight, p.note(cue.text),
                            anchor, q, None, None, site, gained, lost, place))
    return found


def _person_object(view: str, q: Quantity) -> bool:
    """ "captured 20 soldiers" counts people, not a place."""
    nxt = re.match(r"\s*([\w'-]+)", view[q.end:q.end + 40])
    return nxt is not None and nxt.group(1).lower() not in SITE_NOUNS and not nxt.group(1)[0].isupper() \
        and nxt.group(1).lower() not in ("other", "more", "of", "key", "strategic", "small",
                                         "large", "nearby", "surrounding", "main", "major")


def _clause_end(view: str, start: int, end: int) -> int:
    m = _CLAUSE_END.search(view, start, end)
    return m.start() if m else end


def _last_actor(actors: list[NameMention], start: int, end: int) -> str | None:
    inside = [a for a in actors if start <= a.start and a.end <= end]
    return inside[-1].ref_id if inside else None


def _first_actor(actors: list[NameMention], start: int, end: int) -> str | None:
    inside = [a for a in actors if start <= a.start and a.end <= end]
    return inside[0].ref_id if inside else None
