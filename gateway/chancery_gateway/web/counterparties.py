"""Counterparties: the directory with search, quick entry with duplicate hints, and the card."""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput

from .. import auth, overview, rpc
from . import bp, forms
from .lookups import employee_names

FIELDS = ("name", "kind", "short_name", "tax_id", "phone", "email", "legal_address",
          "main_contact", "notes")
DUPLICATE_KEYS = ("name", "tax_id", "phone", "email")


@bp.route("/counterparties")
@auth.page_login_required
def counterparties():
    search = request.args.get("q", "").strip()
    page, query = forms.paging()
    if search:
        query["search"] = search
    found = rpc.call("counterparties", "list_counterparties", g.actor, query)
    context = {
        "counterparties": found["items"], "search": search,
        "paging": forms.pages(found["total"], page),
        "employees": employee_names(c["responsible_employee_id"] for c in found["items"]),
    }
    if forms.is_fragment("results"):
        return render_template("counterparties/_results.html", **context)
    return render_template("counterparties/list.html", **context)


@bp.route("/counterparties/new", methods=["GET", "POST"])
@auth.page_login_required
def new_counterparty():
    if request.method == "GET":
        return render_template("counterparties/new.html", values={"kind": "organisation"},
                               errors={}, duplicates=None)
    data = forms.values(FIELDS)
    try:
        created = rpc.call("counterparties", "create_counterparty", g.actor, data)
    except InvalidInput as exc:
        return render_template("counterparties/new.html", values=request.form,
                               errors=exc.details or {}, duplicates=likely_duplicates(data)), 422
    flash(_("Counterparty “%(name)s” created.", name=created["name"]), "success")
    return redirect(url_for("web.counterparty", counterparty_id=created["id"]))


def likely_duplicates(data):
    """Look-alikes of ``data``: ``{"items": visible ones, "hidden_matches": how many others}``.

    Fields the service finds invalid are left out of the comparison, not reported twice.
    """
    probe = {key: data[key] for key in DUPLICATE_KEYS if data.get(key)}
    for _attempt in range(2):
        if not probe:
            break
        try:
            return rpc.call("counterparties", "find_duplicates", g.actor, probe)
        except InvalidInput as exc:
            probe = {key: value for key, value in probe.items() if key not in (exc.details or {})}
    return None


@bp.route("/counterparties/duplicates", methods=["POST"])
@auth.page_login_required
def counterparty_duplicates():
    """The duplicate hint under the new-counterparty form, refreshed by htmx as fields change."""
    return render_template("counterparties/_duplicates.html",
                           duplicates=likely_duplicates(forms.values(DUPLICATE_KEYS)))


@bp.route("/counterparties/choices")
@auth.page_login_required
def counterparty_choices():
    """Counterparties matching what was typed, to pick one for a new document."""
    search = request.args.get("q", "").strip()
    found = rpc.call("counterparties", "list_counterparties", g.actor,
                     {"search": search, "limit": 8} if search else {"limit": 8})
    return render_template("counterparties/_choices.html", counterparties=found["items"],
                           search=search)


@bp.route("/counterparties/<uuid:counterparty_id>")
@auth.page_login_required
def counterparty(counterparty_id):
    view = overview.compose(g.actor, str(counterparty_id))
    unavailable = {part["part"] for part in view["unavailable"]}
    return render_template("counterparties/card.html", view=view, unavailable=unavailable,
                           counterparty=view["counterparty"])
