"""The lexicon's ``names`` section: the particles that join a name's words and the
capitalised words that name no one are data a dataset extends."""

from tollbook.extract.propose.gazetteer import place_phrases
from tollbook.extract.propose.names import NameIndex
from tollbook.extract.propose.tagger import Words, read_words

TEXT = "Reporters met Pieter van Dyke near the border on Monday. The agency said so."


def unknown(index: NameIndex) -> list[str]:
    return [u.text for u in index.scan(TEXT, [(0, 57), (58, len(TEXT))])[1]]


def test_the_packaged_particles_and_not_names():
    words = read_words()
    assert {"al", "abu", "the"} <= set(words.name_particles)
    assert {"published", "monday", "january"} <= words.not_names


def test_a_particle_a_dataset_adds_joins_a_name():
    packaged = read_words()
    assert unknown(NameIndex.build()) == ["Dyke", "Pieter"]
    extended = Words.from_data({"names": {"particles": ["van"]}})
    index = NameIndex.build(not_names=packaged.not_names,
                            particles=packaged.name_particles + extended.name_particles)
    assert unknown(index) == ["Pieter van Dyke"]


def test_a_not_name_is_no_name():
    assert unknown(NameIndex.build(not_names=(), particles=())) == [
        "Dyke", "Monday", "Pieter"]


def test_place_phrases_join_words_by_the_particles():
    text = "Shells fell in Bab al Hawa on Monday."
    words = read_words()
    found = place_phrases(text, 0, len(text), words.place_prepositions, words.place_nouns,
                          words.not_places, True, words.name_particles)
    assert [p.text for p in found] == ["Bab al Hawa"]
    found = place_phrases(text, 0, len(text), words.place_prepositions, words.place_nouns,
                          words.not_places, True, ())
    assert [p.text for p in found] == ["Bab"]


def test_an_adjective_of_a_people_is_no_place():
    words = read_words()

    def found(text, adjectives=words.adjectives):
        return [p.text for p in place_phrases(
            text, 0, len(text), words.place_prepositions, words.place_nouns, words.not_places,
            True, words.name_particles, adjectives, words.adjective_endings)]

    assert found("Militants stormed a hotel in the Somali capital.") == []
    assert found("Militants stormed a hotel in the Somali capital.", frozenset()) == ["Somali"]
    assert found("Shells fell in Kurdish areas and in Rebel-held districts.") == []
    assert found("Shells fell in the Kherson region.") == ["Kherson"]
