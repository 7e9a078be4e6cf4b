"""The shape of build_tools: imports point one way, and page paths are written in one module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import build_tools
from build_tools.render.families import FAMILIES

PACKAGE = Path(build_tools.__file__).resolve().parent
URLS = PACKAGE / "urls.py"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every build_tools module `path` imports, TYPE_CHECKING blocks and function bodies included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return {name for name in found if name.startswith("build_tools")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {i for i in imports(path) if i in modules and i != name}
            for name, path in modules.items()}


def test_the_import_graph_has_no_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target] if target in path else [name, target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])


def test_no_page_family_imports_another() -> None:
    """Read from the one declaration of the families: a new family is checked as it is added."""
    modules = {family.render.__module__ for family in FAMILIES}
    assert len(modules) >= 10
    edges = graph()
    for module in sorted(modules):
        assert not edges[module] & (modules - {module}), module


# A page path or anchor written out: "sessions/...", "states/...", "convention/article-",
# "/states/{{", "#art-", "....md", "feed.xml", "charts/...". Paths of data files are not pages.
PAGE_PATH = re.compile(r"""(^|["'(/])(sessions|updates|states|convention|tables|sources|charts|data)/"""
                       r"""|#art-|article-\{|\.md\b|feed\.xml""")
# A file suffix on its own (".md", of the source documents a tool reads) names no page either.
DATA_FILE = re.compile(r"""\bdata/[\w/<>*.-]*|[\w/<>*-]+\.yaml|\*\.md|[\w-]+\.md\.j2|^\.[a-z]+$""")


def strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module, docstrings left out, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_no_page_path_is_written_outside_the_urls_module() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path != URLS:
            offenders += [f"{path.relative_to(PACKAGE)}:{n}: {text!r}" for n, text in strings(path)
                          if PAGE_PATH.search(DATA_FILE.sub("", text))]
    for path in sorted(PACKAGE.glob("templates/*.j2")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            outside = re.sub(r"{%.*?%}|{{.*?}}", "", line)  # template code names no path
            if PAGE_PATH.search(DATA_FILE.sub("", outside)):
                offenders.append(f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}")
    assert offenders == []


def test_the_page_path_check_finds_what_it_looks_for() -> None:
    for written in ('f"states/{state_id}.md"', "(/states/{{ s.id }}.md)", '"#art-"', "feed.xml",
                    '"convention/concordance.md"', "(/sessions/index.md#{{ draft.id }})"):
        assert PAGE_PATH.search(DATA_FILE.sub("", re.sub(r"{{.*?}}", "", written))), written
    for data_file in ('"data/tables/*.yaml"', "convention/chapters.yaml", '"update.md.j2"', ".md"):
        assert not PAGE_PATH.search(DATA_FILE.sub("", data_file)), data_file
