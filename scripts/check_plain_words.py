"""Check atypie/language/lang/fr/plain_words.txt (hard word → plain word, by lemma and class).

Run: .venv/bin/python scripts/check_plain_words.py  — prints each problem and exits 1 if there is any.
     .venv/bin/python scripts/check_plain_words.py --notes  — also prints the notes (see the end).
     .venv/bin/python scripts/check_plain_words.py other_file.txt  — checks another file of the same format.

Problems, for each line `lemma:CLASS=plain|alternative`:
- the line parses, CLASS is A, N or V, key and values are lowercase, the apostrophe is ', no key is repeated, and
  the key is not already a key of substitutions.txt;
- the hard lemma (without « s' » / « se ») has a Grammalecte reading of that class, as a lemma (an infinitive for V);
- each plain value: its agreeing word (the last word for A, the first word after an optional « se » / « s' » for V,
  the first word for N) has a reading of that class as a lemma; every word of the value is known to the lexicon;
  the value adds no negation word (ne, pas, sans, jamais…);
- A: the lexicon has the four forms (m/f, s/p) of the plain adjective, so that it can agree;
- N: the two nouns have the same gender (:e matches either), each has one gender (m or f: the engine needs it to
  keep the determiner right), the plain noun has a plural, and a hard noun that is the same in the singular and the
  plural (:i, « surplus ») has a plain noun that is too;
- V: both are verbs for grammalecte.fr.conj (isVerb), and the construction is kept, as far as Grammalecte's verb
  types tell: a verb used only with a direct object (t without i) is replaced by one that takes a direct object
  (t), an intransitive one (i without t or n) by one that can be intransitive, one used only with an indirect object
  (n: « remédier à ») by one that takes an indirect object or none, both take the same auxiliary in compound
  tenses (the engine changes the participle, not « a » / « est »), and a plain « se X » needs X to have a
  pronominal use;
- frequency (wordfreq, Zipf): the hard lemma is below HARD_MAX; the plain lemma is at least PLAIN_MIN and at least
  GAP above the hard lemma. Both are measured the same way, either on the lemma alone or on all its forms together
  (a verb's infinitive is a small part of its uses); one of the two measures must pass. The other words of a
  phrase (« très » in « très nombreux ») are each at least PLAIN_MIN.

Notes (printed with --notes, never an error): what the current engine (atypie/falc/inflect.py) cannot do with an
entry although the lexicon allows it (a form its candidate endings do not make, a tag it does not read), and forms of
the hard word that the lexicon also reads as another word (a homograph the engine could replace by mistake).
"""
from __future__ import annotations

import importlib
import math
import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wordfreq import word_frequency, zipf_frequency  # noqa: E402

from atypie.adapters import grammalecte as g  # noqa: E402
from atypie.adapters import lexicon  # noqa: E402
from atypie.falc import inflect  # noqa: E402

LANG_DIR = ROOT / "atypie" / "language" / "lang" / "fr"
FILE = LANG_DIR / "plain_words.txt"
SUBSTITUTIONS = LANG_DIR / "substitutions.txt"

HARD_MAX = 4.4  # « below about 4.3 »; nothing at 4.6 or more (already common)
PLAIN_MIN = 4.3
GAP = 0.7
HOMOGRAPH_SAME_CLASS = 3.0  # a homograph of the hard word is a problem when the other word is this common
HOMOGRAPH_OTHER_CLASS = 4.0  # … or this common, when it is of another class (the parse tells them apart)
NEGATION = {"ne", "n", "pas", "jamais", "rien", "aucun", "aucune", "sans", "non", "nul", "nulle", "nullement",
            "guère", "personne", "point"}
ELIDED = {"s", "l", "d", "qu", "j", "m", "t", "c"}
TENSES = (":Ip", ":Iq", ":Is", ":If", ":K", ":Sp", ":Sq", ":E")
PERSONS = (":1s", ":2s", ":3s", ":1p", ":2p", ":3p")
PRONOMINAL = set("pqruvex")  # 6th letter of Grammalecte's verb type: a pronominal use (x: possible)
LINE = re.compile(r"^(?P<lemma>[^:=|]+):(?P<cls>[^=]+)=(?P<values>.+)$")
REFLEXIVE = re.compile(r"^(?:se |s')")

g._import()
SPELL = g._engine().getSpellChecker()
CONJ = importlib.import_module("grammalecte.fr.conj")
MFSP = importlib.import_module("grammalecte.fr.mfsp")


@cache
def morph(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(lemma, tags) for each reading of `word`; a frequency mark after « ; » (":s;C") is dropped."""
    found = []
    for raw in SPELL.getMorph(word):
        parts = raw.split("/")
        if len(parts) >= 2 and parts[0].startswith(">"):
            found.append((parts[0][1:], tuple(t.split(";")[0] for t in parts[1].split(":")[1:])))
    return tuple(found)


def is_verb_tags(tags: tuple[str, ...]) -> bool:
    return bool(tags) and tags[0][:1] == "V" and tags[0][1:2].isdigit()


def has_class(word: str, cls: str) -> bool:
    """`word` is a lemma of class `cls` (an infinitive for V)."""
    for lemma, tags in morph(word):
        if lemma != word:
            continue
        if cls == "V" and is_verb_tags(tags) and "Y" in tags:
            return True
        if cls in ("A", "N") and cls in tags:
            return True
    return False


def genders(word: str, cls: str) -> set[str]:
    return {t for lemma, tags in morph(word) if lemma == word and cls in tags for t in tags if t in ("m", "f", "e")}


def numbers(word: str, cls: str) -> set[str]:
    return {t for lemma, tags in morph(word) if lemma == word and cls in tags for t in tags if t in ("s", "p", "i")}


def known(word: str) -> bool:
    return bool(morph(word)) or bool(SPELL.isValid(word))


def lexicon_form(lemma: str, cls: str, gender: str, number: str) -> str | None:
    """A form of `lemma` that the lexicon reads with this gender and number (any candidate spelling)."""
    candidates = list(inflect._candidates(lemma))
    for plural in (False, True):
        candidates += MFSP.getFemForm(lemma, plural) or []
    candidates += MFSP.getMiscPlural(lemma) or []
    candidates += [c + "s" for c in list(candidates)]
    for candidate in dict.fromkeys(candidates):
        for word, tags in morph(candidate):
            if (word == lemma and cls in tags and any(t in (gender, "e") for t in tags)
                    and any(t in (number, "i") for t in tags)):
                return candidate
    return None


@cache
def verb_forms(infinitive: str) -> frozenset[str]:
    forms = {infinitive}
    for tense in TENSES:
        for who in PERSONS:
            forms.add(g.conjugated(infinitive, tense, who))
    for who in (":m:s", ":m:p", ":f:s", ":f:p"):
        forms.add(g.conjugated(infinitive, ":Q", who))
    forms.add(g.conjugated(infinitive, ":P", ""))
    return frozenset(f for f in forms if f)


@cache
def forms_of(word: str, cls: str) -> frozenset[str]:
    if cls == "V":
        return verb_forms(word)
    found = {word}
    for gender in ("m", "f"):
        for number in ("s", "p"):
            form = lexicon_form(word, cls, gender, number)
            if form:
                found.add(form)
    return frozenset(found)


@cache
def zipf_lemma(word: str) -> float:
    return zipf_frequency(word, "fr")


@cache
def zipf_forms(word: str, cls: str) -> float:
    total = sum(word_frequency(form, "fr") for form in forms_of(word, cls))
    return round(math.log10(total) + 9, 2) if total > 0 else 0.0


def vtyp(infinitive: str) -> str:
    try:
        return CONJ.getVtyp(infinitive) or ""
    except (KeyError, IndexError):
        return ""


def split_words(value: str) -> list[str]:
    return [w for w in re.split(r"[ ']", value) if w]


def engine_notes(lemma: str, cls: str, head: str) -> list[str]:
    """What atypie/falc/inflect.py cannot do today with this pair, although the lexicon allows it."""
    notes = []
    if cls == "A":
        missing = [f"{gd}{nb}" for gd in ("m", "f") for nb in ("s", "p") if inflect.agreed(head, "A", gd, nb) is None]
        if missing:
            notes.append(f"the engine makes no {', '.join(missing)} form of « {head} »")
    elif cls == "N":
        gender = inflect.noun_gender(head) or "m"
        missing = [nb for nb in ("s", "p") if inflect.agreed(head, "N", gender, nb) is None]
        if missing:
            notes.append(f"the engine makes no {', '.join(missing)} form of « {head} »")
        if not any(r.kind == "N" and r.number in ("s", "p", "i") for r in lexicon.readings(lemma)):
            notes.append(f"the engine reads no number for « {lemma} » (never replaced)")
    return notes


_PLAIN_SPELLING = str.maketrans("îû", "iu")


def same_word(a: str, b: str) -> bool:
    """« accroître » and its 1990 spelling « accroitre » are one word."""
    return a.translate(_PLAIN_SPELLING) == b.translate(_PLAIN_SPELLING)


def homographs(lemma: str, cls: str) -> list[tuple[str, str, str]]:
    """(form, other lemma, its class) for each form of the hard word that the lexicon also reads as another word;
    a participle read as its own adjective (« accru », « démuni ») is the same word."""
    found = set()
    participle = g.conjugated(lemma, ":Q", ":m:s") if cls == "V" else ""
    for form in forms_of(lemma, cls):
        for other, tags in morph(form):
            if same_word(other, lemma) or (cls == "A" and ("Q" in tags or "P" in tags)) or other == participle:
                continue
            kind = "V" if is_verb_tags(tags) else ("N" if "N" in tags else ("A" if "A" in tags else None))
            if kind:
                found.add((form, other, kind))
    return sorted(found)


def check_value(lemma: str, cls: str, value: str, pronominal_key: bool) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    if value != value.lower():
        problems.append(f"value « {value} » is not lowercase")
    if "’" in value:
        problems.append(f"value « {value} » uses ’ (write ')")
    words = value.split()
    plain_reflexive = False
    if cls == "V":
        if words[0] == "se" and len(words) > 1:
            plain_reflexive, words = True, words[1:]
        elif words[0].startswith("s'") and len(words[0]) > 2:
            plain_reflexive, words = True, [words[0][2:]] + words[1:]
        head, others = words[0], words[1:]
    elif cls == "A":
        head, others = words[-1], words[:-1]
    else:
        head, others = words[0], words[1:]
    for word in split_words(value):
        if word in NEGATION:
            problems.append(f"value « {value} » has the negation word « {word} »")
        if word not in ELIDED and not known(word):
            problems.append(f"value « {value} »: « {word} » is unknown to Grammalecte")
    if not has_class(head, cls):
        problems.append(f"value « {value} »: « {head} » has no {cls} reading as a lemma")
        return problems, []
    # frequency
    hard_lemma, plain_lemma = zipf_lemma(lemma), zipf_lemma(head)
    hard_forms, plain_forms = zipf_forms(lemma, cls), zipf_forms(head, cls)
    by_lemma = plain_lemma >= PLAIN_MIN and plain_lemma >= hard_lemma + GAP
    by_forms = plain_forms >= PLAIN_MIN and plain_forms >= hard_forms + GAP
    if not (by_lemma or by_forms):
        problems.append(f"value « {value} »: « {head} » is not common enough (Zipf lemma {plain_lemma} vs "
                        f"{hard_lemma}, all forms {plain_forms} vs {hard_forms}; needs ≥ {PLAIN_MIN} and +{GAP})")
    for word in others:
        for part in split_words(word):
            if part not in ELIDED and zipf_lemma(part) < PLAIN_MIN:
                problems.append(f"value « {value} »: « {part} » is rare (Zipf {zipf_lemma(part)})")
    # agreement, gender, construction
    if cls == "A":
        missing = [f"{gd}{nb}" for gd in ("m", "f") for nb in ("s", "p") if lexicon_form(head, "A", gd, nb) is None]
        if missing:
            problems.append(f"value « {value} »: the lexicon has no {', '.join(missing)} form of « {head} »")
    elif cls == "N":
        hard_g, plain_g = genders(lemma, "N"), genders(head, "N")
        if len(plain_g) != 1 or plain_g == {"e"}:
            problems.append(f"value « {value} »: « {head} » has no single gender ({sorted(plain_g)}), "
                            "the engine cannot use it")
        elif not (hard_g & plain_g or "e" in hard_g):
            problems.append(f"value « {value} »: gender {sorted(plain_g)} ≠ « {lemma} » {sorted(hard_g)}")
        gender = next(iter(plain_g - {"e"}), "m")
        if lexicon_form(head, "N", gender, "p") is None:
            problems.append(f"value « {value} »: the lexicon has no plural of « {head} »")
        if "i" in numbers(lemma, "N") and "i" not in numbers(head, "N"):
            problems.append(f"value « {value} »: « {lemma} » is the same in the plural, « {head} » is not "
                            "(the engine cannot tell the number)")
    else:
        if not CONJ.isVerb(head):
            problems.append(f"value « {value} »: « {head} » is not a verb for conj.isVerb")
            return problems, []
        hard_t, plain_t = vtyp(lemma), vtyp(head)
        if plain_reflexive:
            if plain_t[5:6] not in PRONOMINAL:
                problems.append(f"value « {value} »: « {head} » has no pronominal use ({plain_t})")
        elif not pronominal_key:
            hard_i, hard_tr, hard_n = hard_t[2:3] == "i", hard_t[3:4] == "t", hard_t[4:5] in ("n", "x")
            plain_i, plain_tr = plain_t[2:3] == "i", plain_t[3:4] == "t"
            if hard_tr and not hard_i and not plain_tr:
                problems.append(f"value « {value} »: « {lemma} » takes a direct object ({hard_t}), "
                                f"« {head} » does not ({plain_t})")
            if hard_i and not hard_tr and not hard_n and not plain_i:
                problems.append(f"value « {value} »: « {lemma} » is intransitive ({hard_t}), "
                                f"« {head} » is not ({plain_t})")
            hard_be, plain_be = hard_t[7:8] == "e", plain_t[7:8] == "e"
            if hard_be != plain_be and not (plain_be and plain_t[8:9] == "a") and not (hard_be and hard_t[8:9] == "a"):
                problems.append(f"value « {value} »: « {lemma} » and « {head} » take different auxiliaries "
                                f"({'être' if hard_be else 'avoir'} / {'être' if plain_be else 'avoir'})")
            plain_n = plain_t[4:5] in ("n", "x")
            if hard_n and not hard_tr and not hard_i and not (plain_n or plain_i):
                problems.append(f"value « {value} »: « {lemma} » takes an indirect object ({hard_t}), "
                                f"« {head} » only a direct one ({plain_t})")
    return problems, engine_notes(lemma, cls, head)


def check_line(line: str, seen: dict, number: int, substitution_keys: set[str]) -> tuple[list[str], list[str]]:
    match = LINE.match(line)
    if not match:
        return [f"cannot parse « {line} » (want lemma:CLASS=plain|alternative)"], []
    lemma, cls, values = match["lemma"].strip(), match["cls"].strip(), match["values"]
    problems: list[str] = []
    notes: list[str] = []
    if cls not in ("A", "N", "V"):
        return [f"class « {cls} » is not A, N or V"], []
    if lemma != lemma.lower() or "’" in lemma:
        problems.append(f"key « {lemma} » must be lowercase with the apostrophe '")
    key = (lemma, cls)
    if key in seen:
        problems.append(f"key « {lemma}:{cls} » repeats line {seen[key]}")
    seen.setdefault(key, number)
    if lemma in substitution_keys:
        problems.append(f"key « {lemma} » is already a key of substitutions.txt")
    pronominal = bool(REFLEXIVE.match(lemma))
    if pronominal and cls != "V":
        problems.append(f"key « {lemma} »: only a verb can be pronominal")
    bare = REFLEXIVE.sub("", lemma)
    if not has_class(bare, cls):
        problems.append(f"« {bare} » has no {cls} reading as a lemma in Grammalecte's lexicon")
        return problems, notes
    if cls == "V" and not CONJ.isVerb(bare):
        problems.append(f"« {bare} » is not a verb for conj.isVerb")
    if cls == "N" and (len(genders(bare, "N")) != 1 or genders(bare, "N") == {"e"}):
        problems.append(f"« {bare} » has no single gender ({sorted(genders(bare, 'N'))}): "
                        "the engine never replaces it")
    if zipf_lemma(bare) >= HARD_MAX:
        problems.append(f"« {bare} » is already common (Zipf {zipf_lemma(bare)} ≥ {HARD_MAX})")
    plains = [v.strip() for v in values.split("|")]
    if not all(plains):
        problems.append("empty value")
    for value in filter(None, plains):
        if value in (bare, lemma):
            problems.append(f"value « {value} » is the word itself")
            continue
        found, noted = check_value(bare, cls, value, pronominal)
        problems += found
        notes += noted
    risky, rare = [], []
    for form, other, kind in homographs(bare, cls):
        text = f"{form} ({other}:{kind})"
        # The engine keeps the readings of the class the parse gives (« les consignes »: a noun, not « consigner »),
        # so a homograph of another class only matters where the parse is wrong: a problem when that other word
        # is very common (Zipf ≥ HOMOGRAPH_OTHER_CLASS). One of the same class (« recouvre »: « recouvrir » or
        # « recouvrer ») is not told apart at all: a problem from Zipf HOMOGRAPH_SAME_CLASS. A pronominal key is
        # only looked up after « se »: its homographs are only noted.
        limit = HOMOGRAPH_SAME_CLASS if kind == cls else HOMOGRAPH_OTHER_CLASS
        if not pronominal and zipf_lemma(other) >= limit:
            risky.append(text)
        else:
            rare.append(text)
    if risky:
        problems.append(f"« {bare} » has forms that are also another common word (the engine would replace "
                        f"them): {', '.join(risky)}")
    if rare:
        notes.append(f"« {bare} » has forms also read as another word (rare, or of a class the parse tells "
                     f"apart): {', '.join(rare)}")
    return problems, notes


def substitution_keys() -> set[str]:
    keys = set()
    for line in SUBSTITUTIONS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            keys.add(line.partition("=")[0].strip().lower().replace("’", "'"))
    return keys


def main(argv: list[str]) -> int:
    show_notes = "--notes" in argv
    paths = [a for a in argv if not a.startswith("--")]
    path = Path(paths[0]) if paths else FILE
    if not path.is_file():
        print(f"missing {path}")
        return 1
    subs = substitution_keys()
    seen: dict = {}
    problems, notes = [], []
    counts = {"A": 0, "N": 0, "V": 0}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        found, noted = check_line(line, seen, number, subs)
        problems += [f"line {number}: {p}" for p in found]
        notes += [f"line {number}: note: {n}" for n in noted]
        match = LINE.match(line)
        if match and match["cls"].strip() in counts:
            counts[match["cls"].strip()] += 1
    for problem in problems:
        print(problem)
    if show_notes:
        for note in notes:
            print(note)
    total = sum(counts.values())
    print(f"{total} entries: {counts['A']} adjectives (A), {counts['N']} nouns (N), {counts['V']} verbs (V); "
          f"{len(problems)} problem(s), {len(notes)} note(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
