"""A contact person's page: the card (added, edited, moved to another counterparty), consent to
mailings, export and erasure of personal data.

Opening the page reads the person's personal data, which the counterparties service
records in its audit log; the page says so.
"""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied, PreconditionFailed

from .. import auth, idempotency, rpc
from . import admin_texts, bp, changed_meanwhile
from .lookups import counterparty_names

ERASERS = ("administrator", "lawyer")  # as the counterparties service allows


@bp.route("/contact-persons/<uuid:contact_person_id>")
@auth.page_login_required
def contact_person(contact_person_id):
    return render_contact_person(str(contact_person_id))


def render_contact_person(person_id, status=200, consent_errors=None, erasure_errors=None,
                          values=None):
    """The page; a consent or erasure form that failed is shown again with its errors."""
    person = rpc.call("counterparties", "get_contact_person", g.actor, person_id)
    counterparty_id = person["counterparty_id"]
    return render_template(
        "contact_persons/card.html", person=person,
        counterparty_name=counterparty_names([counterparty_id]).get(counterparty_id),
        may_erase=any(role in g.actor["roles"] for role in ERASERS),
        consent_errors=consent_errors or {}, erasure_errors=erasure_errors or {},
        values=values or {}), status


@bp.route("/contact-persons/<uuid:contact_person_id>/consent", methods=["POST"])
@auth.page_login_required
def contact_person_consent(contact_person_id):
    """Consent given (with how) or withdrawn; only ever through here, never by editing the card."""
    given = request.form.get("given") == "1"
    method = request.form.get("method", "").strip() or None
    try:
        rpc.call("counterparties", "record_consent", g.actor, str(contact_person_id),
                 {"given": given, "method": method})
    except InvalidInput as exc:
        return render_contact_person(str(contact_person_id), 422,
                                     consent_errors=admin_texts.field_errors(exc.details or {}),
                                     values=request.form)
    except Conflict as exc:
        flash(admin_texts.say(exc.message), "error")
    else:
        flash(_("Consent to mailings recorded.") if given else
              _("Consent to mailings withdrawn: the person gets no more mailings."), "success")
    return redirect(url_for("web.contact_person", contact_person_id=contact_person_id, _anchor="consent"))


@bp.route("/contact-persons/<uuid:contact_person_id>/erasure", methods=["POST"])
@auth.page_login_required
def contact_person_erasure(contact_person_id):
    """Anonymise the person everywhere (administrators and lawyers); there is no way back."""
    try:
        rpc.call("counterparties", "erase_contact_person", g.actor, str(contact_person_id),
                 {"reason": request.form.get("reason", "")})
    except InvalidInput as exc:
        return render_contact_person(str(contact_person_id), 422,
                                     erasure_errors=admin_texts.field_errors(exc.details or {}),
                                     values=request.form)
    except Conflict as exc:
        flash(admin_texts.say(exc.message), "error")
    else:
        idempotency.forget_answers_mentioning(contact_person_id)
        flash(_("The personal data is erased in every service. Documents and history stay, "
                "showing “anonymised”."), "success")
    return redirect(url_for("web.contact_person", contact_person_id=contact_person_id))


# adding, editing and moving a person ----------------------------------------------------------

MESSENGER_ROWS = 2  # blank rows offered under the ones the person has
DATE_ROWS = 2
DATE_KINDS = ("birthday", "anniversary", "other")


def lines(name):
    return [line.strip() for line in request.form.get(name, "").replace(",", "\n").splitlines() if line.strip()]


def person_data():
    """The person's card from the form: lists one per line, messengers and dates row by row."""
    form = request.form
    messengers = [{"kind": kind.strip(), "handle": handle.strip()}
                  for kind, handle in zip(form.getlist("messenger_kind"), form.getlist("messenger_handle"),
                                          strict=False)
                  if kind.strip() or handle.strip()]
    dates = []
    reminded = set(form.getlist("date_remind"))
    rows = zip(form.getlist("date_kind"), form.getlist("date_label"), form.getlist("date_date"),
               form.getlist("date_days_before"), form.getlist("date_id"), strict=False)
    for index, (kind, label, when, days_before, date_id) in enumerate(rows):
        if when.strip() or label.strip():
            entry = {"kind": kind, "label": label.strip() or None, "date": when.strip(),
                     "remind_yearly": str(index) in reminded}
            if date_id:
                entry["id"] = date_id  # the same date keeps its reminder
            if days_before.strip():
                entry["remind_days_before"] = days_before.strip()
            dates.append(entry)
    return {"full_name": form.get("full_name", "").strip(), "position": form.get("position", "").strip() or None,
            "phones": lines("phones"), "emails": lines("emails"), "messengers": messengers,
            "important_dates": dates, "notes": form.get("notes", "").strip() or None}


def form_values(person):
    """A person (as the service sends it, or as typed) as the form's values."""
    return {**{key: "" if value is None else value for key, value in person.items()},
            "phones": "\n".join(person.get("phones") or []),
            "emails": "\n".join(person.get("emails") or [])}


def flat_errors(details):
    """Nested errors (``{"important_dates": {"0": {"date": [...]}}}``) as messages per top field."""
    errors = {}
    for name, problem in (details or {}).items():
        messages = []

        def collect(value, where="", messages=messages):
            if isinstance(value, dict):
                for key, inner in value.items():
                    collect(inner, f"{where} {int(key) + 1 if str(key).isdigit() else key}".strip())
            elif isinstance(value, list):
                for inner in value:
                    collect(inner, where)
            elif isinstance(value, str):
                messages.append(f"{where}: {admin_texts.say(value)}" if where else admin_texts.say(value))
        collect(problem)
        errors[name] = messages
    return errors


# the fields of the form (what the differences after a change made meanwhile list)
PERSON_FIELDS = ("full_name", "position", "phones", "emails", "messengers", "important_dates", "notes")


def render_person_form(counterparty_id, person, values, errors, status=200, conflict=None):
    return render_template(
        "contact_persons/form.html", person=person, values=values, errors=errors, conflict=conflict,
        counterparty_id=counterparty_id, counterparty_name=counterparty_names([counterparty_id]).get(counterparty_id),
        messenger_rows=MESSENGER_ROWS, date_rows=DATE_ROWS, date_kinds=DATE_KINDS), status


@bp.route("/counterparties/<uuid:counterparty_id>/contact-persons/new", methods=["GET", "POST"])
@auth.page_login_required
def new_contact_person(counterparty_id):
    counterparty_id = str(counterparty_id)
    if request.method == "GET":
        return render_person_form(counterparty_id, None, {"messengers": [], "important_dates": []}, {})
    data = person_data()
    try:
        created = rpc.call("counterparties", "add_contact_person", g.actor, counterparty_id, data)
    except InvalidInput as exc:
        return render_person_form(counterparty_id, None, form_values(data), flat_errors(exc.details), 422)
    flash(_("Contact person “%(name)s” added.", name=created["full_name"]), "success")
    return redirect(url_for("web.counterparty", counterparty_id=counterparty_id, _anchor="contact-persons"))


@bp.route("/contact-persons/<uuid:contact_person_id>/edit", methods=["GET", "POST"])
@auth.page_login_required
def edit_contact_person(contact_person_id):
    person = rpc.call("counterparties", "get_contact_person", g.actor, str(contact_person_id))
    if request.method == "GET":
        return render_person_form(person["counterparty_id"], person, form_values(person), {})
    data = person_data()
    values = {**form_values(data), changed_meanwhile.FIELD: request.form.get(changed_meanwhile.FIELD, "")}
    try:
        rpc.call("counterparties", "update_contact_person", g.actor, str(contact_person_id), data,
                 expected_version=changed_meanwhile.form_version())
    except InvalidInput as exc:
        return render_person_form(person["counterparty_id"], person, values, flat_errors(exc.details), 422)
    except PreconditionFailed as exc:
        conflict = changed_meanwhile.notice(exc, PERSON_FIELDS, data)
        return render_person_form(person["counterparty_id"], person, values, {}, 409, conflict=conflict)
    except Conflict as exc:
        flash(admin_texts.say(exc.message), "error")
        return redirect(url_for("web.contact_person", contact_person_id=contact_person_id))
    flash(_("The contact person’s card is saved."), "success")
    return redirect(url_for("web.contact_person", contact_person_id=contact_person_id))


@bp.route("/contact-persons/<uuid:contact_person_id>/move", methods=["POST"])
@auth.page_login_required
def move_contact_person(contact_person_id):
    """The person now works for another counterparty (picked in the form)."""
    target = request.form.get("counterparty_id", "")
    if not target:
        flash(_("Choose the counterparty the person works for now."), "error")
        return redirect(url_for("web.contact_person", contact_person_id=contact_person_id, _anchor="move"))
    try:
        moved = rpc.call("counterparties", "move_contact_person", g.actor, str(contact_person_id),
                         {"counterparty_id": target})
    except (InvalidInput, Conflict, NotFound, PermissionDenied) as exc:
        flash(_("Not moved: %(why)s", why=admin_texts.say(exc.message)), "error")
        return redirect(url_for("web.contact_person", contact_person_id=contact_person_id, _anchor="move"))
    name = counterparty_names([moved["counterparty_id"]]).get(moved["counterparty_id"], "")
    flash(_("Moved: the person now works for %(name)s.", name=name), "success")
    return redirect(url_for("web.contact_person", contact_person_id=contact_person_id))
