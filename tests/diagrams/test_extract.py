"""Offline extraction: kind detection and one strategy per kind, French and English, Markdown lists."""
import re

import pytest

from atypie.diagrams.extract import detect_kind, extract
from atypie.language.analysis import analyse

CASES = [
    ("fr", "process", "Pour faire du vin, on récolte d'abord les raisins. Ensuite, on les presse pour obtenir du jus. "
                      "Puis le jus fermente dans des cuves. Enfin, on met le vin en bouteilles.",
     ["jus", "cuves", "bouteilles"]),
    ("fr", "hierarchy", "Les roches se divisent en trois familles : les roches magmatiques, les roches "
                        "sédimentaires et les roches métamorphiques.",
     ["roches magmatiques", "roches sédimentaires", "roches métamorphiques"]),
    ("fr", "cause_effect", "La déforestation provoque l'érosion des sols. L'érosion entraîne la baisse des "
                           "rendements agricoles.", ["déforestation", "érosion", "rendements"]),
    ("fr", "timeline", "En 1789, la Révolution française commence. En 1804, Napoléon devient empereur. En 1815, "
                       "il perd la bataille de Waterloo. En 1848, la Deuxième République est proclamée.",
     ["1789", "1804", "1815", "1848"]),
    ("fr", "comparison", "Les plantes produisent de l'oxygène, alors que les animaux consomment de l'oxygène.",
     ["plantes", "animaux"]),
    ("fr", "concept_map", "La mitochondrie est un organite. La mitochondrie produit l'énergie de la cellule. "
                          "Le noyau contient l'ADN.", ["mitochondrie", "organite", "noyau", "adn"]),
    ("en", "process", "First, the water evaporates. Then it condenses into clouds. Finally, it falls as rain.",
     ["evaporates", "clouds", "rain"]),
    ("en", "cause_effect", "Deforestation causes soil erosion. Soil erosion leads to lower harvests.",
     ["deforestation", "erosion", "harvests"]),
]


@pytest.mark.parametrize("lang, kind, text, concepts", CASES, ids=lambda c: c if isinstance(c, str) and len(c) < 14
                         else None)
def test_kind_and_concepts(lang, kind, text, concepts):
    analysis = analyse(text, lang)
    assert detect_kind(analysis) == kind
    graph = extract(analysis)
    labels = " | ".join(n.label.lower() for n in graph.nodes)
    assert all(concept in labels for concept in concepts), labels
    assert graph.edges
    for node in graph.nodes:
        assert len(node.label.split()) <= 6 and node.start is not None


def test_process_steps_follow_the_text():
    graph = extract(analyse(CASES[0][2], "fr"))
    assert [e.kind for e in graph.edges] == ["next"] * (len(graph.nodes) - 1)
    assert [n.start for n in graph.nodes] == sorted(n.start for n in graph.nodes)


def test_markdown_lists_map_to_a_hierarchy():
    graph = extract(analyse("# La cellule\n\n- Noyau\n  - ADN\n- Cytoplasme\n  - Mitochondrie\n  - Ribosome", "fr"))
    assert graph.kind == "hierarchy" and graph.title == "La cellule"
    parent = {e.target: e.source for e in graph.edges}
    label = {n.id: n.label for n in graph.nodes}
    assert {label[child]: label[parent[child]] for child in parent} == {
        "Noyau": "La cellule", "ADN": "Noyau", "Cytoplasme": "La cellule", "Mitochondrie": "Cytoplasme",
        "Ribosome": "Cytoplasme"}


def test_forced_kind_and_labels_are_the_texts_own_words():
    text = "La photosynthèse produit du dioxygène. Les feuilles contiennent de la chlorophylle."
    graph = extract(analyse(text, "fr"), "concept_map")
    for node in graph.nodes:
        assert all(word.lower() in text.lower() for word in node.label.split())


def test_nested_classification_with_examples():
    text = ("En géologie, on distingue trois grandes familles de roches : les roches magmatiques, les roches "
            "sédimentaires et les roches métamorphiques. Les roches magmatiques se divisent en roches plutoniques, "
            "comme le granite, et en roches volcaniques, comme le basalte.")
    graph = extract(analyse(text, "fr"))
    label = {n.id: n.label for n in graph.nodes}
    pairs = {(label[e.source], label[e.target]) for e in graph.edges}
    assert ("Roches magmatiques", "Roches plutoniques") in pairs and ("Roches plutoniques", "Granite") in pairs
    assert ("Roches volcaniques", "Basalte") in pairs


def test_causal_chain_across_sentences_skips_vague_words():
    text = ("La combustion des énergies fossiles rejette de grandes quantités de dioxyde de carbone. Cette hausse du "
            "dioxyde de carbone renforce l'effet de serre, ce qui provoque un réchauffement climatique.")
    graph = extract(analyse(text, "fr"), "cause_effect")
    label = {n.id: n.label.lower() for n in graph.nodes}
    chain = [(label[e.source], label[e.target]) for e in graph.edges]
    assert ("combustion des énergies fossiles", "dioxyde de carbone") in chain
    assert ("dioxyde de carbone", "effet de serre") in chain
    assert not any("quantités" in a or "hausse" in a for a, _ in chain)


def test_comparison_sides_have_their_properties():
    text = ("Le climat océanique présente des hivers doux, alors que le climat continental connaît des hivers très "
            "froids.")
    graph = extract(analyse(text, "fr"))
    label = {n.id: n.label for n in graph.nodes}
    pairs = {(label[e.source], label[e.target], e.kind) for e in graph.edges}
    assert ("Climat océanique", "Climat continental", "contrast") in pairs
    assert ("Climat océanique", "Hivers doux", "relation") in pairs
    assert ("Climat continental", "Hivers très froids", "relation") in pairs


@pytest.mark.parametrize("text", [
    "La guerre provoque une crise économique. La crise entraîne le chômage. Par conséquent, la pauvreté augmente.",
    "Le soleil chauffe l'océan. En effet, l'eau s'évapore. Par exemple, la vapeur forme des nuages.",
])
def test_linking_phrases_never_become_notions(text):
    labels = {node.label.lower() for node in extract(analyse(text, "fr")).nodes}
    assert not labels & {"conséquent", "effet", "exemple"}, labels


def test_markdown_notes_give_clean_labels_and_skip_code():
    notes = ("# Les dictionnaires\n\n## Définition\n\n- **Ligne 1**. On définit un dictionnaire `d`.\n"
             "- Fonction `len()` : voir [la doc](https://docs.python.org).\n\n```python\n# un commentaire\n"
             "- pas un item\n```\n\n## Code 2 {.unnumbered}\n")
    graph = extract(analyse(notes, "fr"))
    assert graph.kind == "hierarchy"
    assert [n.label for n in graph.nodes] == ["Les dictionnaires", "Définition", "Ligne 1", "Fonction len()",
                                              "Code 2"]


@pytest.mark.parametrize("text, kind, reason", [
    ("En 1789, la Révolution commence. En 1804, Napoléon devient empereur.", "timeline", "2 dates dans le texte"),
    ("La guerre provoque une crise. La crise entraîne le chômage.", "cause_effect", "« entraîne »"),
    ("La mitochondrie est un organite de la cellule.", "concept_map", "aucun repère"),
    ("# Cours\n\n- Noyau\n- Cytoplasme", "hierarchy", "titres et listes"),
    # content signs: a cause verb in any form, decades as dates, a list announced by a colon
    ("Les pluies ont entraîné des crues. Ces crues ont aussi provoqué des dégâts.", "cause_effect",
     "« entraîné », « provoqué »"),
    ("Le terme est apparu au début des années 60. Les disques durs datent de la fin des années 50.", "timeline",
     "2 dates"),
    ("Plusieurs facteurs jouent sur la réussite : la motivation, le sommeil, les connaissances, etc.", "hierarchy",
     "« réussite : la motivation, … »"),
])
def test_the_graph_says_why_it_chose_its_kind(text, kind, reason):
    graph = extract(analyse(text, "fr"))
    assert graph.kind == kind and reason in graph.reason
    assert graph.to_dict()["reason"] == graph.reason


def test_markers_are_found_elided_and_with_typographic_apostrophes():
    from atypie.diagrams.extract.common import count

    assert count("puisqu'il pleut, puisqu’elle part", ["puisqu'"]) == 2  # the elided form, either apostrophe
    assert count("d’abord la pâte, ensuite le four", ["d'abord"]) == 1
    assert count("jusqu'ici", ["qu'"]) == 0  # a marker is a whole word: not the end of « jusqu' »
    assert count("L’organisation l’entraîne, qu'entraîne-t-elle ?", ["entraîne"]) == 2  # after an elided word
    assert count("aujourd'hui", ["hui"]) == 0


def test_a_decade_is_a_date_and_never_a_detail_of_its_event():
    graph = extract(analyse("Les disques durs apparaissent à la fin des années 50. Le terme « base de données » "
                            "naît au début des années 60.", "fr"))
    events = [n.label for n in graph.nodes if n.kind == "event"]
    assert graph.kind == "timeline" and [e.split(" : ")[0] for e in events] == ["Années 50", "Années 60"], events
    assert not any("années" in n.label.lower() for n in graph.nodes if n.kind == "detail")


def test_step_labels_are_whole_verb_phrases_of_the_text():
    text = ("Il faut d'abord souligner le rôle du noyau. Ensuite, la cellule se divise en deux cellules filles. "
            "Enfin, les cellules grandissent.")
    graph = extract(analyse(text, "fr"), "process")
    assert [n.label for n in graph.nodes] == ["Souligner le rôle du noyau", "Se diviser en deux cellules filles",
                                              "Grandir"]


def test_an_english_event_is_named_by_the_name_it_holds():
    text = ("For example, the Equal Pay Act of 1963 said that employers must pay men and women alike. "
            "The Civil Rights Act of 1964 prohibits employment discrimination.")
    graph = extract(analyse(text, "en"), "timeline")
    assert [n.label for n in graph.nodes] == ["Equal Pay Act of 1963", "Civil Rights Act of 1964"]


def test_a_concept_map_joins_each_term_of_a_sentence_to_that_sentence_s_main_term():
    text = ("La photosynthèse est le processus qui permet aux plantes de fabriquer de la matière organique. "
            "La photosynthèse utilise l'énergie solaire, l'eau et le dioxyde de carbone.")
    graph = extract(analyse(text, "fr"), "concept_map")
    ids = {node.label: node.id for node in graph.nodes}
    joined = {frozenset((e.source, e.target)) for e in graph.edges}
    assert {frozenset((ids["Photosynthèse"], ids[label])) for label in ("Eau", "Énergie solaire")} <= joined


def test_every_edge_of_a_concept_map_points_to_the_sentence_it_was_read_in():
    text = "La fermentation transforme le sucre en alcool. La levure produit la fermentation."
    graph = extract(analyse(text, "fr"), "concept_map")
    assert graph.edges and all(edge.sentence in (0, 1) for edge in graph.edges)
    assert graph.to_dict()["edges"][0]["sentence"] == graph.edges[0].sentence


def test_a_markdown_heading_over_prose_draws_the_prose_with_the_heading_as_title():
    text = ("## Définition\n\nopen-box-def\n\n\\index{liste} Une **liste** est une structure de données qui "
            "contient une collection d'objets Python. On la déclare avec des crochets, par exemple `[1, 2]`.\n\n"
            "```python\n>>> animaux = ['girafe', 'tigre']\n```\n")
    analysis = analyse(text, "fr")
    graph = extract(analysis)
    labels = [node.label for node in graph.nodes]
    assert graph.title == "Définition" and "Liste" in labels and "Structure de données" in labels
    assert not any(mark in label for label in labels for mark in ("*", "`", "\\", "index", "girafe", "box"))
    assert all(analysis.text[n.start:n.end].lower() == n.label.lower() for n in graph.nodes if n.start is not None)


def test_hierarchy_items_keep_participles_and_point_to_their_own_words():
    text = ("Le climat est une notion large. On distingue trois types de climats : le climat tropical, le climat "
            "tempéré et le climat polaire.")
    analysis = analyse(text, "fr")
    items = {n.label: analysis.text[n.start:n.end] for n in extract(analysis).nodes if n.kind == "item"}
    assert items == {"Climat tropical": "climat tropical", "Climat tempéré": "climat tempéré",
                     "Climat polaire": "climat polaire"}


def test_a_list_ending_on_etc_and_a_linking_word_give_no_node():
    text = "Bien sûr, il existe de nombreux autres types : les booléens, les nombres complexes, etc."
    labels = [node.label for node in extract(analyse(text, "fr"), "hierarchy").nodes]
    assert "Etc" not in labels and "Bien sûr" not in labels


def test_centuries_are_dated_events_in_their_order():
    graph = extract(analyse("Au xe siècle, les marchands fondent des établissements le long des rivières. Au xiie "
                            "siècle, les villes obtiennent des chartes de franchise. Au xie siècle, les bourgs se "
                            "multiplient dans la région flamande.", "fr"))
    events = [n.label for n in graph.nodes if n.kind == "event"]
    assert graph.kind == "timeline" and events == ["Xe siècle : Marchands", "Xie siècle : Bourgs",
                                                   "Xiie siècle : Chartes de franchise"], events
    assert not {"Long des rivières", "Xiie"} & {n.label for n in graph.nodes}


def test_a_timeline_with_one_dated_sentence_is_drawn_as_a_concept_map():
    graph = extract(analyse("Les marchands fondent, au xe siècle, des établissements ; au xie siècle, ils se sont "
                            "multipliés. La vie commerciale l'emporte sur la vie agricole.", "fr"), "timeline")
    assert graph.kind == "timeline" and not any(n.kind == "event" for n in graph.nodes)
    assert {"Vie commerciale", "Vie agricole"} <= {n.label for n in graph.nodes}


def test_an_event_whose_name_holds_its_date_is_labelled_by_that_name():
    graph = extract(analyse("The Equal Pay Act of 1963 said that employers must pay men and women the same. The Civil "
                            "Rights Act of 1964 prohibits employment discrimination. The Age Discrimination in "
                            "Employment Act of 1967 prohibited discrimination on the basis of age.", "en"))
    assert [n.label for n in graph.nodes] == ["Equal Pay Act of 1963", "Civil Rights Act of 1964",
                                              "1967: Age Discrimination in Employment Act"]  # 7 words: date first
    graph = extract(analyse("La loi de 1841 interdit le travail des enfants. En 1874, une inspection du travail est "
                            "créée. La loi de 1892 limite la journée de travail.", "fr"))
    assert {"Loi de 1841", "1874 : Inspection du travail", "Loi de 1892"} <= {n.label for n in graph.nodes}


def test_english_chunks_join_a_name_across_in_and_drop_a_verb_after_a_noun():
    from atypie.diagrams.extract.common import english_chunks
    labels = [label for label, _, _ in english_chunks("Smith counted the tasks. Computers understand only machine "
                                                      "code made up of bits. High-level languages must be translated "
                                                      "under the Age Discrimination in Employment Act.")]
    assert {"Smith", "Machine code", "High-level languages", "Age Discrimination in Employment Act"} <= set(labels), \
        labels


def test_coordinated_actions_are_steps_of_their_own_and_a_passive_step_keeps_its_participle():
    graph = extract(analyse("Quand un spermatozoïde rencontre un ovule, ils fusionnent. Ensuite, la cellule va se "
                            "diviser, grandir, pour redonner un nouvel animal.", "fr"), "process")
    labels = [n.label for n in graph.nodes]
    assert labels[-3:] == ["Se diviser", "Grandir", "Redonner un nouvel animal"], labels
    graph = extract(analyse("D'abord, le texte a été adopté le 20 novembre 1989. Ensuite, les pays le signent. "
                            "Enfin, chaque pays le respecte.", "fr"), "process")
    assert graph.nodes[0].label == "Adopté le 20 novembre 1989", [n.label for n in graph.nodes]


def test_a_sentence_with_no_date_gives_details_to_the_event_before_it():
    graph = extract(analyse("Le langage Python a été créé en 1989 par Guido van Rossum. Son nom vient de la série "
                            "télévisée des Monty Python. La première version publique a été publiée en 1991.", "fr"))
    events = {n.id: n.label for n in graph.nodes if n.kind == "event"}
    series = next(n.id for n in graph.nodes if n.label == "Série télévisée des Monty Python")
    assert any(events.get(e.source, "").startswith("1989") and e.target == series for e in graph.edges), \
        [(e.source, e.target) for e in graph.edges]


def test_an_english_chunk_is_also_linked_to_its_neighbour_by_the_few_words_between_them():
    graph = extract(analyse("The economy has two groups, households and firms, in two markets: the goods market in "
                            "which firms sell and households buy, and the labor market.", "en"), "concept_map")
    labels = {n.id: n.label for n in graph.nodes}
    pairs = {(labels[e.source], e.label, labels[e.target]) for e in graph.edges}
    assert ("Households", "and", "Firms") in pairs, pairs
    assert not any(source == target for source, _, target in pairs)


def test_unlinked_terms_of_one_clause_are_joined_to_their_neighbour_and_not_across_punctuation():
    from atypie.diagrams.extract.concept_map import _sentence_links
    from atypie.diagrams.extract.terms import Term
    from atypie.diagrams.model import GraphBuilder
    text = "la vie urbaine et la bourgeoisie, les villes et les campagnes"
    spans = {key: (text.index(key), text.index(key) + len(key)) for key in ("vie", "bourgeoisie", "villes",
                                                                              "campagnes")}
    terms = [Term(key, key, [(0, *span)]) for key, span in spans.items()]
    terms[0].specificity = 5.0  # « vie », the sentence's main term: every other term is joined to it
    builder = GraphBuilder("concept_map")
    ids = {t.key: builder.add_node(t.label) for t in terms}
    _sentence_links(terms, [], ids, builder, "relation", text)
    pairs = {frozenset((e.source, e.target)) for e in builder.edges}
    star = {frozenset((ids["vie"], ids[key])) for key in ("bourgeoisie", "villes", "campagnes")}
    assert pairs == star | {frozenset((ids["villes"], ids["campagnes"]))}  # none across the comma


def test_an_english_activity_in_a_list_is_a_chunk_even_alone():
    from atypie.diagrams.extract.common import english_chunks
    labels = [label for label, _, _ in english_chunks("Making a pin takes many tasks: drawing out a piece of wire, "
                                                      "cutting it, straightening it, and packaging pins for sale.")]
    assert {"Cutting", "Straightening"} <= set(labels), labels
    assert "Making" not in labels  # not after a comma, a colon or « and »: a verb form alone names nothing


def test_english_links_are_labelled_only_with_plain_words():
    """« , cutting it, », « and », « in which households » were edge labels: no words of a link."""
    text = ("Smith counted 18 distinct tasks in making a pin: drawing out a piece of wire, cutting it to the right "
            "length, straightening it, putting a head on one end. The labor market is a market in which households "
            "sell labor to firms.")
    graph = extract(analyse(text, "en"), "concept_map")
    labels = [edge.label for edge in graph.edges if edge.label]
    assert labels and not any(re.search(r"[^\w' -]", label) for label in labels)
    assert not any(word in ("that", "which") for label in labels for word in label.split())


def test_a_timeline_draws_what_the_text_says_of_an_event_and_its_details():
    """The event and its detail were joined by an unnamed line; the named link now takes its place."""
    text = ("Le langage de programmation Python a été créé en 1989 par Guido van Rossum, aux Pays-Bas. La première "
            "version publique de ce langage a été publiée en 1991.")
    graph = extract(analyse(text, "fr"), "timeline")
    labels = {n.id: n.label for n in graph.nodes}
    pairs = {(labels[e.source], e.label, labels[e.target]) for e in graph.edges}
    assert ("1989 : Langage de programmation Python", "a été créé", "Guido van Rossum") in pairs, pairs
    assert not any(e.source == f.source and e.target == f.target for e in graph.edges for f in graph.edges
                   if e is not f)  # one line between two nodes


@pytest.mark.parametrize(("text", "chunk"), [
    ("Buzz Aldrin, also called Edwin E. Aldrin Jr., was a crew member on Apollo 11.", "Edwin E. Aldrin Jr"),
    ("Buzz Aldrin was a crew member on Apollo 11.", "Apollo 11"),
    ("The hall was designed by the 3XN firm in 2007.", "3XN firm"),
    ("A.T. Charlie Johnson is the editor of AIP Advances.", "A.T. Charlie Johnson"),  # before « A.  T. … »
    ("A.T. Charlie Johnson lives in the U.S.A. with his family.", "U.S.A."),  # before « U.  S »
    ("The Baku Turkish Martyrs' Memorial is in Azerbaijan.", "Baku Turkish Martyrs' Memorial"),  # before « …'Memorial »
])
def test_english_names_keep_their_initials_and_numbers(text, chunk):
    """Before: « Edwin E », « Aldrin Jr », « Apollo », « XN firm »."""
    from atypie.diagrams.extract.common import english_chunks
    assert chunk in [label for label, _, _ in english_chunks(text)]


def test_a_number_that_follows_no_name_is_no_part_of_a_chunk():
    from atypie.diagrams.extract.common import english_chunks
    assert [label for label, _, _ in english_chunks("In 1989, 40 students read the book.")] == ["Students", "Book"]


@pytest.mark.parametrize(("lang", "text", "steps"), [
    ("fr", "Pour mener une enquête, le chercheur suit une méthode : définir la question, construire un échantillon, "
           "recueillir les données, les analyser et publier les résultats.",
     ["Définir la question", "Construire un échantillon", "Recueillir les données", "Analyser",
      "Publier les résultats"]),
    ("fr", "Le chercheur doit : lire les sources, extraire les informations et les consigner dans une base.",
     ["Lire les sources", "Extraire les informations", "Consigner dans une base"]),  # « extraire », tagged a noun
    ("en", "Making bread takes a few tasks: mixing flour and water, kneading the dough, letting it rise, and "
           "baking it in a hot oven.",
     ["Mixing flour and water", "Kneading the dough", "Letting it rise", "Baking it in a hot oven"]),
])
def test_a_list_of_actions_after_a_colon_is_a_process_of_those_steps(lang, text, steps):
    graph = extract(analyse(text, lang))
    assert graph.kind == "process", graph.reason
    assert [n.label for n in graph.nodes if n.kind == "step"] == steps
    assert [(e.source, e.target) for e in graph.edges] == [(graph.nodes[n].id, graph.nodes[n + 1].id)
                                                           for n in range(len(steps) - 1)]


def test_a_list_of_things_after_a_colon_stays_a_hierarchy():
    text = "La Constitution comprend trois parties : le préambule, les titres et les articles."
    assert detect_kind(analyse(text, "fr")) == "hierarchy"


def test_an_english_participle_or_adjective_after_be_is_a_link_not_a_notion():
    graph = extract(analyse("Agnes Kant was born in Hessisch Oldendorf. The Aston Martin V8 is similar to the "
                            "DBS. Water is life.", "en"), "concept_map")
    labels = {n.id: n.label for n in graph.nodes}
    assert not {"Born", "Similar"} & set(labels.values())
    assert "Life" in labels.values()  # a noun after « is » stays a notion
    edges = {(labels[e.source], e.label, labels[e.target]) for e in graph.edges}
    assert {("Agnes Kant", "was born in", "Hessisch Oldendorf"), ("Aston Martin V8", "is similar to", "DBS")} \
        <= edges


def test_une_sorte_de_is_a_comparison_of_speech_not_a_classification():
    text = "L'isthme est une sorte de pont entre la Méditerranée et l'océan, long de 400 kilomètres."
    assert detect_kind(analyse(text, "fr")) != "hierarchy"


def test_english_linking_words_and_a_lone_participle_are_no_chunks():
    from atypie.diagrams.extract.common import english_chunks
    text = "But one of the ethnic groups, well known in Spain, is the Basque people."
    assert [label for label, _, _ in english_chunks(text)] == ["Ethnic groups", "Spain", "Basque people"]


def test_an_english_relative_clause_names_its_link_with_its_verb():
    text = "The central bank, which sets interest rates, is independent from the government."
    graph = extract(analyse(text, "en"), "concept_map")
    labels = {n.id: n.label for n in graph.nodes}
    assert ("Central bank", "sets", "Interest rates") in {(labels[e.source], e.label, labels[e.target])
                                                          for e in graph.edges}


def test_an_english_verb_alone_before_its_object_is_no_chunk():
    from atypie.diagrams.extract.common import english_chunks
    chunks = [label for label, _, _ in english_chunks("The central bank, which sets rates, controls the supply.")]
    assert "Controls" not in chunks and "Central bank" in chunks


def test_an_english_relative_clause_links_the_chunk_before_it_past_a_longer_verb():
    graph = extract(analyse("Tony Hall is a key person at the BBC which is located in London.", "en"), "concept_map")
    labels = {n.id: n.label for n in graph.nodes}
    assert ("BBC", "is located in", "London") in {(labels[e.source], e.label, labels[e.target]) for e in graph.edges}
