"""Long texts are simplified in parts of whole paragraphs, so that no answer outgrows its bounds."""
import pytest

from atypie.errors import AtypieError
from atypie.falc import simplify as module
from atypie.falc.simplify import MAX_SENTENCES, simplify
from atypie.profiles.presets import load_preset

COURSE = [
    "L'espace numérique de travail (ENT) donne accès aux cours. Chaque étudiant reçoit un identifiant en septembre. "
    "Le mot de passe doit contenir au moins 12 caractères.",
    "La photosynthèse transforme l'énergie lumineuse en énergie chimique. Elle a lieu dans les chloroplastes, "
    "qui sont des organites des cellules végétales. Elle ne se produit jamais la nuit.",
    "Pour s'inscrire au rattrapage, il faut remplir le formulaire avant le 15 juin. Le secrétariat n'accepte pas "
    "les dossiers incomplets. Les résultats sont publiés sur l'ENT en 10 jours.",
    "La Révolution française commence en 1789. La prise de la Bastille a lieu le 14 juillet. La monarchie "
    "constitutionnelle est proclamée en 1791, ce qui réorganise profondément l'État.",
]


@pytest.mark.slow
def test_more_sentences_than_one_answer_holds_are_simplified():
    paragraphs = [" ".join(f"Le groupe {n + k} lit." for k in range(10)) for n in range(250)]
    result = simplify("\n\n".join(paragraphs), load_preset("standard"), "fr")
    assert len(result.sentences) == 2500 > MAX_SENTENCES and result.backend == "offline"


def test_parts_give_the_plain_version_of_the_whole_text(monkeypatch):
    text = "\n\n".join(COURSE * 2)
    whole = simplify(text, load_preset("falc"), "fr")
    monkeypatch.setattr(module, "PART_CHARS", 500)
    parts = simplify(text, load_preset("falc"), "fr")
    assert parts.blocks == whole.blocks and parts.glossary == whole.glossary and parts.diff == whole.diff
    sections = [b.sentences[0] for b in parts.blocks if b.kind == "section"]
    assert sections and all(title.startswith(f"Partie {n} ") for n, title in enumerate(sections, 1))


@pytest.mark.slow
def test_a_passage_too_dense_for_one_answer_is_refused_with_a_code():
    text = "Les salles ouvertes sont : " + ", ".join(f"s{n}" for n in range(MAX_SENTENCES + 100)) + " et z1."
    with pytest.raises(AtypieError) as caught:
        simplify(text, load_preset("falc"), "fr")
    assert caught.value.code == "ATY-E050" and caught.value.exit_code == 2


@pytest.mark.slow
def test_each_part_is_one_request_and_a_fallback_is_told_once(monkeypatch, fake_mistral):
    from tests.fakes.mistral_server import error

    monkeypatch.setattr(module, "PART_CHARS", 300)
    fake_mistral.script(error(400), error(400))
    result = simplify("\n\n".join(COURSE[1:3]), load_preset("falc"), "fr", backend="mistral")
    documents = [post.body["messages"][1]["content"] for post in fake_mistral.posts()]
    assert len(documents) == 2 and "photosynthèse" in documents[0] and "photosynthèse" not in documents[1]
    assert result.backend == "offline" and [n.code for n in result.notices].count("backend-fallback") == 1


@pytest.mark.slow
def test_five_thousand_words_of_real_course_prose_are_not_refused_as_too_dense():
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "bench" / "data" / "courses_fr"
    paragraphs = [json.loads(line)["text"] for name in ("tuning.jsonl", "test.jsonl")
                  for line in (folder / name).open(encoding="utf-8") if line.strip()]
    result = simplify("\n\n".join(paragraphs), load_preset("falc"), "fr")  # 71 paragraphs, some 6,000 words
    assert result.sentences and result.glossary
