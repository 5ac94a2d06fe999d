"""Each database's migrations form one line: unique revision ids, one base, one head.

Two branches that each add "the next" migration give two files with the same revision or
the same parent; alembic then refuses ``upgrade head`` (or silently picks one). This finds
it before any database does.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAINS = sorted(p for p in [*ROOT.glob("services/*/migrations/versions"), ROOT / "gateway/migrations/versions"]
                if p.is_dir())


def revisions(folder):
    """file name -> (revision, down_revision) as the module assigns them."""
    found = {}
    for path in sorted(folder.glob("*.py")):
        values = {}
        for node in ast.parse(path.read_text()).body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id in ("revision", "down_revision")):
                values[node.targets[0].id] = ast.literal_eval(node.value)
        found[path.name] = (values.get("revision"), values.get("down_revision"))
    return found


@pytest.mark.parametrize("folder", CHAINS, ids=lambda p: str(p.relative_to(ROOT).parts[1]))
def test_migrations_form_one_line(folder):
    chain = revisions(folder)
    assert chain, f"{folder}: no migrations"
    ids = [revision for revision, _ in chain.values()]
    assert None not in ids, f"{folder}: a migration without a revision id"
    duplicates = sorted({r for r in ids if ids.count(r) > 1})
    assert not duplicates, f"{folder}: revision ids used twice: {duplicates}"
    parents = [down for _, down in chain.values()]
    assert parents.count(None) == 1, f"{folder}: {parents.count(None)} migrations start a chain"
    forks = sorted({p for p in parents if p is not None and parents.count(p) > 1})
    assert not forks, f"{folder}: several migrations follow {forks} (two heads)"
    assert set(parents) - {None} <= set(ids), f"{folder}: a migration follows an unknown revision"
    for name, (revision, _) in chain.items():
        assert name.startswith(f"{revision}_"), f"{folder}/{name}: the file name does not start with {revision}"
