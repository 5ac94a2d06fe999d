"""Who sees which document: in lists and their totals, by direct id in every call, in the
answer to "why", and who may register; approval participants come from approvals' events."""
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.envelope import Event
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied
from documents import access, files, life_cycle, logic, models, registration
from documents.service import DocumentsService

ROLES = ("administrator", "director", "lawyer", "accountant", "manager", "employee")


def person(*roles, permissions=()):
    return Actor(id=uuid.uuid4(), roles=list(roles), permissions=list(permissions))


def visible_ids(session, actor, counterparty_id):
    """The ids the actor lists among one counterparty's documents; the total must agree."""
    with session.begin():
        items, total = logic.list_documents(session, actor=actor, counterparty_id=counterparty_id)
    assert total == len(items)
    return {document.id for document in items}


def approval_started(document_id, initiator_id, approver_ids):
    """An ``approval.started`` event as it arrives from the bus: ids as text."""
    return Event(type="approval.started", producer="approvals", payload={
        "approval_id": str(uuid.uuid4()), "document_id": str(document_id), "counterparty_id": None,
        "document_title": "Supply contract", "document_number": None, "initiator_id": str(initiator_id),
        "approver_ids": [str(a) for a in approver_ids]})


@pytest.fixture
def service(session):
    """The service's worker as nameko runs it, with the test's session as its database."""
    return worker_factory(DocumentsService, db=session)


@pytest.fixture
def office(session, make_document, document_type, service):
    """Documents of one counterparty and the people around them.

    A secretary creates every document and is responsible for none; a manager is
    responsible for all; a clerk registers the memo later; an initiator and an approver
    take part in the approval of the protocol. Each role of ROLES has one unrelated holder.
    """
    counterparty_id = str(uuid.uuid4())
    people = {role: person(role) for role in ROLES}
    people.update(
        secretary=person("secretary", permissions=["register_documents"]),
        responsible=person("manager"),
        clerk=person("secretary", permissions=["register_documents"]),
        initiator=person("employee"),
        approver=person("employee"),
    )
    made = {code: make_document(code, by=people["secretary"], counterparty_id=counterparty_id,
                                responsible_id=str(people["responsible"].id))
            for code in ("contract", "invoice", "completion_act", "work_schedule")}
    made["memo"] = make_document("memo", by=people["secretary"], counterparty_id=counterparty_id,
                                 responsible_id=str(people["responsible"].id), register=False)
    journal = document_type("memo").journal
    with session.begin():
        registration.register(session, document=session.get(models.Document, made["memo"].id), journal=journal,
                       actor=people["clerk"])
    made["protocol"] = make_document("protocol", by=people["secretary"], counterparty_id=counterparty_id,
                                     responsible_id=str(people["responsible"].id))
    service.on_approval_started(approval_started(
        made["protocol"].id, people["initiator"].id, [people["approver"].id]).to_message())
    return counterparty_id, people, {code: document.id for code, document in made.items()}


EXPECTED = {
    "administrator": {"contract", "invoice", "completion_act", "work_schedule", "memo", "protocol"},
    "director": {"contract", "invoice", "completion_act", "work_schedule", "memo", "protocol"},
    "lawyer": {"contract"},
    "accountant": {"invoice", "completion_act"},
    "manager": set(),
    "employee": set(),
    "secretary": {"contract", "invoice", "completion_act", "work_schedule", "memo", "protocol"},
    "responsible": {"contract", "invoice", "completion_act", "work_schedule", "memo", "protocol"},
    "clerk": {"memo"},
    "initiator": {"protocol"},
    "approver": {"protocol"},
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_each_sees_exactly_the_documents_the_rules_give_them(session, office, who):
    counterparty_id, people, ids = office

    seen = visible_ids(session, people[who], counterparty_id)

    assert seen == {ids[code] for code in EXPECTED[who]}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_a_document_one_may_not_see_is_not_found_by_its_id(session, office, who):
    _, people, ids = office

    for code, document_id in ids.items():
        if code in EXPECTED[who]:
            with session.begin():
                assert access.get_document(session, document_id=document_id, actor=people[who]).id == document_id
        else:
            with pytest.raises(NotFound), session.begin():
                access.get_document(session, document_id=document_id, actor=people[who])


def test_totals_count_only_what_is_visible_across_pages(session, office):
    counterparty_id, people, _ = office

    with session.begin():
        page, total = logic.list_documents(session, actor=people["accountant"], counterparty_id=counterparty_id,
                                           limit=1)
    assert (len(page), total) == (1, 2)


def test_explaining_access_agrees_with_the_lists_for_everyone_and_every_document(session, office):
    counterparty_id, people, ids = office
    administrator = people["administrator"]

    for who, actor in people.items():
        listed = visible_ids(session, actor, counterparty_id)
        for code, document_id in ids.items():
            with session.begin():
                explained = access.explain_access(session, asked_by=administrator, actor=actor, record_id=document_id)
            assert explained["visible"] == (document_id in listed), (who, code)
            assert explained["reasons"] and all(r.endswith(".") for r in explained["reasons"]), (who, code)


@pytest.mark.parametrize("who, code, reason", [
    ("administrator", "memo", "They are an administrator, and administrators see every document."),
    ("director", "memo", "They are a director, and directors see every document."),
    ("responsible", "memo", "They are the document's responsible person."),
    ("clerk", "memo", "They registered the document."),
    ("secretary", "memo", "They created the document."),
    ("initiator", "protocol", "They initiated an approval of the document."),
    ("approver", "protocol", "They are an approver of the document."),
    ("lawyer", "contract", "The document type Contract is open to the role lawyer, which they have."),
])
def test_the_explanation_names_the_rule_that_applied(session, office, who, code, reason):
    _, people, ids = office

    with session.begin():
        explained = access.explain_access(session, asked_by=people["administrator"], actor=people[who],
                                         record_id=ids[code])

    assert explained["visible"] is True
    assert reason in explained["reasons"]


def test_the_explanation_of_a_refusal_says_what_the_type_is_open_to(session, office):
    _, people, ids = office

    with session.begin():
        explained = access.explain_access(session, asked_by=people["administrator"], actor=people["lawyer"],
                                         record_id=ids["invoice"])

    assert explained["visible"] is False
    [reason] = explained["reasons"]
    assert "the document type Invoice is open only to the roles accountant" in reason


def test_only_administrators_ask_why_and_unknown_documents_are_not_found(session, office):
    _, people, ids = office

    with pytest.raises(PermissionDenied), session.begin():
        access.explain_access(session, asked_by=people["director"], actor=people["lawyer"], record_id=ids["memo"])
    with pytest.raises(NotFound), session.begin():
        access.explain_access(session, asked_by=people["administrator"], actor=people["lawyer"],
                             record_id=uuid.uuid4())


def test_the_explain_entrypoint_names_a_record_type_it_does_not_know(service, office):
    _, people, ids = office

    with pytest.raises(InvalidInput) as refused:
        service.explain_access({"id": str(people["administrator"].id), "roles": ["administrator"]},
                               {"id": str(people["lawyer"].id), "roles": ["lawyer"]}, "approval", str(ids["memo"]))

    assert set(refused.value.details) == {"record_type"}


def test_what_one_may_not_see_cannot_be_changed_uploaded_to_or_downloaded(
        session, storage, office, make_document, upload, attach):
    _, people, ids = office
    outsider = people["manager"]
    memo = make_document()
    version = attach(memo, upload(memo, b"%PDF-1.4 the memo"))
    started = upload(memo, b"%PDF-1.4 a second copy")

    calls = [
        lambda: life_cycle.change_status(session, document_id=memo.id, to_status="archived", actor=outsider),
        lambda: files.start_upload(session, storage=storage, document_id=memo.id, actor=outsider),
        lambda: files.attach_file(session, storage=storage, document_id=memo.id, upload_id=started.id,
                                  filename="x.pdf", file_id=None, actor=outsider, max_bytes=1024),
        lambda: files.file_download(session, storage=storage, document_id=memo.id, version_id=version.id,
                                    actor=outsider),
    ]
    for call in calls:
        with pytest.raises(NotFound), session.begin():
            call()
    with session.begin():
        assert session.get(models.Document, memo.id).status == "draft"
        assert session.get(models.Upload, started.id).attached_at is None


def test_a_parent_one_may_not_see_is_unknown(make_document, office):
    _, people, ids = office

    with pytest.raises(InvalidInput) as refused:
        make_document(by=people["lawyer"], parent_id=str(ids["memo"]), register=False)

    assert refused.value.details == {"parent_id": ["Unknown parent document."]}


# Registration needs the register_documents permission; a draft does not.

def count_titled(session, title):
    with session.begin():
        return len(session.scalars(select(models.Document.id).where(models.Document.title == title)).all())


def test_registering_needs_the_permission_and_leaves_nothing_when_refused(session, make_document):
    title = f"Refused contract {uuid.uuid4().hex[:6]}"

    with pytest.raises(PermissionDenied) as refused:
        make_document("contract", by=person("manager"), title=title)

    assert refused.value.message == "your roles do not allow registering documents"
    assert refused.value.details == {"permission": "register_documents"}
    assert count_titled(session, title) == 0


def test_anyone_may_create_an_unregistered_draft_or_a_document_of_a_type_without_a_journal(make_document):
    manager = person("manager")

    draft = make_document("contract", by=manager, register=False)
    invoice = make_document("invoice", by=manager)

    assert (draft.number, draft.status, invoice.number) == (None, "draft", None)


def test_registering_a_draft_later_needs_the_permission_too(session, make_document, document_type):
    manager = person("manager")
    draft = make_document("contract", by=manager, register=False)

    journal = document_type("contract").journal

    with pytest.raises(PermissionDenied), session.begin():
        registration.register(session, document=session.get(models.Document, draft.id), journal=journal, actor=manager)


# approval.started: the initiator and every approver take part in the document.

def participants(session, document_id):
    with session.begin():
        return set(session.execute(select(models.DocumentParticipant.employee_id, models.DocumentParticipant.reason)
                                   .where(models.DocumentParticipant.document_id == document_id)).all())


def test_an_approval_start_adds_its_people_and_moves_the_document_once(session, service, make_document, reader):
    document = make_document()
    initiator, lawyer, accountant = person("employee"), person("employee"), person("employee")
    message = approval_started(document.id, initiator.id, [lawyer.id, accountant.id, lawyer.id]).to_message()

    service.on_approval_started(message)
    service.on_approval_started(message)  # redelivered

    assert participants(session, document.id) == {
        (initiator.id, "approval initiator"), (lawyer.id, "approver"), (accountant.id, "approver")}
    assert reader(lambda s: s.get(models.Document, document.id).status) == "on_approval"
    with session.begin():
        assert access.get_document(session, document_id=document.id, actor=accountant).id == document.id


def test_a_second_approval_adds_only_new_people(session, service, make_document):
    document = make_document()
    initiator, lawyer, director = person("employee"), person("employee"), person("employee")
    service.on_approval_started(approval_started(document.id, initiator.id, [lawyer.id]).to_message())

    service.on_approval_started(approval_started(document.id, lawyer.id, [initiator.id, director.id]).to_message())

    assert participants(session, document.id) == {
        (initiator.id, "approval initiator"), (lawyer.id, "approver"), (lawyer.id, "approval initiator"),
        (initiator.id, "approver"), (director.id, "approver")}


def test_an_approval_of_an_unknown_document_changes_nothing(session, service):
    document_id = uuid.uuid4()

    service.on_approval_started(approval_started(document_id, uuid.uuid4(), [uuid.uuid4()]).to_message())

    assert participants(session, document_id) == set()


@pytest.mark.parametrize("who", list(EXPECTED))
def test_asked_which_of_some_documents_one_may_see_the_answer_follows_the_same_rules(session, office, service,
                                                                                    who):
    """``visible_ids``: the counterparties service asks it to filter a relationship history."""
    _, people, ids = office
    actor = people[who]
    unknown = uuid.uuid4()
    as_argument = {"id": str(actor.id), "roles": actor.roles, "permissions": actor.permissions}

    answer = service.visible_ids(as_argument, {"ids": [str(i) for i in [*ids.values(), unknown]]})
    session.rollback()

    assert sorted(answer["ids"]) == sorted(str(ids[code]) for code in EXPECTED[who])


def test_asking_which_documents_names_a_bad_id(service):
    with pytest.raises(InvalidInput) as refused:
        service.visible_ids({"id": str(uuid.uuid4()), "roles": ["manager"]}, {"ids": ["not-an-id"]})
    assert "ids" in refused.value.details
