from tollbook.extract.propose.names import NameIndex, key

INDEX = NameIndex.build(
    actors=[("Syrian Observatory for Human Rights", "act_sohr"), ("AFP", "act_afp"),
            ("Al-Nusra Front", "act_nusra")],
    locations=[("Jisr al-Shughur", "loc_jisr_al_shughur"), ("A'yn al Hamra", "loc_ayn_al_hamra"),
               ("Idlib", "loc_idlib")],
)


def found(text):
    return [(m.text, m.ref_id, m.method) for m in INDEX.find(text)]


def test_exact_with_spelling_variants():
    text = "Jisr Al Shughur, A’yn al Hamra and jisr al-shughur; Al Nusra Front told AFP."
    assert found(text.replace("’", "'")) == [
        ("Jisr Al Shughur", "loc_jisr_al_shughur", "exact"),
        ("A'yn al Hamra", "loc_ayn_al_hamra", "exact"),
        ("jisr al-shughur", "loc_jisr_al_shughur", "exact"),
        ("Al Nusra Front", "act_nusra", "exact"),
        ("AFP", "act_afp", "exact"),
    ]


def test_acronyms_match_in_capitals_only():
    assert found("the afp of it") == []


def test_near_spellings_are_fuzzy_matches_and_unknown_names_are_listed():
    text = "Fighting near Jisr al-Shugour. Abu Dhuhur airbase was hit. Idlib held."
    mentions, unknown = INDEX.scan(text, [(0, len(text))])
    assert [(m.text, m.ref_id, m.method) for m in mentions] == [
        ("Jisr al-Shugour", "loc_jisr_al_shughur", "fuzzy"),
        ("Idlib", "loc_idlib", "exact"),
    ]
    assert [(u.text, u.count) for u in unknown] == [("Abu Dhuhur", 1)]


def test_lookup_of_a_phrase():
    assert INDEX.lookup("the Syrian Observatory for Human Rights").ref_id == "act_sohr"
    assert INDEX.lookup("members of the Al-Nusra Front", kind="actor").ref_id == "act_nusra"
    assert INDEX.lookup("Idlib", kind="actor") is None
    assert key("A’yn al-Hamra") == "a yn al hamra"
