from tollbook.extract.propose.text import decode, from_str, match_view


def test_clean_utf8_is_stored_unchanged():
    raw = "Jaysh al Fateh (“Army of Conquest”) took\u00a0Idlib’s centre.".encode()
    stored = decode(raw)
    assert stored.text == raw.decode("utf-8")
    assert (stored.encoding, stored.repaired, stored.differs_from_input) == ("utf-8", False, False)


def test_bom_is_dropped_and_reported():
    stored = decode(b"\xef\xbb\xbfSix were killed.")
    assert stored.text == "Six were killed."
    assert stored.encoding == "utf-8-sig" and stored.differs_from_input


def test_latin1_bytes_decode():
    stored = decode("Caf\u00e9 in Hom\u00e9 \u00a3 5".encode("latin-1"))
    assert stored.text == "Caf\u00e9 in Hom\u00e9 \u00a3 5"
    assert stored.encoding == "latin-1"


def test_mojibake_is_repaired():
    stored = from_str("The regime\u00e2\u20ac\u2122s forces said "
                      "\u00e2\u20ac\u0153six\u00e2\u20ac\u009d")
    assert stored.text == "The regime\u2019s forces said \u201csix\u201d"
    assert stored.repaired


def test_utf8_read_as_latin1_bytes_is_repaired():
    raw = "Al-Nusra’s fighters".encode().decode("latin-1").encode("utf-8")
    assert decode(raw).text == "Al-Nusra’s fighters"


def test_match_view_keeps_every_offset():
    text = "“Six”\u00a0killed – Idlib’s"
    view = match_view(text)
    assert view == '"Six" killed – Idlib\'s'
    assert len(view) == len(text)


def test_a_document_view_keeps_its_lower_case_twin():
    from tollbook.extract.propose.text import View, lowered, match_view

    view = match_view("Shelling KILLED 4 in Kherson")
    assert isinstance(view, View) and lowered(view) == "shelling killed 4 in kherson"
    assert lowered(view) is lowered(view)  # made once per document, kept on the view
    assert lowered(match_view("Kyiv’s 4 dead")) == "kyiv's 4 dead"  # the view's plain quote
    assert lowered(match_view("Київ: 4 dead")) is None  # not ASCII: offsets would move
    assert lowered("A Phrase") == "a phrase"  # a phrase looked up is lowered as asked
