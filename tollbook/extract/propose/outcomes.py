"""Outcome words: what happened to the people or places a figure counts.

A :class:`Cue` is one outcome word found in a sentence. ``after`` cues may follow the number
they count ("30 regime troops … have been killed", "70 dead", "34 airstrikes"); ``before``
cues take the number as their object ("killing at least 18 people", "executing 15
prisoners"); ``toll`` cues introduce a running total ("the death toll rose to 112").
Control cues (captured, seized, overran, took control of) describe a place changing hands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tollbook.extract.propose.text import lower_case_twin, lowered
from tollbook.extract.propose.words import any_between, match_at, starts_of, word_starts


@dataclass(frozen=True)
class CueWord:
    pattern: str
    kind: str  # casualty | airstrike | toll | control
    outcome: str  # killed … missing; airstrike weapon; captured (control)
    after: bool = False
    before: bool = False
    weight: float = 1.0  # how surely the word means this outcome


#: The vocabulary, most specific first (the first alternative that matches wins).
CUE_WORDS: tuple[CueWord, ...] = (
    # running totals
    CueWord(r"death[-\s]toll|casualty\s+toll|toll|body\s+count", "toll", "killed"),
    CueWord(r"number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|people\s+killed|fatalities)",
            "toll", "killed"),
    # killed
    CueWord(r"lost\s+(?:their|his|her)\s+lives", "casualty", "killed", after=True),
    CueWord(r"claim(?:ed|ing|s)?\s+(?:the\s+)?li(?:ves|fe)\s+of|(?:the\s+)?deaths?\s+of",
            "casualty", "killed", before=True),
    CueWord(r"eliminat(?:ed|ing)|neutrali[sz](?:ed|ing)|liquidat(?:ed|ing)", "casualty", "killed",
            before=True, weight=0.8),
    CueWord(r"shot\s+dead|gunned\s+down|burned\s+to\s+death|killed", "casualty", "killed",
            after=True, before=True),
    CueWord(r"kill(?:ing|s)?|slaughter(?:ed|ing)?|massacr(?:ed|ing)", "casualty", "killed",
            before=True),
    CueWord(r"slain|died|dies|dying|perished|martyred|dead|deaths|bodies|corpses|fatalities|"
            r"martyrs", "casualty", "killed", after=True),
    CueWord(r"casualties|victims", "casualty", "killed", after=True, weight=0.6),
    # executed
    CueWord(r"executed|beheaded|crucified", "casualty", "executed", after=True, before=True),
    CueWord(r"execut(?:ing|es?)|behead(?:ing|s)?", "casualty", "executed", before=True),
    # injured
    CueWord(r"injured|wounded|hurt", "casualty", "injured", after=True, before=True),
    CueWord(r"injur(?:ing|es)|wound(?:ing|s)", "casualty", "injured", before=True),
    CueWord(r"injuries", "casualty", "injured", after=True),
    # captured (people)
    CueWord(r"taken\s+(?:prisoner|captive|hostage)|captured|abducted|kidnapped",
            "casualty", "captured", after=True, before=True),
    CueWord(r"captur(?:ing|es)|abduct(?:ing|s)|kidnapp?(?:ing|s)", "casualty", "captured",
            before=True),
    CueWord(r"prisoners|captives|hostages", "casualty", "captured", after=True, weight=0.6),
    # missing
    CueWord(r"missing|unaccounted\s+for", "casualty", "missing", after=True),
    # air and artillery strikes
    CueWord(r"air[-\s]?strikes?", "airstrike", "airstrike", after=True),
    CueWord(r"air\s+raids?", "airstrike", "air_raid", after=True),
    CueWord(r"barrel[-\s]bombs?", "airstrike", "barrel_bomb", after=True),
    CueWord(r"sorties", "airstrike", "sortie", after=True),
    CueWord(r"raids", "airstrike", "air_raid", after=True, weight=0.6),
    CueWord(r"strikes", "airstrike", "airstrike", after=True, weight=0.6),
    CueWord(r"(?:mortar|artillery|tank)\s+(?:shells|rounds)|shells|rockets|mortars",
            "airstrike", "shelling", after=True, weight=0.6),
)

#: Verbs of a place changing hands; ``fell to`` puts the place before the verb.
CONTROL_WORDS = (
    r"(?:took|taken|taking|take|takes|seized|seizing|seize|seizes|gained|regained|wrested)"
    r"\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)",
    r"(?:took|taken|taking)\s+over",
    r"captured|captures|capturing|seized|seizes|seizing|overran|overrun|overrunning|"
    r"recaptured|retook|retaken|stormed|liberated",
    r"(?:fell|fallen|falls)\s+to",
    r"(?:took|taken)",
)

#: Every cue word contains one of these (lower case); a sentence without any has no cue, and
#: this plain substring test is far cheaper than the full pattern.
STEMS = (
    "kill", "dead", "death", "die", "dying", "slain", "slaught", "massac", "perish", "martyr",
    "bodies", "corpse", "fatal", "casualt", "victim", "lives", "life", "gunned", "execut",
    "behead", "crucif", "injur", "wound", "hurt", "captur", "captive", "prisoner", "hostage",
    "abduct", "kidnap", "missing", "unaccounted", "strike", "raid", "barrel", "sortie", "shell",
    "rocket", "mortar", "toll", "count", "number", "eliminat", "neutrali", "liquidat",
    "control", "took", "taken", "taking", "seiz", "overr", "retook", "retaken", "storm",
    "liberat", "fell to", "fallen to", "falls to",
)


def has_cue(lower: str) -> bool:
    """Whether a lower-cased sentence may hold an outcome or control word at all."""
    return any(stem in lower for stem in STEMS)


# "\b" stands first, outside the alternation, so that the many positions inside words fail
# at once instead of once per alternative (several times faster on real text).
_CUES = re.compile(
    r"\b(?:" + "|".join(rf"(?P<c{i}>(?:{w.pattern})\b)" for i, w in enumerate(CUE_WORDS)) + ")",
    re.IGNORECASE,
)
_CONTROL = re.compile(
    r"\b(?:" + "|".join(rf"(?P<k{i}>(?:{p})\b)" for i, p in enumerate(CONTROL_WORDS)) + ")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    word: CueWord


@dataclass(frozen=True)
class ControlCue:
    start: int
    end: int
    text: str
    reversed: bool  # "fell to": the place comes before the verb, the winner after
    weak: bool  # bare "took"/"taken": only with a site or place as object


_CUES_LOWER = lower_case_twin(_CUES)
_CONTROL_LOWER = lower_case_twin(_CONTROL)

#: Beginnings of every word a cue (``CUE_WORDS``) can start with ("the" only in "the
#: death(s) of"), and of every word a control phrase (``CONTROL_WORDS``) can start with.
CUE_BEGINNINGS = (
    "dea cas tol bod num los cla the\\s+dea eli neu liq sho gun bur kil sla mas die dyi per "
    "mar cor fat vic exe beh cru inj wou hur tak cap abd kid pri hos mis una air bar sor rai "
    "str mor art tan she roc".split()
)
CONTROL_BEGINNINGS = "too tak sei gai reg wre cap ove rec ret sto lib fel fal".split()
#: Both patterns are tried only where one of these words starts (see :mod:`.words`).
STARTS = word_starts([*CUE_BEGINNINGS, *CONTROL_BEGINNINGS])


def _search(pattern: re.Pattern[str], twin: re.Pattern[str] | None, view: str, start: int,
            end: int) -> Iterator[re.Match[str]]:
    """``pattern``'s matches in ``view[start:end]``, tried only where they may begin."""
    low = lowered(view)
    starts = starts_of(view, STARTS) if low is not None and twin is not None else None
    if low is None or twin is None or starts is None:
        return pattern.finditer(view, start, end)
    return match_at(twin, low, starts, start, end)


def may_hold_cue(view: str, start: int, end: int) -> bool:
    """Whether ``view[start:end]`` may hold an outcome or control word (never False if it does)."""
    ascii_twins = lowered(view) is not None and _CUES_LOWER is not None and _CONTROL_LOWER is not None
    starts = starts_of(view, STARTS) if ascii_twins else None
    if starts is None:
        return has_cue(view[start:end].lower())
    return any_between(starts, start, end)


def find_cues(view: str, start: int, end: int) -> list[Cue]:
    return [
        Cue(m.start(), m.end(), view[m.start():m.end()], CUE_WORDS[int(str(m.lastgroup)[1:])])
        for m in _search(_CUES, _CUES_LOWER, view, start, end)
    ]


def find_control_cues(view: str, start: int, end: int) -> list[ControlCue]:
    found = []
    for m in _search(_CONTROL, _CONTROL_LOWER, view, start, end):
        i = int(str(m.lastgroup)[1:])
        found.append(ControlCue(m.start(), m.end(), view[m.start():m.end()], i == 3, i == 4))
    return found
