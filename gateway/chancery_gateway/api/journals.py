"""Registration journals (owned by the documents service)."""
from flask import g
from flask_smorest import Blueprint

from .. import rpc
from .schemas import JournalSchema

blp = Blueprint("journals", __name__, url_prefix="/api/v1/journals",
                description="Registration journals with gap-free numbering per year.")


@blp.route("/")
@blp.response(200, JournalSchema(many=True))
def list_journals():
    return rpc.call("documents", "list_journals", g.actor)
