"""Contract execution: a contract's milestones and payments, its settlement, and what is overdue.

A contract (a document whose type is of kind ``contract``) has milestones (obligations with a
deadline, each closed by a signed completion act of the contract or marked done by hand)
and payments: planned ones (the schedule) and actual ones. Its settlement, per currency:
accrued is what the signed completion acts of the contract (and of its annexes) are worth,
paid what the actual payments add up to, the balance the difference (above zero the
customer owes, below zero an advance was paid). Actual payments cover the planned ones
oldest first; a planned payment past its date and not covered is overdue, as is a milestone
past its deadline and not done. "Today" is the UTC date, as everywhere in this service.

Changes lock the contract's row, so two people recording payments of one contract at the
same moment both count. Payments are never deleted: a wrong one is cancelled with a
reason and stays listed. Every change is in the contract's history (the audit log) and
announced (``contract.milestone_changed``, ``contract.payment_recorded``,
``contract.payment_cancelled``).
"""
from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import Numeric, String, and_, exists, func, literal, null, or_, select, union_all
from sqlalchemy.orm import aliased

from chancery_common import versions
from chancery_common.audit import diff
from chancery_common.paging import total

from . import events, schemas
from .exceptions import Conflict, InvalidInput, NotFound
from .access import get_document, visible_to
from .models import ContractTerms, Document, DocumentType, Milestone, Payment, StatusChange, audit_log

CONTRACT_KIND, ACT_KIND, INVOICE_KIND, ANNEX_KIND = "contract", "completion_act", "invoice", "annex"
# we_are of a contract nobody has said anything about: most contracts a holding keeps are sales
DEFAULT_WE_ARE = "supplier"
ZERO = Decimal("0.00")
MILESTONE_FIELDS = ("title", "due_on", "amount", "currency", "note", "act_id", "completed_on")


def today():
    return datetime.now(timezone.utc).date()


# Reading.

def get_execution(session, *, document_id, actor):
    """The contract's execution as the card shows it (see the module's docstring)."""
    contract = _contract(session, get_document(session, document_id=document_id, actor=actor))
    return _execution(session, contract)


def _contract(session, document):
    if document.type.kind != CONTRACT_KIND:
        raise InvalidInput("Invalid input: document_id", {"document_id": [
            f"Execution is kept for contracts; this document is of the kind {document.type.kind}."]})
    return document


def _execution(session, contract):
    on = today()
    terms = session.get(ContractTerms, contract.id)
    papers = _papers(session, contract)
    acts = [p for p in papers if p["kind"] == ACT_KIND]
    milestones = session.scalars(select(Milestone).where(Milestone.document_id == contract.id)
                                 .order_by(Milestone.due_on, Milestone.position)).all()
    by_act = {m.act_id: m.id for m in milestones if m.act_id is not None}
    payments = session.scalars(select(Payment).where(Payment.document_id == contract.id)
                               .order_by(Payment.kind.desc(), Payment.on_date, Payment.created_at, Payment.id)).all()
    covered = coverage(payments)
    dumped_milestones = [_milestone(m, {a["id"]: a for a in acts}, on) for m in milestones]
    dumped_payments = [_payment(p, covered.get(p.id), {i["id"]: i for i in papers}, on) for p in payments]
    return {
        "document_id": contract.id,
        "we_are": terms.we_are if terms else DEFAULT_WE_ARE,
        "milestones": dumped_milestones,
        "payments": dumped_payments,
        "totals": settlement(contract, acts, payments, covered, on),
        "overdue": {"milestones": sum(m["status"] == "overdue" for m in dumped_milestones),
                    "payments": sum(p["status"] == "overdue" for p in dumped_payments)},
        "acts": [{**_paper(a), "milestone_id": by_act.get(a["id"])} for a in acts],
        "invoices": [_paper(i) for i in papers if i["kind"] == INVOICE_KIND],
    }


def _papers(session, contract):
    """The completion acts and invoices of the contract and of its annexes, each with whether
    and when it was signed (an act counts once signed, unless it was terminated)."""
    annexes = select(Document.id).join(DocumentType, DocumentType.id == Document.type_id).where(
        Document.parent_id == contract.id, DocumentType.kind == ANNEX_KIND)
    signed_at = (select(func.max(StatusChange.changed_at))
                 .where(StatusChange.document_id == Document.id, StatusChange.to_status == "signed")
                 .correlate(Document).scalar_subquery())
    rows = session.execute(
        select(Document.id, Document.number, Document.title, Document.status, Document.amount, Document.currency,
               Document.signing_date, DocumentType.kind, signed_at.label("signed_at"))
        .join(DocumentType, DocumentType.id == Document.type_id)
        .where(or_(Document.parent_id == contract.id, Document.parent_id.in_(annexes)),
               DocumentType.kind.in_((ACT_KIND, INVOICE_KIND)))
        .order_by(Document.created_at, Document.id)).all()
    return [{**row._asdict(), "counts": row.signed_at is not None and row.status != "terminated"} for row in rows]


def _paper(row):
    return {name: row[name] for name in ("id", "number", "title", "status", "amount", "currency", "signing_date")}


def coverage(payments):
    """{planned payment id: the part of it the actual payments cover}, per currency, the
    planned ones in date order taking from what was paid until it runs out."""
    paid = defaultdict(lambda: ZERO)
    for p in payments:
        if p.kind == "actual" and p.cancelled_at is None:
            paid[p.currency] += p.amount
    covered = {}
    for p in sorted((p for p in payments if p.kind == "planned" and p.cancelled_at is None),
                    key=lambda p: (p.on_date, p.created_at, str(p.id))):
        covered[p.id] = min(p.amount, paid[p.currency])
        paid[p.currency] -= covered[p.id]
    return covered


def _milestone(m, acts, on):
    act = acts.get(m.act_id)
    completed_on = m.completed_on
    if completed_on is None and act is not None and act["counts"]:
        completed_on = act["signing_date"] or act["signed_at"].date()
    if completed_on is not None:
        status = "done"
    elif m.due_on < on:
        status = "overdue"
    else:
        status = "act_pending" if act is not None else "planned"
    return {
        "id": m.id, "version": m.version, "position": m.position, "title": m.title, "due_on": m.due_on,
        "amount": m.amount, "currency": m.currency, "note": m.note, "act_id": m.act_id,
        "act": _paper(act) if act else None, "completed_on": completed_on, "status": status,
        "days_overdue": (on - m.due_on).days if status == "overdue" else 0,
        "created_by": m.created_by, "created_at": m.created_at,
    }


def _payment(p, covered, papers, on):
    if p.cancelled_at is not None:
        status = "cancelled"
    elif p.kind == "actual":
        status = "recorded"
    elif covered == p.amount:
        status = "paid"
    elif p.on_date < on:
        status = "overdue"
    else:
        status = "partly_paid" if covered else "due"
    invoice = papers.get(p.invoice_id)
    return {
        "id": p.id, "kind": p.kind, "on": p.on_date, "amount": p.amount, "currency": p.currency,
        "invoice_id": p.invoice_id, "invoice": _paper(invoice) if invoice else None, "reference": p.reference,
        "note": p.note, "status": status, "covered": covered if p.kind == "planned" else None,
        "days_overdue": (on - p.on_date).days if status == "overdue" else 0,
        "cancelled_at": p.cancelled_at, "cancelled_by": p.cancelled_by, "cancel_reason": p.cancel_reason,
        "created_by": p.created_by, "created_at": p.created_at,
    }


def settlement(contract, acts, payments, covered, on):
    """Per currency: the contract's amount, accrued, paid, balance, planned to date, overdue, remaining."""
    rows = defaultdict(lambda: {"accrued": ZERO, "paid": ZERO, "planned_to_date": ZERO, "overdue_amount": ZERO})
    if contract.currency:
        rows[contract.currency]
    for act in acts:
        if act["counts"] and act["amount"] is not None:
            rows[act["currency"] or contract.currency]["accrued"] += act["amount"]
    for p in payments:
        if p.cancelled_at is not None:
            continue
        row = rows[p.currency]
        if p.kind == "actual":
            row["paid"] += p.amount
        elif p.on_date <= on:
            row["planned_to_date"] += p.amount
            if p.on_date < on:
                row["overdue_amount"] += p.amount - covered[p.id]
    result = []
    for currency in sorted(rows, key=lambda c: (c != contract.currency, c or "")):
        row = rows[currency]
        amount = contract.amount if currency == contract.currency else None
        result.append({"currency": currency, "contract_amount": amount, **row,
                       "balance": row["accrued"] - row["paid"],
                       "remaining": amount - row["accrued"] if amount is not None else None})
    return result


# Changing.

def set_terms(session, *, document_id, we_are, actor):
    contract = _for_change(session, document_id=document_id, actor=actor)
    terms = session.get(ContractTerms, contract.id)
    before = terms.we_are if terms else DEFAULT_WE_ARE
    if terms is None:
        session.add(ContractTerms(document_id=contract.id, we_are=we_are, updated_by=actor.id))
    else:
        terms.we_are, terms.updated_by = we_are, actor.id
    session.flush()
    if before != we_are:
        audit_log.record(session, actor_id=actor.id, action="contract_terms_changed", record_type="document",
                         record_id=contract.id, changes={"we_are": {"from": before, "to": we_are}})
    return _execution(session, contract)


def add_milestone(session, *, document_id, actor, title, due_on, amount=None, currency=None, note=None):
    contract = _for_change(session, document_id=document_id, actor=actor)
    currency = _currency(contract, amount, currency)
    position = (session.scalar(select(func.max(Milestone.position)).where(Milestone.document_id == contract.id))
                or 0) + 1
    milestone = Milestone(document_id=contract.id, position=position, title=title, due_on=due_on, amount=amount,
                          currency=currency, note=note, created_by=actor.id)
    session.add(milestone)
    session.flush()
    state = _milestone_state(milestone)
    audit_log.record(session, actor_id=actor.id, action="milestone_added", record_type="document",
                     record_id=contract.id, changes={"milestone_id": {"from": None, "to": milestone.id},
                                                     **diff({}, state, list(state))})
    return _announce_milestone(session, contract, milestone, "added", actor.id, diff({}, state, list(state)))


# a milestone's own fields, as the check of its version reports them (versions.check)
MILESTONE_DUMPED = ("id", "version", "position", "title", "due_on", "amount", "currency", "note", "act_id",
                    "completed_on")


def update_milestone(session, *, milestone_id, changes, actor, expected_version=None):
    """``expected_version``: as versions.check (the milestone's changes are audited on its contract)."""
    milestone, contract = _milestone_for_change(session, milestone_id, actor)
    versions.check(session, record=milestone, expected_version=expected_version, audit_log=audit_log,
                   record_type="milestone", dump=schemas.MilestoneSchema(only=MILESTONE_DUMPED).dump,
                   audited_as=("document", contract.id, "milestone_id"))
    before = _milestone_state(milestone)
    after = {**before, **{name: value for name, value in changes.items() if name in MILESTONE_FIELDS}}
    after["currency"] = _currency(contract, after["amount"], after["currency"])
    if after["act_id"] is not None and after["act_id"] != before["act_id"]:
        _ensure_act(session, contract, milestone, after["act_id"])
    if after["completed_on"] is not None and after["completed_on"] > today():
        raise InvalidInput("Invalid input: completed_on", {"completed_on": [
            "A milestone cannot be done in the future."]})
    changed = diff(before, after, list(MILESTONE_FIELDS))
    if not changed:
        return _execution(session, contract)
    for name in changed:
        setattr(milestone, name, after[name])
    session.flush()
    session.refresh(milestone, ["act"])
    audit_log.record(session, actor_id=actor.id, action="milestone_changed", record_type="document",
                     record_id=contract.id, changes={"milestone_id": milestone.id, **changed})
    return _announce_milestone(session, contract, milestone, "updated", actor.id, changed)


def remove_milestone(session, *, milestone_id, actor):
    milestone, contract = _milestone_for_change(session, milestone_id, actor)
    state = _milestone_state(milestone)
    changed = diff(state, dict.fromkeys(state), list(state))
    session.delete(milestone)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="milestone_removed", record_type="document",
                     record_id=contract.id, changes={"milestone_id": {"from": milestone.id, "to": None}, **changed})
    return _announce_milestone(session, contract, milestone, "removed", actor.id, changed, status="removed")


def add_payment(session, *, document_id, actor, kind, on, amount, currency=None, invoice_id=None, reference=None,
                note=None):
    contract = _for_change(session, document_id=document_id, actor=actor)
    currency = _currency(contract, amount, currency)
    if invoice_id is not None and not any(
            p["id"] == invoice_id and p["kind"] == INVOICE_KIND for p in _papers(session, contract)):
        raise InvalidInput("Invalid input: invoice_id", {"invoice_id": [
            "Not an invoice of this contract (or of its annexes)."]})
    if kind == "actual" and on > today():
        raise InvalidInput("Invalid input: on", {"on": ["A payment cannot be made in the future: plan it instead."]})
    payment = Payment(document_id=contract.id, kind=kind, on_date=on, amount=amount, currency=currency,
                      invoice_id=invoice_id, reference=reference, note=note, created_by=actor.id)
    session.add(payment)
    session.flush()
    state = {"kind": kind, "on": on, "amount": amount, "currency": currency, "invoice_id": invoice_id,
             "reference": reference}
    audit_log.record(session, actor_id=actor.id, action="payment_added", record_type="document",
                     record_id=contract.id, changes={"payment_id": {"from": None, "to": payment.id},
                                                     **diff({}, state, list(state))})
    execution = _execution(session, contract)
    events.catalog.record(session, events.CONTRACT_PAYMENT_RECORDED, {
        **events.document_ref(contract), "payment_id": payment.id, "kind": kind, "on": on, "amount": amount,
        "currency": currency, "invoice_id": invoice_id, "reference": reference, "recorded_by": actor.id,
        **_settlement_fields(execution)})
    return execution


def cancel_payment(session, *, payment_id, reason, actor):
    payment = session.scalars(select(Payment).where(
        Payment.id == payment_id, Payment.document_id.in_(select(Document.id).where(visible_to(actor))))).first()
    if payment is None:
        raise NotFound(f"payment {payment_id} not found")
    contract = _for_change(session, document_id=payment.document_id, actor=actor)
    session.refresh(payment)
    if payment.cancelled_at is not None:
        raise Conflict(f"payment {payment.id} is already cancelled", {"payment_id": ["Already cancelled."]})
    payment.cancelled_at, payment.cancelled_by, payment.cancel_reason = datetime.now(timezone.utc), actor.id, reason
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="payment_cancelled", record_type="document",
                     record_id=contract.id, changes={"payment_id": payment.id, "reason": {"from": None, "to": reason},
                                                     "amount": {"from": payment.amount, "to": None}})
    execution = _execution(session, contract)
    events.catalog.record(session, events.CONTRACT_PAYMENT_CANCELLED, {
        **events.document_ref(contract), "payment_id": payment.id, "kind": payment.kind, "on": payment.on_date,
        "amount": payment.amount, "currency": payment.currency, "reason": reason, "cancelled_by": actor.id,
        **_settlement_fields(execution)})
    return execution


def _for_change(session, *, document_id, actor):
    """The contract, locked: one change of its execution at a time."""
    contract = session.scalars(select(Document).where(Document.id == document_id, visible_to(actor))
                               .with_for_update(of=Document)).first()
    if contract is None:
        raise NotFound(f"document {document_id} not found")
    _contract(session, contract)
    if contract.status == "archived":
        raise Conflict(f"contract {contract.number or contract.id} is archived: its execution can no longer change",
                       {"status": ["archived contracts cannot change"]})
    return contract


def _milestone_for_change(session, milestone_id, actor):
    document_id = session.scalar(select(Milestone.document_id).where(
        Milestone.id == milestone_id, Milestone.document_id.in_(select(Document.id).where(visible_to(actor)))))
    if document_id is None:
        raise NotFound(f"milestone {milestone_id} not found")
    contract = _for_change(session, document_id=document_id, actor=actor)
    milestone = session.get(Milestone, milestone_id, populate_existing=True)
    if milestone is None:
        raise NotFound(f"milestone {milestone_id} not found")
    return milestone, contract


def _currency(contract, amount, currency):
    if amount is None:
        return None
    currency = currency or contract.currency
    if not currency:
        raise InvalidInput("Invalid input: currency", {"currency": [
            "Give the currency: the contract has none to take it from."]})
    return currency


def _ensure_act(session, contract, milestone, act_id):
    if not any(p["id"] == act_id and p["kind"] == ACT_KIND for p in _papers(session, contract)):
        raise InvalidInput("Invalid input: act_id", {"act_id": [
            "Not a completion act of this contract (or of its annexes)."]})
    other = session.scalar(select(Milestone.title).where(Milestone.act_id == act_id, Milestone.id != milestone.id))
    if other is not None:
        raise Conflict(f"this act already closes the milestone «{other}»", {"act_id": [
            f"This act already closes the milestone «{other}»."]})


def _milestone_state(m):
    return {name: getattr(m, name) for name in MILESTONE_FIELDS}


def _announce_milestone(session, contract, milestone, change, actor_id, changed, status=None):
    execution = _execution(session, contract)
    shown = next((m for m in execution["milestones"] if m["id"] == milestone.id), None)
    events.catalog.record(session, events.CONTRACT_MILESTONE_CHANGED, {
        **events.document_ref(contract), "milestone_id": milestone.id, "change": change,
        "milestone_title": milestone.title, "due_on": milestone.due_on, "amount": milestone.amount,
        "currency": milestone.currency, "act_id": milestone.act_id,
        "completed_on": shown["completed_on"] if shown else None,
        "milestone_status": status or shown["status"], "changed_by": actor_id,
        "changes": {name: {"from": _text(c["from"]), "to": _text(c["to"])} for name, c in changed.items()}})
    return execution


def _text(value):
    return None if value is None else str(value)


def _settlement_fields(execution):
    """What a payment's event tells of the contract after it: the totals, and the planned
    payments not yet covered (so a subscriber can follow the schedule without asking)."""
    return {
        "we_are": execution["we_are"],
        "settlement": [{name: _text(value) if isinstance(value, Decimal) else value for name, value in row.items()}
                       for row in execution["totals"]],
        "open_planned": [{"payment_id": p["id"], "on": p["on"], "outstanding": p["amount"] - p["covered"],
                          "currency": p["currency"]}
                         for p in execution["payments"] if p["kind"] == "planned" and p["status"] != "paid"
                         and p["status"] != "cancelled"],
    }


def on_act_status(session, act, actor_id):
    """A completion act was signed or terminated: the milestone it closes is announced again
    (done, or open once more), so subscribers need not follow the acts themselves."""
    for milestone in session.scalars(select(Milestone).where(Milestone.act_id == act.id)):
        contract = session.get(Document, milestone.document_id)
        _announce_milestone(session, contract, milestone, "updated", actor_id,
                            {"act_status": {"from": None, "to": act.status}})


# Overdue, across the contracts the actor sees.

def overdue(session, *, actor, counterparty_id=None, responsible_id=None, department_id=None, limit=50, offset=0):
    """Milestones past their deadline and not done, and planned payments past their date and not
    covered, of the contracts the actor sees: most overdue first."""
    on = today()
    contracts = select(Document.id).join(DocumentType, DocumentType.id == Document.type_id).where(
        DocumentType.kind == CONTRACT_KIND, Document.status != "archived", visible_to(actor))
    if counterparty_id is not None:
        contracts = contracts.where(Document.counterparty_id == counterparty_id)
    if responsible_id is not None:
        contracts = contracts.where(Document.responsible_id == responsible_id)
    if department_id is not None:
        contracts = contracts.where(Document.department_id == department_id)

    act = aliased(Document)
    act_signed = exists().where(StatusChange.document_id == act.id, StatusChange.to_status == "signed")
    milestones = (
        select(literal("milestone", String).label("kind"), Milestone.id, Milestone.document_id,
               Milestone.due_on.label("due_on"), Milestone.title.label("title"), Milestone.amount.label("amount"),
               Milestone.amount.label("outstanding"), Milestone.currency.label("currency"))
        .outerjoin(act, act.id == Milestone.act_id)
        .where(Milestone.document_id.in_(contracts), Milestone.completed_on.is_(None), Milestone.due_on < on,
               or_(Milestone.act_id.is_(None), act.status == "terminated", ~act_signed)))

    live = and_(Payment.kind == "planned", Payment.cancelled_at.is_(None))
    with_overdue = select(Payment.document_id).where(live, Payment.on_date < on, Payment.document_id.in_(contracts))
    before = (func.sum(Payment.amount).over(partition_by=(Payment.document_id, Payment.currency),
                                            order_by=(Payment.on_date, Payment.created_at, Payment.id))
              - Payment.amount)
    planned = (select(Payment.id, Payment.document_id, Payment.on_date, Payment.amount, Payment.currency,
                      before.label("before"))
               .where(live, Payment.document_id.in_(with_overdue)).subquery())
    paid = (select(Payment.document_id, Payment.currency, func.sum(Payment.amount).label("paid"))
            .where(Payment.kind == "actual", Payment.cancelled_at.is_(None),
                   Payment.document_id.in_(with_overdue))
            .group_by(Payment.document_id, Payment.currency).subquery())
    covered = func.least(planned.c.amount, func.greatest(func.coalesce(paid.c.paid, 0) - planned.c.before, 0))
    outstanding = planned.c.amount - covered
    payments = (
        select(literal("payment", String).label("kind"), planned.c.id, planned.c.document_id,
               planned.c.on_date.label("due_on"), null().label("title"), planned.c.amount.label("amount"),
               outstanding.cast(Numeric(18, 2)).label("outstanding"), planned.c.currency.label("currency"))
        .outerjoin(paid, and_(paid.c.document_id == planned.c.document_id, paid.c.currency == planned.c.currency))
        .where(planned.c.on_date < on, outstanding > 0))

    items = union_all(milestones, payments).subquery()
    query = (select(items, Document.number.label("document_number"), Document.title.label("document_title"),
                    Document.counterparty_id, Document.responsible_id)
             .join(Document, Document.id == items.c.document_id))
    rows = session.execute(query.order_by(items.c.due_on, items.c.kind, items.c.id).limit(limit).offset(offset)).all()
    result = [{**row._asdict(), "days_overdue": (on - row.due_on).days} for row in rows]
    return result, total(session, query, shown=len(rows), limit=limit, offset=offset)


def summaries(session, contract_ids):
    """{contract id: our side, its overdue counts, totals and next open milestone} for the contracts among
    ``contract_ids`` that keep an execution (a milestone or a payment): one query when none do."""
    kept = session.scalars(
        select(Milestone.document_id).where(Milestone.document_id.in_(contract_ids))
        .union(select(Payment.document_id).where(Payment.document_id.in_(contract_ids)))).all() if contract_ids else []
    result = {}
    for contract in session.scalars(select(Document).where(Document.id.in_(kept))):
        kept_execution = _execution(session, contract)
        result[contract.id] = {
            "we_are": kept_execution["we_are"], "overdue": kept_execution["overdue"],
            "totals": kept_execution["totals"],
            "next_milestone": next((m for m in kept_execution["milestones"] if m["status"] != "done"), None)}
    return result

