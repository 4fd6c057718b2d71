"""diagram(): the whole graph in JSON, the Mistral path with grounding, and the CLI exports."""
import io
import json
import sys

import pytest

from atypie.cli import main
from atypie.diagrams.pipeline import diagram, ground
from atypie.diagrams.render import embedded_graph
from atypie.profiles.presets import load_preset
from tests.fakes.mistral_server import chat_json, error

TEXT = ("Pour faire du vin, on récolte d'abord les raisins. Ensuite, on les presse pour obtenir du jus. Puis le jus "
        "fermente dans des cuves. Enfin, on met le vin en bouteilles.")


def test_result_json_holds_the_documented_fields():
    data = diagram(TEXT, load_preset("standard"), lang="fr").to_dict()
    assert {"kind", "nodes", "edges", "alt", "description", "outline", "backend", "notices"} <= set(data)
    assert all({"id", "label", "source"} <= set(n) for n in data["nodes"])
    assert all({"source", "target", "label"} <= set(e) for e in data["edges"])
    assert data["kind"] == "process" and data["backend"] == "offline"


def test_json_describes_the_whole_graph_even_when_the_display_is_split():
    long_text = " ".join(f"Ensuite, on réalise l'opération numéro {n} sur l'échantillon." for n in range(1, 13))
    result = diagram("D'abord, on prépare l'échantillon. " + long_text, load_preset("falc"), lang="fr")
    assert len(result.to_dict()["nodes"]) == 13 and result.views.parts
    assert all(len(p.nodes) <= load_preset("falc").diagram.max_nodes for p in result.views.parts)


def test_grounding_is_case_and_accent_tolerant_and_refuses_inventions():
    assert ground("Récolter les raisins", "on récolte les raisins") is not None
    assert ground("fermente dans des cuves", TEXT) is not None
    assert ground("la photosynthèse", TEXT) is None


@pytest.mark.slow
def test_mistral_graph_is_used_and_ungrounded_nodes_are_dropped(fake_mistral):
    answer = {"kind": "process", "title": "Le vin", "nodes": [
        {"id": "a", "label": "récolte les raisins"}, {"id": "b", "label": "presse"},
        {"id": "c", "label": "fermente dans des cuves"}, {"id": "x", "label": "ajoute du sucre"}],
        "edges": [{"source": "a", "target": "b"}, {"source": "b", "target": "c"}, {"source": "c", "target": "x"}]}
    fake_mistral.script(chat_json(answer))
    result = diagram(TEXT, load_preset("standard"), lang="fr", backend="mistral")
    labels = [n.label for n in result.graph.nodes]
    assert result.backend == "mistral" and labels == ["récolte les raisins", "presse", "fermente dans des cuves"]
    assert len(result.graph.edges) == 2 and result.notices[0].code == "ungrounded-nodes"
    assert "ajoute du sucre" in result.notices[0].message()


@pytest.mark.slow
def test_mistral_failure_falls_back_offline(fake_mistral):
    fake_mistral.script(error(503), error(503), error(503))
    result = diagram(TEXT, load_preset("standard"), lang="fr", backend="mistral")
    assert result.backend == "offline" and result.notices[0].code == "backend-fallback"
    assert result.graph.kind == "process"


def _cli(capsys, monkeypatch, *argv, stdin=TEXT):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
    code = main(list(argv))
    return code, *capsys.readouterr()


@pytest.mark.exe
@pytest.mark.parametrize("suffix, check", [
    (".svg", lambda data: b'role="img"' in data and embedded_graph(data) is not None),
    (".png", lambda data: embedded_graph(data) is not None),
    (".pdf", lambda data: data.startswith(b"%PDF")),
    (".dot", lambda data: data.startswith(b"digraph atypie {")),
    (".mmd", lambda data: data.startswith(b"flowchart TB")),
    (".json", lambda data: json.loads(data)["kind"] == "process"),
])
def test_cli_writes_every_format(capsys, monkeypatch, tmp_path, suffix, check):
    target = tmp_path / f"schema{suffix}"
    code, out, _ = _cli(capsys, monkeypatch, "diagram", "--profile", "dyslexie", "-o", str(target))
    assert code == 0 and check(target.read_bytes()) and out.startswith("Schéma : un processus")


def test_cli_refuses_unknown_extensions_and_kinds(capsys, monkeypatch, tmp_path):
    code, _, err = _cli(capsys, monkeypatch, "diagram", "-o", str(tmp_path / "x.exe"))
    assert code == 2 and "ATY-E010" in err
    code, _, err = _cli(capsys, monkeypatch, "diagram", "--kind", "pie")
    assert code == 2


def test_cli_json(capsys, monkeypatch):
    code, out, _ = _cli(capsys, monkeypatch, "diagram", "--json", "--kind", "process")
    assert code == 0 and json.loads(out)["kind"] == "process"
