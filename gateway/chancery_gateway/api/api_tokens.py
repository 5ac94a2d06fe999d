"""API tokens for other systems (administrators only; owned by the staff service)."""
from flask import g
from .blueprint import Blueprint

from .. import rpc
from ..payload import jsonable
from .paging import listing
from .schemas.auth import ApiTokenSchema, NewApiTokenSchema
from .schemas.common import page_of

blp = Blueprint("api-tokens", __name__, url_prefix="/api/v1/api-tokens",
                description="Tokens other systems send as `Authorization: Bearer <token>`. "
                            "The token is shown once, when created; scopes: read, write.")


@blp.route("/")
@blp.response(200, page_of(ApiTokenSchema, "ApiTokenList"))
@listing
def list_tokens():
    return rpc.call("staff", "list_api_tokens", g.actor)


@blp.route("/", methods=["POST"])
@blp.arguments(NewApiTokenSchema)
@blp.response(201, ApiTokenSchema)
def create_token(data):
    """Create a token acting with an employee's rights, limited by its scopes."""
    return rpc.call("staff", "create_api_token", g.actor, jsonable(data))


@blp.route("/<uuid:token_id>/revoke", methods=["POST"])
@blp.response(200, ApiTokenSchema)
def revoke_token(token_id):
    return rpc.call("staff", "revoke_api_token", g.actor, str(token_id))
