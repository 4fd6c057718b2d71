from atypie.language.analysis import analyse


def test_an_initial_does_not_end_a_sentence():
    analysis = analyse("George H. W. Bush est un homme d'État américain. Il est né en 1924.", "fr")
    assert [s.text for s in analysis.sentences] == ["George H. W. Bush est un homme d'État américain.",
                                                   "Il est né en 1924."]


def test_spaces_between_two_sentences_do_not_join_them():
    analysis = analyse("Robert Wadlow est l'homme le plus grand.   Il a atteint la taille de 272 cm.", "fr")
    assert len(analysis.sentences) == 2


def test_a_typographic_apostrophe_is_tagged_as_a_straight_one_and_kept_as_written():
    from atypie.language.analysis import analyse

    analysis = analyse("Le commerce et l’industrie les ont faites.", "fr")
    tokens = {t.text: t for t in analysis.doc}
    assert tokens["l’"].pos_ == "DET" and tokens["industrie"].pos_ == "NOUN"
    assert analysis.doc.text == analysis.text == "Le commerce et l’industrie les ont faites."


def test_a_temperature_in_degrees_ends_its_sentence():
    analysis = analyse("La température moyenne serait de 15 °C. Depuis 1850, elle augmente.", "fr")
    assert [s.text for s in analysis.sentences] == ["La température moyenne serait de 15 °C.",
                                                   "Depuis 1850, elle augmente."]


def test_no_sentence_starts_inside_a_short_bracket():
    text = ("La Free Software Foundation (FSF) (litt. « Fondation pour le logiciel libre ») est une association. "
            "Érasme (ca. 1466-1536)[note est un moine. Il est néerlandais.")
    assert [s.text for s in analyse(text, "fr").sentences] == [
        "La Free Software Foundation (FSF) (litt. « Fondation pour le logiciel libre ») est une association.",
        "Érasme (ca. 1466-1536)[note est un moine.", "Il est néerlandais."]


def test_a_bracket_left_open_holds_no_more_than_a_short_reach():
    text = "Un crochet reste ouvert (par erreur. " + "Une phrase suit ici. " * 20
    sentences = analyse(text, "fr").sentences
    assert len(sentences) > 10 and all(len(s.text) < 170 for s in sentences)  # 120 characters, and a sentence


def test_a_line_break_starts_a_sentence_even_inside_an_open_bracket():
    analysis = analyse("Premier point (voir plus bas\n\nDeuxième point ici.", "fr")
    assert [s.text.strip() for s in analysis.sentences] == ["Premier point (voir plus bas", "Deuxième point ici."]
