"""Reading a rewrite: sentences copied from a source keep its tags, the others are tagged, and tokens and sentences
are those of a fresh analysis."""
from atypie.language.analysis import analyse, analyse_rewrite

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
