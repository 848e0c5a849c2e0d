"""The import direction README's layout states: ui talks to assistant services only, and nothing imports ui."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("assistant", "ingest", "vectorstore", "prompts", "eval", "scripts", "bench")


def imported(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-local imports and TYPE_CHECKING blocks too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def top(names: set[str]) -> set[str]:
    """The top-level packages of module names."""
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", sorted((ROOT / "ui").glob("*.py")), ids=lambda p: p.name)
def test_no_ui_module_imports_ingest_or_vectorstore(path: Path) -> None:
    assert not top(imported(path)) & {"ingest", "vectorstore"}, path


def test_app_imports_no_lower_layer_but_ui_and_settings() -> None:
    assert not top(imported(ROOT / "app.py")) & {"ingest", "vectorstore", "assistant"}


def test_nothing_below_the_ui_imports_it() -> None:
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            assert "ui" not in top(imported(path)), path
    assert "ui" not in top(imported(ROOT / "settings.py"))


def test_ui_package_imports_none_of_its_pages() -> None:
    """ui/__init__.py is empty of imports, so a page importing ui.* at the top can never form a cycle."""
    assert imported(ROOT / "ui" / "__init__.py") == set()
    pages = {"ui.draft", "ui.learn", "ui.library", "ui.activity"}
    for path in (ROOT / "ui").glob("*.py"):
        assert not imported(path) & pages, path


def test_upload_types_come_from_the_loader_registry() -> None:
    from assistant.library_service import LibraryService
    from ingest.loaders import LOADERS

    assert {f".{t}" for t in LibraryService.upload_types()} == set(LOADERS)


@pytest.mark.parametrize("name", ["model.py", "pairs.py", "train.py"])
def test_the_reader_sits_below_the_assistant(name: str) -> None:
    """The reader's inference and training code imports no assistant, ingest or ui; only its CLI, which
    builds training pairs with the assistant's sentence splitter, sits at the top beside eval."""
    assert not top(imported(ROOT / "reader" / name)) & {"assistant", "ingest", "ui", "eval"}, name


def test_vectorstore_imports_nothing_above_it() -> None:
    for path in (ROOT / "vectorstore").glob("*.py"):
        assert not top(imported(path)) & {"assistant", "reader", "ingest", "ui", "eval"}, path
