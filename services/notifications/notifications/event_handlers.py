"""What other services' events mean here: copies of the records reminders depend on, the
notifications approvals send, and the reminder rows each source plans.

Each handler runs once per event (``handle_once``) in the event's transaction.
"""
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import array, insert

from chancery_common.values import as_uuid

from . import logic, reminders
from .models import (
    Activity, ApprovalTask, Counterparty, Department, Document, Employee, Preference, Reminder, ReminderScheme,
)
from .reminders import Wanted

DEFAULT_REMINDER_TIME = time(9, 0)
# before an approval deadline, and after it if the task is still open
APPROVAL_DEADLINE_OFFSETS = ((timedelta(days=-1), "1 day before"), (timedelta(hours=-1), "1 hour before"),
                             (timedelta(days=1), "1 day after"))
DATE_FIELDS = ("document_date", "signing_date", "valid_from", "valid_until")



def _moment(value):
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _date(value):
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _zone(session, employee_id):
    return logic.zone_of(session.get(Employee, employee_id))


# Staff.

# reminders planned at a wall-clock time in the recipient's zone (09:00 on the day, a scheme's
# time of day); the others are moments (minutes before an activity, hours before a deadline)
LOCAL_CLOCK_SOURCES = ("important_date:", "scheme:", "paper_copy:", "milestone:", "payment:")


def on_employee(session, *, event):
    p = event.payload
    employee = session.get(Employee, as_uuid(p["employee_id"])) or Employee(id=as_uuid(p["employee_id"]))
    old_zone = employee.time_zone
    for name in ("full_name", "email", "time_zone", "locale", "roles", "is_active"):
        if name in p and p[name] is not None:
            setattr(employee, name, p[name])
    if "department_id" in p:
        employee.department_id = as_uuid(p["department_id"])
    employee.full_name = employee.full_name or ""
    employee.time_zone = employee.time_zone or "UTC"
    employee.locale = employee.locale or "en"
    employee.roles = employee.roles or []
    employee.is_active = True if employee.is_active is None else employee.is_active
    session.merge(employee)
    if old_zone and old_zone != employee.time_zone:
        # 09:00 stays 09:00 where the employee now is
        reminders.follow_time_zone(session, recipient_id=employee.id, old=old_zone, new=employee.time_zone,
                                   prefixes=LOCAL_CLOCK_SOURCES)


def on_department(session, *, event):
    p = event.payload
    session.merge(Department(id=as_uuid(p["department_id"]), name=p.get("name") or "",
                             parent_id=as_uuid(p.get("parent_id")), head_id=as_uuid(p.get("head_id"))))


# Counterparties.

def on_counterparty(session, *, event):
    """created / updated: keep the name and the responsible employee; a new responsible takes
    over the pending reminders that went to the old one as the counterparty's responsible."""
    p = event.payload
    counterparty_id = as_uuid(p["counterparty_id"])
    counterparty = _locked_copy(session, Counterparty, counterparty_id, name="")
    if p.get("name"):
        counterparty.name = p["name"]
    changes = p.get("changes") or {}
    if "responsible_employee_id" in p:
        responsible = as_uuid(p["responsible_employee_id"])
    elif "responsible_employee_id" in changes:
        responsible = as_uuid((changes["responsible_employee_id"] or {}).get("to"))
    else:
        return
    if counterparty.responsible_id and responsible != counterparty.responsible_id:
        _hand_over(session, [counterparty_id], counterparty.responsible_id, responsible)
    counterparty.responsible_id = responsible


def on_counterparty_handed_over(session, *, event):
    p = event.payload
    ids = [as_uuid(i) for i in p["counterparty_ids"]]
    to_id, from_id = as_uuid(p["to_employee_id"]), as_uuid(p["from_employee_id"])
    for counterparty_id in ids:
        _locked_copy(session, Counterparty, counterparty_id, name="").responsible_id = to_id
    _hand_over(session, ids, from_id, to_id)


def _locked_copy(session, model, row_id, **blank):
    """This service's copy of another service's record, made blank if it is not here yet, and
    locked for this transaction. Two events about one record (created and registered, say)
    may be handled at once, by two workers or two replicas: the second waits for the first
    here instead of inserting the row again (a duplicate key, and a redelivery)."""
    session.execute(insert(model).values(id=row_id, **blank).on_conflict_do_nothing(index_elements=["id"]))
    return session.get(model, row_id, with_for_update=True, populate_existing=True)


def _hand_over(session, counterparty_ids, from_id, to_id):
    """Pending reminders sent to the counterparty's responsible go to the new one."""
    if to_id is None:
        return
    session.execute(update(Reminder).where(
        Reminder.state == "pending", Reminder.counterparty_id.in_(counterparty_ids),
        Reminder.recipient_id == from_id, Reminder.payload["via"].astext == "counterparty_responsible",
    ).values(recipient_id=to_id).execution_options(synchronize_session=False))


def on_counterparty_merged(session, *, event):
    p = event.payload
    merged, survivor = as_uuid(p["merged_id"]), as_uuid(p["survivor_id"])
    counterparty = session.get(Counterparty, merged)
    if counterparty is not None:
        counterparty.merged_into = survivor
    session.execute(update(Reminder).where(Reminder.counterparty_id == merged, Reminder.state == "pending")
                    .values(counterparty_id=survivor).execution_options(synchronize_session=False))


# Contact persons' important dates: yearly, to the counterparty's responsible.

def on_contact_person(session, *, event):
    p = event.payload
    plan_important_dates(session, contact_person_id=as_uuid(p["contact_person_id"]),
                         counterparty_id=as_uuid(p["counterparty_id"]), full_name=p.get("full_name") or "",
                         important_dates=p.get("important_dates") or [],
                         responsible_id=as_uuid(p.get("responsible_employee_id")))


def plan_important_dates(session, *, contact_person_id, counterparty_id, full_name, important_dates,
                         responsible_id=None, now=None):
    now = now or datetime.now(timezone.utc)
    if responsible_id is None:
        counterparty = session.get(Counterparty, counterparty_id)
        responsible_id = counterparty.responsible_id if counterparty else None
    kept = set()
    for item in important_dates:
        source = f"important_date:{contact_person_id}:{item['id']}"
        kept.add(source)
        wanted = []
        if item.get("remind") and responsible_id is not None:
            wanted = [_important_date_row(session, item, contact_person_id, counterparty_id, full_name,
                                          responsible_id, now)]
        reminders.replan(session, kind="important_date", source=source, wanted=[w for w in wanted if w], now=now)
    for (source,) in session.execute(select(Reminder.source).distinct().where(
            Reminder.state == "pending", Reminder.source.startswith(f"important_date:{contact_person_id}:"))):
        if source not in kept:
            reminders.cancel(session, source=source)


def _important_date_row(session, item, contact_person_id, counterparty_id, full_name, responsible_id, now,
                        after=None):
    the_date = _date(item["date"])
    before = int(item.get("remind_days_before") or 0)
    zone = _zone(session, responsible_id)
    today = (after or now).astimezone(zone).date()
    occurrence = reminders.next_yearly(the_date.month, the_date.day, today + timedelta(days=before))
    if after is not None and occurrence is not None and occurrence - timedelta(days=before) <= today:
        occurrence = reminders.next_yearly(the_date.month, the_date.day, occurrence + timedelta(days=1))
    if occurrence is None:
        return None
    due = reminders.at_local(occurrence - timedelta(days=before), DEFAULT_REMINDER_TIME, zone)
    return Wanted(occurrence=str(occurrence.year), recipient_id=responsible_id, due_at=due,
                  title=f"{item.get('title') or 'Important date'}: {full_name}".strip(),
                  body=f"On {occurrence.isoformat()}", link=f"/counterparties/{counterparty_id}",
                  subject_type="contact_person", subject_id=contact_person_id, counterparty_id=counterparty_id,
                  payload={"via": "counterparty_responsible", "contact_person_id": str(contact_person_id),
                           "date": item, "full_name": full_name})


def _next_important_date(session, reminder, now):
    """A birthday fired: plan next year's."""
    p = reminder.payload
    row = _important_date_row(session, p["date"], reminder.subject_id, reminder.counterparty_id,
                              p.get("full_name", ""), reminder.recipient_id, now, after=reminder.due_at)
    if row is not None:
        reminders.replan(session, kind="important_date", source=reminder.source, wanted=[row], now=now)




def on_contact_person_moved(session, *, event):
    p = event.payload
    to_id = as_uuid(p["to_counterparty_id"])
    counterparty = session.get(Counterparty, to_id)
    values = {"counterparty_id": to_id, "link": f"/counterparties/{to_id}"}
    if counterparty is not None and counterparty.responsible_id is not None:
        values["recipient_id"] = counterparty.responsible_id
    session.execute(update(Reminder).where(
        Reminder.state == "pending", Reminder.source.startswith(f"important_date:{p['contact_person_id']}:"))
        .values(**values).execution_options(synchronize_session=False))


def forget_contact_person(session, *, contact_person_id):
    return reminders.cancel(session, source_prefix=f"important_date:{contact_person_id}:")


# Activities: a reminder to the responsible some minutes before (their preference).

def on_activity_planned(session, *, event):
    p = event.payload
    activity_id, responsible_id = as_uuid(p["activity_id"]), as_uuid(p["responsible_id"])
    planned_at = _moment(p["planned_at"])
    activity = session.merge(Activity(id=activity_id, counterparty_id=as_uuid(p.get("counterparty_id")),
                                      responsible_id=responsible_id, kind=p.get("kind") or "",
                                      subject=p.get("subject") or "", planned_at=planned_at, state="planned"))
    _plan_activity(session, activity)


def _plan_activity(session, activity):
    """The reminder of a planned activity to its responsible, their preferred minutes before."""
    preference = session.get(Preference, activity.responsible_id)
    minutes = preference.activity_minutes if preference is not None else 15
    wanted = [Wanted(occurrence=f"{minutes}m", recipient_id=activity.responsible_id,
                     due_at=activity.planned_at - timedelta(minutes=minutes),
                     title=f"{(activity.kind or 'activity').capitalize()}: {activity.subject or ''}".strip(),
                     body=f"Planned at {activity.planned_at.isoformat(timespec='minutes')}",
                     link=f"/counterparties/{activity.counterparty_id}" if activity.counterparty_id else "/",
                     subject_type="activity", subject_id=activity.id, counterparty_id=activity.counterparty_id,
                     payload={"activity_id": str(activity.id), "planned_at": activity.planned_at.isoformat()})]
    reminders.replan(session, kind="activity", source=f"activity:{activity.id}", wanted=wanted)


def follow_activity_minutes(session, *, employee_id, now=None):
    """After the employee changed how many minutes before an activity they are reminded: every
    activity of theirs still ahead is reminded at the new time (one already fired stays fired)."""
    now = now or datetime.now(timezone.utc)
    for activity in session.scalars(select(Activity).where(
            Activity.responsible_id == employee_id, Activity.state == "planned", Activity.planned_at > now)):
        _plan_activity(session, activity)


def on_activity_closed(session, *, event):
    """completed or cancelled: no reminder any more."""
    p = event.payload
    activity = session.get(Activity, as_uuid(p["activity_id"]))
    if activity is not None:
        activity.state = "closed"
    reminders.cancel(session, source=f"activity:{p['activity_id']}")


# Documents: their copy, and the reminder schemes of their type.

def on_document(session, *, event):
    p = event.payload
    document_id = as_uuid(p["document_id"])
    document = _locked_copy(session, Document, document_id, title="", status="draft", dates={},
                            updated_at=datetime.now(timezone.utc))
    if p.get("document_type_id"):
        document.document_type_id = as_uuid(p["document_type_id"])
    if p.get("title"):
        document.title = p["title"]
    if "number" in p:
        document.number = p["number"]
    if "counterparty_id" in p:
        document.counterparty_id = as_uuid(p["counterparty_id"])
    status = p.get("status") or p.get("to_status")
    if status:
        document.status = status
    for name in ("responsible_id", "department_id"):
        if name in p:
            setattr(document, name, as_uuid(p[name]))
    if isinstance(p.get("dates"), dict):
        document.dates = dict(p["dates"])
    document.updated_at = datetime.now(timezone.utc)
    session.flush()
    plan_document(session, document)


def plan_document(session, document, now=None):
    """Recalculate the rows of every scheme of the document's type for this document."""
    schemes = session.scalars(select(ReminderScheme).where(
        ReminderScheme.document_type_id == document.document_type_id)).all() if document.document_type_id else []
    planned = set()
    for scheme in schemes:
        source = f"scheme:{scheme.id}:{document.id}"
        planned.add(source)
        reminders.replan(session, kind="document", source=source, wanted=scheme_rows(session, scheme, document),
                         now=now)
    for (source,) in session.execute(select(Reminder.source).distinct().where(
            Reminder.state == "pending", Reminder.kind == "document", Reminder.subject_id == document.id)):
        if source not in planned:
            reminders.cancel(session, source=source)


def plan_scheme(session, scheme, now=None):
    """A scheme was saved (or deleted): recalculate its rows for every document of its type."""
    documents = session.scalars(select(Document).where(Document.document_type_id == scheme.document_type_id))
    for document in documents:
        source = f"scheme:{scheme.id}:{document.id}"
        reminders.replan(session, kind="document", source=source, wanted=scheme_rows(session, scheme, document),
                         now=now)


def offset_label(days):
    if days == 0:
        return "on the day"
    return f"{abs(days)} day{'s' if abs(days) != 1 else ''} {'before' if days < 0 else 'after'}"


def scheme_recipients(session, scheme, document):
    """(employee id, via) for each recipient the scheme names, each employee once."""
    r = scheme.recipients or {}
    found = {}

    def add(employee_id, via):
        if employee_id is not None:
            found.setdefault(as_uuid(employee_id), via)

    if r.get("responsible"):
        add(document.responsible_id, "responsible")
    if r.get("counterparty_responsible") and document.counterparty_id:
        counterparty = session.get(Counterparty, document.counterparty_id)
        add(counterparty.responsible_id if counterparty else None, "counterparty_responsible")
    for employee_id in r.get("employee_ids") or []:
        add(employee_id, "named")
    # a department includes the departments inside it
    departments = logic.with_sub_departments(session, r.get("department_ids") or [])
    roles = list(r.get("roles") or [])
    conditions = []
    if departments:
        conditions.append(Employee.department_id.in_(departments))
    if roles:
        conditions.append(Employee.roles.has_any(array(roles)))
    if conditions:
        for employee_id in session.scalars(select(Employee.id).where(Employee.is_active.is_(True),
                                                                     or_(*conditions))):
            add(employee_id, "group")
    return found


def scheme_rows(session, scheme, document):
    if not scheme.is_active or document.status in (scheme.stop_statuses or []):
        return []
    the_date = _date((document.dates or {}).get(scheme.date_field))
    if the_date is None:
        return []
    label = " ".join(part for part in (document.number, document.title) if part)
    rows = []
    for employee_id, via in scheme_recipients(session, scheme, document).items():
        zone = _zone(session, employee_id)
        for offset in scheme.offsets or []:
            day = the_date + timedelta(days=int(offset))
            rows.append(Wanted(
                occurrence=f"{int(offset):+d}d", recipient_id=employee_id,
                due_at=reminders.at_local(day, scheme.at_time or DEFAULT_REMINDER_TIME, zone),
                title=f"{scheme.name}: {label}"[:500],
                body=(scheme.message + "\n" if scheme.message else "")
                + f"{scheme.date_field.replace('_', ' ').capitalize()} {the_date.isoformat()} "
                  f"({offset_label(int(offset))})",
                link=f"/documents/{document.id}", subject_type="document", subject_id=document.id,
                counterparty_id=document.counterparty_id,
                payload={"via": via, "scheme_id": str(scheme.id), "date_field": scheme.date_field,
                         "date": the_date.isoformat(), "offset": int(offset)}))
    return rows


def _document_still_wants(session, reminder):
    """A scheme's reminder does not fire once the document reached a stop status."""
    scheme = session.get(ReminderScheme, as_uuid(reminder.payload.get("scheme_id")))
    document = session.get(Document, reminder.subject_id)
    if scheme is None or document is None:
        return False
    return document.status not in (scheme.stop_statuses or [])




# Paper copies not returned by the expected date: to the holder and the document's responsible.

def on_paper_copy_moved(session, *, event):
    on_document(session, event=event)
    p = event.payload
    paper_copy_id = as_uuid(p["paper_copy_id"])
    source = f"paper_copy:{paper_copy_id}"
    expected = _date(p.get("expected_return_on"))
    if p.get("status") != "handed_out" or expected is None:
        reminders.cancel(session, source=source)
        return
    label = " ".join(part for part in (p.get("number"), p.get("title")) if part)
    wanted = []
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    for recipient in {as_uuid(p.get("to_holder_id")), as_uuid(p.get("responsible_id"))} - {None}:
        due = reminders.at_local(expected + timedelta(days=1), DEFAULT_REMINDER_TIME, _zone(session, recipient))
        wanted.append(Wanted(
            occurrence="overdue", recipient_id=recipient,
            due_at=max(due, now),  # handed out already late: remind now
            title=f"Paper copy not returned: {label}"[:500], body=f"Expected back on {expected.isoformat()}",
            link=f"/documents/{p['document_id']}", subject_type="document", subject_id=as_uuid(p["document_id"]),
            counterparty_id=as_uuid(p.get("counterparty_id")),
            payload={"paper_copy_id": str(paper_copy_id), "expected_return_on": expected.isoformat()}))
    reminders.replan(session, kind="paper_copy", source=source, wanted=wanted)


# Contracts: a milestone three days before its deadline and the day after it if not done; a
# planned payment on its day and the day after it if not covered. To the contract's responsible.

MILESTONE_NOTICE = timedelta(days=3)


def on_contract_milestone_changed(session, *, event):
    on_document(session, event=event)
    p = event.payload
    source = f"milestone:{p['milestone_id']}"
    recipient = as_uuid(p.get("responsible_id"))
    if p["milestone_status"] in ("done", "removed") or recipient is None:
        reminders.cancel(session, source=source)
        return
    due, zone = _date(p["due_on"]), _zone(session, recipient)
    label = _document_label(p)
    common = {"recipient_id": recipient, "link": f"/documents/{p['document_id']}#execution",
              "subject_type": "document", "subject_id": as_uuid(p["document_id"]),
              "counterparty_id": as_uuid(p.get("counterparty_id")),
              "payload": {"milestone_id": str(p["milestone_id"]), "due_on": due.isoformat()}}
    wanted = [Wanted(occurrence="before", due_at=reminders.at_local(due - MILESTONE_NOTICE, DEFAULT_REMINDER_TIME,
                                                                    zone),
                     title=f"Milestone due on {due.isoformat()}: {p['milestone_title']}"[:500], body=label, **common)]
    wanted += _once_overdue(session, source, recipient, due, zone, Wanted(
        occurrence=f"overdue:{due.isoformat()}", due_at=due, title=f"Milestone overdue: {p['milestone_title']}"[:500],
        body=f"{label}\nDue on {due.isoformat()}", **common))
    reminders.replan(session, kind="contract", source=source, wanted=wanted)


def on_contract_payment(session, *, event):
    """A payment was recorded or cancelled: the contract's planned payments not yet covered
    (``open_planned``) are reminded of; the others are not any more."""
    on_document(session, event=event)
    p = event.payload
    prefix = f"payment:{p['document_id']}:"
    recipient = as_uuid(p.get("responsible_id"))
    open_planned = {str(item["payment_id"]): item for item in p.get("open_planned") or []}
    for (source,) in session.execute(select(Reminder.source).distinct().where(
            Reminder.source.startswith(prefix, autoescape=True), Reminder.state == "pending")).all():
        if source[len(prefix):] not in open_planned or recipient is None:
            reminders.cancel(session, source=source)
    if recipient is None:
        return
    zone, label = _zone(session, recipient), _document_label(p)
    for payment_id, item in open_planned.items():
        due, source = _date(item["on"]), prefix + payment_id
        amount = f"{item['outstanding']} {item['currency']}"
        common = {"recipient_id": recipient, "link": f"/documents/{p['document_id']}#execution",
                  "subject_type": "document", "subject_id": as_uuid(p["document_id"]),
                  "counterparty_id": as_uuid(p.get("counterparty_id")),
                  "payload": {"payment_id": payment_id, "on": due.isoformat(), "outstanding": str(item["outstanding"]),
                              "currency": item["currency"]}}
        wanted = [Wanted(occurrence="due", due_at=reminders.at_local(due, DEFAULT_REMINDER_TIME, zone),
                         title=f"Payment due today: {amount}"[:500], body=label, **common)]
        wanted += _once_overdue(session, source, recipient, due, zone, Wanted(
            occurrence=f"overdue:{due.isoformat()}", due_at=due, title=f"Payment overdue: {amount}"[:500],
            body=f"{label}\nDue on {due.isoformat()}", **common))
        reminders.replan(session, kind="contract", source=source, wanted=wanted)


def _document_label(p):
    return " ".join(part for part in (p.get("number"), p.get("title")) if part)


def _once_overdue(session, source, recipient, due, zone, wanted):
    """The "overdue" reminder of a deadline: the day after it at 09:00, or now if that is past,
    and never a second time for the same deadline (an edit after it fired does not repeat it)."""
    told = session.scalar(select(Reminder.id).where(
        Reminder.source == source, Reminder.occurrence == wanted.occurrence, Reminder.recipient_id == recipient,
        Reminder.state != "pending").limit(1))
    if told is not None:
        return []
    pending = session.scalar(select(Reminder.due_at).where(
        Reminder.source == source, Reminder.occurrence == wanted.occurrence, Reminder.recipient_id == recipient,
        Reminder.state == "pending").limit(1))
    after = reminders.at_local(due + timedelta(days=1), DEFAULT_REMINDER_TIME, zone)
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    wanted.due_at = pending if pending is not None and after < now else max(after, now)
    return [wanted]


def _contract_still_open(session, reminder):
    document = session.get(Document, reminder.subject_id) if reminder.subject_id else None
    return document is None or document.status not in ("completed", "terminated", "archived")




# Approvals: notifications, and reminders before and after task deadlines.

def _label(p):
    return " ".join(part for part in (p.get("document_number"), p.get("document_title")) if part)


def _approval_notice(session, event, recipient_id, kind, title, body=""):
    p = event.payload
    return logic.notify(session, recipient_id=recipient_id, kind=kind, title=title, body=body,
                        link=f"/approvals/{p['approval_id']}", subject_type="approval",
                        subject_id=p["approval_id"], counterparty_id=p.get("counterparty_id"), data=p,
                        source_event_id=event.id)


def plan_task_deadline(session, *, p, task_id, approver_id, due_at, known_at=None):
    """Remind the approver before the deadline and after it; a "before" reminder that would
    fall at or before the moment the task was given (a short deadline) is not planned: the
    task's own notification says it all."""
    source = f"approval_task:{task_id}"
    if due_at is None:
        reminders.cancel(session, source=source)
        return
    wanted = [Wanted(occurrence=text, recipient_id=approver_id, due_at=due_at + delta,
                     title=f"Approval deadline {text}: {_label(p)}"[:500],
                     body=f"Due {due_at.isoformat(timespec='minutes')}", link=f"/approvals/{p['approval_id']}",
                     subject_type="approval", subject_id=as_uuid(p["approval_id"]),
                     counterparty_id=as_uuid(p.get("counterparty_id")),
                     payload={"task_id": str(task_id), "approval_id": str(p["approval_id"]),
                              "deadline": due_at.isoformat()})
              for delta, text in APPROVAL_DEADLINE_OFFSETS
              if known_at is None or delta > timedelta(0) or due_at + delta > known_at]
    reminders.replan(session, kind="approval_deadline", source=source, wanted=wanted)


def _task_still_open(session, reminder):
    task = session.get(ApprovalTask, as_uuid(reminder.payload.get("task_id")))
    return task is None or task.state == "open"




def on_task_assigned(session, *, event):
    p = event.payload
    task_id, approver_id, due_at = as_uuid(p["task_id"]), as_uuid(p["approver_id"]), _moment(p.get("due_at"))
    session.merge(ApprovalTask(id=task_id, approval_id=as_uuid(p["approval_id"]), document_id=as_uuid(p["document_id"]),
                               approver_id=approver_id, label=_label(p)[:600], due_at=due_at, state="open"))
    plan_task_deadline(session, p=p, task_id=task_id, approver_id=approver_id, due_at=due_at,
                       known_at=event.occurred_at)
    return _approval_notice(session, event, approver_id, "approval.task_assigned",
                            f"Approval requested: {_label(p)}",
                            f"{p.get('stage_name') or ''}; due {p.get('due_at') or 'without a deadline'}")


def on_decision_made(session, *, event):
    p = event.payload
    task = session.get(ApprovalTask, as_uuid(p["task_id"]))
    if task is not None:
        task.state = "closed"
    reminders.cancel(session, source=f"approval_task:{p['task_id']}")


def on_overdue(session, *, event):
    p = event.payload
    ids = list(dict.fromkeys(p.get("notify_ids") or [p["approver_id"]]))
    return [_approval_notice(session, event, as_uuid(i), "approval.overdue", f"Approval overdue: {_label(p)}",
                             f"{p.get('stage_name') or ''}; was due {p.get('due_at')}") for i in ids]


def _close_approval(session, approval_id):
    tasks = session.scalars(select(ApprovalTask).where(ApprovalTask.approval_id == approval_id)).all()
    for task in tasks:
        task.state = "closed"
        reminders.cancel(session, source=f"approval_task:{task.id}")


def on_finished(session, *, event):
    p = event.payload
    _close_approval(session, as_uuid(p["approval_id"]))
    return logic.notify(session, recipient_id=p["initiator_id"], kind="approval.finished",
                        title=f"Approval {p['outcome']}: {_label(p)}", body=p.get("comment") or "",
                        link=f"/documents/{p['document_id']}", subject_type="document",
                        subject_id=p["document_id"], counterparty_id=p.get("counterparty_id"), data=p,
                        source_event_id=event.id)


def on_returned(session, *, event):
    p = event.payload
    return logic.notify(session, recipient_id=p["initiator_id"], kind="approval.returned",
                        title=f"Returned for revision: {_label(p)}", body=p.get("comment") or "",
                        link=f"/documents/{p['document_id']}", subject_type="document",
                        subject_id=p["document_id"], counterparty_id=p.get("counterparty_id"), data=p,
                        source_event_id=event.id)


def on_stage_waiting(session, *, event):
    p = event.payload
    ids = list(dict.fromkeys(p.get("notify_ids") or [p["initiator_id"]]))
    return [_approval_notice(session, event, as_uuid(i), "approval.stage_waiting",
                             f"Approval stage waits for approvers: {_label(p)}",
                             f"{p.get('stage_name') or ''}: {p.get('reason') or ''}") for i in ids]


def on_extension_requested(session, *, event):
    p = event.payload
    return _approval_notice(session, event, as_uuid(p["initiator_id"]), "approval.extension_requested",
                            f"More time asked: {_label(p)}",
                            f"Until {p.get('requested_due_at')}: {p.get('reason') or ''}")


def on_extension_decided(session, *, event):
    p = event.payload
    task_id, approver_id, due_at = as_uuid(p["task_id"]), as_uuid(p["approver_id"]), _moment(p.get("due_at"))
    task = session.get(ApprovalTask, task_id)
    if task is not None:
        task.due_at = due_at
    if task is None or task.state == "open":
        plan_task_deadline(session, p=p, task_id=task_id, approver_id=approver_id, due_at=due_at,
                           known_at=event.occurred_at)
    verdict = "granted" if p.get("granted") else "refused"
    return _approval_notice(session, event, approver_id, "approval.extension_decided",
                            f"More time {verdict}: {_label(p)}", f"Due {p.get('due_at')}")


# What firing a reminder of these kinds checks first, and does after (reminders.fire_due).
HOOKS = reminders.FiringHooks(
    checks={"document": _document_still_wants, "contract": _contract_still_open,
            "approval_deadline": _task_still_open},
    after={"important_date": _next_important_date})
