"""Just enough French conjugation to put an idiom's plain meaning in the idiom's tense.

"ont porté leurs fruits" → "ont donné de bons résultats": the meaning's first verb (an infinitive in
the idiom list) takes the form of the idiom's verb. Regular -er and -ir verbs follow rules; common
irregular verbs come from a table. When a form is unknown, `None` tells the caller to keep the idiom
and explain it instead.
"""
from __future__ import annotations

# present (je, tu, il, nous, vous, ils), imperfect stem, future stem, past participle
_IRREGULAR = {
    "être": (("suis", "es", "est", "sommes", "êtes", "sont"), "ét", "ser", "été"),
    "avoir": (("ai", "as", "a", "avons", "avez", "ont"), "av", "aur", "eu"),
    "faire": (("fais", "fais", "fait", "faisons", "faites", "font"), "fais", "fer", "fait"),
    "aller": (("vais", "vas", "va", "allons", "allez", "vont"), "all", "ir", "allé"),
    "prendre": (("prends", "prends", "prend", "prenons", "prenez", "prennent"), "pren", "prendr", "pris"),
    "mettre": (("mets", "mets", "met", "mettons", "mettez", "mettent"), "mett", "mettr", "mis"),
    "dire": (("dis", "dis", "dit", "disons", "dites", "disent"), "dis", "dir", "dit"),
    "voir": (("vois", "vois", "voit", "voyons", "voyez", "voient"), "voy", "verr", "vu"),
    "savoir": (("sais", "sais", "sait", "savons", "savez", "savent"), "sav", "saur", "su"),
    "pouvoir": (("peux", "peux", "peut", "pouvons", "pouvez", "peuvent"), "pouv", "pourr", "pu"),
    "vouloir": (("veux", "veux", "veut", "voulons", "voulez", "veulent"), "voul", "voudr", "voulu"),
    "devoir": (("dois", "dois", "doit", "devons", "devez", "doivent"), "dev", "devr", "dû"),
    "venir": (("viens", "viens", "vient", "venons", "venez", "viennent"), "ven", "viendr", "venu"),
    "devenir": (("deviens", "deviens", "devient", "devenons", "devenez", "deviennent"), "deven", "deviendr",
                "devenu"),
    "tenir": (("tiens", "tiens", "tient", "tenons", "tenez", "tiennent"), "ten", "tiendr", "tenu"),
    "perdre": (("perds", "perds", "perd", "perdons", "perdez", "perdent"), "perd", "perdr", "perdu"),
    "rendre": (("rends", "rends", "rend", "rendons", "rendez", "rendent"), "rend", "rendr", "rendu"),
    "attendre": (("attends", "attends", "attend", "attendons", "attendez", "attendent"), "attend", "attendr",
                 "attendu"),
    "comprendre": (("comprends", "comprends", "comprend", "comprenons", "comprenez", "comprennent"), "compren",
                   "comprendr", "compris"),
    "partir": (("pars", "pars", "part", "partons", "partez", "partent"), "part", "partir", "parti"),
    "sortir": (("sors", "sors", "sort", "sortons", "sortez", "sortent"), "sort", "sortir", "sorti"),
    "dormir": (("dors", "dors", "dort", "dormons", "dormez", "dorment"), "dorm", "dormir", "dormi"),
    "mourir": (("meurs", "meurs", "meurt", "mourons", "mourez", "meurent"), "mour", "mourr", "mort"),
    "courir": (("cours", "cours", "court", "courons", "courez", "courent"), "cour", "courr", "couru"),
    "boire": (("bois", "bois", "boit", "buvons", "buvez", "boivent"), "buv", "boir", "bu"),
    "croire": (("crois", "crois", "croit", "croyons", "croyez", "croient"), "croy", "croir", "cru"),
    "vivre": (("vis", "vis", "vit", "vivons", "vivez", "vivent"), "viv", "vivr", "vécu"),
    "écrire": (("écris", "écris", "écrit", "écrivons", "écrivez", "écrivent"), "écriv", "écrir", "écrit"),
    "lire": (("lis", "lis", "lit", "lisons", "lisez", "lisent"), "lis", "lir", "lu"),
    "connaître": (("connais", "connais", "connaît", "connaissons", "connaissez", "connaissent"), "connaiss",
                  "connaîtr", "connu"),
    "réfléchir": (("réfléchis", "réfléchis", "réfléchit", "réfléchissons", "réfléchissez", "réfléchissent"),
                  "réfléchiss", "réfléchir", "réfléchi"),
}
_IMPERFECT = ("ais", "ais", "ait", "ions", "iez", "aient")
_FUTURE = ("ai", "as", "a", "ons", "ez", "ont")


def conjugate(infinitive: str, *, form: str, person: int = 3, plural: bool = False) -> str | None:
    """`form`: "inf", "pres", "imp", "fut" or "part"; `person` 1-3."""
    if form == "inf":
        return infinitive
    slot = person - 1 + (3 if plural else 0)
    table = _IRREGULAR.get(infinitive) or _regular(infinitive)
    if table is None:
        return None
    present, imperfect_stem, future_stem, participle = table
    if form == "pres":
        return present[slot]
    if form == "imp":
        return imperfect_stem + _IMPERFECT[slot]
    if form == "fut":
        return future_stem + _FUTURE[slot]
    if form == "part":
        return participle
    return None


def _regular(infinitive: str):
    if infinitive.endswith("er") and len(infinitive) > 3:
        stem = infinitive[:-2]
        soft = "e" if stem.endswith("g") else ""
        cedilla = stem[:-1] + "ç" if stem.endswith("c") else stem
        nous = (cedilla if stem.endswith("c") else stem + soft) + "ons"
        present = (stem + "e", stem + "es", stem + "e", nous, stem + "ez", stem + "ent")
        imperfect_stem = cedilla if stem.endswith("c") else stem + soft
        return present, imperfect_stem, infinitive, stem + "é"
    if infinitive.endswith("ir") and len(infinitive) > 3:
        stem = infinitive[:-2]
        present = (stem + "is", stem + "is", stem + "it", stem + "issons", stem + "issez", stem + "issent")
        return present, stem + "iss", infinitive, stem + "i"
    return None


def verb_form(token) -> tuple[str, int, bool] | None:
    """(form, person, plural) of a spaCy verb token, or None when it cannot be told."""
    morph = token.morph
    verb_form = morph.get("VerbForm")
    plural = "Plur" in morph.get("Number")
    if "Inf" in verb_form:
        return "inf", 3, False
    if "Part" in verb_form:
        return "part", 3, plural
    if "Fin" in verb_form:
        person = int((morph.get("Person") or ["3"])[0])
        tense = (morph.get("Tense") or ["Pres"])[0]
        form = {"Pres": "pres", "Imp": "imp", "Fut": "fut"}.get(tense)
        return (form, person, plural) if form else None
    return _from_ending(token.text.lower())


_ENDINGS = (("eraient", ("fut", 3, True)), ("aient", ("imp", 3, True)), ("ait", ("imp", 3, False)),
            ("eront", ("fut", 3, True)), ("era", ("fut", 3, False)), ("ons", ("pres", 1, True)),
            ("ez", ("pres", 2, True)), ("ent", ("pres", 3, True)), ("er", ("inf", 3, False)),
            ("ées", ("part", 3, True)), ("és", ("part", 3, True)), ("ée", ("part", 3, False)),
            ("é", ("part", 3, False)), ("e", ("pres", 3, False)))


def _from_ending(text: str) -> tuple[str, int, bool] | None:
    """The form of a regular -er verb told by its ending, when the tagger gave none."""
    for ending, form in _ENDINGS:
        if text.endswith(ending):
            return form
    return None
