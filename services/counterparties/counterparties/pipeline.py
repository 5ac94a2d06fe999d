"""The sales pipeline: the board of negotiations by stage, and the funnel of a period.

The board has a column per stage of the ``negotiation_stage`` book (in its order; an
archived stage only while counterparties stand in it) and a card per counterparty in
negotiation (an active one with at least one note) that the actor sees: the directory's own query
(``logic.directory_query``: the same visibility, responsible, department and reference-book
filters) picks them. A card tells the stage's start (the note that moved the counterparty
there), the next planned contact, the last contact (the latest done activity or negotiation
note) and the expected deal; it is stalled when the last contact is ``stalled_days`` or more
days old (default ``PIPELINE_STALLED_DAYS`` of the environment, else 14). A column counts
every card that matches and sums the expected amounts per currency; it lists at most
``limit`` cards, those longest in the stage first.

The funnel counts, per stage, the counterparties that reached it in a period (a note moved
them there: their first note, or one whose stage differs from the note before) and how many
of those went on to the next stage of the book within the period.
"""
import logging
from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from sqlalchemy import func, select

from chancery_common.config import setting

from . import logic, negotiations
from .models import NEGOTIATION_STAGE, Activity, Counterparty, Negotiation, NegotiationNote, ReferenceValue

log = logging.getLogger(__name__)

DEFAULT_STALLED_DAYS = 14
MAX_STALLED_DAYS = 3650
MAX_FUNNEL_DAYS = 366


def default_stalled_days():
    """``PIPELINE_STALLED_DAYS`` of the environment (a whole number of days, 1 to 3650), else 14."""
    value = setting("PIPELINE_STALLED_DAYS")
    if value is None:
        return DEFAULT_STALLED_DAYS
    try:
        days = int(value)
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_STALLED_DAYS:
        log.warning("PIPELINE_STALLED_DAYS=%r is not 1 to %s days: %s days are used",
                    value, MAX_STALLED_DAYS, DEFAULT_STALLED_DAYS)
        return DEFAULT_STALLED_DAYS
    return days


class BoardQuerySchema(Schema):
    search = fields.String(load_default=None, validate=validate.Length(max=200))
    responsible_employee_id = fields.UUID(load_default=None, metadata={
        "description": "the primary or an additional responsible employee"})
    department_id = fields.UUID(load_default=None, metadata={"description": "the primary responsible works there"})
    activity_type_id = fields.List(fields.UUID(), load_default=None)
    region_id = fields.List(fields.UUID(), load_default=None)
    group_id = fields.List(fields.UUID(), load_default=None)
    category_id = fields.List(fields.UUID(), load_default=None)
    advertising_source_id = fields.List(fields.UUID(), load_default=None)
    stalled_days = fields.Integer(load_default=default_stalled_days,
                                  validate=validate.Range(min=1, max=MAX_STALLED_DAYS), metadata={
                                      "description": "a card with no contact for this many days is stalled"})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500), metadata={
        "description": "cards listed per column (the column's count and amounts cover all)"})


class StageSchema(Schema):
    id = fields.UUID()
    code = fields.String(allow_none=True)
    name = fields.String()
    position = fields.Integer()
    is_archived = fields.Boolean()


class AmountSchema(Schema):
    currency = fields.String()
    amount = fields.Decimal(as_string=True)


class CardSchema(Schema):
    counterparty_id = fields.UUID()
    name = fields.String()
    responsible_employee_id = fields.UUID(allow_none=True)
    stage_since = fields.AwareDateTime()
    days_in_stage = fields.Integer()
    next_contact_at = fields.AwareDateTime(allow_none=True)
    last_contact_at = fields.AwareDateTime()
    stalled = fields.Boolean()
    expected_amount = fields.Decimal(as_string=True, allow_none=True)
    currency = fields.String(allow_none=True)
    expected_close_on = fields.Date(allow_none=True)


class ColumnSchema(Schema):
    stage = fields.Nested(StageSchema)
    count = fields.Integer()
    stalled = fields.Integer()
    amounts = fields.List(fields.Nested(AmountSchema))
    cards = fields.List(fields.Nested(CardSchema))
    truncated = fields.Boolean()


class BoardSchema(Schema):
    stalled_days = fields.Integer()
    columns = fields.List(fields.Nested(ColumnSchema))
    count = fields.Integer()
    amounts = fields.List(fields.Nested(AmountSchema))


def board(session, *, actor, stalled_days, limit=100, now=None, **filters):
    """{stalled_days, columns, count, amounts}: see the module's docstring."""
    now = now or datetime.now(timezone.utc)
    # the directory's visible, filtered counterparties, once for every part of the query
    visible = logic.directory_query(actor=actor, status="active", **filters).with_only_columns(
        Counterparty.id).cte("visible")
    ids = select(visible.c.id)
    starts = negotiations.current_stage_starts(ids)
    next_contact = (select(Activity.counterparty_id, func.min(Activity.planned_at).label("at"))
                    .where(Activity.status == "planned", Activity.counterparty_id.in_(ids))
                    .group_by(Activity.counterparty_id).subquery())
    last_done = (select(Activity.counterparty_id, func.max(Activity.completed_at).label("at"))
                 .where(Activity.status == "done", Activity.counterparty_id.in_(ids))
                 .group_by(Activity.counterparty_id).subquery())
    last_note = (select(NegotiationNote.counterparty_id, func.max(NegotiationNote.noted_at).label("at"))
                 .where(NegotiationNote.counterparty_id.in_(ids)).group_by(NegotiationNote.counterparty_id).subquery())
    rows = session.execute(
        select(Counterparty.id, Counterparty.name, Counterparty.responsible_employee_id, starts.c.stage_id,
               starts.c.stage_since, Negotiation.expected_amount, Negotiation.currency, Negotiation.expected_close_on,
               next_contact.c.at.label("next_contact_at"),
               func.greatest(last_done.c.at, last_note.c.at).label("last_contact_at"))
        .join(starts, starts.c.counterparty_id == Counterparty.id)
        .join(last_note, last_note.c.counterparty_id == Counterparty.id)
        .outerjoin(Negotiation, Negotiation.counterparty_id == Counterparty.id)
        .outerjoin(next_contact, next_contact.c.counterparty_id == Counterparty.id)
        .outerjoin(last_done, last_done.c.counterparty_id == Counterparty.id)
        .where(Counterparty.id.in_(ids))
        .order_by(starts.c.stage_since, func.lower(Counterparty.name), Counterparty.id)).all()
    by_stage = defaultdict(list)
    for row in rows:
        by_stage[row.stage_id].append(_card(row, now=now, stalled_days=stalled_days))
    stages = session.scalars(select(ReferenceValue).where(ReferenceValue.kind == NEGOTIATION_STAGE)
                             .order_by(ReferenceValue.position, func.lower(ReferenceValue.name),
                                       ReferenceValue.id)).all()
    columns = [{"stage": stage, "count": len(by_stage[stage.id]),
                "stalled": sum(card["stalled"] for card in by_stage[stage.id]),
                "amounts": sums(by_stage[stage.id]), "cards": by_stage[stage.id][:limit],
                "truncated": len(by_stage[stage.id]) > limit}
               for stage in stages if not stage.is_archived or by_stage[stage.id]]
    every = [card for cards in by_stage.values() for card in cards]
    return {"stalled_days": stalled_days, "columns": columns, "count": len(every), "amounts": sums(every)}


def _card(row, *, now, stalled_days):
    last_contact = row.last_contact_at
    return {"counterparty_id": row.id, "name": row.name, "responsible_employee_id": row.responsible_employee_id,
            "stage_since": row.stage_since, "days_in_stage": max(0, (now - row.stage_since).days),
            "next_contact_at": row.next_contact_at, "last_contact_at": last_contact,
            "stalled": (now - last_contact).days >= stalled_days,
            "expected_amount": row.expected_amount, "currency": row.currency,
            "expected_close_on": row.expected_close_on}


def sums(cards):
    """[{currency, amount}] of the cards' expected amounts, one per currency, by currency."""
    totals = defaultdict(Decimal)
    for card in cards:
        if card["expected_amount"] is not None:
            totals[card["currency"]] += card["expected_amount"]
    return [{"currency": currency, "amount": totals[currency]} for currency in sorted(totals)]


# the funnel ---------------------------------------------------------------------------------

class FunnelQuerySchema(Schema):
    since = fields.AwareDateTime(required=True)
    until = fields.AwareDateTime(required=True)
    department_id = fields.UUID(load_default=None, allow_none=True)

    @validates_schema
    def a_real_period(self, data, **kwargs):
        if "since" in data and "until" in data:
            if data["until"] <= data["since"]:
                raise ValidationError("The period must end after it starts.", "until")
            if (data["until"] - data["since"]).days > MAX_FUNNEL_DAYS:
                raise ValidationError(f"A period of at most {MAX_FUNNEL_DAYS} days.", "until")


class FunnelStepSchema(Schema):
    stage = fields.Nested(StageSchema)
    reached = fields.Integer(metadata={"description": "counterparties a note moved to this stage in the period"})
    went_on = fields.Integer(allow_none=True, metadata={
        "description": "of those, how many a later note of the period moved to the next stage; null for the last"})
    conversion = fields.Float(allow_none=True, metadata={
        "description": "went_on / reached in per cent (one decimal); null for the last stage or none reached"})


class FunnelSchema(Schema):
    since = fields.AwareDateTime()
    until = fields.AwareDateTime()
    steps = fields.List(fields.Nested(FunnelStepSchema))


def funnel(session, *, actor, since, until, department_id=None):
    """{since, until, steps}: per stage of the book (archived ones left out), in its order."""
    ids = logic.directory_query(actor=actor, department_id=department_id).with_only_columns(Counterparty.id)
    changes = negotiations.stage_changes(ids)
    rows = session.execute(select(changes.c.counterparty_id, changes.c.stage_id, changes.c.noted_at)
                           .where(changes.c.noted_at >= since, changes.c.noted_at < until)
                           .order_by(changes.c.counterparty_id, changes.c.noted_at, changes.c.id)).all()
    stages = session.scalars(select(ReferenceValue).where(ReferenceValue.kind == NEGOTIATION_STAGE,
                                                          ReferenceValue.is_archived.is_(False))
                             .order_by(ReferenceValue.position, func.lower(ReferenceValue.name),
                                       ReferenceValue.id)).all()
    following = {stage.id: after.id for stage, after in zip(stages, stages[1:], strict=False)}
    moves = defaultdict(list)  # counterparty -> [(when, stage)] in the period, in order
    for counterparty_id, stage_id, noted_at in rows:
        moves[counterparty_id].append((noted_at, stage_id))
    reached, went_on = defaultdict(int), defaultdict(int)
    for path in moves.values():
        first_reached = {}
        for when, stage_id in path:
            first_reached.setdefault(stage_id, when)
        for stage_id, when in first_reached.items():
            reached[stage_id] += 1
            after = following.get(stage_id)
            if after is not None and any(later > when and stage == after for later, stage in path):
                went_on[stage_id] += 1
    steps = []
    for stage in stages:
        last = stage.id not in following
        count = reached[stage.id]
        steps.append({"stage": stage, "reached": count, "went_on": None if last else went_on[stage.id],
                      "conversion": None if last or not count else round(100 * went_on[stage.id] / count, 1)})
    return {"since": since, "until": until, "steps": steps}
