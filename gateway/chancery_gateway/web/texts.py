"""Words the pages show for the services' codes and English texts, in the viewer's language.

Services speak in codes (``on_approval``) and in English sentences (validation messages,
notification titles, history summaries). The codes get labels here; the sentences the
services are known to send are matched here and translated, anything else is shown as sent.
"""
import re
from decimal import Decimal

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
    "file_kind": {"pdf": _l("PDF"), "images": _l("images"), "office": _l("office documents"),
                  "text": _l("text"), "email": _l("e-mail messages"), "archives": _l("archives")},
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
        "paper_copy.moved": _l("Paper copy moved"),
        "contract.milestone_changed": _l("Milestone changed"),
        "contract.payment_recorded": _l("Payment recorded"),
        "contract.payment_cancelled": _l("Payment cancelled"),
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
    _l("Annexes (numbered within their contract)"), _l("Stages"),
    # why a file's text could not be read (the texts service)
    _l("the PDF already has text"), _l("the PDF is encrypted (protected by a password)"),
    _l("a zip archive that is no DOCX, XLSX, PPTX or OpenDocument file"),
    _l("not an e-mail message (no From, To, Date or Subject)"), _l("its worker stopped before it finished"),
)}

# The negotiation stages a new installation starts with (counterparties migration 0008), by
# code with their seeded English name: shown in the viewer's language until an administrator
# renames them (a renamed stage keeps the administrator's words).
SEEDED_STAGES = {
    "first_contact": ("First contact", _l("First contact")),
    "needs_clarified": ("Needs clarified", _l("Needs clarified")),
    "offer_under_review": ("Offer under review", _l("Offer under review")),
    "ready_for_meeting": ("Ready for a meeting", _l("Ready for a meeting")),
    "contract_negotiation": ("Contract negotiation", _l("Contract negotiation")),
    "payment_expected": ("Payment expected on invoice", _l("Payment expected on invoice")),
    "won": ("Won", lazy_pgettext("negotiation stage", "Won")),
    "lost": ("Lost", lazy_pgettext("negotiation stage", "Lost")),
    "paused": ("Paused", lazy_pgettext("negotiation stage", "Paused")),
}


def reference_name(value):
    """A reference book value's name as shown: a seeded stage, not renamed, in the viewer's language."""
    if not value:
        return ""
    seeded = SEEDED_STAGES.get(value.get("code"))
    if seeded and value.get("name") == seeded[0]:
        return str(seeded[1])
    return value.get("name") or ""


# ... or by pattern, with the parts that vary put back in.
PATTERNS = [
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
     lambda m: _("Too many failed sign-in attempts. Wait a little and try again.")),
    (re.compile(r"The workbook unpacks to more than (?P<mb>\d+) MB: save only the rows to import\."),
     lambda m: _("The workbook unpacks to more than %(mb)s MB: save only the rows to import.", mb=m["mb"])),
    # uploads refused (documents/file_types.py)
    (re.compile(r"(?P<name>.+): the name says (?P<ext>\S+) but the contents are (?P<type>\S+); "
                r"rename the file or upload the right one\."),
     lambda m: _("%(name)s: the name says %(ext)s, but the file is %(type)s. Rename the file or "
                 "upload the right one.", name=m["name"], ext=m["ext"], type=m["type"])),
    (re.compile(r"(?P<name>.+): files (of the kind (?P<kind>\w+)|(?P<ext>.+) \((?P<type>\S+)\)) are not "
                r"accepted for this document type \(it accepts (?P<kinds>.+)\)\."),
     lambda m: _("%(name)s: documents of this type do not take such files (%(what)s); they take: %(kinds)s.",
                 name=m["name"], what=label("file_kind", m["kind"]) if m["kind"] else m["type"],
                 kinds=", ".join(str(label("file_kind", k.strip())) for k in m["kinds"].split(",")))),
    # why a file's text could not be read (the texts service; the library's own detail left out)
    (re.compile(r"the PDF is damaged or not a PDF( \(.*\))?", re.S),
     lambda m: _("The PDF is damaged or is not a PDF.")),
    (re.compile(r"no text can be read from files of the type (?P<type>\S+)"),
     lambda m: _("No text can be read from files of this type (%(type)s).", type=m["type"])),
    (re.compile(r"the image cannot be read( \(.*\))?", re.S), lambda m: _("The image cannot be read.")),
    (re.compile(r"the office file is damaged( \(.*\))?", re.S), lambda m: _("The office file is damaged.")),
    # an office file LibreOffice could not convert: its text read without a preview, or (DOC,
    # XLS, PPT, read only through LibreOffice) not read at all
    (re.compile(r"no preview: LibreOffice ran past its time limit"),
     lambda m: _("No preview: LibreOffice took too long to convert the file.")),
    (re.compile(r"no preview: LibreOffice is not installed.*", re.S),
     lambda m: _("No preview: LibreOffice is not installed beside the texts service.")),
    (re.compile(r"no preview: LibreOffice could not convert the file.*", re.S),
     lambda m: _("No preview: LibreOffice could not convert the file.")),
    (re.compile(r"the office file cannot be read: LibreOffice.*", re.S),
     lambda m: _("The office file cannot be read: LibreOffice could not convert it.")),
    (re.compile(r"the e-mail cannot be read( \(.*\))?", re.S), lambda m: _("The e-mail message cannot be read.")),
    (re.compile(r"gave up after (?P<n>\d+) attempts; the last: (?P<last>.*)", re.S),
     lambda m: _("Gave up after %(n)s attempts; the last reason: %(last)s", n=m["n"],
                 last=service_text(m["last"]))),
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
    # calendar invitations (notifications' invitations.py)
    (re.compile(r"Planned for you: (?P<what>.*)", re.S),
     lambda m: _("Planned for you: %(what)s", what=service_text(m["what"]))),
    (re.compile(r"Called off: (?P<what>.*)", re.S), lambda m: _("Called off: %(what)s", what=service_text(m["what"]))),
    (re.compile(r"(?P<by>.*) planned this for you at (?P<at>\d{4}-\d\d-\d\dT\d\d:\d\d)(?:\+00:00|Z)\.", re.S),
     lambda m: _("%(by)s planned this for you at %(moment)s.", by=m["by"],
                 moment=m["at"].replace("T", " ") + " UTC")),
    (re.compile(r"(?P<what>.*) will not take place \(planned by (?P<by>.*)\)\.", re.S),
     lambda m: _("%(what)s will not take place (planned by %(by)s).", what=service_text(m["what"]), by=m["by"])),
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
    _l("Activities others plan for me (with a calendar invitation)"),
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
    if kind in ("negotiation.noted", "negotiation.updated"):
        return _negotiation_history_text(entry)
    if kind in EXECUTION_TEXTS and data.get("title"):
        return " · ".join(str(part) for part in (data["title"], *EXECUTION_TEXTS[kind](data)) if part)
    return entry.get("summary") or ""


def _paper_copy_moved(data):
    if data.get("status") == "handed_out":
        movement = _("with an employee")
    elif data.get("status") == "lost":
        movement = _("marked lost")
    else:
        movement = _("returned to %(place)s", place=data.get("to_location") or "")
    return label("document_entry_kind", data.get("kind")), movement


def _payment(data):
    return (label("document_entry_kind", data.get("kind")), money(data.get("amount"), data.get("currency")),
            day(data.get("on")), data.get("reason"))


# what a paper copy's or a contract execution's entry says after the document's title
EXECUTION_TEXTS = {
    "paper_copy.moved": _paper_copy_moved,
    "contract.milestone_changed": lambda data: (
        _("Milestone: %(title)s", title=data.get("milestone_title") or ""),
        label("milestone", data.get("milestone_status"))),
    "contract.payment_recorded": _payment,
    "contract.payment_cancelled": _payment,
}


DIGEST_SECTIONS = {str(text): text for text in (
    _l("My agenda today"), _l("My approvals"), _l("Overdue"), _l("Reminders due today"), _l("Since yesterday"))}
DIGEST_ITEMS = [
    (re.compile(r"(?P<clock>\d\d:\d\d) (?P<rest>.*)", re.S), lambda m: f'{m["clock"]} {_digest_item(m["rest"])}'),
    (re.compile(r"(?P<kind>call|meeting|email|fax|letter|task): (?P<subject>.*)", re.S),
     lambda m: f'{label("activity", m["kind"])}: {m["subject"]}'),
    (re.compile(r"Approval: (?P<label>.*)", re.S), lambda m: _("Approval: %(label)s", label=m["label"])),
    (re.compile(r"(?P<label>.*) \(due (?P<date>\d{4}-\d\d-\d\d)\)", re.S),
     lambda m: _("%(label)s (due %(date)s)", label=_digest_item(m["label"]), date=day(m["date"]))),
    (re.compile(r"(?P<item>.*) \((?P<date>\d{4}-\d\d-\d\d)\)", re.S),
     lambda m: f'{_digest_item(m["item"])} ({day(m["date"])})'),
]


def _digest_item(text):
    for pattern, render in DIGEST_ITEMS:
        match = pattern.fullmatch(text)
        if match:
            return render(match)
    return service_text(text)


def _digest_line(line):
    """A line of the daily digest: a section's title ("My approvals:") or an item ("- ...")."""
    if line.startswith("- "):
        return "- " + _digest_item(line[2:])
    if line.endswith(":") and line[:-1] in DIGEST_SECTIONS:
        return f"{DIGEST_SECTIONS[line[:-1]]}:"
    return service_text(line)


def notification_text(notification):
    """(title, body) of a notification; the body may hold a <time> of the due date."""
    title = service_text(notification.get("title"))
    body = notification.get("body") or ""
    if notification.get("kind") == "approval.task_assigned" and "; due " in body:
        stage, due = body.rsplit("; due ", 1)
        due = _("without a deadline") if due == "without a deadline" else moment(due)
        stage = Markup.escape(service_text(stage))
        body = Markup(_("%(stage)s; due %(due)s", stage=stage, due=due))
    elif (notification.get("kind") or "").startswith(("reminder.", "activity.invitation")) and body:
        body = "\n".join(service_text(line) for line in body.split("\n"))
    elif notification.get("kind") == "digest" and body:
        body = "\n".join(_digest_line(line) for line in body.split("\n"))
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
for _code, _text in (("counterparty.handed_over", _l("Handed over")),
                     ("contact_person.moved", _l("Contact person moved")),
                     ("counterparty.merged", _l("Counterparties merged")),
                     ("negotiation.noted", _l("Negotiation note")),
                     ("activity.scheduled", _l("Contact planned")), ("activity.cancelled", _l("Contact cancelled")),
                     ("activity.rescheduled", _l("Contact moved"))):
    LABELS["history"].setdefault(_code, _text)

# Contract execution: milestones, payments ----------------------------------------------------
LABELS["milestone"] = {
    "planned": _l("Planned"), "act_pending": _l("Act not signed yet"), "done": _l("Done"), "overdue": _l("Overdue"),
    "removed": lazy_pgettext("milestone", "Removed"),
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
KNOWN_TEXTS.update({str(text): text for text in (  # the LDAP directory's sync (staff/ldap_sync.py)
    _l("not in the directory"), _l("disabled in the directory"), _l("not in Chancery"), _l("no e-mail"),
    _l("e-mail of another directory entry"), _l("a sync of the directory is running now: try again in a minute"),
)})
KNOWN_TEXTS["break_glass_administrator"] = _l("the break-glass administrator stays a local account")

# Refusals (403): what the employee cannot do, and what to do instead ---------------------------
ASK_ADMINISTRATOR = _l("If your work needs it, ask an administrator to allow it for your role.")
KNOWN_TEXTS.update({str(text): text for text in (
    _l("Only administrators and lawyers may erase a contact person's personal data."),
    _l("Only administrators, directors and department heads may hand counterparties over."),
    _l("Only administrators, directors and department heads may plan an activity for another employee."),
    _l("Only administrators, directors and employees with the merge_counterparties permission may merge "
       "counterparties."),
    _l("Changing reference books needs the edit_reference_books permission."),
)})
REFUSALS = {
    "your roles do not allow registering documents": _l(
        "Your role does not register documents. Ask a secretary (or another employee who registers documents) "
        "to register it, or an administrator to allow your role “Register documents”."),
    "your roles do not allow configuring approval routes": _l(
        "Your role does not configure approval routes. Ask an administrator to allow your role "
        "“Configure approval routes”."),
    "your roles do not allow configuring document types and journals": _l(
        "Your role does not configure document types and journals. Ask an administrator to allow your role "
        "“Configure document types”."),
    "configuring reminder schemes needs configure_document_types": _l(
        "Configuring reminder schemes needs the right to configure document types. Ask an administrator."),
    "only the initiator may resubmit the document": _l(
        "Only the employee who started the approval may resubmit the document. Ask them to do it."),
    "only the initiator may add approvers": _l(
        "Only the employee who started the approval may add approvers. Ask them to do it."),
    "only the initiator grants or refuses an extension": _l(
        "Only the employee who started the approval grants or refuses more time."),
    "the route does not allow adding approvers to this stage": _l(
        "The approval route does not allow adding approvers to this stage."),
    "only administrators may do this": _l("Only administrators may do this. Ask an administrator."),
    "only administrators manage webhooks": _l("Only administrators manage webhooks. Ask an administrator."),
    "only administrators may ask why an employee sees a record": _l(
        "Only administrators may ask why an employee sees a record."),
    "dashboards are for directors, administrators and department heads": _l(
        "Dashboards are for directors, administrators and department heads."),
    "missing or wrong CSRF token: send the X-CSRF-Token header": _l(
        "The form has expired. Reload the page and send it again."),
    "only administrators, directors and department heads (for their departments) set reminders for others": _l(
        "Only administrators, directors and department heads (for their departments) set reminders for others. "
        "Set the reminder for yourself, or ask your department head."),
}
KNOWN_TEXTS.update(REFUSALS)
PATTERNS[:0] = [
    (re.compile(r"your roles do not allow this \((?P<permission>\w+)\)"),
     lambda m: _("Your roles do not allow this. %(ask)s", ask=ASK_ADMINISTRATOR)),
    (re.compile(r"A department head (?P<what>hands over counterparties|plans activities) only (between|for) "
                r"employees of their departments; employee \S+ works elsewhere\."),
     lambda m: _("A department head does this only for the employees of their own departments: "
                 "choose one of them, or ask a director.")),
]


def settlement_text(total, we_are):
    """Where a contract's settlement in one currency stands, as a sentence: who owes whom, or,
    when nothing is owed, whether the contract is settled or simply has not started."""
    def amount(name):
        value = total.get(name)
        return Decimal(str(value)) if value not in (None, "") else None

    balance, accrued, paid, remaining = amount("balance"), amount("accrued"), amount("paid"), amount("remaining")
    currency = total.get("currency")
    owed = money(abs(balance), currency)
    if balance > 0:
        return (_("The counterparty owes us %(amount)s", amount=owed) if we_are == "supplier"
                else _("We owe %(amount)s", amount=owed))
    if balance < 0:
        return (_("Advance of %(amount)s received from the counterparty", amount=owed) if we_are == "supplier"
                else _("Advance of %(amount)s paid to the counterparty", amount=owed))
    left = money(remaining, currency) if remaining is not None and remaining > 0 else None
    if not accrued and not paid:
        return (_("Nothing done or paid yet; %(amount)s under the contract", amount=left) if left
                else _("Nothing done or paid yet"))
    if left:
        return _("Paid for what is done; %(amount)s still to be done under the contract", amount=left)
    return _("Settled")
LABELS["paper_copy"] = {"in_place": _l("In its place"), "handed_out": _l("Handed out"), "lost": _l("Lost")}
LABELS["job"] = {"queued": _l("Queued"), "running": _l("Running"), "done": _l("Done"), "failed": _l("Failed"),
                 "cancelled": _l("Cancelled")}
LABELS["job_kind"] = {
    "counterparties_export": _l("Export of counterparties"), "contact_persons_export": _l("Export of contact persons"),
    "documents_export": _l("Export of documents"), "counterparties_import": _l("Import of counterparties"),
    "employees_import": _l("Import of employees"),
    "personal_data_export": _l("Export of a person's personal data"),
}
GROUP_TONES["job"] = {"queued": "muted", "running": "warning", "done": "success", "failed": "danger",
                      "cancelled": "muted"}


# Imports from spreadsheets (chancery_common/tabular.py) and the Russian legal details' checks
# (counterparties/legal.py) -------------------------------------------------------------------
LABELS["field"].update({
    "kpp": _l("KPP"), "country": _l("Country"), "activity_type": _l("Activity type"), "region": _l("Region"),
    "group": _l("Group"), "category": _l("Category"), "advertising_source": _l("Advertising source"),
    "contact_person": _l("Contact person"), "contact_position": _l("Contact person's position"),
    "contact_phone": _l("Contact person's phone"), "contact_email": _l("Contact person's e-mail"),
})
KNOWN_TEXTS.update({str(text): text for text in (
    _l("Choose a CSV or XLSX file."), _l("The file is empty."),
    _l("This is an old Excel workbook (.xls): save it as .xlsx or CSV and upload that."),
    _l("The file is not a readable XLSX workbook."), _l("Upload a CSV (.csv, .txt, .tsv) or XLSX file."),
    _l("The file is neither a CSV text (UTF-8 or Windows-1251) nor an XLSX workbook."),
    _l("The file says it is UTF-16 text but is not."), _l("The file says it is UTF-8 text but is not."),
    _l("The file is not a readable CSV table."), _l("The file has no header row."),
    _l("The file has no rows under its header."),
    _l("The INN check digits do not match: check for a typing error."),
    _l("The registration number's check digit does not match: check for a typing error."),
    _l("An OGRN does not start with 0, and an OGRNIP starts with 3 or 4: check for a typing error."),
    _l("A KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits."),
)})
PATTERNS += [
    (re.compile(r"The file is larger than (?P<mb>\d+) MB\."),
     lambda m: _("The file is larger than %(mb)s MB.", mb=m["mb"])),
    (re.compile(r"The file has more than (?P<rows>\d+) rows: split it\."),
     lambda m: _("The file has more than %(rows)s rows: split it.", rows=m["rows"])),
    (re.compile(r"The file is not a readable CSV table \(row (?P<row>\d+): .*\)\.", re.S),
     lambda m: _("The file is not a readable CSV table (row %(row)s).", row=m["row"])),
    (re.compile(r"An INN has (?P<lengths>10 or 12|10|12) digits\."),
     lambda m: _("An INN has %(lengths)s digits.", lengths=m["lengths"].replace("or", str(_("or"))))),
    (re.compile(r"A registration number \(OGRN/OGRNIP\) has (?P<lengths>13 or 15|13|15) digits\."),
     lambda m: _("A registration number (OGRN/OGRNIP) has %(lengths)s digits.",
                 lengths=m["lengths"].replace("or", str(_("or"))))),
]
# The responsible employee of an imported counterparty (counterparties/transfer.py)
LABELS["field"].setdefault("responsible", _l("Responsible"))
PATTERNS += [
    (re.compile(r"«(?P<who>.+)» is not the name or e-mail of an active employee\."),
     lambda m: _("«%(who)s» is not the name or e-mail of an active employee.", who=m["who"])),
    (re.compile(r"Several active employees are called «(?P<who>.+)»: give the e-mail instead\."),
     lambda m: _("Several active employees are called «%(who)s»: give the e-mail instead.", who=m["who"])),
    (re.compile(r"The file names (?P<count>\d+) different responsible employees; at most (?P<most>\d+) are "
                r"looked up in one import\."),
     lambda m: _("The file names %(count)s different responsible employees; at most %(most)s are looked up "
                 "in one import.", count=m["count"], most=m["most"])),
]
# The pipeline: the negotiation's expected deal -------------------------------------------------
KNOWN_TEXTS.update({str(text): text for text in (
    _l("An expected amount is above zero and below 10^16."), _l("An expected amount needs its currency."),
    _l("A currency goes with an expected amount: give the amount too, or clear both."),
)})
LABELS["history"].setdefault("negotiation.updated", _l("Expected deal"))


def deal_text(deal):
    """The expected deal in the viewer's words: "1,500,000.00 RUB · close by Mar 31, 2027"."""
    deal = deal or {}
    amount = money(deal.get("expected_amount"), deal.get("currency")) if deal.get("expected_amount") else None
    close = _("close by %(date)s", date=day(deal["expected_close_on"])) if deal.get("expected_close_on") else None
    return " · ".join(part for part in (amount or _("no amount"), close or _("no close date")))


def _negotiation_history_text(entry):
    """A negotiation entry rebuilt in the viewer's language: the deal after the note's text."""
    data, summary = entry.get("data") or {}, entry.get("summary") or ""
    if entry.get("kind") == "negotiation.updated":
        return deal_text(data.get("deal"))
    if data.get("changes") and data.get("deal"):  # the service's English deal in brackets goes
        summary = re.sub(r" \([^()]*\)$", "", summary)
        return f"{summary} · {_('Expected deal')}: {deal_text(data['deal'])}"
    return summary
