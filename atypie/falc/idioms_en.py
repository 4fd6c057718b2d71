"""English idioms replaced in place. English text has no tags, so the form of the idiom's words in the sentence
tells the verb's form and the noun's number; the meaning's first verb (after its -ly adverbs) takes that form, and
a noun meaning takes the sentence's determiner ("went through the roof" → "rose very fast", "these grey areas" →
"these unclear cases")."""
from __future__ import annotations

from .rules.idiom import IRREGULAR, english_forms, meaning_without_marker

_EN_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our",
                   "their", "such", "another", "each", "every", "no", "any", "some"}
_EN_AUXILIARIES = {"has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being", "am", "get",
                   "gets", "got", "getting", "'s", "'ve", "'d"}
_EN_DOUBLE = {"stop", "cut", "get", "put", "run", "set", "sit", "hit", "win", "begin", "plan", "drop", "shut", "swim",
              "dig", "fit", "slip", "step", "split", "forget", "rub", "tip", "trim", "grab", "nip", "chip"}
_EN_AFTER_HEAD = {"of", "that", "which", "who", "where", "with", "for", "to", "in", "on", "from", "about",
                  "compared", "than", "between", "at", "by", "without"}


def english_idiom(match) -> tuple[int, int, str]:
    """(start, end, plain text) replacing an English idiom match."""
    doc = match.first.doc
    first = match.first
    meaning = meaning_without_marker(match.meanings[0])
    chunks = match.idiom.split()
    words = chunks[1:] if match.article_dropped else chunks
    verb_token = doc[min(first.i + 2 * words[0].count("-"), len(doc) - 1)]
    verb = words[0].split("-")[-1]
    form = next((f for base, f in english_forms(verb_token.text) if base == verb), "")
    noun_meaning = meaning.split()[0].lower() in ("a", "an", "the")
    nominal = match.article_dropped or (len(words) > 1 and words[1] == "of") or noun_meaning
    if form == "" and not nominal and verb in IRREGULAR and IRREGULAR[verb][0] == verb:
        form = _english_unmarked(verb_token)  # "the study shed light on" is a past
    verbal_be = not nominal and _english_verb_word(meaning) == "be"  # "firms that play a key role" → "are"
    if not noun_meaning and (form in ("ed", "past", "part", "ing") or (form == "s" and not nominal) or verbal_be):
        return (match.start, match.end, _english_verbal(meaning, form, verb, verb_token))
    tokens = [t for t in doc if match.start <= t.idx < match.end and t.text not in ("-", "–")]
    plural = any(t.text.lower() != w and (w, "s") in english_forms(t.text)
                 for t, w in ((tokens[0], words[0].split("-")[0]), (tokens[-1], words[-1].split("-")[-1])))
    parts = meaning.split()
    own = parts[0].lower() if parts[0].lower() in ("a", "an", "the") else None
    body = " ".join(parts[1:] if own else parts)
    if plural:
        body = _english_plural(body)
    previous = doc[first.i - 1] if first.i > 0 else None
    determiner = previous.text.lower() if previous is not None and previous.text.lower() in _EN_DETERMINERS else None
    if determiner in ("a", "an"):
        text = body if plural or own is None else f"{_english_article(body)} {body}"
        return (previous.idx, match.end, text)
    if determiner == "the" and own in ("a", "an", "the"):
        return (previous.idx, match.end, f"the {body}")
    if determiner is not None or (plural and own in ("a", "an")) or (
            match.article_dropped and _english_determiner_near(first)):
        return (match.start, match.end, body)  # "the biggest wake-up call" → "the biggest warning"
    if own in ("a", "an") and not match.article_dropped and len(words) == 1 and not plural:
        return (match.start, match.end, body)  # "is cornerstone" is rare: keep as written
    return (match.start, match.end, f"{own} {body}" if own else body)


_EN_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"}
_EN_HAVE = {"has", "have", "had", "having", "'ve"}


def _english_unmarked(token) -> str:
    """The form of a verb whose past is its base ("cut", "set", "shed"), told by the words before it."""
    doc = token.doc
    j = token.i - 1
    while j >= 0 and (doc[j].text.lower() in _EN_SKIPPED or doc[j].text.lower().endswith("ly")):
        j -= 1
    before = doc[j].text.lower() if j >= 0 else ""
    if before in _EN_HAVE or before in _EN_BE:
        return "part"  # "has set the stage", "was put on hold"
    if before in _EN_BASE_BEFORE or j < 0:
        return ""
    subject = _english_subject_word(token)
    plural_noun = len(subject) > 3 and subject.endswith("s") and not subject.endswith("ss")
    if subject in ("i", "you", "we", "they") or subject in _EN_PLURAL_SUBJECTS or (
            plural_noun and subject not in _EN_NOT_PLURAL):
        return ""
    return "past" if subject.isalpha() else ""


def _english_determiner_near(token) -> bool:
    """A determiner one or two words before the noun ("the biggest wake-up call")."""
    doc = token.doc
    for j in range(token.i - 2, max(token.i - 3, -1), -1):
        if doc[j].is_punct:
            return False
        if doc[j].text.lower() in _EN_DETERMINERS:
            return True
    return False


def _english_article(text: str) -> str:
    word = text.split()[0].lower() if text.split() else ""
    vowel = word[:1] in "aeiou" and not word.startswith(("uni", "use", "usu", "one", "eu")) or word.startswith(
        ("hour", "honest", "honour", "honor"))
    return "an" if vowel else "a"


def _english_plural(body: str) -> str:
    """The meaning's head noun in the plural: the word before its first complement ("a warning to act" →
    "warnings to act")."""
    words = body.split()
    head = next((i - 1 for i, w in enumerate(words) if i > 0 and w.lower() in _EN_AFTER_HEAD), len(words) - 1)
    word = words[head]
    irregular = {"person": "people", "child": "children", "man": "men", "woman": "women", "basis": "bases",
                 "crisis": "crises", "analysis": "analyses"}
    after = head + 2  # "a warning that makes you act" → "warnings that make you act"
    if after < len(words) and words[head + 1].lower() in ("that", "which", "who"):
        verb = words[after]
        base = verb[:-3] + "y" if verb.endswith("ies") else verb[:-2] if verb.endswith(("ches", "shes", "sses", "xes")) \
            else verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb
        words[after] = {"is": "are", "was": "were", "has": "have", "does": "do", "goes": "go"}.get(verb, base)
    if word in irregular:
        words[head] = irregular[word]
    elif word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        words[head] = word[:-1] + "ies"
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        words[head] = word + "es"
    else:
        words[head] = word + "s"
    return " ".join(words)


def _english_verbal(meaning: str, form: str, idiom_verb: str, token) -> str:
    """The meaning with its first verb in the idiom verb's form."""
    words = meaning.split()
    index = next((i for i, w in enumerate(words) if not w.endswith("ly")), 0)
    words[index] = _english_inflect(words[index], form, idiom_verb, token)
    return " ".join(words)


def _english_verb_word(meaning: str) -> str:
    return next((w for w in meaning.split() if not w.endswith("ly")), "")


_EN_SKIPPED = {"not", "n't", "also", "often", "still", "always", "never", "already", "further", "even", "now"}
_EN_BASE_BEFORE = {"to", "will", "can", "could", "would", "should", "may", "might", "must", "'ll", "'d", "do",
                   "does", "did", "shall", "cannot"}
_EN_PLURAL_SUBJECTS = {"they", "we", "you", "these", "those", "both", "many", "several", "people", "others"}
_EN_NOT_PLURAL = {"is", "was", "has", "this", "its", "his", "us", "thus", "always", "news", "economics",
                  "politics", "perhaps", "as", "whereas", "yes"}


def _english_subject_word(token) -> str:
    """The word before the verb, over adverbs and relative pronouns ("firms that often played" → "firms")."""
    doc = token.doc
    j = token.i - 1
    while j >= 0 and (doc[j].text.lower() in _EN_SKIPPED or doc[j].text.lower().endswith("ly")
                      or doc[j].text.lower() in ("that", "which", "who")):
        j -= 1
    return doc[j].text.lower() if j >= 0 else ""


def _english_be(form: str, token) -> str:
    if form == "s":
        return "is"
    if form == "ing":
        return "being"
    if form == "part":
        return "been"
    doc = token.doc
    j = token.i - 1
    while j >= 0 and (doc[j].text.lower() in _EN_SKIPPED or doc[j].text.lower().endswith("ly")):
        j -= 1
    before = doc[j].text.lower() if j >= 0 else ""
    if form == "" and before in _EN_BASE_BEFORE:
        return "be"
    subject = _english_subject_word(token)
    plural = subject in _EN_PLURAL_SUBJECTS or (len(subject) > 3 and subject.endswith("s") and not
                                                 subject.endswith("ss") and subject not in _EN_NOT_PLURAL)
    if form == "":
        return "am" if subject == "i" else "are"
    return "were" if plural or subject == "you" else "was"


def _english_inflect(verb: str, form: str, idiom_verb: str, token) -> str:
    if verb == idiom_verb:
        return token.text.lower()  # the same verb: keep the sentence's own form ("was", "are", "had")
    if form == "ed":
        doc = token.doc
        before = {doc[j].text.lower() for j in range(max(token.i - 3, 0), token.i)}
        form = "part" if before & _EN_AUXILIARIES else "past"
    if verb == "be":
        return _english_be(form, token)
    if form == "s":
        special = {"be": "is", "have": "has", "do": "does", "go": "goes"}
        if verb in special:
            return special[verb]
        if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
            return verb[:-1] + "ies"
        return verb + ("es" if verb.endswith(("s", "x", "z", "ch", "sh", "o")) else "s")
    if form == "ing":
        if verb.endswith("ie"):
            return verb[:-2] + "ying"
        if verb in _EN_DOUBLE:
            return verb + verb[-1] + "ing"
        if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
            return verb[:-1] + "ing"
        return verb + "ing"
    if form in ("past", "part"):
        if verb in IRREGULAR:
            return IRREGULAR[verb][0 if form == "past" else 1]
        if verb in _EN_DOUBLE:
            return verb + verb[-1] + "ed"
        if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
            return verb[:-1] + "ied"
        return verb + ("d" if verb.endswith("e") else "ed")
    return verb
