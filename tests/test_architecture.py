"""The package's dependencies go one way: the import-linter contract of `pyproject.toml` holds, and no two files
import each other (directly or through others, imports inside functions included) except the plain-language
rules and their registry, which register themselves when imported."""
from __future__ import annotations

from pathlib import Path

import grimp
import pytest
from importlinter.application.use_cases import lint_imports
from importlinter.configuration import configure

ROOT = Path(__file__).resolve().parents[1]
RULE_REGISTRY = {"atypie.falc.rule", "atypie.falc.rules"}


def _cycles(graph) -> list[set[str]]:
    """Groups of modules that import one another (strongly connected components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(start: str) -> None:  # Tarjan's algorithm, iterative (the graph is deeper than the recursion limit)
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        while work:
            module, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    work.append((successor, iter(sorted(graph.find_modules_directly_imported_by(successor)))))
                    break
                if successor in stack:
                    low[module] = min(low[module], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    group = set()
                    while True:
                        member = stack.pop()
                        group.add(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        found.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("atypie", cache_dir=None)


def test_the_layer_contract_holds(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    configure()
    kept = lint_imports(str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True)
    assert kept, capsys.readouterr().out  # the report names each import that breaks a layer


def test_the_only_cycle_between_files_is_the_rule_registry(graph):
    cycles = _cycles(graph)
    others = [sorted(group) for group in cycles if not {".".join(m.split(".")[:3]) for m in group} <= RULE_REGISTRY]
    assert others == [], others
    assert len(cycles) <= 1


def test_the_cycle_finder_sees_a_cycle_through_a_function_local_import(tmp_path, monkeypatch):
    package = tmp_path / "loopy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def late():\n    from . import c\n")
    (package / "c.py").write_text("from .a import b\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _cycles(grimp.build_graph("loopy", cache_dir=None)) == [{"loopy.a", "loopy.b", "loopy.c"}]
