"""Reading a rewrite: sentences copied from a source keep its tags, the others are tagged, and tokens and sentences
are those of a fresh analysis."""
from atypie.language.analysis import analyse, analyse_rewrite, tag_sentences
from atypie.language.nlp import parse_many

TEXT = ("La photosynthèse produit du dioxygène. Elle a lieu dans les chloroplastes.\n\n"
        "Elle ne se produit jamais la nuit.\nLes plantes ont besoin de lumière.")


def tags(analysis):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.is_sent_start) for t in analysis.doc]


def test_a_rewrite_has_the_tokens_and_sentences_of_a_fresh_analysis():
    source = analyse(TEXT, "fr")
    rewrite = ("La photosynthèse fabrique du dioxygène. Elle a lieu dans les chloroplastes.\n\n"
               "Un titre\n\nElle ne se produit jamais la nuit. Les plantes ont besoin de lumière (à vérifier).")
    again = analyse_rewrite(rewrite, source)
    fresh = analyse(rewrite, "fr", full=False)
    assert again.text == rewrite
    assert [(t.text, t.whitespace_, t.is_sent_start) for t in again.doc] == \
        [(t.text, t.whitespace_, t.is_sent_start) for t in fresh.doc]
    assert [s.text for s in again.sentences] == [s.text for s in fresh.sentences]
    assert again.readability.to_dict() == fresh.readability.to_dict()
    new_words = ("fabrique", "titre", "vérifier")
    assert [t.pos_ for t in again.doc if t.text in new_words] == [t.pos_ for t in fresh.doc if t.text in new_words]
    assert all(t.pos_ and t.lemma_ for t in again.doc if t.text in new_words)  # the new words are tagged


def test_a_copied_sentence_keeps_the_source_tags():
    source = analyse(TEXT, "fr")
    again = analyse_rewrite("Il pleut. Elle ne se produit jamais la nuit.", source)
    copied = [t for t in again.doc if t.i >= 3]
    original = [t for t in next(s for s in source.sentences if s.text.startswith("Elle ne")) if not t.is_space]
    assert [(t.text, t.pos_, str(t.morph), t.lemma_) for t in copied] == \
        [(t.text, t.pos_, str(t.morph), t.lemma_) for t in original]


def test_sentences_may_come_from_several_sources():
    first = analyse(TEXT, "fr")
    second = analyse_rewrite("Les plantes ont besoin de lumière (à vérifier).", first)
    again = analyse_rewrite("Les plantes ont besoin de lumière (à vérifier). La photosynthèse produit du dioxygène.",
                            second, first)
    assert [s.text for s in again.sentences] == ["Les plantes ont besoin de lumière (à vérifier).",
                                                 "La photosynthèse produit du dioxygène."]


def test_an_english_rewrite_is_read_afresh():
    source = analyse("The cat sleeps. The dog barks.", "en")
    again = analyse_rewrite("The cat sleeps. A dog barks loudly.", source)
    assert [s.text for s in again.sentences] == ["The cat sleeps.", "A dog barks loudly."]


def test_a_sentence_cut_out_of_a_source_sentence_keeps_the_tags_of_its_context():
    source = analyse("Les feuilles captent la lumière et la plante produit du sucre.", "fr")
    again = analyse_rewrite("Les feuilles captent la lumière. La plante produit du sucre.", source)
    in_source = {t.text.lower(): (t.pos_, str(t.morph), t.lemma_) for t in source.doc}
    assert [s.text for s in again.sentences] == ["Les feuilles captent la lumière.", "La plante produit du sucre."]
    for token in again.doc:
        assert (token.pos_, str(token.morph), token.lemma_) == in_source[token.text.lower()], token.text


def test_tag_sentences_copies_runs_and_tags_the_rest_as_parse_many_does():
    source = analyse("Les feuilles captent la lumière et la plante produit du sucre.", "fr")
    sentences = ["La plante produit du sucre.", "Le soleil brille fort sur la plaine."]
    copied, new = tag_sentences(sentences, source)
    assert [(t.text, t.pos_, t.lemma_) for t in copied] == \
        [("La", "DET", "le")] + [(t.text, t.pos_, t.lemma_) for t in source.doc[7:11]] + [(".", "PUNCT", ".")]
    fresh = parse_many(sentences[1:], "fr", full=False)[0]
    assert [(t.text, t.pos_, str(t.morph), t.lemma_) for t in new] == \
        [(t.text, t.pos_, str(t.morph), t.lemma_) for t in fresh]


def test_a_run_with_words_of_its_own_is_not_a_copy():
    source = analyse("Les feuilles captent la lumière et la plante produit du sucre.", "fr")
    known = source.known_tags
    assert known.cut_rows(("La", "plante", "produit", "du", "sucre", ".")) is not None
    assert known.cut_rows(("La", "plante", "fabrique", "du", "sucre", ".")) is None
    assert known.cut_rows(("la", "plante")) is None  # too short to be told apart from a new sentence
