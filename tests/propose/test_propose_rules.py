"""The proposer's rules are data (rules.yaml, a dataset's reference/propose-rules.yaml):
each problem of a rules file is one line naming the file, the line, the rule and the field."""

import pytest
from propose_support import propose_text

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.rules import RuleError, default_rules, read_rules
from tollbook.extract.propose.tagger import read_words

WORDS = read_words()


def rules_of(tmp_path, text):
    (tmp_path / "reference").mkdir(exist_ok=True)
    (tmp_path / "reference" / "propose-rules.yaml").write_text(text, encoding="utf-8")
    return read_rules(tmp_path, WORDS)


def test_packaged_rules_are_valid_and_named_once():
    rules = default_rules()
    names = [r.name for r in [*rules.exclusions, *rules.dates]]
    assert len(names) == len(set(names)) and "clock-time-colon" in names
    assert {r.anchor for r in rules.digit} == {"digit"}
    assert "month" in rules.tagged and "currency" in rules.tagged


def test_a_dataset_rule_extends_the_packaged_ones(tmp_path):
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "propose-lexicon.yaml").write_text(
        "anchors:\n  service_number: [flight, route, bus]\n", encoding="utf-8")
    (tmp_path / "reference" / "propose-rules.yaml").write_text("""\
exclusions:
  - {name: service-number, reason: reference-code, anchor: service_number,
     pattern: '(?i)\\b(?:flight|route|bus)\\s+\\d+\\b',
     evidence: 'the number of a flight or bus line, "Flight 370"'}
  - {name: ticket-number, reason: reference-code, anchor: digit,
     pattern: '\\d{3}-[A-Z]{3}\\b', evidence: 'a case number written "482-KBL"'}
""", encoding="utf-8")
    words = read_words(tmp_path)
    rules = read_rules(tmp_path, words)
    assert [r.name for r in rules.exclusions[-2:]] == ["service-number", "ticket-number"]
    assert len(rules.exclusions) == len(default_rules().exclusions) + 2
    text = "Flight 370 passengers were killed when the plane crashed, and 7 civilians died."
    packaged = propose_text(text, Lexicon.from_rows(words=words))
    assert sorted(c.count_best for c in packaged) == [7, 370]
    extended = propose_text(text, Lexicon.from_rows(words=words, rules=rules))
    assert [(c.count_best, c.outcome) for c in extended] == [(7, "killed")]


@pytest.mark.parametrize(("text", "message"), [
    ("exclusions: [\n", r"propose-rules\.yaml:2: not valid YAML"),
    ("- a list\n", r"propose-rules\.yaml:1: a propose rules file is a mapping of sections"),
    ("checks: []\n", r"propose-rules\.yaml:1: unknown section 'checks'"),
    ("fragments: [a]\n", r"propose-rules\.yaml:1: fragments: a mapping of name to pattern"),
    ("fragments:\n  x: [a]\n", r"propose-rules\.yaml:2: fragment x: a pattern"),
    ("exclusions: {a: 1}\n", r"propose-rules\.yaml:1: exclusions: a list of rules"),
    ("exclusions:\n  - just text\n", r"propose-rules\.yaml:2: exclusions: a rule is a mapping"),
    ("exclusions:\n  - {reason: x}\n", r":2: a rule of exclusions: field name: missing"),
    ("exclusions:\n  - {name: x, reason: y, anchor: digit, pattern: '\\d', evidence: e,"
     " colour: red}\n", r":2: rule x: field colour: unknown field"),
    ("exclusions:\n  - {name: x, anchor: digit, pattern: '\\d', evidence: e}\n",
     r":2: rule x: field reason: missing or not text"),
    ("exclusions:\n  - {name: x, reason: y, anchor: digit, pattern: '\\d(', evidence: e}\n",
     r":2: rule x: field pattern: not a valid regular expression"),
    ("exclusions:\n  - {name: x, reason: y, anchor: digit, pattern: '{{nope}}', evidence: e}\n",
     r":2: rule x: field pattern: unknown fragment \{\{nope\}\}"),
    ("fragments:\n  a: '{{a}}'\nexclusions:\n  - {name: x, reason: y, anchor: digit,"
     " pattern: '{{a}}', evidence: e}\n", r":4: rule x: field pattern: fragment \{\{a\}\} refers"),
    ("exclusions:\n  - {name: x, reason: y, anchor: colour, pattern: a, evidence: e}\n",
     r":2: rule x: field anchor: 'colour' is no tag of the lexicon"),
    ("exclusions:\n  - {name: x, reason: y, anchor: month, pattern: a, evidence: e,"
     " needles: [a]}\n", r":2: rule x: field needles: only for a rule anchored at document"),
    ("exclusions:\n  - {name: x, reason: y, anchor: document, pattern: a, evidence: e,"
     " needles: a}\n", r":2: rule x: field needles: a list of words"),
    ("exclusions:\n  - {name: x, reason: y, anchor: document, pattern: a, evidence: e,"
     " start_at: [a]}\n", r":2: rule x: field start_at: a pattern"),
    ("exclusions:\n  - {name: x, reason: y, anchor: digit, pattern: '^\\d', evidence: e}\n",
     r":2: rule x: field pattern: a digit rule starts at a digit"),
    ("exclusions:\n  - {name: percentage, reason: y, anchor: digit, pattern: a, evidence: e}\n",
     r":2: rule percentage: field name: already used at .*rules\.yaml:\d+"),
    ("dates:\n  - {name: x, shape: decade, anchor: [year], pattern: a, evidence: e}\n",
     r":2: rule x: field shape: unknown shape 'decade'"),
    ("dates:\n  - {name: x, shape: full, anchor: [month], pattern: '(?P<day>\\d+)',"
     " evidence: e}\n", r":2: rule x: field pattern: a full pattern needs the group\(s\) "
                        r"\(\?P<year>\.\.\.\)"),
    ("dates:\n  - {name: x, shape: month, anchor: [], pattern: a, evidence: e}\n",
     r":2: rule x: field anchor: a list of date words"),
    ("dates:\n  - {name: x, shape: month, anchor: [fortnight], pattern: a, evidence: e}\n",
     r":2: rule x: field anchor: fortnight: not a date word of the lexicon"),
    ("pairings:\n  - {name: direct, anchor: outcome, weight: 0.9, evidence: e}\n",
     r":2: rule direct: field name: already used at .*rules\.yaml:\d+"),
    ("pairings:\n  - {name: sideways, anchor: outcome, weight: 0.9, evidence: e}\n",
     r":2: rule sideways: field name: no pairing shape of that name"),
    ("pairings:\n  - just text\n", r":2: pairings: a rule is a mapping"),
    ("pairings:\n  - {weight: 1}\n", r":2: a rule of pairings: field name: missing"),
    ("pairings:\n  - {name: x, colour: red}\n", r":2: rule x: field colour: unknown field"),
    ("attributions:\n  - {name: x, shape: whispers, anchor: [said], pattern: '(?P<who>A)',"
     " evidence: e}\n", r":2: rule x: field shape: unknown shape 'whispers'"),
    ("attributions:\n  - {name: x, shape: says, anchor: [said], pattern: 'A said', evidence: e}\n",
     r":2: rule x: field pattern: an attribution pattern needs the group \(\?P<who>\.\.\.\)"),
    ("attributions:\n  - {name: x, shape: says, anchor: said, pattern: '(?P<who>A)', evidence: e}\n",
     r":2: rule x: field anchor: a list of speech verbs"),
    ("attributions:\n  - {name: x, shape: says, anchor: [mumbled], pattern: '(?P<who>A)',"
     " evidence: e}\n", r":2: rule x: field anchor: mumbled: not a speech verb of the lexicon"),
    ("speakers:\n  - {name: x, shape: speaks_for, gate: a, pattern: '(?P<person>A)', evidence: e}\n",
     r":2: rule x: field pattern: a speaks_for pattern needs the group\(s\) \(\?P<org>\.\.\.\)"),
    ("speakers:\n  - {name: x, shape: sings_for, gate: a, pattern: a, evidence: e}\n",
     r":2: rule x: field shape: unknown shape 'sings_for'"),
    ("speakers:\n  - {name: x, shape: told, gate: '(', pattern: '(?P<person>A)(?P<relay>B)',"
     " evidence: e}\n", r":2: rule x: field gate: not a valid regular expression"),
    ("hedges:\n  - {name: x, hedge: rumoured, pattern: 'rumou?red', evidence: e, needles: rum}\n",
     r":2: rule x: field needles: a list of words"),
    ("hedges:\n  - {name: x, pattern: 'rumou?red', evidence: e}\n",
     r":2: rule x: field hedge: missing or not text"),
])
def test_every_rules_file_problem_is_one_line(tmp_path, text, message):
    with pytest.raises(RuleError, match=message) as caught:
        rules_of(tmp_path, text)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "reference" / "propose-rules.yaml"))


def test_a_date_rule_of_a_dataset_reads_its_own_words(tmp_path):
    rules = rules_of(tmp_path, """\
dates:
  - {name: this-dawn, shape: relative_day, anchor: [morning],
     pattern: '\\bat\\s+dawn\\s+this\\s+morning\\b', evidence: 'the reference day'}
""")
    assert rules.dates[-1].name == "this-dawn" and rules.dates[-1].anchor == ("morning",)


@pytest.mark.parametrize(("entry", "message"), [
    ("{name: toll, anchor: control, weight: 0.85, evidence: e}",
     r"rule toll: field anchor: toll pairs a number with a word tagged outcome"),
    ("{name: toll, anchor: outcome, weight: 1.5, evidence: e}",
     r"rule toll: field weight: missing or not a number from 0 to 1"),
    ("{name: toll, anchor: outcome, evidence: e}",
     r"rule toll: field weight: missing or not a number from 0 to 1"),
    ("{name: toll, anchor: outcome, weight: 0.85, reach: -1, evidence: e}",
     r"rule toll: field reach: a whole number of words"),
    ("{name: toll, anchor: outcome, weight: 0.85, evidence: '{count} then'}",
     r"rule toll: field evidence: only \{word\} and \{gap\} may be filled in"),
    ("{name: toll, anchor: outcome, weight: 0.85}",
     r"rule toll: field evidence: missing or not text"),
])
def test_every_pairing_problem_is_one_line(tmp_path, monkeypatch, entry, message):
    # the packaged file's pairings, one of them replaced: what a maintainer's edit may break
    from tollbook.extract.propose import rules as rules_module

    text = rules_module.RULES.read_text(encoding="utf-8")
    start = text.index("  - {name: toll,")
    end = text.index("\n  - {name: before,")
    packaged = tmp_path / "rules.yaml"
    packaged.write_text(text[:start] + "  - " + entry + text[end:], encoding="utf-8")
    monkeypatch.setattr(rules_module, "RULES", packaged)
    with pytest.raises(RuleError, match=r"rules\.yaml:\d+: " + message):
        read_rules(None, WORDS)


def test_a_pairing_missing_from_the_packaged_file_is_named(tmp_path, monkeypatch):
    from tollbook.extract.propose import rules as rules_module

    text = rules_module.RULES.read_text(encoding="utf-8")
    start = text.index("  - {name: control-weak,")
    packaged = tmp_path / "rules.yaml"
    packaged.write_text(text[:start], encoding="utf-8")
    monkeypatch.setattr(rules_module, "RULES", packaged)
    with pytest.raises(RuleError, match=r"rules\.yaml:\d+: pairings: no rule for control-weak$"):
        read_rules(None, WORDS)


def test_pairing_numbers_are_read_from_the_rules():
    pairings = default_rules().pairings
    assert (pairings["before"].weight, pairings["before"].per_word, pairings["before"].reach) == \
        (0.95, 0.05, 4)
    assert pairings["after"].note("killed", 3) == "number, 3 words, then 'killed'"


def test_a_dataset_hedge_and_attribution_are_used(tmp_path):
    rules = rules_of(tmp_path, """\
hedges:
  - {name: rumoured, hedge: reportedly, needles: [rumo], pattern: '\\brumou?red\\b',
     evidence: 'a rumour'}
attributions:
  - {name: per, shape: according, anchor: [according to],
     pattern: '\\baccording\\s+to\\s+figures\\s+from\\s+{{who}}', evidence: '"according to figures from X"'}
""")
    lexicon = Lexicon.from_rows(words=WORDS, rules=rules)
    text = "Five civilians were rumoured to have been killed in Gao, a resident said."
    [draft] = propose_text(text, lexicon)
    assert (draft.count_best, draft.hedge, draft.claimant_text) == (5, "reportedly", "a resident")
    assert propose_text(text, Lexicon.from_rows(words=WORDS))[0].hedge == "none"


def test_an_empty_dataset_rules_file_adds_nothing(tmp_path):
    assert len(rules_of(tmp_path, "# nothing yet\n").exclusions) == len(default_rules().exclusions)
