"""Who says so: the claimant of a sentence, the chain that relayed it, and its hedge.

Attribution shapes: "X said", "X told AFP", "said X", "reports X", "according to X",
"X reported", "the Observatory documented", "Y cited X as saying". A document-level pass
finds who speaks for whom ("Observatory head Rami Abdel-Rahman", "Rami Abdel-Rahman told
AFP"), so that a later "Abdel-Rahman said" or "he said" resolves to the organisation and
its channel. Descriptions such as "the activist group" resolve to the organisation last
named as a source. Hedges ("reportedly", "accused", "claimed", "purportedly",
"unconfirmed") are read from the sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tollbook.extract.propose.names import NameIndex, NameMention, key
from tollbook.extract.propose.rules import Rules, default_rules
from tollbook.extract.propose.tagger import Tags, Words, default_tagger

#: The attribution shapes ("X said", "according to X", "X told Y" …), the speakers ("Observatory
#: head Rami Abdel Rahman") and the hedges are rules of ``rules.yaml`` (sections
#: ``attributions``, ``speakers``, ``hedges``; :mod:`.rules`).
_PRONOUNS = frozenset(("he", "she", "they", "it"))
_NOT_SPEAKERS = frozenset(("this", "that", "there", "which", "who", "what", "it"))

@dataclass(frozen=True)
class Attribution:
    start: int
    end: int
    who: str
    relay: str | None
    shape: str
    who_start: int = -1  # where the claimant's words begin


@dataclass
class Speaker:
    """A person who speaks for an organisation, and through whom."""

    name: str
    org: str | None = None
    channels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Claimant:
    text: str | None
    actor: str | None
    relayed_by: tuple[str, ...]


def hedge_of(view: str, start: int, end: int, rules: Rules | None = None) -> str:
    """The hedge of the sentence ``view[start:end]``: the first hedge rule matching in it (a
    rule whose needles an ASCII sentence lacks is not tried)."""
    text = view[start:end]
    low = text.lower() if text.isascii() else None
    for rule in (rules if rules is not None else default_rules()).hedges:
        if low is not None and rule.needles and not any(n in low for n in rule.needles):
            continue
        if rule.pattern.search(view, start, end):
            return rule.effect
    return "none"


def find_attributions(view: str, start: int, end: int,
                      not_claimants: frozenset[str] = frozenset(),
                      speech: set[str] | None = None,
                      rules: Rules | None = None,
                      when: frozenset[str] | None = None) -> list[Attribution]:
    """Attributions in ``view[start:end]``. ``speech``: the lexicon's speech words tagged in
    it (the document's one pass); tagged here when not given. ``rules``: the attribution
    rules (the packaged ones when not given); each is tried only where one of its anchor
    words is tagged, and in an ASCII stretch only where it holds one of the rule's needles
    (words every match holds)."""
    if speech is None:
        speech = {t.phrase for t in default_tagger().tag(view[start:end]).by_tag.get("speech", [])}
    if not speech:
        return []
    when = when if when is not None else default_tagger().words.when_words
    found: list[Attribution] = []
    #: Words that name no one before a speech verb ("Initial reports from Deir Ezzor said"):
    #: no later, shorter match inside them names anyone either ("Ezzor said").
    nobody: list[tuple[int, int]] = []
    text = view[start:end]
    low = text.lower() if text.isascii() else None
    for rule in (rules if rules is not None else default_rules()).attributions:
        if speech.isdisjoint(rule.anchor):
            continue
        if low is not None and rule.needles and not any(n in low for n in rule.needles):
            continue
        shape = rule.effect
        for m in rule.pattern.finditer(view, start, end):
            who = _clean(m.group("who"))
            who_start = m.start("who")
            while who and who.split()[0].lower() in when:
                # "reported Sunday", "on Monday the Observatory said": when, not who
                rest = who.split(maxsplit=1)[1] if " " in who else ""
                who_start = m.start("who") + m.group("who").find(rest) if rest else who_start
                who = rest
            if not who:
                continue
            acronym = len(who) > 1 and who.isupper()  # "WHO said": a name, not a pronoun
            if not acronym and who.lower() in _NOT_SPEAKERS - _PRONOUNS:
                continue
            first = who.split()[0].lower()
            if (first in not_claimants and not acronym) or (first in ("the", "a", "an") and len(who.split()) > 1
                                          and who.split()[1].lower() in not_claimants
                                          and shape in ("says", "said_x")):
                nobody.append((who_start, m.end()))
                continue  # "Initial reports indicate …", "The latest figures show …"
            if any(m.start() < a.end and a.start < m.end() for a in found) or \
                    any(s <= m.start("who") < e for s, e in nobody):
                continue
            relay = m.groupdict().get("relay")
            found.append(Attribution(m.start(), m.end(), who, _clean(relay) if relay else None,
                                     shape, who_start))
    return sorted(found, key=lambda a: a.start)


def find_speakers(view: str, rules: Rules | None = None) -> dict[str, Speaker]:
    """People named as speaking for an organisation or through an agency, by name and surname
    (the ``speakers`` rules, each run over the document where its gate is found)."""
    speakers: dict[str, Speaker] = {}

    def speaker(name: str) -> Speaker:
        k = key(name)
        if k not in speakers:
            speakers[k] = Speaker(name)
            surname = k.split()[-1]
            if len(k.split()) > 1:
                speakers.setdefault(surname, speakers[k])
        return speakers[k]

    all_rules = (rules if rules is not None else default_rules()).speakers
    # who speaks for whom first, then the agencies they speak through
    for rule in sorted(all_rules, key=lambda r: r.effect != "speaks_for"):
        if rule.start_at is not None and rule.start_at.search(view) is None:
            continue
        for m in rule.pattern.finditer(view):
            if rule.effect == "speaks_for":
                s = speaker(_clean(m.group("person")))
                s.org = s.org or _clean(m.group("org"))
                continue
            person = _clean(m.group("person"))
            if len(person.split()) < 2 and key(person) not in speakers:
                continue
            s = speaker(person)
            relay = _clean(m.group("relay"))
            if relay not in s.channels:
                s.channels.append(relay)
    return speakers


class Attributor:
    """Resolves claimants in one document, remembering who spoke last.

    Who spoke last matters only to a claimant that is a pronoun ("he said") or a description
    ("the monitor said"). So the sentences noted, and the claimants resolved, are replayed in
    their order only when such a claimant is asked for: a claimant naming someone resolves
    the same whatever came before, and most sentences of a report are never read for
    speakers at all.
    """

    def __init__(
        self,
        view: str,
        names: NameIndex,
        mentions: list[NameMention],
        outlet: str | None = None,
        issuer: str | None = None,
        not_claimants: frozenset[str] = frozenset(),
        source_kinds: dict[str, str] | None = None,
        actor_types: dict[str, str] | None = None,
        tags: Tags | None = None,
        rules: Rules | None = None,
        source_roles: frozenset[str] | None = None,
        continuations: frozenset[str] | None = None,
        words: Words | None = None,
        issuer_text: str | None = None,
    ):
        self.view = view
        #: The words naming a release's issuer the tables do not know ("Sahel Protection
        #: Cluster / Press Release"): the claimant's words of a sentence naming no source.
        self.issuer_text = issuer_text
        words = words if words is not None else default_tagger().words
        #: Words that say when, never who ("media reported Sunday", "on Monday the
        #: Observatory said"): a claimant's words starting with one drop it.
        self.when = words.when_words
        #: Phrases of a sentence counting people of the figure before ("among those killed").
        self.nested_in_before = words.nested_in_before
        #: The actor types whose business is reporting (a monitor, an agency, an outlet): the
        #: source of a sentence giving no figure goes on into the next only if of one of these.
        self.reporting_kinds = words.reporting_kinds
        #: Words of an unnamed source that say nothing of its side ("an informed source").
        self.untyped_sources = words.untyped_sources
        #: What a claimant's words may add to a known name and still be that source speaking
        #: ("SANA reporter", "the Observatory monitoring group"): the lexicon's ``source_roles``.
        self.source_roles = source_roles if source_roles is not None else \
            default_tagger().words.source_roles
        #: Words opening a sentence that goes on with the report of the source named before.
        self.continuations = continuations if continuations is not None else \
            default_tagger().words.continuations
        self.rules = rules if rules is not None else default_rules()
        self._described = _described(self.rules.fragments.get("described", r"(?!)"))
        self.names = names
        self.mentions = mentions
        self.outlet = outlet
        #: Who a sentence naming no source is drafted from: the body heading a release, else
        #: the outlet (document context, kept apart from the named sources found).
        self.issuer = issuer or outlet
        self.not_claimants = not_claimants
        self.source_kinds = source_kinds or {}
        self.actor_types = actor_types or {}
        self.tags = tags  # the document's one keyword pass; None: each sentence tagged alone
        self._found: dict[tuple[int, int], list[Attribution]] = {}
        # Not yet replayed, in order: a noted sentence (start, end), or a claimant (who, at)
        # resolved without touching who spoke last.
        self._noted: list[tuple[int, int] | tuple[str, int]] = []
        self._actors: dict[tuple[str, int], str | None] = {}
        self._last_person: Speaker | None = None
        self._last_claimant: Claimant | None = None  # of the last figure drafted
        self._claimed: set[int] = set()  # where the sentences holding figures start
        self._last_org: str | None = None

    def claimant(self, start: int, end: int, figure: int) -> Claimant:
        """The claimant of a figure at ``figure`` in the sentence ``[start, end)``."""
        claimant = self._claimant(start, end, figure)
        self._last_claimant = claimant
        self._claimed.add(start)
        return claimant

    def _claimant(self, start: int, end: int, figure: int) -> Claimant:
        found = self._attributions(start, end)
        if not found and self._last_claimant is not None and self.nested_in_before and \
                any(p in self.view[start:end].lower() for p in self.nested_in_before):
            # "Seventeen children were among those killed": part of the figure before, and
            # of its claim
            return Claimant(None, self._last_claimant.actor, self._last_claimant.relayed_by)
        if not found:
            # no source named: the issuer or outlet speaks (measured on the gold set, this is
            # what curators record far more often than the last source named before)
            ahead = self._next_source(end) or self._previous_source(start)
            if ahead is not None:
                return ahead
            actor = self.issuer
            first = self.view[start:end].split(maxsplit=1)[:1]
            if first and first[0].lower() in self.continuations:
                # "Another seven people were killed in …": the report of the source named
                # before goes on
                self._read_noted()
                actor = self._last_org or actor
            return Claimant(self.issuer_text if actor is None else None, actor,
                            self._chain(actor, []))
        best = min(found, key=lambda a: min(abs(a.start - figure), abs(a.end - figure)))
        if best.end <= figure and _DESCRIBED_DEED.search(self.view, best.end, figure):
            # "Mogherini said the regime bears responsibility for an attack that killed 58":
            # the toll describes the deed spoken of, in the outlet's words
            return Claimant(None, self.issuer, self._chain(self.issuer, []))
        if self._reads_last_speaker(best.who, best.who_start):
            self._read_noted()
            actor, channels = self._resolve(best.who, best.who_start)
        else:  # resolved now, remembered as speaker when (if ever) replayed
            last = self._last_person, self._last_org
            actor, channels = self._resolve(best.who, best.who_start)
            self._last_person, self._last_org = last
            self._noted.append((best.who, best.who_start))
        relay = self._actor(best.relay, best.start) if best.relay else None
        if relay:
            channels = [relay, *channels] if best.shape == "told" else [*channels, relay]
        if actor is None:
            outer = next((a for a in found if a.end <= best.who_start <= a.end + 6), None)
            if outer is not None and self._actor(outer.who, outer.who_start) is not None:
                # "WHO says Syrian health officials reported …": the body that says so
                best, (actor, channels) = outer, self._resolve(outer.who, outer.who_start)
        if actor is None and self._untyped(best.who):
            # "an informed source told Sputnik", "an official said": the claim of who carries
            # it, the agency told, else the issuer or outlet
            actor = relay if relay and best.shape == "told" else self.issuer
        return Claimant(best.who, actor, self._chain(actor, channels))

    def _untyped(self, who: str) -> bool:
        """Whether a claimant's words are an unnamed source of no stated side."""
        words = who.lower().split()
        return bool(words) and all(w in self.untyped_sources for w in words)

    #: The sentences of the document, in order (set by the pipeline), for :meth:`_next_source`.
    sentences: list[tuple[int, int]] = []

    def _next_source(self, end: int) -> Claimant | None:
        """A lead sentence naming no source, followed in its paragraph by one that names a
        known source ("… killed 18 people in Idlib. The Observatory said the strike …"), is
        that source's."""
        from bisect import bisect_left

        i = bisect_left(self.sentences, (end, end))
        if i >= len(self.sentences):
            return None
        s2, e2 = self.sentences[i]
        if "\n" in self.view[end:s2]:
            return None
        for a in self._attributions(s2, e2):
            if a.who.lower() in _PRONOUNS or a.who.split()[0].lower() in ("a", "an"):
                continue
            actor = self._actor(a.who, a.who_start)
            if actor is not None:
                return Claimant(None, actor, self._chain(actor, []))
        return None

    def _previous_source(self, start: int) -> Claimant | None:
        """A sentence naming no source, right after one of its paragraph that gives no figure
        but names a known source ("According to the Observatory, bombardment has battered
        the province. Since Thursday it has killed 44 civilians."), goes on with that source."""
        from bisect import bisect_left

        i = bisect_left(self.sentences, (start, start)) - 1
        if i < 0:
            return None
        s0, e0 = self.sentences[i]
        if s0 in self._claimed or "\n" in self.view[e0:start]:
            return None
        for a in self._attributions(s0, e0):
            if a.who.lower() in _PRONOUNS or a.who.split()[0].lower() in ("a", "an"):
                continue
            actor = self._actor(a.who, a.who_start)
            if actor is not None and self.actor_types.get(actor) in self.reporting_kinds:
                return Claimant(None, actor, self._chain(actor, []))
        return None

    def note_sentence(self, start: int, end: int) -> None:
        """Remember the speakers of a sentence, for pronouns and descriptions later on."""
        self._noted.append((start, end))

    def _read_noted(self) -> None:
        noted, self._noted = self._noted, []
        for start, end in noted:
            if isinstance(start, str):
                self._resolve(start, end)
                continue
            for a in self._attributions(start, end):
                self._resolve(a.who, a.who_start)

    def _reads_last_speaker(self, who: str, at: int) -> bool:
        """Whether resolving ``who`` depends on who spoke before (see :meth:`_resolve`)."""
        if who.lower() in _PRONOUNS:
            return True
        if self._speaker(who) is not None:
            return False
        return self._actor(who, at) is None and self._described.match(who) is not None

    def _speaker(self, who: str) -> Speaker | None:
        """The person ``who`` names, by name or (a name written with a capital) surname:
        "Abdel-Rahman said"; never by a common noun ("the Aamaq news agency")."""
        found = self.speakers.get(key(who))
        if found is None and who.split()[-1][:1].isupper():
            found = self.speakers.get(key(who).split()[-1])
        return found

    @functools.cached_property
    def speakers(self) -> dict[str, Speaker]:
        return find_speakers(self.view, self.rules)

    def _attributions(self, start: int, end: int) -> list[Attribution]:
        """The attributions of a sentence, found once however many figures it holds."""
        if (start, end) not in self._found:
            speech = None if self.tags is None else \
                {t.phrase for t in self.tags.within(start, end, "speech")}
            self._found[(start, end)] = find_attributions(self.view, start, end,
                                                          self.not_claimants, speech, self.rules,
                                                          self.when)
        return self._found[(start, end)]

    def _resolve(self, who: str, at: int) -> tuple[str | None, list[str]]:
        low = who.lower()
        speaker = None
        if low == "it":  # "it said": a body, never the person who spoke last
            return self._last_org, []
        if low in _PRONOUNS:
            speaker = self._last_person
        else:
            speaker = self._speaker(who)
        if speaker is not None:
            self._last_person = speaker
            # the body he speaks for, else (a body the tables lack) the person himself
            actor = (self._actor(speaker.org, at) if speaker.org else None) or \
                self._actor(speaker.name, at)
            channels = [c for c in (self._actor(ch, at) for ch in speaker.channels) if c]
            if actor:
                self._last_org = actor
            return actor, channels
        if low in _PRONOUNS:
            return self._last_org, []
        actor = self._actor(who, at)
        if actor is None and low.split()[0] in ("a", "an"):
            actor = self._of_kind(low, at)  # "a monitor said": the monitor named in the text
            return actor, []
        if actor is None and low.split()[0] not in ("the", "a", "an"):
            # "state media said", "Syrian state television reported": the source of that kind
            actor = self._of_kind("a " + low, at)
        if actor is None and self._described.match(who):
            # "the monitor said" is the source named before; "a rebel commander said" is a
            # new, unnamed one. With no source named before, "the UK-based monitor" is the
            # source of its kind the document names. "The correspondent said": the body
            # whose correspondent was named before ("SANA's correspondent quoted …").
            actor = self._staff_of(low.split()[-1], at) or self._last_org or \
                self._of_kind(low, at)
        elif actor is None and low.endswith("s") and low.split()[0] not in ("the", "a", "an"):
            actor = self._of_kind("a " + low[:-1], at)  # "according to monitors"
        elif actor is not None and self.actor_types.get(actor) == "individual":
            self._last_person = Speaker(who)  # a person of the tables: "he", never "it"
        elif actor is not None:
            self._last_org = actor
        if actor is None and len(who.split()) >= 2 and who[:1].isupper():
            self._last_person = Speaker(who)
        return actor, []

    def _staff_of(self, role: str, at: int) -> str | None:
        """The body last named before ``at`` with this role after its name ("SANAs
        correspondent", "the Reuters reporter"); None for a role no body had."""
        if role not in self.source_roles or role in _BODY_WORDS:
            return None
        for m in reversed(self.mentions):
            if m.kind != "actor" or m.start >= at:
                continue
            after = self.view[m.end:m.end + len(role) + 4].lower().removeprefix("'s")
            if after.split()[:1] == [role]:
                return m.ref_id
        return None

    def _of_kind(self, description: str, at: int) -> str | None:
        """The source of the kind an indefinite description names ("a war monitor"), named
        in the same document (nearest first); None for a kind no named source has."""
        words = description.split()[1:]
        matching = [(len(phrase.split()), kind) for phrase, kind in self.source_kinds.items()
                    if " ".join(words[-len(phrase.split()):]) == phrase]
        if not matching:
            return None
        longest = max(n for n, _ in matching)  # "state-run news agency", not "news agency"
        kinds = {kind for n, kind in matching if n == longest}
        named = [m for m in self.mentions
                 if m.kind == "actor" and self.actor_types.get(m.ref_id) in kinds]
        if not named:
            return None
        return min(named, key=lambda m: abs(m.start - at)).ref_id

    def _actor(self, text: str | None, at: int) -> str | None:
        """An actor id for a name: the reference tables, else a longer name used earlier."""
        if not text:
            return None
        if (text, at) not in self._actors:
            self._actors[(text, at)] = self._find_actor(text, at)
        return self._actors[(text, at)]

    def _find_actor(self, text: str, at: int) -> str | None:
        short = _SHORT_FORM.search(text)
        if short:  # "the United Nations Children's Fund (UNICEF)": the short form names it
            found = self.names.lookup(short.group(1), kind="actor")
            if found:
                return found.ref_id
            text = text[:short.start()]
        found = self.names.lookup(text, kind="actor")
        dotted = _DOTTED_ACRONYM.fullmatch(text)
        if found is None and dotted:  # "the U.N." is the "UN" of the tables
            found = self.names.lookup(dotted.group(1).replace(".", ""), kind="actor")
        if found is None and text[:4].lower() == "the " and text[4:5].isupper():
            found = self.names.lookup(text[4:], kind="actor")  # "the Syrian Observatory …"
        if found:
            return found.ref_id
        head = self._named_head(text, at)
        if head is not None:
            return head
        k = key(text)
        k = k[4:] if k.startswith("the ") else k
        if not k:
            return None
        pattern = _whole_words(k)
        for m in reversed(self.mentions):
            if m.kind == "actor" and m.start < at and pattern.search(key(m.text)):
                return m.ref_id
        return None

    def _named_head(self, text: str, at: int) -> str | None:
        """The actor a claimant's words begin with when the rest only says who in it spoke
        ("SANA reporter", "the Observatory's sources", "UNICEF officials")."""
        for m in self.mentions:
            if m.kind != "actor" or not at <= m.start <= at + 4 or m.end > at + len(text) + 4:
                continue
            if self.view[m.end:m.end + 1] == "-":
                continue  # "the Britain-based group": a description, not Britain speaking
            before = self.view[at:m.start].strip().lower()
            rest = self.view[m.end:at + len(text)].removeprefix("'s").removeprefix("s ").split()
            if before in ("", "the", "a", "an") and rest and len(rest) <= 2 and \
                    all(w.islower() for w in rest) and rest[-1] in self.source_roles:
                return m.ref_id
        return None

    def _chain(self, actor: str | None, channels: list[str]) -> tuple[str, ...]:
        chain: list[str] = []
        for c in [*channels, self.outlet]:
            if c and c != actor and c not in chain:
                chain.append(c)
        return tuple(chain)


@functools.lru_cache(maxsize=8)
def _described(source: str) -> re.Pattern[str]:
    """The pattern of a described source ("the monitor", "a rebel commander")."""
    return re.compile(source)


@functools.lru_cache(maxsize=4096)
def _whole_words(k: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(k)}\b")


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    if text.endswith(".") and not _DOTTED.search(text):
        text = text.rstrip(".")  # the sentence's full stop, not "U.N." or "U.S."
    if text.endswith("'s"):
        text = text[:-2]
    return text


_DOTTED_ACRONYM = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z]\.){1,4}[A-Z]\.?)")
_DESCRIBED_DEED = re.compile(
    r"\b(?:attacks?|strikes?|raids?|bombings?|blasts?|explosions?|assaults?|shelling)\s+"
    r"(?:(?:on|in|at|near|against)\s+[^,;.]{1,60}?\s+)?(?:that|which)\s+(?:had\s+)?"
    r"(?:killed|left|claimed)\b[^,;.]{0,30}$")
#: Source roles that are the body itself ("the agency said"), never its staff.
_BODY_WORDS = frozenset(("group", "agency", "organisation", "organization", "network",
                         "watchdog", "channel", "service", "charity", "monitor", "media"))
#: A name's short form in brackets after it.
_SHORT_FORM = re.compile(r"\s*\(([A-Z][\w.&-]{1,11})\)$")
#: A name ending in a dotted abbreviation ("the U.N.", "U.S.").
_DOTTED = re.compile(r"(?:^|[\s.])[A-Z]\.[A-Z]\.$")
