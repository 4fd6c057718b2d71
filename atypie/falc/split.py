"""Splitting a long sentence into short ones on its dependency parse.

Three moves, each undone when the parse does not support it:
- detached clauses (", qui …", ", laquelle …", ", transmis par …") become a sentence of their own that
  repeats the noun ("Le chien, qui est gros, dort." → "Le chien dort. Le chien est gros.");
- a fronted concession or cause ("Bien que A, B") becomes "A. Mais B.";
- clause boundaries marked by punctuation and linking words (";", ":", ", car", ", mais", ", et" + a new
  subject…) become sentence ends, the linking word's meaning kept ("car" → "C'est parce que").
Every piece must still be a clause (a verb, at least 3 words); otherwise the split is not made.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..adapters import grammalecte
from ..adapters.lexicon import only_verb, readings
from ..language.data import entries

MIN_WORDS = 3
MAX_NOUN_PHRASE = 8
_RELATIVE_SUBJECTS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
_DEMONSTRATIVE = {"un": "ce", "une": "cette", "des": "ces"}
_VOWEL = re.compile(r"^[aeiouyéèêàâîïôûh]", re.IGNORECASE)
_SUBJUNCTIVE = re.compile(r"^(?:soi[st]|soient|soyez|soyons|aient|ayez|ayons|puisses?|puissent|fass(?:e|es|ent)|"
                          r"aill(?:e|es|ent)|sach(?:e|ent)|veuill(?:e|ent)|vienne|viennent|prenne|prennent)$")


@dataclass
class Piece:
    """A new sentence: literal text and ranges of the original text, in order."""
    segments: list[tuple] = field(default_factory=list)
    tokens: list = field(default_factory=list)
    anchor: int = -1  # for a detached clause: the token it was attached to
    first: bool = False  # a detached clause that the source says before its noun's sentence, and that stays there


def split_sentence(sentence, lang: str, *, skip: frozenset[int] = frozenset(), max_words: int = 0) -> list[Piece]:
    """Pieces for one spaCy sentence span; tokens in `skip` (moved parentheticals) are left out. With
    `max_words`, a piece still longer than that is also cut at a comma between two clauses that each have
    their own subject and verb."""
    tokens = [t for t in sentence if t.i not in skip]
    if lang == "en":
        return [piece_of(linker, group) for linker, group in _split_english(tokens)]
    if lang != "fr" or not sentence.doc.has_annotation("DEP"):
        return [piece_of("", tokens)]
    tokens, detached = _detach_clauses(tokens)
    pieces: list[Piece] = []
    groups = _split_on_points(tokens)
    for n, (linker, group) in enumerate(groups):
        linked = n + 1 < len(groups) and bool(groups[n + 1][0])  # « …, sinon … » says something of this group
        fronted = _fronted_qualities(group) if n and not linker else None  # « … attachant : cultivé, appliqué et
        if fronted is not None:  # intelligent, il a … »
            group, qualities = fronted
            pieces.append(qualities)
        for inner_linker, inner in [pair for g in _split_fronted(group) for pair in _trailing_apposition(*g)]:
            found = None if linked else _final_relative(inner) or _trailing_participle(inner)  # a relative
            # moved between them would take the link: « … les tuyaux. Ces tuyaux refroidissent le moteur. Sinon … »
            if found is None:
                for n, part in enumerate(_comma_clauses(inner, max_words)):
                    pieces.append(piece_of(_joined(linker, inner_linker) if n == 0 else "", part))
            else:
                removed, relative = found
                pieces.append(piece_of(_joined(linker, inner_linker), [t for t in inner if t.i not in removed]))
                pieces.append(relative)
            linker = ""
    for piece in detached:  # each detached clause right after the sentence that holds its noun
        where = next((n for n, p in enumerate(pieces) if any(t.i == piece.anchor for t in p.tokens)),
                     len(pieces) - 1)
        if piece.first:
            pieces.insert(where, piece)
            continue
        while where + 1 < len(pieces) and _refers_back(pieces[where + 1]):
            where += 1  # "Cela fait …", "Ce sont …" describe the sentence before them: keep them together
        pieces.insert(where + 1, piece)
    return pieces


def _joined(linker: str, inner_linker: str) -> str:
    """« Mais » before a fronted clause's « Parfois, » → « Mais parfois, »."""
    if linker and inner_linker:
        return f"{linker} {inner_linker[0].lower()}{inner_linker[1:]}"
    return inner_linker or linker


# --- detached clauses --------------------------------------------------------------------------------

def _detach_clauses(tokens: list) -> tuple[list, list[Piece]]:
    detached: list[Piece] = []
    fronted = _fronted_participle(tokens) or _fronted_qualities(tokens)
    if fronted is not None:
        tokens, piece = fronted
        detached.append(piece)
    for _ in range(3):
        found = _find_detached(tokens)
        if found is None:
            break
        removed, piece = found
        tokens = [t for t in tokens if t.i not in removed]
        detached.append(piece)
    return tokens, detached


def _fronted_participle(tokens: list):
    """"Publié en 1916, le Cours définit …" → "Le Cours est publié en 1916. Le Cours définit …", in the source's
    order: the main clause stays next to the sentence after it, whose « ce dernier » may point to its last noun."""
    if len(tokens) < 8 or not _past_participle(tokens[0]):
        return None
    comma = next((k for k, t in enumerate(tokens[:15]) if t.text == ","), None)
    if comma is None or comma < 2:
        return None
    rest = tokens[comma + 1:]
    phrase = []
    for token in rest[:MAX_NOUN_PHRASE]:
        if (token.pos_ in ("DET", "NOUN", "PROPN", "ADJ") or token.text.lower() in ("de", "d'", "du", "des")) \
                and not _conjugated_only(token):  # « la ville devint … »: « devint » tagged as a noun
            phrase.append(token)
        else:
            break
    nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")]
    if not phrase or phrase[0].pos_ != "DET" or not nouns or not _is_clause(rest):
        return None
    if not _agrees(tokens[0], nouns[0]):
        return None
    piece = Piece()
    piece.segments.append(_np_segment(phrase))
    piece.segments.append(("lit", f" {_be(rest, 'Plur' in nouns[0].morph.get('Number'))} "))
    clause = tokens[:comma]
    piece.segments.append(("lit", clause[0].text.lower() + clause[0].whitespace_))
    _add_tokens(piece, clause[1:])
    piece.tokens = clause
    piece.anchor = nouns[0].i
    piece.first = True
    return rest, piece


_PERSONAL_SUBJECTS = {"il": ("m", "s"), "elle": ("f", "s"), "ils": ("m", "p"), "elles": ("f", "p")}
_GENDER_NUMBER = {"Masc": "m", "Fem": "f", "Sing": "s", "Plur": "p"}


def _fronted_qualities(tokens: list):
    """« Cultivé, appliqué et intelligent, il a … » → « Il est cultivé, appliqué et intelligent. Il a … »: two
    adjectives or past participles or more, set before the subject and agreeing with it, are said of it in a
    sentence of their own, first, as the source says them first."""
    for comma in (k for k, t in enumerate(tokens[:14]) if t.text == ","):
        subject = _fronted_subject(tokens[comma + 1:])
        if subject is None:
            continue
        phrase, (gender, number) = subject
        qualities = tokens[:comma]
        named = [t for t in qualities if not t.is_punct and t.pos_ not in ("ADV", "CCONJ")]
        if len(named) < 2 or not all(_quality(t.text, gender, number) for t in named) or any(
                t.is_punct and t.text != "," for t in qualities):
            return None
        rest = tokens[comma + 1:]
        if not _is_clause(rest):
            return None
        piece = Piece()
        if phrase[0].pos_ == "PRON":
            piece.segments.append(("lit", phrase[0].text.capitalize()))
        else:
            piece.segments.append(_np_segment(phrase))
        piece.segments.append(("lit", f" {_be(rest, number == 'p')} "))
        piece.segments.append(("lit", qualities[0].text.lower() + qualities[0].whitespace_))
        _add_tokens(piece, qualities[1:])
        piece.tokens = qualities
        piece.anchor = phrase[-1].i
        piece.first = True
        return rest, piece
    return None


def _fronted_subject(rest: list):
    """The subject a sentence's remainder opens on, and its (gender, number) as the lexicon writes them: « il »,
    « elles », or a determiner and its noun (« la ville »); None otherwise."""
    if not rest:
        return None
    first = rest[0]
    if first.text.lower() in _PERSONAL_SUBJECTS and first.dep_.startswith("nsubj"):
        return [first], _PERSONAL_SUBJECTS[first.text.lower()]
    if first.pos_ != "DET" or len(rest) < 2:
        return None
    phrase = [first]
    for token in rest[1:4]:
        if token.pos_ == "ADJ" or token.pos_ in ("NOUN", "PROPN") and phrase[-1].pos_ not in ("NOUN", "PROPN"):
            phrase.append(token)
        else:
            break
    noun = next((t for t in phrase if t.pos_ == "NOUN"), None)
    gender, number = (None, None) if noun is None else (
        _GENDER_NUMBER.get((noun.morph.get("Gender") or [""])[0]), _GENDER_NUMBER.get((noun.morph.get("Number")
                                                                                        or [""])[0]))
    if noun is None or not noun.dep_.startswith("nsubj") or gender is None or number is None:
        return None
    return phrase, (gender, number)


def _quality(word: str, gender: str, number: str) -> bool:
    """Whether the lexicon knows `word` as an adjective or a past participle in this gender and number."""
    return any(r.kind in ("A", "V") and r.agrees(gender, number) for r in readings(word.lower()))


def _find_detached(tokens: list):
    for k in range(2, len(tokens) - 1):
        if tokens[k - 1].text != ",":
            continue
        token = tokens[k]
        if token.text.lower() == "dont" and k + 2 < len(tokens) and tokens[k + 1].pos_ == "DET" \
                and tokens[k + 2].pos_ == "NOUN":
            clause_start, prefix_kind = k + 1, "dont"
        elif token.text.lower() in _RELATIVE_SUBJECTS:
            clause_start, prefix_kind = k + 1, "relative"
        elif _past_participle(token):
            clause_start, prefix_kind = k, "participle"
        elif token.pos_ == "ADV" and k + 1 < len(tokens) and _past_participle(tokens[k + 1]):
            clause_start, prefix_kind = k, "participle"  # « , probablement rédigé au 4e siècle, »
            token = tokens[k + 1]
        else:
            continue
        noun_index = _antecedent(tokens, _before_brackets(tokens, k - 2))
        if noun_index is None:
            continue
        if any(t.text == ":" for t in tokens[:k]):
            continue  # inside a list announced by a colon
        noun = _head_noun(tokens[noun_index])
        if noun_index > 0 and tokens[noun_index - 1].like_num and prefix_kind != "dont":
            continue  # "90 mmHg, mesurées …": the participle does not describe the unit
        if prefix_kind == "participle" and not _agrees(token, noun):
            continue
        phrase = [t for t in tokens[:k - 1] if t.i >= noun.left_edge.i]
        while phrase and noun.pos_ == "PROPN" and phrase[0].i > tokens[0].i:  # « La cathédrale Santa Maria Assunta »
            previous = next(t for t in tokens if t.i == phrase[0].i - 1) if any(
                t.i == phrase[0].i - 1 for t in tokens) else None
            if previous is None or previous.pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
                break
            phrase.insert(0, previous)
        while phrase and phrase[0].pos_ in ("ADP", "CCONJ", "SCONJ", "ADV"):
            phrase = phrase[1:]
        if not phrase or len(phrase) > MAX_NOUN_PHRASE or any(t.is_punct or _verb_like(t) for t in phrase):
            continue  # the noun phrase must be a noun phrase, not "Bressuire est une commune …"
        bare = phrase[0].pos_ not in ("DET", "PROPN", "NUM") and not phrase[0].text[:1].isupper()  # not a name
        after_de = phrase[0].i > 0 and phrase[0].doc[phrase[0].i - 1].text.lower() in ("des", "du", "de", "d'")
        determiner = _demonstrative_determiner(noun, phrase[0].text) if bare and after_de else ""
        if bare and not determiner:
            continue  # « définit des objets, qui … » (« des » read as « de les »): « Ces objets … », never « Objets »;
            # not « arrangeur musical français, né … », a noun phrase cut in two
        if sum({"(": 1, ")": -1}.get(t.text, 0) for t in tokens[:k]) > 0:
            continue  # « (dibrome, formé de … ) »: the bracket would be cut in two
        ahead = next((t for t in tokens if t.i == phrase[0].i - 1), None)
        inside_complement = ahead is not None and (ahead.pos_ in ("ADP", "CCONJ") or ahead.text.lower() in (
            "des", "du", "au", "aux"))
        if not noun.dep_.startswith("nsubj") and inside_complement and (
                prefix_kind == "participle" or ahead.pos_ == "CCONJ" or not noun.morph.get("Number")):
            continue  # « réalisé par York Shackleton, sorti en 2018 »: the film came out, not the director
        end = _clause_end(tokens, clause_start)
        if end < len(tokens) and tokens[end].text in ",(" and not any(
                _verb_like(t) and "Fin" in t.morph.get("VerbForm") for t in tokens[end:]) and not (
                end + 1 < len(tokens) and tokens[end + 1].pos_ in ("ADP", "SCONJ")):  # «, pour former … » is not
            # "…, qui explique le volcanisme (…), les séismes et la dérive.": no verb follows, so what follows the
            # comma still belongs to the clause (its list goes on): the clause runs to the end of the sentence
            end = len(tokens) - 1 if tokens[-1].is_punct and tokens[-1].text in ".!?" else len(tokens)
        clause = tokens[clause_start:end]
        rest = tokens[:k - 1] + tokens[end:]
        before = tokens[:k - 1]
        subject_phrase = noun.dep_.startswith("nsubj") or not (
            any(_verb_like(t) for t in before) or before[0].pos_ in ("ADP", "ADV", "SCONJ"))
        if end < len(tokens) and tokens[end].text == "," and subject_phrase \
                and not _starts_connector(tokens[end + 1:end + 4]):
            rest = tokens[:k - 1] + tokens[end + 1:]
        if not (_is_clause(clause) and _is_clause(rest)):
            continue
        if prefix_kind == "relative" and not _verb_agrees(clause, noun) and not (
                noun.text.lower() == "plupart" and _verb_plural(clause)):  # « la plupart des pays, qui s'engagent »
            continue  # "l'étroitesse des rues, qui forment …": "qui" is the streets, not the narrowness
        piece = Piece()
        if prefix_kind == "dont":  # ", dont l'origine … a été proposée" → "L'origine … de la mitochondrie …"
            head = clause[:next((n for n, t in enumerate(clause[1:], 1) if t.pos_ not in ("NOUN", "ADJ")), 2)]
            _add_tokens(piece, head)
            piece.segments.append(("lit", " " + _de(_noun_phrase(phrase, definite=False)) + " "))
            _add_tokens(piece, clause[len(head):])
        else:
            if determiner:
                piece.segments.append(("lit", determiner))
            piece.segments.append(_np_segment(phrase))
            if prefix_kind == "participle":
                piece.segments.append(("lit", " " + _be(rest, "Plur" in noun.morph.get("Number"))))
            piece.segments.append(("lit", " "))
            _add_tokens(piece, clause)
        piece.tokens = clause
        piece.anchor = tokens[k - 2].i
        removed = {t.i for t in tokens} - {t.i for t in rest}
        return removed, piece
    return None


_BE = {("Imp", False): "était", ("Imp", True): "étaient", ("Past", False): "fut", ("Past", True): "furent",
       ("Fut", False): "sera", ("Fut", True): "seront", ("Pres", False): "est", ("Pres", True): "sont"}


def _be(sentence: list, plural: bool) -> str:
    """« être » in the tense of the sentence's main verb: « La monarchie, dirigée par Louis XVI, peinait … » →
    « La monarchie était dirigée par Louis XVI. », never « est » in a text told in the past."""
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    verbs = [root] if root is not None and _conjugated(root) else [
        t for t in (root.children if root is not None else ()) if t.dep_ in ("cop", "aux", "aux:pass")
        and _conjugated(t, auxiliary=True)]
    verb = verbs[0] if verbs else next((t for t in sentence if _conjugated(t)), None)
    tense = verb.morph.get("Tense") if verb is not None and "Ind" in verb.morph.get("Mood") else []
    if tense == ["Past"] and verb.text.lower().endswith(("it", "is")):
        tense = ["Pres"]  # « définit », « finit »: the present too; only a sure passé simple (« devint ») gives « fut »
    return _BE.get((tense[0] if tense else "Pres", plural), "sont" if plural else "est")


def _verb_plural(clause: list) -> bool:
    verb = next((t for t in clause if _conjugated(t)), None)
    return verb is not None and "Plur" in verb.morph.get("Number")


def _verb_agrees(clause: list, noun) -> bool:
    """Whether the first conjugated verb of a relative clause has the number of the noun it will be said of."""
    verb = next((t for t in clause if _conjugated(t)), None)
    if verb is None or not verb.morph.get("Number") or not noun.morph.get("Number"):
        return True
    return verb.morph.get("Number") == noun.morph.get("Number")


def _past_participle(token) -> bool:
    """"transmis", "née", "située": a past participle, even when the tagger calls it an adjective."""
    if token.pos_ not in ("VERB", "ADJ"):
        return False
    if "Part" in token.morph.get("VerbForm"):
        return "Pres" not in token.morph.get("Tense")
    return token.text.lower() in ("né", "née", "nés", "nées", "mort", "morte", "morts", "mortes")


def _head_noun(noun):
    """"principe de Le Chatelier": the phrase is headed by "principe", not "Chatelier"."""
    while noun.dep_ in ("nmod", "flat:name", "flat") and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head
    return noun


def _agrees(participle, noun) -> bool:
    """Whether a participle agrees with a noun; the gender of a name is not compared (the tagger guesses the
    gender of « Jules Vallès » or « Nevers » from its letters)."""
    for feature in ("Number",) if noun.pos_ == "PROPN" else ("Number", "Gender"):
        mine, theirs = participle.morph.get(feature), noun.morph.get(feature)
        if mine and theirs and mine != theirs:
            return False
    return True


def _final_relative(tokens: list):
    """"X est une division cellulaire qui produit …" → "X est une division cellulaire. Cette division
    cellulaire produit …": a relative clause that runs to the end of the sentence."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) <= 14:
        return None
    for k in range(2, len(tokens) - 3):
        token = tokens[k]
        if token.text.lower() == "qui" and tokens[k - 1].text in ("»", "”") and (found := _after_quoted(tokens, k)):
            return found
        if token.text.lower() != "qui" or token.dep_ != "nsubj" or tokens[k - 1].is_punct:
            continue
        if _in_cleft(tokens, k):
            continue  # « C'est l'apparition des disques durs … qui a permis … »: the « qui » is the cleft's
        noun = tokens[k - 1] if tokens[k - 1].pos_ in ("NOUN", "PROPN") else None
        if noun is None:
            noun_index = _antecedent(tokens, k - 1)
            noun = tokens[noun_index] if noun_index is not None else None
        phrase = _phrase_before(tokens, k) if noun is not None else _parsed_antecedent(tokens, k)
        if phrase and noun is None:
            noun = next(t for t in phrase if t.i == token.head.head.i)
        if noun is None or noun.dep_.startswith("nsubj") or not phrase:
            continue
        clause = [t for t in tokens[k + 1:] if not (t.is_punct and t.text in ".!?")]
        rest = tokens[:k] + [t for t in tokens[k + 1:] if t.is_punct and t.text in ".!?"]
        nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")]
        if len(nouns) > 1 and _determined_complement(phrase) and not (
                _verb_agrees(clause, nouns[0]) and not _verb_agrees(clause, nouns[-1])):
            last = _last_complement(phrase)
            if not (last and _verb_agrees(clause, nouns[-1]) and not _verb_agrees(clause, nouns[0])):
                continue  # « le cas du multimètre qui comporte … »: the case or the multimeter? Not said
            phrase = last  # « la rencontre de deux plaques qui se poussent »: only the plates agree
        if phrase[0].text.lower() == "les":
            continue  # « selon les lois qui s'appliquent dans le pays »: the relative says which laws; alone,
            # « selon les lois. » would speak of every law
        if not (_is_clause(clause) and _is_clause(rest)) or len([t for t in rest if not t.is_punct]) < 4:
            continue
        if any(t.text in ";:" for t in clause) or _verb_after_comma(clause):
            continue  # « … qui se rencontrent, sinon la plus dense plongera »: what follows is not the relative's
        if _range_closed_in(tokens, phrase, clause):
            continue  # « passer d'un passé qui ne passe pas à un passé dépassé »: the « à » is the range's end
        if any(t.text.lower() in _POINTING_BACK for t in clause):
            continue  # « un objet qui contient des méthodes qui agissent sur lui-même »: alone, « lui-même » is lost
        if _two_verbs_unjoined(clause) or _infinitive_after_comma(clause):
            continue  # « qui en résulte n'est pas … », « qui contiendrait les noms, rendre compte … »: the relative
            # is inside the sentence, and what follows it belongs to the main verb
        piece = Piece()
        if phrase[0].pos_ == "NUM":
            piece.segments.append(("lit", "ces "))  # « deux plaques » → « ces deux plaques »
        named = phrase[0].pos_ == "DET" and len(phrase) > 1 and phrase[1].text[:1].isupper()
        piece.segments.append(_np_segment(phrase, definite=not named))  # « la Convention de Berne » stays a name
        piece.segments.append(("lit", " "))
        _add_tokens(piece, clause)
        piece.tokens = clause
        return {t.i for t in clause} | {token.i}, piece
    return None


def _range_closed_in(tokens: list, phrase: list, clause: list) -> bool:
    """Whether the antecedent follows « de » and the relative holds « à » and a noun like it: « de X qui … à Y »
    is then a range (« passer d'un passé qui ne passe pas à un passé dépassé », « de 10 € qui … à 20 € »), and
    « à Y » belongs to the main verb."""
    first = next((n for n, t in enumerate(tokens) if t.i == phrase[0].i), 0)
    if first == 0 or tokens[first - 1].text.lower() not in ("de", "d'", "d’", "du", "des"):
        return False
    heads = {t.lemma_.lower() for t in phrase if t.pos_ in ("NOUN", "PROPN", "NUM")}
    for n, token in enumerate(clause):
        if token.text.lower() in ("à", "au", "aux", "jusqu'à", "jusqu’à"):
            after = [t for t in clause[n + 1:n + 4] if t.pos_ in ("NOUN", "PROPN", "NUM")][:1]
            if after and (after[0].lemma_.lower() in heads or after[0].pos_ == "NUM" and "NUM" in
                          {t.pos_ for t in phrase}):
                return True
    return False


def _in_cleft(tokens: list, k: int) -> bool:
    """Whether the « qui » at k closes a cleft sentence (« C'est la chaleur qui … », « Ce ne sont pas les élèves
    qui … »): its antecedent is the phrase put in focus, not the nearest noun, so it cannot be cut off. A
    presentation (« C'est un organe qui … ») is no cleft: an indefinite article follows « c'est »."""
    start = max((j + 1 for j in range(k) if tokens[j].text in (";", ":")), default=0)
    for j in range(start, min(k - 1, start + 4)):
        if tokens[j].text.lower() not in ("c'", "c’", "ce"):
            continue
        m = j + 1
        while m < k and tokens[m].text.lower() in ("n'", "n’", "ne"):
            m += 1
        if m >= k or tokens[m].lemma_ != "être":
            continue
        focus = next((t for t in tokens[m + 1:k] if t.text.lower() not in ("pas", "plus", "donc", "alors", "bien")),
                     None)
        return focus is None or focus.text.lower() not in ("un", "une", "des")
    return False


def _two_verbs_unjoined(clause: list) -> bool:
    """Whether a relative clause holds two conjugated verbs with no « et », « ou » or comma between them: the
    second one belongs to the sentence the relative sits in, so the relative does not run to its end."""
    verbs = [n for n, t in enumerate(clause) if _conjugated(t) and not (n and clause[n - 1].pos_ == "AUX")]
    return any(not any(t.pos_ == "CCONJ" or t.text in (",", ";") for t in clause[a + 1:b])
               for a, b in zip(verbs, verbs[1:], strict=False))


def _infinitive_after_comma(clause: list) -> bool:
    """Whether a comma in the clause is followed by an infinitive (« …, rendre compte de … »): the infinitive
    belongs to a verb before the relative (« On ne pourrait pas, avec une liste qui …, rendre compte … »)."""
    return any(a.text == "," and b.pos_ in ("VERB", "AUX") and "Inf" in b.morph.get("VerbForm")
               for a, b in zip(clause, clause[1:], strict=False))


def _after_quoted(tokens: list, k: int):
    """« … plusieurs parties appelées « plaques tectoniques » qui se déplacent lentement. » → « … appelées
    « plaques tectoniques ». Ces plaques tectoniques se déplacent lentement. »: a relative clause after a name in
    quotation marks, when its verb agrees with that name, is said of it."""
    opening = next((j for j in range(k - 2, max(k - 7, -1), -1) if tokens[j].text in ("«", "“")), None)
    if opening is None:
        return None
    name = tokens[opening + 1:k - 1]
    noun = next((t for t in name if t.pos_ in ("NOUN", "PROPN")), None)
    clause = [t for t in tokens[k + 1:] if not (t.is_punct and t.text in ".!?")]
    rest = tokens[:k] + [t for t in tokens[k + 1:] if t.is_punct and t.text in ".!?"]
    if noun is None or not 1 <= len(name) <= 4 or not _is_clause(clause) or not _is_clause(rest) \
            or not _verb_agrees(clause, noun) or any(t.text in ";:,(" or t.text.lower() in _POINTING_BACK
                                                       for t in clause):
        return None
    lead = _demonstrative_determiner(noun, name[0].text)
    if not lead:
        return None
    piece = Piece()
    piece.segments.append(("lit", lead))
    _add_tokens(piece, name)
    piece.segments.append(("lit", " "))
    _add_tokens(piece, clause)
    piece.tokens = clause
    return {t.i for t in clause} | {tokens[k].i}, piece


def _last_complement(phrase: list) -> list:
    """The noun phrase after the last « de » of `phrase` when it has a determiner or a number of its own
    (« la rencontre de deux plaques » → « deux plaques »); [] otherwise."""
    for n in range(len(phrase) - 2, 0, -1):
        if phrase[n].text.lower() in ("de", "d'", "d’"):
            rest = phrase[n + 1:]
            return rest if rest[0].pos_ in ("DET", "NUM") and any(t.pos_ == "NOUN" for t in rest) else []
    return []


def _parsed_antecedent(tokens: list, k: int) -> list:
    """The noun phrase that the parse gives a relative « qui » at k, when it ends right before « qui » and only
    its own modifiers come between its noun and « qui » (« un concept de programmation très puissant qui »);
    [] otherwise."""
    verb = tokens[k].head
    noun = verb.head
    if verb.dep_ != "acl:relcl" or noun.pos_ not in ("NOUN", "PROPN") or not tokens[0].i <= noun.i < tokens[k].i:
        return []
    inside = {t.i for t in noun.subtree}
    start = min([c.i for c in noun.children if c.dep_ in ("det", "nummod", "amod") and c.i < noun.i] + [noun.i])
    phrase = [t for t in tokens[:k] if t.i >= start]  # not its subject: « X est un concept … » has X in it
    if not phrase or len(phrase) > MAX_NOUN_PHRASE or phrase[0].pos_ not in ("DET", "PROPN") or any(
            t.i not in inside or t.is_punct or "Fin" in t.morph.get("VerbForm") for t in phrase):
        return []
    return phrase


def _determined_complement(phrase: list) -> bool:
    """Whether a « de » complement of the noun phrase has a determiner of its own (« le cas du multimètre »,
    « la rencontre de deux plaques »), so that a relative clause after it may be said of either noun; a bare
    noun after « de » (« un concept de programmation ») only qualifies the first one, and a bare name after a
    capitalised noun makes one name with it (« la Convention de Berne », « le Traité de Rome »)."""
    head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
    named = head is not None and head.text[:1].isupper()
    for n, token in enumerate(phrase[1:], 1):
        lower = token.text.lower()
        if lower in ("du", "des") or lower in ("de", "d'", "d’") and n + 1 < len(phrase) and \
                phrase[n + 1].pos_ not in ("NOUN", "ADJ") and not (named and phrase[n + 1].pos_ == "PROPN"):
            return True
    return False


def _verb_after_comma(clause: list) -> bool:
    """Whether a conjugated verb comes after a comma in the clause: a new clause, of the main sentence."""
    comma = next((n for n, t in enumerate(clause) if t.text == ","), None)
    return comma is not None and any(_conjugated(t) for t in clause[comma + 1:])


def _trailing_participle(tokens: list):
    """"Nevers est une commune du centre de la France, située dans la Nièvre." → "… de la France. Elle est située
    dans la Nièvre.": a participle phrase that ends the sentence, attached by the parser to the noun that the
    sentence's « être » defines, and agreeing with it, is said of that noun, by a pronoun of its gender."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) <= 14:
        return None
    for k in range(4, len(tokens) - 2):
        comma = tokens[k - 1].text == ","
        if not comma and not _bound_participle(tokens, k):
            continue
        participle = tokens[k + 1] if tokens[k].pos_ == "ADV" and comma else tokens[k]
        if not _past_participle(participle):
            continue
        noun = participle.head
        if noun.dep_ != "ROOT" or noun.pos_ != "NOUN" or not any(c.dep_ == "cop" for c in noun.children) \
                or not _agrees(participle, noun) or not noun.morph.get("Number") or noun.i > participle.i:
            continue
        person = participle.lemma_ in ("naître", "mourir")  # « un pianiste et compositeur … né à … »: « il »
        subject = _pronoun(noun) if comma or person else _demonstrative(noun)
        ends = [t for t in tokens[k:] if t.is_punct and t.text in ".!?"]
        clause = [t for t in tokens[k:] if t not in ends]
        rest = tokens[:k - 1] + ends if comma else tokens[:k] + ends
        if not subject or any(t.text in ";:(" for t in clause) or len([t for t in rest if not t.is_punct]) < 5 \
                or len(clause) < MIN_WORDS or _bare_predicate(rest, noun):
            continue
        piece = Piece()
        piece.segments.append(("lit", f"{subject} {_be(rest, 'Plur' in noun.morph.get('Number'))} "))
        _add_tokens(piece, clause)
        piece.tokens = clause
        return {t.i for t in clause} | ({tokens[k - 1].i} if comma else set()), piece
    return None


def _bare_predicate(rest: list, noun) -> bool:
    """Whether the sentence left would only say « X est une place »: after « être », the noun it defines and its
    determiner, which tell the reader nothing until the participle comes."""
    copula = min(c.i for c in noun.children if c.dep_ == "cop")
    return all(t.i == noun.i or t.pos_ == "DET" for t in rest if t.i > copula and not t.is_punct)


_SAID_OF_THE_DEFINED = {"situer", "localiser", "implanter", "naître", "mourir"}  # where, when: of the thing defined


def _bound_participle(tokens: list, k: int) -> bool:
    """A participle with no comma before it, right after the phrase of the noun it agrees with, and with an agent
    (« une inflammation du parenchyme pulmonaire provoquée par une infection »): said of that noun only when the
    nearest noun before it does not agree with it too."""
    participle = tokens[k]
    if k + 1 >= len(tokens) or tokens[k - 1].pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    if participle.lemma_ in _SAID_OF_THE_DEFINED and participle.head.dep_ == "ROOT":
        return True  # « une commune de la Métropole du Grand Paris située dans … »: where the commune is
    if tokens[k + 1].text.lower() != "par" or tokens[k - 1].pos_ == "PROPN":
        return False
    nearest = next((t for t in reversed(tokens[:k]) if t.pos_ == "NOUN"), None)
    return nearest is not None and (nearest.i == participle.head.i or not _agrees(participle, nearest))


def _demonstrative(noun) -> str:
    """« cette inflammation », « ces plaques »: the noun, named again; "" when its gender or number is unknown."""
    if noun.pos_ != "NOUN" or len(noun.morph.get("Gender")) != 1 or len(noun.morph.get("Number")) != 1:
        return ""
    return _demonstrative_determiner(noun, noun.text) + noun.text


def _demonstrative_determiner(noun, next_word: str) -> str:
    """« ces », « cette », « cet » or « ce » (with its space) for `noun`, before `next_word`; "" when neither its
    number is plural nor its gender known."""
    gender, number = noun.morph.get("Gender"), noun.morph.get("Number")
    if number == ["Plur"]:
        return "ces "
    if gender == ["Fem"]:
        return "cette "
    if gender == ["Masc"]:
        return "cet " if _VOWEL.match(next_word) else "ce "
    return ""


def _phrase_before(tokens: list, k: int) -> list:
    """The noun phrase right before position k: a contiguous run of determiners, nouns, adjectives,
    numbers and "de", without verbs or punctuation."""
    phrase: list = []
    for token in reversed(tokens[max(0, k - MAX_NOUN_PHRASE):k]):
        if token.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or (token.pos_ == "ADP" and token.text.lower() in
                                                                     ("de", "d'", "du", "des", "à")):
            phrase.insert(0, token)
        else:
            break
    while phrase and phrase[0].pos_ not in ("DET", "PROPN"):
        phrase = phrase[1:]  # « à cause de la rencontre de deux plaques »: from its first determiner
    return phrase


def _de(noun_phrase: str) -> str:
    """"de" + a noun phrase, contracted: "de la mitochondrie", "du noyau", "des cellules"."""
    lower = noun_phrase.lower()
    if lower.startswith("le "):
        return "du " + noun_phrase[3:]
    if lower.startswith("les "):
        return "des " + noun_phrase[4:]
    return "de " + noun_phrase[:1].lower() + noun_phrase[1:]


def _before_brackets(tokens: list, index: int) -> int:
    """"l'indice des prix (IPC), lequel …": the noun is before the brackets."""
    if index >= 0 and tokens[index].text == ")":
        while index > 0 and tokens[index].text != "(":
            index -= 1
        return index - 1
    return index


def _antecedent(tokens: list, index: int) -> int | None:
    """The noun right before a comma (adjectives, or "de 1841", after it allowed)."""
    for back in range(index, max(index - 4, -1), -1):
        if tokens[back].pos_ in ("NOUN", "PROPN"):
            return back
        if tokens[back].pos_ not in ("ADJ", "NUM") and tokens[back].text.lower() not in ("de", "d'", "du"):
            return None
    return None


def _clause_end(tokens: list, start: int) -> int:
    """Where the clause starting at `start` ends; a bracket inside it belongs to it (« né à Leytonstone
    (Londres) en Angleterre, »)."""
    depth = 0
    for k in range(start, len(tokens)):
        depth += {"(": 1, ")": -1}.get(tokens[k].text, 0)
        if depth > 0 or tokens[k].text == ")":
            continue
        if depth < 0:
            return k  # the clause was itself inside brackets
        if tokens[k].text in (",", ";", ":") or (tokens[k].is_punct and tokens[k].text in ".!?"):
            return k
        if tokens[k].text.endswith(".") and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
            return k + 1
    return len(tokens)


def _starts_connector(window: list) -> bool:
    phrase = _phrase(window)
    return any(phrase == key or phrase.startswith(key + " ") for key in entries("fr", "connectors.txt"))


# --- fronted subordinate clauses -------------------------------------------------------------------------

def _split_fronted(tokens: list) -> list[tuple[str, list]]:
    fronted = entries("fr", "fronted.txt")
    words = [t for t in tokens if not t.is_space]
    for size in (3, 2, 1):
        phrase = _phrase(words[:size])
        if phrase in fronted:
            break
    else:
        return [("", tokens)]
    body = words[size:]
    if any(_SUBJUNCTIVE.match(t.text.lower()) for t in body):
        return [("", tokens)]
    for k, token in enumerate(body):
        if token.text != ",":
            continue
        left, right = body[:k], body[k + 1:]
        if _is_clause(left) and _is_clause(right) and _has_own_subject(right[:6]):
            prefix = fronted[phrase][1] if len(fronted[phrase]) > 1 else ""
            return [(prefix, left), (fronted[phrase][0], right)]
    return [("", tokens)]


def _refers_back(piece: Piece) -> bool:
    first = piece.segments[0]
    return first[0] == "lit" and first[1].startswith(("Cela", "Ce sont", "C'est un", "C'est une", "C'est le",
                                                       "C'est la"))


def _comma_clauses(tokens: list, max_words: int) -> list[list]:
    """Cut a too-long piece at the comma nearest its middle that separates two full clauses, then each half the
    same way while it is still too long."""
    words = [t for t in tokens if not t.is_punct]
    if not max_words or len(words) <= max_words:
        return [tokens]
    depth, best = 0, None
    for k, token in enumerate(tokens):
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        if token.text != "," or depth or k < 4 or k > len(tokens) - 5:
            continue
        left, right = tokens[:k], tokens[k + 1:]
        if right[0].text.lower() in _RELATIVE_SUBJECTS | {"que", "qu'", "dont", "où", "et", "ou", "ni", "mais"} \
                or right[0].pos_ in ("SCONJ", "CCONJ", "ADP", "VERB", "AUX"):
            continue
        if not (_is_clause(left) and _is_clause(right) and _begins_with_its_subject(right)):
            continue
        main = _after_fronted_phrase(left) if left[0].pos_ == "ADP" else left
        if left[0].pos_ == "SCONJ" or not main or not _has_own_subject(main) or not (
                _subject_and_verb_inside(main) or _subject_then_verb(main)):
            continue  # "Si A, B", "Pour A, B": the condition or the aim stays with its clause
        if _closes_insertion(left):
            continue  # "A et, en cas de disette, B": the comma closes an aside that opened after "et"
        if _subjunctive_first(right[:8], left) or _ends_on_connector(left) or _unfinished_clause(left):
            continue  # still under a « que », or led by « par exemple »: one sentence
        distance = abs(k - len(tokens) / 2)
        if best is None or distance < best[0]:
            best = (distance, k)
    if best is None:
        return [tokens]
    k = best[1]
    return _comma_clauses(tokens[:k], max_words) + _comma_clauses(tokens[k + 1:], max_words)


def _after_fronted_phrase(left: list) -> list:
    """The clause after a fronted phrase and its comma (« Pour mesurer la valeur, il ne suffit pas de … »): a
    cut after that clause leaves the aim with the clause it was written for; [] when no clause that begins with
    its subject follows the first comma."""
    comma = next((k for k, t in enumerate(left) if t.text == ","), None)
    if comma is None or comma + 1 >= len(left) or not _begins_with_its_subject(left[comma + 1:]):
        return []
    return left[comma + 1:]


def _closes_insertion(left: list) -> bool:
    """Whether the comma after `left` closes an aside opened by a comma right after a conjunction or a
    subordinating word ("et, en cas de disette, …", "mais, dans ce cas, …", "que, selon lui, …")."""
    commas = [k for k, t in enumerate(left) if t.text == ","]
    if not commas:
        return False
    opened = commas[-1]
    return opened > 0 and (left[opened - 1].pos_ in ("CCONJ", "SCONJ")
                           or left[opened - 1].text.lower() in ("que", "qu'", "qu’", "et", "mais", "ou", "donc"))


def _trailing_apposition(linker: str, tokens: list) -> list[tuple[str, list]]:
    """"…, deux faces aussi indissociables que le recto et le verso." → "… . Ce sont deux faces …": a noun
    phrase after the last comma that adds a description of what comes before it."""
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas or any(t.text in "()[]" for t in tokens[commas[-1]:]):
        return [(linker, tokens)]
    k = commas[-1]
    left, right = tokens[:k], [t for t in tokens[k + 1:] if not (t.is_punct and t.text in ".!?")]
    if len([t for t in right if not t.is_punct]) < 3 or not _is_clause(left) or not right:
        return [(linker, tokens)]
    first = right[0]
    ranked = first.text.lower() in _RANK_ADJECTIVES and len(right) > 1 and right[1].pos_ == "NOUN"
    if (first.pos_ not in ("DET", "NOUN") and not ranked) or first.like_num or first.text.lower() in (
            "ce", "cela", "cet", "cette", "ces", "tout", "toute", "tous", "toutes"):  # « toutes situées … »
        return [(linker, tokens)]
    if left[-1].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return [(linker, tokens)]  # "ne dépasse pas, a priori, 30 molécules": an object, not an apposition
    if any(t.pos_ == "CCONJ" and n + 1 < len(right) and right[n + 1].pos_ == "DET" for n, t in enumerate(right)):
        return [(linker, tokens)]  # « le consentement des parties, leur capacité … et un contenu licite »: a list
    if _participle_with_object(right):
        return [(linker, tokens)]  # « …, représentant 95 % de la population »: no « C'est un représentant 95 % »
    head = next((t for t in right if t.pos_ == "NOUN"), None)
    coordination = next((n for n, t in enumerate(right) if t.pos_ == "CCONJ"), None)
    if head is not None and (head.dep_ == "conj" or coordination is not None and coordination <= 3 and all(
            t.pos_ in ("DET", "NOUN", "ADJ", "PROPN") for t in right[:coordination])):
        return [(linker, tokens)]  # "le dioxyde de carbone, l'eau et les minéraux": the end of a list
    if any("Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense") for t in right):
        return [(linker, tokens)]  # « …, les arbres binaires ayant des propriétés … » gives a cause, not a name
    if head is None or any(_verb_like(t) and t.i < head.i for t in right) or any(
            t.pos_ in ("VERB", "AUX") and (t.head is t or "Fin" in t.morph.get("VerbForm")) for t in right):
        # a conjugated verb: "…, la communauté recommande …" is a clause with its subject, not an apposition
        return [(linker, tokens)]
    plural = "Plur" in head.morph.get("Number") or first.like_num and first.text not in ("1", "un", "une")
    lead = "Ce sont" if plural else "C'est"
    if first.pos_ == "NOUN":
        lead += (" des" if plural else (" une" if "Fem" in head.morph.get("Gender") else " un"))
    elif ranked:  # « …, principal dirigeant de la République » → « C'est le principal dirigeant … »: one of a kind
        lead += " " + _definite_article(head, first.text, plural)
    return [(linker, left + [t for t in tokens[k + 1:] if t.is_punct and t.text in ".!?"]), (lead, right)]


def _participle_with_object(words: list) -> bool:
    """« représentant 95 % de la population », « regroupant les trois ordres »: a present participle the tagger read
    as a noun, since an object follows it (a number, or a determiner other than « de, des, du »)."""
    first, after = words[0], words[1] if len(words) > 1 else None
    return (first.pos_ == "NOUN" and first.text.lower().endswith(("ant", "ants")) and after is not None
            and (after.like_num or after.pos_ == "DET" and after.text.lower() not in ("de", "des", "du", "d'", "d’")))


def _definite_article(noun, next_word: str, plural: bool) -> str:
    """« les », « l' » (before a vowel; not before an « h »), « la » or « le » for `noun`, before `next_word`."""
    if plural:
        return "les"
    if _VOWEL.match(next_word) and not next_word.lower().startswith("h"):
        return "l'"
    return "la" if "Fem" in noun.morph.get("Gender") else "le"


_RANK_ADJECTIVES = {"principal", "principale", "principaux", "principales", "ancien", "ancienne", "anciens",
                    "anciennes", "premier", "première", "premiers", "premières", "dernier", "dernière", "derniers",
                    "dernières", "futur", "future", "futurs", "futures", "seul", "seule", "seuls", "seules"}


def _phrase(tokens: list) -> str:
    return " ".join(t.text.lower() for t in tokens).replace("qu'", "que").replace("qu’", "que")


# --- clause boundaries ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class SplitPoint:
    drop_from: int  # position of the first token dropped (punctuation, linking word)
    start: int  # position of the first token of the new clause
    linker: str
    subject: str = ""  # subject repeated when the new clause shares the previous one's ("…, mais consomme")


def _split_on_points(tokens: list) -> list[tuple[str, list]]:
    groups: list[tuple[str, list]] = []
    linker, cursor = "", 0
    points = _points(tokens)
    for n, point in enumerate(points):
        following = points[n + 1].drop_from if n + 1 < len(points) else len(tokens)
        right = tokens[point.start:following]
        nominal = point.linker == "Cela fait" and len([t for t in right if not t.is_punct]) >= 2 \
            and not any(_verb_like(t) for t in right) and following == len(tokens)
        if tokens[point.drop_from].text == ";" and _long_enough(tokens[cursor:point.drop_from]) \
                and _long_enough(right):
            nominal = True  # a semicolon already separates two sentences
        if _is_clause(tokens[cursor:point.drop_from]) and (_is_clause(right) or nominal or point.subject and right) \
                or nominal and _long_enough(tokens[cursor:point.drop_from]):
            groups.append((linker, tokens[cursor:point.drop_from]))
            linker = " ".join(part for part in (point.linker, point.subject) if part)
            cursor = point.start
    groups.append((linker, tokens[cursor:]))
    return groups


_DASHES = ("–", "—")  # a dash between two clauses, as a colon would be: « … de différente façon – par exemple, il … »


def _points(tokens: list) -> list[SplitPoint]:
    fronted = entries("fr", "fronted.txt")
    points: list[SplitPoint] = []
    n = len(tokens)
    depth = 0
    for k, token in enumerate(tokens):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(token.text, 0)
        if depth > 0 or (points and k < points[-1].start):
            continue  # never split inside brackets
        lone_dash = token.text in _DASHES and sum(t.text in _DASHES for t in tokens) == 1  # a pair holds an aside
        if (token.text in (";", ":") or lone_dash) and 0 < k < n - 1:
            if token.text != ";" and not _finite_before_stop(tokens[k + 1:]):
                continue  # « deux actions : d'abord afficher la base puis compter » introduces, not a sentence
            size, linker = _connector_at(tokens, k + 1)
            start = k + 1 + size
            if size and start < n and tokens[start].text == ",":
                start += 1
            points.append(SplitPoint(k, start, linker))
            continue
        after_comma = k > 0 and tokens[k - 1].text == ","
        if after_comma and token.text.lower() == "soit" and k + 1 < n and (
                any(ch.isdigit() for ch in tokens[k + 1].text)
                or tokens[k + 1].text.lower() in ("environ", "près", "plus", "moins")) and not any(
                t.text.lower() == "soit" for t in tokens[:k]):  # « soit A, soit B » is a choice, not a sum
            points.append(SplitPoint(k - 1, k + 1, "Cela fait"))  # ", soit environ 17 000 000 de personnes"
            continue
        size, linker = _connector_at(tokens, k)
        if not size or k + size >= n:
            continue
        phrase = _phrase(tokens[k:k + size])
        if not after_comma and phrase not in ("et", "car", "mais", "donc"):
            continue
        if _unfinished_clause(tokens[:k - 1 if after_comma else k]):
            continue  # « … montré que les arbres binaires et les arbres quelconques doivent … »: one subject
        if _subjunctive_first(tokens[k + size:k + size + 8], tokens[:k]):
            continue  # « L'objectif est que lorsqu'on …, l'algorithme soit capable … »: still under « que »
        if after_comma and _ends_on_connector(tokens[:k - 1]):
            continue  # « … de différente façon – par exemple, il faut … »: « par exemple » leads what follows
        aside_end = _aside_end(tokens, k + size)
        if aside_end and _has_own_subject(tokens[aside_end + 1:aside_end + 7]) and _is_clause(tokens[aside_end + 1:]):
            points.append(SplitPoint(k - 1 if after_comma else k, k + size + 1, linker))
            continue  # « …, et, pour cela, il est indispensable … »: the aside goes with the new sentence
        main_clause = _repeated_main_clause(tokens, k) if phrase == "et" else ""
        if main_clause:
            points.append(SplitPoint(k, k + size, linker, main_clause))
            continue  # « Il faut noter que A et que B » → « Il faut noter que A. Il faut noter que B. »
        fronted_clause = after_comma and _opens_fronted_clause(tokens[k + size:])
        if (tokens[k + size].pos_ == "SCONJ" or tokens[k + size].text.lower() in ("que", "qu'", "qu’", "si", "ce")) \
                and not fronted_clause:
            continue  # "… et que …", "entre A et ce qu'il …": not two sentences
        if _opens_on_infinitive(tokens[k + size:]):
            modal = _shared_modal(tokens[:k - 1 if after_comma else k], tokens[k + size:])
            if modal:
                points.append(SplitPoint(k - 1 if after_comma else k, k + size, linker, modal))
            continue  # « … doit lire ses sources et les noter … »: an infinitive is a sentence only with its verb
        long_subject = _subject_phrase_then_verb(tokens[k + size:])
        if phrase == "et" and not after_comma and not _subject_first(tokens[k + 1:k + 4]) and not long_subject \
                and not _shared_subject(tokens[:k], tokens[k + 1:k + 4]) \
                and not _shared_auxiliary(tokens[:k], tokens[k + 1:k + 2]):
            continue  # "A et B" between two noun phrases; two verbs of one subject may be split
        subject = ""
        if phrase == "ce qui" or fronted_clause:
            pass  # the linker "Cela" is the subject; a fronted clause's main clause has its own
        elif not _has_own_subject(tokens[k + size:k + size + 6]) and not long_subject:
            if _second_verb_of_subordinate(tokens[k + size:k + size + 3]):
                continue  # « si A est vrai et peut … »: the second verb is still under « si », not a fact
            subject = _shared_subject(tokens[:k], tokens[k + size:k + size + 3]) or _shared_auxiliary(
                tokens[:k], tokens[k + size:k + size + 1])
            if not subject:
                continue  # no subject of its own and none to repeat: not a sentence
        if phrase in fronted and _fronted_inside(tokens[k + size:]):
            continue  # "…, puisque A, B": A belongs to B, not to what comes before
        points.append(SplitPoint(k - 1 if after_comma else k, k + size, linker, subject))
    return points


MAX_REPEATED_WORDS = 8


def _repeated_main_clause(tokens: list, k: int) -> str:
    """The main clause before the first of two « que » clauses joined by the « et » at k (« Il faut aussi noter
    que A et que B »), as written, to say again before the second one; "" when the second « que » is not
    coordinated with the first in the parse, or the main clause is long, punctuated or opens on a linking word."""
    if k + 2 >= len(tokens) or tokens[k + 1].text.lower() not in ("que", "qu'", "qu’"):
        return ""
    second = tokens[k + 1].head
    first = next((t for t in tokens[:k] if t.text.lower() in ("que", "qu'", "qu’") and t.dep_ == "mark"), None)
    if first is None or tokens[k + 1].dep_ != "mark" or second.dep_ != "conj" or second.head.i not in (
            first.head.i, first.head.head.i):  # the small model often joins the second verb to the main one
        return ""
    main = tokens[:tokens.index(first)]
    words = [t for t in main if not t.is_punct]
    if not 2 <= len(words) <= MAX_REPEATED_WORDS or len(words) != len(main) or main[0].pos_ not in (
            "PRON", "DET", "PROPN", "NOUN") or not any(_conjugated(t, auxiliary=True) for t in main):
        return ""
    doc = main[0].doc
    return doc.text[main[0].idx:main[-1].idx + len(main[-1].text)]


def _unfinished_clause(left: list) -> bool:
    """Whether the words before a linking word end inside a clause that has no verb yet (« … que les arbres
    binaires »): read back from the end, a subordinating word comes before any conjugated verb."""
    for token in reversed(left):
        if _conjugated(token, auxiliary=True):
            return False
        if token.pos_ == "SCONJ" or token.text.lower() in ("que", "qu'", "qu’"):
            return True
    return False


def _subjunctive_first(window: list, left: list) -> bool:
    """Whether the first conjugated verb of what follows is in the subjunctive while a « que » comes before: such a
    clause is still governed by that « que » (a new sentence never starts on « l'algorithme soit »). Without a
    « que » before, « produisent » is read as the indicative it can also be."""
    if not any(t.text.lower() in ("que", "qu'", "qu’") for t in left):
        return False
    verb = next((t for t in window if _conjugated(t)), None)
    return verb is not None and "Sub" in verb.morph.get("Mood")


_TRAILING_CONNECTORS = ("par exemple", "notamment", "c'est-à-dire", "c’est-à-dire", "en effet", "en fait", "ainsi",
                        "donc", "alors", "cependant", "toutefois", "pourtant", "enfin", "aussi", "for example")


def _ends_on_connector(left: list) -> bool:
    """Whether the words before a comma end on a linking phrase set off by a dash or a comma (« … façon – par
    exemple »): it introduces what follows, and cannot close a sentence."""
    words = [t.text.lower() for t in left[-4:]]
    for size in (3, 2, 1):
        if len(words) > size and " ".join(words[-size:]).replace(" - ", "-") in _TRAILING_CONNECTORS \
                and words[-size - 1] in ("–", "—", "-", ",", "("):
            return True
    return False


def _second_verb_of_subordinate(right_start: list) -> bool:
    """Whether the verb after the linking word is coordinated with a verb that a subordinating word governs
    (« parce que les informations sont hiérarchisées et peuvent … », « si A est vrai et reste … »): cut off, it
    would state as a fact what the text gives as a reason, a condition or a time."""
    verbs = [t for t in right_start if t.pos_ in ("VERB", "AUX") and t.dep_ == "conj"]
    return bool(verbs) and any(child.dep_ == "mark" for child in verbs[0].head.children)


def _aside_end(tokens: list, k: int) -> int:
    """The position of the comma that closes a short aside opening with a comma at k (« , pour cela , »); 0 when
    there is none."""
    if k >= len(tokens) or tokens[k].text != ",":
        return 0
    close = next((j for j in range(k + 2, min(k + 7, len(tokens))) if tokens[j].is_punct), 0)
    return close if close and tokens[close].text == "," else 0


def _opens_fronted_clause(right: list) -> bool:
    """« …, mais lorsqu'il est clair que …, on l'appelle … »: a subordinate clause put before its main clause
    begins a new sentence after the linking word, and is not cut from its main clause."""
    fronted = entries("fr", "fronted.txt")
    return _phrase(right[:1]) in fronted and _fronted_inside(right)


def _finite_before_stop(tokens: list) -> bool:
    """Whether a finite verb comes before the next « ; », « : » or the end."""
    for token in tokens:
        if token.text in (";", ":"):
            return False
        if _conjugated(token, auxiliary=True):
            return True
    return False


def _shared_subject(left: list, right_start: list) -> str:
    """The subject of the verb the right clause's verb is coordinated with ("…, mais consomme")."""
    verbs = [t for t in right_start[:2] if _conjugated(t)]
    if not verbs or grammalecte.available() and not grammalecte.could_be_conjugated(verbs[0].text.lower()):
        return ""  # « une physicienne et chimiste polonaise »: the tagger's verb is no verb the lexicon knows
    if verbs[0].dep_ != "conj":
        return _opening_subject(left)
    left_verb = verbs[0].head
    left_ids = {t.i for t in left}
    subjects = [c for c in left_verb.children if c.dep_.startswith("nsubj") and c.i in left_ids]
    while not subjects and left_verb.dep_ in ("xcomp", "conj") and left_verb.head.i in left_ids:
        left_verb = left_verb.head  # « sont restés accrochés …, et empêchent »: the subject is « restés »'s
        subjects = [c for c in left_verb.children if c.dep_.startswith("nsubj") and c.i in left_ids]
    if not subjects:
        return _opening_subject(left)
    subject = subjects[0]
    if subject.text.lower() == "qui":
        before = [t for t in left if t.i == subject.i - 1]
        return "cela" if before and before[0].text.lower() == "ce" else ""
    phrase = [t for t in left if subject.left_edge.i <= t.i <= subject.right_edge.i]
    if not phrase or any(t.is_punct for t in phrase):
        return ""
    if len(phrase) > 6:  # « La Coupe du monde féminine de football 2015 … et se déroule » → « Elle se déroule »
        return _pronoun(subject)
    return _lowered(_noun_phrase(phrase)) if subject.pos_ != "PRON" else subject.text.lower()


def _opening_subject(left: list) -> str:
    """The noun phrase that opens the sentence as its subject, when the parse lost the verb it shares (« Le grand
    bi apparaît … et connaît …, mais est peu utilisé », « apparaît » read as a noun): a determiner, one to three
    nouns or adjectives, then a verb; "" when another subject or a relative clause comes before the cut, since the
    verb may then belong to it."""
    if len(left) < 3 or not _subject_then_verb(left) or left[0].text.lower() not in _DETERMINERS:
        return ""
    k = _subject_length(left)
    if any(t.text.lower() in _RELATIVE_WORDS or t.dep_.startswith("nsubj") or t.text.lower() in _SUBJECT_PRONOUNS
           for t in left[k:]):
        return ""
    return _lowered(_noun_phrase(left[:k]))


def _lowered(phrase: str) -> str:
    """A noun phrase put after a linking word: « Le grand bi » → « le grand bi » (its determiner only)."""
    first = re.split(r"[\s'’]", phrase, maxsplit=1)[0].lower()  # « L'eau » → « l »
    return phrase[:1].lower() + phrase[1:] if first in _DETERMINER_WORDS else phrase


_POINTING_BACK = {"lui-même", "elle-même", "eux-mêmes", "elles-mêmes", "soi-même"}
_RELATIVE_WORDS = {"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"}


def _shared_auxiliary(left: list, right_start: list) -> str:
    """The subject and the auxiliary that a participle shares with the participle it is coordinated with
    (« Il est né à Bruxelles et mort à Apeldoorn » → « il est » before « mort »); "" when the first participle
    has no auxiliary before it (« une série créée par … et diffusée … » describes a noun) or is negated."""
    if not right_start or right_start[0].pos_ != "VERB" or "Part" not in right_start[0].morph.get("VerbForm"):
        return ""
    participle = right_start[0]
    left_ids = {t.i for t in left}
    head = participle.head if participle.dep_ == "conj" and "Part" in participle.head.morph.get("VerbForm") else next(
        (t for t in reversed(left) if t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm")), None)  # the parse
    # often attaches it elsewhere (« né le 11 juin 1832 … et mort le … »: to « 11 »)
    if head is None or any(head.morph.get(feature) != participle.morph.get(feature) for feature in
                           ("Gender", "Number")):
        return ""  # « abandonnée … et enfermée »: the two participles agree, as they share a subject
    if head.i == participle.i - 2:
        return ""  # « signée et ratifiée par la plupart des pays »: what follows is said of both
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "aux:pass", "aux:tense", "cop")
                   and c.i < head.i and c.i in left_ids]
    if head.i not in left_ids or "Part" not in head.morph.get("VerbForm") or not auxiliaries or any(
            c.dep_ == "advmod" and c.text.lower() in ("ne", "n'", "n’", "pas", "jamais", "plus") for c in
            head.children):
        return ""
    if any(t.i > auxiliaries[-1].i and t.i < head.i and t.pos_ not in ("AUX", "ADV") for t in left):
        return ""  # only adverbs between the auxiliary and the participle
    subjects = [c for c in head.children if c.dep_.startswith("nsubj") and c.i in left_ids]
    if not subjects or subjects[0].text.lower() in _RELATIVE_SUBJECTS:
        return ""
    said = _subject_said_again(left, subjects[:1])
    return said and " ".join([said] + [a.text for a in auxiliaries])


_MODALS = {"devoir", "pouvoir", "falloir", "vouloir", "savoir"}
_NEGATION_WORDS = {"ne", "n'", "n’", "pas", "jamais", "plus", "rien"}


def _opens_on_infinitive(right: list) -> bool:
    """Whether the words after a linking word begin with an infinitive, after its object pronouns (« les noter »)."""
    k = _past_clitics(right, 0)
    return k < len(right) and right[k].pos_ in ("VERB", "AUX") and "Inf" in right[k].morph.get("VerbForm")


def _shared_modal(left: list, right: list) -> str:
    """The subject and the modal verb that an infinitive shares with the infinitive it is coordinated with
    (« Le chercheur doit lire ses sources … et les noter … » → « le chercheur doit » before « les noter … »; « Il
    faut lire … et noter … » → « il faut »); "" unless the left clause has one modal verb, not negated, its
    infinitive just after it with words of its own before the cut, a subject, and the right side is a clause of
    at least four words."""
    modals = [t for t in left if t.lemma_ in _MODALS and _conjugated(t, auxiliary=True)]
    if len(modals) != 1 or len([t for t in right if not t.is_punct]) < 4 or left[-1].pos_ in ("VERB", "AUX"):
        return ""
    modal = modals[0]
    after = [t for t in left if t.i > modal.i and t.pos_ != "ADV"]
    if not after or "Inf" not in after[0].morph.get("VerbForm") or any(
            t.text.lower() in _NEGATION_WORDS for t in left if abs(t.i - modal.i) <= 2):
        return ""
    left_ids = {t.i for t in left}
    if modal.lemma_ == "falloir":
        before = [t for t in left if t.i == modal.i - 1]
        return f"il {modal.text}" if before and before[0].text.lower() == "il" else ""
    subjects = [c for c in modal.children if c.dep_.startswith("nsubj") and c.i in left_ids]
    if not subjects or subjects[0].text.lower() in _RELATIVE_SUBJECTS:
        return ""
    said = _subject_said_again(left, subjects)  # the parse may make each of « le chercheur ou la chercheuse » a
    return said and f"{said} {modal.text}"  # subject: all are kept


def _subject_said_again(left: list, subjects: list) -> str:
    """The subject of a verb, said again before the verb a new sentence repeats: a pronoun as written, a noun phrase
    of at most six words, else « il », « elle »… for a single noun (`_pronoun`); "" when it holds punctuation."""
    subject = subjects[0]
    phrase = [t for t in left if subject.left_edge.i <= t.i <= max(s.right_edge.i for s in subjects)]
    if not phrase or any(t.is_punct for t in phrase):
        return ""
    if subject.pos_ == "PRON":
        return subject.text.lower()
    if len(phrase) > 6:
        return _pronoun(subject) if len(subjects) == 1 else ""
    return _noun_phrase(phrase)


def _pronoun(noun) -> str:
    """« il », « elle », « ils » or « elles » for a common noun whose gender and number the tagger gives; "" for a
    name (its gender is a guess) or when either is missing."""
    gender, number = noun.morph.get("Gender"), noun.morph.get("Number")
    if noun.pos_ != "NOUN" or len(gender) != 1 or len(number) != 1:
        return ""
    return ("il" if gender[0] == "Masc" else "elle") + ("s" if number[0] == "Plur" else "")


def _connector_at(tokens: list, k: int) -> tuple[int, str]:
    """(number of tokens, linker) of a linking word at position k, or (0, "")."""
    if k >= len(tokens) or _phrase(tokens[k:k + 1]) not in _connector_first_words():
        return 0, ""  # no linking word starts with this one
    connectors = entries("fr", "connectors.txt")
    for size in (3, 2, 1):
        phrase = _phrase(tokens[k:k + size])
        if len(tokens[k:k + size]) == size and phrase in connectors:
            linker = connectors[phrase][0]
            return size, "" if linker == "-" else linker
    return 0, ""


@cache
def _connector_first_words() -> frozenset[str]:
    """The first words of the linking words, read once."""
    return frozenset(phrase.split(" ")[0] for phrase in entries("fr", "connectors.txt"))


def _fronted_inside(right: list) -> bool:
    for k, token in enumerate(right):
        if token.text == "," and _has_own_subject(right[k + 1:k + 6]) and _is_clause(right[k + 1:]) \
                and not _connector_at(right, k + 1)[0] and right[k + 1].pos_ != "SCONJ":
            return True
    return False


_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "tu", "cela", "ceci", "ça"}
_FINITE_ENDING = re.compile(r"(?:aient|ait|ent|ont|ons|ez|era|eront|ira|iront|est|sont|a)$")


def _subject_first(window: list) -> bool:
    """The clause begins with its subject ("et la ville reste vide")."""
    if not window:
        return False
    if window[0].text.lower() in _SUBJECT_PRONOUNS:
        return True
    return window[0].pos_ == "DET" and len(window) > 1 and (window[1].dep_.startswith("nsubj") or _has_own_subject(
        window))


def _subject_and_verb_inside(clause: list) -> bool:
    """Whether the parse puts a subject and its verb both inside the clause (else the parse is not to be trusted
    with a cut there)."""
    inside = {t.i for t in clause}
    return any(t.dep_.startswith("nsubj") and t.head.i in inside for t in clause)


def _begins_with_its_subject(clause: list) -> bool:
    """The clause's first word is its subject, or the determiner of its subject ("la ville reste vide"); not a
    noun phrase whose relative clause has a subject ("des établissements sur lesquels on sait peu")."""
    first = clause[0]
    if first.text.lower() in _SUBJECT_PRONOUNS or _subject_then_verb(clause):
        return True
    head = clause[1] if first.pos_ == "DET" and len(clause) > 1 else first
    inside = {t.i for t in clause}
    verb = head.head
    conjugated = "Fin" in verb.morph.get("VerbForm") or any(
        child.dep_ in ("aux", "aux:pass", "cop") and "Fin" in child.morph.get("VerbForm") for child in verb.children)
    relative = any(t.text.lower() in _RELATIVE_WORDS or "Rel" in t.morph.get("PronType") for t in clause
                   if head.i < t.i < verb.i)  # « des établissements sur lesquels on sait »: the verb is the relative's
    return (head.pos_ in ("NOUN", "PROPN") and head.dep_.startswith("nsubj") and conjugated
            and verb.i in inside and verb.i > head.i and not relative)  # the subject of a verb after it, in the clause


_DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa",
                "ses", "leur", "leurs", "chaque", "tout", "toute", "tous", "toutes"}
_DETERMINER_WORDS = {d.rstrip("'’") for d in _DETERMINERS}  # « l' » as « l », as a phrase's first word is cut
_OBJECT_CLITICS = {"ne", "n'", "n’", "se", "s'", "s’", "y", "en", "lui", "le", "la", "les", "l'", "l’", "leur"}


def _subject_then_verb(window: list) -> bool:
    """Whether `window` begins with a subject (a subject pronoun, or a determiner and up to three nouns,
    adjectives or numbers) and then its conjugated verb, the verb recognised by its tag or, when the small model
    tagged it as a noun or an adjective, by the lexicon (« la deuxième partie parle de … »)."""
    k = _subject_length(window)
    if not k:
        return False
    k = _past_clitics(window, k)
    return k < len(window) and (_conjugated_only(window[k]) or "Fin" in window[k].morph.get("VerbForm")
                                or window[k].pos_ == "AUX" and window[k].text.lower() not in ("être", "avoir"))


def _past_clitics(window: list, k: int) -> int:
    """The index of the first word at or after `k` that is not a clitic before a verb (« n' », « se », « y »…)."""
    while k < len(window) and window[k].text.lower() in _OBJECT_CLITICS:
        k += 1
    return k


def _subject_length(window: list) -> int:
    """The words of the subject `window` may begin with: a subject pronoun (1), or a determiner and up to three
    nouns, adjectives or numbers, one of them a noun or an adjective; 0 for none."""
    if window and window[0].text.lower() in _SUBJECT_PRONOUNS - {"cela", "ceci", "ça"}:
        return 1
    if not window or window[0].text.lower() not in _DETERMINERS:
        return 0
    k = 1
    while k < min(len(window), 4) and window[k].pos_ in ("NOUN", "ADJ", "NUM", "PROPN") \
            and not _conjugated_only(window[k]):
        k += 1
    return k if k > 1 and any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in window[1:k]) else 0


@cache
def _conjugated_word(word: str) -> bool:
    if not grammalecte.available():
        return False
    return only_verb(word) and grammalecte.could_be_conjugated(word)


def _conjugated_only(token) -> bool:
    """A word in lower case that the lexicon knows only as a conjugated verb form (« parle », « prévoit »), whatever
    its tag."""
    word = token.text
    return word.isalpha() and word.islower() and len(word) > 1 and _conjugated_word(word)  # « Maria » is a name


def _has_own_subject(window: list) -> bool:
    """Whether a clause starts with a subject of its own: tagged as one, a subject pronoun, or a
    determiner + noun followed by a word that looks conjugated (the small model often tags such verbs
    as nouns). A subject after « que » or another subordinating word is its clause's (« et signifie que la chose
    concerne … »), not this one's."""
    cut = next((n for n, t in enumerate(window) if n and (t.pos_ == "SCONJ" or t.text.lower() in (
        "que", "qu'", "qu’", "qui", "dont"))), len(window))
    if any(t.dep_.startswith("nsubj") and t.text.lower() not in _RELATIVE_SUBJECTS for t in window[:cut]):
        return True
    if window and window[0].text.lower() in _SUBJECT_PRONOUNS:
        return True
    if _subject_then_verb(window):
        return True
    if window and window[0].pos_ == "DET":
        for token in window[1:5]:
            if token.pos_ in ("VERB", "AUX") or (token.pos_ in ("NOUN", "ADJ") and token.i > window[1].i
                                                 and _FINITE_ENDING.search(token.text.lower())):
                return True
    return False


_NOUN_PHRASE_LINKS = {"de", "d'", "d’", "des", "du", "à", "au", "aux", "en", "sur", "dans", "sous", "entre", "chez"}
_ASIDE_MARKS = {"–", "—", ","}


def _subject_phrase_then_verb(tokens: list) -> bool:
    """`_subject_then_verb` for a long subject, which the small model often parses as a noun joined to the clause
    before: « [et] la distribution des âges calendaires qui en résulte n'est pas … ». A determiner, its noun phrase
    with its « de » complements, at most one relative clause (to its verb) or aside, then the verb."""
    if len(tokens) < 3 or tokens[0].pos_ != "DET":
        return False
    k = 1
    while k < min(len(tokens), 10) and (tokens[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM")
                                        or tokens[k].text.lower() in _NOUN_PHRASE_LINKS):
        k += 1
    if k == 1 or tokens[k - 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False
    if k < len(tokens) and tokens[k].text in _ASIDE_MARKS:  # « la thermodynamique – qui ne porte … – ne sait »
        close = next((j for j in range(k + 1, min(len(tokens), k + 14)) if tokens[j].text == tokens[k].text), None)
        if close is None:
            return False
        k = close + 1
    elif k < len(tokens) and tokens[k].text.lower() in _RELATIVE_WORDS:
        verb = next((j for j in range(k + 1, min(len(tokens), k + 6)) if _conjugated(tokens[j])), None)
        if verb is None or any(t.is_punct for t in tokens[k:verb]):
            return False
        k = verb + 1
    k = _past_clitics(tokens, k)
    return k < len(tokens) and _conjugated(tokens[k], auxiliary=True)


def _is_clause(tokens: list) -> bool:
    words = [t for t in tokens if not t.is_punct]
    return len(words) >= MIN_WORDS and any(_verb_like(t) for t in words)


def _long_enough(tokens: list) -> bool:
    return len([t for t in tokens if not t.is_punct]) >= MIN_WORDS


def _conjugated(token, *, auxiliary: bool = False) -> bool:
    """A verb in a finite form; with `auxiliary`, any auxiliary and any word in a finite form (the parser leaves
    some auxiliaries without a form, and tags some verbs as other words)."""
    if auxiliary:
        return token.pos_ == "AUX" or "Fin" in token.morph.get("VerbForm")
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def _verb_like(token) -> bool:
    """A verb, even when the small model tagged it as a noun: conjugated, or heading a subject."""
    return (token.pos_ in ("VERB", "AUX") or "Fin" in token.morph.get("VerbForm")
            or any(child.dep_.startswith("nsubj") for child in token.children) or _conjugated_only(token))


def _split_english(tokens: list) -> list[tuple[str, list]]:
    """English has no parser here: split at ";" and at ", and / but / so / because / which" when both
    sides keep at least 4 words."""
    connectors = entries("en", "connectors.txt")
    groups: list[tuple[str, list]] = []
    linker, cursor = "", 0
    for k, token in enumerate(tokens):
        if k <= cursor:
            continue
        lower = token.text.lower()
        if token.text == ";":
            cut, start, new_linker = k, k + 1, ""
        elif lower in connectors and tokens[k - 1].text == ",":
            cut, start = k - 1, k + 1
            new_linker = "" if connectors[lower][0] == "-" else connectors[lower][0]
        else:
            continue
        left, right = tokens[cursor:cut], tokens[start:]
        if len([t for t in left if t.is_alpha]) >= 4 and len([t for t in right if t.is_alpha]) >= 3:
            groups.append((linker, left))
            linker, cursor = new_linker, start
    groups.append((linker, tokens[cursor:]))
    return groups


# --- building pieces -----------------------------------------------------------------------------------

def _np_segment(tokens: list, *, definite: bool = False) -> tuple:
    """A repeated noun phrase as ("np", first word, start, end): its first word may change ("un" → "ce"),
    the rest is a range of the original text, so that the rewrite's replacements apply to it too."""
    first = _noun_phrase_words(tokens[:2], definite=definite)[0]  # "L'" stays "L'": no space follows an elision
    if len(tokens) == 1:
        return ("np", first, tokens[0].idx + len(tokens[0].text), tokens[0].idx + len(tokens[0].text))
    return ("np", first + tokens[0].whitespace_, tokens[1].idx, tokens[-1].idx + len(tokens[-1].text))


def _noun_phrase(tokens: list, *, definite: bool = False) -> str:
    words = _noun_phrase_words(tokens, definite=definite)
    return "".join(word + (token.whitespace_ if n < len(tokens) - 1 else "")
                   for n, (token, word) in enumerate(zip(tokens, words, strict=True)))


def _noun_phrase_words(tokens: list, *, definite: bool = False) -> list[str]:
    """The words of a repeated noun phrase, its determiner made indefinite or demonstrative as asked."""
    words = [t.text for t in tokens]
    first = words[0].lower()
    if definite and first in ("le", "la", "les", "l'", "l’"):
        first = {"le": "un", "la": "une", "les": "des"}.get(first, "un")
        if first == "un" and "Fem" in tokens[1].morph.get("Gender") if len(tokens) > 1 else False:
            first = "une"
        words[0] = first
    if first in _DEMONSTRATIVE:
        replacement = _DEMONSTRATIVE[first]
        if replacement == "ce" and len(words) > 1 and _VOWEL.match(words[1]):
            replacement = "cet"
        words[0] = replacement
    return words


def piece_of(linker: str, tokens: list) -> Piece:
    piece = Piece()
    if linker:
        piece.segments.append(("lit", linker if linker.endswith(("'", "’")) else linker + " "))  # « C'est l'ancien »
    _add_tokens(piece, tokens)
    piece.tokens = tokens
    return piece


def _add_tokens(piece: Piece, tokens: list) -> None:
    """Add runs of consecutive tokens as ranges of the original text (keeping its spacing)."""
    run: list = []
    for token in tokens:
        if run and token.i != run[-1].i + 1:
            _flush(piece, run)
            run = []
        run.append(token)
    _flush(piece, run)


def _flush(piece: Piece, run: list) -> None:
    if run:
        if piece.segments and piece.segments[-1][0] == "src" and run[0].text not in ".,;:!?)":
            piece.segments.append(("lit", " "))
        piece.segments.append(("src", run[0].idx, run[-1].idx + len(run[-1].text)))
