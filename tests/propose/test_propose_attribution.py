import pytest
from propose_support import make_lexicon

from tollbook.extract.propose.attribution import Attributor, find_speakers, hedge_of


def claimants(text, outlet=None):
    lexicon = make_lexicon()
    mentions, _ = lexicon.names.scan(text, [(0, len(text))])
    attributor = Attributor(text, lexicon.names, mentions, outlet)
    out = []
    start = 0
    for part in text.split("\n"):
        end = start + len(part)
        c = attributor.claimant(start, end, start)
        out.append((c.text, c.actor, c.relayed_by))
        attributor.note_sentence(start, end)
        start = end + 1
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("Six were killed, the Syrian Observatory for Human Rights said.",
     ("the Syrian Observatory for Human Rights", "act_sohr", ())),
    ("Six were killed, according to SOHR.", ("SOHR", "act_sohr", ())),
    ("Six were killed, reports the Syrian Observatory for Human Rights.",
     ("the Syrian Observatory for Human Rights", "act_sohr", ())),
    ("A monitor told AFP six were killed.", ("A monitor", None, ("act_afp",))),
    ("Reuters quoted SOHR as saying six were killed.", ("SOHR", "act_sohr", ("act_reuters",))),
    ("Six were killed.", (None, None, ())),
])
def test_shapes(text, expected):
    assert claimants(text) == [expected]


def test_speaker_registry_pronouns_and_descriptions():
    text = ("Ten died, reports the Syrian Observatory for Human Rights.\n"
            "Six more died, the activist group reported.\n"
            "Observatory head Rami Abdel-Rahman told AFP that 34 airstrikes hit.\n"
            "He reported more strikes.\n"
            "Thirty were killed, Abdel-Rahman said.")
    assert claimants(text, outlet="act_al_bawaba") == [
        ("the Syrian Observatory for Human Rights", "act_sohr", ("act_al_bawaba",)),
        ("the activist group", "act_sohr", ("act_al_bawaba",)),
        ("Rami Abdel-Rahman", "act_sohr", ("act_afp", "act_al_bawaba")),
        ("He", "act_sohr", ("act_afp", "act_al_bawaba")),
        ("Abdel-Rahman", "act_sohr", ("act_afp", "act_al_bawaba")),
    ]
    speaker = find_speakers(text)["rami abdel rahman"]
    assert (speaker.org, speaker.channels) == ("Observatory", ["AFP"])


@pytest.mark.parametrize(("text", "hedge"), [
    ("Nusra accused Assad forces of executing 15 prisoners.", "accused"),
    ("The group claimed it killed 20 soldiers.", "claimed"),
    ("A video purportedly shows 5 bodies.", "purportedly"),
    ("Ten were reportedly killed.", "reportedly"),
    ("Unconfirmed reports say 9 died.", "unconfirmed"),
    ("The blast claimed the lives of 9 people.", "none"),
    ("Nine people were killed.", "none"),
])
def test_hedges(text, hedge):
    assert hedge_of(text, 0, len(text)) == hedge
