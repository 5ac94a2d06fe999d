"""The generated parts of docs/ match the code (regenerate: scripts/generate_docs.py)."""
import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_docs", REPO / "scripts" / "generate_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current():
    generator = load_generator()
    stale = [str(path.relative_to(REPO)) for path, make in generator.TARGETS.items()
             if not path.exists() or path.read_text() != make()]
    assert not stale, f"out of date, run scripts/generate_docs.py: {stale}"


def test_every_published_event_type_is_documented_with_its_fields():
    text = (REPO / "docs" / "events.md").read_text()
    generator = load_generator()
    for service in generator.SERVICES:
        catalog = importlib.import_module(f"{service}.events").catalog
        for (event_type, version), schema in catalog.schemas.items():
            section = text.split(f"### `{event_type}` v{version}", 1)
            assert len(section) == 2, event_type
            body = section[1].split("###", 1)[0]
            for name in schema._declared_fields:
                assert f"`{name}`" in body, (event_type, name)
