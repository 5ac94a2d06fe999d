"""A contact person's page: the card, consent to mailings, export and erasure of personal data.

Opening the page reads the person's personal data, which the counterparties service
records in its audit log; the page says so.
"""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput

from .. import auth, rpc
from . import admin_texts, bp
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
        flash(_("The personal data is erased in every service. Documents and history stay, "
                "showing “anonymised”."), "success")
    return redirect(url_for("web.contact_person", contact_person_id=contact_person_id))
