"""Just enough French conjugation to put an idiom's plain meaning in the idiom's tense.

"ont porté leurs fruits" → "ont donné de bons résultats": the meaning's first verb (an infinitive in
the idiom list) takes the form of the idiom's verb. Regular -er verbs follow rules; common irregular verbs come
from a table; the other verbs (« retenir », « décevoir », « fuir ») from Grammalecte's conjugation tables when it
is installed, else the -ir rule of « finir ». When a form is unknown, `None` tells the caller to keep the idiom
and explain it instead.
"""
from __future__ import annotations

from ..adapters import grammalecte

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
    "ouvrir": (("ouvre", "ouvres", "ouvre", "ouvrons", "ouvrez", "ouvrent"), "ouvr", "ouvrir", "ouvert"),
    "offrir": (("offre", "offres", "offre", "offrons", "offrez", "offrent"), "offr", "offrir", "offert"),
    "couvrir": (("couvre", "couvres", "couvre", "couvrons", "couvrez", "couvrent"), "couvr", "couvrir", "couvert"),
    "découvrir": (("découvre", "découvres", "découvre", "découvrons", "découvrez", "découvrent"), "découvr",
                  "découvrir", "découvert"),
    "battre": (("bats", "bats", "bat", "battons", "battez", "battent"), "batt", "battr", "battu"),
    "suivre": (("suis", "suis", "suit", "suivons", "suivez", "suivent"), "suiv", "suivr", "suivi"),
    "naître": (("nais", "nais", "naît", "naissons", "naissez", "naissent"), "naiss", "naîtr", "né"),
    "servir": (("sers", "sers", "sert", "servons", "servez", "servent"), "serv", "servir", "servi"),
    "sentir": (("sens", "sens", "sent", "sentons", "sentez", "sentent"), "sent", "sentir", "senti"),
    "tendre": (("tends", "tends", "tend", "tendons", "tendez", "tendent"), "tend", "tendr", "tendu"),
    "entendre": (("entends", "entends", "entend", "entendons", "entendez", "entendent"), "entend", "entendr",
                 "entendu"),
    "répondre": (("réponds", "réponds", "répond", "répondons", "répondez", "répondent"), "répond", "répondr",
                 "répondu"),
    "descendre": (("descends", "descends", "descend", "descendons", "descendez", "descendent"), "descend",
                  "descendr", "descendu"),
    "vendre": (("vends", "vends", "vend", "vendons", "vendez", "vendent"), "vend", "vendr", "vendu"),
    "dépendre": (("dépends", "dépends", "dépend", "dépendons", "dépendez", "dépendent"), "dépend", "dépendr",
                 "dépendu"),
    "paraître": (("parais", "parais", "paraît", "paraissons", "paraissez", "paraissent"), "paraiss", "paraîtr",
                 "paru"),
    "apparaître": (("apparais", "apparais", "apparaît", "apparaissons", "apparaissez", "apparaissent"),
                   "apparaiss", "apparaîtr", "apparu"),
    "disparaître": (("disparais", "disparais", "disparaît", "disparaissons", "disparaissez", "disparaissent"),
                    "disparaiss", "disparaîtr", "disparu"),
    "conduire": (("conduis", "conduis", "conduit", "conduisons", "conduisez", "conduisent"), "conduis",
                 "conduir", "conduit"),
    "produire": (("produis", "produis", "produit", "produisons", "produisez", "produisent"), "produis",
                 "produir", "produit"),
    "réduire": (("réduis", "réduis", "réduit", "réduisons", "réduisez", "réduisent"), "réduis", "réduir",
                "réduit"),
    "construire": (("construis", "construis", "construit", "construisons", "construisez", "construisent"),
                   "construis", "construir", "construit"),
    "détruire": (("détruis", "détruis", "détruit", "détruisons", "détruisez", "détruisent"), "détruis",
                 "détruir", "détruit"),
    "rompre": (("romps", "romps", "rompt", "rompons", "rompez", "rompent"), "romp", "rompr", "rompu"),
    "vaincre": (("vaincs", "vaincs", "vainc", "vainquons", "vainquez", "vainquent"), "vainqu", "vaincr",
                "vaincu"),
    "atteindre": (("atteins", "atteins", "atteint", "atteignons", "atteignez", "atteignent"), "atteign",
                  "atteindr", "atteint"),
    "craindre": (("crains", "crains", "craint", "craignons", "craignez", "craignent"), "craign", "craindr",
                 "craint"),
    "plaire": (("plais", "plais", "plaît", "plaisons", "plaisez", "plaisent"), "plais", "plair", "plu"),
    "recevoir": (("reçois", "reçois", "reçoit", "recevons", "recevez", "reçoivent"), "recev", "recevr", "reçu"),
    "obtenir": (("obtiens", "obtiens", "obtient", "obtenons", "obtenez", "obtiennent"), "obten", "obtiendr",
                "obtenu"),
    "revenir": (("reviens", "reviens", "revient", "revenons", "revenez", "reviennent"), "reven", "reviendr",
                "revenu"),
    "soutenir": (("soutiens", "soutiens", "soutient", "soutenons", "soutenez", "soutiennent"), "souten",
                 "soutiendr", "soutenu"),
    "apprendre": (("apprends", "apprends", "apprend", "apprenons", "apprenez", "apprennent"), "appren",
                  "apprendr", "appris"),
    "surprendre": (("surprends", "surprends", "surprend", "surprenons", "surprenez", "surprennent"), "surpren",
                   "surprendr", "surpris"),
    "permettre": (("permets", "permets", "permet", "permettons", "permettez", "permettent"), "permett",
                  "permettr", "permis"),
    "promettre": (("promets", "promets", "promet", "promettons", "promettez", "promettent"), "promett",
                  "promettr", "promis"),
    "remettre": (("remets", "remets", "remet", "remettons", "remettez", "remettent"), "remett", "remettr",
                 "remis"),
    "valoir": (("vaux", "vaux", "vaut", "valons", "valez", "valent"), "val", "vaudr", "valu"),
    "falloir": (("faut", "faut", "faut", "faut", "faut", "faut"), "fall", "faudr", "fallu"),
    "répandre": (("répands", "répands", "répand", "répandons", "répandez", "répandent"), "répand", "répandr",
                 "répandu"),
    "asseoir": (("assieds", "assieds", "assied", "asseyons", "asseyez", "asseyent"), "assey", "assiér", "assis"),
}

# passé simple stem (3rd person singular = stem + "t", plural = stem + "rent"); regular -er and -ir verbs follow
# rules, -re verbs whose stem is not here get none (the caller then keeps the idiom for review)
_PAST_STEM = {"être": "fu", "avoir": "eu", "faire": "fi", "prendre": "pri", "mettre": "mi", "dire": "di",
              "voir": "vi", "savoir": "su", "pouvoir": "pu", "vouloir": "voulu", "devoir": "du", "venir": "vin",
              "devenir": "devin", "tenir": "tin", "revenir": "revin", "obtenir": "obtin", "soutenir": "soutin",
              "perdre": "perdi", "rendre": "rendi", "attendre": "attendi", "comprendre": "compri",
              "apprendre": "appri", "surprendre": "surpri", "permettre": "permi", "promettre": "promi",
              "remettre": "remi", "partir": "parti", "sortir": "sorti", "dormir": "dormi", "mourir": "mouru",
              "courir": "couru", "boire": "bu", "croire": "cru", "vivre": "vécu", "écrire": "écrivi", "lire": "lu",
              "connaître": "connu", "ouvrir": "ouvri", "offrir": "offri", "couvrir": "couvri",
              "découvrir": "découvri", "battre": "batti", "suivre": "suivi", "naître": "naqui", "servir": "servi",
              "sentir": "senti", "tendre": "tendi", "entendre": "entendi", "répondre": "répondi",
              "descendre": "descendi", "vendre": "vendi", "dépendre": "dépendi", "paraître": "paru",
              "apparaître": "apparu", "disparaître": "disparu", "conduire": "conduisi", "produire": "produisi",
              "réduire": "réduisi", "construire": "construisi", "détruire": "détruisi", "rompre": "rompi",
              "vaincre": "vainqui", "atteindre": "atteigni", "craindre": "craigni", "plaire": "plu",
              "recevoir": "reçu", "répandre": "répandi", "valoir": "valu", "falloir": "fallu", "asseoir": "assi"}
# present subjunctive of the verbs that do not build it on the "ils" form of the present
_SUBJUNCTIVE = {
    "être": ("sois", "sois", "soit", "soyons", "soyez", "soient"),
    "avoir": ("aie", "aies", "ait", "ayons", "ayez", "aient"),
    "faire": ("fasse", "fasses", "fasse", "fassions", "fassiez", "fassent"),
    "aller": ("aille", "ailles", "aille", "allions", "alliez", "aillent"),
    "pouvoir": ("puisse", "puisses", "puisse", "puissions", "puissiez", "puissent"),
    "savoir": ("sache", "saches", "sache", "sachions", "sachiez", "sachent"),
    "vouloir": ("veuille", "veuilles", "veuille", "voulions", "vouliez", "veuillent"),
    "valoir": ("vaille", "vailles", "vaille", "valions", "valiez", "vaillent"),
    "falloir": ("faille", "faille", "faille", "faille", "faille", "faille"),
}
_PRESENT_PARTICIPLE = {"être": "étant", "avoir": "ayant", "savoir": "sachant"}
_CIRCUMFLEX = {"a": "â", "i": "î", "u": "û"}
_IMPERFECT = ("ais", "ais", "ait", "ions", "iez", "aient")
_FUTURE = ("ai", "as", "a", "ons", "ez", "ont")


FORMS = ("pres", "imp", "ps", "fut", "cond", "subj", "ppr", "part", "inf")


def conjugate(infinitive: str, *, form: str, person: int = 3, plural: bool = False) -> str | None:
    """`form`: "inf", "pres", "imp", "ps" (passé simple), "fut", "cond", "subj" (present subjunctive),
    "ppr" (present participle) or "part" (past participle); `person` 1-3."""
    if form == "inf":
        return infinitive
    slot = person - 1 + (3 if plural else 0)
    if infinitive not in _IRREGULAR and not infinitive.endswith("er"):
        found = _from_grammalecte(infinitive, form, slot)
        if found is not None:
            return found or None
    table = _IRREGULAR.get(infinitive) or _regular(infinitive)
    if table is None:
        return None
    present, imperfect_stem, future_stem, participle = table
    if form == "pres":
        return present[slot]
    if form == "imp":
        ending = _IMPERFECT[slot]
        if ending.startswith("i") and infinitive.endswith(("ger", "cer")):  # « mangions », « placions »
            imperfect_stem = imperfect_stem[:-1] + ("c" if imperfect_stem.endswith("ç") else "") \
                if imperfect_stem.endswith(("ge", "ç")) else imperfect_stem
        return imperfect_stem + ending
    if form == "fut":
        return future_stem + _FUTURE[slot]
    if form == "cond":
        return future_stem + _IMPERFECT[slot]
    if form == "part":
        return participle
    if form == "ppr":
        return _PRESENT_PARTICIPLE.get(infinitive) or present[3][:-3] + "ant"
    if form == "subj":
        if infinitive in _SUBJUNCTIVE:
            return _SUBJUNCTIVE[infinitive][slot]
        stem = present[5][:-3] if slot not in (3, 4) else imperfect_stem
        return stem + ("e", "es", "e", "ions", "iez", "ent")[slot]
    if form == "ps":
        return _passe_simple(infinitive, slot)
    return None


_GRAMMALECTE_TENSES = {"pres": ":Ip", "imp": ":Iq", "ps": ":Is", "fut": ":If", "cond": ":K", "subj": ":Sp",
                       "ppr": ":P", "part": ":Q"}


def _from_grammalecte(infinitive: str, form: str, slot: int) -> str | None:
    """The form from Grammalecte's tables; "" when they do not know the verb, None when Grammalecte is absent."""
    if not grammalecte.available():
        return None
    who = {"ppr": ":P", "part": ":m:s"}.get(form, f":{slot % 3 + 1}{'p' if slot >= 3 else 's'}")
    return grammalecte.conjugated(infinitive, _GRAMMALECTE_TENSES[form], who)


def _passe_simple(infinitive: str, slot: int) -> str | None:
    stem = _PAST_STEM.get(infinitive)
    if stem is None and infinitive.endswith("er") and infinitive not in _IRREGULAR or infinitive == "aller":
        base = infinitive[:-2]
        base = base[:-1] + "ç" if base.endswith("c") else base + ("e" if base.endswith("g") else "")
        plain = infinitive[:-2]
        return (base + "ai", base + "as", base + "a", base + "âmes", base + "âtes", plain + "èrent")[slot]
    if stem is None and infinitive.endswith("ir") and infinitive not in _IRREGULAR and len(infinitive) > 3:
        stem = infinitive[:-2] + "i"
    if stem is None:
        return None
    last = max(i for i, ch in enumerate(stem) if ch in "aiu")
    hat = stem[:last] + _CIRCUMFLEX[stem[last]] + stem[last + 1:]
    return (stem + "s", stem + "s", stem + "t", hat + "mes", hat + "tes", stem + "rent")[slot]


def forms_of(infinitive: str, text: str) -> list[tuple[str, int, bool]]:
    """Every (form, person, plural) of `infinitive` written `text` ("fit" → passé simple, 3rd singular)."""
    text = text.lower().replace("’", "'")
    found = []
    for form in FORMS:
        for plural in (False, True):
            for person in (3, 1, 2):
                if form in ("inf", "ppr", "part") and (person != 3 or plural):
                    continue
                word = conjugate(infinitive, form=form, person=person, plural=plural)
                if word == text or (form == "part" and word and text in (word + "e", word + "s", word + "es")):
                    found.append((form, person, plural or (form == "part" and text.endswith("s"))))
    return found


_DOUBLING = {"appeler", "rappeler", "jeter", "rejeter", "projeter", "épeler", "renouveler"}


def _regular(infinitive: str):
    if infinitive.endswith("er") and len(infinitive) > 3:
        stem = infinitive[:-2]
        soft = "e" if stem.endswith("g") else ""
        cedilla = stem[:-1] + "ç" if stem.endswith("c") else stem
        nous = (cedilla if stem.endswith("c") else stem + soft) + "ons"
        strong, future = _strong_stem(infinitive, stem)
        present = (strong + "e", strong + "es", strong + "e", nous, stem + "ez", strong + "ent")
        imperfect_stem = cedilla if stem.endswith("c") else stem + soft
        return present, imperfect_stem, future, stem + "é"
    if infinitive.endswith("ir") and len(infinitive) > 3:
        stem = infinitive[:-2]
        present = (stem + "is", stem + "is", stem + "it", stem + "issons", stem + "issez", stem + "issent")
        return present, stem + "iss", infinitive, stem + "i"
    return None


def _strong_stem(infinitive: str, stem: str) -> tuple[str, str]:
    """The stem of the stressed present forms and the future: "lève", "cède", "appelle", "paie"."""
    if stem.endswith("y") and not stem.endswith("ey"):
        strong = stem[:-1] + "i"
        return strong, (strong + "er" if infinitive not in ("envoyer", "renvoyer") else stem[:-1] + "err")
    if infinitive in _DOUBLING:
        strong = stem + stem[-1]
        return strong, strong + "er"
    if len(stem) > 2 and stem[-2] in "eé" and stem[-1] not in "aeiouyé" and stem[-3] not in "aeiouyé":
        strong = stem[:-2] + "è" + stem[-1]
        return strong, (strong if stem[-2] == "e" else stem) + "er"
    return stem, infinitive


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
