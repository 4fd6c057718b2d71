"""Figurative expressions and idioms, found on lemmas so that conjugated forms match
("a porté ses fruits" matches "porter ses fruits"); the French and English lists are data."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ...language.data import entries
from ...language.nlp import pipeline
from ..conjugate import FORMS, conjugate
from ..rule import Rule, as_written, correct, incorrect, register

_GAP_POS = {"ADV", "PRON", "AUX"}
_MAX_GAP = 2
# A word between an idiom's words is replaced with them: one that compares, negates or counts would be lost
# (« a joué un plus grand rôle » is no « a eu un effet »), so such an idiom is left as written.
_MEANINGFUL_GAP = {"plus", "moins", "pas", "jamais", "guère", "point", "aucun", "aucune", "rien", "peu", "trop",
                   "aussi", "autant", "more", "less", "not", "never", "most", "least"}
_DETERMINERS = {"un", "une", "le", "la", "les", "l'", "des", "du", "a", "an", "the", "<art>"}
_ARTICLE = "<art>"  # an idiom's article: matches any article, possessive or demonstrative of the sentence
# contracted and elided words, and what they also stand for ("au cœur du projet" matches "au cœur de")
_ALSO = {"au": ("à", "le"), "aux": ("à", "les"), "du": ("de", "le"), "des": ("de", "un", "les"), "d'": ("de",),
         "l'": ("le", "la"), "qu'": ("que",), "n'": ("ne",), "s'": ("se",), "c'": ("ce",), "j'": ("je",),
         "m'": ("me",), "t'": ("te",), "clef": ("clé",), "clefs": ("clé",)}


@dataclass(frozen=True)
class IdiomMatch:
    start: int
    end: int
    idiom: str
    meanings: tuple[str, ...]
    first: object  # the spaCy token the match starts with
    article_dropped: bool  # the idiom's own article ("un cercle vicieux") was left out of matching
    object_span: tuple[int, int] | None = None  # the object the text puts inside the idiom: « met [les causes] en
    # évidence », « prend [la science] de court » (start and end in the text)


@cache
def folded(text: str) -> str:
    """A word as the table and the text are compared: lower case, one apostrophe, « œ » as « oe » (« au coeur
    des » is « au cœur des »)."""
    return text.lower().replace("’", "'").replace("œ", "oe").replace("æ", "ae")


def idiom_patterns(lang: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], bool]]:
    """(idiom, key sequence, plain meanings, article dropped), longest first."""
    table = entries(lang, "idioms.txt")
    if lang == "fr":
        docs = pipeline("fr", full=False).pipe(list(table))
        keys = [tuple(_key(t) for t in doc if not t.is_punct) for doc in docs]
    else:  # the sentence's own tokenizer, so that "devil's" and "wake-up" split the same way
        tokenizer = pipeline(lang, full=False).tokenizer
        keys = [tuple(folded(t.text) for t in tokenizer(idiom)) for idiom in table]
    patterns = []
    keys = [_without_placeholder(key) for key in keys]
    for idiom, key in zip(table, keys, strict=True):
        dropped = len(key) > 2 and key[0] in _DETERMINERS
        patterns.append((idiom, key[1:] if dropped else key, table[idiom], dropped))
    return sorted(patterns, key=lambda p: -len(p[1]))


_PLACEHOLDERS = (("de", "quelqu'un"), ("à", "quelqu'un"), ("quelqu'un",), ("quelque", "chose"), ("qqn",),
                 ("someone",), ("something",), ("somebody",))


def _without_placeholder(key: tuple[str, ...]) -> tuple[str, ...]:
    """"boire les paroles de quelqu'un" is matched without its placeholder."""
    plain = tuple(k.split("|")[0] for k in key)
    for tail in _PLACEHOLDERS:
        if len(key) > len(tail) + 1 and plain[-len(tail):] == tail:
            return key[:-len(tail)]
    return key


def _key(token) -> str:
    """The key of an idiom's word: its lemma, or a class for its determiner."""
    if token.pos_ == "DET" and "Poss=Yes" in str(token.morph):
        return "<poss>"
    text = folded(token.text)
    if token.pos_ == "DET" and text in ("le", "la", "les", "l'", "un", "une"):
        return _ARTICLE
    if text in ("au", "aux", "du", "d'"):
        return _ALSO[text][0]
    lemma = folded(token.lemma_ or token.text)
    # the small model's lemmas of idiom words are unreliable ("clé" → "cler"): text or lemma, "a|b"
    return text if lemma == text or token.pos_ in ("ADP", "PRON") else f"{text}|{lemma}"


@cache
def _verb_forms(lang: str) -> dict[str, frozenset[str]]:
    """Conjugated form → the idiom infinitives it can be ("tirent" → "tirer"): the small model often leaves
    a conjugated verb without its lemma ("joue" tagged as a noun)."""

    index: dict[str, set[str]] = {}
    for _idiom, key, _meanings, _dropped in idiom_patterns(lang):
        verb = key[0].split("|")[0] if key else ""
        if not verb.endswith(("er", "ir", "re", "oir")) or " " in verb:
            continue
        for form in FORMS:
            for person in (1, 2, 3):
                for plural in (False, True):
                    word = conjugate(verb, form=form, person=person, plural=plural)
                    if word:
                        variants = (word, word + "e", word + "s", word + "es") if form == "part" else (word,)
                        for variant in variants:
                            index.setdefault(variant, set()).add(verb)
    return {word: frozenset(verbs) for word, verbs in index.items()}


def _keys(tokens: list, doc) -> list[frozenset[str]]:
    """For each word of the text, every key it can match: lemma, text, singular, the words of a contraction, and
    the determiner classes (any article, possessive or demonstrative stands for an idiom's article). The tags are
    read once for the whole text (a spaCy token is made anew at each access)."""
    tags = [t.pos_ for t in doc]
    keys = []
    for token in tokens:
        i, pos, text = token.i, tags[token.i], token.text
        after_determiner = pos == "NOUN" and i > 0 and tags[i - 1] == "DET"  # "la mise au point"
        article = pos == "DET" or text.lower() in _ARTICLES
        keys.append(_keys_of(text, token.lemma_, pos, after_determiner, article and "Poss=Yes" in str(token.morph)))
    return keys


_ARTICLES = ("le", "la", "les", "l'", "l’", "un", "une", "des")


@lru_cache(maxsize=65536)  # the same words come back in every text
def _keys_of(word: str, lemma: str, pos: str, after_determiner: bool, possessive: bool) -> frozenset[str]:
    text = folded(word)
    keys = {text, folded(lemma or word), *_ALSO.get(text, ())}
    if not after_determiner:
        keys.update(_verb_forms("fr").get(text, ()))
    if len(text) > 3 and text[-1] in "sx":
        keys.add(text[:-1])
    if pos == "DET" or text in ("le", "la", "les", "l'", "un", "une", "des"):
        if possessive:
            keys.update(("<poss>", _ARTICLE))
        elif pos == "DET" or text != "des":
            keys.add(_ARTICLE)
    return frozenset(keys)


@cache
def _by_first_key(lang: str) -> dict[str, list]:
    """Patterns indexed by their first word, so that each token looks only at the idioms it can start; a pattern
    that starts with an article is indexed by its second word (every article would otherwise try hundreds)."""
    index: dict[str, list] = {}
    for pattern in idiom_patterns(lang):
        words = pattern[1]
        if not words:
            continue
        second = len(words) > 1 and words[0] == _ARTICLE
        for alternative in words[1 if second else 0].split("|"):
            index.setdefault(("second:" if second else "") + alternative, []).append(pattern)
    return index


def _article_before(tokens, keys, i: int) -> int | None:
    """The article that may start an idiom whose second word is at `i` (at most one adjective between)."""
    for j in range(i - 1, max(i - 3, -1), -1):
        if _ARTICLE in keys[j]:
            return j
        if tokens[j].pos_ != "ADJ":
            return None
    return None


def find_idioms(analysis) -> list[IdiomMatch]:
    tokens = [t for t in analysis.doc if not t.is_space]
    if analysis.lang == "fr":
        keys = _keys(tokens, analysis.doc)
    else:
        keys = [frozenset((folded(t.text),)) for t in tokens]
    index = _by_first_key(analysis.lang)
    tags = [t.pos_ for t in tokens]  # read once: a spaCy token is made anew at each access
    present = frozenset().union(*keys) if analysis.lang == "fr" else None
    viable: dict[str, bool] = {}  # idiom → whether each of its words is somewhere in the text
    candidates = []
    lookups: dict[frozenset, tuple[list, list]] = {}  # the same words come back: their patterns are read once
    for i, token_keys in enumerate(keys):
        if token_keys not in lookups:
            lookups[token_keys] = ([p for key in token_keys for p in index.get(key, [])],
                                   [p for key in token_keys for p in index.get("second:" + key, [])])
        firsts, seconds = lookups[token_keys]
        starts = [(i, p) for p in firsts]
        if analysis.lang == "en":
            key = folded(tokens[i].text)
            starts += [(i, p) for stem in _english_stems(key) for p in index.get(stem, [])]
        article = _article_before(tokens, keys, i) if seconds else None
        if article is not None:
            starts += [(article, p) for p in seconds]
        for start, (idiom, pattern, meanings, dropped) in starts:
            if present is not None:
                if idiom not in viable:
                    viable[idiom] = _all_present(pattern, present)
                if not viable[idiom]:
                    continue  # a word of the idiom is nowhere in the text: no need to walk the sentence
            end = _match_rest(tokens, keys, start, pattern, analysis.lang)
            slot = None
            verbal = analysis.lang == "fr" and tags[start] in ("VERB", "AUX")
            if end is None and verbal and _takes_object_inside(pattern):
                for last in _object_ends(tokens, start + 1):  # the shortest object after which the idiom goes on
                    if (end := _match_rest(tokens, keys, last, pattern, "fr")) is not None:
                        slot = (tokens[start + 1].idx, tokens[last].idx + len(tokens[last].text))
                        break
            if end is not None:
                candidates.append((-len(pattern), start, end, idiom, meanings, dropped, slot))
    found, used = [], set()
    for _size, i, end, idiom, meanings, dropped, slot in sorted(candidates, key=lambda c: c[:3]):  # longest first
        if not used.intersection(range(i, end + 1)):
            used.update(range(i, end + 1))
            found.append(IdiomMatch(tokens[i].idx, tokens[end].idx + len(tokens[end].text), idiom, meanings,
                                    tokens[i], dropped, slot))
    return sorted(found, key=lambda m: m.start)


_SLOT_PREPOSITIONS = {"en", "de", "à", "sous", "sur", "hors", "au"}
_OBJECT_DETERMINERS = {"le", "la", "les", "l'", "un", "une", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses",
                       "leur", "leurs", "notre", "nos", "votre", "vos"}
_OBJECT_LINKS = {"de", "du", "des", "d'"}
MAX_OBJECT_WORDS = 7


@cache
def _takes_object_inside(pattern: tuple[str, ...]) -> bool:
    """Whether a French verbal idiom may hold its object between its verb and its preposition: « mettre en
    évidence » as « met les causes en évidence », « prendre de court » as « prend la science de court »."""
    verb = pattern[0].split("|")[0]
    return len(pattern) >= 2 and verb.endswith(("er", "ir", "re", "oir")) and " " not in verb \
        and pattern[1].split("|")[0] in _SLOT_PREPOSITIONS


def _object_ends(tokens: list, k: int) -> list[int]:
    """The indices where a noun phrase that starts at `k` may end (a determiner, then nouns, adjectives and « de »
    complements: « les causes », « les causes du phénomène »), shortest first; none without a noun."""
    if k >= len(tokens) or folded(tokens[k].text) not in _OBJECT_DETERMINERS or tokens[k].pos_ != "DET":
        return []
    ends, nouns = [], 0
    for j in range(k + 1, min(len(tokens), k + MAX_OBJECT_WORDS + 1)):
        token, word = tokens[j], folded(tokens[j].text)
        if token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            nouns += token.pos_ in ("NOUN", "PROPN")
            if nouns:
                ends.append(j)
        elif not (token.pos_ == "DET" or word in _OBJECT_LINKS):
            break
    return ends


# English irregular verbs: base → (past, past participle), for idiom verbs and for the verbs of meanings
IRREGULAR = {
    "be": ("was", "been"), "become": ("became", "become"), "begin": ("began", "begun"), "bend": ("bent", "bent"),
    "bite": ("bit", "bitten"), "blow": ("blew", "blown"), "break": ("broke", "broken"),
    "bring": ("brought", "brought"), "build": ("built", "built"), "burn": ("burnt", "burnt"),
    "buy": ("bought", "bought"), "beat": ("beat", "beaten"), "speed": ("sped", "sped"), "bear": ("bore", "borne"), "cast": ("cast", "cast"), "grind": ("ground", "ground"),
    "tread": ("trod", "trodden"), "wind": ("wound", "wound"), "sow": ("sowed", "sown"), "seek": ("sought", "sought"), "catch": ("caught", "caught"), "choose": ("chose", "chosen"),
    "come": ("came", "come"), "cost": ("cost", "cost"), "cut": ("cut", "cut"), "deal": ("dealt", "dealt"),
    "dig": ("dug", "dug"), "do": ("did", "done"), "draw": ("drew", "drawn"), "drink": ("drank", "drunk"),
    "drive": ("drove", "driven"), "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feel": ("felt", "felt"),
    "fight": ("fought", "fought"), "find": ("found", "found"), "fly": ("flew", "flown"),
    "forget": ("forgot", "forgotten"), "freeze": ("froze", "frozen"), "get": ("got", "got"),
    "give": ("gave", "given"), "go": ("went", "gone"), "grow": ("grew", "grown"), "hang": ("hung", "hung"),
    "have": ("had", "had"), "hear": ("heard", "heard"), "hide": ("hid", "hidden"), "hit": ("hit", "hit"),
    "hold": ("held", "held"), "hurt": ("hurt", "hurt"), "keep": ("kept", "kept"), "know": ("knew", "known"),
    "lay": ("laid", "laid"), "lead": ("led", "led"), "learn": ("learnt", "learnt"), "leave": ("left", "left"),
    "lend": ("lent", "lent"), "let": ("let", "let"), "lie": ("lay", "lain"), "lose": ("lost", "lost"),
    "make": ("made", "made"), "mean": ("meant", "meant"), "meet": ("met", "met"), "pay": ("paid", "paid"),
    "put": ("put", "put"), "quit": ("quit", "quit"), "read": ("read", "read"), "ride": ("rode", "ridden"),
    "ring": ("rang", "rung"), "rise": ("rose", "risen"), "run": ("ran", "run"), "say": ("said", "said"),
    "see": ("saw", "seen"), "sell": ("sold", "sold"), "send": ("sent", "sent"), "set": ("set", "set"),
    "shake": ("shook", "shaken"), "shed": ("shed", "shed"), "shine": ("shone", "shone"),
    "shoot": ("shot", "shot"), "show": ("showed", "shown"), "shut": ("shut", "shut"), "sink": ("sank", "sunk"),
    "sit": ("sat", "sat"), "sleep": ("slept", "slept"), "slip": ("slipped", "slipped"),
    "speak": ("spoke", "spoken"), "spend": ("spent", "spent"), "spill": ("spilt", "spilt"),
    "split": ("split", "split"), "spread": ("spread", "spread"), "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"), "strike": ("struck", "struck"),
    "sweep": ("swept", "swept"), "swim": ("swam", "swum"), "take": ("took", "taken"),
    "teach": ("taught", "taught"), "tear": ("tore", "torn"), "tell": ("told", "told"),
    "think": ("thought", "thought"), "throw": ("threw", "thrown"), "understand": ("understood", "understood"),
    "wake": ("woke", "woken"), "wear": ("wore", "worn"), "win": ("won", "won"), "write": ("wrote", "written"),
}
_IRREGULAR_FORMS = {"is": ("be", "s"), "are": ("be", ""), "am": ("be", ""), "were": ("be", "past"),
                    "being": ("be", "ing"), "has": ("have", "s"), "does": ("do", "s"), "gotten": ("get", "part"),
                    "burned": ("burn", "ed"), "learned": ("learn", "ed"), "spilled": ("spill", "ed")}
for _base, (_past, _part) in IRREGULAR.items():
    _IRREGULAR_FORMS.setdefault(_past, (_base, "past" if _past != _part else "ed"))
    _IRREGULAR_FORMS.setdefault(_part, (_base, "part" if _past != _part else "ed"))


def english_forms(word: str) -> list[tuple[str, str]]:
    """The (base, form) an English word can be: form is "" (base), "s", "ed" (past or participle), "past",
    "part" or "ing" ("making" → make, "stopped" → stop, "carries" → carry, "went" → go)."""
    word = folded(word)
    found = [(word, "")]
    if word in _IRREGULAR_FORMS:
        found.append(_IRREGULAR_FORMS[word])
    for suffix, form in (("ing", "ing"), ("ed", "ed"), ("es", "s"), ("s", "s"), ("d", "ed")):
        if not word.endswith(suffix) or len(word) - len(suffix) < 2:
            continue
        stem = word[:-len(suffix)]
        found.append((stem, form))
        if suffix in ("ing", "ed"):
            found.append((stem + "e", form))  # making, raised
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                found.append((stem[:-1], form))  # cutting, stopped
        if suffix in ("ed", "es") and stem.endswith("i"):
            found.append((stem[:-1] + "y", form))  # carried, carries
        if suffix == "ing" and stem.endswith("y"):
            found.append((stem[:-1] + "ie", form))  # lying
    return found


def _english_stems(word: str) -> list[str]:
    return [base for base, form in english_forms(word) if form]


def _all_present(pattern, present: frozenset[str]) -> bool:
    return all(word == _ARTICLE or any(alternative in present for alternative in word.split("|"))
               for word in pattern)


def _match_rest(tokens, keys, i, pattern, lang) -> int | None:
    position = i
    for previous, wanted in zip(pattern, pattern[1:]):
        gap = 0
        position += 1
        while position < len(keys) and not _same(keys[position], wanted, lang):
            allowed = _GAP_POS | ({"ADJ"} if previous == _ARTICLE else set())  # "joue un véritable rôle clé"
            if gap >= _MAX_GAP or lang == "en" or tokens[position].pos_ not in allowed \
                    or tokens[position].text.lower() in _MEANINGFUL_GAP:
                return None
            gap += 1
            position += 1
        if position >= len(keys):
            return None
    return position


_POSSESSIVES = {"my", "your", "his", "her", "its", "our", "their", "one's"}


def _same(keys: frozenset[str], wanted: str, lang: str) -> bool:
    if lang == "en":
        key = next(iter(keys))
        if wanted in _POSSESSIVES:  # "keep your chin up" matches "kept their chin up"
            return key in _POSSESSIVES
        return key == wanted or any(base == wanted for base, _form in english_forms(key))
    return any(alternative in keys for alternative in wanted.split("|"))


@register
class Idiom(Rule):
    id = "idiom"
    impact = "serious"
    tags = ("mots", "langage-littéral", "falc", "tsa")
    needs = {"fr": ("tags",)}  # French idioms are matched on lemmas; English ones on the words as written
    help = {"fr": "Évitez les expressions imagées : dites les choses au sens propre.",
            "en": "Avoid figurative expressions: say things literally."}
    examples = [
        incorrect("Ces efforts ont enfin [porté leurs fruits].", suggestion="donner de bons résultats"),
        incorrect("Après la nouvelle, il est [tombé dans les pommes].", suggestion="s'évanouir"),
        incorrect("[Il pleut des cordes] ce matin.", suggestion="Il pleut très fort"),
        correct("Ces efforts ont enfin donné de bons résultats."),
        incorrect("Exams are a [piece of cake].", "en", suggestion="a very easy thing"),
        incorrect("She [spilled the beans] about the party.", "en", suggestion="tell a secret"),
        correct("Exams are easy.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for m in find_idioms(analysis):
            meaning = meaning_without_marker(m.meanings[0])
            written = analysis.text[m.start:m.end]
            found.append(self.finding(analysis, m.start, m.end,
                                      f"« {written} » est une expression imagée : « {meaning} ».",
                                      f"“{written}” is a figurative expression: “{meaning}”.",
                                      as_written(meaning, written)))
        return found


GENDER_MARKER = re.compile(r"\s*\[(m|f|mp|fp)\]\s*$")  # gender marker of a noun-phrase meaning (see idioms.txt)


def meaning_without_marker(meaning: str) -> str:
    """A meaning as it is written in the text: without its gender marker ("l'idée principale [f]")."""
    return GENDER_MARKER.sub("", meaning)
