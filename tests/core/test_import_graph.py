"""No circles between files: no module imports a module that imports it back, however far
round. Checked on the static import graph (grimp, which import-linter builds on), so a
deferred import inside a function counts too."""

from __future__ import annotations

import grimp
import pytest

PACKAGES = ("workflow", "tui", "schemas", "templates", "archive")


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Each group of modules that import one another round a circle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in graph.modules:
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


@pytest.fixture
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def test_no_module_imports_a_module_that_imports_it_back(graph: grimp.ImportGraph) -> None:
    assert _cycles(graph) == []


def test_the_check_finds_a_circle(graph: grimp.ImportGraph) -> None:
    graph.add_import(importer="workflow.record.model", imported="workflow.services.meetings")
    assert any("workflow.record.model" in group for group in _cycles(graph))
