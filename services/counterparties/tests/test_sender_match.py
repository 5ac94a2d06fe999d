"""Who sent an incoming letter (the intake service's suggestion): the counterparty by the
sender's e-mail, its own or a contact person's, in any case; else by a tax id in the text;
never a merged or inactive one."""
import uuid

from counterparties import logic, schemas, sender_match
from chancery_common.errors import load

INN = "7707083893"


def test_sender_found_by_email_of_the_card_or_a_contact_person_then_by_tax_id(session, make_counterparty, actor):
    tag = uuid.uuid4().hex[:6]
    by_card = make_counterparty(name=f"Card {tag}", email=f"Office.{tag}@Romashka.test")
    by_person = make_counterparty(name=f"Person {tag}")
    with session.begin():
        logic.add_contact_person(session, counterparty_id=by_person.id, actor=actor, data=load(
            schemas.ContactPersonSchema(), {"full_name": "Ivan Petrov", "emails": [f"Ivan.{tag}@vasilek.test"]}))
    make_counterparty(name=f"Tax {tag}", tax_id=INN, allow_duplicate=True)

    found = sender_match.match(session, email=f"office.{tag}@romashka.test", tax_ids=[INN])
    assert (found["id"], found["matched_by"]) == (by_card.id, "email")  # the address wins over a tax id
    found = sender_match.match(session, email=f"IVAN.{tag}@vasilek.test")
    assert (found["id"], found["matched_by"]) == (by_person.id, "email")
    found = sender_match.match(session, email=f"nobody.{tag}@else.test", tax_ids=["1234567890", INN])
    assert found["matched_by"] == "tax_id" and found["tax_id"] == INN
    assert sender_match.match(session, email=f"nobody.{tag}@else.test", tax_ids=[]) is None
    assert set(found) == {"id", "name", "short_name", "tax_id", "matched_by"}
