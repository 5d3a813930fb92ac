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


def bad_imports(
    module: str, allowed: tuple[str, ...], third_party: tuple[str, ...] = ()
) -> set[str]:
    """Imports of ``module`` outside the standard library, ``allowed`` packages of causette
    and the named third-party packages."""
    return {
        name
        for name in GRAPH[module]
        if top(name) not in STDLIB
        and name != "causette"
        and not within(name, *allowed)
        and top(name) not in third_party
    }


PURE = ("causette.errors", "causette.types")
# The ports of storage and of what nodes share; their concrete backends are not ports.
STORE_PORTS = ("causette.store.chat", "causette.store.moderation", "causette.store.connections")
LIVE_PORTS = ("causette.live.bus", "causette.live.shared", "causette.live.ids")
CONCRETE = ("causette.store.sqlite", "causette.live.inprocess")


@pytest.mark.parametrize("module", modules_in("causette.domain"))
def test_domain_is_pure(module: str) -> None:
    assert bad_imports(module, (*PURE, "causette.domain")) == set()


# Detection libraries are pure too (no I/O, no framework): the detectors are built on them
# rather than on hand-written equivalents (issue 8, "Detection").
DETECTION_LIBRARIES = ("phonenumbers", "ahocorasick", "text_to_num", "anyascii", "regex")


@pytest.mark.parametrize("module", modules_in("causette.safety"))
def test_safety_is_pure(module: str) -> None:
    allowed = (*PURE, "causette.domain", "causette.safety")
    assert bad_imports(module, allowed, DETECTION_LIBRARIES) == set()


@pytest.mark.parametrize("module", modules_in("causette.protocol"))
def test_protocol_is_sans_io(module: str) -> None:
    allowed = (*PURE, "causette.domain", "causette.i18n", "causette.protocol")
    assert bad_imports(module, allowed) == set()


CORE = ("causette.domain", "causette.safety", "causette.i18n", *PURE, *STORE_PORTS)


@pytest.mark.parametrize("module", modules_in("causette.services"))
def test_services_name_no_transport_or_backend(module: str) -> None:
    allowed = (*CORE, "causette.services", "causette.live")
    assert bad_imports(module, allowed, ("argon2", "pyotp")) == set()
    assert not {name for name in GRAPH[module] if within(name, *CONCRETE)}


@pytest.mark.parametrize("module", modules_in("causette.live"))
def test_live_names_no_service_transport_or_backend(module: str) -> None:
    assert bad_imports(module, (*CORE, "causette.live")) == set()


@pytest.mark.parametrize("module", modules_in("causette.transport"))
def test_transports_call_services_and_hold_no_backend(module: str) -> None:
    allowed = (
        *CORE,
        "causette.services",
        "causette.live",
        "causette.protocol",
        "causette.reports",
        "causette.transport",
        "causette.web",
        "causette",  # __version__
    )
    assert bad_imports(module, allowed, ("starlette", "jinja2", "markupsafe", "brotli")) == set()
    assert not {name for name in GRAPH[module] if within(name, *CONCRETE)}


def test_the_request_loop_is_transport_neutral() -> None:
    """An IRC listener reuses ``transport.session`` as it is: no framework, nothing web."""
    allowed = (*CORE, "causette.services", "causette.live", "causette.protocol.request")
    assert (
        bad_imports("causette.transport.session", (*allowed, "causette.transport.session")) == set()
    )


@pytest.mark.parametrize(
    "module",
    [m for m in GRAPH if within(m, "causette.jobs", "causette.reports")],
)
def test_jobs_and_reports_use_ports_only(module: str) -> None:
    allowed = (
        *CORE,
        "causette.config",  # jobs are given their settings
        "causette.services",
        "causette.live",
        "causette.jobs",
        "causette.reports",
    )
    assert bad_imports(module, allowed, ("jinja2", "markupsafe")) == set()
    assert not {name for name in GRAPH[module] if within(name, *CONCRETE)}


@pytest.mark.parametrize("module", modules_in("causette.store.sqlite"))
def test_sqlite_backend_knows_only_the_domain_and_its_ports(module: str) -> None:
    allowed = (*PURE, "causette.domain", *STORE_PORTS, "causette.store.sqlite")
    assert bad_imports(module, allowed, ("cryptography", "_typeshed")) == set()


def test_only_the_composition_root_names_concrete_backends() -> None:
    importers = {
        m
        for m, names in GRAPH.items()
        if any(within(n, *CONCRETE) for n in names) and not within(m, *CONCRETE)
    }
    assert importers == {"causette.app"}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_source_file_over_600_lines(path: Path) -> None:
    assert len(path.read_text("utf-8").splitlines()) <= 600
