"""The live ports and their in-process versions name no transport, framework or backend.

A Redis or PostgreSQL implementation will live beside them; the ports themselves must stay
importable by services with nothing but the standard library and the core below them.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import causette

LIVE = Path(causette.__file__).parent / "live"
PORTS = ("bus", "wire", "shared", "ids", "inprocess")
ALLOWED = ("causette.domain", "causette.errors", "causette.types", "causette.live")
FORBIDDEN_LIVE = ("causette.live.hub", "causette.live.journal")  # they will depend on us


def imports(module: str) -> set[str]:
    tree = ast.parse((LIVE / f"{module}.py").read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "causette imports itself by absolute names"
            base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if base == "causette.live")
    return found


def test_the_walker_sees_imports() -> None:
    assert "causette.live.wire" in imports("inprocess")
    assert "json" in imports("wire")


@pytest.mark.parametrize("module", PORTS)
def test_a_live_port_imports_only_the_core(module: str) -> None:
    bad = {
        name
        for name in imports(module)
        if name.partition(".")[0] not in sys.stdlib_module_names
        and not any(name == p or name.startswith(p + ".") for p in ALLOWED)
    }
    assert bad == set()
    assert imports(module).isdisjoint(FORBIDDEN_LIVE)
