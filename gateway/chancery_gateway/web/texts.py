"""Words the pages show for the services' codes and English texts, in the viewer's language.

Services speak in codes (``on_approval``) and in English sentences (validation messages,
notification titles, history summaries). The codes get labels here; the sentences the
services are known to send are matched here and translated, anything else is shown as sent.
"""
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from markupsafe import Markup

from .formatting import day, filesize, money, moment

LABELS = {
    "document": {
        "draft": _l("Draft"), "on_approval": _l("On approval"), "approved": _l("Approved"),
        "rejected": _l("Rejected"), "signed": _l("Signed"), "in_execution": _l("In execution"),
        "completed": _l("Completed"), "terminated": _l("Terminated"), "archived": _l("Archived"),
    },
    "approval": {
        "in_progress": _l("In progress"), "approved": _l("Approved"), "rejected": _l("Rejected"),
        "returned": _l("Returned for revision"), "withdrawn": _l("Withdrawn"),
    },
    "stage": {
        "waiting": _l("Waiting"), "active": _l("In progress"), "completed": _l("Completed"),
        "rejected": _l("Rejected"), "returned": _l("Returned for revision"),
        "skipped": _l("Skipped"), "cancelled": _l("Cancelled"), "stalled": _l("Waiting for an approver"),
    },
    "task": {
        "waiting": _l("Waiting"), "pending": _l("Awaiting decision"), "approved": _l("Approved"),
        "approved_with_remarks": _l("Approved with remarks"), "rejected": _l("Rejected"),
        "returned": _l("Returned for revision"), "cancelled": _l("Cancelled"),
    },
    "decision": {
        "approve": _l("Approve"), "approve_with_remarks": _l("Approve with remarks"),
        "reject": _l("Reject"), "return_for_revision": _l("Return for revision"),
    },
    "decided": {
        "approve": _l("Approved"), "approve_with_remarks": _l("Approved with remarks"),
        "reject": _l("Rejected"), "return_for_revision": _l("Returned for revision"),
    },
    "kind": {"organisation": _l("Organisation"), "individual": _l("Individual")},
    "counterparty": {"active": _l("Active"), "archived": _l("Archived")},
    "history": {
        "contact_person.erased": _l("Contact person's personal data erased"),
        "counterparty.created": _l("Counterparty created"),
        "counterparty.updated": _l("Card changed"),
        "document.registered": _l("Document registered"),
        "document.status_changed": _l("Document status changed"),
        "approval.started": _l("Approval started"),
        "approval.completed": _l("Approval finished"),
        "approval.finished": _l("Approval finished"),
        "contact_person.added": _l("Contact person added"),
        "contact_person.updated": _l("Contact person changed"),
        "activity.completed": _l("Contact recorded"),
    },
    "activity": {
        "call": _l("Call"), "meeting": _l("Meeting"), "email": _l("E-mail"), "fax": _l("Fax"),
        "letter": _l("Letter"), "task": _l("Task"),
    },
    "field": {
        "kind": _l("Kind"), "name": _l("Name"), "short_name": _l("Short name"),
        "tax_id": _l("Tax ID"), "registration_number": _l("Registration number"),
        "legal_address": _l("Legal address"), "postal_address": _l("Postal address"),
        "phone": _l("Phone"), "fax": _l("Fax"), "email": _l("E-mail"), "website": _l("Website"),
        "main_contact": _l("Main contact"), "notes": _l("Notes"),
        "responsible_employee_id": _l("Responsible employee"),
    },
    # what an approval stage's condition may test, and how (the approvals service's codes)
    "condition_field": {
        "amount": _l("Amount"), "currency": _l("Currency"), "type_code": _l("Document type code"),
        "department_id": _l("Department (id)"), "legal_entity_id": _l("Legal entity (id)"),
    },
    "condition_op": {
        "gt": _l("is more than"), "gte": _l("is at least"), "lt": _l("is less than"), "lte": _l("is at most"),
        "eq": _l("equals"), "ne": _l("does not equal"), "in": _l("is one of (comma-separated)"),
        "not_in": _l("is none of (comma-separated)"), "present": _l("is filled in"), "absent": _l("is empty"),
    },
}

# Colour of a status badge, by status code (the same code means the same thing everywhere).
TONES = {
    "draft": "neutral", "waiting": "muted", "active": "warning", "in_progress": "warning",
    "on_approval": "warning", "pending": "warning", "approved": "success",
    "approved_with_remarks": "success", "completed": "success", "signed": "info",
    "in_execution": "info", "returned": "orange", "rejected": "danger", "terminated": "danger",
    "withdrawn": "muted", "cancelled": "muted", "skipped": "muted", "archived": "muted",
}


def label(group, code):
    """The label of a code; an unknown code is shown as it is, not hidden."""
    return LABELS.get(group, {}).get(code) or code or ""


def tone(group, code):
    if code in GROUP_TONES.get(group, {}):
        return GROUP_TONES[group][code]
    if group == "counterparty" and code == "active":
        return "success"  # an active counterparty is good news, an active stage is work waiting
    return TONES.get(code, "neutral")


# English texts the services send, translated as a whole (outside a request, str() of a
# lazy text is its English original) ...
KNOWN_TEXTS = {str(text): text for text in (
    _l("Missing data for required field."), _l("Field may not be null."),
    _l("Not a valid string."), _l("Not a valid number."), _l("Not a valid date."),
    _l("Not a valid email address."), _l("Not a valid UUID."), _l("Unknown field."),
    _l("String does not match expected pattern."),
    _l("Name must not be blank."), _l("Tax id must be 4-20 letters or digits."),
    _l("Title must not be blank."), _l("An amount needs a currency."),
    _l("Currency must be a three-letter ISO 4217 code."),
    _l("Validity must not end before it starts."), _l("Unknown document type."),
    _l("A comment is required to reject or return a document."),
    _l("Choose a file to upload."), _l("The file is empty."),
    _l("Name at least one approver."),
    _l("This document type has no approval route: name the approvers."),
    _l("only the initiator may withdraw an approval"),
    # reasons the documents service gives for status changes
    _l("created"), _l("approval started"), _l("approval withdrawn"),
    # the standard document types and journals
    _l("Contract"), _l("Annex (supplementary agreement)"), _l("Completion act"), _l("Invoice"),
    _l("Work order"), _l("Work schedule"), _l("Incoming letter"), _l("Outgoing letter"),
    _l("Internal memo"), _l("Protocol"), _l("Incoming correspondence"),
    _l("Outgoing correspondence"), _l("Internal documents"), _l("Contracts"),
)}

# ... or by pattern, with the parts that vary put back in.
PATTERNS = [
    (re.compile(r"your roles do not allow this \(\w+\)"), lambda m: _("Your roles do not allow this.")),
    (re.compile(r"The file is (?P<size>\d+) bytes; the limit is (?P<limit>\d+) bytes\."),
     lambda m: _("The file is too large: %(size)s, the limit is %(limit)s.",
                 size=filesize(int(m["size"])), limit=filesize(int(m["limit"])))),
    (re.compile(r"Longer than maximum length (?P<n>\d+)\."),
     lambda m: _("At most %(n)s characters.", n=m["n"])),
    (re.compile(r"Must be greater than or equal to (?P<lo>\S+) "
                r"and less than or equal to (?P<hi>\S+)\."),
     lambda m: _("Must be between %(lo)s and %(hi)s.", lo=m["lo"], hi=m["hi"])),
    (re.compile(r"Must be one of: .*"), lambda m: _("Choose one of the offered values.")),
    (re.compile(r"a document in status (?P<status>\w+) cannot be sent for approval"),
     lambda m: _("A document in status “%(status)s” cannot be sent for approval.",
                 status=label("document", m["status"]))),
    (re.compile(r"document \S+ is already on approval"),
     lambda m: _("This document is already on approval.")),
    (re.compile(r"task \S+ is not waiting for a decision.*"),
     lambda m: _("This task no longer waits for a decision.")),
    (re.compile(r"approval \S+ is (?P<status>\w+); it cannot be withdrawn"),
     lambda m: _("The approval is already finished (%(status)s); it cannot be withdrawn.",
                 status=label("approval", m["status"]))),
    (re.compile(r"internal error \(reference (?P<ref>\w+)\)"),
     lambda m: _("An unexpected error occurred. If it happens again, tell your administrator "
                 "the reference %(ref)s.", ref=m["ref"])),
    (re.compile(r"the (?P<service>.+) service is unavailable: .*"),
     lambda m: _("The %(service)s service does not answer right now.", service=m["service"])),
    (re.compile(r"too many failed sign-in attempts.*"),
     lambda m: _("Too many failed sign-in attempts. Try again in a quarter of an hour.")),
    (re.compile(r"\w+ \S+ not found"),
     lambda m: _("It does not exist, or you may not see it.")),
    (re.compile(r"approval (?P<outcome>approved|rejected|returned)"),
     lambda m: _("approval finished: %(outcome)s", outcome=label("approval", m["outcome"]))),
    (re.compile(r"Approval (?P<n>\d+)"), lambda m: _("Approval %(n)s", n=m["n"])),
    (re.compile(r"Stage (?P<n>\d+)"), lambda m: _("Stage %(n)s", n=m["n"])),
    (re.compile(r"Approval requested: (?P<label>.*)", re.S),
     lambda m: _("Approval requested: %(label)s", label=m["label"])),
    (re.compile(r"Approval (?P<outcome>approved|rejected|returned): (?P<label>.*)", re.S),
     lambda m: _("Approval finished (%(outcome)s): %(label)s",
                 outcome=label("approval", m["outcome"]), label=m["label"])),
    # reminders (the notifications service's titles and body lines)
    (re.compile(r"Milestone due on (?P<date>\d{4}-\d\d-\d\d): (?P<title>.*)", re.S),
     lambda m: _("Milestone due on %(date)s: %(title)s", date=day(m["date"]), title=m["title"])),
    (re.compile(r"Milestone overdue: (?P<title>.*)", re.S),
     lambda m: _("Milestone overdue: %(title)s", title=m["title"])),
    (re.compile(r"Payment due today: (?P<amount>[\d.]+) (?P<currency>[A-Z]{3})"),
     lambda m: _("Payment due today: %(amount)s", amount=money(m["amount"], m["currency"]))),
    (re.compile(r"Payment overdue: (?P<amount>[\d.]+) (?P<currency>[A-Z]{3})"),
     lambda m: _("Payment overdue: %(amount)s", amount=money(m["amount"], m["currency"]))),
    (re.compile(r"Paper copy not returned: (?P<label>.*)", re.S),
     lambda m: _("Paper copy not returned: %(label)s", label=m["label"])),
    (re.compile(r"Returned for revision: (?P<label>.*)", re.S),
     lambda m: _("Returned for revision: %(label)s", label=m["label"])),
    (re.compile(r"Approval deadline (?P<when>1 day before|1 hour before|1 day after): (?P<label>.*)", re.S),
     lambda m: _("Approval deadline, %(when)s: %(label)s", when=DEADLINE_OFFSETS[m["when"]], label=m["label"])),
    (re.compile(r"Your day, (?P<date>\d{4}-\d\d-\d\d)"), lambda m: _("Your day, %(date)s", date=day(m["date"]))),
    (re.compile(r"(?P<kind>Call|Meeting|Email|Fax|Letter|Task): (?P<subject>.*)", re.S),
     lambda m: f'{label("activity", m["kind"].lower())}: {m["subject"]}'),
    (re.compile(r"Important date: (?P<name>.*)", re.S), lambda m: _("Important date: %(name)s", name=m["name"])),
    (re.compile(r"Due on (?P<date>\d{4}-\d\d-\d\d)"), lambda m: _("Due on %(date)s", date=day(m["date"]))),
    (re.compile(r"Expected back on (?P<date>\d{4}-\d\d-\d\d)"),
     lambda m: _("Expected back on %(date)s", date=day(m["date"]))),
    (re.compile(r"On (?P<date>\d{4}-\d\d-\d\d)"), lambda m: _("On %(date)s", date=day(m["date"]))),
    (re.compile(r"Due (?P<at>\d{4}-\d\d-\d\dT\d\d:\d\d)(?::\d\d)?(?:\+00:00|Z)"),
     lambda m: _("Due %(moment)s", moment=m["at"].replace("T", " ") + " UTC")),
]
DEADLINE_OFFSETS = {"1 day before": _l("a day before"), "1 hour before": _l("an hour before"),
                    "1 day after": _l("a day after")}
# the kinds of notification the preferences list, as the notifications service names them
NOTIFICATION_KINDS = {str(text): text for text in (
    _l("An approval task for me"), _l("An approval is overdue"), _l("My approval finished"),
    _l("A document returned for revision"), _l("An approval stage waits for approvers"),
    _l("An approver asks for more time"), _l("My request for more time was decided"),
    _l("Document date reminders"), _l("Reminders set by hand"), _l("Planned contacts"),
    _l("Contact persons' important dates"), _l("Approval deadlines"), _l("Paper copies not returned"),
    _l("Contract milestones and payments"), _l("The daily digest"),
)}
KNOWN_TEXTS.update(NOTIFICATION_KINDS)


def service_text(text):
    """A text from a service in the viewer's language when it is one we know."""
    if not text:
        return ""
    text = str(text)
    if text in KNOWN_TEXTS:
        return str(KNOWN_TEXTS[text])
    for pattern, render in PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return render(match)
    return text


def history_text(entry):
    """What a relationship history entry says, rebuilt from its data where we know the kind."""
    data = entry.get("data") or {}
    kind = entry.get("kind")
    if kind in ("counterparty.created", "contact_person.erased"):
        return ""
    if kind == "contact_person.added":
        return re.sub(r"^Contact person (.*) added$", r"\1", entry.get("summary") or "")
    if kind == "counterparty.updated" and data.get("changes"):
        return ", ".join(str(label("field", name)) for name in sorted(data["changes"]))
    if kind == "document.registered" and data.get("title"):
        return " ".join(part for part in (service_text(data.get("type_name")), data.get("number"),
                                          "—", data["title"]) if part)
    if kind == "document.status_changed" and data.get("to_status"):
        return _("%(title)s: %(from)s → %(to)s", title=data.get("title") or "",
                 **{"from": label("document", data.get("from_status")),
                    "to": label("document", data["to_status"])})
    if kind in ("approval.started", "approval.completed") and data.get("document_title"):
        title = " ".join(p for p in (data.get("document_number"), data["document_title"]) if p)
        if kind == "approval.completed" and data.get("outcome"):
            return f'{title}: {label("approval", data["outcome"])}'
        return title
    return entry.get("summary") or ""


def notification_text(notification):
    """(title, body) of a notification; the body may hold a <time> of the due date."""
    title = service_text(notification.get("title"))
    body = notification.get("body") or ""
    if notification.get("kind") == "approval.task_assigned" and "; due " in body:
        stage, due = body.rsplit("; due ", 1)
        due = _("without a deadline") if due == "without a deadline" else moment(due)
        stage = Markup.escape(service_text(stage))
        body = Markup(_("%(stage)s; due %(due)s", stage=stage, due=due))
    elif (notification.get("kind") or "").startswith("reminder.") and body:
        body = "\n".join(service_text(line) for line in body.split("\n"))
    return title, body


# The CRM screens (agenda, activities, reference books) -------------------------------------
LABELS["activity_status"] = {
    "planned": _l("Planned"), "done": _l("Done"), "cancelled": _l("Cancelled"), "missed": _l("Missed"),
}
LABELS["reference_book"] = {
    "activity_type": _l("Activity types"), "region": _l("Regions"), "group": _l("Groups"),
    "category": _l("Categories"), "advertising_source": _l("Advertising sources"),
    "negotiation_stage": _l("Negotiation stages"),
}
LABELS["reference_field"] = {
    "activity_type": _l("Activity type"), "region": _l("Region"), "group": _l("Group"),
    "category": _l("Category"), "advertising_source": _l("Advertising source"),
}
LABELS["sort"] = {
    "name": _l("Name, A to Z"), "-name": _l("Name, Z to A"), "-created_at": _l("Newest first"),
    "created_at": _l("Oldest first"), "-updated_at": _l("Recently changed"),
}
for _code, _tone in (("planned", "warning"), ("done", "success"), ("missed", "danger")):
    TONES.setdefault(_code, _tone)
for _code, _text in (("counterparty.handed_over", _l("Handed over")), ("contact_person.moved", _l("Contact person moved")),
                     ("counterparty.merged", _l("Counterparties merged")), ("negotiation.noted", _l("Negotiation note")),
                     ("activity.scheduled", _l("Contact planned")), ("activity.cancelled", _l("Contact cancelled")),
                     ("activity.rescheduled", _l("Contact moved"))):
    LABELS["history"].setdefault(_code, _text)

# Contract execution: milestones, payments ----------------------------------------------------
LABELS["milestone"] = {
    "planned": _l("Planned"), "act_pending": _l("Act not signed yet"), "done": _l("Done"), "overdue": _l("Overdue"),
}
LABELS["payment"] = {
    "paid": _l("Paid"), "partly_paid": _l("Partly paid"), "due": _l("Awaiting payment"), "overdue": _l("Overdue"),
    "recorded": _l("Recorded"), "cancelled": _l("Cancelled"),
}
# the kind of what a document's audit entry is about: a payment, or a paper copy
LABELS["document_entry_kind"] = {"planned": _l("Scheduled payment"), "actual": _l("Payment made"),
                                 "original": _l("Original"), "copy": lazy_pgettext("paper copy kind", "Copy")}
LABELS["we_are"] = {
    "supplier": _l("We are the supplier: the counterparty pays us"),
    "customer": _l("We are the customer: we pay the counterparty"),
}
GROUP_TONES = {
    "milestone": {"planned": "neutral", "act_pending": "info", "done": "success", "overdue": "danger"},
    "payment": {"paid": "success", "partly_paid": "orange", "due": "warning", "overdue": "danger",
                "recorded": "info", "cancelled": "muted"},
}
KNOWN_TEXTS.update({str(text): text for text in (
    _l("An amount is above zero and below 10^16."), _l("A currency is three capital letters (ISO 4217), e.g. RUB."),
    _l("Must not be blank."), _l("A milestone needs a deadline."), _l("A milestone cannot be done in the future."),
    _l("A payment cannot be made in the future: plan it instead."),
    _l("Give the currency: the contract has none to take it from."),
    _l("Not a completion act of this contract (or of its annexes)."),
    _l("Not an invoice of this contract (or of its annexes)."), _l("Already cancelled."),
)})
PATTERNS += [
    (re.compile(r"contract \S+ is archived: its execution can no longer change"),
     lambda m: _("The contract is archived: its execution can no longer change.")),
    (re.compile(r"payment \S+ is already cancelled"), lambda m: _("This payment is already cancelled.")),
    (re.compile(r"this act already closes the milestone «(?P<title>.*)»", re.S),
     lambda m: _("This act already closes the milestone “%(title)s”.", title=m["title"])),
]
