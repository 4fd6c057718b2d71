"""The terms of a tagged text and the named links between them, for a concept map a student would draw.

A term is a noun with what makes it a term of its own: the adjectives right after it (« politique monétaire »,
« ARN messager »), a « de » complement without a determiner (« traité de Rome », « blocs d'instructions ») and the
rest of a name (« Robert Schuman »). Mentions of one term are merged on their lemmas, and an acronym written in
brackets after a term (« programmation orientée objet (POO) ») joins it. Terms are ranked by how often the text
uses them, how specific their words are (wordfreq) and how many links they take part in.

A link is read on the dependency parse of one sentence: a verb's subject and its objects or complements
(« la fermentation transforme le sucre »), « X est un Y », each labelled with its verb in three words at most
(« transforme », « est un », « se compose de », « ne produit pas »). A sentence reaches back only through a
subject pronoun (« Elle … ») or a relative « qui » that the parse resolves; nothing else crosses sentences.
Labels are words of the text: never cut inside a phrase, never ending on a function word, never markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...adapters import grammalecte, lexicon
from ...language.definitions import find_definitions
from ...language.frequency import zipf
from ..labels import tidy
from ..model import MAX_LABEL_WORDS
from .common import ORDINAL, VAGUE, locution_spans

_NOMINAL = ("NOUN", "PROPN")
_ACRONYM_SKIPPED = {"de", "d'", "d’", "du", "des", "en", "et", "à", "au", "aux", "la", "le", "les", "l'", "l’", "pour",
                    "sur", "of", "the", "and", "for", "in", "on"}  # « pneumonie acquise en communauté » spells PAC
_OF = {"de", "d'", "d’"}
_OF_THE = {"du", "des"}
_NAMING_ADJECTIVES = {"premier", "dernier", "second", "nouveau", "ancien", "grand", "petit", "haut", "bas", "vieux",
                      "jeune", "faible", "fort", "long", "court", "gros"}  # before a noun, part of its name
_NAME_PARTICLES = {"van", "von", "da", "di", "del", "der", "den", "ten", "bin", "ibn", "al"}
_COMPLEMENT_DETERMINERS = {"la", "l'", "l’", "le", "les"}
_CLITICS = {"l'", "l’", "le", "la", "les"}  # before a verb, a pronoun the tagger read as a determiner (« l'appelle »)
_ARGUMENTS = {"obj", "obl", "obl:arg", "obl:mod", "obl:agent", "iobj"}
_NEGATION = {"ne", "n'", "n’", "pas", "plus", "jamais", "not", "never", "n't"}
_MARKUP = re.compile(r"[*_#`<>\[\]{}|\\/=@]|https?|www")
_SUBJECT_PRONOUNS = {"il": ("Masc", "Sing"), "elle": ("Fem", "Sing"), "ils": ("Masc", "Plur"),
                     "elles": ("Fem", "Plur")}
_STOP_NOUNS = {"fois", "façon", "manière", "chose", "choses", "cas", "part", "exemple", "sorte", "moment",
               "point", "fait", "lieu", "cours", "ensemble", "partie", "nombre", "type", "sens", "rapport",
               "effet", "terme", "temps", "suite", "rôle", "moyen", "raison", "mesure", "ordre", "côté",
               "résultat", "avantage", "origine", "même", "chapitre"}  # alone, they only point at what the text says


@dataclass
class Term:
    key: str
    label: str
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence index, start, end)
    heads: set[int] = field(default_factory=set)  # token indices of the mentions' nouns
    specificity: float = 0.0
    degree: int = 0
    quoted: bool = False  # the text puts it in quotation marks: a word it introduces (« saveur », « cités »)
    defined: bool = False  # the text defines it (« on l'appelle pneumonie d'aspiration »): a notion it teaches

    @property
    def score(self) -> float:
        return (len(self.mentions) + self.specificity + 0.75 * self.degree + (1.0 if self.quoted else 0.0)
                + (1.0 if self.defined else 0.0))


@dataclass(frozen=True)
class Link:
    source: str  # term keys
    target: str
    label: str
    sentence: int
    modifier: bool = False  # a term completing another (« aspiration provenant de voies respiratoires »)


def terms_and_links(analysis) -> tuple[dict[str, Term], list[Link]]:
    """Terms by key, and the links between them, in text order."""
    terms: dict[str, Term] = {}
    by_head: dict[int, str] = {}  # token index of a mention's noun → term key
    by_token: dict[int, int] = {}  # token index of any word of a mention → its noun's index
    aliases: dict[int, int] = {}
    for index, sentence in enumerate(analysis.sentences):
        for mention in _mentions(sentence, aliases):
            key = " ".join(_key_word(t) for t in mention if t.text.lower() not in _OF | _OF_THE and t.pos_ != "DET")
            key = _named_before(mention, key, terms)
            noun = next((t for t in mention if t.pos_ in _NOMINAL or _noun_read_as_adjective(t)),
                        mention[-1])  # « presser », in quotes
            term = terms.setdefault(key, Term(key, _label(mention)))
            term.quoted = term.quoted or _in_quotes(mention)
            term.mentions.append((index, mention[0].idx, mention[-1].idx + len(mention[-1].text)))
            term.heads.add(noun.i)
            by_head[noun.i] = key
            by_token.update((t.i, noun.i) for t in mention)
    for vague, noun in aliases.items():
        if noun in by_token and by_token[noun] in by_head:
            by_head[vague] = by_head[by_token[noun]]
            by_token[vague] = by_token[noun]
    _join_acronyms(analysis, terms, by_head)
    _mark_defined(analysis, terms, by_head, by_token)
    _merge_into_named(terms, by_head)
    links = _links(analysis, by_head, by_token, frozenset(aliases))
    for term in terms.values():
        words = [w for w in re.findall(r"[^\W\d_]+", term.key) if len(w) > 2]
        term.specificity = max((max(0.0, 6.0 - zipf(w, analysis.lang)) / 2 for w in words), default=0.0) \
            + TERMHOOD * min(2, len(words) - 1)  # « division du travail » is a term more surely than « division »
    for link in links:
        if link.modifier:
            continue  # a complement is part of its noun's phrase: it makes neither term more central
        terms[link.source].degree += 1
        terms[link.target].degree += 1
    return terms, links


_DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
TERMHOOD = 0.5  # rank added per content word past the first, for two at most


def _named_before(mention: list, key: str, terms: dict[str, Term]) -> str:
    """« Cette assemblée » after « l'Assemblée générale des Nations unies »: a demonstrative before one noun names
    again the last term that noun heads, so both are one term; so does the bare noun (« les plaques » after
    « plaques tectoniques ») when it heads only one term named before and was not named alone first. Else `key`
    itself."""
    if " " in key or key in terms:
        return key
    doc = mention[0].doc
    before = doc[mention[0].i - 1] if mention[0].i > 0 else None
    longer = [other for other in terms if other.split(" ")[0] == key]
    if before is not None and before.text.lower() in _DEMONSTRATIVES and longer:
        return longer[-1]
    return longer[0] if len(longer) == 1 and mention[0].pos_ == "NOUN" else key


def _mentions(sentence, aliases: dict[int, int]) -> list[list]:
    """The term mentions of a sentence, each a run of tokens; a noun inside another mention is not one. A vague
    noun before its complement (« hausse », « quantités ») is no term: `aliases` sends it to the complement."""
    found, taken = [], set()
    locutions = locution_spans(sentence)
    for quoted in _quoted_runs(sentence):
        found.append(quoted)
        taken.update(t.i for t in quoted)
    for token in sentence:
        if token.i not in taken and _predicate_adjective(token):
            found.append([token])  # « sont dits autotrophes », « tend à devenir organique »: a property it teaches
            taken.add(token.i)
            continue
        if token.i in taken or token.pos_ not in _NOMINAL and not _noun_read_as_adjective(token) \
                or len(token.text) < 2 or not token.is_alpha and \
                not re.fullmatch(r"[\w-]+", token.text) or _MARKUP.search(token.text):
            continue
        if token.pos_ == "NOUN" and token.text.lower() in VAGUE and (complement := _complement(
                token.doc, token.i + 1, sentence)) and complement[-1].pos_ in _NOMINAL + ("ADJ",):
            aliases[token.i] = next(t.i for t in complement if t.pos_ in _NOMINAL)  # « la hausse du CO2 »: CO2
            continue
        if any(start <= token.idx < end for start, end in locutions):
            continue  # « par conséquent », « en effet »: a linking phrase holds no notion
        if token.pos_ == "NOUN" and (not any(c.dep_ in ("det", "case", "nummod", "amod") for c in token.children)
                                     and token.dep_ not in ("nmod", "conj") and not token.text.isupper()):
            continue  # « Supposez », « recommande »: a verb the tagger read as a noun has nothing of a noun
        previous = token.doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.text.lower() in ("plus", "moins") and token.text.islower():
            continue  # « la plus dense »: the denser one, said of a noun named before, is no notion
        if (token.pos_ == "NOUN" or token.text.islower() or token.i == sentence.start) and not (
                previous is not None and previous.pos_ == "DET" and previous.text.lower() not in _CLITICS) \
                and verb_form(token.text):
            continue  # « Supposez », « on l'appelle »: a verb, whatever its tag
        doc = token.doc
        run = [token]
        before = doc[token.i - 1] if token.i - 1 >= sentence.start else None
        if before is not None and before.pos_ == "ADJ" and before.head.i == token.i and before.i not in taken and (
                before.lemma_.lower() in _NAMING_ADJECTIVES or before.text.lower().endswith("ième")):
            run.insert(0, doc[token.i - 1])  # « première version », « nouvel animal »
        before = doc[run[0].i - 1] if run[0].i - 1 >= sentence.start else None
        if before is not None and before.i not in taken and (
                before.pos_ == "NUM" and before.head.i == token.i
                or ORDINAL.fullmatch(before.text) and token.text.lower() in ("siècle", "siècles", "millénaire")):
            run.insert(0, before)  # « 54 articles », « deux plaques », « xie siècle »: part of what is said
        k = token.i + 1
        complemented = False
        while k < sentence.end:
            nxt = doc[k]
            if nxt.pos_ == "ADJ" and nxt.head.i in {t.i for t in run} and "Part" not in nxt.morph.get("VerbForm") \
                    and len(run) < 4 and not verb_form(nxt.text):  # « crise économique entraîne »: a verb
                run.append(nxt)  # « politique monétaire », « ARN messager »
            elif _bare_participle(nxt, run, sentence) or _untagged_adjective(nxt, run):
                run.append(nxt)  # « sociétés civilisées », « Nations unies », « infection bactérienne »
            elif nxt.pos_ == "CCONJ" and run[-1].pos_ == "ADJ" and k + 1 < sentence.end and len(run) < 3 and \
                    doc[k + 1].pos_ == "ADJ" and doc[k + 1].dep_ == "conj" and doc[k + 1].head.i == run[-1].i:
                run += [nxt, doc[k + 1]]  # « organisation sociale et économique »: both adjectives say which one
                k += 1
            elif nxt.pos_ == "PROPN" and run[-1].pos_ == "PROPN" or nxt.pos_ == "NUM" and nxt.head.i == token.i \
                    and run[-1].i == token.i:
                run.append(nxt)  # « Robert Schuman », « module 3 »
            elif nxt.pos_ == "PROPN" and run[-1].pos_ == "NOUN" and nxt.head.i in {t.i for t in run} \
                    and nxt.dep_ in ("appos", "flat", "flat:name", "nmod") and len(run) < MAX_LABEL_WORDS - 1:
                run.append(nxt)  # « le langage de programmation Python »: the name says which one
            elif run[-1].pos_ == "PROPN" and nxt.text.lower() in _NAME_PARTICLES and k + 1 < sentence.end \
                    and doc[k + 1].pos_ == "PROPN":
                run += [nxt, doc[k + 1]]  # « Guido van Rossum »
                k += 1
            elif nxt.text.lower() in _OF | _OF_THE and not complemented and (
                    complement := _complement(doc, k, sentence)):
                run += complement  # « traité de Rome », « division du travail », « valeur de l'or »: one level
                complemented = True
                k += len(complement) - 1
            elif nxt.text.lower() in _OF and complemented and k + 1 < sentence.end and doc[k + 1].pos_ == "NOUN" \
                    and doc[k + 1].head.i == run[-1].i and len(run) + 2 <= MAX_LABEL_WORDS:
                run += [nxt, doc[k + 1]]  # « production de dioxyde de carbone »: a bare noun completes the last
                k += 1
            else:
                break
            k += 1
        while run and run[-1].pos_ not in _NOMINAL + ("ADJ", "NUM") and "Part" not in run[-1].morph.get("VerbForm"):
            run.pop()
        if len(run) == 1 and token.text.lower() in _STOP_NOUNS:
            continue  # « fois », « cas » alone; « effet de serre » is a term
        if len(run) == 2 and token.lemma_.lower() in _POINTED_AT and run[1].lemma_.lower() in ("suivant", "précédent"):
            continue  # « Voyez l'exemple suivant », « la figure précédente »: the text pointing at itself
        if len(run) > MAX_LABEL_WORDS or any(_MARKUP.search(t.text) for t in run):
            run = [token]
        taken.update(t.i for t in run)
        found.append(run)
    return found


RARE_PROPERTY = 4.0  # Zipf frequency under which a predicate adjective is a notion (« autotrophe », « organique »)


def _noun_read_as_adjective(token) -> bool:
    """« Les végétaux chlorophylliens sont dits autotrophes »: a subject or object with its article that the tagger
    calls an adjective, and that the lexicon knows as a noun."""
    determiner = next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)
    return token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubj:pass", "obj") and determiner is not None \
        and determiner.text.lower() not in _DEMONSTRATIVES and token.lemma_.lower() not in _POINTING_ADJECTIVES \
        and any(r.kind == "N" for r in lexicon.readings(token.text.lower()))  # not « cette dernière », « l'autre »


_POINTING_ADJECTIVES = {"dernier", "premier", "second", "autre", "même", "suivant", "précédent", "seul"}
_POINTED_AT = {"exemple", "figure", "tableau", "schéma", "chapitre", "section", "partie", "paragraphe", "page",
               "extrait", "code", "programme", "exercice", "cas", "question"}  # what a text points at in itself


def _predicate_adjective(token) -> bool:
    """An adjective said of a subject (« sont dits autotrophes », « est organique ») that is rare enough to be
    something the text teaches; « est important » or « est différent » is not."""
    graded = token.i > 0 and token.doc[token.i - 1].text.lower() in ("plus", "moins")  # « le plus résistante »
    return token.pos_ == "ADJ" and token.is_alpha and not graded and (
        token.dep_ in ("xcomp", "obj") and token.head.pos_ in ("VERB", "AUX", "NOUN")  # « dits » read as a noun
        or token.dep_ == "amod" and token.head.pos_ in ("VERB", "AUX")  # « devenir organique » read as a modifier
        or any(c.dep_ == "cop" for c in token.children)) and zipf(token.text.lower(), token.doc.lang_) < RARE_PROPERTY


_OPENING_QUOTES, _CLOSING_QUOTES = ("«", "“", '"'), ("»", "”", '"')


def _quoted_runs(sentence) -> list[list]:
    """The words between quotation marks, when they are one to four words and not a clause (no word the lexicon
    knows as a conjugated verb: the tagger reads « citron » in quotes as one): a name the text introduces (« un
    objet « citron » », « les « bourgs » »)."""
    runs, opened = [], None
    for token in sentence:
        if token.text in _OPENING_QUOTES and opened is None:
            opened = []
        elif token.text in _CLOSING_QUOTES and opened is not None:
            if 1 <= len(opened) <= MAX_LABEL_WORDS - 2 and all(t.is_alpha or t.text in ("-", "'", "’") or
                                                                  t.like_num for t in opened) \
                    and not any(conjugated(t.text) for t in opened if t.is_alpha) \
                    and not any(_MARKUP.search(t.text) for t in opened):
                runs.append(opened)
            opened = None
        elif opened is not None:
            opened.append(token)
            if len(opened) > MAX_LABEL_WORDS:
                opened = None
    return runs


def _in_quotes(mention: list) -> bool:
    doc = mention[0].doc
    return mention[0].i > 0 and doc[mention[0].i - 1].text in _OPENING_QUOTES and mention[-1].i + 1 < len(doc) \
        and doc[mention[-1].i + 1].text in _CLOSING_QUOTES


def _bare_participle(token, run: list, sentence) -> bool:
    """A past participle right after a noun, attached to it and with no complement of its own, that names a kind
    of it (« sociétés civilisées »); not one that starts a clause (« la convention signée par … »)."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < sentence.end else None
    return (token.pos_ in ("ADJ", "VERB") and "Part" in token.morph.get("VerbForm")
            and "Past" in token.morph.get("Tense") and token.head.i == run[-1].i and run[-1].pos_ in _NOMINAL
            and len(run) < 3 and token.dep_ in ("amod", "acl") and not any(c.dep_ != "punct" for c in token.children)
            and (after is None or after.pos_ not in ("ADP", "ADV", "NOUN", "PROPN")) and not _naming(token)
            and not conjugated(token.text))


_NAMING_VERBS = {"appeler", "nommer", "dénommer", "surnommer", "désigner", "dire", "qualifier"}


def _naming(token) -> bool:
    """« parties appelées « plaques » »: a participle that introduces a name belongs to no term."""
    doc = token.doc
    return token.lemma_.lower() in _NAMING_VERBS or (
        token.i + 1 < len(doc) and doc[token.i + 1].text in _OPENING_QUOTES)


_GENDER = {"Masc": "m", "Fem": "f"}
_NUMBER = {"Sing": "s", "Plur": "p"}


def _untagged_adjective(token, run: list) -> bool:
    """A word right after a noun that the tagger read as a noun or a verb but that the lexicon knows as an
    adjective of the noun's gender and number (« infection bactérienne », « solidarité mécanique »)."""
    noun = run[-1]
    if token.pos_ not in ("NOUN", "VERB") or not token.text.isalpha() or not token.text.islower() \
            or noun.pos_ != "NOUN" or len(run) >= 3 or _naming(token):
        return False
    try:
        found = grammalecte.readings(token.text)  # raw: a participle tagged « Q:A » counts as an adjective here,
    except ImportError:  # where the typed readings of `adapters.lexicon` read it as a verb form
        return False
    gender = _GENDER.get(next(iter(noun.morph.get("Gender")), ""), "")
    number = _NUMBER.get(next(iter(noun.morph.get("Number")), ""), "")
    for reading in found:
        tags = reading.split("/")[1].split(":") if "/" in reading else []
        if "A" in tags and (not gender or gender in tags or "e" in tags) and (not number or number in tags or
                                                                              "i" in tags):
            return not any(":V" in r and re.search(r":(?:Ip|Iq|Is|If|K)", r) for r in found)  # not « forment »
    return False


def _complement(doc, k: int, sentence) -> list:
    """« de Rome », « du travail », « de l'or », « des plaques tectoniques », « de deux plaques » at k: the
    preposition, a determiner or a number, the noun and its adjectives; [] if that is not what follows."""
    if k >= sentence.end or doc[k].text.lower() not in _OF | _OF_THE:
        return []
    run = [doc[k]]
    j = k + 1
    if j < sentence.end and doc[k].text.lower() in _OF and doc[j].pos_ in ("DET", "NUM") and \
            doc[j].text.lower() in _COMPLEMENT_DETERMINERS | {"deux", "trois", "quatre"}:
        run.append(doc[j])
        j += 1
    if j >= sentence.end or doc[j].pos_ not in _NOMINAL or not doc[j].is_alpha or _MARKUP.search(doc[j].text):
        return []
    run.append(doc[j])
    j += 1
    while j < sentence.end and (doc[j].pos_ == "ADJ" and doc[j].head.i == run[-1].i or doc[j].pos_ in _NOMINAL
                                and run[-1].text[:1].isupper() and doc[j].text[:1].isupper()
                                or _bare_participle(doc[j], run, sentence)) and len(run) < 4:
        run.append(doc[j])  # « des plaques tectoniques », « du Moyen Âge », « des Nations unies »
        j += 1
    return run


def verb_form(word: str) -> bool:
    """Whether Grammalecte's lexicon knows the word only as a verb form (« supposez », « consolidés »), never as
    a noun; False for an unknown word, or without Grammalecte."""
    try:
        found = lexicon.readings(word.lower())
    except ImportError:
        return False
    return any(r.kind == "V" for r in found) and not any(r.kind == "N" for r in found)


def _key_word(token) -> str:
    if token.pos_ == "PROPN" or token.text.isupper():
        return token.text.lower()
    return (token.lemma_ or token.text).lower()


def _label(mention: list) -> str:
    return tidy("".join(t.text + t.whitespace_ for t in mention))


def _join_acronyms(analysis, terms: dict[str, Term], by_head: dict[int, str]) -> None:
    """« programmation orientée objet (POO) »: the words before the bracket whose initials spell the acronym
    make one term, labelled with it, and the acronym's own mentions join that term."""
    doc = analysis.doc
    for token in doc:
        if not (token.text.isupper() and 2 <= len(token.text) <= 8 and token.i >= 2 and doc[token.i - 1].text == "("
                and token.i + 1 < len(doc) and doc[token.i + 1].text == ")"):
            continue
        words = _spelled_by(doc, token.i - 2, token.text)
        if not words:
            continue
        key = " ".join(_key_word(t) for t in words if t.text.lower() not in _OF)
        label = _label(words) + f" ({token.text})"
        if len(label.split()) > MAX_LABEL_WORDS:
            continue
        joined = terms.setdefault(key, Term(key, label))
        joined.label = label
        inside = {t.i for t in words} | {token.i} | {
            head for other in terms.values() for head in other.heads if doc[head].text == token.text}
        for head in inside:
            old = by_head.get(head)
            if old is not None and old != key and old in terms:
                moved = terms[old]
                moved.heads.discard(head)
                if not moved.heads:
                    joined.mentions += moved.mentions
                    del terms[old]
            by_head[head] = key
            joined.heads.add(head)
        if not joined.mentions:
            joined.mentions.append((0, words[0].idx, words[-1].idx + len(words[-1].text)))


def _mark_defined(analysis, terms: dict[str, Term], by_head: dict[int, str], by_token: dict[int, int]) -> None:
    """The terms the text defines (`language.definitions`: « … est appelée méthode », « (c'est la fécondation) »)
    rank higher; one the mentions missed (« pneumonie d'aspiration » after « on l'appelle ») becomes a term of its
    own, when its words are a noun and its complements."""
    doc = analysis.doc
    for item in find_definitions(analysis):
        if item.cue == "acronym":
            continue
        span = doc.char_span(item.start, item.start + len(item.term), alignment_mode="expand")
        if span is None or not any(t.pos_ in _NOMINAL for t in span) or len(span) > MAX_LABEL_WORDS:
            continue
        noun = next(t for t in span if t.pos_ in _NOMINAL)
        key = " ".join(_key_word(t) for t in span if t.text.lower() not in _OF | _OF_THE and t.pos_ != "DET")
        if key in terms:
            terms[key].defined = True
            continue
        if any(t.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ") or t.is_punct for t in span):
            continue
        term = terms.setdefault(key, Term(key, _label(list(span)), defined=True))
        index = next((n for n, sentence in enumerate(analysis.sentences) if sentence.start <= span.start
                      < sentence.end), 0)
        term.mentions.append((index, span.start_char, span.end_char))
        old = by_head.get(noun.i)
        if old is not None and old != key and old in terms:
            terms[old].heads.discard(noun.i)
            if not terms[old].heads:
                del terms[old]
        term.heads.add(noun.i)
        by_head[noun.i] = key
        by_token.update((t.i, noun.i) for t in span)


def _merge_into_named(terms: dict[str, Term], by_head: dict[int, str]) -> None:
    """A bare noun is the term the text names on purpose with it, when that term is the only one it heads: « les
    plaques » and « la tectonique des plaques » speak of the « plaques tectoniques » that the text puts in quotation
    marks or defines, wherever they come in the text."""
    for key in [k for k in terms if " " not in k]:
        named = [other for other in terms if other.split(" ")[0] == key and other != key]
        if len(named) != 1 or not (terms[named[0]].quoted or terms[named[0]].defined):
            continue
        bare, term = terms.pop(key), terms[named[0]]
        term.mentions = sorted(term.mentions + bare.mentions, key=lambda m: m[1])
        term.heads |= bare.heads
        by_head.update((i, term.key) for i in bare.heads)


def _spelled_by(doc, last: int, acronym: str) -> list:
    """The words ending at `last` whose initials are the acronym's letters (« de », « d' » passed over)."""
    letters = acronym.lower()
    words, k = [], last
    while k >= 0 and len(words) < 2 * len(letters) + 2:
        token = doc[k]
        if token.is_punct or token.pos_ in ("DET", "AUX", "PRON") or token.pos_ == "VERB" and "Part" not in \
                token.morph.get("VerbForm"):
            break  # a participle may be spelled: « pneumonie acquise en communauté (PAC) »
        words.insert(0, token)
        initials = "".join(t.text[0].lower() for t in words if t.text.lower() not in _OF)
        content = "".join(t.text[0].lower() for t in words if t.text.lower() not in _ACRONYM_SKIPPED)
        if letters in (initials, content) and words[0].text.lower() not in _ACRONYM_SKIPPED:
            return words
        k -= 1
    return []


def _links(analysis, by_head: dict[int, str], by_token: dict[int, int], aliased: frozenset[int]) -> list[Link]:
    """`aliased`: the vague words that stand for the term after them (« à cause de la rencontre »)."""
    links: list[Link] = []
    last_subject: dict[tuple[str, str], str] = {}  # (gender, number) → the last subject term with them
    earlier: list[tuple[str, str, str]] = []  # (gender, number, term) of the subjects of the sentences before
    previous: str | None = None  # the first subject named in the sentence before
    for index, sentence in enumerate(analysis.sentences):
        subjects_here: dict[tuple[str, str], str] = {}
        named_here: list[tuple[str, str, str]] = []
        sources: list[tuple[int, str]] = []  # (verb, the term that is its subject), in the sentence's order
        surface = {i: by_head[by_token[i]] for i in range(sentence.start, sentence.end)
                   if i in by_token and by_token[i] in by_head}  # each word of a mention → its term
        for verb in sentence:
            if verb.text.lower() in _NEGATION or verb.text.lower() in _NEGATION_WORDS and any(
                    t.text.lower() in ("ne", "n'", "n’") for t in verb.doc[max(verb.i - 3, 0):verb.i]):
                continue  # « n'ont point cessé »: the parse made « point » the verb
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")] or _shared_subject(verb,
                                                                                                         sentence)
            subject = max(subjects, key=lambda c: (c.i < verb.i, c.i)) if subjects else None  # the nearest
            # before the verb: « La nuit, la photosynthèse est suspendue » has « nuit » read as a second subject
            if subject is None:
                links += _surface_link(verb, sentence, surface, index) or _copula_link(verb, sentence, surface,
                                                                                        by_head, index)
                continue
            source = _term_of(subject, by_head, last_subject) or _said_again(subject, sentence, previous)
            if source is None:
                continue
            sources.append((verb.i, source))
            gender, number = subject.morph.get("Gender"), subject.morph.get("Number")
            if subject.pos_ in _NOMINAL and gender and number:
                subjects_here[(gender[0], number[0])] = source
                named_here.append((gender[0], number[0], source))
            found = [Link(source, by_head[t.i], label, index) for t, label in _arguments(verb, subject)
                     if by_head.get(t.i) not in (None, source)]
            found += [Link(source, target, label, index) for target, label in _object_pronouns(verb, earlier)
                      if target != source]
            if not found and (verb.pos_ == "VERB" or _misread_verb(verb, sentence)):  # the parse found no
                # complement that is a term: read the clause
                found = _clause_links(verb, sentence, surface, source, index)
            links += found
            links += [replace(link, source=by_head[c.i]) for c in subject.children if c.dep_ == "conj"
                      and by_head.get(c.i) not in (None, source) for link in found]  # « Le commerce et l'industrie »
        links += _gerund_links(sentence, surface, sources, index)
        links += _modifier_links(sentence, by_head, by_token, aliased, index)
        links += _aside_links(sentence, surface, index)
        last_subject.update(subjects_here)
        earlier += named_here
        previous = named_here[0][2] if named_here else previous
    unique: dict[tuple[str, str], Link] = {}
    for link in links:
        unique.setdefault((link.source, link.target), link)
    return list(unique.values())


_NEGATION_WORDS = ("pas", "plus", "jamais", "point", "guère", "rien")


def _negation_word(head) -> str:
    """The second word of the negation of `head` (« n'a jamais expliqué », « n'ont point »), read after its « ne »:
    the label keeps it, so « jamais » is never read as « pas »; « pas » when none is found."""
    doc = head.doc
    ne = next((t for t in head.children if t.text.lower() in ("ne", "n'", "n’")), None) or next(
        (t for t in doc[max(head.i - 3, 0):head.i] if t.text.lower() in ("ne", "n'", "n’")), None)
    start = ne.i + 1 if ne is not None else head.i + 1
    return next((t.text.lower() for t in doc[start:start + 4] if t.i != head.i and t.text.lower() in _NEGATION_WORDS),
                "pas")


def _shared_subject(verb, sentence) -> list:
    """The subject of the verb that `verb` is coordinated to, when `verb` is a conjugated verb with none of its
    own: « Les plantes absorbent l'eau et rejettent le dioxygène » → the plants reject it; also when the first
    verb was misread as a noun (« La Cour contrôle le droit mais ne juge pas les faits »)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or "Fin" not in verb.morph.get("VerbForm") or head.i > verb.i \
            or not (head.pos_ in ("VERB", "AUX") or _misread_verb(head, sentence)) \
            or any(c.dep_.startswith(("expl", "csubj")) for c in verb.children):
        return []  # « …, il faut moins de chaleur »: an impersonal « il » of its own
    return [c for c in head.children if c.dep_ == "nsubj"]


_CONTRACTED = {"du": "de", "des": "de", "d'": "de", "d’": "de", "au": "à", "aux": "à"}


def _modifier_links(sentence, by_head: dict[int, str], by_token: dict[int, int], aliased: frozenset[int],
                    index: int) -> list[Link]:
    """A term and the term that completes it through a preposition or a participle, with at most three words
    between them and the second attached to the first in the parse: « aspiration de contenu provenant des voies
    respiratoires » → aspiration « provenant de » voies respiratoires; « déformation de la croûte à cause de la
    rencontre » → « à cause de ». The label is those words, articles left out."""
    doc = sentence.doc
    mentions: list[tuple[int, int]] = []  # (first token, last token) of each mention, in order
    for i in range(sentence.start, sentence.end):
        if i in by_token and by_token[i] in by_head and i not in aliased:  # « cause » is part of « à cause de »
            if mentions and by_token.get(mentions[-1][0]) == by_token[i] and mentions[-1][1] == i - 1:
                mentions[-1] = (mentions[-1][0], i)
            else:
                mentions.append((i, i))
    links = []
    for (first, last), (start, _) in zip(mentions, mentions[1:], strict=False):
        between = [doc[j] for j in range(last + 1, start)]
        words = [t for t in between if t.pos_ != "DET" or t.text.lower() in _CONTRACTED]
        head, noun = by_token[first], by_token[start]
        opens = bool(words) and (words[0].pos_ == "ADP" or "Part" in words[0].morph.get("VerbForm"))
        if not 1 <= len(words) <= 3 or not opens or any(
                t.is_punct or t.pos_ in ("CCONJ", "SCONJ", "PRON", "AUX") or "Fin" in t.morph.get("VerbForm")
                for t in between) or by_head[head] == by_head[noun]:
            continue
        ancestors = {doc[noun].head.i, doc[noun].head.head.i}
        if not ancestors & set(range(first, last + 1)):
            continue  # the second noun does not complete the first (« donne à l'élève un livre »)
        label = " ".join(_CONTRACTED.get(t.text.lower(), t.text.lower()) for t in words)
        links.append(Link(by_head[head], by_head[noun], label, index, modifier=True))
    return links


_EXAMPLES_LABEL = {"fr": "comme", "en": "such as"}


def _aside_links(sentence, term_at: dict[int, str], index: int) -> list[Link]:
    """Links read on the surface where the parse of an aside is unreliable: a term and the names in quotation
    marks right after it (« les attributs « saveur » et « couleur » » → attributs « comme » saveur, couleur), and
    a term and the participle set off by a comma after it (« la croûte continentale, essentiellement composée de
    granite » → croûte continentale « composée de » granite)."""
    doc = sentence.doc  # `term_at`: each word of a mention → its term
    links = []
    for i in range(sentence.start, sentence.end - 2):
        if i not in term_at or (i + 1 in term_at and term_at[i + 1] == term_at[i]):
            continue  # only from the last word of a mention
        source, k = term_at[i], i + 1
        while k < sentence.end and doc[k].text in ("«", "“"):  # « saveur » et « couleur »
            inside = k + 1
            if inside not in term_at or term_at[inside] == source:
                break
            links.append(Link(source, term_at[inside], _EXAMPLES_LABEL.get(doc.lang_, ""), index))
            k = next((j + 1 for j in range(inside, min(inside + 6, sentence.end)) if doc[j].text in ("»", "”")),
                     sentence.end)
            if k < sentence.end and doc[k].text.lower() in (",", "et", "ou", "and", "or"):
                k += 1
        k = i + 1
        if k < sentence.end and doc[k].text == ",":
            k += 1 + (k + 1 < sentence.end and doc[k + 1].pos_ == "ADV")
            if k + 2 < sentence.end and doc[k].pos_ == "VERB" and "Part" in doc[k].morph.get("VerbForm") \
                    and "Past" in doc[k].morph.get("Tense") and doc[k + 1].pos_ == "ADP" \
                    and (target := next((term_at[j] for j in range(k + 2, min(k + 4, sentence.end))
                                         if j in term_at), None)) not in (None, source):
                links.append(Link(source, target, _verb_label([doc[k].text.lower(), doc[k + 1].text.lower()]),
                                  index))
    return links


def _surface_link(verb, sentence, by_head: dict[int, str], index: int) -> list[Link]:
    """When the parse gives a conjugated verb no subject (the small model often makes it an adjective of the
    noun before it), read « term verb … term » on the surface, within one clause."""
    if not (verb.pos_ == "VERB" and ("Fin" in verb.morph.get("VerbForm") or conjugated(verb.text))
            or _misread_verb(verb, sentence)):
        return []
    doc = verb.doc
    k = verb.i - 1
    negated = k >= sentence.start and doc[k].text.lower() in ("ne", "n'", "n’")
    k -= 1 if negated else 0
    source = next((by_head[j] for j in (k,) if j >= sentence.start and j in by_head), None)
    if source is None:  # the noun may end on an adjective of its term (« la politique monétaire agit »)
        source = next((by_head[j] for j in range(k, max(k - 3, sentence.start - 1), -1) if j in by_head
                       and all(doc[m].pos_ == "ADJ" for m in range(j + 1, k + 1))), None)
    return [] if source is None else _clause_links(verb, sentence, by_head, source, index)


def _misread_verb(token, sentence) -> bool:
    """A conjugated verb that the small model read as a noun or an adjective right after its subject (« Le juge
    examine la demande », « La photosynthèse utilise l'énergie »): a lower-case word the lexicon knows as a verb
    of the third person, after a noun and before a determiner or a preposition, heading the sentence or said of
    the noun before it, with no conjugated verb before it in the sentence. Not « un point fixe de la droite »,
    where the adjective is read as one."""
    doc = token.doc
    if token.pos_ not in ("NOUN", "ADJ") or not token.text.isalpha() or not token.text.islower() \
            or not sentence.start < token.i < sentence.end - 1 or doc[token.i - 1].pos_ not in ("NOUN", "PROPN") \
            or doc[token.i + 1].pos_ not in ("DET", "ADP"):
        return False
    if not (token.dep_ == "ROOT" or token.pos_ == "NOUN" and token.dep_ == "amod"):
        return False
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[sentence.start:token.i]):
        return False
    try:
        found = lexicon.readings(token.text)
    except ImportError:
        return False
    return any(person in (":3s", ":3p") and tense in (":Ip", ":Iq", ":Is", ":If")
               for r in found if r.kind == "V" for tense, person in r.verb_forms)


def _copula_link(noun, sentence, surface: dict[int, str], by_head: dict[int, str], index: int) -> list[Link]:
    """« La pneumonie acquise en communauté (PAC) est une inflammation … » when the parse gave the predicate noun no
    subject: the term that ends right before « est » (an acronym in brackets passed over), with no verb before it
    in the sentence, « est une » the term of the noun."""
    copulas = [c for c in noun.children if c.dep_ == "cop" and c.i < noun.i]
    target = by_head.get(noun.i)
    if not copulas or target is None or noun.pos_ not in _NOMINAL:
        return []
    doc = noun.doc
    cop = copulas[0]
    k = cop.i - 1
    if k - 2 >= sentence.start and doc[k].text == ")" and doc[k - 2].text == "(":
        k -= 3  # « (PAC) »
    source = surface.get(k)
    if source is None or source == target or any(
            t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[sentence.start:k]):
        return []
    between = [t.text.lower() for t in doc[cop.i:noun.i] if t.pos_ in ("AUX", "DET", "ADV")]
    return [Link(source, target, _verb_label(between), index)]


def _clause_links(verb, sentence, by_head: dict[int, str], source: str, index: int, lead: str = "") -> list[Link]:
    """Links from `source` to each term named after `verb` in its clause (up to a « ; », a full stop, a
    subordinate or relative clause or another conjugated verb), labelled with the verb (after `lead`: « en
    créant ») and the preposition before the term: « transforme le sucre en alcool » → « transforme » sucre,
    « transforme en » alcool. « ce qu'on appelle » is passed over: it names the term that follows."""
    doc = verb.doc
    negated = any(doc[j].text.lower() in ("ne", "n'", "n’") for j in range(max(verb.i - 2, sentence.start), verb.i))
    reflexive = next((doc[j].text.lower() for j in range(max(verb.i - 2, sentence.start), verb.i)
                      if doc[j].text.lower() in ("se", "s'", "s’")), "")  # « s'engagent à »
    links, preposition, locution, seen = [], "", "", {source}
    j, end = verb.i + 1, sentence.end
    while j < end:
        token = doc[j]
        if (named := _naming_phrase_end(doc, j, end)) > j:
            j = named
            continue
        if token.text in (";", ":", ".", "!", "?", "(") or token.pos_ == "SCONJ" or \
                token.text.lower() in ("qui", "que", "qu'", "qu’", "dont", "où", "mais", "car", "donc", "puis") or (
                token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")) or _gerund_at(doc, j, end) \
                or token.text == "," and _aside_after(doc, j, end) or _purpose_at(doc, j, end):
            break  # « en créant … » is the gerund's; «, propre à chaque objet », «, permettant … » an aside;
            # « pour garantir l'application » says why, not what the subject does
        if j == verb.i + 1 and token.pos_ == "NOUN" and token.text.islower() and verb.lemma_ not in _NAMING_VERBS:
            locution = token.text.lower()  # « font partie de »
            j += 1
            continue
        if j in by_head and by_head[j] not in seen:
            seen.add(by_head[j])
            words = ["ne", verb.text.lower(), _negation_word(verb)] if negated else [w for w in (
                lead, reflexive, verb.text.lower(), locution, preposition) if w]
            links.append(Link(source, by_head[j], _verb_label(words), index))
            preposition = ""
        elif token.pos_ == "ADP":
            preposition = token.text.lower()
        j += 1
    return links


def _naming_phrase_end(doc, j: int, end: int) -> int:
    """Where « ce qu'on appelle », « ce que l'on nomme » ends when it starts at `j`; else `j`."""
    words = [t.text.lower() for t in doc[j:min(j + 5, end)]]
    if len(words) < 4 or words[0] != "ce" or words[1] not in ("que", "qu'", "qu’"):
        return j
    k = j + 2 + (words[2] in ("l'", "l’"))
    if k + 1 < end and doc[k].text.lower() == "on" and doc[k + 1].lemma_.lower() in _NAMING_VERBS:
        return k + 2
    return j


def _aside_after(doc, j: int, end: int) -> bool:
    """Whether the comma at `j` opens an aside: an adjective or a participle, after an adverb or not (« ,
    essentiellement composée de granite »)."""
    k = j + 1
    while k < end and doc[k].pos_ == "ADV":
        k += 1
    return k < end and (doc[k].pos_ == "ADJ" or _participle(doc[k]))


def _purpose_at(doc, j: int, end: int) -> bool:
    """Whether a clause of purpose starts at `j`: « pour » or « afin de » and an infinitive."""
    k = j + 2 if doc[j].text.lower() == "afin" else j + 1 if doc[j].text.lower() == "pour" else end
    while k < end and doc[k].text.lower() in ("de", "d'", "d’", "ne", "pas", "se", "s'", "s’", "le", "la", "les",
                                              "l'", "l’"):
        k += 1
    return k < end and doc[k].pos_ in ("VERB", "AUX") and "Inf" in doc[k].morph.get("VerbForm")


def _gerund_at(doc, j: int, end: int) -> bool:
    """Whether a gerund starts at `j`: « en » and a present participle (« en créant »)."""
    return doc[j].text.lower() == "en" and j + 1 < end and _participle(doc[j + 1]) and doc[j + 1].text.lower(
    ).endswith("ant")


def _participle(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Part" in token.morph.get("VerbForm")


def _gerund_links(sentence, by_head: dict[int, str], sources: list[tuple[int, str]], index: int) -> list[Link]:
    """« L'utilisation de classes évite les variables globales en créant un espace de noms »: a gerund has the
    subject of the verb before it, so its terms are linked from that verb's subject, labelled « en créant »."""
    links = []
    for token in sentence:
        if token.i == sentence.start or not _gerund_at(token.doc, token.i - 1, sentence.end):
            continue
        source = next((term for i, term in reversed(sources) if i < token.i), None)
        if source is not None:
            links += _clause_links(token, sentence, by_head, source, index, lead="en")
    return links


def conjugated(word: str) -> bool:
    """Whether the lexicon knows `word` as a conjugated verb (« parlent »; not the participle « tempéré »); False
    without Grammalecte."""
    try:
        return grammalecte.could_be_conjugated(word.lower())
    except ImportError:
        return False


def _term_of(subject, by_head: dict[int, str], last_subject: dict) -> str | None:
    if subject.i in by_head:
        return by_head[subject.i]
    lower = subject.text.lower()
    if lower in ("qui", "which", "who", "that") and subject.head.dep_ == "acl:relcl":
        noun = subject.head.head  # the noun the relative clause describes
        defined = next((c for c in noun.children if c.dep_.startswith("nsubj")), None) if any(
            c.dep_ == "cop" for c in noun.children) else None
        if defined is not None and defined.i in by_head:
            return by_head[defined.i]  # « La photosynthèse est le processus qui permet … »: the photosynthesis
        return by_head.get(noun.i)
    if lower in _SUBJECT_PRONOUNS:
        return last_subject.get(_SUBJECT_PRONOUNS[lower])
    return None


_POINTING_SUBJECTS = {"c'", "c’", "ce", "cela", "ceci"}
_CLEFT_WORDS = {"qui", "que", "qu'", "qu’"}


def _said_again(subject, sentence, previous: str | None) -> str | None:
    """« La photosynthèse est le processus … . C'est la fabrication de matière organique … »: a « c' » or « cela »
    that opens a sentence names the subject of the sentence before; not in a cleft (« C'est X qui … »), where it
    names nothing."""
    if previous is None or subject.text.lower() not in _POINTING_SUBJECTS or subject.i != sentence.start \
            or any(t.text.lower() in _CLEFT_WORDS for t in sentence):
        return None
    return previous


def _arguments(verb, subject) -> list[tuple[object, str]]:
    """(noun, label) for each object or complement of `verb`, and of its coordinated nouns."""
    negated = any(c.text.lower() in _NEGATION for c in verb.children)
    found = []
    copula = next((c for c in verb.children if c.dep_ == "cop"), None)
    if copula is not None and (verb.pos_ in _NOMINAL or _predicate_adjective(verb)):  # « X est un Y »: Y heads it
        determiner = next((c.text.lower() for c in verb.children if c.dep_ == "det"
                           and not c.text.endswith(("'", "’"))), "")
        said = _verb_label(["ne", copula.text.lower(), _negation_word(verb)]) if negated else copula.text.lower()
        label = " ".join(w for w in (said, determiner) if w)  # « ne sont jamais des », « n'est pas un »
        if not (negated and sum(c.dep_ == "cop" for c in verb.children) > 1):  # « a pour caractère de n'être
            found.append((verb, label))  # jamais arbitraire »: which verb the negation is on, the label cannot say
    elif verb.pos_ in ("VERB", "AUX") or verb.pos_ == "NOUN" and verb_form(verb.text) and any(
            c.dep_.startswith("aux") and c.lemma_ in ("être", "avoir") for c in verb.children):  # « sont dits »,
        # read as a noun
        reflexive = next((c.text.lower() for c in verb.children if c.dep_ in ("expl:comp", "expl:pv", "expl")
                          and c.text.lower() in ("se", "s'", "s’")), "")
        locution = _bare_object(verb)
        for child in verb.children:
            if child.i == subject.i or locution is not None and child.i == locution.i or not (
                    child.dep_ in _ARGUMENTS and child.pos_ in _NOMINAL or _predicate_adjective(child)):
                continue
            preposition = next((c.text.lower() for c in child.children if c.dep_ == "case"), "") or next(
                (_CONTRACTED[c.text.lower()] for c in child.children if c.dep_ == "det" and c.pos_ == "ADP"
                 and c.text.lower() in _CONTRACTED), "")  # « font partie des continents »: « des » read as a det
            auxiliaries = [c.text.lower() for c in verb.children if c.dep_ in ("aux", "aux:pass", "aux:tense")
                           and c.i < verb.i and c.lemma_.lower() in ("être", "avoir", "faire")]  # « fait surgir »
            between = _infinitive_between(verb, child)
            if between is not None and not negated:  # « permet de produire du code », the code read as « permet »'s
                mark = next((c.text.lower() for c in between.children if c.dep_ == "mark" and c.i < between.i), "")
                words = [verb.text.lower(), mark, between.text.lower()]
            elif not negated:
                be = next((c.text.lower() for c in child.children if c.dep_ == "cop" and c.text.lower() == "être"
                           and verb.i < c.i < child.i), "")
                words = [reflexive, *auxiliaries, verb.text.lower(), locution.text.lower() if locution else "",
                         be, preposition]  # « peut être restreinte »
            elif auxiliaries:  # « n'a jamais expliqué »
                words = ["ne", auxiliaries[0], _negation_word(verb), verb.text.lower()]
            else:  # « n'explique jamais »
                words = ["ne", verb.text.lower(), _negation_word(verb)]
            found.append((child, _verb_label([w for w in words if w])))
        if not negated:
            found += _through_infinitives(verb, [verb.text.lower()])
    if copula is not None and verb.pos_ == "ADJ" and not negated:  # « les montagnes sont issues de la déformation »
        for child in verb.children:
            preposition = next((c.text.lower() for c in child.children if c.dep_ == "case"), "")
            if child.dep_ in ("obl:arg", "obl:mod", "obl", "dep") and child.pos_ in _NOMINAL and preposition:
                be = [] if copula.text.lower() == "été" else [copula.text.lower()]  # « ont été présents à »
                found.append((child, _verb_label([*be, verb.text.lower(), preposition])))
    for noun, label in list(found):
        found += [(c, label) for c in noun.children if c.dep_ == "conj" and c.pos_ in _NOMINAL]
    return found


_OBJECT_PRONOUNS = {"le", "la", "les", "l'", "l’"}


def _through_infinitives(verb, said: list[str], depth: int = 0) -> list[tuple[object, str]]:
    """(noun, label) for the complements of the infinitives and participles that `verb` governs, down a chain of
    them (« permet aux plantes de synthétiser leur matière », « doivent permettre d'arriver aux résultats »,
    « peut être vue comme un tableau »): the label is the verbs said so far, three words at most."""
    found = []
    for child in verb.children:
        if child.dep_ not in ("xcomp", "advcl") or child.pos_ != "VERB" or any(
                c.dep_.startswith("nsubj") for c in child.children) or "Fin" in child.morph.get("VerbForm") \
                or depth and child.dep_ != "xcomp" or _gerund_at(child.doc, child.i - 1, child.i + 1):
            continue  # a clause with its own subject (« ils se sont multipliés ») says nothing of this one; a
            # gerund (« en exploitant ») has its own link
        mark = next((c.text.lower() for c in child.children if c.dep_ == "mark" and c.i < child.i), "")
        own = next((c.text.lower() for c in child.children if c.dep_ in ("expl:comp", "expl:pv", "expl")
                    and c.text.lower() in ("se", "s'", "s’")), "")  # « peut se faire », not « peut faire »
        passive = next((c.text.lower() for c in child.children if c.dep_ == "aux:pass"), "")  # « être »
        words = [w for w in (*said, mark, own, passive, child.text.lower()) if w]
        label = _verb_label(words)
        found += [(c, label) for c in child.children if c.dep_ in ("obj", "obl:arg", "obl:mod")
                  and c.pos_ in _NOMINAL or _predicate_adjective(c)]  # « tend à devenir organique »
        found += [(c, _verb_label([*words, *(k.text.lower() for k in c.children if k.dep_ == "case")]))
                  for c in child.children if c.dep_ == "xcomp" and c.pos_ in _NOMINAL]  # « vue comme un tableau »
        if depth < 1:
            found += _through_infinitives(child, words, depth + 1)
    return found


def _infinitive_between(verb, child):
    """The infinitive of `verb` that stands between it and its complement `child` with no complement of its own
    (« permet de produire du code », where the parse gave « code » to « permet »): the complement is its."""
    return next((x for x in verb.children if x.dep_ == "xcomp" and x.pos_ == "VERB" and verb.i < x.i < child.i
                 and "Inf" in x.morph.get("VerbForm") and not any(c.dep_ in ("obj", "obl:arg", "obl:mod")
                                                                  for c in x.children)), None)


def _bare_object(verb):
    """The noun with no determiner right after `verb` that makes one phrase with it (« font partie de », « a lieu
    à », « fait face à »): part of the link's label, never its end."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and verb.lemma_ not in _NAMING_VERBS and following.head.i == verb.i \
            and following.dep_ == "obj" and following.pos_ == "NOUN" and following.text.islower() \
            and not any(c.dep_ in ("det", "nummod", "amod") for c in following.children):
        return following
    return None


def _object_pronouns(verb, earlier: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(term, label) for an object pronoun of `verb` (« Le commerce les a faites »): the last subject of a sentence
    before with its number, and its gender when the pronoun or the verb's participle says it; none when unsure."""
    found = []
    for pronoun in (c for c in verb.children if c.dep_ == "obj" and c.pos_ == "PRON" and c.i < verb.i
                    and c.text.lower() in _OBJECT_PRONOUNS):
        number = (pronoun.morph.get("Number") or [""])[0]
        gender = (pronoun.morph.get("Gender") or verb.morph.get("Gender") or [""])[0]  # « les a faites »: Fem
        match = next((term for g, n, term in reversed(earlier) if n == number and (not gender or g == gender)), None)
        if number and match is not None:
            auxiliaries = [c.text.lower() for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
            found.append((match, _verb_label([*auxiliaries, verb.text.lower()])))
    return found


def _verb_label(words: list[str]) -> str:
    words = [w.strip("«»\"“” ") for w in words if re.search(r"\w", w)]  # no quotation mark
    while words and words[-1].endswith(("'", "’")):
        words.pop()  # « correspondrait d' »: the word it elides is not in the label; « d' » alone says nothing
    label = re.sub(r"\b(d|qu|n)e ([aeiouyéèêh])", r"\1'\2", " ".join(words))  # « d'expliquer », « n'est »
    label = re.sub(r"(?<!\w)(\w{1,3}['’]) ", r"\1", label.replace("se ", "s'", 1) if re.match(r"se [aeiouyéèêh]", label)
                   else label)  # an elided word against the next: « s'engagent », « d’arriver »
    return " ".join(label.split(" ")[:3])  # three words, an elided one with its word (« n'a jamais expliqué »)
