"""The Grammalecte adapter: the real checker from Debian's package, grammar only (no typography)."""
import pytest

from atypie.adapters import grammalecte

pytestmark = pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")


def test_agreement_errors_are_found_with_their_suggestion():
    found = grammalecte.errors("Le gestion intermédiaire est souvent décrite.")
    assert [(e.kind, e.suggestions) for e in found] == [("gn", ("La",))]


def test_typography_is_not_an_error():
    assert grammalecte.errors("L'eau bout à 100 degrés, ce qu'on vérifie ici.") == []


@pytest.mark.parametrize("word, conjugated", [("compte", True), ("absorbait", True), ("recourt", True),
                                              ("réduire", False), ("dissonance", False), ("état", False)])
def test_the_lexicon_knows_conjugated_verb_forms(word, conjugated):
    assert grammalecte.could_be_conjugated(word) is conjugated


def test_disabled_checker_is_reported_unavailable(monkeypatch):
    monkeypatch.setattr(grammalecte, "_checker", None)
    monkeypatch.setenv("ATYPIE_NO_GRAMMALECTE", "1")
    assert grammalecte.available() is False
    with pytest.raises(ImportError):
        grammalecte.errors("Une phrase.")


SENTENCES = ["Le gestion intermédiaire est souvent décrite.", "Les enfants joue dans la cour.",
             "Elle est parti hier soir.", "Le chat dort sur le canapé."] * 3  # a batch long enough for the worker


@pytest.mark.slow
def test_a_long_batch_is_read_by_the_worker_process_with_the_same_errors(monkeypatch):
    monkeypatch.setattr(grammalecte, "_worker_failed", False)
    assert len(SENTENCES) >= grammalecte.WORKER_BATCH
    assert grammalecte.errors_of_each(SENTENCES) == [grammalecte.errors(s) for s in SENTENCES]
    assert grammalecte._worker is not None and grammalecte._worker.poll() is None  # it answered, and waits


def test_a_worker_that_died_is_replaced_by_reading_here(monkeypatch):
    monkeypatch.setattr(grammalecte, "_worker_failed", False)
    grammalecte.errors_of_each(SENTENCES)
    grammalecte._worker.kill()
    grammalecte._worker.wait()
    assert grammalecte.errors_of_each(SENTENCES) == [grammalecte.errors(s) for s in SENTENCES]
    assert grammalecte._worker_failed and grammalecte._worker is None


def test_the_rule_engine_compiles_each_pattern_once_with_the_results_of_re():
    import re
    import sys

    grammalecte.available()
    patterns = sys.modules["grammalecte.fr.gc_engine"].re
    assert isinstance(patterns, grammalecte._CompiledPatterns)
    word = "Laissez-les"
    for pattern in (r"^[A-Z]", r"-(les|la)$", r"(?i)laiss", r"x"):
        assert bool(patterns.search(pattern, word)) == bool(re.search(pattern, word))
        assert bool(patterns.match(pattern, word)) == bool(re.match(pattern, word))
        assert patterns.sub(pattern, "_", word) == re.sub(pattern, "_", word)
        assert [m.span() for m in patterns.finditer(pattern, word)] == [m.span() for m in re.finditer(pattern, word)]
    assert patterns.IGNORECASE == re.IGNORECASE
