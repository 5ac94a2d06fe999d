"""Who is calling: the gateway passes the signed-in employee with every RPC call.

Services record the actor in history and (later) decide visibility from it; they never
trust a client for it: only the gateway, after authenticating, builds an actor.
"""
from dataclasses import dataclass, field
import uuid

from marshmallow import Schema, fields, post_load

from .errors import load


class ActorSchema(Schema):
    id = fields.UUID(required=True)
    roles = fields.List(fields.String(), load_default=list)
    department_id = fields.UUID(allow_none=True, load_default=None)
    full_name = fields.String(load_default="")
    permissions = fields.List(fields.String(), load_default=list)
    visible_department_ids = fields.List(fields.UUID(), load_default=list)
    acting_for = fields.List(fields.UUID(), load_default=list)
    idempotency_key = fields.UUID(allow_none=True, load_default=None)

    @post_load
    def make(self, data, **kwargs):
        return Actor(**data)


@dataclass(frozen=True)
class Actor:
    id: uuid.UUID
    roles: list = field(default_factory=list)
    department_id: uuid.UUID | None = None
    full_name: str = ""
    permissions: list = field(default_factory=list)
    visible_department_ids: list = field(default_factory=list)
    # employees away today whose deputy this actor is: their work comes to the deputy
    acting_for: list = field(default_factory=list)
    # the request's attempt id when it carries an Idempotency-Key (chancery_common.idempotency)
    idempotency_key: uuid.UUID | None = None

    def has_role(self, *roles):
        return any(role in self.roles for role in roles)

    def may(self, permission):
        """A configurable permission (staff's role settings decide who has it)."""
        return permission in self.permissions


_actor_schema = ActorSchema()  # made once: every RPC call of every service loads an actor


def load_actor(data):
    """The actor from an RPC argument, or InvalidInput naming the field."""
    return load(_actor_schema, data)
