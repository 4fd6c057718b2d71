"""Definitions asked of Mistral (the local fake server only), grounded on the sentence and checked."""
from __future__ import annotations

import pytest

from atypie.backends import get_backend
from atypie.falc.glossary import DefineTask, define_with_model, definition_problems, to_explain
from atypie.language.analysis import analyse
from tests.fakes.mistral_server import chat_json

TEXT = "Le zygomorphisme des 5 pétales intrigue les botanistes. Le pétiolule est minuscule."


@pytest.mark.slow
def test_an_accepted_definition_is_used_with_its_source(fake_mistral):
    fake_mistral.script(chat_json({"definitions": [
        {"term": "zygomorphisme", "definition": "forme d'une fleur qu'on peut couper en deux moitiés pareilles"},
        {"term": "pétiolule", "definition": "petit pétiolule de 12 mm"},  # uses the word, and a number not there
    ]}))
    glossary = [to_explain("zygomorphisme", "fr"), to_explain("pétiolule", "fr")]
    out, notices = define_with_model(glossary, analyse(TEXT, "fr"), get_backend("mistral"))
    entries = {e.term: e for e in out}
    assert entries["zygomorphisme"].source == "mistral" and not entries["zygomorphisme"].needs_review
    assert entries["pétiolule"].needs_review and notices == []
    request = fake_mistral.posts()[0]
    user = request.body["messages"][1]["content"]
    assert "1. Le zygomorphisme des 5 pétales intrigue les botanistes." in user  # grounded on the sentence
    assert "zygomorphisme" in request.body["messages"][0]["content"]


def test_checks_on_a_definition():
    sentence = "Le zygomorphisme des 5 pétales intrigue."
    assert definition_problems("zygomorphisme", "forme d'une fleur à 5 pétales", sentence) == []
    assert "a number that is not in the sentence" in definition_problems("zygomorphisme", "forme à 6 pétales",
                                                                        sentence)
    assert "uses the word it defines" in definition_problems("zygomorphisme", "le zygomorphisme des fleurs",
                                                             sentence)
    assert "more than 25 words" in definition_problems("zygomorphisme", "mot " * 30, sentence)
    assert any(p.startswith("not plain") for p in definition_problems("zygomorphisme", "forme (voir <b>)", sentence))


@pytest.mark.slow
def test_a_bad_answer_leaves_the_word_to_explain(fake_mistral):
    bad = chat_json({"definitions": [{"term": "zygomorphisme", "definition": "le zygomorphisme, 7 fois"}]})
    fake_mistral.script(bad, bad)
    out, _ = define_with_model([to_explain("zygomorphisme", "fr")], analyse(TEXT, "fr"), get_backend("mistral"))
    assert out[0].needs_review


def test_offline_never_asks_a_model():
    task = DefineTask([("zygomorphisme", "Le zygomorphisme intrigue.")], "fr")
    assert task.offline().definitions == []
    out, notices = define_with_model([to_explain("zygomorphisme", "fr")], analyse(TEXT, "fr"), get_backend("offline"))
    assert out[0].needs_review and notices == []
