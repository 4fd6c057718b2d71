"""Terms and named links of a concept map, read on real French sentences."""
import pytest

from atypie.diagrams.extract.terms import terms_and_links
from atypie.language.analysis import analyse


def read(text):
    terms, links = terms_and_links(analyse(text, "fr"))
    labels = {key: term.label for key, term in terms.items()}
    return terms, {(labels[link.source], link.label, labels[link.target]) for link in links}


def test_terms_keep_their_adjectives_and_bare_complements():
    terms, _ = read("La politique monétaire agit sur l'inflation. On sépare les blocs d'instructions par "
                    "l'indentation.")
    labels = {term.label for term in terms.values()}
    assert {"Politique monétaire", "Blocs d'instructions", "Inflation", "Indentation"} <= labels


def test_an_acronym_skips_the_small_words_of_its_expansion_and_spells_a_participle():
    terms, _ = read("La pneumonie acquise en communauté (PAC) est une inflammation du poumon. La PAC est fréquente.")
    assert any(t.label == "Pneumonie acquise en communauté (PAC)" for t in terms.values())


def test_a_term_the_text_defines_is_a_term_and_ranks_higher():
    text = ("La pneumonie vient souvent d'une aspiration, mais lorsque le patient a avalé beaucoup de liquide, "
            "on l'appelle pneumonie d'aspiration. Le patient tousse.")
    terms, _ = read(text)
    defined = next(t for t in terms.values() if t.label == "Pneumonie d'aspiration")
    assert defined.defined and defined.score > next(t for t in terms.values() if t.label == "Liquide").score


def test_an_acronym_joins_the_words_it_spells():
    terms, _ = read("La programmation orientée objet (POO) structure les programmes. La POO utilise des classes.")
    term = next(t for t in terms.values() if "POO" in t.label)
    assert term.label == "Programmation orientée objet (POO)" and len(term.mentions) >= 2


@pytest.mark.parametrize("text, link", [
    ("La fermentation transforme le sucre en alcool.", ("Fermentation", "transforme", "Sucre")),  # named by its verb
    ("Le virus ne produit pas son énergie.", ("Virus", "ne produit pas", "Énergie")),  # the negation stays
    ("La mitochondrie produit l'ATP. Elle possède son propre ADN.", ("Mitochondrie", "possède", "ADN")),  # a pronoun
    # reaches back to the last subject; a term completed by another through a participle is linked to it
    ("Le mécanisme est l'aspiration de contenu provenant des voies respiratoires supérieures.",
     ("Aspiration de contenu", "provenant de", "Voies respiratoires supérieures")),
    # « acquise » is read as the root: the predicate noun has no subject in the parse, the surface gives it
    ("La pneumonie acquise en communauté (PAC) est une inflammation aiguë du poumon chez un patient.",
     ("Pneumonie acquise en communauté (PAC)", "est une", "Inflammation aiguë")),
])
def test_a_link_is_read_with_its_words(text, link):
    _, links = read(text)
    assert link in links


def test_labels_are_clean():
    terms, links = read("Le constat de l'auteur porte sur la lisibilité d'un code (voir **Python** : "
                        "https://exemple.invalid/gain). Supposez que la valeur de l'or change.")
    for term in terms.values():
        words = term.label.split()
        assert 1 <= len(words) <= 6 and not words[-1].endswith("'")
        assert not any(mark in term.label for mark in ("*", "http", "/", "Supposez"))


def test_a_defined_term_keeps_what_its_relative_clause_says():
    _, links = read("La photosynthèse est le processus qui permet aux plantes de synthétiser leur matière organique.")
    assert ("Photosynthèse", "permet de synthétiser", "Matière organique") in links


def test_a_vague_noun_that_ends_the_text_is_read_without_error():
    terms, _ = read("Il manque une partie")
    assert all(term.label for term in terms.values())


def test_a_past_participle_that_names_a_kind_is_part_of_the_term_and_a_verb_is_never_a_term():
    terms, _ = read("Les sociétés civilisées se sont transformées. Supposez que la valeur de l'or change. "
                    "Au xie siècle, les marchands se sont multipliés.")
    labels = {term.label for term in terms.values()}
    assert {"Sociétés civilisées", "Xie siècle"} <= labels and "Supposez" not in labels


def test_link_labels_hold_words_only_and_elide_before_a_vowel():
    from atypie.diagrams.extract.terms import _verb_label
    assert _verb_label(["contient", "« d'"]) == "contient"
    assert _verb_label(["présente", "de", "expliquer"]) == "présente d'expliquer"


def test_words_the_text_puts_in_quotation_marks_are_terms():
    terms, _ = read("On définit un objet « citron » qui contient les attributs « saveur » et « couleur », ainsi "
                    "qu'une méthode « presser ».")
    quoted = {term.label for term in terms.values() if term.quoted}
    assert {"Citron", "Saveur", "Couleur", "Presser"} <= quoted


def test_an_adjective_the_tagger_read_as_a_noun_or_verb_stays_with_its_noun():
    terms, _ = read("La solidarité mécanique ne lie pas les hommes. Une infection bactérienne touche le patient.")
    labels = {term.label for term in terms.values()}
    assert {"Solidarité mécanique", "Infection bactérienne"} <= labels
    terms, _ = read("Les lignes forment un pont.")  # « forment » is a verb, whatever its tag
    assert "Lignes forment" not in {term.label for term in terms.values()}


def test_a_clause_with_its_own_subject_lends_no_verb_to_another_link():
    _, links = read("Les marchands fondent des établissements sur lesquels on sait peu de chose ; au xie siècle, "
                    "ils se sont multipliés.")
    assert not any(label.startswith("sait ") for _, label, _ in links)


def test_a_naming_participle_is_not_part_of_the_term():
    terms, _ = read("La croûte est divisée en plusieurs parties appelées « plaques tectoniques ».")
    labels = {term.label for term in terms.values()}
    assert "Parties" in labels and "Plaques tectoniques" in labels and "Parties appelées" not in labels


def test_a_fronted_time_is_not_a_subject_and_a_link_stops_at_the_next_clause():
    _, links = read("La nuit, la photosynthèse est suspendue, mais la plante respire de manière continue.")
    assert not any(source == "Nuit" for source, _, _ in links)  # « la nuit » says when, not what
    assert ("Photosynthèse", "suspendue", "Plante") not in links  # « mais la plante … » is another clause


def test_a_superlative_adjective_is_no_notion():
    terms, _ = read("Si la différence de densité est trop importante, la plus dense plongera dans le manteau.")
    assert {term.label for term in terms.values()} == {"Différence de densité", "Manteau"}


def test_a_bare_noun_completes_the_complement_of_a_term():
    terms, _ = read("La production de dioxyde de carbone issue de la respiration est faible.")
    assert "Production de dioxyde de carbone" in {term.label for term in terms.values()}


def test_a_demonstrative_names_again_the_last_term_its_noun_heads():
    terms, links = read("Elle a été adoptée par l'Assemblée générale des Nations unies. Cette assemblée réunit des "
                        "représentants de chaque pays.")
    term = next(t for t in terms.values() if t.label == "Assemblée générale des Nations unies")
    assert len(term.mentions) == 2 and not any(t.label == "Assemblée" for t in terms.values())
    assert ("Assemblée générale des Nations unies", "réunit des", "Représentants") in links


def test_a_bare_noun_names_again_the_one_longer_term_it_heads_unless_it_was_named_alone_first():
    terms, _ = read("La croûte se divise en plaques tectoniques. Les plaques bougent lentement.")
    term = next(t for t in terms.values() if t.label == "Plaques tectoniques")
    assert len(term.mentions) == 2 and not any(t.label == "Plaques" for t in terms.values())
    terms, _ = read("La croûte est solide. La croûte continentale est faite de granite.")
    assert {"Croûte", "Croûte continentale"} <= {t.label for t in terms.values()}


def test_capitalised_names_and_coordinated_adjectives_stay_in_the_term():
    terms, _ = read("Les villes du Moyen Âge opposent leur organisation sociale et économique à celle des campagnes.")
    labels = {t.label for t in terms.values()}
    assert {"Villes du Moyen Âge", "Organisation sociale et économique"} <= labels, labels


def test_a_preposition_made_of_a_noun_and_a_pointing_noun_are_no_terms():
    terms, _ = read("Elle progresse par suite de la régression de la conscience collective. Ce résultat est connu.")
    labels = {t.label for t in terms.values()}
    assert "Régression de la conscience collective" in labels and not labels & {"Suite", "Résultat"}, labels


def test_a_label_keeps_the_text_s_own_apostrophe():
    terms, _ = read("La valeur de l’or a changé.")
    assert "Valeur de l’or" in {t.label for t in terms.values()}


def test_names_in_quotation_marks_after_a_term_and_a_participle_after_a_comma_are_linked_to_it():
    _, links = read("On définit un objet qui contient les attributs « saveur » et « couleur ». Les plaques font partie "
                    "de la croûte continentale, essentiellement composée de granite.")
    assert {("Attributs", "comme", "Saveur"), ("Attributs", "comme", "Couleur"),
            ("Croûte continentale", "composée de", "Granite")} <= links, links
    assert not any(label in ("d'", "d’") for _, label, _ in links)


def test_an_object_pronoun_and_a_coordinated_subject_are_linked_to_what_they_name():
    _, links = read("Les villes du Moyen Âge présentent un spectacle très différent. Le commerce et l’industrie les "
                    "ont faites.")
    assert {("Commerce", "ont faites", "Villes du Moyen Âge"),
            ("Industrie", "ont faites", "Villes du Moyen Âge")} <= links, links
    _, links = read("Le roi signe un traité. La reine les a reçus.")  # no plural subject before: no guess
    assert not any(target == "Roi" for _, _, target in links)


def test_an_adjective_that_could_also_be_a_verb_form_stays_in_its_term():
    terms, _ = read("Les premières colonies marchandes se sont formées en Flandre. La crise économique entraîne le "
                    "chômage.")
    labels = {t.label for t in terms.values()}
    assert {"Premières colonies marchandes", "Crise économique"} <= labels, labels


def test_a_rare_adjective_said_of_a_subject_is_a_notion_linked_to_it_and_a_common_one_is_not():
    _, links = read("Il devient évident que la solidarité sociale tend à devenir exclusivement organique.")
    assert ("Solidarité sociale", "tend à devenir", "Organique") in links, links
    terms, _ = read("Ce résultat est important. Là où elle est le plus résistante, la solidarité lie les hommes.")
    assert not {"Important", "Résistante"} & {t.label for t in terms.values()}


def test_a_link_through_a_governed_verb_keeps_that_verb_s_se():
    _, links = read("La photosynthèse peut se faire dans les plantes et les algues.")
    assert ("Photosynthèse", "peut se faire", "Plantes") in links, links


def test_a_bare_noun_is_the_term_the_text_names_on_purpose_with_it():
    terms, links = read("Selon le modèle de la tectonique des plaques, la croûte est divisée en parties appelées "
                        "« plaques tectoniques ». Les plaques sont constituées de basalte.")
    assert "plaque" not in terms and len(terms["plaque tectonique"].mentions) == 3
    assert ("Plaques tectoniques", "sont constituées de", "Basalte") in links
    kept, _ = read("La croûte est divisée en plaques. La croûte continentale est faite de granite.")
    assert {"croûte", "croûte continental"} <= set(kept)  # « croûte continentale » is not named on purpose


@pytest.mark.parametrize(("text", "link"), [
    ("Les montagnes sont issues de la déformation de la croûte.",
     ("Montagnes", "sont issues de", "Déformation de la croûte")),
    ("Les continents ont toujours été présents à la surface de la Terre.",
     ("Continents", "présents à", "Surface de la Terre")),
])
def test_an_adjective_said_of_a_subject_links_it_to_the_complement_of_that_adjective(text, link):
    assert link in read(text)[1]


def test_a_negated_adjective_gives_no_link_that_would_drop_its_negation():
    _, links = read("Les montagnes ne sont pas issues de la déformation de la croûte.")
    assert not any(label.endswith("issues de") for _, label, _ in links)


def test_a_name_after_a_common_noun_says_which_one_and_stays_in_its_term():
    terms, links = read("Le langage de programmation Python a été créé en 1989 par Guido van Rossum.")
    assert ("Langage de programmation Python", "a été créé", "Guido van Rossum") in links


def test_c_est_at_the_start_of_a_sentence_names_the_subject_of_the_sentence_before_but_not_in_a_cleft():
    _, links = read("La photosynthèse est un processus des plantes. C'est la fabrication de matière organique.")
    assert ("Photosynthèse", "est la", "Fabrication de matière organique") in links
    _, cleft = read("La photosynthèse est un processus des plantes. C'est la lumière qui permet cette fabrication.")
    assert not any(source == "Photosynthèse" and target == "Lumière" for source, _, target in cleft)


def test_a_subject_the_tagger_calls_an_adjective_is_a_term_but_not_cette_derniere():
    terms, _ = read("Les besoins de la plante sont l'eau et les minéraux. Les végétaux chlorophylliens sont dits "
                    "autotrophes pour le carbone.")
    assert "Végétaux chlorophylliens" in {t.label for t in terms.values()}
    pointing, _ = read("La convention a été signée par les pays. Cette dernière ne doit pas être modifiée.")
    assert "Dernière" not in {t.label for t in pointing.values()}


def test_a_passive_infinitive_keeps_its_etre_in_the_label():
    _, links = read("La décroissance radioactive peut être modélisée à l'aide d'une loi exponentielle.")
    assert any(label == "peut être modélisée" for _, label, _ in links), links


def test_a_verb_coordinated_to_another_shares_its_subject():
    _, links = read("Les plantes absorbent l'eau et rejettent le dioxygène.")
    assert {("Plantes", "absorbent", "Eau"), ("Plantes", "rejettent", "Dioxygène")} <= links
    _, links = read("Leur température peut augmenter lentement, mais il faut beaucoup de chaleur.")
    assert not any(label.startswith("faut") for _, label, _ in links)  # « il faut »: an impersonal subject


@pytest.mark.parametrize(("text", "link"), [
    ("Le juge examine la demande.", ("Juge", "examine", "Demande")),  # « examine »: read as a noun
    ("La photosynthèse utilise l'énergie solaire.", ("Photosynthèse", "utilise", "Énergie solaire")),  # an adjective
    ("La Cour de cassation contrôle l'application du droit mais ne juge pas les faits.",
     ("Cour de cassation", "ne juge pas", "Faits")),
])
def test_a_verb_the_tagger_read_as_a_noun_or_adjective_still_links_its_subject(text, link):
    assert link in read(text)[1]


def test_an_adjective_after_a_noun_is_not_read_as_a_verb():
    _, links = read("Un point fixe de la droite reste sur la droite.")
    assert not any(label.startswith("fixe") for _, label, _ in links)


def test_a_gerund_links_the_subject_of_its_sentence_past_a_naming_phrase():
    _, links = read("L'utilisation de classes évite l'utilisation de variables globales en créant ce qu'on appelle "
                    "un espace de noms, propre à chaque objet.")
    assert ("Utilisation de classes", "en créant", "Espace de noms") in links
    assert ("Utilisation de classes", "évite", "Utilisation de variables globales") in links
    assert not any(source == "Utilisation de classes" and target == "Objet" for source, _, target in links)


@pytest.mark.parametrize(("text", "link"), [
    ("Les plaques qui font partie des continents sont épaisses.", ("Plaques", "font partie de", "Continents")),
    ("Ces nuisances portent atteinte à l'intégrité physique de la personne.",
     ("Nuisances", "portent atteinte à", "Intégrité physique de la personne")),
])
def test_a_bare_noun_after_its_verb_is_part_of_the_link(text, link):
    _, links = read(text)
    assert link in links
    assert not any(label in ("font", "portent à") for _, label, _ in links)


def test_a_name_after_a_naming_verb_is_not_read_into_the_link():
    _, links = read("On ajoute un décalage appelé indentation par rapport à la ligne précédente.")
    assert not any("appelé indentation" in label for _, label, _ in links)


@pytest.mark.parametrize(("text", "link"), [
    ("La tectonique n'a jamais expliqué le volcanisme.", ("Tectonique", "n'a jamais expliqué", "Volcanisme")),
    ("La tectonique n'explique jamais le volcanisme.", ("Tectonique", "n'explique jamais", "Volcanisme")),
    ("Les champignons ne sont pas des végétaux.", ("Champignons", "ne sont pas des", "Végétaux")),
    ("Le virus n'est jamais une cellule.", ("Virus", "n'est jamais une", "Cellule")),
])
def test_a_negated_link_says_its_own_negation_and_verb(text, link):
    assert link in read(text)[1]


def test_point_after_ne_is_a_negation_never_a_verb():
    _, links = read("Les villes n’ont point cessé de croître sous leur influence.")
    assert not any("point" in label for _, label, _ in links)


def test_a_vague_noun_that_stands_for_the_next_term_stays_in_the_link_label():
    _, links = read("Les montagnes sont issues de la déformation de la croûte à cause de la rencontre de deux "
                    "plaques.")  # « cause » stands for « rencontre »; the label is the whole « à cause de »
    assert ("Déformation de la croûte", "à cause de", "Rencontre de deux plaques") in links


def test_a_verbal_locution_names_no_notion_and_a_purpose_is_not_what_the_subject_does():
    terms, links = read("Ces moyens doivent être mis en œuvre pour garantir l'application des droits de l'enfant.")
    assert "Œuvre" not in {term.label for term in terms.values()}
    assert not any(source == "Moyens" for source, _, _ in links)  # before « Moyens — doivent pour → Application »


def test_a_complement_after_an_infinitive_is_said_with_that_infinitive():
    _, links = read("La POO permet de produire du code plus compact.")  # the parse gives « code » to « permet »
    assert ("POO", "permet de produire", "Code") in links


@pytest.mark.parametrize(("text", "link"), [
    ("Une relation peut être vue comme un tableau à deux dimensions.", ("Relation", "peut être vue", "Tableau")),
    ("La nature de ces informations doit permettre d'arriver aux mêmes résultats.",
     ("Nature", "doit permettre d'arriver", "Résultats")),
    ("La liberté d'expression peut être restreinte dans certains cas.",
     ("Liberté d'expression", "peut être", "Restreinte")),
])
def test_a_modal_verb_is_said_with_the_verbs_it_governs(text, link):
    _, links = read(text)
    assert link in links, links  # before « peut comme », « doivent aux », « peut »


def test_a_gerund_is_never_read_into_the_infinitive_before_it():
    _, links = read("La photosynthèse permet aux plantes de synthétiser leur matière organique en exploitant "
                    "l'énergie solaire.")
    assert ("Photosynthèse", "en exploitant", "Énergie solaire") in links


def test_the_text_pointing_at_itself_names_no_notion():
    terms, _ = read("Voyez l'exemple suivant. Comme dans les chapitres précédents, une liste contient des éléments.")
    labels = {term.label for term in terms.values()}
    assert not {"Exemple suivant", "Chapitres précédents"} & labels and {"Liste", "Éléments"} <= labels
