"""Words of the administration, audit and personal-data pages, in the viewer's language.

Labels for the staff service's codes (roles, permissions), for the audit log's record
types, actions and fields, and translations of the English sentences the services send
on these pages: validation messages, CSV import problems and access explanations.
"""
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext, ngettext

from . import texts

ROLES = {
    "administrator": _l("Administrator"), "director": _l("Director"),
    "department_head": _l("Department head"), "manager": _l("Manager"), "lawyer": _l("Lawyer"),
    "secretary": _l("Secretary"), "accountant": _l("Accountant"), "employee": _l("Employee"),
}

# (label, what it allows), in the order the role settings show them
PERMISSIONS = {
    "register_documents": (_l("Register documents"),
                           _l("Give documents their number in the journal of their type.")),
    "edit_reference_books": (_l("Edit reference books"),
                             _l("Change shared lists such as document types' names and journals.")),
    "configure_document_types": (_l("Configure document types"),
                                 _l("Add document types and decide which roles see them.")),
    "configure_routes": (_l("Configure approval routes"),
                         _l("Set who approves each document type, and in which order.")),
    "manage_staff": (_l("Manage staff"),
                     _l("Open Administration: employees, departments, absences, API tokens.")),
    "view_audit": (_l("View the audit log"),
                   _l("Search every service's log of changes and check that it is intact.")),
    "replay_events": (_l("Replay events"),
                      _l("Read every event the services published in the retention period (for integrations).")),
}

LABELS = {
    "role": ROLES,
    "record": {
        "counterparty": _l("Counterparty"), "contact_person": _l("Contact person"),
        "activity": _l("Activity"), "document": _l("Document"), "approval": _l("Approval"),
        "notification": _l("Notification"), "employee": _l("Employee"),
        "department": _l("Department"), "absence": _l("Absence"), "api_token": _l("API token"),
        "legal_entity": _l("Legal entity"), "role_permission": _l("Role setting"),
        "route": _l("Approval route"), "position": _l("Position"),
        "webhook_endpoint": _l("Webhook endpoint"), "webhook_delivery": _l("Webhook delivery"),
        "sign_in_provider": _l("Sign-in provider"), "sign_in_policy": _l("Sign-in policy"),
        "ldap_directory": _l("LDAP directory"),
    },
    "service": {
        "staff": _l("Staff"), "counterparties": _l("Counterparties"), "documents": _l("Documents"),
        "approvals": _l("Approvals"), "notifications": _l("Notifications"),
        "webhooks": _l("Webhooks"),
    },
    "action": {
        "created": _l("Created"), "updated": _l("Changed"), "read": _l("Viewed"),
        "added": _l("Added"), "anonymised": _l("Personal data erased"),
        "cancelled": _l("Cancelled"), "completed": _l("Completed"),
        "consent_given": _l("Consent recorded"), "consent_withdrawn": _l("Consent withdrawn"),
        "decision_recorded": _l("Decision recorded"),
        "erasure_processed": _l("Erasure carried out"), "exported": _l("Personal data exported"),
        "file_version_added": _l("File uploaded"), "participants_added": _l("Participants added"),
        "password_changed": _l("Password changed"), "password_reset": _l("Password reset"),
        "personal_data_erased": _l("Personal data removed"),
        "personal_data_exported": _l("Included in an export"), "planned": _l("Planned"),
        "registered": _l("Registered"), "revoked": _l("Revoked"),
        "route_saved": _l("Route saved"), "started": _l("Started"),
        "status_changed": _l("Status changed"), "withdrawn": _l("Withdrawn"),
        "deleted": _l("Deleted"), "secret_rotated": _l("Secret rotated"), "replayed": _l("Sent again"),
        "contract_terms_changed": _l("Our side in the contract changed"),
        "milestone_added": _l("Milestone added"), "milestone_changed": _l("Milestone changed"),
        "milestone_removed": _l("Milestone removed"), "payment_added": _l("Payment added"),
        "payment_cancelled": _l("Payment cancelled"),
        "signed_in": _l("Signed in"), "sign_in_refused": _l("Sign-in refused"),
        "sign_in_locked": _l("Sign-in locked"), "sign_in_failed": _l("Sign-in failed"),
        "two_factor_enrolled": _l("Two-factor sign-in turned on"),
        "two_factor_removed": _l("Two-factor sign-in turned off"),
        "synced": _l("Synced with the directory"), "sync_held": _l("Directory sync held"),
        "sync_failed": _l("Directory sync failed"),
        "approver_added": _l("Approver added"), "calendar_feed_revoked": _l("Calendar subscription revoked"),
        "counterparty_merged": _l("Counterparty merged"), "extension_requested": _l("Extension requested"),
        "extension_decided": _l("Extension decided"), "handed_over": _l("Handed over"),
        "linked": _l("Linked"), "unlinked": _l("Link removed"), "merged": _l("Merged"),
        "merged_into": _l("Merged into another counterparty"), "moved": _l("Moved to another counterparty"),
        "noted": _l("Note recorded"), "paper_copy_added": _l("Paper copy added"),
        "paper_copy_moved": _l("Paper copy handed over"), "paper_copy_lost": _l("Paper copy lost"),
        "registration_cancelled": _l("Registration cancelled"), "rescheduled": _l("Moved to another time"),
        "resubmitted": _l("Sent for approval again"),
    },
    # audit fields the shared field labels (texts.LABELS["field"]) do not name
    "field": {
        "full_name": _l("Full name"), "position": _l("Position"), "phones": _l("Phones"),
        "emails": _l("E-mails"), "birthday": _l("Birthday"), "department_id": _l("Department"),
        "roles": _l("Roles"), "locale": _l("Language"), "time_zone": _l("Time zone"),
        "is_active": _l("Employed"), "legal_entity_id": _l("Legal entity"),
        "parent_id": _l("Parent department"), "head_id": _l("Head"), "employee_id": _l("Employee"),
        "deputy_id": _l("Deputy"), "starts_on": _l("From"), "ends_on": _l("To"),
        "reason": _l("Reason"), "scopes": _l("Scopes"), "method": _l("How"),
        "consent_to_mailings": _l("Consent to mailings"), "status": _l("Status"),
        "title": _l("Title"), "amount": _l("Amount"), "currency": _l("Currency"),
        "type_id": _l("Type"), "counterparty_id": _l("Counterparty"), "number": _l("Number"),
        "responsible_id": _l("Responsible"), "subject": _l("Subject"),
        "description": _l("Description"), "phone_or_place": _l("Phone or place"),
        "planned_at": _l("Planned for"), "address": _l("Address"),
        "contact_person_id": _l("Contact person"), "result": _l("Result"), "next_step": _l("Next step"),
        "follow_up_of": _l("Follows"), "scheduled_by": _l("Scheduled by"), "messengers": _l("Messengers"),
        "important_dates": _l("Important dates"), "password": _l("Password"),
        "by_administrator": _l("By an administrator"), "second_factor": _l("Second factor"),
        "locked_until": _l("Locked until"),
        "history_entries_scrubbed": _l("History entries cleaned"),
        "activity_places_cleared": _l("Activity places cleared"),
        "milestone_id": _l("Milestone"), "payment_id": _l("Payment"), "due_on": _l("Due"), "note": _l("Note"),
        "act_id": _l("Completion act"), "completed_on": _l("Done on"), "on": _l("Date"),
        "invoice_id": _l("Invoice"), "reference": _l("Payment order"), "we_are": _l("Our side in the contract"),
        # documents, their files and paper copies; approvals
        "content_type": lazy_pgettext("file content type", "Type"), "filename": _l("File name"),
        "sha256": _l("SHA-256"), "size": _l("Size"), "version": _l("Version"),
        "registered_at": _l("Registered at"), "registrar_id": _l("Registered by"),
        "document_date": _l("Document date"), "signing_date": _l("Signing date"), "valid_from": _l("Valid from"),
        "valid_to": _l("Valid to"), "country": _l("Country"), "kpp": _l("KPP"), "outcome": _l("Outcome"),
        "stages": _l("Stages"), "document_id": _l("Document"), "decision": _l("Decision"),
        "comment": _l("Comment"), "participants": _l("Participants"), "duration_minutes": _l("Duration, minutes"),
        "holder_id": _l("With"), "location": _l("Where"), "client": _l("Client address"), "source": _l("How"),
        "additional_responsible_ids": _l("Additional responsible employees"),
        "region_id": _l("Region"), "group_id": _l("Group"), "category_id": _l("Category"),
        "activity_type_id": _l("Activity type"), "advertising_source_id": _l("Advertising source"),
        "expected_return_on": _l("Expected back"), "related_document_id": _l("Related document"),
        "journal_id": _l("Journal"),
    },
    # why an employee takes part in a document (the documents service's reasons)
    "participant_reason": {"approval initiator": _l("initiated an approval"), "approver": _l("approver")},
    # how an employee signed in (staff/sessions.py: the source, then the second factor)
    "sign_in_source": {"password": _l("with a password"), "oidc": _l("through the single sign-on provider"),
                       "ldap": _l("with the directory (LDAP) password"), "totp": _l("with an authenticator code"),
                       "recovery_code": _l("with a recovery code")},
}


def word(group, code):
    """The label of a code on these pages; fields fall back to the shared labels, then the code."""
    found = LABELS.get(group, {}).get(code)
    if found is None and group == "field":
        return texts.label("field", code)
    return found or code or ""


def permission_label(code):
    return PERMISSIONS.get(code, (code, ""))[0]


# English sentences the services send here, translated whole ...
KNOWN_TEXTS = {str(text): text for text in (
    _l("Say how the consent was given."), _l("Reason must not be blank."), _l("Unknown id."),
    _l("A department cannot be inside itself."), _l("The absence ends before it starts."),
    _l("Nobody is their own deputy."), _l("Unknown or dismissed employee."),
    _l("Passwords can be turned off only while sign-in through the provider or the LDAP directory is enabled."),
    _l("Name an active administrator with a password, who may still sign in with it."),
    _l("Choose a CSV file."), _l("The file is not UTF-8 text."), _l("Name the type of the record."),
    _l("Not a valid datetime."),
    _l("Only administrators and lawyers may erase a contact person's personal data."),
    _l("They are the document's responsible person."), _l("They registered the document."),
    _l("They created the document."), _l("They initiated an approval of the document."),
    _l("They are an approver of the document."), _l("They initiated the approval."),
    _l("None of the rules applies: they are neither an administrator nor a director, "
       "did not initiate the approval and are not one of its approvers."),
    _l("They are its recipient."),
    _l("Only its recipient sees a notification, whatever their role, and they are not its "
       "recipient."),
)}
# ... or reworded, where the service's words are terse
KNOWN_TEXTS.update({str(text): text for text in (  # the LDAP directory's settings (staff/ldap_directory.py)
    _l("Write the server as ldaps://host:636 or ldap://host:389."),
    _l("ldap:// without StartTLS sends passwords unencrypted: use ldaps://, turn StartTLS on, or allow an "
       "unencrypted connection explicitly."),
    _l("This is not a PEM certificate (-----BEGIN CERTIFICATE-----...)."),
    _l("The sync account needs its password."), _l("Say where people are in the directory (a base DN)."),
    _l("The filter must contain {login}, where the typed login goes."),
)})
KNOWN_TEXTS.update({
    "already in use": _l("Already in use."),
    "only administrators may do this": _l("Only administrators may do this."),
    "Shorter than minimum length 1.": _l("Choose at least one."),
    "Shorter than minimum length 10.": _l("At least 10 characters."),
    "full_name is empty": _l("the full name is empty"),
    "responsible employee of the counterparty":
        _l("They are the responsible employee of the counterparty."),
    "the counterparty has no responsible employee": _l("The counterparty has no responsible employee."),
    "not responsible, and the responsible employee is in no department known here":
        _l("They are not responsible for it, and the responsible employee is in no known department."),
    "a contact person is visible to whoever sees their counterparty":
        _l("A contact person is visible to whoever sees their counterparty."),
    "responsible employee of the activity": _l("They are the responsible employee of the activity."),
    "an activity is visible to whoever sees its counterparty":
        _l("An activity is visible to whoever sees its counterparty."),
    "not responsible for the activity, and its counterparty is not visible":
        _l("They are not responsible for the activity, and its counterparty is not visible to them."),
})


def _missing_columns(codes):
    """The required columns a file lacks, by their label and code (the header a file may use)."""
    names = ", ".join(f"«{word('field', code.strip())}» ({code.strip()})" for code in codes)
    return ngettext("The file has no column %(columns)s: add it to the first row.",
                    "The file has no columns %(columns)s: add them to the first row.", len(codes), columns=names)


def _roles(text):
    return ", ".join(str(word("role", role.strip())) for role in text.split(",") if role.strip())


def _plural_role(plural):
    """``administrators`` -> the label of ``administrator``."""
    return word("role", plural[:-1] if plural.endswith("s") else plural)


# ... or by pattern, with the parts that vary put back in
PATTERNS = [
    (re.compile(r"(?P<roles>\w+) see every counterparty"),
     lambda m: _("Role “%(role)s”: sees every counterparty.", role=_plural_role(m["roles"]))),
    (re.compile(r"the responsible employee works in department (?P<dept>\S+), which is the "
                r"employee's own department"),
     lambda m: _("The responsible employee works in their own department “%(department)s”.",
                 department=m["dept"])),
    (re.compile(r"the responsible employee works in department (?P<dept>\S+), which is one the "
                r"employee heads or that lies inside one they head"),
     lambda m: _("The responsible employee works in the department “%(department)s”, which they "
                 "head or which lies inside one they head.", department=m["dept"])),
    (re.compile(r"the employee's roles \((?P<roles>.*)\) do not see every counterparty"),
     lambda m: _("Their roles (%(roles)s) do not see every counterparty.",
                 roles=_roles(m["roles"]))),
    (re.compile(r"not responsible, and the responsible employee works in department (?P<dept>\S+), "
                r"outside the employee's"),
     lambda m: _("They are not responsible for it, and the responsible employee works in the "
                 "department “%(department)s”, outside theirs.", department=m["dept"])),
    (re.compile(r"They are an? (?P<role>\w+), and \w+s see every (?P<what>document|approval)\."),
     lambda m: (_("Role “%(role)s”: sees every document.", role=word("role", m["role"]))
                if m["what"] == "document" else
                _("Role “%(role)s”: sees every approval.", role=word("role", m["role"])))),
    (re.compile(r"They head department (?P<dept>\S+), which the document belongs to\."),
     lambda m: _("They head the department “%(department)s”, which the document belongs to.",
                 department=m["dept"])),
    (re.compile(r"The document type (?P<type>.+) is open to the role (?P<role>\w+), which they have\."),
     lambda m: _("The document type “%(type)s” is open to the role “%(role)s”, which they have.",
                 type=texts.service_text(m["type"]), role=word("role", m["role"]))),
    (re.compile(r"None of the rules applies: .* take no part in its approvals, and the document "
                r"type (?P<type>.+) is open only to the roles (?P<roles>.+), none of which they have\."),
     lambda m: _("None of the rules applies: they are neither an administrator nor a director, not "
                 "the document's responsible person, registrar or creator, take no part in its "
                 "approvals, and the document type “%(type)s” is open only to the roles %(roles)s.",
                 type=texts.service_text(m["type"]), roles=_roles(m["roles"]))),
    (re.compile(r"None of the rules applies: .* take no part in its approvals, and the document "
                r"type (?P<type>.+) is open to no role\."),
     lambda m: _("None of the rules applies: they are neither an administrator nor a director, not "
                 "the document's responsible person, registrar or creator, take no part in its "
                 "approvals, and the document type “%(type)s” is open to no role.",
                 type=texts.service_text(m["type"]))),
    (re.compile(r"They are an approver in it \((?P<stages>.*)\)\."),
     lambda m: _("They are an approver in it (%(stages)s).", stages=", ".join(
         texts.service_text(stage.strip()) for stage in m["stages"].split(",")))),
    # webhook endpoints (services/webhooks/webhooks/targets.py)
    (re.compile(r"Refused: (?P<address>\S+) is an? (?P<kind>[\w-]+) address: webhooks go to public addresses "
                r"only, unless an administrator allows its network \(WEBHOOK_ALLOWED_NETWORKS\)\."),
     lambda m: _("%(address)s is not a public address (%(kind)s): webhooks go to public addresses only, "
                 "unless an administrator allows its network (WEBHOOK_ALLOWED_NETWORKS).",
                 address=m["address"], kind=m["kind"])),
    # imports from spreadsheets
    (re.compile(r"Missing columns: (?P<columns>.*)\."), lambda m: _missing_columns(m["columns"].split(","))),
    (re.compile(r"e-mail (?P<email>.*) is not valid"),
     lambda m: _("the e-mail %(email)s is not valid", email=m["email"])),
    (re.compile(r"e-mail (?P<email>\S+) appears twice"),
     lambda m: _("the e-mail %(email)s appears twice", email=m["email"])),
    (re.compile(r"unknown roles: (?P<roles>.*)"),
     lambda m: _("unknown roles: %(roles)s", roles=m["roles"])),
    (re.compile(r"Unknown roles: (?P<roles>.*)\."),
     lambda m: _("Unknown roles: %(roles)s.", roles=m["roles"])),
    # conflicts
    (re.compile(r"an employee with e-mail (?P<email>\S+) already exists"),
     lambda m: _("An employee with the e-mail %(email)s already exists.", email=m["email"])),
    (re.compile(r"a (?:department|legal entity) named (?P<name>.+) already exists"),
     lambda m: _("“%(name)s” already exists.", name=m["name"])),
    (re.compile(r"(?P<name>.+) is already away from (?P<start>\S+) to (?P<end>\S+)"),
     lambda m: _("%(name)s is already away from %(start)s to %(end)s.", name=m["name"],
                 start=m["start"], end=m["end"])),
    (re.compile(r"contact person \S+ is already anonymised"),
     lambda m: _("The personal data of this person has already been erased.")),
    (re.compile(r"contact person \S+ is anonymised.*"),
     lambda m: _("The personal data of this person has been erased; it can no longer be changed.")),
]


def say(text, departments=None):
    """A service's sentence in the viewer's language; department ids become their names."""
    if not text:
        return ""
    text = str(text)
    if text in KNOWN_TEXTS:
        return str(KNOWN_TEXTS[text])
    for pattern, render in PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            said = render(match)
            for department_id, name in (departments or {}).items():
                said = said.replace(department_id, name)
            return said
    return texts.service_text(text)


def field_errors(details):
    """InvalidInput/Conflict details with every message translated, for the form macros."""
    if isinstance(details, dict):
        return {key: field_errors(value) for key, value in details.items()}
    if isinstance(details, list):
        return [field_errors(item) for item in details]
    return say(details) if isinstance(details, str) else details
