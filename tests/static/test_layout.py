"""The house's layout (README, "Where things are"): no module imports one that imports it
back, and the gateway's pages never reach into the API (both call compose/)."""
import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGES = [ROOT / "gateway" / "chancery_gateway", ROOT / "common" / "chancery_common",
            *sorted(p for p in (ROOT / "services").glob("*/*") if (p / "service.py").exists())]
# cycles known and not yet broken (issue 23): when one is broken, its mark here must go
KNOWN_CYCLES = {
    "counterparties": "logic imports reference_books (check_characteristics), which imports logic (audit, "
                      "add_history)",
    "texts": "extraction reads an e-mail or office file with email.py / office.py, which read their parts "
             "with extraction",
}


def modules_of(package):
    """{dotted name: path} of every module below the package (its name the package's folder)."""
    found = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(name, path, known):
    """The modules of ``known`` the module imports, anywhere in it (a lazy import inside a
    function closes a cycle as surely as one at the top)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            source = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            for alias in node.names:
                if f"{source}.{alias.name}" in known:
                    found.add(f"{source}.{alias.name}")
                elif source in known:
                    found.add(source)
    found.discard(name)
    return found


def cycle(graph):
    """One import cycle as a list of modules, or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for following in sorted(graph[node]):
            if state.get(following) == "open":
                return trail[trail.index(following):] + [following]
            if following not in state:
                found = visit(following, trail + [following])
                if found:
                    return found
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [node])
            if found:
                return found
    return None


@pytest.mark.parametrize("package", [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=KNOWN_CYCLES[p.name])) if p.name in KNOWN_CYCLES
    else p for p in PACKAGES], ids=lambda p: p.name)
def test_no_module_imports_one_that_imports_it_back(package):
    known = modules_of(package)
    # a package's __init__ importing its own modules is how a package lists them, not a cycle
    graph = {name: {m for m in imports_of(name, path, known) if not name.startswith(m + ".")}
             for name, path in known.items()}
    assert cycle(graph) is None


def test_the_pages_and_the_api_meet_only_in_compose():
    gateway = ROOT / "gateway" / "chancery_gateway"
    known = modules_of(gateway)
    for name, path in known.items():
        reached = imports_of(name, path, known)
        if name.startswith("chancery_gateway.web"):
            assert not {m for m in reached if m.startswith("chancery_gateway.api")}, name
        if name.startswith("chancery_gateway.compose"):
            assert not {m for m in reached if m.startswith(("chancery_gateway.api", "chancery_gateway.web"))}, name
