"""The global search's part in this service: contact persons and activities by every word,
only among what the actor may see."""
import uuid
from datetime import datetime, timezone

from counterparties import logic
from counterparties.quick_search import quick_search, snippet, words_of


def test_words_lose_like_wildcards_and_stop_at_six():
    assert words_of("  50%_off  a\\b ") == ["50", "off", "a", "b"]
    assert len(words_of("a b c d e f g h")) == 6
    assert words_of("   ") == []


def test_a_snippet_marks_the_words_where_they_occur_and_cuts_at_spaces():
    plan = "Call first. " + "filler " * 40 + "Then discuss the <b>Discount</b> and the discount terms. " + "tail " * 40
    parts = snippet(plan, ["discount"])
    assert [text for text, matched in parts if matched] == ["Discount", "discount"]
    shown = "".join(text for text, _ in parts)
    assert shown.startswith("… ") and shown.endswith(" …") and "<b>" in shown  # plain text: escaped where shown
    assert set(shown.strip("… ").split()) <= set(plan.split())  # no word shown in half
    assert snippet("A short plan", ["short"]) == [["A ", False], ["short", True], [" plan", False]]
    assert snippet("Nothing here", ["absent"]) is None
    assert snippet(None, ["absent"]) is None


def test_persons_and_activities_match_every_word_and_only_visible_ones(session, make_counterparty, make_actor):
    marker = uuid.uuid4().hex[:8]
    department = uuid.uuid4()
    mine, stranger = make_actor(department_id=department), make_actor(department_id=uuid.uuid4())
    ours = make_counterparty(by=mine, name=f"Stroy {marker}", responsible_employee_id=mine.id)
    theirs = make_counterparty(by=stranger, name=f"Other {marker}", responsible_employee_id=stranger.id)
    with session.begin():
        logic.add_contact_person(session, counterparty_id=ours.id, actor=mine, data={
            "full_name": f"Irina Petrova {marker}", "position": "Chief accountant",
            "phones": ["+7 495 123-45-67"], "emails": [f"irina.{marker}@stroy.example"]})
        logic.add_contact_person(session, counterparty_id=ours.id, actor=mine, data={
            "full_name": f"Oleg Sidorov {marker}", "phones": [], "emails": []})
        logic.add_contact_person(session, counterparty_id=theirs.id, actor=stranger, data={
            "full_name": f"Irina Hidden {marker}", "phones": [], "emails": []})
        logic.plan_activity(session, actor=mine, data={
            "counterparty_id": ours.id, "kind": "call", "subject": f"Agree the estimate {marker}",
            "description": "Discuss the second stage", "planned_at": datetime(2030, 1, 2, 10, tzinfo=timezone.utc)})
        logic.plan_activity(session, actor=stranger, data={
            "counterparty_id": theirs.id, "kind": "call", "subject": f"Agree the estimate {marker}",
            "planned_at": datetime(2030, 1, 2, 11, tzinfo=timezone.utc)})

    found = quick_search(session, actor=mine, text=f"irina {marker}")
    assert [p["full_name"] for p in found["contact_persons"]] == [f"Irina Petrova {marker}"]
    assert found["contact_persons"][0]["counterparty_name"] == f"Stroy {marker}"
    assert found["contact_persons"][0]["phone"] == "+7 495 123-45-67"

    # a part of a phone number or of an e-mail finds the person too
    assert [p["full_name"] for p in quick_search(session, actor=mine, text=f"123-45 {marker}")["contact_persons"]] \
        == [f"Irina Petrova {marker}"]

    activities = quick_search(session, actor=mine, text=f"second stage {marker}")["activities"]
    assert [(a["subject"], a["counterparty_id"]) for a in activities] == [(f"Agree the estimate {marker}", ours.id)]
    assert activities[0]["snippet"] == [["Discuss the ", False], ["second", True], [" ", False], ["stage", True]]
    assert quick_search(session, actor=mine, text=f"estimate {marker} nonexistentword")["activities"] == []

    admin = make_actor("administrator")
    everyone = quick_search(session, actor=admin, text=f"irina {marker}")["contact_persons"]
    assert sorted(p["full_name"] for p in everyone) == [f"Irina Hidden {marker}", f"Irina Petrova {marker}"]
