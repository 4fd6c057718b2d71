"""Re-reading an edited text: unchanged lines keep their tags, and the result equals a fresh analysis."""
from atypie.language.analysis import analyse, reanalyse

TEXT = ("La photosynthèse produit du dioxygène.\nElle a lieu dans les chloroplastes.\n\n"
        "Elle ne se produit jamais la nuit.\nLes plantes ont besoin de lumière.")


def tags(analysis):
    return [(t.text, t.pos_, str(t.morph), t.is_sent_start) for t in analysis.doc]


def test_an_edited_text_is_tagged_like_a_fresh_one():
    before = analyse(TEXT, "fr", full=False)
    edited = TEXT.replace("Elle a lieu dans les chloroplastes.", "Elle a lieu dans les chloroplastes (à vérifier).")
    again = reanalyse(before, edited, full=False)
    fresh = analyse(edited, "fr", full=False)
    assert again.text == edited and tags(again) == tags(fresh)
    assert [s.text for s in again.sentences] == [s.text for s in fresh.sentences]
    assert again.readability.to_dict() == fresh.readability.to_dict()


def test_lines_may_be_added_and_removed():
    before = analyse(TEXT, "fr", full=False)
    edited = "Un titre\n\n" + TEXT.replace("Les plantes ont besoin de lumière.", "").strip()
    again = reanalyse(before, edited, full=False)
    assert again.text == edited and [t.text for t in again.doc] == [t.text for t in analyse(edited, "fr",
                                                                                            full=False).doc]
