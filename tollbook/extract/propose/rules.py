"""The proposer's rules as data: ``rules.yaml`` (and a dataset's ``reference/propose-rules.yaml``)
read, checked and compiled once.

A rule is a name, an anchor (a tag of the lexicon's one keyword pass, or ``digit``,
``document``, ``line``, ``region``), a pattern, what it does (an exclusion's ``reason``, a
date phrase's ``shape``) and the evidence it stands for. :func:`read_rules` checks every
field and stops at the first problem with one line naming the file, the line, the rule and
the field (:class:`RuleError`). :mod:`.filters` and :mod:`.dates` apply them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from tollbook.extract.propose.required import required_words
from tollbook.extract.propose.text import lower_case_twin

if TYPE_CHECKING:
    from tollbook.extract.propose.tagger import Words

RULES = Path(__file__).with_name("rules.yaml")
#: Where a dataset keeps rules of its own (same sections as ``rules.yaml``).
DATASET_RULES = Path("reference") / "propose-rules.yaml"

#: Anchors that are no lexicon tag: how an exclusion so anchored is run.
PLACES = ("digit", "document", "line", "region")
#: The date shapes :func:`.dates.resolve` knows, with the named groups a pattern of each
#: must hold.
DATE_SHAPES: dict[str, tuple[str, ...]] = {
    "since": ("anchor",), "full": ("day", "year"), "day_month": ("day",),
    "part_month": ("part",), "part_year": ("part", "year"), "month": (),
    "relative_period": ("rel", "period"), "recent": ("period",), "days_ago": ("n", "period"),
    "weekday": ("weekday",), "relative_day": (), "year": ("year",), "past_n": ("n", "period"),
    "conflict": (), "since_previous": (), "previous_day": (), "day_after": (), "n_days": ("n", "period"),
    "weekday_span": ("first", "last"), "part_of_year": ("which", "n", "year"), "caption": (), "state": (),
    "weekend": (), "month_span": ("m1", "m2", "y2"), "toll_report": ("weekday",),
}
#: Date anchors that are no phrase of the lexicon's ``date_words``.
DATE_TAGS = ("month", "weekday", "year")
#: The attribution shapes :mod:`.attribution` knows (each pattern needs a ``who`` group).
ATTRIBUTION_SHAPES = ("cited", "according", "told", "says", "said_x")
#: The speaker shapes, with the groups a pattern of each must hold.
SPEAKER_SHAPES: dict[str, tuple[str, ...]] = {"speaks_for": ("person", "org"),
                                              "told": ("person", "relay")}

#: The pairing shapes of :mod:`.candidates` (how a number and an outcome or control word make a
#: figure), each with the tag of the word it pairs with. Their weights, reaches and evidence
#: are data (``pairings``); the shapes themselves are code.
PAIRING_SHAPES: dict[str, str] = {
    "direct": "outcome", "after": "outcome", "after-implied": "outcome", "toll": "outcome",
    "before": "outcome", "joined": "outcome", "joined-and": "outcome", "nested": "outcome",
    "nested-alone": "outcome", "among": "outcome", "control": "control",
    "control-weak": "control",
}

_FIELDS = {
    "exclusions": {"name", "reason", "anchor", "pattern", "evidence", "needles", "start_at"},
    "dates": {"name", "shape", "anchor", "pattern", "evidence"},
    "pairings": {"name", "anchor", "weight", "per_word", "reach", "bonus", "evidence"},
    "attributions": {"name", "shape", "anchor", "pattern", "evidence"},
    "speakers": {"name", "shape", "gate", "pattern", "evidence"},
    "hedges": {"name", "hedge", "needles", "pattern", "evidence"},
    "conflicts": {"name", "start", "evidence"},
    "held_areas": {"name", "area", "within", "held_by", "direction", "from", "until", "evidence"},
}
_REQUIRED = {
    "exclusions": ("name", "reason", "anchor", "pattern", "evidence"),
    "dates": ("name", "shape", "anchor", "pattern", "evidence"),
    "pairings": ("name", "anchor", "weight", "evidence"),
    "attributions": ("name", "shape", "anchor", "pattern", "evidence"),
    "speakers": ("name", "shape", "gate", "pattern", "evidence"),
    "hedges": ("name", "hedge", "pattern", "evidence"),
    "conflicts": ("name", "start", "evidence"),
    "held_areas": ("name", "area", "within", "evidence"),
}
_FRAGMENT = re.compile(r"\{\{(\w+)\}\}")


class RuleError(ValueError):
    """A rules file that cannot be used: one line naming the file, line, rule and field."""


@dataclass(frozen=True, eq=False)
class Rule:
    """One rule, compiled. Compared and hashed by identity (results are cached per rule)."""

    name: str
    anchor: str | tuple[str, ...]
    pattern: re.Pattern[str]
    evidence: str
    effect: str  # an exclusion's reason, a date rule's shape
    #: The pattern for a lower-cased ASCII text (None: run on the text as it is).
    lower: re.Pattern[str] | None = None
    #: Words one of which a text must hold (in lower case) for the rule to be tried: given
    #: for a document exclusion or a hedge, read from the pattern for an attribution
    #: (:func:`.required.required_words`, tried on an ASCII sentence only).
    needles: tuple[str, ...] = ()
    start_at: re.Pattern[str] | None = None  # also a speaker rule's gate
    where: str = ""  # file:line


@dataclass(frozen=True)
class Pairing:
    """The numbers of one pairing shape: score = ``weight`` × the word's own weight (for a
    shape pairing with an outcome word) − ``per_word`` × the words between, tried up to
    ``reach`` words away; ``bonus`` is added where the shape says (direct: a party starting
    "other", "others", "more"). ``evidence`` is the draft's note (``{word}``: the word,
    ``{gap}``: the words between)."""

    name: str
    anchor: str
    weight: float
    evidence: str
    per_word: float = 0.0
    reach: int | None = None
    bonus: float = 0.0
    where: str = ""

    def note(self, word: str = "", gap: int = 0) -> str:
        return self.evidence.format(word=repr(word), gap=gap)


@dataclass(frozen=True)
class Conflict:
    """The conflict a dataset covers, as its curators date it: ``start`` is the day they give
    a figure told "since the war began" (a dataset's own convention, so it is set in the
    dataset's rules file, never in the packaged one)."""

    name: str
    start: dt.date
    evidence: str
    where: str = ""


@dataclass(frozen=True)
class HeldArea:
    """A part of a place the dataset's tables name on its own, by who held it or where it
    lies: "rebel-held areas of Aleppo", "the east of the city" are ``area`` (a location id)
    while the report is dated from ``start`` to ``end`` (either open), when the place written
    is ``within`` and the side word is one of ``held_by`` ("rebel-held") or the direction is
    ``direction`` ("the eastern districts"). A dataset's own knowledge of its war, so it is
    set in the dataset's rules file."""

    name: str
    area: str
    within: str
    evidence: str
    held_by: frozenset[str] = frozenset()
    direction: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    where: str = ""

    def holds(self, day: dt.date | None) -> bool:
        """Whether the area was so on ``day`` (any day when the report's day is unknown)."""
        return day is None or ((self.start is None or self.start <= day)
                               and (self.end is None or day <= self.end))


@dataclass
class Rules:
    """Every rule, by how it is run."""

    exclusions: list[Rule] = field(default_factory=list)
    dates: list[Rule] = field(default_factory=list)
    pairings: dict[str, Pairing] = field(default_factory=dict)
    attributions: list[Rule] = field(default_factory=list)
    speakers: list[Rule] = field(default_factory=list)
    hedges: list[Rule] = field(default_factory=list)
    #: The conflict the dataset covers (at most one), when its rules file names it.
    conflict: Conflict | None = None
    #: Parts of places by who held them or where they lie (:class:`HeldArea`).
    held_areas: list[HeldArea] = field(default_factory=list)
    #: The fragments, expanded (code may compile one: "described" …).
    fragments: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def digit(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.exclusions if r.anchor == "digit")

    @functools.cached_property
    def document(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.exclusions if r.anchor == "document")

    @functools.cached_property
    def lines(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.exclusions if r.anchor == "line")

    @functools.cached_property
    def regions(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.exclusions if r.anchor == "region")

    @functools.cached_property
    def tagged(self) -> dict[str, tuple[Rule, ...]]:
        """The exclusions tried near a lexicon tag, by tag (in file order)."""
        by_tag: dict[str, list[Rule]] = {}
        for r in self.exclusions:
            if isinstance(r.anchor, str) and r.anchor not in PLACES:
                by_tag.setdefault(r.anchor, []).append(r)
        return {k: tuple(v) for k, v in by_tag.items()}

    @functools.cached_property
    def digit_search(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                    re.Pattern[str] | None]:
        """The ``digit`` rules in one search each: (over a lower-cased ASCII text, over the
        same text as it is, over a text that is not ASCII). Each alternative is a named group
        ``r<index>``; all start at a digit that follows no word character."""
        def joined(items: Iterable[tuple[int, str]]) -> re.Pattern[str] | None:
            parts = [f"(?P<r{i}>{source})" for i, source in items]
            return re.compile(r"(?=\d)(?<!\w)(?:" + "|".join(parts) + ")") if parts else None

        rules = self.digit
        lower = joined((i, r.lower.pattern) for i, r in enumerate(rules) if r.lower is not None)
        as_is = joined((i, _scoped(r.pattern)) for i, r in enumerate(rules) if r.lower is None)
        general = joined((i, _scoped(r.pattern)) for i, r in enumerate(rules))
        return lower, as_is, general


def _scoped(pattern: re.Pattern[str]) -> str:
    """A pattern's source with its global case flag made local, to join it with others."""
    source = pattern.pattern
    if source.startswith("(?i)"):
        return "(?i:" + source[4:] + ")"
    return "(?:" + source + ")"


def read_rules(dataset: Path | None = None, words: Words | None = None) -> Rules:
    """The packaged rules, plus the dataset's own when it has a rules file, checked against
    the lexicon ``words`` (an exclusion's anchor must be one of its tags or of
    :data:`PLACES`; a date rule's anchors its date words; an attribution's its speech verbs)."""
    paths = [RULES]
    extra = dataset / DATASET_RULES if dataset is not None else None
    if extra is not None and extra.is_file():
        paths.append(extra)
    known = (frozenset(words.tag_names()), frozenset(words.date_words),
             frozenset(words.speech_verbs)) if words is not None else \
        (frozenset(), frozenset(), frozenset())
    return _rules(tuple((p, p.stat().st_mtime) for p in paths), *known)


@functools.lru_cache(maxsize=8)
def _rules(files: tuple[tuple[Path, float], ...], tags: frozenset[str],
           date_words: frozenset[str], speech: frozenset[str]) -> Rules:
    rules = Rules()
    fragments: dict[str, str] = {}
    names: dict[str, str] = {}
    for path, mtime in files:
        data, lines = _load(path, mtime)
        given = data.get("fragments") or {}
        if not isinstance(given, Mapping):
            raise RuleError(f"{path}:{lines.get(('fragments',), 1)}: fragments: a mapping of "
                            "name to pattern")
        for name, source in given.items():
            if not isinstance(source, str):
                raise RuleError(f"{path}:{lines.get(('fragments', name), 1)}: fragment {name}: "
                                "a pattern (text)")
            fragments[str(name)] = source
        for section in data:
            if section not in ("fragments", *_FIELDS):
                raise RuleError(f"{path}:{lines.get((section,), 1)}: unknown section "
                                f"{section!r} (known: fragments, {', '.join(_FIELDS)})")
        for section in _FIELDS:
            entries = data.get(section) or []
            if not isinstance(entries, list):
                raise RuleError(f"{path}:{lines.get((section,), 1)}: {section}: a list of rules")
            for i, entry in enumerate(entries):
                where = f"{path}:{lines.get((section, i), 1)}"
                rule: Rule | Pairing | Conflict | HeldArea = (
                    _pairing(entry, where) if section == "pairings"
                    else _conflict(entry, where) if section == "conflicts"
                    else _held_area(entry, where) if section == "held_areas"
                    else _rule(section, entry, where, fragments, tags, date_words, speech))
                if rule.name in names:
                    raise RuleError(f"{where}: rule {rule.name}: field name: already used at "
                                    f"{names[rule.name]}")
                names[rule.name] = where
                if isinstance(rule, Pairing):
                    rules.pairings[rule.name] = rule
                elif isinstance(rule, HeldArea):
                    rules.held_areas.append(rule)
                elif isinstance(rule, Conflict):
                    if rules.conflict is not None:
                        raise RuleError(f"{where}: rule {rule.name}: conflicts: one conflict "
                                        f"per dataset ({rules.conflict.name} at "
                                        f"{rules.conflict.where})")
                    rules.conflict = rule
                else:
                    getattr(rules, section).append(rule)
        if path == files[0][0]:
            missing = [n for n in PAIRING_SHAPES if n not in rules.pairings]
            if missing:
                raise RuleError(f"{path}:{lines.get(('pairings',), 1)}: pairings: no rule for "
                                f"{', '.join(missing)}")
    for name in fragments:
        rules.fragments[name] = _compile("{{" + name + "}}", fragments, _no_error).pattern
    return rules


def _no_error(field_name: str, problem: str) -> RuleError:
    return RuleError(f"fragment: {problem}")


def _head(section: str, entry: object, where: str) -> tuple[Mapping, str, Callable[[str, str], RuleError]]:
    """A rule's fields, its name and how to report one of its fields; a rule that is no
    mapping, has no name or has a field its section does not know is refused here."""
    if not isinstance(entry, Mapping):
        raise RuleError(f"{where}: {section}: a rule is a mapping of fields "
                        f"({', '.join(_REQUIRED[section])})")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RuleError(f"{where}: a rule of {section}: field name: missing or not text")

    def bad(field_name: str, problem: str) -> RuleError:
        return RuleError(f"{where}: rule {name}: field {field_name}: {problem}")

    for key in entry:
        if key not in _FIELDS[section]:
            raise bad(str(key), f"unknown field (known: {', '.join(sorted(_FIELDS[section]))})")
    return entry, name, bad


def _needs_groups(pattern: re.Pattern[str], shape: str, groups: tuple[str, ...], bad) -> None:
    missing = [g for g in groups if g not in pattern.groupindex]
    if missing:
        raise bad("pattern", f"a {shape} pattern needs the group(s) "
                  + ", ".join(f"(?P<{g}>...)" for g in missing))


def _needles(entry: Mapping, bad) -> tuple[str, ...]:
    needles = entry.get("needles") or []
    if not isinstance(needles, list) or not all(isinstance(n, str) and n for n in needles):
        raise bad("needles", "a list of words (text)")
    return tuple(n.lower() for n in needles)


def _pairing(entry: object, where: str) -> Pairing:
    entry, name, bad = _head("pairings", entry, where)
    if name not in PAIRING_SHAPES:
        raise bad("name", f"no pairing shape of that name (known: {', '.join(PAIRING_SHAPES)})")
    if entry.get("anchor") != PAIRING_SHAPES[name]:
        raise bad("anchor", f"{name} pairs a number with a word tagged {PAIRING_SHAPES[name]}")
    numbers: dict[str, float] = {}
    for key in ("weight", "per_word", "bonus"):
        value = entry.get(key, None if key == "weight" else 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise bad(key, "missing or not a number from 0 to 1")
        numbers[key] = float(value)
    reach = entry.get("reach")
    if reach is not None and (isinstance(reach, bool) or not isinstance(reach, int) or reach < 0):
        raise bad("reach", "a whole number of words (0 or more)")
    evidence = _evidence(entry, bad)
    try:
        evidence.format(word="w", gap=1)
    except (KeyError, IndexError, ValueError) as error:
        raise bad("evidence", f"only {{word}} and {{gap}} may be filled in ({error})") from None
    return Pairing(name, str(entry["anchor"]), numbers["weight"], evidence, numbers["per_word"],
                   reach, numbers["bonus"], where)


def _day(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def _evidence(entry: Mapping, bad: Callable[[str, str], RuleError]) -> str:
    """A rule's ``evidence``: what it stands for, in words (required)."""
    evidence = entry.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        raise bad("evidence", "missing or not text")
    return evidence


def _conflict(entry: object, where: str) -> Conflict:
    entry, name, bad = _head("conflicts", entry, where)
    start = _day(entry.get("start"))
    if start is None:
        raise bad("start", "missing or not a day (YYYY-MM-DD)")
    evidence = _evidence(entry, bad)
    return Conflict(name, start, evidence, where)


def _held_area(entry: object, where: str) -> HeldArea:
    entry, name, bad = _head("held_areas", entry, where)
    ids = {}
    for key in ("area", "within"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.startswith("loc_"):
            raise bad(key, "missing or not a location id (loc_…)")
        ids[key] = value
    held_by = entry.get("held_by") or []
    if not isinstance(held_by, list) or not all(isinstance(w, str) and w for w in held_by):
        raise bad("held_by", "a list of side words (text)")
    direction = entry.get("direction")
    if direction is not None and not isinstance(direction, str):
        raise bad("direction", "a direction word (text)")
    if not held_by and direction is None:
        raise bad("held_by", "an area needs side words (held_by) or a direction")
    days = {}
    for key in ("from", "until"):
        if entry.get(key) is not None:
            days[key] = _day(entry[key])
            if days[key] is None:
                raise bad(key, "not a day (YYYY-MM-DD)")
    evidence = _evidence(entry, bad)
    return HeldArea(name, ids["area"], ids["within"], evidence,
                    frozenset(w.lower() for w in held_by), direction.lower() if direction else None,
                    days.get("from"), days.get("until"), where)


@functools.lru_cache(maxsize=16)
def _load(path: Path, mtime: float) -> tuple[dict, dict[tuple, int]]:
    """The file's data, and the line (1-based) of each section and of each rule in it (read
    once while the file is unchanged; the result is not modified)."""
    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the safe loader, in C when built
    try:
        loader = safe(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()  # one parse gives both the lines and the data
            data = (loader.construct_document(node) if node is not None else None) or {}
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleError(f"{where}: not valid YAML ({getattr(error, 'problem', error)})") from None
    if node is None:
        return {}, {}  # an empty file adds nothing
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise RuleError(f"{path}:1: a propose rules file is a mapping of sections")
    lines: dict[tuple, int] = {}
    for key, value in node.value:
        lines[(key.value,)] = key.start_mark.line + 1
        if isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines[(key.value, i)] = item.start_mark.line + 1
        elif isinstance(value, yaml.MappingNode):
            for k, _v in value.value:
                lines[(key.value, k.value)] = k.start_mark.line + 1
    return data, lines


def _rule(section: str, entry: object, where: str, fragments: dict[str, str],
          tags: frozenset[str], date_words: frozenset[str], speech: frozenset[str]) -> Rule:
    entry, name, bad = _head(section, entry, where)
    for key in _REQUIRED[section]:
        if key == "anchor" and section in ("dates", "attributions"):
            continue
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise bad(key, "missing or not text")
    pattern = _compile(str(entry["pattern"]), fragments, bad)
    anchor: str | tuple[str, ...]
    if section == "attributions":
        shape = str(entry["shape"])
        if shape not in ATTRIBUTION_SHAPES:
            raise bad("shape", f"unknown shape {shape!r} (known: {', '.join(ATTRIBUTION_SHAPES)})")
        if "who" not in pattern.groupindex:
            raise bad("pattern", "an attribution pattern needs the group (?P<who>...)")
        given = entry.get("anchor")
        if not isinstance(given, list) or not given or not all(isinstance(a, str) for a in given):
            raise bad("anchor", "a list of speech verbs of the lexicon")
        unknown = [a for a in given if a not in speech]
        if unknown and speech:
            raise bad("anchor", f"{', '.join(unknown)}: not a speech verb of the lexicon "
                      "(speech_verbs)")
        return Rule(name, tuple(given), pattern, str(entry["evidence"]), shape,
                    needles=required_words(pattern, given), where=where)
    if section == "speakers":
        shape = str(entry["shape"])
        if shape not in SPEAKER_SHAPES:
            raise bad("shape", f"unknown shape {shape!r} (known: {', '.join(SPEAKER_SHAPES)})")
        _needs_groups(pattern, shape, SPEAKER_SHAPES[shape], bad)
        gate = _compile(str(entry["gate"]), fragments, bad, "gate")
        return Rule(name, "document", pattern, str(entry["evidence"]), shape,
                    start_at=gate, where=where)
    if section == "hedges":
        return Rule(name, "sentence", re.compile(pattern.pattern, re.IGNORECASE),
                    str(entry["evidence"]), str(entry["hedge"]), needles=_needles(entry, bad), where=where)
    if section == "dates":
        shape = str(entry["shape"])
        if shape not in DATE_SHAPES:
            raise bad("shape", f"unknown shape {shape!r} (known: {', '.join(DATE_SHAPES)})")
        _needs_groups(pattern, shape, DATE_SHAPES[shape], bad)
        given = entry.get("anchor")
        if isinstance(given, str):
            given = [given]
        if not isinstance(given, list) or not given or not all(isinstance(a, str) for a in given):
            raise bad("anchor", "a list of date words of the lexicon, or month, weekday, year")
        unknown = [a for a in given if a not in DATE_TAGS and a not in date_words]
        if unknown and date_words:
            raise bad("anchor", f"{', '.join(unknown)}: not a date word of the lexicon "
                      "(date_words), nor month, weekday, year")
        return Rule(name, tuple(given), re.compile(pattern.pattern, re.IGNORECASE),
                    str(entry["evidence"]), shape, where=where)
    anchor = str(entry["anchor"])
    if anchor not in PLACES and tags and anchor not in tags:
        raise bad("anchor", f"{anchor!r} is no tag of the lexicon (its anchors section) nor "
                  f"one of {', '.join(PLACES)}")
    needles = _needles(entry, bad)
    start_at = entry.get("start_at")
    if start_at is not None and not isinstance(start_at, str):
        raise bad("start_at", "a pattern (text)")
    if (needles or start_at) and anchor != "document":
        raise bad("needles" if needles else "start_at", "only for a rule anchored at document")
    if anchor == "digit" and pattern.pattern.removeprefix("(?i)").startswith("^"):
        raise bad("pattern", "a digit rule starts at a digit, not at a line")
    return Rule(
        name, anchor, pattern, str(entry["evidence"]), str(entry["reason"]),
        lower_case_twin(pattern), needles,
        _compile(start_at, fragments, bad, "start_at") if start_at else None, where,
    )


def _compile(source: str, fragments: dict[str, str], bad, field_name: str = "pattern"
             ) -> re.Pattern[str]:
    seen: list[str] = []

    def expand(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise bad(field_name, f"unknown fragment {{{{{name}}}}}")
        if name in seen:
            raise bad(field_name, f"fragment {{{{{name}}}}} refers to itself")
        seen.append(name)
        out = _FRAGMENT.sub(expand, fragments[name])
        seen.pop()
        return out

    expanded = _FRAGMENT.sub(expand, source)
    try:
        return re.compile(expanded)
    except re.error as error:
        raise bad(field_name, f"not a valid regular expression ({error})") from None


@functools.lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The packaged rules, checked against the packaged lexicon."""
    from tollbook.extract.propose.tagger import packaged_words

    return read_rules(None, packaged_words())
