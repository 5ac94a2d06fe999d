"""The view's page of the relationship history: from the counterparties service's candidates,
the entries of records their owners let the reader see (compose/history.py)."""
from chancery_gateway import rpc
from chancery_gateway.compose import history

ACTOR = {"id": "reader", "roles": ["manager"]}
COUNTERPARTY = "c1"


def candidates(entries, *, size=3, more=0):
    """``entries``: [(name, record or None)], newest first; ``more``: entries further back, per record
    {(service, id): n} or {None: n} for own ones."""
    counts = {"own": 0, "entries": 0, "records": {"documents": {}, "approvals": {}}}
    for record, n in [(record, 1) for _, record in entries] + list(more.items() if more else []):
        counts["entries"] += n
        if record is None:
            counts["own"] += n
        elif record[1]:
            counts["records"][record[0]][record[1]] = counts["records"][record[0]].get(record[1], 0) + n
    return {"items": [{"name": name} for name, _ in entries], "records": [r and list(r) for _, r in entries],
            "counts": counts, "page_size": size}


def seen(visible=(), hidden=()):
    return {"visible": list(visible), "hidden": list(hidden), "complete": True}


def names(page):
    return [entry["name"] for entry in page["items"]]


def test_own_entries_and_those_of_records_the_owner_lets_the_reader_see(bus):
    told = candidates([("own", None), ("seen", ("documents", "d1")), ("secret", ("documents", "d2")),
                       ("approval", ("approvals", "a1")), ("unknown owner", (None, None))], size=10)

    page, unavailable = history.page(ACTOR, COUNTERPARTY, told,
                                     {"documents": seen(["d1"], ["d2"]), "approvals": seen(["a1"])})

    assert (names(page), page["total"], unavailable) == (["own", "seen", "approval"], 3, [])
    assert bus.calls == []  # the owners' parts told everything


def test_the_total_counts_the_visible_entries_the_candidates_do_not_hold(bus):
    told = candidates([("own", None), ("seen", ("documents", "d1")), ("secret", ("documents", "d2"))],
                      size=2, more={("documents", "d1"): 4, ("documents", "d2"): 7, None: 5})

    page, _ = history.page(ACTOR, COUNTERPARTY, told, {"documents": seen(["d1"], ["d2"]), "approvals": seen()})

    assert (names(page), page["total"]) == (["own", "seen"], 1 + 5 + 1 + 4)


def test_a_record_the_owners_part_did_not_tell_of_is_asked_of_its_owner(bus):
    bus.answers[("documents", "visible_ids")] = lambda actor, query: {"ids": ["moved-seen"]}
    told = candidates([("moved seen", ("documents", "moved-seen")), ("moved secret", ("documents", "moved-secret")),
                       ("seen", ("documents", "d1"))], size=10)

    page, _ = history.page(ACTOR, COUNTERPARTY, told, {"documents": seen(["d1"]), "approvals": seen()})

    assert names(page) == ["moved seen", "seen"]
    assert bus.calls == [("documents", "visible_ids", (ACTOR, {"ids": ["moved-secret", "moved-seen"]}))]


def test_an_owner_whose_part_failed_shows_nothing_of_its_records_and_is_named(bus):
    told = candidates([("own", None), ("doc", ("documents", "d1")), ("approval", ("approvals", "a1"))], size=10)
    down = rpc.ServiceUnavailable.of("approvals", "no answer within 10 s")

    page, unavailable = history.page(ACTOR, COUNTERPARTY, told, {"documents": seen(["d1"]), "approvals": down})

    assert (names(page), page["total"]) == (["own", "doc"], 2)
    assert unavailable == [{"service": "approvals", "reason": "no answer within 10 s"}]


def test_an_owner_that_cannot_answer_about_a_moved_record_shows_none_of_its_records(bus):
    bus.answers[("documents", "visible_ids")] = rpc.ServiceUnavailable.of("documents", "no instance is running")
    told = candidates([("seen", ("documents", "d1")), ("moved", ("documents", "d9"))], size=10)

    page, unavailable = history.page(ACTOR, COUNTERPARTY, told, {"documents": seen(["d1"]), "approvals": seen()})

    assert (names(page), page["total"]) == ([], 0)
    assert unavailable == [{"service": "documents", "reason": "no instance is running"}]


def test_too_few_visible_candidates_for_a_page_ask_the_history_for_it(bus):
    asked_page = {"items": [{"name": "further back"}], "total": 9}
    bus.answers[("counterparties", "get_history")] = asked_page
    told = candidates([("secret", ("documents", "d2")), ("own", None)], size=3, more={("documents", "d1"): 8})

    owners = {"documents": seen(["d1"], ["d2"]), "approvals": seen()}
    page, unavailable = history.page(ACTOR, COUNTERPARTY, told, owners)

    assert (page, unavailable) == (asked_page, [])
    assert bus.calls == [("counterparties", "get_history", (ACTOR, COUNTERPARTY, {"limit": 3}))]


def test_a_short_history_whose_candidates_are_all_of_it_asks_nothing_more(bus):
    told = candidates([("secret", ("documents", "d2")), ("own", None)], size=3)

    page, _ = history.page(ACTOR, COUNTERPARTY, told, {"documents": seen([], ["d2"]), "approvals": seen()})

    assert (names(page), page["total"], bus.calls) == (["own"], 1, [])


def test_when_the_page_asked_for_fails_the_candidates_seen_are_shown_and_the_owner_named(bus):
    bus.answers[("counterparties", "get_history")] = rpc.ServiceUnavailable.of("approvals", "no answer within 10 s")
    told = candidates([("own", None)], size=3, more={None: 5})

    page, unavailable = history.page(ACTOR, COUNTERPARTY, told, {"documents": seen(), "approvals": seen()})

    assert (names(page), page["total"]) == (["own"], 6)
    assert unavailable == [{"service": "approvals", "reason": "no answer within 10 s"}]
