import pytest

from atypie.errors import EmptyText, LanguageUndetected, NotText, TextTooLong
from atypie.language.analysis import MAX_CHARS, analyse, clean_text
from atypie.language.detect import detect


def test_detects_french_and_english():
    assert detect("Le chat dort sur le canapé pendant que nous travaillons dans la cuisine.") == "fr"
    assert detect("The cat is sleeping on the sofa while we are working in the kitchen.") == "en"


@pytest.mark.parametrize("text", ["OK", "12 34 56", "Hola amigos, ¿cómo están ustedes hoy?"])
def test_unclear_language_is_an_error_not_a_guess(text):
    with pytest.raises(LanguageUndetected):
        detect(text)


def test_bad_input_is_refused_clearly():
    with pytest.raises(EmptyText):
        clean_text("   \n ")
    with pytest.raises(NotText):
        clean_text(b"\x00\x01\x02\xff\xfe" * 10)
    with pytest.raises(NotText):
        clean_text(bytes(range(256)))
    with pytest.raises(TextTooLong):
        clean_text("a" * (MAX_CHARS + 1))


def test_analysis_finds_acronyms_negations_numbers_and_rare_words():
    analysis = analyse("L'Organisation mondiale de la santé (OMS) n'a jamais recommandé ce traitement. "
                       "Le PIB a augmenté de 3,5 %. La photosynthèse se fait dans les chloroplastes.", "fr")
    acronyms = {a.text: a.expansion for a in analysis.acronyms}
    assert acronyms["OMS"] == "Organisation mondiale de la santé"
    assert acronyms["PIB"] is None
    assert [n.predicate for n in analysis.negations] == ["recommander"]
    assert [n.value for n in analysis.numbers] == ["3.5"]
    assert {"photosynthèse", "chloroplaste"} <= {w.lemma for w in analysis.rare_words}


def test_a_rare_word_in_lower_case_tagged_as_a_name_is_still_rare():
    analysis = analyse("Ce trouble (c'est-à-dire l'anémie ou l'hyperthyroïdie) touche surtout Marguerite.", "fr")
    assert analysis.doc[13].text == "hyperthyroïdie" and analysis.doc[13].pos_ == "PROPN"  # the tagger's reading
    rare = {w.text for w in analysis.rare_words}
    assert "hyperthyroïdie" in rare and "Marguerite" not in rare


def test_sentences_do_not_break_after_semicolons_or_brackets():
    analysis = analyse("Les SARM (staphylocoques dorés) en sont l'exemple ; ils résistent. Fin du texte.", "fr")
    assert len(analysis.sentences) == 2


def test_english_analysis_runs_without_a_model():
    analysis = analyse("The World Health Organization (WHO) never recommended it. It costs 3.5 dollars.", "en")
    assert len(analysis.sentences) == 2
    assert analysis.acronyms[0].expansion == "World Health Organization"
    assert analysis.negations and analysis.numbers[0].value == "3.5"


def test_parts_are_cut_between_paragraphs_then_between_sentences():
    short = "La cellule respire. Elle produit de l'énergie."
    long = " ".join(f"La phrase {n} parle de la mitochondrie." for n in range(12))
    analysis = analyse(f"{short}\n\n{short}\n\n{long}", "fr")
    parts = analysis.parts(120)
    assert analysis.parts(len(analysis.text)) == [analysis]
    assert parts[0].text == f"{short}\n\n{short}" and all(len(p.text) <= 120 for p in parts)
    assert " ".join(p.text for p in parts[1:]) == long
    assert [len(p.sentences) for p in parts] == [4, 3, 3, 3, 3] and parts[1].sentences[0].text.startswith("La")
