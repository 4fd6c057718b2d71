"""The graph builder: one node per label, one line between two nodes."""
from atypie.diagrams.model import GraphBuilder


def test_a_named_link_takes_the_place_of_an_unnamed_one_and_not_the_other_way():
    builder = GraphBuilder("concept_map", "fr")
    a, b = builder.add_node("Python"), builder.add_node("Guido van Rossum")
    builder.add_edge(a, b)
    builder.add_edge(a, b, "a été créé")
    builder.add_edge(a, b)
    builder.add_edge(a, b, "autre chose")
    assert [(e.source, e.target, e.label) for e in builder.edges] == [(a, b, "a été créé")]
