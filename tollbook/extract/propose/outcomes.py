"""Outcome words: what happened to the people or places a figure counts.

A :class:`Cue` is one outcome word found in a sentence. ``after`` cues may follow the number
they count ("30 regime troops … have been killed", "70 dead", "34 airstrikes"); ``before``
cues take the number as their object ("killing at least 18 people", "executing 15
prisoners"); ``toll`` cues introduce a running total ("the death toll rose to 112").
Control cues (captured, seized, overran, took control of) describe a place changing hands.

The words are data: the ``outcomes`` and ``control`` sections of ``lexicon.yaml``, found with
every other lexicon phrase in the one pass of :class:`~.tagger.Tagger` over the document.
The functions here read those tags; given no tags they tag the stretch asked about (tests,
one-off callers).
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.extract.propose.tagger import ControlWord, OutcomeWord, Tagger, Tags, default_tagger


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    word: OutcomeWord


@dataclass(frozen=True)
class ControlCue:
    start: int
    end: int
    text: str
    reversed: bool  # "fell to": the place comes before the verb, the winner after
    weak: bool  # bare "took"/"taken": only with a site or place as object


def _tags(view: str, start: int, end: int, tags: Tags | None, tagger: Tagger | None
          ) -> tuple[Tags, int]:
    """The document's tags, or the stretch's own (offsets shifted by the returned amount)."""
    if tags is not None:
        return tags, 0
    return (tagger or default_tagger()).tag(view[start:end]), start


def may_hold_cue(view: str, start: int, end: int, tags: Tags | None = None) -> bool:
    """Whether ``view[start:end]`` holds an outcome or control word."""
    tags, shift = _tags(view, start, end, tags, None)
    return tags.any(start - shift, end - shift, "outcome") or \
        tags.any(start - shift, end - shift, "control")


def find_cues(view: str, start: int, end: int, tags: Tags | None = None,
              tagger: Tagger | None = None) -> list[Cue]:
    tagger = tagger or default_tagger()
    tags, shift = _tags(view, start, end, tags, tagger)
    outcomes = tagger.words.outcomes
    return [Cue(t.start + shift, t.end + shift, view[t.start + shift:t.end + shift],
                outcomes[t.phrase])
            for t in tags.within(start - shift, end - shift, "outcome")]


def find_control_cues(view: str, start: int, end: int, tags: Tags | None = None,
                      tagger: Tagger | None = None) -> list[ControlCue]:
    tagger = tagger or default_tagger()
    tags, shift = _tags(view, start, end, tags, tagger)
    control: dict[str, ControlWord] = tagger.words.control
    found = []
    for t in tags.within(start - shift, end - shift, "control"):
        w = control[t.phrase]
        found.append(ControlCue(t.start + shift, t.end + shift,
                                view[t.start + shift:t.end + shift], w.reversed, w.weak))
    return found
