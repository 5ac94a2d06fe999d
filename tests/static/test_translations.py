"""Every text the gateway shows has a Russian translation: the texts in the code and templates
(extracted as `pybabel extract` does, docs/ui.md) must each be in the Russian catalogue with a
non-empty, non-fuzzy translation. A new `_('...')` without one fails here, naming it."""
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

GATEWAY = Path(__file__).resolve().parents[2] / "gateway"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3), "_l": None, "lazy_gettext": None, "lazy_pgettext": ((1, "c"), 2),
            "lazy_ngettext": (1, 2)}
METHODS = [("chancery_gateway/**.py", "python"), ("chancery_gateway/templates/**.html", "jinja2")]


def used_messages():
    """(context, msgid, where) of every translatable text in the gateway."""
    found = []
    for filename, _lineno, message, _comments, context in extract_from_dir(
            str(GATEWAY), method_map=METHODS, keywords=KEYWORDS, options_map={"**.html": {"encoding": "utf-8"}}):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.append((context, msgid, f"{filename}:{_lineno}"))
    return found


def catalogue(language):
    path = GATEWAY / "chancery_gateway" / "translations" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle)


def test_every_text_in_the_gateway_has_a_russian_translation():
    russian = catalogue("ru")
    missing = []
    for context, msgid, where in used_messages():
        entry = russian.get(msgid, context=context)
        translated = entry is not None and not entry.fuzzy and (
            all(entry.string) if isinstance(entry.string, tuple) else bool(entry.string))
        if not translated:
            missing.append(f"{where}: {'[' + context + '] ' if context else ''}{msgid!r}")
    assert not missing, "texts without a Russian translation (add them to ru/messages.po):\n" + "\n".join(
        sorted(set(missing)))


def test_the_check_sees_a_text_without_translation(tmp_path):
    """The check itself: a msgid the catalogue lacks is reported."""
    russian = catalogue("ru")
    assert russian.get("Registering documents is a secretary's job, surely untranslated") is None
    assert russian.get("Title") is not None and russian.get("Title").string
