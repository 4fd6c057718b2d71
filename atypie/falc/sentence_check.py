"""What makes a sentence broken French, read on its tags (part of speech and morphology, no dependency parse):
a word glued to itself, a word doubled, a sentence that ends on a preposition, determiner or conjunction or
starts with a relative pronoun, no finite verb or only those of dependent clauses, two finite verbs run together
with nothing to link them, a list whose items are not parallel. Each is counted, so that a rewritten sentence is
compared with the sentence it came from: only what the rewrite added counts against it."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..adapters.lexicon import never_verb, only_verb

GLUED, DOUBLED, DANGLING, NO_VERB, RUN_ON = "glued-word", "doubled-word", "dangling-end", "no-verb", "run-on"
RELATIVE_START = "relative-start"  # « Qui n'a rien à voir… » cut from the noun it describes
SUBORDINATE_ONLY = "subordinate-only"  # « Quand un spermatozoïde rencontre un ovule. », « La photosynthèse, qui
# a lieu dans les chloroplastes. »: only clauses that depend on a main clause, and no main clause
LIST_MIXED = "list-mixed"  # items of a list that are not parallel: some clauses, some nouns, or one begins with "et"
_RELATIVE_STARTS = {"qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "auxquels",
                    "auxquelles", "duquel", "desquels", "desquelles", "which", "whom", "whose"}
_DANGLING_POS = {"ADP", "DET", "CCONJ", "SCONJ"}
_LINKING_POS = {"CCONJ", "SCONJ", "PUNCT"}
_RELATIVES = {"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "auquel",
              "auxquels", "auxquelles", "duquel", "desquels", "desquelles", "quoi", "comme", "si", "when", "which",
              "who", "that", "where"}
_VERB_LIKE_POS = {"VERB", "AUX", "NOUN", "ADJ", "PROPN"}  # what a tagger may call a verb it misread ("puis" is not)
_CLITIC_HOSTS = {"ne", "n'", "n’", "il", "elle", "on", "ils", "elles", "je", "j'", "j’", "tu", "nous", "vous", "qui",
                 "cela"}  # "la" after these is a pronoun ("il la crée"), not an article ("de la base")
_SUBJECT_PRONOUNS = {"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"}
_REPEATABLE = {"nous", "vous", "très", "bien", "that", "had"}  # "nous nous", "vous vous", "très très"


def problems(tokens, *, tagged: bool = True, conjugated: Callable[[str], bool] | None = None) -> Counter:
    """The problems of one sentence (a spaCy Span or list of tokens). Without tags, only the word checks run.
    `conjugated` tells whether a lexicon knows a word as a conjugated verb: a tagger reading a short sentence
    alone may take « compte » or « mesure » for a noun, and the sentence is not said to lack a verb."""
    words = [t for t in tokens if not (t.is_space or t.is_punct)]
    found: Counter = Counter()
    for token in words:
        if _glued(token.text):
            found[GLUED] += 1
    for first, second in zip(words, words[1:]):
        lower = first.text.lower()
        if first.is_alpha and lower == second.text.lower() and lower not in _REPEATABLE and len(lower) > 1:
            found[DOUBLED] += 1
    if not tagged or not words:
        return found
    if words[-1].pos_ in _DANGLING_POS and len(words[-1].text) > 1 and not _ends_list_item(tokens):
        found[DANGLING] += 1
    tokens = list(tokens)
    finite = [n for n, t in enumerate(tokens) if _finite(t)]
    if not finite and not (conjugated and any(_maybe_verb(words, k, conjugated) for k in range(len(words)))):
        found[NO_VERB] += 1
    if words[0].text.lower() in _RELATIVE_STARTS:
        found[RELATIVE_START] += 1
    if finite and len(finite) <= _clause_openers(tokens, finite) and not (
            conjugated and _verb_before_opener(words, conjugated)):
        found[SUBORDINATE_ONLY] += 1  # every conjugated verb belongs to a "qui …" or "quand …": no main clause
    elif _last_clause_subordinate_only(tokens, finite, conjugated):
        found[SUBORDINATE_ONLY] += 1
    if len(finite) > 1:  # each conjugated verb past the first needs a link before it: "qui", "et", a comma…
        links = sum(_links(t) for t in tokens[:finite[-1]])
        if len(finite) - 1 > links:
            found[RUN_ON] += len(finite) - 1 - links
    return found


_PARTICIPLE_AUXILIARIES = {"été", "ayant", "étant"}


def _maybe_verb(words: list, k: int, conjugated: Callable[[str], bool]) -> bool:
    """A word the lexicon knows as a conjugated verb, and not right after a determiner (« la base »), unless that
    "determiner" is an object pronoun (« il ne la crée pas »)."""
    token = words[k]
    lower = token.text.lower()
    third_person = token.pos_ == "ADV" and lower.endswith(("ent", "ait", "aient"))  # « subsistent » read as an adverb
    after_subject = k > 0 and words[k - 1].text.lower() in _SUBJECT_PRONOUNS  # « Elle parla » read as a pronoun
    if not token.is_alpha or (token.pos_ not in _VERB_LIKE_POS and not third_person and not after_subject) \
            or not conjugated(lower):
        return False
    if k > 0 and (words[k - 1].text.lower() in _PARTICIPLE_AUXILIARIES or words[k - 1].pos_ == "ADP"):
        return False  # « ayant été choisis », « instrument d'échange »: a participle, a noun, never a conjugated verb
    if k == 0 or words[k - 1].pos_ != "DET" or only_verb(lower):
        return True  # « le domine »: a word that can only be a verb makes its "determiner" a pronoun
    return k >= 2 and words[k - 2].text.lower() in _CLITIC_HOSTS


def _verb_before_opener(words: list, conjugated: Callable[[str], bool]) -> bool:
    """A word the lexicon knows as a conjugated verb before the first relative pronoun or subordinating
    conjunction: the main verb, read as a noun by the tagger (« Ce mode de cuisson utilise … qui altère … »)."""
    for k, token in enumerate(words):
        if token.pos_ == "SCONJ" or "Rel" in token.morph.get("PronType"):
            return False
        misread = token.pos_ in ("NOUN", "ADJ") or token.pos_ == "PROPN" and token.text.islower()  # « prévoit »
        after_subject = k > 0 and words[k - 1].pos_ in ("NOUN", "PROPN", "ADJ")
        after_clitic = k > 1 and words[k - 1].pos_ == "DET" and words[k - 2].text.lower() in _CLITIC_HOSTS
        if misread and (after_subject or after_clitic) and _maybe_verb(words, k, conjugated):
            return True  # right after its subject's noun (not after a preposition: « instrument d'échange »), or
            # after an object pronoun read as an article (« On les utilise quand … »)
    return False


_ADVERBIAL_OPENERS = {"quand", "lorsque", "lorsqu'", "lorsqu’", "si", "puisque", "puisqu'", "puisqu’"}


def _last_clause_subordinate_only(tokens: list, finite: list[int],
                                  conjugated: Callable[[str], bool] | None) -> bool:
    """« A, mais quand le patient a aspiré du contenu. »: the last clause, after « mais », opens on « quand », « si »
    or « puisque » and has no conjugated verb of its own past those of its dependent clauses, not even one the
    tagger misread (« …, on l'appelle … » with « appelle » read as a noun). « quand A et quand B » is no such
    clause: two conditions of one main verb."""
    for n in range(len(tokens) - 2, 0, -1):
        if tokens[n].text.lower() == "mais" and tokens[n + 1].text.lower() in _ADVERBIAL_OPENERS:
            tail = [f - n - 1 for f in finite if f > n]
            if not tail or len(tail) > _clause_openers(tokens[n + 1:], tail):
                return False
            comma = next((k for k in range(n + 1, len(tokens)) if tokens[k].text == ","), None)
            after = [t for t in tokens[comma + 1:] if not (t.is_space or t.is_punct)] if comma is not None else []
            return not (conjugated and any(_maybe_verb(after, k, conjugated) for k in range(len(after))))
    return False


def _clause_openers(tokens: list, finite: list[int]) -> int:
    """Relative pronouns and subordinating conjunctions that open a clause: a conjugated verb follows them before
    the next comma ("comme prévu, il pleut": "comme" opens nothing)."""
    count, previous = 0, False
    for n, token in enumerate(tokens):
        opener = token.pos_ == "SCONJ" or "Rel" in token.morph.get("PronType")
        if not opener or previous:  # "parce qu'", "alors que": one opener
            previous = opener
            continue
        previous = True
        following = next((f for f in finite if f > n), None)
        if following is not None and not any(t.text in ",;:" for t in tokens[n + 1:following]):
            count += 1
    return count


def _glued(word: str) -> bool:
    """"investissementinvestissement": a word of at least three letters written twice with nothing between."""
    half = len(word) // 2
    return len(word) >= 6 and len(word) % 2 == 0 and word.isalpha() and word[:half].lower() == word[half:].lower()


def _finite(token) -> bool:
    """A conjugated verb ("a atteint": the auxiliary is, its participle is not, so the pair counts once); not a
    word the lexicon knows but never as a verb (« librement » tagged as one)."""
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm") and not never_verb(token.text) \
        and not _any_at_all(token)


def _any_at_all(token) -> bool:
    """« n'importe » in « n'importe quelle autre », « n'importe qui »: a fixed phrase that means « any », no verb."""
    return token.text.lower() == "importe" and token.i > 0 and token.doc[token.i - 1].text.lower() in ("n'", "n’")


def _links(token) -> bool:
    return token.pos_ in _LINKING_POS or token.text.lower() in _RELATIVES or token.pos_ == "PRON" and \
        "Rel" in token.morph.get("PronType")


def _ends_list_item(tokens) -> bool:
    return bool(tokens) and tokens[-1].text == ":"


def list_problems(items: list) -> list[str]:
    """The problems of list items (each a list of tokens): a mix of clauses and noun phrases, or an item that
    starts with a conjunction, shows that a sentence was cut at its commas rather than a list found."""
    verbs = {any(_finite(t) for t in item) for item in items}
    starts = [next((t for t in item if not (t.is_punct or t.is_space)), None) for item in items]
    if len(verbs) > 1 or any(t is not None and t.pos_ in ("CCONJ", "SCONJ") for t in starts):
        return [LIST_MIXED]
    return []
