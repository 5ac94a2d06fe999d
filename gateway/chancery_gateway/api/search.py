"""Global search: counterparties, contact persons, documents, activities and employees at once."""
from flask import g
from .blueprint import Blueprint
from marshmallow import RAISE

from ..compose import search as global_search
from ..payload import jsonable
from .schemas.search import SearchArgs, SearchResultSchema

blp = Blueprint("search", __name__, url_prefix="/api/v1/search",
                description="One phrase searched in every service the employee may see, grouped by kind.")


@blp.route("/")
# no paging here (a few of each kind): an `offset` or a misspelt name is named, not ignored
@blp.arguments(SearchArgs, location="query", unknown=RAISE)
@blp.response(200, SearchResultSchema)
def search(args):
    """Search everything visible to the signed-in employee."""
    return jsonable(global_search.search(g.actor, args["q"], limit=args["limit"]))
