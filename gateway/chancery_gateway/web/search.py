"""Global search from any page: the box in the top bar (``/`` or Ctrl+K) and its results page."""
from flask import g, render_template, request

from .. import auth
from ..compose import search as global_search
from . import bp

LIMIT_AS_YOU_TYPE = 5
LIMIT_ON_PAGE = 20


@bp.route("/search")
@auth.page_login_required
def search():
    """The whole page of results; to htmx (typing in the top bar) only the grouped list."""
    text = request.args.get("q", "")
    as_you_type = bool(request.headers.get("HX-Request"))
    found = global_search.search(g.actor, text, limit=LIMIT_AS_YOU_TYPE if as_you_type else LIMIT_ON_PAGE)
    if as_you_type:
        return render_template("search/_results.html", found=found, compact=True)
    return render_template("search/page.html", found=found, compact=False)
