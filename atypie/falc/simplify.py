"""`simplify` and `check`: the plain-language engine's entry points, returning typed results."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from ..backends import get_backend
from ..backends.base import StructuredTask
from ..errors import TextTooDense
from ..language.analysis import Analysis, analyse, analyse_rewrite
from ..profiles.model import Profile
from ..results import Notice
from .engine import Report, check_analysis
from .glossary import GlossaryEntry, complete, unexplained
from .grammar_reading import GrammarReading
from .guard import TO_CHECK, guard
from .meaning import MeaningCheck, check_meaning, key_terms
from .render import to_text
from .rewrite import Block, DiffEntry, Rewrite, joined, offline_rewrite

PART_CHARS = 20_000  # the text is simplified in parts of whole paragraphs: each answer stays well within its bounds
MAX_SENTENCES, MAX_TERMS = 2000, 600  # the most one answer may hold (prose gives up to ~12 entries per 100 words:
# some 400 for a full part; a word list gives many more)


@dataclass(frozen=True)
class CheckResult:
    lang: str
    profile_id: str
    report: Report
    readability: dict

    def to_dict(self) -> dict:
        return {"lang": self.lang, "profile": self.profile_id, "readability": self.readability,
                "report": self.report.to_dict()}


@dataclass(frozen=True)
class SimplifyResult:
    lang: str
    profile_id: str
    text: str
    blocks: list[Block]
    glossary: list[GlossaryEntry]
    readability: dict  # {"before": …, "after": …}
    report: Report  # the plain version, audited by the same rules
    meaning: MeaningCheck
    diff: list[DiffEntry]
    backend: str
    notices: list[Notice] = field(default_factory=list)
    unexplained: int = 0  # hard words of the glossary still « à expliquer »
    sentence_check: dict = field(default_factory=dict)  # the guard's counts: checked, repaired, unsplit, rolled back

    @property
    def sentences(self) -> list[str]:
        return Rewrite(self.blocks, [], [], set(), []).sentences

    def to_dict(self) -> dict:
        return {"lang": self.lang, "profile": self.profile_id, "text": self.text, "sentences": self.sentences,
                "blocks": [b.to_dict() for b in self.blocks], "glossary": [g.to_dict() for g in self.glossary],
                "readability": self.readability, "report": self.report.to_dict(), "meaning": self.meaning.to_dict(),
                "diff": [d.to_dict() for d in self.diff], "backend": self.backend,
                "notices": [n.to_dict(self.lang) for n in self.notices], "unexplained": self.unexplained,
                "sentence_check": self.sentence_check}


def check(text: str | bytes, profile: Profile, lang: str | None = None) -> CheckResult:
    analysis = analyse(text, lang)  # the text's language is detected, never assumed from the profile
    return CheckResult(analysis.lang, profile.id, check_analysis(analysis, profile), analysis.readability.to_dict())


def simplify(text: str | bytes, profile: Profile, lang: str | None = None,
             backend: str | None = None, course_glossary: dict[str, str] | None = None) -> SimplifyResult:

    analysis = analyse(text, lang)  # the text's language is detected, never assumed from the profile
    engine = get_backend(backend)
    parts = analysis.parts(PART_CHARS)
    reading = GrammarReading(analysis.lang)  # the grammar of the rewrite is read while the rewrite goes on
    tasks = [SimplifyTask(part, profile, sections=len(parts) == 1, on_entry=reading.read_entry)  # else `joined`
             for part in parts]  # makes the sections
    outcomes, rewrites = [], []
    for task in tasks:
        outcomes.append(engine.run(task))
        rewrites.append(task.rewrite_for(outcomes[-1].value))
        reading.read(rewrites[-1])
    rewrite = rewrites[0] if len(rewrites) == 1 else joined(rewrites, analysis, profile)
    notices = list(dict.fromkeys(notice for outcome in outcomes for notice in outcome.notices))
    answered = all(outcome.backend == engine.id for outcome in outcomes)  # a failing model is not asked again
    rewrite, defined = complete(rewrite, analysis, profile, engine if answered else None, course_glossary)
    notices += [n for n in defined if n not in notices]
    plain = to_text([b for b in rewrite.blocks if b.kind != "section"], [], analysis.lang).strip()
    after = analyse_rewrite(plain, analysis) if plain else None  # copied sentences keep their tags
    rewrite, guarded = guard(analysis, rewrite, after, reading)  # no sentence in worse French than its source
    reading.close()
    if guarded.changed:  # only the sentences the guard changed are read again
        plain = to_text([b for b in rewrite.blocks if b.kind != "section"], [], analysis.lang).strip()
        after = analyse_rewrite(plain, after, analysis)
    meaning = check_meaning(analysis, plain, [g.term for g in rewrite.glossary], rewrite.explanatory_numbers, after,
                            rewrite.replaced_words, tuple(guarded.not_applicable))
    report = check_analysis(after, profile) if after is not None else Report(analysis.lang)
    if not meaning.ok:
        notices.append(_meaning_notice(meaning))
    for original in rewrite.reviews:
        notices.append(Notice("idiom-explained", fr=f"« {original} » : expression gardée avec son sens, à vérifier.",
                              en=f"“{original}”: expression kept with its meaning, to be checked."))
    if guarded.rolled_back:
        marker = TO_CHECK.get(analysis.lang, TO_CHECK["fr"])
        notices.append(Notice("sentences-kept", fr=f"{guarded.rolled_back} phrase(s) gardée(s) telle(s) quelle(s) : "
                              f"la version simple était moins correcte. Elles sont marquées « {marker} ».",
                              en=f"{guarded.rolled_back} sentence(s) kept as written: the plain version was less "
                              f"correct. They are marked “{marker}”."))
    if any(g.needs_review for g in rewrite.glossary):
        left = unexplained(rewrite.glossary)
        notices.append(Notice("glossary-to-explain", fr=f"{left} mot(s) du glossaire reste(nt) « à expliquer ».",
                              en=f"{left} glossary word(s) still “to be explained”."))
    return SimplifyResult(
        lang=analysis.lang, profile_id=profile.id,
        text=to_text(rewrite.blocks, rewrite.glossary, analysis.lang),
        blocks=rewrite.blocks, glossary=rewrite.glossary,
        readability={"before": analysis.readability.to_dict(),
                     "after": after.readability.to_dict() if after is not None else None},
        report=report, meaning=meaning, diff=rewrite.diff, notices=notices, unexplained=unexplained(rewrite.glossary),
        sentence_check=guarded.to_dict(),
        backend="+".join(dict.fromkeys(outcome.backend for outcome in outcomes)))


def _meaning_notice(meaning: MeaningCheck) -> Notice:
    return Notice("meaning-check", fr="Sens à vérifier : " + " ; ".join(meaning.problems("fr")) + ".",
                  en="Meaning to be checked: " + "; ".join(meaning.problems("en")) + ".")


# --- the task a language model may do instead of the offline rewrite -------------------------------

class Term(BaseModel):
    term: str = Field(max_length=120)
    definition: str = Field(max_length=400)


class SimplifyAnswer(BaseModel):
    sentences: list[str] = Field(max_length=MAX_SENTENCES)
    glossary: list[Term] = Field(default_factory=list, max_length=MAX_TERMS)


class SimplifyTask(StructuredTask[SimplifyAnswer]):
    name = "simplify"
    schema = SimplifyAnswer

    def __init__(self, analysis: Analysis, profile: Profile, sections: bool = True,
                 on_entry: Callable[[DiffEntry], None] | None = None) -> None:
        super().__init__(analysis.text, analysis.lang)
        self.analysis = analysis
        self.profile = profile
        self.sections = sections  # whether the rewrite cuts the text into sections (not for a part of a text)
        self.on_entry = on_entry  # sees each sentence of the offline rewrite as it is written
        self._offline: Rewrite | None = None

    def offline_rewrite(self) -> Rewrite:
        if self._offline is None:
            self._offline = offline_rewrite(self.analysis, self.profile, sections=self.sections,
                                            on_entry=self.on_entry)
        return self._offline

    def offline(self) -> SimplifyAnswer:
        rewrite = self.offline_rewrite()
        if len(rewrite.sentences) > MAX_SENTENCES or len(rewrite.glossary) > MAX_TERMS:
            raise TextTooDense()  # not prose: e.g. thousands of words listed in a few pages
        return SimplifyAnswer(sentences=rewrite.sentences,
                              glossary=[Term(term=g.term, definition=g.definition) for g in rewrite.glossary])

    def rewrite_for(self, answer: SimplifyAnswer) -> Rewrite:
        """The offline rewrite itself when the answer is its own; else a rewrite built from the model's answer."""
        if self._offline is not None and answer == self.offline():
            return self._offline
        glossary = [GlossaryEntry(t.term, t.definition, "modèle", "mistral") for t in answer.glossary]
        blocks = [Block("paragraph", [s.strip() for s in answer.sentences if s.strip()])]
        diff = [DiffEntry(self.analysis.text, blocks[0].sentences, [g.term for g in glossary], ["backend"])]
        return Rewrite(blocks, glossary, diff, set(), [])

    def instructions(self) -> str:
        text = self.profile.text
        terms = ", ".join(key_terms(self.analysis)[:40])
        if self.lang == "en":
            return (f"Rewrite the document in plain language (easy-to-read). Sentences of at most "
                    f"{text.max_words_per_sentence} words, one idea per sentence, everyday words, active voice, "
                    "no idioms or metaphors, no brackets. Keep every number exactly, keep every negation, "
                    f"keep these key terms or define them in the glossary: {terms}. Add nothing that is not in the "
                    "document. Put hard words in the glossary with a short definition.")
        return (f"Réécris le document en français facile à lire et à comprendre (FALC). Phrases de "
                f"{text.max_words_per_sentence} mots au plus, une idée par phrase, mots courants, voix active, "
                "pas d'expressions imagées, pas de parenthèses. Garde chaque nombre exactement, garde chaque "
                f"négation, garde ces mots clés ou définis-les dans le glossaire : {terms}. N'ajoute rien qui ne "
                "soit pas dans le document. Mets les mots difficiles dans le glossaire avec une définition courte.")

    def problems(self, answer: SimplifyAnswer) -> list[str]:
        plain = " ".join(answer.sentences)
        if not plain.strip():
            return ["no sentences"]
        meaning = check_meaning(self.analysis, plain, [t.term for t in answer.glossary], set())
        problems = meaning.problems(self.lang)
        limit = self.profile.text.max_words_per_sentence
        long = [s for s in answer.sentences if len(s.split()) > limit + 3]
        if long:
            problems.append(f"{len(long)} sentences longer than {limit} words" if self.lang == "en" else
                            f"{len(long)} phrases de plus de {limit} mots")
        return problems
