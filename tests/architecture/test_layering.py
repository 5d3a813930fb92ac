"""Who may import whom (STYLE.md, "Layering"), checked by reading every module's imports."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import causette

PACKAGE = Path(causette.__file__).parent
STDLIB = sys.stdlib_module_names
# Adapters and concrete backends that the core must never name.
FRAMEWORKS = ("starlette", "uvicorn", "websockets")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").exists() or (
        PACKAGE / relative / "__init__.py"
    ).exists()


def imports_of(path: Path) -> Iterator[str]:
    """Every module ``path`` imports, at any depth (function bodies, TYPE_CHECKING too)."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            # "from causette import i18n" imports the module causette.i18n.
            for alias in node.names:
                if base.startswith("causette") and is_module(f"{base}.{alias.name}"):
                    yield f"{base}.{alias.name}"


def graph() -> dict[str, set[str]]:
    return {module_name(p): set(imports_of(p)) for p in sorted(PACKAGE.rglob("*.py"))}


GRAPH = graph()


def modules_in(prefix: str) -> list[str]:
    found = [m for m in GRAPH if m == prefix or m.startswith(prefix + ".")]
    assert found, f"no module under {prefix}"
    return found


def top(name: str) -> str:
    return name.partition(".")[0]


def within(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_walker_sees_imports() -> None:
    # Guards the tests below against passing on an empty graph.
    assert "causette.store.sqlite.chat" in GRAPH["causette.app"]
    assert "causette.i18n" in GRAPH["causette.protocol.web"]
    assert "causette.app" in GRAPH["causette.cli.main"]  # imported inside a function
    assert "__future__" in STDLIB


@pytest.mark.parametrize("module", modules_in("causette.domain"))
def test_domain_imports_only_stdlib_errors_and_domain(module: str) -> None:
    bad = {
        name
        for name in GRAPH[module]
        if top(name) not in STDLIB and not within(name, "causette.errors", "causette.domain")
    }
    assert bad == set()


@pytest.mark.parametrize("module", modules_in("causette.protocol"))
def test_protocol_imports_only_stdlib_domain_errors_and_i18n(module: str) -> None:
    # ``protocol.request`` is the request shape every codec decodes into.
    allowed = ("causette.domain", "causette.errors", "causette.i18n", "causette.protocol.request")
    bad = {
        name
        for name in GRAPH[module]
        if top(name) not in STDLIB and not within(name, *allowed) and name != "causette"
    }
    assert bad == set()


@pytest.mark.parametrize(
    "module", ["causette.services.chat", "causette.live.hub", "causette.live.journal"]
)
def test_core_names_no_backend_transport_or_framework(module: str) -> None:
    forbidden = (
        "causette.store.sqlite.chat",
        "causette.transport",
        "causette.app",
        *FRAMEWORKS,
    )
    bad = {name for name in GRAPH[module] if within(name, *forbidden)}
    assert bad == set()


def test_only_the_composition_root_names_the_sqlite_store() -> None:
    importers = {m for m, names in GRAPH.items() if "causette.store.sqlite.chat" in names}
    assert importers == {"causette.app"}


def test_the_request_loop_knows_no_transport_in_particular() -> None:
    """An IRC listener reuses ``transport.session`` as it is: nothing web in it."""
    forbidden = ("causette.transport.web", "causette.protocol.web", "causette.app", *FRAMEWORKS)
    bad = {name for name in GRAPH["causette.transport.session"] if within(name, *forbidden)}
    assert bad == set()
