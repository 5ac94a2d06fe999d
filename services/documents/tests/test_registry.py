"""The registry: filters, full text over number, subject and the text of PDFs and text files,
saved filters; accounting completeness; allowed file types; the integrity check and the
sweep of orphaned objects."""
import io
import uuid
from datetime import timedelta

import pytest
from chancery_local.demo import make_pdf

from chancery_common.actor import Actor
from chancery_common.errors import NotFound, load
from documents import files, integrity, logic, models, schemas
from documents import search as full_text


def search(session, actor, **query):
    params = load(schemas.DocumentQuerySchema(), query)
    params.pop("highlight")
    params.pop("first_file")
    with session.begin():
        items, total = logic.list_documents(session, actor=actor, **params)
        assert total == len(items)
        return [d.id for d in items]


def test_the_text_inside_an_uploaded_pdf_and_text_file_is_searchable(make_document, upload, attach, session, actor):
    word = f"quarry{uuid.uuid4().hex[:8]}"
    with_pdf = make_document(register=False, title="Scan")
    with_text = make_document(register=False, title="Notes")
    make_document(register=False, title="Nothing about it")

    version = attach(with_pdf, upload(with_pdf, make_pdf([f"Delivery of gravel from the {word} site"])))
    attach(with_text, upload(with_text, f"Протокол совещания: карьер {word}\n".encode()), filename="notes.txt")

    assert word in version.text_content
    assert set(search(session, actor, search=word)) == {with_pdf.id, with_text.id}


def test_a_snippet_shows_where_the_words_matched_as_plain_parts(make_document, upload, attach, session, actor):
    word = f"quarry{uuid.uuid4().hex[:8]}"
    in_file = make_document(register=False, title="Scan <b>bold</b>")
    in_title = make_document(register=False, title=f"Поставки {word} & <script>alert(1)</script>")
    attach(in_file, upload(in_file, f"Протокол.\x02 <i>Карьер</i> {word} закрыт на зиму.\n".encode()),
           filename="notes.txt")

    with session.begin():
        found = full_text.snippets(session, [in_file.id, in_title.id], word)

    snippet = found[in_file.id]["snippet"]
    assert [text for text, matched in snippet if matched] == [word]
    assert all("\x02" not in text and "\x03" not in text for text, _ in snippet)
    assert not any(matched for _, matched in found[in_file.id]["title"])
    assert found[in_title.id]["snippet"] is None
    assert [text for text, matched in found[in_title.id]["title"] if matched] == [word]


def test_headline_parts_split_at_the_markers_only():
    assert full_text.headline_parts("a \x02b\x03 <c> \x02d\x03") == [
        ["a ", False], ["b", True], [" <c> ", False], ["d", True]]
    assert full_text.headline_parts("") == []


def test_russian_and_english_words_match_their_forms(make_document, session, actor):
    tag = uuid.uuid4().hex[:6]
    russian = make_document(register=False, title=f"Договоры поставки бетона {tag}")
    english = make_document(register=False, title=f"Deliveries of concrete {tag}")

    assert search(session, actor, search=f"договор {tag}") == [russian.id]
    assert search(session, actor, search=f"delivery {tag}") == [english.id]


@pytest.mark.parametrize("sorted_from_matches", [logic.SORTED_FROM_MATCHES, 7, 6, 0])  # 7 matches: at and past it
def test_a_search_pages_newest_first_whichever_way_it_is_read(make_document, session, actor, monkeypatch,
                                                               sorted_from_matches):
    # up to SORTED_FROM_MATCHES the matches are sorted; beyond, the newest are walked: the same pages
    monkeypatch.setattr(logic, "SORTED_FROM_MATCHES", sorted_from_matches)
    tag = uuid.uuid4().hex[:8]
    made = [make_document(register=False, title=f"Поставка {tag} {n}") for n in range(7)]
    make_document(register=False, title=f"Something else {uuid.uuid4().hex[:8]}")
    with session.begin():
        for n, document in enumerate(made):  # created a minute apart, the first the oldest
            session.get(models.Document, document.id).created_at = document.created_at + timedelta(minutes=n)
    newest_first = [document.id for document in reversed(made)]
    pages = []
    for offset in (0, 3, 6):
        with session.begin():
            items, total = logic.list_documents(session, actor=actor, search=tag, limit=3, offset=offset)
            pages.append(([d.id for d in items], total))
    assert pages == [(newest_first[:3], 7), (newest_first[3:6], 7), (newest_first[6:], 7)]
    with session.begin():
        assert logic.list_documents(session, actor=actor, search=tag, limit=3, offset=9) == ([], 7)
        assert logic.list_documents(session, actor=actor, search=f"nothing{tag}", limit=3) == ([], 0)


def test_a_number_finds_its_document(make_document, session, actor):
    document = make_document("contract")

    assert search(session, actor, search=document.number) == [document.id]


def test_filters_narrow_the_registry(make_document, document_type, session, actor):
    counterparty, responsible, entity = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    common = {"counterparty_id": str(counterparty), "register": False}
    small = make_document("invoice", amount="100.00", currency="RUB", document_date="2026-01-10", **common)
    big = make_document("invoice", amount="5000.00", currency="RUB", document_date="2026-02-10",
                        responsible_id=str(responsible), legal_entity_id=str(entity), **common)
    memo = make_document("memo", document_date="2026-02-11", **common)

    cp = str(counterparty)
    assert set(search(session, actor, counterparty_id=cp)) == {small.id, big.id, memo.id}
    assert search(session, actor, counterparty_id=cp, type_id=[str(document_type("invoice").id)],
                  amount_min="1000") == [big.id]
    assert search(session, actor, counterparty_id=cp, date_from="2026-02-01", date_to="2026-02-10") == [big.id]
    assert search(session, actor, counterparty_id=cp, responsible_id=str(responsible)) == [big.id]
    assert search(session, actor, counterparty_id=cp, legal_entity_id=str(entity)) == [big.id]
    assert set(search(session, actor, counterparty_id=cp, status=["draft"])) == {small.id, big.id, memo.id}
    assert search(session, actor, counterparty_id=cp, journal_id=str(document_type("memo").journal_id)) == [memo.id]
    assert search(session, actor, counterparty_id=cp, amount_max="99") == []


def test_extra_field_values_filter_the_registry(session, make_document, make_journal_type, actor):
    doc_type = make_journal_type()
    with session.begin():
        session.get(models.DocumentType, doc_type.id).fields = [
            {"code": "region", "label": "Region", "kind": "text", "required": False}]
    north = make_document(type_id=doc_type.id, extra={"region": "North"})
    make_document(type_id=doc_type.id, extra={"region": "South"})

    assert search(session, actor, type_id=[str(doc_type.id)], extra={"region": "North"}) == [north.id]


def test_saved_filters_belong_to_their_owner(session, actor):
    with session.begin():
        saved = logic.save_filter(session, name="My drafts", query={"status": ["draft"]}, actor=actor)
    with session.begin():
        again = logic.save_filter(session, name="My drafts", query={"status": ["signed"]}, actor=actor)
    other = Actor(id=uuid.uuid4(), roles=["employee"])

    assert again.id == saved.id
    with session.begin():
        assert [(f.name, f.query) for f in logic.list_saved_filters(session, actor=actor)] == [
            ("My drafts", {"status": ["signed"]})]
        assert logic.list_saved_filters(session, actor=other) == []
    with pytest.raises(NotFound), session.begin():
        logic.delete_saved_filter(session, filter_id=saved.id, actor=other)
    with session.begin():
        logic.delete_saved_filter(session, filter_id=saved.id, actor=actor)
        assert logic.list_saved_filters(session, actor=actor) == []


def test_completeness_counts_the_acts_and_invoices_each_stage_needs(make_document, session, actor):
    contract = make_document("contract", extra={"stages": 2})
    make_document("completion_act", parent_id=str(contract.id))
    make_document("invoice", parent_id=str(contract.id))
    make_document("invoice", parent_id=str(contract.id))

    with session.begin():
        result = logic.completeness(session, document_id=contract.id, actor=actor)

    assert result["stages"] == 2 and result["complete"] is False
    assert {i["type_name"]: (i["required"], i["present"], i["missing"]) for i in result["items"]} == {
        "Completion act": (2, 1, 1), "Invoice": (2, 2, 0)}

    make_document("completion_act", parent_id=str(contract.id))
    with session.begin():
        assert logic.completeness(session, document_id=contract.id, actor=actor)["complete"] is True


def test_completeness_of_several_contracts_in_one_call_matches_each_alone(make_document, session, actor):
    first = make_document("contract", extra={"stages": 2})
    second = make_document("contract")
    make_document("completion_act", parent_id=str(first.id))
    make_document("invoice", parent_id=str(second.id))
    unknown = uuid.uuid4()

    with session.begin():
        together = logic.completeness_of(session, document_ids=[first.id, second.id, unknown], actor=actor)
        alone = {contract.id: logic.completeness(session, document_id=contract.id, actor=actor)
                 for contract in (first, second)}

    assert together == alone  # an unknown (or unseen) id is left out, not an error
    assert together[second.id]["stages"] == 1 and together[first.id]["stages"] == 2


@pytest.mark.parametrize("given, kept", [
    ("../../etc/passwd", "passwd"), ("C:\\Users\\x\\scan.pdf", "scan.pdf"),
    ('<img src=x onerror="alert(1)">.pdf', "img src=x onerror=alert(1).pdf"), ("..", "file"),
])
def test_file_names_are_neutralised(given, kept):
    assert files.safe_filename(given) == kept


def test_the_integrity_check_reports_a_changed_object(make_document, upload, attach, session, storage):
    document = make_document()
    version = attach(document, upload(document, b"original bytes " * 100), filename="a.txt")
    lines = []
    with session.begin():
        assert integrity.check(session, storage, since=version.uploaded_at, report=lines.append) == []

    storage.client.put_object(storage.bucket, version.object_key, io.BytesIO(b"tampered"), 8)

    with session.begin():
        problems = integrity.check(session, storage, since=version.uploaded_at, report=lines.append)
    assert [(p.id, problem.split(" (")[0]) for p, problem in problems] == [(version.id, "checksum mismatch")]
    assert any(version.object_key in line for line in lines)


def test_the_sweep_removes_objects_no_version_names_after_the_grace_period(make_document, upload, attach, session,
                                                                           storage):
    document = make_document()
    version = attach(document, upload(document, b"kept " * 100), filename="kept.txt")
    orphan = f"documents/{document.id}/{uuid.uuid4()}/v1-orphan"
    storage.client.put_object(storage.bucket, orphan, io.BytesIO(b"orphan"), 6)

    with session.begin():
        assert files.sweep_orphans(session, storage=storage) == 0  # still within the grace period
    with session.begin():
        removed = files.sweep_orphans(session, storage=storage, older_than=timedelta(seconds=-60))

    assert removed >= 1
    assert not storage.exists(orphan) and storage.exists(version.object_key)
