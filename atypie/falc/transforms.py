"""Word-level replacements over the original text, chosen by the profile: idioms by their plain
meaning (in the idiom's tense), Latin and foreign words, formal connectors, hard words (`plain_words.py`),
abbreviations, dates, Roman numerals, symbols, capitals, and the number presentation a profile asks for.

Each replacement keeps its position in the original text, so that sentence splitting (which works
on positions) and replacements combine, and the diff can say what changed.
"""
from __future__ import annotations

import re
from functools import cache

from ..adapters import grammalecte
from ..language.data import entries, find_entries
from ..language.links import link_spans
from ..language.nlp import pipeline
from ..profiles.model import Profile
from . import inflect, plain_words
from .conjugate import conjugate, forms_of, verb_form
from .elision import between, elide_before, starts_with_vowel, unelided
from .idioms_en import english_idiom
from .numbers_style import number_notes
from .replacement import Replacement
from .rules.all_caps import _RUN as CAPITALS
from .rules.foreign_words import find_foreign
from .rules.idiom import GENDER_MARKER, find_idioms, meaning_without_marker
from .rules.numeric_date import written_date
from .rules.special_characters import _PATTERN as SYMBOLS
from .rules.special_characters import _SYMBOLS as SYMBOL_WORDS

_REFLEXIVE = {(1, False): "me", (2, False): "te", (3, False): "se", (1, True): "nous", (2, True): "vous",
              (3, True): "se"}
_VOWEL = re.compile(r"^[aeiouyéèêàâîôûh]", re.IGNORECASE)


def plan(analysis, profile: Profile) -> tuple[list[Replacement], set[str]]:
    """The replacements for this text and profile, without overlaps, and the numbers they add."""
    level = profile.text.level
    candidates: list[Replacement] = []
    if profile.text.literal_language or level == "falc":
        candidates += _idioms(analysis)
    if level != "standard":
        candidates += _dates(analysis) + _romans(analysis) + _foreign(analysis) + _phrases(analysis)
        candidates += [Replacement(start, end, text, "substitution") for start, end, text in plain_words.find(analysis)]
        candidates += _abbreviations(analysis) + _symbols(analysis) + _capitals(analysis)
    added: set[str] = set()
    if profile.text.numbers != "unchanged":
        notes, added = number_notes(analysis, profile.text.numbers)
        candidates += notes
    links = link_spans(analysis.text)  # kept exactly as written
    candidates = [c for c in candidates if not any(c.start < end and c.end > start for start, end in links)]
    chosen: list[Replacement] = []
    for candidate in candidates:  # earlier kinds win over later ones
        if all(candidate.end <= c.start or candidate.start >= c.end or
               (candidate.start == candidate.end and not c.start < candidate.start < c.end) for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda r: (r.start, r.end)), added


def apply(text: str, start: int, end: int, replacements: list[Replacement]) -> str:
    """The original text between `start` and `end` with the replacements that fall inside it."""
    out, cursor = [], start
    for r in replacements:
        if r.start < start or r.end > end or r.start < cursor:
            continue
        out.append(text[cursor:r.start])
        out.append(_match_case(text[r.start:r.end], r.text) if r.end > r.start else r.text)
        cursor = r.end
    out.append(text[cursor:end])
    return "".join(out)


def _match_case(original: str, new: str) -> str:
    if original[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


# --- idioms ----------------------------------------------------------------------------------------

def _idioms(analysis) -> list[Replacement]:
    found = []
    for match in find_idioms(analysis):
        if analysis.lang == "en":
            start, end, text = english_idiom(match)
            found.append(Replacement(start, end, text, "idiom"))
            continue
        start, end = match.start, match.end
        first = match.first
        before = analysis.doc[first.i - 1] if first.i > 0 else None
        text = None
        tails = _tails(match, analysis) if analysis.lang == "fr" else [(m, "", end) for m in match.meanings]
        bodies = [body for body, _suffix, _end in tails]
        chosen = 0
        if _holds_a_pronoun(match, analysis.doc):
            pass  # « ne prenez pas cela à la légère »: the meaning would drop « cela »; explained instead
        elif before is not None and before.pos_ == "DET" and first.pos_ in ("ADP", "ADV"):
            pass  # « la relecture ou le par cœur »: a phrase used as a noun; explained, not replaced
        elif _is_verbal(match):
            text, start, chosen = _verbal_meaning(match, before, start, analysis.lang, bodies)
            if text is not None and match.object_span is not None:  # « met les causes en évidence » → « montre
                # clairement les causes »: the object follows the meaning, unless the meaning ends on a preposition
                object_start, object_end = match.object_span
                ends_open = text.split()[-1] in ("à", "de", "d'", "au", "aux", "du", "des") or tails[chosen][1]
                text = None if ends_open else f"{text} {analysis.text[object_start:object_end]}"
        elif analysis.lang == "fr" and (match.article_dropped or first.pos_ in ("NOUN", "PROPN")):
            start, text = _noun_meaning(match, bodies[0])
        elif match.article_dropped and _determiner_before(first) is not None:
            start, text = _determiner_before(first).idx, match.meanings[0]
        else:
            text = meaning_without_marker(bodies[0])
        if text is not None and analysis.lang == "fr":
            _body, suffix, end = tails[chosen]
            text = _join(text, suffix) if suffix else text
            start, text = elide_before(analysis.doc, start, text)
        if text is None:
            original = analysis.text[match.start:match.end]
            meaning = meaning_without_marker(match.meanings[0])
            found.append(Replacement(match.start, match.end, f"{original} (c'est-à-dire : {meaning})"
                                     if analysis.lang == "fr" else f"{original} (that is: {meaning})",
                                     "idiom", review=True))
        else:
            found.append(Replacement(start, end, text, "idiom"))
    return found


_CLITICS = {"se", "s'", "me", "m'", "te", "t'", "nous", "vous", "en", "y"}


def _holds_a_pronoun(match, doc) -> bool:
    """Whether a pronoun that is not a clitic of the verb stands between the idiom's words (its meaning, written
    in place of the whole span, would lose it)."""
    inside = doc.char_span(match.start, match.end, alignment_mode="expand")
    return inside is not None and any(t.pos_ == "PRON" and t.text.lower() not in _CLITICS and t.i > match.first.i
                                      for t in inside)


def _is_verbal(match) -> bool:
    word = match.idiom.split()[0]
    if match.article_dropped or not word.endswith(("er", "ir", "re", "oir")):
        return match.first.pos_ in ("VERB", "AUX") and not match.article_dropped and " " not in word \
            and word not in _NOT_VERBS and not word.startswith(("l'", "d'"))
    return match.first.pos_ in ("VERB", "AUX") or bool(forms_of(word, match.first.text))


_NOT_VERBS = {"le", "la", "les", "un", "une", "des", "du", "de", "d'", "à", "au", "aux", "en", "sur", "sous", "dans",
              "par", "pour", "avec", "sans", "haut", "main", "coup"}


# --- the idiom's last preposition: "ouvre la voie aux réformes" → "rend possibles les réformes" -----------

_TAIL_ARTICLE = {"au": "le", "du": "le", "aux": "les", "des": "les"}


def _tails(match, analysis) -> list[tuple[str, str, int]]:
    """For each meaning: (meaning without its last preposition, what replaces the idiom's last preposition,
    end of the replaced text). When both end with the same preposition, the sentence keeps its own word
    ("au cœur du projet" → "au centre du projet")."""
    doc = analysis.doc
    span = doc.char_span(match.start, match.end, alignment_mode="contract")  # not a scan of the whole text per match
    last = span[-1] if span is not None and len(span) and span[-1].idx + len(span[-1].text) == match.end else None
    tail = last.text.lower().replace("’", "'") if last is not None else ""
    prep = {"à": "à", "au": "à", "aux": "à", "de": "de", "d'": "de", "du": "de", "des": "de"}.get(tail)
    idiom_words = match.idiom.split()
    while len(idiom_words) > 1 and idiom_words[-1] in ("quelqu'un", "qqn", "chose", "quelque"):
        idiom_words.pop()
    idiom_last = idiom_words[-1]
    if prep is None or idiom_last not in ("à", "de", "d'") or last.i == 0:
        return [(m, "", match.end) for m in match.meanings]
    previous = doc[last.i - 1]
    next_vowel = starts_with_vowel(analysis.text[match.end:])
    out = []
    for meaning in match.meanings:
        words = meaning_without_marker(meaning).split()
        own = words[-1] if len(words) > 1 and words[-1] in ("à", "de", "d'") else ""
        body = " ".join(words[:-1]) if own else " ".join(words)
        article = _TAIL_ARTICLE.get(tail, "")
        if own == "à":
            word = {"le": "au", "les": "aux"}.get(article, "à")
        elif own:
            word = {"le": "du", "les": "des"}.get(article, "de")
            word = "d'" if word == "de" and (tail.endswith("'") or next_vowel) else word
        else:
            word = article
        if word == tail:
            out.append((body, "", previous.idx + len(previous.text)))  # the sentence keeps its own word
        else:
            out.append((body, word + " " if tail.endswith("'") and not word.endswith("'") else word, match.end))
    return out


def _join(text: str, suffix: str) -> str:
    if not suffix.strip():
        return text + suffix
    return text + ("" if text.endswith("'") else " ") + suffix


# --- noun-phrase idioms: the sentence's determiner agrees with the meaning -------------------------------

# masculine, feminine, masculine before a vowel, feminine before a vowel, plural
_DET_ROWS = (("le", "la", "l'", "l'", "les"), ("un", "une", "un", "une", "des"), ("ce", "cette", "cet", "cette", "ces"),
             ("mon", "ma", "mon", "mon", "mes"), ("ton", "ta", "ton", "ton", "tes"), ("son", "sa", "son", "son", "ses"),
             ("notre", "notre", "notre", "notre", "nos"), ("votre", "votre", "votre", "votre", "vos"),
             ("leur", "leur", "leur", "leur", "leurs"), ("du", "de la", "de l'", "de l'", "des"),
             ("au", "à la", "à l'", "à l'", "aux"), ("quel", "quelle", "quel", "quelle", "quels"),
             ("aucun", "aucune", "aucun", "aucune", "aucuns"), ("chaque", "chaque", "chaque", "chaque", "chaque"),
             ("de", "de", "d'", "d'", "de"), ("plusieurs",) * 5, ("quelques",) * 5)  # « de nombreuses idées reçues »
_DET_ROW = {}
for _row in _DET_ROWS:
    for _form in _row:
        _DET_ROW.setdefault(_form, _row)
_DET_ROW.update({"des": _DET_ROWS[1], "la": _DET_ROWS[0], "l'": _DET_ROWS[0], "les": _DET_ROWS[0]})
_ARTICLES = {"le": ("m", False), "la": ("f", False), "un": ("m", False), "une": ("f", False), "les": (None, True),
             "des": (None, True)}
_INVARIABLE = {"plus", "moins", "très", "bien", "mal", "peu", "trop", "assez", "si", "aussi", "fort", "tout", "toute",
               "qui", "que", "ne", "pas"}
_BOUNDARY = {"de", "d'", "du", "des", "à", "au", "aux", "qui", "que", "pour", "en", "sur", "dans", "avec", "entre",
             "par", "contre", "sans", "où", "et", "ou"}


def _noun_parts(meaning: str) -> tuple[str, str | None, bool, str]:
    """(article, gender "m"/"f"/None, plural, body) of a noun-phrase meaning: "la base la plus importante",
    "l'idée principale [f]"."""
    marker = GENDER_MARKER.search(meaning)
    gender = marker.group(1)[0] if marker else None
    plural = bool(marker and marker.group(1).endswith("p"))
    words = meaning_without_marker(meaning).split()
    first = words[0].lower()
    if first in _ARTICLES:
        article_gender, article_plural = _ARTICLES[first]
        return first, gender or article_gender, plural or article_plural, " ".join(words[1:])
    if first.startswith(("l'", "l’")) and len(first) > 2:
        return "l'", gender, plural, " ".join([words[0][2:], *words[1:]])
    return "", gender, plural, " ".join(words)


def _noun_meaning(match, meaning: str) -> tuple[int, str | None]:
    """The meaning after the sentence's own determiner, made to agree: "son talon d'Achille" → "son point
    faible", "une pierre angulaire" → "une base", "les fers de lance" → "les éléments les plus actifs"."""
    first = match.first
    doc = first.doc
    article, gender, plural_meaning, body = _noun_parts(meaning)
    if not body:
        return match.start, None
    plural = "Plur" in first.morph.get("Number") and not plural_meaning
    det = _determiner_before(first)
    if det is None:
        contracted = doc[first.i - 1] if first.i > 0 and doc[first.i - 1].text.lower() in ("au", "aux", "du",
                                                                                                 "des") else None
        det = contracted
    if det is None:  # "comme « poumon vert »", "second berceau de": no determiner to agree
        return match.start, _pluralize(body) if plural else body
    gap = between(doc, det, first)
    if gap.strip() and not gap.strip().isalpha() and "-" not in gap:
        return match.start, _pluralize(body) if plural else body  # quotes or punctuation in between
    if gender is None:
        gender = _guess_gender(body)
    row = _DET_ROW.get(det.text.lower().replace("’", "'"))
    if gender is None or row is None:
        return match.start, None
    idiom_gender = "f" if "Fem" in first.morph.get("Gender") else "m"
    if gap.strip() and gender != idiom_gender:
        return match.start, None  # "un véritable coup de frein": the adjective would have to agree too
    plural = plural or det.text.lower() in ("les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs", "aux")
    follower = gap.strip() or body
    if plural:
        new = row[4]
        body = _pluralize(body)
    else:
        new = row[(0 if gender == "m" else 1) + (2 if starts_with_vowel(follower) else 0)]
    if det.text[:1].isupper():
        new = new[:1].upper() + new[1:]
    text = new
    for part in (gap.strip(), body):
        if part:
            text = text + part if text.endswith("'") else f"{text} {part}"
    return det.idx, text


def _pluralize(body: str) -> str:
    """"élément le plus actif" → "éléments les plus actifs": the words before the first preposition."""
    words = body.split()
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in _BOUNDARY or "'" in low:
            out.extend(words[i:])
            break
        if low in ("le", "la"):
            out.append("les")
        elif low in _INVARIABLE or low[-1:] in "sxz":
            out.append(word)
        elif low.endswith(("eau", "eu")):
            out.append(word + "x")
        elif low.endswith("al") and low not in ("bal", "festival", "carnaval", "récital", "final"):
            out.append(word[:-2] + "aux")
        else:
            out.append(word + "s")
    return " ".join(out)


@cache
def _guess_gender(body: str) -> str | None:
    for token in pipeline("fr", full=False)(body):
        if token.pos_ == "NOUN":
            gender = token.morph.get("Gender")
            return ("f" if "Fem" in gender else "m") if gender else None
    return None


def _determiner_before(token):
    """The determiner of a noun, over adjectives in between ("un véritable cercle vicieux")."""
    doc = token.doc
    for i in range(token.i - 1, max(token.i - 4, -1), -1):
        if doc[i].pos_ == "DET":
            return doc[i]
        if doc[i].pos_ != "ADJ":
            return None
    return None


def _verbal_meaning(match, before, start: int, lang: str,
                    meanings: list[str] | None = None) -> tuple[str | None, int, int]:
    """The first meaning that can take the idiom verb's form, with the right auxiliary and pronoun, and
    its index."""
    meanings = list(meanings or match.meanings)
    if lang == "en":
        return match.meanings[0], start, 0
    form = _idiom_verb_form(match)
    if form is None:
        return None, start, 0
    has_reflexive = _reflexive_before(before, match.first, form)
    aux = _auxiliary(match.first) if form[0] == "part" else None
    if before is not None and before.text.lower() in ("lui", "leur") and before.pos_ == "PRON":
        return None, start, 0  # "leur emboîter le pas": the meaning may need another pronoun ("les imiter")
    adverbs = _adverbs_after(match)
    for index, meaning in enumerate(meanings):
        meaning = meaning_without_marker(meaning)
        negation = None
        words = meaning.split()
        if len(words) > 2 and words[0] == "ne" and words[1] in _NEGATIONS and form[0] != "inf":
            negation, meaning = words[1], " ".join(words[2:])  # "ne plus être utilisé" → "n'est plus utilisé"
        reflexive, verb, rest = _parse_meaning(meaning)
        if negation and reflexive:
            continue
        if reflexive and not verb[:1].isalpha():
            continue
        conjugated = conjugate(verb, form=form[0], person=form[1], plural=form[2])
        if conjugated is None:
            continue
        pronoun = _REFLEXIVE[(form[1], form[2])]
        if form[0] == "part" and aux is None:  # a participle used as an adjective: "mis dans l'impasse"
            if reflexive:
                continue
            return " ".join([conjugated + _participle_ending(match.first), *rest]), start, index
        if negation:
            if aux is not None or form[0] in ("part", "ppr"):
                continue
            return f"{_with_pronoun('ne', conjugated)} {negation} {' '.join(rest)}".strip(), start, index
        if aux is not None:  # compound tense: "est tombé" → "a perdu", "s'est évanoui"
            wanted = "être" if reflexive or verb in _ETRE_VERBS else "avoir"
            aux_text = _AUX_SWAP[wanted].get(aux.text.lower(), aux.text) if aux.lemma_ != wanted else aux.text
            if aux.text[:1].isupper():
                aux_text = aux_text[:1].upper() + aux_text[1:]
            if reflexive and not has_reflexive:
                aux_text = _with_pronoun(pronoun, aux_text)
            gap = between(match.first.doc, aux, match.first)
            if wanted == "être" and not conjugated.endswith(("e", "s")):
                conjugated += _agreement(match.first)
            return aux_text + gap + " ".join([conjugated, *rest]), aux.idx, index
        if reflexive:
            text = _with_pronoun(pronoun, conjugated)
            return " ".join([text, *rest]), before.idx if has_reflexive else start, index
        return " ".join([conjugated, *adverbs, *rest]), before.idx if has_reflexive else start, index
    return None, start, 0


def _reflexive_before(before, verb, form: tuple[str, int, bool]) -> bool:
    """Whether the clitic before the idiom's verb is its reflexive pronoun (« je me serre la ceinture »), which a
    meaning without one replaces too; an object pronoun of another person (« cette découverte nous prend de court »)
    is not, and stays: « nous surprend ». The person is the subject pronoun's when there is one (the governing verb's
    for an infinitive), else the verb's."""
    if before is None or before.dep_.startswith("nsubj"):
        return False
    clitic = before.text.lower().rstrip("'’")
    if clitic not in _REFLEXIVE_WORDS:
        return False
    holder = verb.head if form[0] == "inf" and verb.dep_ == "xcomp" else verb  # « nous allons nous pencher »
    subject = _subject_of(holder)
    person = None
    if subject is not None and holder.lemma_ != "falloir":  # « il faut nous pencher »: nobody in particular
        person = _SUBJECT_PERSON.get(subject.text.lower().rstrip("'’"), (3, "Plur" in subject.morph.get("Number")))
    if person is None and form[0] == "inf":
        return True  # an infinitive's person is not its own: the clitic is taken as its reflexive, as before
    expected = _REFLEXIVE.get(person or (form[1], form[2]))
    return expected is None or clitic in (expected, expected[0])


def _subject_of(verb):
    return next((t for t in verb.children if t.dep_.startswith("nsubj")), None)


_SUBJECT_PERSON = {"je": (1, False), "j": (1, False), "tu": (2, False), "nous": (1, True), "vous": (2, True),
                   "il": (3, False), "elle": (3, False), "on": (3, False), "ils": (3, True), "elles": (3, True)}


def _adverbs_after(match) -> list[str]:
    """Adverbs between the idiom's verb and its next word, kept after the new verb: "viennent très
    rapidement à bout de" → "vainquent très rapidement"."""
    idiom_words = set(match.idiom.lower().split())
    words = []
    for token in match.first.doc[match.first.i + 1:]:
        if token.idx >= match.end or token.pos_ != "ADV" or token.text.lower() in idiom_words:
            break
        words.append(token.text)
    return words


def _idiom_verb_form(match) -> tuple[str, int, bool] | None:
    """The form of the idiom's verb in the sentence, told by its spelling when the tagger is unsure: the idiom
    gives the infinitive, so "fit" is a passé simple of "faire" and "jouant" a present participle."""
    tagged = verb_form(match.first)
    infinitive = match.idiom.split()[0]
    candidates = forms_of(infinitive, match.first.text) if infinitive.endswith(("er", "ir", "re", "oir")) else []
    if not candidates:
        return tagged
    if tagged in candidates:
        return tagged
    participle = next((c for c in candidates if c[0] == "part"), None)
    if participle is not None and inflect.auxiliary_before(match.first):
        return participle  # « a mis fin à », « ont pris la parole »: « mis », « pris » are not passés simples here
    morph = match.first.morph
    person = int((morph.get("Person") or ["0"])[0])
    plural = "Plur" in morph.get("Number") if morph.get("Number") else None
    if not person:  # « je mis », « tu pris » need their pronoun: a third person is far likelier
        candidates = sorted(candidates, key=lambda c: c[1] != 3)
    for candidate in candidates:
        if (not person or candidate[1] == person) and (plural is None or candidate[2] == plural):
            return candidate
    return candidates[0]


def _participle_ending(verb) -> str:
    text = verb.text.lower()
    return "es" if text.endswith("es") else "s" if text.endswith("s") else "e" if text.endswith("ée") else ""


_NEGATIONS = ("pas", "plus", "jamais", "rien", "guère")
_REFLEXIVE_WORDS = ("se", "s", "me", "m", "te", "t", "nous", "vous")
_ETRE_VERBS = {"aller", "venir", "devenir", "partir", "sortir", "tomber", "mourir", "naître", "rester", "arriver",
               "entrer", "monter", "descendre", "retourner", "rentrer", "revenir", "parvenir", "intervenir"}
_AUX_SWAP = {
    "avoir": {"suis": "ai", "es": "as", "est": "a", "sommes": "avons", "êtes": "avez", "sont": "ont",
              "étais": "avais", "était": "avait", "étions": "avions", "étiez": "aviez", "étaient": "avaient",
              "serai": "aurai", "sera": "aura", "serons": "aurons", "serez": "aurez", "seront": "auront",
              "sois": "aie", "soit": "ait", "soyons": "ayons", "soyez": "ayez", "soient": "aient",
              "serais": "aurais", "serait": "aurait", "serions": "aurions", "seriez": "auriez",
              "seraient": "auraient", "fut": "eut", "furent": "eurent", "étant": "ayant", "être": "avoir"},
    "être": {"ai": "suis", "as": "es", "a": "est", "avons": "sommes", "avez": "êtes", "ont": "sont",
             "avais": "étais", "avait": "était", "avions": "étions", "aviez": "étiez", "avaient": "étaient",
             "aurai": "serai", "aura": "sera", "aurons": "serons", "aurez": "serez", "auront": "seront",
             "aie": "sois", "aies": "sois", "ait": "soit", "ayons": "soyons", "ayez": "soyez", "aient": "soient",
             "aurais": "serais", "aurait": "serait", "aurions": "serions", "auriez": "seriez",
             "auraient": "seraient", "eut": "fut", "eurent": "furent", "ayant": "étant", "avoir": "être"},
}


def _auxiliary(verb):
    """The tense auxiliary of a participle ("a" in "a porté", "est" in "est tombé"), or None."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.i - 4, -1), -1):
        token = doc[i]
        if token.lemma_ in ("avoir", "être") and token.pos_ in ("AUX", "VERB"):
            return token
        if token.pos_ not in ("ADV", "PRON", "PART") and token.text.lower() not in ("ne", "n'", "pas"):
            return None
    return None


def _agreement(verb) -> str:
    """The ending a participle takes after "être": from the subject's gender and number."""
    subjects = [t for t in verb.children if t.dep_.startswith("nsubj")]
    if not subjects:
        return ""
    subject = subjects[0]
    if subject.text.lower() == "qui":  # "l'idée qui est née": the noun before the relative pronoun
        subject = next((t for t in reversed(subject.doc[:subject.i]) if t.pos_ in ("NOUN", "PROPN", "PRON")),
                       subject)
    morph = subject.morph
    return ("e" if "Fem" in morph.get("Gender") else "") + ("s" if "Plur" in morph.get("Number") else "")


def _parse_meaning(meaning: str) -> tuple[bool, str, list[str]]:
    words = meaning.split()
    first = words[0].lower()
    if first.startswith(("s'", "s’")) and len(first) > 2:
        return True, words[0][2:], words[1:]
    if first == "se" and len(words) > 1:
        return True, words[1], words[2:]
    return False, words[0], words[1:]


def _with_pronoun(pronoun: str, word: str) -> str:
    if pronoun in ("me", "te", "se", "ne") and _VOWEL.match(word):
        return pronoun[0] + "'" + word
    return f"{pronoun} {word}"


# --- words and symbols -----------------------------------------------------------------------------

def _foreign(analysis) -> list[Replacement]:
    """Foreign words in their French words, except after a determiner: « l'open data public » cannot become
    « l'données libres public » (the article and the adjective would not agree; the glossary explains it); and
    except a word quoted as a word (« en anglais, « data » »)."""
    return [Replacement(start, end, plain[0], "foreign") for start, end, plain in find_foreign(analysis)
            if not _after_determiner(analysis, start) and not _quoted(analysis.text, start, end)]


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the words stand alone between quotation marks: « (en anglais, « data ») » names the word itself."""
    before, after = text[max(start - 2, 0):start].strip(), text[end:end + 2].strip()
    return before[-1:] in ("«", '"', "“") and after[:1] in ("»", '"', "”")


def _after_determiner(analysis, start: int) -> bool:
    pair = _word_and_before(analysis, start)
    return pair is not None and pair[1].pos_ == "DET"


def _word_and_before(analysis, start: int):
    """(the token at `start`, the token before it) in a tagged text; None at the text's start or untagged."""
    if not analysis.tagged:
        return None
    span = analysis.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    return span[0], analysis.doc[span.start - 1]


def _phrases(analysis) -> list[Replacement]:
    found = []
    for start, end, plain in find_entries(analysis.text, analysis.lang, "substitutions.txt", before=r"[\w'’-]",
                                          after=r"[\w-]"):
        if _may_replace(analysis, start, plain[0]):
            end, text = _contracted(analysis, end, plain[0])
            found.append(Replacement(start, end, text, "substitution"))
    for start, end, plain in _elided_entries(analysis):
        if _may_replace(analysis, start, plain):
            found.append(Replacement(start, end, plain, "substitution"))
    return found


def _may_replace(analysis, start: int, plain: str) -> bool:
    if plain.split()[0].lower() in _CLAUSE_STARTERS and not _at_clause_start(analysis.text, start):
        return False  # "n'a toutefois pas" must not become "n'a mais pas"
    if _after_auxiliary(analysis, start):
        return False  # "on a vu que" is the verb "voir", not the conjunction "vu que" (→ "comme")
    return not (plain.lower() in _UNGRADED and _after_degree(analysis.text, start))  # « plus particulièrement »
    # must not become « plus surtout »


_ELIDED = re.compile(r"(?<![\w'’-])(?:d|qu)['’](?=\w)", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"[\w'’-]+")


def _subjunctive_after(analysis, at: int) -> bool:
    """Whether a verb in the subjunctive comes within the five words after `at`: tagged so, or a form the lexicon
    knows only in the subjunctive (« fasse », « puisse »; the small model tags them as indicative)."""
    if not analysis.tagged:
        return False
    span = analysis.doc.char_span(at, min(len(analysis.text), at + 60), alignment_mode="expand")
    return span is not None and any("Sub" in t.morph.get("Mood") or _only_subjunctive(t.text.lower())
                                    for t in list(span)[:5])


def _only_subjunctive(word: str) -> bool:
    if not grammalecte.available():
        return False
    moods = {m for r in grammalecte.readings(word) if ":V" in r for m in re.findall(r":(Ip|Iq|Is|If|K|Sp|Sq)", r)}
    return bool(moods) and all(m.startswith("S") for m in moods)


def _elided_entries(analysis) -> list[tuple[int, int, str]]:
    """(start, end, plain text) of the phrases of substitutions.txt whose last word is elided in the text: « afin
    d'éviter » → « pour éviter », « en matière d'accès » → « pour les questions d'accès » (the plain phrase is elided
    in turn when it ends on « de » or « que »)."""
    table = entries(analysis.lang, "substitutions.txt")
    text, found = analysis.text, []
    for match in _ELIDED.finditer(text):
        window = max(0, match.start() - 60)
        words = list(_WORDS_BEFORE.finditer(text, window, match.start()))[1 if window else 0:]  # the first may
        # be cut by the window
        for n in range(min(4, len(words)), 0, -1):
            start = words[-n].start()
            key = unelided(" ".join(text[start:match.end()].lower().replace("’", "'").split()))
            before = text[window:start].split()[-1:]
            if before and f"{before[0].lower()} {key.split()[0]}" in table:
                break  # « dès lors d'autant plus »: « lors » belongs to « dès lors », not to « lors de »
            if key in table:
                plain = table[key][0]
                if key.endswith(" que") and not plain.endswith("que") and _subjunctive_after(analysis, match.end()):
                    break  # « si bien qu'on la fasse »: not the « si bien que » of a consequence (→ « donc »)
                last = plain.rsplit(" ", 1)[-1]
                elided = plain[:-len(last)] + last[:-1] + "'" if last in ("de", "que") else plain + " "
                found.append((start, match.end(), elided))
                break
    return found


_CONTRACTIONS = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}


def _contracted(analysis, end: int, plain: str) -> tuple[int, str]:
    """A new phrase that ends on « de » or « à » joined to the article after it, as French writes it:
    « contrairement à les autres » is never written, « au contraire des autres » is (« de les » → « des », « de
    d'autres » → « d'autres », « de » before a vowel → « d' »). Only before a determiner: « afin de les voir »
    keeps its pronoun."""
    words = plain.rsplit(" ", 1)
    if len(words) != 2 or words[1] not in ("de", "à") or not analysis.tagged:
        return end, plain
    span = analysis.doc.char_span(end, len(analysis.text), alignment_mode="expand")
    following = next((t for t in span if not t.is_space), None) if span is not None else None
    if following is None or following.idx - end > 1:
        return end, plain
    article = following.text.lower()
    if following.pos_ == "DET" and (words[1], article) in _CONTRACTIONS:
        return following.idx + len(following.text), f"{words[0]} {_CONTRACTIONS[words[1], article]}"
    if words[1] == "de" and article in ("d'", "d’", "des") and following.pos_ == "DET":
        return end, words[0]  # « au contraire de d'autres » → « au contraire d'autres »
    if words[1] == "de" and starts_with_vowel(following.text) and following.pos_ != "PUNCT":
        return following.idx, f"{words[0]} d'"  # « au contraire de autres » → « au contraire d'autres »
    return end, plain


def _after_auxiliary(analysis, start: int) -> bool:
    """Whether the word at `start` is a participle after an auxiliary: a verb, never an invariable word."""
    pair = _word_and_before(analysis, start)
    if pair is None:
        return False
    token, before = pair
    return token.pos_ in ("VERB", "AUX") and "Part" in token.morph.get("VerbForm") and before.pos_ == "AUX"


_CLAUSE_STARTERS = {"mais", "donc", "car", "et", "ou", "or", "puis", "but", "so", "and", "then"}
_DEGREE = re.compile(r"(?<![\w'’-])(?:plus|moins|très|trop|assez|aussi|si|tout|more|most|less|very|too)\s+$",
                     re.IGNORECASE)
_UNGRADED = {"surtout", "aussi", "ensuite", "enfin", "presque", "seulement", "sans doute", "jamais", "d'abord",
             "mainly", "also", "then", "almost", "only"}  # words no « plus » or « très » can modify


def _after_degree(text: str, start: int) -> bool:
    """Whether a degree word (« plus », « très »…) comes right before `start`."""
    return _DEGREE.search(text, max(0, start - 12), start) is not None


def _at_clause_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".;:,!?(\n"


def _abbreviations(analysis) -> list[Replacement]:
    return [Replacement(start, end, full[0], "abbreviation")
            for start, end, full in find_entries(analysis.text, analysis.lang, "abbreviations.txt")]


def _dates(analysis) -> list[Replacement]:
    return [Replacement(n.start, n.end, written_date(n.value, analysis.lang), "date")
            for n in analysis.numbers if n.kind == "date" and not any(ch.isalpha() for ch in n.text)]


def _romans(analysis) -> list[Replacement]:
    found = []
    for n in analysis.numbers:
        if n.kind == "roman":
            suffix = "er" if n.text.endswith("er") else ("e" if n.text[-1:].islower() else "")
            if analysis.lang == "en" and suffix:
                suffix = "th"
            found.append(Replacement(n.start, n.end, n.value + suffix, "roman"))
    return found


def _symbols(analysis) -> list[Replacement]:
    found = []
    for m in SYMBOLS.finditer(analysis.text):
        words = ("ou", "or") if m.group().lower() in ("et/ou", "and/or") else SYMBOL_WORDS.get(m.group())
        if words:
            word = words[1] if analysis.lang == "en" else words[0]
            found.append(Replacement(m.start(), m.end(), f" {word} " if m.group() == "/" else word, "symbol"))
    return found


def _capitals(analysis) -> list[Replacement]:
    acronyms = {a.text for a in analysis.acronyms}
    found = []
    for m in CAPITALS.finditer(analysis.text):
        words = re.findall(r"\w+|\W+", m.group())
        lowered = "".join(w if w in acronyms else w.lower() for w in words)
        found.append(Replacement(m.start(), m.end(), lowered, "capitals"))
    return found
